"""Posts shaped to exhaust the reader: lists and quotes nested deeper than can be read, and
paragraphs too long to be spoken as one sentence, are clear errors naming the file and the
line (exit 3), never silently shortened posts or an exhausted memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podcaster.errors import PostError
from podcaster.text.read import read_post
from podcaster.text.readers.markdown import MAX_DEPTH
from podcaster.text.script import MAX_SPOKEN_SENTENCE, ScriptSettings, build_script
from podcaster.text.segment import segment_post
from tests.helpers import POSTS, make_project, run_cli, snapshot

HEAD = "---\ntitle: 깊은 목록의 글\n---\n안녕하세요 시험 진행자입니다.\n\n"
TAIL = "\n\n네, 오늘의 생각은 여기까지입니다.\n\n이상 오늘의 소식이었습니다.\n"


def nested_list(depth: int) -> str:
    return "\n".join("  " * i + "- 항목" for i in range(depth))


def nested_quote(depth: int) -> str:
    return "> " * depth + "깊은 인용입니다."


def write(folder: Path, text: str, name: str = "2025-04-01-deep.md") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("shape", [nested_list, nested_quote])
def test_nesting_up_to_the_limit_keeps_the_commentary_and_sign_off(tmp_path, shape):
    post = read_post(write(tmp_path, HEAD + shape(MAX_DEPTH) + TAIL))
    texts = [b.text for b in post.blocks]
    assert texts[-2:] == ["네, 오늘의 생각은 여기까지입니다.", "이상 오늘의 소식이었습니다."]


@pytest.mark.parametrize(("shape", "line"), [(nested_list, 6 + MAX_DEPTH), (nested_quote, 6)])
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 30, 2000])
def test_deeper_nesting_is_an_error_naming_the_line(tmp_path, shape, line, depth):
    path = write(tmp_path, HEAD + shape(depth) + TAIL)
    with pytest.raises(PostError) as caught:
        read_post(path)
    assert caught.value.exit_code == 3
    assert caught.value.message == (
        f"{path}: line {line}: lists and quotes nested more than {MAX_DEPTH} deep; "
        f"podcaster reads at most {MAX_DEPTH} levels")


LAYERS = st.lists(st.sampled_from(["> ", "- ", "1. "]), max_size=3 * MAX_DEPTH)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layers=LAYERS, text=st.text(alphabet="가나다 .*_>-", max_size=20))
def test_any_nesting_is_read_whole_or_refused(tmp_path, layers, text):
    """Whatever lists and quotes a post nests, the paragraphs after them are read, or the
    post is refused naming the line: nothing is dropped silently."""
    lines, prefix = [], ""
    for layer in layers:  # each layer nests inside the one before
        lines.append(prefix + layer + "항목 " + text)
        prefix += layer if layer == "> " else " " * len(layer)
    path = write(tmp_path, HEAD + "\n".join(lines) + TAIL)
    try:
        post = read_post(path)
    except PostError as error:
        assert "nested more than" in error.message
        return
    assert post.blocks[-1].text == "이상 오늘의 소식이었습니다."


def script_of(path: Path):
    post = read_post(path)
    return build_script(post, segment_post(post), ScriptSettings())


@pytest.mark.parametrize("letters", ["가", "a", "가나다라마바사아자차카타파하"])
def test_a_megabyte_paragraph_with_no_spaces_is_refused_before_synthesis(tmp_path, letters):
    body = (letters * (1_000_000 // len(letters) + 1))[:1_000_000]
    path = write(tmp_path, f"긴 글\n안녕하세요 시험 진행자입니다.\n{body}\n이상 오늘의 소식이었습니다.\n",
                 "2025-04-02-long.txt")
    with pytest.raises(PostError) as caught:
        script_of(path)
    message = caught.value.message
    assert message.startswith(f"{path}: line 3: a sentence of 1,000,000 characters with no end")
    assert f"at most {MAX_SPOKEN_SENTENCE:,}" in message


def test_long_sentences_that_fit_are_spoken(tmp_path):
    sentence = "가" * (MAX_SPOKEN_SENTENCE - 1) + "."
    path = write(tmp_path, f"긴 글\n안녕하세요 시험 진행자입니다.\n{sentence}\n이상 끝입니다.\n",
                 "2025-04-02-long.txt")
    assert any(cue.text == sentence for cue in script_of(path))
    digits = write(tmp_path, "숫자의 글\n오늘의 숫자는 " + "7" * 5000 + "입니다.\n",
                   "2025-04-03-digits.txt")  # long as written, short as spoken
    assert any("자리 숫자" in cue.spoken for cue in script_of(digits))


def test_building_a_post_too_long_to_speak_is_exit_3_and_keeps_public(tmp_path):
    first = dict(list(POSTS.items())[:1])  # one episode is enough to have a public/ to keep
    project = make_project(tmp_path / "show", first)
    assert run_cli("-q", "build", str(project), timeout=600).returncode == 0
    assert len(list((project / "public" / "episodes").glob("*.mp3"))) == 1
    before = snapshot(project / "public")
    write(project / "posts", "긴 글\n안녕하세요 시험 작가입니다.\n" + "가나다라" * 8000 + "\n",
          "2025-03-09-long.txt")
    result = run_cli("-q", "build", str(project), timeout=600)
    assert result.returncode == 3, result.stderr
    assert "2025-03-09-long.txt: line 3: a sentence of 32,000 characters" in result.stderr
    assert snapshot(project / "public") == before
