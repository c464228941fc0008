"""Warnings that say what will happen to a post's sources: a source without an outlet is
named once, with its line, whatever form its list is written in; a post without sources
says, in that one warning, whether anything after the sign-off was left unread."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from podcaster.text.read import read_post
from podcaster.text.segment import analyse_post
from tests.helpers import TESTS

HEAD = ["정원 소식", "안녕하세요, 작은 정원의 해솔입니다.", "“올봄 도시 텃밭 신청자가 지난해보다 두 배 늘었다.”",
        "“시는 빈 땅 열 곳을 새 텃밭으로 내놓았다.”", "텃밭이 늘어나는 건 반가운 일이에요.",
        "이상 작은 정원이었습니다."]
T1, T2 = "도시 텃밭 신청 두 배", "빈 땅 열 곳 새 텃밭으로"
U1, U2 = "https://garden-news.example/1", "https://field-notes.example/2"
KNOWN = "https://www.hani.co.kr/arti/society/2.html"  # its outlet comes from the address
# Source 1 names no outlet (and its host is in no table); source 2 names one.
FORMS = {
    "1. title + URL": [f"1. {T1}", U1, f"2. {T2} -한빛일보-", U2],
    "1) title": [f"1) {T1} {U1}", f"2) {T2} (한빛일보) {U2}"],
    "[1] title": [f"[1] {T1}", U1, f"[2] {T2} - 한빛일보", U2],
    "① title": [f"① {T1}", U1, f"② {T2} -한빛일보-", U2],
    "- title": [f"- {T1}", U1, f"- {T2} — 한빛일보", U2],
    "• title": [f"• {T1}", U1, f"• {T2} / 한빛일보", U2],
    "unnumbered title": [T1, U1, f"{T2} - 한빛일보", U2],
    "bare URLs": [U1, KNOWN],
    "Markdown link": [f"1. [{T1}]({U1})", f"2. [{T2}]({U2}) - 한빛일보"],
    "Markdown reference": [f'[1]: {U1} "{T1}"', f'[2]: {KNOWN} "{T2}"'],
    "title (date) URL": [f"1. {T1} (2025.11.03) {U1}", f"2. {T2} (한빛일보, 2025.11.03) {U2}"],
}


def no_outlet_warnings(path: Path, caplog) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        analyse_post(read_post(path))
    return [r.getMessage() for r in caplog.records if "has no outlet" in r.getMessage()]


@pytest.mark.parametrize("form", FORMS)
def test_a_source_without_outlet_is_named_once_with_its_line(tmp_path, caplog, form):
    lines = [*HEAD, "", "출처", *FORMS[form]]
    path = tmp_path / "2025-04-01-garden.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    post = read_post(path)
    first = post.sources[0]
    assert first.outlet is None and first.line == lines.index(FORMS[form][0]) + 1
    messages = no_outlet_warnings(path, caplog)
    assert messages == [f"{path}: line {first.line}: source 1 has no outlet; its article is "
                        "announced without one (write it in the list, e.g. '1. 제목 -언론사-')"]


def test_an_html_list_source_without_outlet_is_named_with_its_line(tmp_path, caplog):
    path = tmp_path / "2025-04-01-garden.html"
    quotes = "".join(f"<blockquote><p>{t.strip('“”')}</p></blockquote>\n" for t in HEAD[2:4])
    path.write_text(
        f"<html><body><article><h1>{HEAD[0]}</h1>\n<p>{HEAD[1]}</p>\n{quotes}"
        f"<p>{HEAD[4]}</p>\n<p>{HEAD[5]}</p>\n<ol>\n<li><a href=\"{U1}\">{T1}</a></li>\n"
        f"<li><a href=\"{U2}\">{T2}</a> - 한빛일보</li>\n</ol>\n</article></body></html>\n",
        encoding="utf-8")
    [message] = no_outlet_warnings(path, caplog)
    assert "line 8: source 1 has no outlet" in message  # the <li> line


def test_every_corpus_post_names_each_source_without_outlet_once(caplog):
    for folder in ("corpus", "pages_corpus"):
        for path in sorted((TESTS / folder).iterdir()):
            if path.suffix not in (".txt", ".md", ".html"):
                continue
            post = read_post(path)
            messages = no_outlet_warnings(path, caplog)
            segments = analyse_post(post).segments
            announced = {s.source.n for s in segments if s.kind == "article" and s.source
                         and not s.source.outlet}
            named = [int(m) for m in re.findall(r"source (\d+) has no outlet", " ".join(messages))]
            assert sorted(named) == sorted(announced), (path.name, messages)
            lines = {s.n: s.line for s in post.sources}
            for n in named:
                assert lines[n] > 0 and f"line {lines[n]}: source {n} " in " ".join(messages), \
                    (path.name, messages)


def test_a_post_without_sources_says_it_once_with_what_was_left_unread(tmp_path, caplog):
    path = tmp_path / "2025-04-01-garden.md"
    lines = [f"# {HEAD[0]}", *(x for t in HEAD[1:] for x in ("", t)), "",
             '<div class="ad">광고</div>', "", '<p class="share">공유</p>']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ad, share = lines.index('<div class="ad">광고</div>') + 1, len(lines)
    caplog.clear()
    with caplog.at_level(logging.INFO):
        result = analyse_post(read_post(path))
    [warning] = [w for w in result.warnings if "lists no sources" in w.message]
    assert warning.message == (
        f"the post lists no sources; articles are announced without an outlet; lines {ad}, "
        f"{share} after the sign-off were left unread ('<div class=\"ad\">광고</div>'): is it a "
        "source list in a form podcaster does not know?")
    assert warning.to_dict()["line"] == ad
    assert sum("lists no sources" in r.getMessage() for r in caplog.records) == 1
