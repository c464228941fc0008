"""Segments → the spoken script: cues of speech (one per sentence) and sound, in order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from podcaster.model import Cue, Post, Segment, Source
from podcaster.normalize import normalize
from podcaster.sentences import split_sentences

ORDINALS = ["첫", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열",
            "열한", "열두", "열세", "열네", "열다섯"]


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

    @classmethod
    def from_config(cls, config) -> ScriptSettings:
        a = config.audio
        return cls(intro=a.intro, sting=a.sting, outro=a.outro,
                   sentence_pause=float(a.sentence_pause),
                   paragraph_pause=float(a.paragraph_pause),
                   segment_pause=float(a.segment_pause),
                   lexicon=config.pronunciation)


def announcement(number: int, source: Source | None) -> str:
    """The words that introduce the ``number``-th article, e.g. "첫 번째 기사, SBS 뉴스입니다."."""
    ordinal = ORDINALS[number - 1] if number <= len(ORDINALS) else f"{number}"
    if source and source.outlet:
        return f"{ordinal} 번째 기사, {source.outlet}입니다."
    return f"{ordinal} 번째 기사입니다."


def build_script(post: Post, segments: list[Segment], settings: ScriptSettings) -> list[Cue]:
    """Return the episode's cues in playing order."""
    cues: list[Cue] = []

    def say(kind: str, text: str, pause: float, segment: int | None = None,
            paragraph: int | None = None) -> None:
        spoken = normalize(text, settings.lexicon).strip()
        if spoken:
            cues.append(Cue(kind=kind, text=text, spoken=spoken, segment=segment,
                            paragraph=paragraph, pause_after=pause))

    def sound(kind: str, path: Path | None, segment: int | None = None) -> None:
        if path is not None:
            cues.append(Cue(kind=kind, sound=Path(path), segment=segment))

    sound("intro", settings.intro)
    say("title", post.title, settings.segment_pause)
    article_number = 0
    for i, seg in enumerate(segments):
        if seg.kind == "article":
            article_number += 1
            sound("sting", settings.sting, segment=i)
            say("announcement", announcement(article_number, seg.source),
                settings.paragraph_pause, segment=i)
        for j, paragraph in enumerate(seg.paragraphs):
            sentences = split_sentences(paragraph)
            for k, sentence in enumerate(sentences):
                last_in_paragraph = k == len(sentences) - 1
                last_in_segment = last_in_paragraph and j == len(seg.paragraphs) - 1
                pause = (settings.segment_pause if last_in_segment
                         else settings.paragraph_pause if last_in_paragraph
                         else settings.sentence_pause)
                say(seg.kind, sentence, pause, segment=i, paragraph=j)
        if seg.kind == "article":
            sound("sting", settings.sting, segment=i)
    sound("outro", settings.outro)
    return cues
