"""Speech engines, registered by name.

An engine turns one piece of normalised text into 16-bit mono PCM. Third-party engines
register through the ``podcaster.engines`` entry point group.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import ClassVar

from podcaster.errors import EngineError
from podcaster.model import Voice

log = logging.getLogger(__name__)


@dataclass
class Audio:
    """Raw synthesised audio: signed 16-bit little-endian mono PCM at ``rate`` Hz."""

    pcm: bytes
    rate: int

    @property
    def duration(self) -> float:
        return len(self.pcm) / 2 / self.rate


class Engine:
    """Base class of speech engines."""

    name: ClassVar[str] = ""
    install_hint: ClassVar[str] = ""
    network: ClassVar[bool] = False  # needs the internet (rate limits, retries)
    default_jobs: ClassVar[int] = 1

    @classmethod
    def available(cls) -> bool:
        """Whether the engine can run here; if not, ``install_hint`` says what to install."""
        return True

    def settings(self, voice: Voice) -> dict:
        """Everything besides the text that changes the audio (part of the cache key)."""
        return {"voice": voice.voice, "rate": voice.rate, "pitch": voice.pitch,
                "options": dict(voice.options)}

    def synthesize(self, text: str, voice: Voice) -> Audio:  # pragma: no cover - abstract
        raise NotImplementedError


_REGISTRY: dict[str, type[Engine]] = {}


def register(cls: type[Engine]) -> type[Engine]:
    """Class decorator: make an engine known by its ``name``."""
    _REGISTRY[cls.name] = cls
    return cls


def _load_builtin() -> None:
    from podcaster.engines import espeak, gtts  # noqa: F401

    try:
        from podcaster.engines import edge  # noqa: F401
    except ImportError:  # pragma: no cover
        pass


def _load_entry_points() -> None:
    for ep in entry_points(group="podcaster.engines"):
        try:
            cls = ep.load()
        except Exception as exc:  # a broken plugin must not break the tool
            log.warning("engine plugin %s failed to load: %s", ep.name, exc)
            continue
        _REGISTRY.setdefault(ep.name, cls)


def engine_names() -> list[str]:
    _load_builtin()
    _load_entry_points()
    return sorted(_REGISTRY)


def get_engine_class(name: str) -> type[Engine]:
    """The engine class registered as ``name``. Raises EngineError if unknown/unavailable."""
    names = engine_names()
    if name not in _REGISTRY:
        raise EngineError(f"unknown engine {name!r}; known engines: {', '.join(names)}")
    cls = _REGISTRY[name]
    if not cls.available():
        raise EngineError(f"engine {name!r} is not available: {cls.install_hint}")
    return cls
