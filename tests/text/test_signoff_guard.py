"""After the sign-off nothing of a source list is spoken: a line that reads as a source-list
item (numbered or not, with or without a URL, an outlet the reader does not know) is placed
as a source or refused (exit 3, naming the line); the sign-off's own sentences and a short
P.S. are still spoken."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podcaster.errors import PostError
from podcaster.text.outlets import OUTLETS
from podcaster.text.read import read_post
from podcaster.text.readers.sources import source_like
from podcaster.text.script import ScriptSettings, build_script
from podcaster.text.segment import segment_post
from tests.helpers import invoke_cli as cli

HEAD = ["정원 소식", "안녕하세요, 작은 정원의 해솔입니다.", "“올봄 도시 텃밭 신청자가 지난해보다 두 배 늘었다.”",
        "텃밭이 늘어나는 건 반가운 일이에요.", "이상 작은 정원이었습니다. 내일 또 만나요!"]
SIGNOFF_LINE = len(HEAD)  # the sign-off's first line; what follows is checked


def post_with(tmp_path: Path, tail: list[str], name: str = "2025-04-01-garden.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([*HEAD, *tail]) + "\n", encoding="utf-8")
    return path


def spoken(path: Path) -> list[str]:
    post = read_post(path)
    return [c.text for c in build_script(post, segment_post(post), ScriptSettings())
            if not c.is_sound]


# Unnumbered, no URL under them, an outlet the outlet table does not know: read as the
# sign-off before, refused now.
SOURCE_LIKE = [
    "오늘의 참고 기사 - 어딘가신문",
    "참고: 한빛경제 칼럼",
    "출처 - 바람골일보 사회면",
    "Sources: hanbit.example 1, 2",
    "오늘의 참고 기사 어딘가",
    "도시 텃밭 신청 두 배 (바람골일보)",
    "도시 텃밭 신청 두 배 | 바람골뉴스",
    "[바람골일보] 도시 텃밭 신청 두 배",
    "바람골일보: 도시 텃밭 신청 두 배",
    "연합뉴스",
]
# The sign-off's own words, and a short P.S.: still spoken.
SIGNOFF = [
    "P.S. 다음 주는 한 주 쉽니다.",
    "P.S. 댓글 환영해요 :)",
    "추신: 씨앗 나눔은 토요일까지예요",
    "그럼 이만 - 해솔 드림",
    "— 해솔 드림",
    "다음 주에 만나요 (해솔)",
    "참고로 내일은 비가 온대요.",
    "좋은 하루 보내세요~",
    "오늘도 고맙습니다 ^^",
]


@pytest.mark.parametrize("line", SOURCE_LIKE)
def test_a_source_like_line_after_the_sign_off_is_refused_naming_it(tmp_path, line):
    path = post_with(tmp_path, [line])
    with pytest.raises(PostError) as raised:
        spoken(path)
    message = str(raised.value)
    assert f"line {SIGNOFF_LINE + 1} looks like an item of a source list" in message, message
    assert path.name in message


@pytest.mark.parametrize("line", SIGNOFF)
def test_the_sign_offs_own_words_are_still_spoken(tmp_path, line):
    path = post_with(tmp_path, [line])
    said = " ".join(spoken(path))
    assert "내일 또 만나요!" in said
    assert line.split()[-1].rstrip(".!~") in said


def test_script_exits_3_on_it(tmp_path):
    path = post_with(tmp_path, ["오늘의 참고 기사 - 어딘가신문"])
    result = cli("script", str(path))
    assert result.exit_code == 3
    assert "line 6 looks like an item of a source list" in result.stderr


# --- properties -------------------------------------------------------------------------------

_WORDS = ["텃밭", "신청", "두 배", "도시", "정원", "씨앗", "나눔", "봄비", "햇살", "이웃", "모종", "화분"]
_title = st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5).map(" ".join)
_outlet = st.one_of(st.sampled_from(sorted({o for o in OUTLETS.values()})),
                    st.sampled_from(["바람골", "한빛", "새벽", "들판"]).map(lambda w: w + "일보"))
_url = st.sampled_from(["https://www.yna.co.kr/view/1", "https://garden.example/a/2",
                        "http://news.example.org/3?x=1"])


@st.composite
def source_item(draw) -> str:
    """A line of a source list as authors write one, in a form picked at random."""
    title, outlet, url = draw(_title), draw(_outlet), draw(_url)
    n = draw(st.integers(1, 9))
    forms = [f"{n}. {title} -{outlet}-", f"{n}) {title} ({outlet})", f"[{n}] {title} - {outlet}",
             f"{title} - {outlet}", f"{title} ({outlet})", f"[{outlet}] {title}",
             f"{outlet}: {title}", f"참고: {title}", f"출처: {outlet}", url, f"{title} {url}",
             f"{n}. {title}", f"- {title} — {outlet}", f"참고 기사 - {outlet}", outlet]
    return draw(st.sampled_from(forms))


_other = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tail=st.lists(st.one_of(source_item(), _other), min_size=1, max_size=5))
def test_any_sign_off_is_spoken_or_refused_never_a_source_item(tmp_path, tail):
    tail = [t.replace("\r", " ").replace("\n", " ").replace("\u2028", " ").replace("\u2029", " ")
            for t in tail]
    tail = [t for t in tail if not t.strip().startswith("이상")]  # would open the sign-off
    path = post_with(tmp_path, tail)
    try:
        post = read_post(path)
        said = build_script(post, segment_post(post), ScriptSettings())
    except PostError:
        return  # refused, naming the line: never read aloud
    heard = [c.text for c in said if not c.is_sound]
    assert not any(re.search(r"https?://|www\.", t) for t in heard), heard
    signoff = [p for s in segment_post(post) if s.kind == "signoff" for p in s.paragraphs[1:]]
    assert not any(source_like(p) for p in signoff), signoff


_ending = st.sampled_from(["습니다.", "어요!", "세요.", "네요~", "니다!", "요."])


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentences=st.lists(st.tuples(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
                                    _ending), min_size=1, max_size=3),
       ps=st.booleans())
def test_sentences_after_the_sign_off_are_spoken(tmp_path, sentences, ps):
    lines = [" ".join(words) + " " + ending for words, ending in sentences]
    if ps:
        lines[-1] = "P.S. " + lines[-1]
    said = " ".join(spoken(post_with(tmp_path, lines)))
    for words, _ in sentences:
        assert words[-1] in said


@pytest.mark.parametrize("line, outlet", [("참고: 한빛경제", "한빛경제"),
                                          ("출처: 바람골일보", "바람골일보"),
                                          ("도시 텃밭 신청 두 배 - 바람골일보 https://garden.example/1",
                                           "바람골일보")])
def test_a_source_like_line_that_can_be_placed_is_a_source_not_an_error(tmp_path, line, outlet):
    path = post_with(tmp_path, [line])
    said = " ".join(spoken(path))
    assert [s.outlet for s in read_post(path).sources] == [outlet]
    assert "참고" not in said and "출처" not in said and "https" not in said
