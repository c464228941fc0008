"""Segments → the spoken script: cues of speech (one per sentence) and sound, in order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from podcaster.config import Config
from podcaster.errors import PostError
from podcaster.model import Cue, Post, Segment, Source

# The most characters one sentence may have as spoken: a sentence is one clip, held whole in
# memory while it is made (about 50 kB a character), so a paragraph of a million letters
# with no sentence end is refused here, before any synthesis, rather than exhausting memory.
MAX_SPOKEN_SENTENCE = 2_000

# Native Korean numerals as ordinals take: 첫, 두, 세, 네, 다섯 ... 열한, 스무, 스물한 ...
UNITS = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]


def ordinal(number: int) -> str:
    """The native Korean ordinal stem for ``number`` (1 → "첫", 20 → "스무", 21 → "스물한")."""
    if number == 1:
        return "첫"
    if not 1 < number < 100:
        return str(number)
    tens, units = divmod(number, 10)
    if units == 0:
        return "스무" if tens == 2 else TENS[tens]
    return TENS[tens] + UNITS[units]


@dataclass(frozen=True)
class ScriptSettings:
    """What the script needs besides the post: sounds, pauses and the user lexicon."""

    intro: Path | None = None
    sting: Path | None = None
    outro: Path | None = None
    sentence_pause: float = 0.35
    paragraph_pause: float = 0.7
    segment_pause: float = 1.0
    lexicon: Mapping[str, str] | None = None
    # Languages besides Korean read by a voice of their own; () reads every sentence in
    # Korean (English words in Hangul).
    languages: tuple[str, ...] = ("en", "ja")

    @classmethod
    def from_config(cls, config: Config) -> ScriptSettings:
        a = config.audio
        return cls(intro=a.intro, sting=a.sting, outro=a.outro,
                   sentence_pause=float(a.sentence_pause),
                   paragraph_pause=float(a.paragraph_pause),
                   segment_pause=float(a.segment_pause),
                   lexicon=config.pronunciation,
                   languages=tuple(config.engine.languages))


def announcement(number: int, source: Source | None) -> str:
    """The words that introduce the ``number``-th article, e.g. "첫 번째 기사, SBS 뉴스입니다."."""
    if source and source.outlet:
        return f"{ordinal(number)} 번째 기사, {source.outlet}입니다."
    return f"{ordinal(number)} 번째 기사입니다."


def _place(post: Post, text: str) -> str:
    """Where ``text`` (a sentence) is in the post: "the title" or "line N"."""
    if text == post.title:
        return "the title"
    probe = text[:200]
    line = next((b.line for b in post.blocks if probe in b.text), 0)
    return f"line {line}" if line else "a paragraph"


def build_script(post: Post, segments: list[Segment], settings: ScriptSettings) -> list[Cue]:
    """Return the episode's cues in playing order; raises PostError when a line that is
    never a post's words (a URL, markup, a byline, page furniture …) would be spoken."""
    from podcaster.text.languages import KOREAN, for_voice, split_by_language
    from podcaster.text.sentences import lift_asides
    from podcaster.text.spoken import check_spoken

    cues: list[Cue] = []

    def say(kind: str, text: str, pause: float, segment: int | None = None,
            paragraph: int | None = None, language: str = KOREAN) -> None:
        spoken = for_voice(lift_asides(text), language, settings.lexicon).strip()
        if len(spoken) > MAX_SPOKEN_SENTENCE:
            raise PostError(post.path, f"{_place(post, text)}: a sentence of {len(text):,} "
                            f"characters with no end (. ? !), {len(spoken):,} as spoken; one "
                            f"sentence can be at most {MAX_SPOKEN_SENTENCE:,} — add sentence ends")
        if spoken:
            cues.append(Cue(kind=kind, text=text, spoken=spoken, segment=segment,
                            paragraph=paragraph, pause_after=pause, language=language))


    def sound(kind: str, path: Path | None, segment: int | None = None,
              pause: float = 0.0) -> None:
        if path is not None:
            cues.append(Cue(kind=kind, sound=Path(path), segment=segment, pause_after=pause))

    sound("intro", settings.intro)
    say("title", post.title, settings.segment_pause, language=_whole(post.title, settings))
    article_number = 0
    for i, seg in enumerate(segments):
        quoted = seg.kind == "article"
        # Between two articles one sting both closes the first and opens the second.
        closing_sting = quoted and (i + 1 == len(segments) or segments[i + 1].kind != "article")
        if quoted:
            article_number += 1
            sound("sting", settings.sting, segment=i, pause=settings.sentence_pause)
            say("announcement", announcement(article_number, seg.source),
                settings.paragraph_pause, segment=i)
        for j, paragraph in enumerate(seg.paragraphs):
            sentences = split_by_language(paragraph, settings.languages)
            for k, (sentence, language) in enumerate(sentences):
                last_in_paragraph = k == len(sentences) - 1
                last_in_segment = last_in_paragraph and j == len(seg.paragraphs) - 1
                # The sting closing an article brings the segment pause after it.
                pause = (settings.paragraph_pause if last_in_segment and closing_sting
                         else settings.segment_pause if last_in_segment
                         else settings.paragraph_pause if last_in_paragraph
                         else settings.sentence_pause)
                say(seg.kind, sentence, pause, segment=i, paragraph=j, language=language)
        if closing_sting:
            sound("sting", settings.sting, segment=i, pause=settings.segment_pause)
    sound("outro", settings.outro)
    check_spoken(post, segments, cues)
    return cues


def _whole(text: str, settings: ScriptSettings) -> str:
    """The language a whole line (a title) is read in: one voice for all of it."""
    from podcaster.text.languages import KOREAN, detect_language

    language = detect_language(text)
    return language if language in settings.languages else KOREAN
