"""The rules of ``podcaster.build.parts.Voices``: the voice that speaks a cue kind is the one
of its language, and a voice's JSON form (part of every audio key) is all of its fields."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

from podcaster.build.parts import Voices
from podcaster.speech.voices import Voices as SpeechVoices


def build_voices(auto_engine=None):
    resolver = SpeechVoices({"article": {"engine": "espeak", "voice": "ko-a", "tempo": 1.1},
                             "en": {"engine": "espeak", "voice": "en-x"}}, "auto")
    return Voices(resolver, SimpleNamespace(auto_engine=auto_engine))


def test_the_voice_of_a_kind_is_the_one_of_its_language():
    voices = build_voices()
    korean, english = voices.concrete("article"), voices.concrete("article", "en")
    assert korean.voice == "ko-a"
    assert english.voice == "en-x"
    assert korean != english


def test_a_voice_in_json_is_every_field_and_stays_the_same():
    voices = build_voices()
    voice = voices.concrete("article")
    plain = voices.plain(voice)
    assert plain == dataclasses.asdict(voice)
    assert voices.plain(voice) is plain
