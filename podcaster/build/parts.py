"""The parts of one build that its phases are given: where it reads and writes (``Folders``),
the voice of each cue kind (``Voices``), how a post's failure is told apart from the
environment's (``Failures``) and the progress hooks the CLI implements (``Progress``).

``podcaster.build.run`` makes them once per build and hands each phase the ones it needs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from podcaster.errors import OutputError, PodcasterError, UnexpectedError, output_error
from podcaster.model import Post, Voice
from podcaster.speech.synthesize import Synthesizer
from podcaster.speech.voices import KOREAN
from podcaster.speech.voices import Voices as SpeechVoices

log = logging.getLogger(__name__)

STAGING_NAME = "staging"
AUDIO_STORE_NAME = "episodes"


@dataclass(frozen=True)
class Folders:
    """Where one build reads and writes."""

    project: Path
    posts: Path
    public: Path
    episodes: Path  # public/episodes/
    cache: Path
    staging: Path  # under the cache: everything is made here before the commit

    @classmethod
    def of(cls, config: Any) -> Folders:
        return cls(project=config.project_dir, posts=config.posts_dir,
                   public=config.public_dir, episodes=config.public_dir / "episodes",
                   cache=config.cache_dir, staging=config.cache_dir / STAGING_NAME)


class Voices:
    """The voice of each cue kind and language in one build (``podcaster.speech.voices``
    decides): the one that speaks it (``concrete``: ``auto`` is the synthesiser's current
    choice)."""

    def __init__(self, resolver: SpeechVoices, synth: Synthesizer):
        self.resolver = resolver  # what the synthesiser is given
        self._synth = synth
        self._plain: dict[Voice, dict] = {}

    def concrete(self, kind: str, language: str = KOREAN) -> Voice:
        """The voice that speaks a cue kind: ``auto`` is gTTS until it falls back."""
        return self.resolver.concrete(kind, language, self._synth.auto_engine)

    def plain(self, voice: Voice) -> dict:
        """``voice`` as JSON data (part of every audio key)."""
        if voice not in self._plain:
            self._plain[voice] = dataclasses.asdict(voice)
        return self._plain[voice]

    @property
    def any_auto(self) -> bool:
        """Whether a voice declared so far is spoken by engine ``auto``."""
        return self.resolver.any_auto()


@dataclass
class Failure:
    """A post that could not be built (with --keep-going); the message names the file."""

    path: Path
    message: str


@dataclass
class Failures:
    """The posts that failed; with ``keep_going`` a post's error is noted and the build goes
    on, else it stops the build. The environment's errors (output) always stop it."""

    keep_going: bool = False
    failed: list[Failure] = field(default_factory=list)

    @contextlib.contextmanager
    def per_post(self, path: Path) -> Iterator[None]:
        """Attribute an error to the post at ``path``; with --keep-going, note it and go on."""
        try:
            yield
        except OutputError:
            raise  # the environment's fault, not the post's: stop
        except PodcasterError as exc:
            if str(path) not in exc.message:
                exc.message = f"{path}: {exc.message}"
            if not self.keep_going:
                raise
            log.debug("%s failed", path, exc_info=True)
            self.failed.append(Failure(Path(path), exc.message))
        except OSError as exc:
            error = output_error(exc)
            if error is not None:  # the environment's fault, not the post's: stop
                raise error from exc
            self._unexpected(path, exc)
        except Exception as exc:
            self._unexpected(path, exc)

    def _unexpected(self, path: Path, exc: Exception) -> None:
        if not self.keep_going:
            raise UnexpectedError(Path(path), exc) from exc
        log.debug("%s failed", path, exc_info=True)
        self.failed.append(Failure(Path(path), str(UnexpectedError(Path(path), exc))))


class Progress:
    """Hooks the CLI implements to show progress; the default shows nothing."""

    def start(self, episodes: int, clips: int) -> None:
        """``episodes`` to produce (built or re-tagged), with ``clips`` speech clips in all."""

    def post(self, post: Post) -> None:
        """Work on ``post``'s episode begins."""

    def clips(self, n: int) -> None:
        """``n`` more clips are ready (synthesised or found in the cache)."""

    def step(self, post: Post, what: str) -> None:
        """A slow step of ``post``'s episode begins (``"encoding"``, ``"tagging"``)."""

    def post_done(self, post: Post) -> None:
        """``post``'s episode is ready (or failed, with --keep-going)."""
