"""Files made to break the build: nesting too deep for a recursive parser, and shapes that
make a parser scan again and again. Each gets a clear error naming the file, or is put right;
none is a crash or a hang."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podcaster.build import build_project
from podcaster.config import load_config
from podcaster.errors import ConfigError, PostError
from podcaster.files import parse_json
from podcaster.text.read import read_post
from podcaster.text.readers.paragraphs import MAX_WRAPS
from tests.helpers import built_project, snapshot

DEPTH = 100_000
DEEP_JSON = "[" * DEPTH + "]" * DEPTH
SLUGS = ["spring-rain", "robot-library", "night-train"]


@pytest.fixture
def project(tmp_path_factory, tmp_path):
    return built_project(tmp_path_factory, tmp_path / "show")


def test_json_nested_too_deeply_is_bad_json():
    with pytest.raises(ValueError, match="nested too deeply"):
        parse_json(DEEP_JSON)
    assert parse_json(b'{"a": [1]}') == {"a": [1]}


@pytest.mark.parametrize("name", [
    ".podcaster-cache/plans.json", ".podcaster-cache/published.json",
    ".podcaster-cache/artwork.json", "public/.podcaster-manifest.json", "episode store",
    "public/episodes/night-train.peaks.json"])
def test_a_record_nested_too_deeply_is_put_right(project, name):
    if name == "episode store":
        (meta,) = [p for p in (project / ".podcaster-cache" / "episodes").glob("*/*.json")
                   if "night-train" in p.read_text(encoding="utf-8")]
        (project / "public" / "episodes" / "night-train.peaks.json").unlink()
        target = meta
    else:
        target = project / name
    target.write_text(DEEP_JSON, encoding="utf-8")
    result = build_project(project)
    assert sorted(result.unchanged + result.built + result.restored) == sorted(SLUGS)
    peaks = json.loads((project / "public/episodes/night-train.peaks.json").read_bytes())
    assert len(peaks["peaks"]) == 240


def test_a_peaks_file_with_its_header_but_no_waveform_is_made_again(project):
    path = project / "public" / "episodes" / "night-train.peaks.json"
    good = path.read_bytes()
    for junk in ("junk", [1, 2, 3], [1000] * 240, None):
        doc = json.loads(good)
        doc["peaks"] = junk
        path.write_text(json.dumps(doc), encoding="utf-8")
        build_project(project)  # a file changed by hand: everything is published again
        assert path.read_bytes() == good, junk  # the peaks stored with the audio


@pytest.mark.parametrize("name, text", [
    ("2025-03-05-deep.md", "---\ntitle: " + "[" * DEPTH + "]" * DEPTH + "\n---\n# 제목\n\n본문.\n"),
    ("2025-03-05-deep.html", "<html><body><h1>제목</h1>" + "<div>" * DEPTH + "본문"
     + "</div>" * DEPTH + "</body></html>"),
])
def test_a_post_nested_too_deeply_is_a_clear_error(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PostError) as info:
        read_post(path)
    assert str(path) in info.value.format_message()
    assert "nested too deeply" in info.value.format_message()


def test_a_config_nested_too_deeply_is_a_clear_error(project):
    toml = project / "podcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n[extra]\nx = "
                    + "[" * DEPTH + "]" * DEPTH + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested too deeply") as info:
        load_config(project)
    assert str(toml) in info.value.format_message()
    before = snapshot(project / "public")
    with pytest.raises(ConfigError):
        build_project(project)
    assert snapshot(project / "public") == before


def test_quote_marks_wrapping_a_paragraph_thousands_deep(tmp_path):
    """The wrapping marks are taken off a few layers deep (“『…』” is two), the rest stay; a
    paragraph of thousands of them is read in one pass, not one pass per layer."""
    path = tmp_path / "2025-03-05-quotes.txt"
    path.write_text("제목\n" + "“" * 20_000 + "본문" + "”" * 20_000 + "\n", encoding="utf-8")
    (block,) = read_post(path).blocks
    assert block.quoted
    assert block.text == "“" * (20_000 - MAX_WRAPS) + "본문" + "”" * (20_000 - MAX_WRAPS)
    path.write_text("제목\n“『「본문」』”\n", encoding="utf-8")
    assert [b.text for b in read_post(path).blocks] == ["본문"]


def test_a_long_run_of_dates_or_addresses_is_read_in_one_pass():
    """No range in thousands of dates, no address in a long run of address characters: the
    reading is what it is for a few of them (each pattern tries a bounded stretch)."""
    from podcaster.text.normalize import normalize

    dates = normalize("2025년 3월 1일 " * 3 + "입니다.")
    assert normalize("2025년 3월 1일 " * 6000 + "입니다.").startswith(dates[:40])
    assert "닷컴" in normalize("주소 http://" + "a." * 6000 + "com 입니다.")
    # the longest side a date or time has is still one side (year, then five parts)
    assert normalize("2025년 3월 1일 3시 10분 20초~30초 사이") == \
        "이천이십오 년 삼월 일 일 세 시 십 분 이십 초에서 삼십 초 사이"


# What an end-anchored pattern found, now read backwards from the end in one pass (a long
# run of the pattern's characters is no longer scanned again from each of them).
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a.…!?;:, 1가", max_size=30))
def test_ends_read_backwards_are_what_the_anchored_patterns_found(text):
    import re

    from podcaster.text.normalize.codes import _letters_before
    from podcaster.text.sentences import _ellipsis_as_stop

    assert _ellipsis_as_stop(text) == re.sub(r"(?:\.{2,}|…+)$", ".", text)
    found = re.search(r"([A-Za-z]+)$", text)
    assert _letters_before(text, len(text)) == (found.group(1) if found else "")
    trailing = re.search(r"[.!?;:,]+$", text)
    assert text[len(text.rstrip(".!?;:,")):] == (trailing.group() if trailing else "")


def test_long_runs_of_marks_read_as_short_ones():
    from podcaster.text.normalize import normalize
    from podcaster.text.normalize.codes import read_versions
    from podcaster.text.sentences import lift_asides

    assert read_versions("Gemini 2.0 " * 3000).count("이 점 영") == 3000
    assert read_versions("EUR 1.50 요금") == "EUR 1.50 요금"  # a price, not a version
    assert lift_asides("가격(정말요?)" + "." * 5000 + "가...") == \
        "가격" + "." * 5000 + "가. 정말요?"
    assert normalize("가격 1 → 2" + "!" * 3000 + "원").startswith("가격 일에서 이")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=". 가”)\"", max_size=25))
def test_an_ellipsis_at_the_end_is_found_as_before_with_a_run_tried_once(text):
    import re

    from podcaster.text.normalize.steps import _ELLIPSIS_END_RE

    every_dot = re.compile(r"\s*\.{2,}(?=[\s\"'”’」』)]*$)")
    assert _ELLIPSIS_END_RE.sub(".", text) == every_dot.sub(".", text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["chat", "bot", "pipe", "line", "news", "room", "smart",
                                 "watch", "xq", "learning", "data", "base", "z"]),
                min_size=1, max_size=4).map("".join))
def test_a_compound_is_found_as_when_every_cut_was_tried(word):
    import re

    from podcaster.text.normalize.english import _compound, pronunciation

    phones = pronunciation(word)
    expected = None
    if word.isalpha() and len(word) >= 6:
        whole = re.sub(r"\d", "", phones) if phones else None
        shortest = 4 if phones else 3
        for cut in range(len(word) - shortest, shortest - 1, -1):
            head, tail = pronunciation(word[:cut]), pronunciation(word[cut:])
            if head and tail and (whole is None or re.sub(r"\d", "", f"{head} {tail}") == whole):
                expected = (word[:cut], word[cut:])
                break
    assert _compound(word, phones) == expected
