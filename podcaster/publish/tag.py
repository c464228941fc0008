"""The tag stage: ID3v2.3 tags, chapters and transcript in the episode MP3, and the
transcript and chapter files beside it. Every mutagen call goes through this module.
"""

from __future__ import annotations

import filecmp
import logging
import os
import shutil
from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    PCST,
    TALB,
    TCAT,
    TCON,
    TDES,
    TDRC,
    TGID,
    TIT2,
    TKWD,
    TPE1,
    TRCK,
    USLT,
    WXXX,
    CTOCFlags,
    Frames,
    ID3NoHeaderError,
    PictureType,
    TextFrame,
)
from mutagen.mp3 import MP3, HeaderNotFoundError

from podcaster.config import Config
from podcaster.errors import TagError
from podcaster.files import write_atomic
from podcaster.model import Episode
from podcaster.publish.chapters import Chapter, chapters_json, episode_chapters
from podcaster.publish.layout import uri
from podcaster.publish.metadata import (  # noqa: F401  (also part of this module's interface)
    LANGUAGES,
    EpisodeTags,
    episode_tags,
    id3_language,
    show_notes,
)
from podcaster.publish.transcript import (
    render_json,
    render_srt,
    render_vtt,
    transcript_cues,
)
from podcaster.publish.waveform import PEAKS_SUFFIX, peaks_path, write_peaks

log = logging.getLogger(__name__)


class WFED(TextFrame):
    """The podcast feed URL as Apple writes it: an encoding byte, then the URL.

    mutagen's own WFED is a URL frame without the encoding byte, which eyeD3 and iTunes read
    as a text frame whose first letter is a bad encoding.
    """


# Frame classes for reading: mutagen's, with Apple's WFED.
KNOWN_FRAMES = {**Frames, "WFED": WFED}

UTF16 = 1  # ID3v2.3 has no UTF-8: Korean text is stored as UTF-16 with BOM
LATIN1 = 0
TOC_ID = "toc"
NO_OFFSET = 0xFFFFFFFF  # CHAP byte offsets unused: players seek by time

# The files written beside each episode's MP3, by suffix, with their media types.
SIDECARS = {".vtt": "text/vtt", ".srt": "application/x-subrip",
            ".transcript.json": "application/json",
            ".chapters.json": "application/json+chapters",
            PEAKS_SUFFIX: "application/json"}


def _mime(path: Path) -> str:
    return "image/png" if path.suffix.lower() == ".png" else "image/jpeg"


def chapter_frames(chapters: list[Chapter]) -> list[CHAP | CTOC]:
    """A top-level, ordered CTOC listing every CHAP, then one CHAP per chapter (title, URL)."""
    ids = [f"chp{n}" for n in range(len(chapters))]
    frames: list[CHAP | CTOC] = [
        CTOC(element_id=TOC_ID, flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
             child_element_ids=ids, sub_frames=[TIT2(encoding=UTF16, text="Chapters")])
    ]
    for element_id, chapter in zip(ids, chapters):
        sub = [TIT2(encoding=UTF16, text=chapter.title)]
        if chapter.url:
            sub.append(WXXX(encoding=LATIN1, desc="", url=uri(chapter.url)))
        frames.append(CHAP(element_id=element_id, start_time=chapter.start_ms,
                           end_time=chapter.end_ms, start_offset=NO_OFFSET,
                           end_offset=NO_OFFSET, sub_frames=sub))
    return frames


