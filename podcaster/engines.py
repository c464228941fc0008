"""The public API for speech engine plugins.

A package adds an engine by subclassing ``Engine`` and naming the class in the
``podcaster.engines`` entry point group (README, "Speech engines"). The code lives in
``podcaster.speech.engines``; this module is the stable import path for plugins.
"""

from podcaster.speech.engines import (
    Audio,
    Engine,
    change_tempo,
    decode,
    engine_names,
    flag,
    get_engine_class,
    option,
    register,
)

__all__ = ["Audio", "Engine", "change_tempo", "decode", "engine_names", "flag",
           "get_engine_class", "option", "register"]
