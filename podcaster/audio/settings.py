"""How an episode should sound: the [audio] options the assembler uses."""

from __future__ import annotations

from dataclasses import dataclass

from podcaster.config import Config


@dataclass(frozen=True)
class AudioSettings:
    sample_rate: int = 44100
    channels: int = 1
    bitrate: str = "64k"
    loudness: float = -16.0  # integrated loudness target, LUFS
    true_peak: float = -1.0  # ceiling, dBTP
    intro_lead: float = 4.0  # seconds of intro music before the first words
    intro_fade: float = 6.0  # seconds the ducked intro plays under the speech, fading out
    outro_overlap: float = 1.5  # seconds the outro starts (ducked) before the last words end
    duck: float = -15.0  # music level under speech, dB relative to its full level
    music_level: float = -2.0  # loudness of music relative to the speech, LU

    @classmethod
    def from_config(cls, config: Config) -> AudioSettings:
        a = config.audio
        return cls(sample_rate=a.sample_rate, channels=a.channels, bitrate=a.bitrate,
                   loudness=float(a.loudness), true_peak=float(a.true_peak),
                   intro_lead=float(a.intro_lead), intro_fade=float(a.intro_fade),
                   outro_overlap=float(a.outro_overlap), duck=float(a.duck),
                   music_level=float(a.music_level))