def write_tags(mp3: Path, tags: EpisodeTags) -> bool:
    """Replace the MP3's ID3 tag with ``tags`` (ID3v2.3). True if the file changed.

    The tag is written into a copy that replaces the MP3 by a rename, so a failure leaves
    the file as it was. Raises TagError naming the file.
    """
    mp3 = Path(mp3)
    tmp = mp3.with_name(f".{mp3.name}.tag.tmp")
    try:
        shutil.copyfile(mp3, tmp)
        _tag_file(tmp, tags)
        if filecmp.cmp(tmp, mp3, shallow=False):
            return False
        os.replace(tmp, mp3)
        return True
    except (MutagenError, OSError) as exc:
        raise TagError(f"{mp3}: cannot write tags: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _tag_file(mp3: Path, tags: EpisodeTags) -> None:
    id3 = ID3()
    id3.add(TIT2(encoding=UTF16, text=tags.title))
    id3.add(TPE1(encoding=UTF16, text=tags.artist))
    id3.add(TALB(encoding=UTF16, text=tags.album))
    id3.add(TDRC(encoding=UTF16, text=tags.date))
    id3.add(TCON(encoding=UTF16, text=tags.genre))
    id3.add(TRCK(encoding=UTF16, text=str(tags.track)))
    if tags.description:
        id3.add(COMM(encoding=UTF16, lang=tags.language, desc="", text=tags.description))
    if tags.cover:
        id3.add(APIC(encoding=LATIN1, mime=_mime(Path(tags.cover)),
                     type=PictureType.COVER_FRONT, desc="Cover",
                     data=Path(tags.cover).read_bytes()))
    if tags.transcript:
        id3.add(USLT(encoding=UTF16, lang=tags.language, desc="", text=tags.transcript))
    if tags.podcast:
        id3.add(PCST(value=1))
    if tags.feed_url:
        id3.add(WFED(encoding=LATIN1, text=uri(tags.feed_url)))
    if tags.guid:
        id3.add(TGID(encoding=UTF16, text=tags.guid))
    if tags.notes:
        id3.add(TDES(encoding=UTF16, text=tags.notes))
    if tags.category:
        id3.add(TCAT(encoding=UTF16, text=tags.category))
    if tags.keywords:
        id3.add(TKWD(encoding=UTF16, text=",".join(tags.keywords)))
    for frame in chapter_frames(tags.chapters) if tags.chapters else []:
        id3.add(frame)
    id3.update_to_v23()
    id3.save(str(mp3), v2_version=3, padding=lambda info: 0)
    order_chapter_frames(mp3)


def _chapter_frame_key(frame: bytes) -> tuple:
    if frame[:4] == b"CTOC":
        return (0, 0, b"")
    data = frame[10:]
    end = data.find(b"\0")
    return (1, int.from_bytes(data[end + 1 : end + 5], "big"), data[:end])


def order_chapter_frames(mp3: Path) -> None:
    """Put the CTOC and then the CHAP frames, in time order, into the tag's chapter slots.

    mutagen orders frames by size; players that ignore the CTOC (ffmpeg among them) list
    chapters in file order. The tag keeps its size: frames only change places.
    """
    with open(mp3, "r+b") as fh:
        header = fh.read(10)
        # Only a plain ID3v2.3 tag, as write_tags makes it (no unsynchronisation or
        # extended header), is walked.
        if len(header) < 10 or header[:4] != b"ID3\x03" or header[5] & 0xC0:
            return
        size = 0
        for byte in header[6:10]:
            size = (size << 7) | (byte & 0x7F)
        body = fh.read(size)
        frames = []
        pos = 0
        while pos + 10 <= len(body) and body[pos : pos + 4].strip(b"\0"):
            end = pos + 10 + int.from_bytes(body[pos + 4 : pos + 8], "big")
            frames.append(body[pos:end])
            pos = end
        slots = [i for i, frame in enumerate(frames) if frame[:4] in (b"CTOC", b"CHAP")]
        ordered = sorted((frames[i] for i in slots), key=_chapter_frame_key)
        for i, frame in zip(slots, ordered):
            frames[i] = frame
        reordered = b"".join(frames) + body[pos:]
        if reordered != body:
            fh.seek(10)
            fh.write(reordered)


def read_tags(mp3: Path) -> ID3:
    """The ID3 tag of ``mp3``. Raises TagError naming the file."""
    try:
        return ID3(str(mp3), known_frames=KNOWN_FRAMES)
    except ID3NoHeaderError:
        raise TagError(f"{mp3}: no ID3 tag") from None
    except (MutagenError, OSError) as exc:
        raise TagError(f"{mp3}: cannot read tags: {exc}") from exc


def sidecar_path(episode: Episode, suffix: str) -> Path:
    """Where the episode's ``suffix`` file (one of SIDECARS) goes: beside its MP3."""
    return episode.audio_path.with_name(episode.post.slug + suffix)


def render_episode_sidecars(config: Config, episode: Episode) -> dict[str, bytes]:
    """The contents of ``<slug>.vtt``, ``.srt``, ``.transcript.json`` and ``.chapters.json``,
    by suffix (the waveform's ``.peaks.json`` is ``podcaster.publish.waveform``'s)."""
    cues = transcript_cues(episode.timeline, config.show.author)
    return {
        ".vtt": render_vtt(cues, config.show.language.split("-")[0].lower()).encode("utf-8"),
        ".srt": render_srt(cues).encode("utf-8"),
        ".transcript.json": render_json(cues),
        ".chapters.json": chapters_json(episode_chapters(episode.timeline),
                                        title=episode.post.title,
                                        podcast_name=config.show.title),
    }


def write_episode_sidecars(config: Config, episode: Episode) -> list[Path]:
    """Write ``<slug>.vtt``, ``.srt``, ``.transcript.json``, ``.chapters.json`` and
    ``.peaks.json`` (the waveform) beside the MP3.

    Files already holding the same bytes are left alone. Returns the files written.
    """
    written = []
    for suffix, data in render_episode_sidecars(config, episode).items():
        path = sidecar_path(episode, suffix)
        if write_atomic(path, data):
            log.info("wrote %s", path.name)
            written.append(path)
    if write_peaks(episode):
        written.append(peaks_path(episode))
    return written


def audio_duration(mp3: Path) -> float:
    """Seconds of audio in ``mp3``, from its frame headers. Raises TagError naming the file."""
    try:
        return float(MP3(str(mp3)).info.length)
    except HeaderNotFoundError:
        raise TagError(f"{mp3}: not an MP3 file (no MPEG audio frames)") from None
    except (MutagenError, OSError) as exc:
        raise TagError(f"{mp3}: cannot read the audio: {exc}") from exc
