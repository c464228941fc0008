"""Invisible characters in a post the author wrote or saved (zero-width spaces, byte-order
marks, line separators, tag characters; Naver pages are full of ``&#8203;``) are removed
with a warning naming the post and the line, as ``podcaster import`` removes them: they
would otherwise be published in the feed's titles, the pages and the transcripts."""

from __future__ import annotations

import logging
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from podcaster.text.read import read_post

INVISIBLE = ["\u200b", "\ufeff", "\u2060", "\u00ad", "\U000e0041", "\u200e", "\u2028", "\u2029"]

TEXT = ("봄\u200b소식\n\n안녕하세요\u200b, 박 기자입니다.\n\n“한 회사가 새 AI\ufeff 비서를 냈다.”\n\n"
        "좋은\u2028소식이네요.\n\n이상입니다.\n\n1. 새 AI 비서\u200b 출시 -연합뉴스-\n"
        "https://www.yna.co.kr/view/1\n")


def texts(post) -> list[str]:
    return [post.title, *(b.text for b in post.blocks),
            *(s.title for s in post.sources), *(s.outlet or "" for s in post.sources)]


def invisible(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cf", "Zl", "Zp") and ch not in "\u200c\u200d"
               for ch in text)


def test_invisible_characters_are_removed_with_a_warning(tmp_path, caplog):
    path = tmp_path / "2026-11-29-spring.txt"
    path.write_text(TEXT, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        post = read_post(path)
    assert not any(invisible(t) for t in texts(post))
    assert post.title == "봄소식"
    assert post.blocks[2].text == "좋은소식이네요."  # removed, as the importer removes it
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and str(path) in warnings[0] and "line" in warnings[0]


def test_character_references_in_a_saved_page_are_removed_too(tmp_path):
    path = tmp_path / "2026-11-29-page.html"
    path.write_text("<html><body><article><h1>봄&#8203;소식</h1><p>안녕하세요&#x200B;, 박 기자입니다."
                    "</p><blockquote><p>한 회사가 새 AI 비서를 냈다.</p></blockquote>"
                    "<p>좋네요.</p><p>이상입니다.</p></article></body></html>", encoding="utf-8")
    post = read_post(path)
    assert post.title == "봄소식" and not any(invisible(t) for t in texts(post))


def test_joiners_stay(tmp_path):
    path = tmp_path / "2026-11-29-emoji.txt"
    path.write_text("가족 👨\u200d👩\u200d👧 소식\n\n안녕하세요.\n\n“한 회사가 새 AI를 냈다.”\n\n좋네요.\n\n"
                    "이상입니다.\n", encoding="utf-8")
    assert "\u200d" in read_post(path).title


@given(st.lists(st.sampled_from(INVISIBLE), min_size=1, max_size=6), st.integers(0, 30))
def test_any_invisible_character_anywhere_is_removed(tmp_path_factory, marks, at):
    text = TEXT.replace("\u200b", "").replace("\ufeff", "").replace("\u2028", " ")
    at = min(at, len(text) - 1)
    path = tmp_path_factory.mktemp("p") / "2026-11-29-any.txt"
    path.write_text(text[:at] + "".join(marks) + text[at:], encoding="utf-8")
    assert not any(invisible(t) for t in texts(read_post(path)))
