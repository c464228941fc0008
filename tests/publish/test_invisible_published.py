"""A show whose posts and podcast.toml hold invisible characters (zero-width spaces,
direction marks, line separators, byte-order marks, tag characters), built for real: none of
them reaches the feed, the pages, the ID3 tags, the transcripts or the chapters."""

from __future__ import annotations

import pytest
from mutagen.id3 import ID3

from podcaster.values import scrub
from tests.helpers import CONFIG, POSTS, invoke_cli, make_project

HIDDEN = "\u200b\u200f\u2028\ufeff\U000e0041\U000e007f\u2060\u00ad"


def hide(text: str, *words: str) -> str:
    for n, word in enumerate(words):
        ch = HIDDEN[n % len(HIDDEN)]
        text = text.replace(word, word[:1] + ch + word[1:] + HIDDEN[(n + 3) % len(HIDDEN)], 1)
    return text


def id3_texts(mp3) -> list[str]:
    texts = []
    for frame in ID3(mp3).values():
        texts += [str(t) for t in getattr(frame, "text", [])]
        texts += [str(getattr(frame, name, "")) for name in ("desc", "url", "element_id")]
        for sub in getattr(frame, "sub_frames", {}).values():
            texts += [str(t) for t in getattr(sub, "text", [])]
    return texts


@pytest.mark.slow
def test_no_invisible_character_is_published_anywhere(tmp_path, caplog):
    posts = {name: text for name, text in POSTS.items() if "spring" in name or "library" in name}
    posts["2025-03-01-spring-rain.txt"] = hide(posts["2025-03-01-spring-rain.txt"],
                                              "봄비", "소식", "기상청은", "꽃이", "날씨신문",
                                              "이상")
    posts["2025-03-05-entity.html"] = (
        "<html><head><title>엔티티&#8203; 제목&#xFEFF;</title></head><body>"
        "<p>안녕하세요 시험 작가입니다.</p><p>오늘은&#x200F; 짧게&#8232; 이야기합니다.</p>"
        "<p>이상 오늘의 소식이었습니다.</p></body></html>")
    config = hide(CONFIG, "작은 시험 방송", "시험 작가", "빌드 시험에")
    project = make_project(tmp_path, posts, config=config)
    result = invoke_cli("build", str(project), "--build-jobs", "1")
    assert result.exit_code == 0, result.output
    removed = [r.getMessage() for r in caplog.records if "removed invisible" in r.getMessage()]
    assert len(removed) == 6, removed  # 3 keys of podcast.toml, 1 post by lines, 2 fields
    public = project / "public"
    mp3s = sorted(public.glob("episodes/*.mp3"))
    assert len(mp3s) == 3
    checked = []
    for path in sorted(public.rglob("*")):
        if path.suffix in (".xml", ".html", ".json", ".vtt", ".srt", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert scrub(text) == (text, None), f"{path.name}: {scrub(text)[1]}"
            checked.append(path.suffix)
    for mp3 in mp3s:
        for text in id3_texts(mp3):
            assert scrub(text) == (text, None), f"{mp3.name} ID3: {text!r}"
    assert {".xml", ".html", ".json", ".vtt", ".srt"} <= set(checked)
    feed = (public / "feed.xml").read_text(encoding="utf-8")
    assert "<title>봄비 소식</title>" in feed and "<title>엔티티 제목</title>" in feed
    assert "작은 시험 방송" in feed
