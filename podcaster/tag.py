"""ID3v2.3 tags on the episode MP3. Every mutagen call goes through this module."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import APIC, COMM, ID3, TALB, TCON, TDRC, TIT2, TPE1, TRCK, ID3NoHeaderError
from mutagen.mp3 import MP3, HeaderNotFoundError

from podcaster.errors import TagError

log = logging.getLogger(__name__)


@dataclass
class EpisodeTags:
    title: str
    artist: str
    album: str
    date: str  # YYYY-MM-DD
    track: int
    description: str = ""
    cover: Path | None = None
    genre: str = "Podcast"


def _mime(path: Path) -> str:
    return "image/png" if path.suffix.lower() == ".png" else "image/jpeg"


def write_tags(mp3: Path, tags: EpisodeTags) -> None:
    """Replace the MP3's ID3 tag with ``tags`` (ID3v2.3). Raises TagError naming the file."""
    try:
        id3 = ID3()
        id3.add(TIT2(encoding=1, text=tags.title))
        id3.add(TPE1(encoding=1, text=tags.artist))
        id3.add(TALB(encoding=1, text=tags.album))
        id3.add(TDRC(encoding=1, text=tags.date))
        id3.add(TCON(encoding=1, text=tags.genre))
        id3.add(TRCK(encoding=1, text=str(tags.track)))
        if tags.description:
            id3.add(COMM(encoding=1, lang="kor", desc="", text=tags.description))
        if tags.cover:
            id3.add(APIC(encoding=0, mime=_mime(tags.cover), type=3, desc="Cover",
                         data=Path(tags.cover).read_bytes()))
        id3.save(str(mp3), v2_version=3, padding=lambda info: 0)
    except (MutagenError, OSError) as exc:
        raise TagError(f"{mp3}: cannot write tags: {exc}") from exc


def read_tags(mp3: Path) -> ID3:
    """The ID3 tag of ``mp3``. Raises TagError naming the file."""
    try:
        return ID3(str(mp3))
    except ID3NoHeaderError:
        raise TagError(f"{mp3}: no ID3 tag") from None
    except (MutagenError, OSError) as exc:
        raise TagError(f"{mp3}: cannot read tags: {exc}") from exc


def audio_duration(mp3: Path) -> float:
    """Seconds of audio in ``mp3``, from its frame headers. Raises TagError naming the file."""
    try:
        return float(MP3(str(mp3)).info.length)
    except HeaderNotFoundError:
        raise TagError(f"{mp3}: not an MP3 file (no MPEG audio frames)") from None
    except (MutagenError, OSError) as exc:
        raise TagError(f"{mp3}: cannot read the audio: {exc}") from exc
