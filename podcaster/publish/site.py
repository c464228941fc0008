"""Episodes → the show's web pages: ``public/index.html`` and ``public/episodes/<slug>.html``.

Pages are rendered with jinja2 (autoescaped) from the episodes' timelines: chapters from the
segment spans, the transcript from the spoken cues. Every link inside the site is relative,
so the same files work under ``podcaster serve``, on GitHub Pages and from disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from podcaster.config import Config
from podcaster.files import write_atomic
from podcaster.model import Episode, Source
from podcaster.publish.chapters import episode_chapters
from podcaster.publish.layout import (
    cover_name,
    feed_url,
    media_url,
    relative_url,
    site_url,
    uri,
)
from podcaster.publish.summary import episode_summary
from podcaster.publish.waveform import Waveform, read_waveform
from podcaster.timecode import korean_duration, timecode, whole_seconds
from podcaster.values import web_url

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"
STATIC_FILES = ("site.css", "player.js")
# Episodes listed per page of the index: the newest on index.html, older ones on page-2.html
# and on; a page of 50 stays a few tens of kilobytes, light for a phone.
INDEX_PAGE_SIZE = 50


@dataclass
class Sentence:
    """One spoken sentence: it owns the audio from its start to the next cue's start."""

    text: str
    start: float
    end: float
    language: str = "ko"  # the language it is read in (the page marks a foreign one)


@dataclass
class Paragraph:
    kind: str
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def language(self) -> str:
        """The language of all its sentences, or Korean when they differ (a Korean
        paragraph holding a foreign sentence marks that sentence only)."""
        languages = {s.language for s in self.sentences}
        return languages.pop() if len(languages) == 1 else "ko"


@dataclass
class Chapter:
    """A chapter as the page shows it: the same chapters the MP3 and chapters JSON carry."""

    title: str
    start: float
    end: float
    seek: float  # where a click jumps: the chapter's first sentence (0 for the first chapter)
    url: str | None = None  # the article's source, when it is a web link


@dataclass
class TranscriptPart:
    """The transcript of one chapter (or of the opening title, with ``chapter`` None)."""

    chapter: Chapter | None
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class WaveformView:
    """The waveform under the player: one bar per peak, a mark where each chapter starts."""

    bars: str  # SVG path data, in a 0..len(peaks) x 0..100 box
    width: int
    marks: list[float]  # x of each chapter start after the first


@dataclass
class EpisodePage:
    """What an episode's page shows, in plain data."""

    slug: str
    title: str
    date: dt.date
    description: str  # the episode's summary (``podcaster.publish.summary``)
    number: int
    duration: float
    audio_name: str
    size: int
    chapters: list[Chapter]
    transcript: list[TranscriptPart]
    sources: list[Source]
    waveform: WaveformView | None = None

    @property
    def href(self) -> str:
        """The page's link from the index."""
        return relative_url(f"episodes/{self.slug}.html")


def link(url: str | None) -> str | None:
    """A link an author wrote (a source's URL), as a URI if it is a web link, else None."""
    found = web_url(url)
    return uri(found) if found else None


def chapters_of(episode: Episode) -> list[Chapter]:
    """The episode's chapters (see ``podcaster.publish.chapters``), one per segment span."""
    speech_starts = [t.start for t in episode.timeline.speech()]
    chapters = []
    for n, chapter in enumerate(episode_chapters(episode.timeline)):
        seek = 0.0
        if n > 0:
            # Chapter times are whole milliseconds; jump to the exact start of the sentence.
            seek = next((s for s in speech_starts if s >= chapter.start - 0.001), chapter.start)
        chapters.append(Chapter(chapter.title, chapter.start, chapter.end, seek,
                                link(chapter.url)))
    return chapters


def transcript_of(episode: Episode, chapters: list[Chapter]) -> list[TranscriptPart]:
    """The spoken sentences grouped by chapter and paragraph, with their times."""
    timeline = episode.timeline
    duration = timeline.duration or episode.duration
    by_segment = {span.index: chapters[n] for n, span in enumerate(timeline.segments)}
    parts: list[TranscriptPart] = []
    part_key: object = object()
    para_key: object = object()
    cues = timeline.cues
    for i, timed in enumerate(cues):
        cue = timed.cue
        if cue.is_sound or not cue.text.strip():
            continue
        # A sentence owns the pause after it, so the highlight does not blink between sentences.
        end = cues[i + 1].start if i + 1 < len(cues) else duration
        if cue.segment != part_key:
            parts.append(TranscriptPart(by_segment.get(cue.segment)))
            part_key = cue.segment
            para_key = object()
        key = (cue.kind == "announcement", cue.paragraph)
        if key != para_key:
            parts[-1].paragraphs.append(Paragraph(cue.kind))
            para_key = key
        parts[-1].paragraphs[-1].sentences.append(Sentence(cue.text, timed.start, end,
                                                           cue.language))
    return parts


