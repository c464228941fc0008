"""Which voice speaks a cue: the one place that decides it.

podcast.toml's ``[voices.<kind>]`` tables (engine, voice, rate, pitch, tempo, options) over
the ``[engine]`` name, with ``--engine`` overriding every engine; a sentence in another
language takes ``[voices.<language>]`` and ``[voices.<language>.<kind>]`` instead (its
tempo still follows the kind). Where nothing names a voice, the engine's default for the
language (and cue kind) is taken from ``DEFAULT_VOICES``. ``auto`` stays ``auto`` in the
configured voice; the concrete voice names the engine that ``auto`` became.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from podcaster.errors import ConfigError
from podcaster.model import Voice

AUTO = "auto"
AUTO_FIRST = "gtts"  # what auto means while Google can be reached
AUTO_FALLBACK = "espeak"

KOREAN = "ko"
LANGUAGES = ("ko", "en", "ja")  # the languages a sentence can be read in

# Tempo per cue kind when podcast.toml sets none: quoted articles are long and read a
# little faster; the author's own parts keep the engine's natural pace.
DEFAULT_TEMPO = {"title": 1.0, "greeting": 1.0, "announcement": 1.0, "article": 1.1,
                 "commentary": 1.0, "signoff": 1.0}
TEMPO_RANGE = (0.5, 2.0)

# engine -> language -> (voice for every kind, {cue kind: its own voice})
DEFAULT_VOICES: dict[str, dict[str, tuple[str, dict[str, str]]]] = {
    "espeak": {"ko": ("ko", {}), "en": ("en-us", {}), "ja": ("ja", {})},
    "gtts": {"ko": ("ko", {}), "en": ("en", {}), "ja": ("ja", {})},
    "edge": {
        "ko": ("ko-KR-SunHiNeural", {"article": "ko-KR-InJoonNeural"}),
        "en": ("en-US-AriaNeural", {"article": "en-US-GuyNeural"}),
        "ja": ("ja-JP-NanamiNeural", {"article": "ja-JP-KeitaNeural"}),
    },
}

VOICE_FIELDS = ("voice", "rate", "pitch", "options")  # what belongs to one engine's voice


def default_voice(engine: str, language: str = KOREAN, kind: str = "") -> str:
    """The voice ``engine`` reads ``language`` with for a cue ``kind`` when podcast.toml
    names none ("" when the engine has none for that language).

    Engines from plugins give theirs as class attributes (``default_voice`` and
    ``kind_voices`` for Korean, ``language_voices`` for the others), else those of the
    built-in engine they derive from.
    """
    row = DEFAULT_VOICES.get(engine, {}).get(language)
    if row is not None:
        voice, by_kind = row
        return by_kind.get(kind, voice)
    if engine in DEFAULT_VOICES:
        return ""
    from podcaster.speech.engines import get_engine_class

    cls = get_engine_class(engine, require_available=False)
    own = (cls.kind_voices.get(kind, cls.default_voice) if language == KOREAN
           else cls.language_voices.get(language, ""))
    if own:
        return own
    # A plugin built on a built-in engine speaks with that engine's voices.
    for base in cls.__mro__[1:]:
        if getattr(base, "name", "") in DEFAULT_VOICES:
            return default_voice(base.name, language, kind)
    return ""


def _same_engine(name: str) -> str:
    return AUTO_FIRST if name == AUTO else name


class Voices:
    """The voice of every cue kind and language of one project (or one fixed voice)."""

    def __init__(self, tables: Mapping[str, Mapping[str, Any]] | None = None,
                 engine: str = AUTO, override: str | None = None,
                 fixed: Voice | None = None):
        self._tables = {k: dict(v) for k, v in (tables or {}).items() if isinstance(v, Mapping)}
        self._engine = engine
        self._override = override
        self._fixed = fixed
        self._configured: dict[tuple[str, str], Voice] = {}
        self._concrete: dict[tuple[str, str, str | None], Voice] = {}

    @classmethod
    def from_config(cls, config, engine: str | None = None) -> Voices:
        """The voices of a loaded podcast.toml; ``engine`` is the --engine option."""
        return cls(config.voices, config.engine.name, engine)

    @classmethod
    def fixed(cls, voice: Voice) -> Voices:
        """Every cue spoken by ``voice`` (its defaults filled in per kind and language)."""
        return cls(fixed=voice)

    def configured(self, kind: str, language: str = KOREAN) -> Voice:
        """The voice of a cue kind in ``language`` as podcast.toml and --engine set it
        (its engine may be ``auto``). Raises ConfigError for a tempo out of range."""
        key = (kind, language)
        if key not in self._configured:
            self._configured[key] = self._configure(kind, language)
        return self._configured[key]

    def where(self, kind: str, language: str, key: str) -> str:
        """The podcast.toml table that sets ``key`` for a cue kind in ``language`` (e.g.
        ``article``, ``en`` or ``en.article``; the kind's if none does), for messages."""
        names, tables = self._layers(kind, language)
        return next((n for n, t in zip(names, tables) if key in t), kind)

    def _configure(self, kind: str, language: str) -> Voice:
        if self._fixed is not None:
            return self._fixed
        names, tables = self._layers(kind, language)
        table = _first_of(tables)
        name = self._override or table.get("engine") or self._engine
        options = tuple(sorted((str(k), str(v)) for k, v in table.get("options", {}).items()))
        voice = Voice(engine=name, voice=str(table.get("voice", "")), rate=table.get("rate"),
                      pitch=table.get("pitch"), tempo=float(table.get("tempo", 1.0)),
                      options=options)
        meant_for = table.get("engine") or self._engine
        if self._override and _same_engine(meant_for) != _same_engine(self._override):
            voice = Voice(engine=voice.engine, tempo=voice.tempo)
        if "tempo" not in table:
            voice = replace(voice, tempo=DEFAULT_TEMPO.get(kind, 1.0))
        if not TEMPO_RANGE[0] <= voice.tempo <= TEMPO_RANGE[1]:
            where = next(n for n, t in zip(names, tables) if "tempo" in t)
            raise ConfigError(f"voices.{where}.tempo must be between {TEMPO_RANGE[0]} and "
                              f"{TEMPO_RANGE[1]}, got {voice.tempo:g}")
        return voice

    def _layers(self, kind: str, language: str) -> tuple[list[str], list[dict[str, Any]]]:
        """The tables that set a voice, the first that sets a key winning, and where each
        is in podcast.toml (for errors)."""
        kind_table = self._tables.get(kind, {})
        if language == KOREAN:
            return [kind], [kind_table]
        language_table = self._tables.get(language, {})
        kind_in_language = language_table.get(kind, {})
        language_table = {k: v for k, v in language_table.items()
                          if not isinstance(v, Mapping) or k == "options"}
        # A Korean voice's name and settings mean nothing to another language's voice:
        # only its engine and tempo carry over.
        tables = [kind_in_language if isinstance(kind_in_language, Mapping) else {},
                  language_table, {k: kind_table[k] for k in ("engine", "tempo")
                                   if k in kind_table}]
        return [f"{language}.{kind}", language, kind], tables

    def concrete(self, kind: str, language: str = KOREAN, auto: str | None = None) -> Voice:
        """The voice that speaks a cue kind in ``language``: ``auto`` replaced by ``auto``'s
        engine (gTTS while undecided), the voice name filled in from the defaults."""
        key = (kind, language, auto)
        if key not in self._concrete:
            self._concrete[key] = concrete(self.configured(kind, language), kind, language,
                                           auto)
        return self._concrete[key]

    def any_auto(self, kinds: set[str] | None = None) -> bool:
        """Whether a voice configured so far (of ``kinds``, if given) is ``auto``."""
        return any(v.engine == AUTO for (kind, _), v in self._configured.items()
                   if kinds is None or kind in kinds)


def concrete(voice: Voice, kind: str, language: str = KOREAN,
             auto: str | None = None) -> Voice:
    """``voice`` with ``auto`` replaced by the engine ``auto`` means (``auto``, else gTTS)
    and an empty voice name by the engine's default for ``language`` and ``kind``."""
    name = voice.engine
    if name == AUTO:
        name = auto or AUTO_FIRST
        if name != AUTO_FIRST:
            # Settings were written for gTTS; only the tempo carries over.
            voice = Voice(engine=name, tempo=voice.tempo)
    if not voice.voice:
        voice = replace(voice, voice=default_voice(name, language, kind))
    return replace(voice, engine=name)


def _first_of(tables: list[Mapping[str, Any]]) -> dict[str, Any]:
    """One table from several, the first that sets a key winning (for each key)."""
    merged: dict[str, Any] = {}
    for table in reversed(tables):
        merged.update(table)
    return merged
