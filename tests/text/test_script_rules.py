"""The script's rules from both sides: ordinals at the ends of their range, the longest
sentence that may be spoken and where the error says it is, the title's voice, the pauses
and stings around articles in every order, and what each cue carries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podcaster.errors import PostError
from podcaster.model import Block, Post, Segment, Source
from podcaster.text.script import MAX_SPOKEN_SENTENCE, ScriptSettings, build_script, ordinal

INTRO, STING, OUTRO = Path("intro.mp3"), Path("sting.mp3"), Path("outro.mp3")
SETTINGS = ScriptSettings(intro=INTRO, sting=STING, outro=OUTRO, sentence_pause=0.2,
                          paragraph_pause=0.5, segment_pause=0.9)
TITLE = "바람이 분다"


def post_of(segments: list[Segment], *, title: str = TITLE,
            blocks: list[Block] | None = None) -> Post:
    if blocks is None:
        blocks = [Block(p, quoted=s.kind == "article", line=10 * n + 3)
                  for n, s in enumerate(segments) for p in s.paragraphs]
    return Post(path=Path("2025-04-01-wind.txt"), title=title, date=dt.date(2025, 4, 1),
                slug="wind", blocks=blocks, sources=[s.source for s in segments if s.source])


def script(segments: list[Segment], settings: ScriptSettings = SETTINGS, **post):
    return build_script(post_of(segments, **post), segments, settings)


def article(n: int, text: str, outlet: str | None = None) -> Segment:
    source = Source(n, f"기사 {n}", outlet, f"https://example.com/{n}")
    return Segment("article", source.title, [text], source)


@pytest.mark.parametrize(("number", "expected"), [
    (-1, "-1"), (0, "0"), (1, "첫"), (2, "두"), (9, "아홉"), (10, "열"), (20, "스무"),
    (30, "서른"), (40, "마흔"), (90, "아흔"), (91, "아흔한"), (99, "아흔아홉"),
    (100, "100"), (101, "101"),
])
def test_ordinals_are_native_korean_from_1_to_99_and_digits_outside(number, expected):
    assert ordinal(number) == expected


def test_the_hundredth_article_is_announced_in_digits():
    segments = [article(n, f"{n}번 기사 본문이다.") for n in range(1, 101)]
    announced = [c.text for c in script(segments, ScriptSettings()) if c.kind == "announcement"]
    assert announced[0] == "첫 번째 기사입니다."
    assert announced[1] == "두 번째 기사입니다."
    assert announced[98] == "아흔아홉 번째 기사입니다."
    assert announced[99] == "100 번째 기사입니다."


def test_articles_are_counted_across_other_segments():
    segments = [article(1, "하나다."), Segment("commentary", "생각", ["그렇다."]),
                article(2, "둘이다.", "한빛일보"), article(3, "셋이다.")]
    announced = [c.text for c in script(segments) if c.kind == "announcement"]
    assert announced == ["첫 번째 기사입니다.", "두 번째 기사, 한빛일보입니다.",
                         "세 번째 기사입니다."]


# --- the longest sentence ------------------------------------------------------------------

def test_a_sentence_of_exactly_the_most_characters_is_spoken():
    text = "가" * MAX_SPOKEN_SENTENCE
    cues = script([Segment("commentary", "생각", [text])])
    assert [len(c.spoken) for c in cues if c.kind == "commentary"] == [MAX_SPOKEN_SENTENCE]


def test_one_character_more_is_refused_naming_its_line_and_both_lengths():
    text = "가" * 1996 + " 100%"  # 2,001 written, 2,002 spoken ("백 퍼센트")
    segments = [Segment("greeting", "인사", ["안녕하세요."]),
                Segment("commentary", "생각", [text])]
    with pytest.raises(PostError) as caught:
        script(segments)
    assert caught.value.path == Path("2025-04-01-wind.txt")
    assert str(caught.value).endswith(
        "line 13: a sentence of 2,001 characters with no end (. ? !), 2,002 as spoken; one "
        "sentence can be at most 2,000 — add sentence ends")


def test_a_title_too_long_to_speak_is_named_as_the_title():
    title = "바" * (MAX_SPOKEN_SENTENCE + 1)
    with pytest.raises(PostError, match=r": the title: a sentence of 2,001 characters"):
        script([Segment("commentary", "생각", ["짧다."])], title=title)


def test_a_sentence_not_found_among_the_posts_paragraphs_is_a_paragraph():
    text = "나" * (MAX_SPOKEN_SENTENCE + 1)
    with pytest.raises(PostError, match=r": a paragraph: a sentence of 2,001 characters"):
        script([Segment("commentary", "생각", [text])], blocks=[Block("다른 글이다.", line=4)])


def test_a_paragraph_with_no_known_line_is_a_paragraph():
    text = "나" * (MAX_SPOKEN_SENTENCE + 1)
    with pytest.raises(PostError, match=r": a paragraph: a sentence of 2,001 characters"):
        script([Segment("commentary", "생각", [text])], blocks=[Block(text)])


def test_the_line_is_found_from_the_sentences_first_200_characters():
    # The paragraph as read may end otherwise than the sentence spoken from it.
    text = "라" * 200 + "마" * (MAX_SPOKEN_SENTENCE + 1)
    blocks = [Block("앞 문단이다.", line=2), Block("라" * 200 + "바", line=7)]
    with pytest.raises(PostError, match=r": line 7: a sentence of 2,201 characters"):
        script([Segment("commentary", "생각", [text])], blocks=blocks)


# --- what each cue carries -----------------------------------------------------------------

def test_the_title_is_read_in_its_own_language_only_if_that_language_has_a_voice():
    title = "The new chip is fast and cheap"
    cues = script([Segment("commentary", "생각", ["좋다."])], title=title)
    assert (cues[1].kind, cues[1].text, cues[1].language) == ("title", title, "en")
    assert cues[1].spoken == title
    korean = ScriptSettings(languages=())
    cues = script([Segment("commentary", "생각", ["좋다."])], korean, title=title)
    assert (cues[0].kind, cues[0].language) == ("title", "ko")
    assert cues[0].spoken != title  # read in Hangul by the Korean voice


def test_each_sentence_keeps_its_language_and_the_lexicon_reaches_the_korean_voice():
    settings = ScriptSettings(lexicon={"별빛서재": "별빛 서재"})
    paragraph = "별빛서재 소식입니다. The company said it would ship in March."
    cues = script([Segment("greeting", "인사", [paragraph])], settings)
    said = [(c.kind, c.text, c.spoken, c.language, c.segment, c.paragraph) for c in cues]
    assert said == [
        ("title", TITLE, TITLE, "ko", None, None),
        ("greeting", "별빛서재 소식입니다.", "별빛 서재 소식입니다.", "ko", 0, 0),
        ("greeting", "The company said it would ship in March.",
         "The company said it would ship in March.", "en", 0, 0),
    ]


def test_without_a_voice_for_english_an_english_sentence_is_read_in_korean():
    paragraph = "별빛서재 소식입니다. The company said it would ship in March."
    cues = script([Segment("greeting", "인사", [paragraph])], ScriptSettings(languages=("ja",)))
    assert [(c.text, c.language) for c in cues if c.kind == "greeting"] == [
        ("별빛서재 소식입니다.", "ko"), ("The company said it would ship in March.", "ko")]
    assert cues[-1].spoken != cues[-1].text  # the Korean voice reads it in Hangul


def test_sounds_carry_their_kind_file_segment_and_pause():
    segments = [Segment("greeting", "인사", ["안녕하세요."]), article(1, "본문이다.")]
    cues = script(segments)
    sounds = [(c.kind, c.sound, c.segment, c.pause_after) for c in cues if c.is_sound]
    assert sounds == [("intro", INTRO, None, 0.0), ("sting", STING, 1, 0.2),
                      ("sting", STING, 1, 0.9), ("outro", OUTRO, None, 0.0)]
    announcement = next(c for c in cues if c.kind == "announcement")
    assert (announcement.segment, announcement.paragraph, announcement.pause_after) == (
        1, None, 0.5)


def test_only_the_sounds_configured_are_played():
    segments = [article(1, "본문이다.")]
    only_sting = ScriptSettings(sting=STING)
    assert [c.kind for c in script(segments, only_sting)] == [
        "title", "sting", "announcement", "article", "sting"]
    only_intro_outro = ScriptSettings(intro=INTRO, outro=OUTRO)
    assert [c.kind for c in script(segments, only_intro_outro)] == [
        "intro", "title", "announcement", "article", "outro"]


@pytest.mark.parametrize(("kinds", "expected"), [
    # an article alone: a sting before and after it
    (["article"], ["sting", "A", "a", "sting"]),
    # an article last, after another segment
    (["greeting", "article"], ["g", "sting", "A", "a", "sting"]),
    # an article first, another segment after it
    (["article", "signoff"], ["sting", "A", "a", "sting", "s"]),
    # two articles: one sting between them
    (["article", "article"], ["sting", "A", "a", "sting", "A", "a", "sting"]),
    # no article: no sting
    (["greeting", "signoff"], ["g", "s"]),
])
def test_stings_open_every_article_and_close_the_last_of_a_run(kinds, expected):
    short = {"article": "a", "greeting": "g", "signoff": "s", "announcement": "A"}
    segments = [article(n, "본문이다.") if kind == "article"
                else Segment(kind, kind, ["말이다."]) for n, kind in enumerate(kinds, 1)]
    cues = script(segments)[2:-1]  # without intro, title and outro
    assert [short.get(c.kind, c.kind) for c in cues] == expected


def test_pauses_after_sentences_paragraphs_and_segments():
    segments = [
        Segment("greeting", "인사", ["하나다. 둘이다.", "셋이다."]),
        Segment("article", "기사", ["넷이다. 다섯이다.", "여섯이다."], Source(1, "기사")),
        Segment("signoff", "끝", ["일곱이다. 여덟이다."]),
    ]
    cues = script(segments)
    pauses = [(c.text or c.kind, c.pause_after) for c in cues]
    assert pauses == [
        ("intro", 0.0), (TITLE, 0.9),
        ("하나다.", 0.2), ("둘이다.", 0.5), ("셋이다.", 0.9),
        ("sting", 0.2), ("첫 번째 기사입니다.", 0.5),
        # the article's last sentence leads into its sting, which brings the segment pause
        ("넷이다.", 0.2), ("다섯이다.", 0.5), ("여섯이다.", 0.5), ("sting", 0.9),
        ("일곱이다.", 0.2), ("여덟이다.", 0.9),
        ("outro", 0.0),
    ]


def test_a_sentence_that_speaks_as_nothing_gives_no_cue():
    cues = script([Segment("commentary", "생각", ["좋다.\n🙂\n끝이다."])])
    assert [c.text for c in cues if c.kind == "commentary"] == ["좋다.", "끝이다."]