def waveform_view(waveform: Waveform | None, chapters: list[Chapter]) -> WaveformView | None:
    """The SVG drawing of ``waveform`` with chapter marks, or None without peaks."""
    if waveform is None or not waveform.peaks or waveform.duration <= 0:
        return None
    width = len(waveform.peaks)
    bars = " ".join(f"M{x}.5 {50 - max(p, 1) / 2:g}v{max(p, 1):g}"
                    for x, p in enumerate(waveform.peaks))
    marks = [round(c.start / waveform.duration * width, 2) for c in chapters[1:]]
    return WaveformView(bars, width, marks)


def episode_page(episode: Episode, peaks: bytes | None = None) -> EpisodePage:
    """What the episode's page shows; its waveform from ``peaks`` (a peaks file's content),
    by default from the peaks file beside the MP3."""
    post = episode.post
    chapters = chapters_of(episode)
    return EpisodePage(
        slug=post.slug, title=post.title, date=post.date, description=episode_summary(episode),
        number=episode.number, duration=episode.duration, audio_name=episode.audio_path.name,
        size=episode.size, chapters=chapters, transcript=transcript_of(episode, chapters),
        sources=list(post.sources),
        waveform=waveform_view(read_waveform(episode, peaks), chapters),
    )


def korean_date(day: dt.date) -> str:
    return f"{day.year}년 {day.month}월 {day.day}일"


def seconds_attr(seconds: float) -> str:
    """Seconds with millisecond precision, rounded up: seeking there lands inside the cue."""
    return f"{math.ceil(seconds * 1000 - 1e-6) / 1000:.3f}"


def iso_duration(seconds: float) -> str:
    """A ``<time datetime>`` duration, rounded as every duration shown (``PT1M58S``)."""
    s = whole_seconds(seconds)
    return f"PT{s // 3600}H{s % 3600 // 60}M{s % 60}S" if s >= 3600 else f"PT{s // 60}M{s % 60}S"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(clock=timecode, korean_duration=korean_duration, korean_date=korean_date,
                       seconds=seconds_attr, web_url=link, iso_duration=iso_duration)
    return env


def static_version() -> str:
    """A short hash of the static files, appended to their URLs so browsers refetch changes."""
    digest = hashlib.sha256()
    for name in STATIC_FILES:
        digest.update((STATIC_DIR / name).read_bytes())
    return digest.hexdigest()[:10]


def index_page_name(n: int) -> str:
    """The file of the ``n``-th page of the episode list: the newest on ``index.html``."""
    return "index.html" if n == 1 else f"page-{n}.html"


def render_site(config: Config, episodes: list[Episode],
                peaks: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """Every file of the site, by path relative to ``public/``; the waveforms from ``peaks``
    (peaks files' contents by slug) when given, else from the peaks files in ``public/``."""
    env = environment()
    pages = [episode_page(e, (peaks or {}).get(e.post.slug))
             for e in sorted(episodes, key=lambda e: (e.post.date, e.post.slug), reverse=True)]
    show = config.show
    common = {
        "show": show,
        "feed_url": feed_url(config),
        "cover": cover_name(config),
        "cover_url": site_url(config, cover_name(config)),
        "version": static_version(),
    }
    files: dict[str, bytes] = {}
    index_template = env.get_template("index.html")
    count = max(1, math.ceil(len(pages) / INDEX_PAGE_SIZE))
    for n in range(1, count + 1):
        name = index_page_name(n)
        pager = None
        if count > 1:
            pager = {"page": n, "pages": count,
                     "newer": index_page_name(n - 1) if n > 1 else None,
                     "older": index_page_name(n + 1) if n < count else None}
        shown = pages[(n - 1) * INDEX_PAGE_SIZE: n * INDEX_PAGE_SIZE]
        html = index_template.render(
            root="", episodes=shown, total=len(pages), pager=pager,
            first_number=len(pages) - (n - 1) * INDEX_PAGE_SIZE,
            page_url=site_url(config, "" if n == 1 else name), **common)
        files[name] = html.encode("utf-8")
    episode_template = env.get_template("episode.html")
    for page in pages:
        audio = f"episodes/{page.audio_name}"
        html = episode_template.render(
            root="../", episode=page, page_url=site_url(config, f"episodes/{page.slug}.html"),
            audio_url=media_url(config, audio),
            # Relative beside the pages (previews, disk); absolute where the audio is hosted.
            player_src=media_url(config, audio) if config.show.media_base_url
            else relative_url(page.audio_name), **common)
        files[f"episodes/{page.slug}.html"] = html.encode("utf-8")
    for name in STATIC_FILES:
        files[f"static/{name}"] = (STATIC_DIR / name).read_bytes()
    return files


def write_site(config: Config, episodes: list[Episode]) -> list[Path]:
    """Write the site into ``public/``; pages whose content is unchanged are left alone.

    Returns the paths written.
    """
    written = []
    files = render_site(config, episodes)
    for relative, data in files.items():
        path = config.public_dir / relative
        if write_atomic(path, data):
            written.append(path)
    for stale in config.public_dir.glob("page-*.html"):  # the list got shorter
        if stale.name not in files:
            stale.unlink()
    log.info("site: %d file(s) written", len(written))
    return written
