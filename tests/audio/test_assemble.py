"""Assembly: placement on the timeline, and the MP3 checked with ffmpeg as an outside reader."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest
from mutagen.mp3 import MP3, BitrateMode

from podcaster import ffmpeg
from podcaster.audio.assemble import AudioSettings, assemble_episode
from podcaster.audio.timeline import MUSIC, place
from podcaster.config import default_asset, load_config
from podcaster.errors import AudioError, ConfigError
from podcaster.model import Cue, Segment, Source, Voice
from podcaster.speech.cache import ClipCache
from podcaster.speech.synthesize import Synthesizer, Voices
from tests.helpers import write_wav

RATE = 44100
TOLERANCE = 0.020  # seconds: how closely the timeline must match the audio


def burst(seconds: float, rate: int = 22050, padding: float = 0.1) -> np.ndarray:
    """A tone burst of ``seconds`` between ``padding`` seconds of silence on each side, as an
    engine would return it (the assembler trims that silence)."""
    t = np.arange(round(seconds * rate)) / rate
    tone = 0.5 * np.sin(2 * np.pi * 330 * t) * (1 + 0.5 * np.sin(2 * np.pi * 3 * t))
    edge = round(0.002 * rate)  # 2 ms ramps so the burst has no click
    tone[:edge] *= np.linspace(0, 1, edge)
    tone[-edge:] *= np.linspace(1, 0, edge)
    pad = np.zeros(round(padding * rate))
    return np.concatenate([pad, tone, pad]).astype(np.float32)


def speech_cue(kind: str, segment: int, pause: float) -> Cue:
    return Cue(kind=kind, text=kind, spoken=kind, segment=segment, pause_after=pause)


def decode(path: Path) -> np.ndarray:
    return np.frombuffer(ffmpeg.decode_pcm(path, RATE, 1, sample_format="f32le"), dtype="<f4")


def sounding_spans(samples: np.ndarray, threshold_db: float = -30.0) -> list[tuple[float, float]]:
    """(start, end) seconds of each stretch louder than ``threshold_db`` (5 ms windows)."""
    window = round(0.005 * RATE)
    n = len(samples) // window
    level = np.abs(samples[: n * window]).reshape(n, window).max(axis=1)
    loud = level > 10 ** (threshold_db / 20)
    spans, start = [], None
    for i, on in enumerate(loud):
        if on and start is None:
            start = i
        if not on and start is not None:
            spans.append((start * window / RATE, i * window / RATE))
            start = None
    if start is not None:
        spans.append((start * window / RATE, n * window / RATE))
    return spans


def silences(path: Path) -> list[tuple[float, float]]:
    """Silences that ffmpeg's silencedetect filter finds in an audio file."""
    text = ffmpeg.run_stderr(["-nostats", "-i", str(path), "-af",
                              "silencedetect=noise=-45dB:d=0.15", "-f", "null", "-"])
    starts = [float(x) for x in re.findall(r"silence_start: (-?[\d.]+)", text)]
    ends = [float(x) for x in re.findall(r"silence_end: ([\d.]+)", text)]
    return list(zip(starts, ends))


# ---- placement -------------------------------------------------------------------------


def test_speech_follows_with_the_scripts_pauses_in_whole_samples():
    cues = [speech_cue("greeting", 0, 0.5), speech_cue("article", 1, 0.25),
            speech_cue("signoff", 2, 1.0)]
    events, total = place(cues, [1000, 2000, 3000], 8000, AudioSettings())
    assert [(e.start, e.end) for e in events] == [(0, 1000), (5000, 7000), (9000, 12000)]
    assert total == 12000  # no trailing pause after the last sound
    assert [e.group for e in events] == ["greeting", "article", "signoff"]


def test_intro_plays_alone_then_ducks_and_fades_under_the_first_words():
    settings = AudioSettings(intro_lead=4.0, intro_fade=6.0, duck=-20.0)
    cues = [Cue(kind="intro", sound=Path("intro.mp3")), speech_cue("title", 0, 1.0)]
    rate = 1000
    (intro, title), total = place(cues, [12000, 3000], rate, settings)
    assert title.start == 4000
    assert intro.start == 0 and intro.end == 10000  # faded out by lead + fade, not cut at 12 s
    gain = np.interp([0, 3000, 4000, 7000, 10000], *zip(*intro.envelope))
    assert gain[0] == gain[1] == 1.0
    assert gain[2] == pytest.approx(0.1)  # -20 dB as the first word starts
    assert 0 < gain[3] < gain[2] and gain[4] == 0.0
    assert intro.group == MUSIC and total == 10000


def test_a_short_intro_plays_whole_before_the_first_words():
    cues = [Cue(kind="intro", sound=Path("intro.mp3")), speech_cue("title", 0, 1.0)]
    (intro, title), _ = place(cues, [2500, 3000], 1000, AudioSettings(intro_lead=4.0))
    assert intro.end == 2500 and not intro.envelope
    assert title.start == 2500


def test_outro_starts_ducked_under_the_last_words_and_rises():
    settings = AudioSettings(outro_overlap=1.5, duck=-15.0)
    cues = [speech_cue("signoff", 0, 1.0), Cue(kind="outro", sound=Path("outro.mp3"))]
    (signoff, outro), total = place(cues, [5000, 10000], 1000, settings)
    assert outro.start == 3500 and total == 13500
    gain = np.interp([0, 1500, 3000], *zip(*outro.envelope))
    assert gain[0] == pytest.approx(10 ** (-15 / 20)) and gain[1] == gain[0]
    assert gain[2] == 1.0


# ---- the episode, read back with ffmpeg --------------------------------------------------


def test_timeline_matches_the_decoded_audio(tmp_path):
    lengths = [0.8, 1.3, 0.6, 2.0, 0.9]
    pauses = [0.35, 0.7, 0.35, 1.0, 0.0]
    kinds = ["greeting", "greeting", "article", "article", "signoff"]
    cues = [speech_cue(k, i, p) for i, (k, p) in enumerate(zip(kinds, pauses))]
    clips = [write_wav(tmp_path / f"{i}.wav", burst(s), 22050) for i, s in enumerate(lengths)]
    segments = [Segment(k, k, []) for k in kinds]
    out = tmp_path / "episode.mp3"
    timeline = assemble_episode(cues, clips, segments, out, AudioSettings())

    audio = decode(out)
    assert len(audio) == round(timeline.duration * RATE)  # encoder delay and padding trimmed
    found = sounding_spans(audio)
    assert len(found) == len(cues)
    for timed, (start, end) in zip(timeline.cues, found):
        assert abs(start - timed.start) <= TOLERANCE
        assert abs(end - timed.end) <= TOLERANCE
    for timed, seconds in zip(timeline.cues, lengths):  # trimmed, not sped up or slowed
        assert timed.end - timed.start == pytest.approx(seconds + 0.03, abs=0.002)


@pytest.fixture(scope="module")
def espeak_episode(tmp_path_factory):
    """A short episode with real speech and the default intro, stings and outro."""
    folder = tmp_path_factory.mktemp("episode")
    source = Source(1, "바닷가 마을의 드론 배송", "한빛경제", "https://example.com/1")
    segments = [Segment("greeting", "인사", []), Segment("article", source.title, [], source),
                Segment("signoff", "마무리", [])]
    intro, sting, outro = (default_asset(f"{n}.mp3") for n in ("intro", "sting", "outro"))
    cues = [
        Cue(kind="intro", sound=intro),
        Cue(kind="title", text="드론 배송 소식", spoken="드론 배송 소식", pause_after=1.0),
        Cue(kind="greeting", text="안녕하세요.", spoken="안녕하세요. 별빛서재입니다.", segment=0,
            pause_after=1.0),
        Cue(kind="sting", sound=sting, segment=1, pause_after=0.35),
        Cue(kind="announcement", spoken="첫 번째 기사, 한빛경제입니다.", segment=1,
            pause_after=0.7),
        Cue(kind="article", spoken="바닷가 마을에 드론이 약을 배달하기 시작했다.", segment=1,
            pause_after=0.35),
        Cue(kind="article", spoken="주민들은 반가워했다.", segment=1, pause_after=0.7),
        Cue(kind="sting", sound=sting, segment=1, pause_after=1.0),
        Cue(kind="signoff", spoken="이상 별빛서재였습니다. 편안한 밤 보내세요.", segment=2,
            pause_after=1.0),
        Cue(kind="outro", sound=outro),
    ]
    synth = Synthesizer(ClipCache(folder / "cache"))
    clips = synth.run(cues, Voices.fixed(Voice("espeak", "ko")))
    return cues, clips, segments, folder


def test_episode_meets_loudness_and_true_peak(espeak_episode):
    cues, clips, segments, folder = espeak_episode
    out = folder / "default.mp3"
    timeline = assemble_episode(cues, clips, segments, out, AudioSettings())
    measured = ffmpeg.measure_loudness(out)
    assert measured.integrated == pytest.approx(-16.0, abs=0.5)
    assert measured.true_peak <= -1.0
    info = MP3(out).info
    assert (info.channels, info.sample_rate, info.bitrate) == (1, 44100, 64000)
    assert info.bitrate_mode == BitrateMode.CBR  # the LAME header says so (mpg123 reads it)
    assert len(decode(out)) == round(timeline.duration * RATE)


def test_segment_boundaries_are_where_silence_ends(espeak_episode):
    cues, clips, segments, folder = espeak_episode
    out = folder / "boundaries.mp3"
    timeline = assemble_episode(cues, clips, segments, out, AudioSettings())
    ends = [end for _, end in silences(out)]
    music = [t for t in timeline.cues if t.cue.is_sound]
    checked = 0
    for timed in timeline.speech():
        if any(m.start < timed.start < m.end + 0.1 for m in music):
            continue  # the intro bed plays under the title; nothing falls silent there
        assert min(abs(e - timed.start) for e in ends) <= TOLERANCE, timed.cue.spoken
        checked += 1
    assert checked >= 4
    spans = {s.kind: s for s in timeline.segments}
    assert spans["greeting"].start == 0.0
    assert spans["article"].start == next(t.start for t in timeline.cues if t.cue.kind == "sting")
    assert spans["signoff"].end == timeline.duration


def test_other_targets_rates_and_stereo(espeak_episode):
    cues, clips, segments, folder = espeak_episode
    out = folder / "stereo.mp3"
    settings = AudioSettings(sample_rate=48000, channels=2, bitrate="96k", loudness=-19.0,
                             true_peak=-2.0)
    timeline = assemble_episode(cues, clips, segments, out, settings)
    measured = ffmpeg.measure_loudness(out)
    assert measured.integrated == pytest.approx(-19.0, abs=1.0)
    assert measured.true_peak <= -2.0
    info = MP3(out).info
    assert (info.channels, info.sample_rate, info.bitrate) == (2, 48000, 96000)
    assert info.length == pytest.approx(timeline.duration, abs=0.05)


def test_same_inputs_give_the_same_bytes(espeak_episode, tmp_path):
    cues, clips, segments, _ = espeak_episode
    digests = []
    for name in ("a", "b"):
        out = tmp_path / name / "episode.mp3"
        assemble_episode(cues, clips, segments, out, AudioSettings())
        digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_tempo_and_pitch_are_left_alone(tmp_path):
    # A 440 Hz clip at 22.05 kHz comes out at 440 Hz and the same length at 44.1 kHz.
    rate = 22050
    t = np.arange(rate * 2) / rate
    clip = write_wav(tmp_path / "a.wav", (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32),
                     rate)
    out = tmp_path / "tone.mp3"
    timeline = assemble_episode([speech_cue("greeting", 0, 0.0)], [clip],
                                [Segment("greeting", "", [])], out, AudioSettings())
    audio = decode(out)
    assert timeline.duration == pytest.approx(2.0, abs=0.001)
    spectrum = np.abs(np.fft.rfft(audio))
    assert np.fft.rfftfreq(len(audio), 1 / RATE)[spectrum.argmax()] == pytest.approx(440, abs=1)


# ---- failures -----------------------------------------------------------------------------


def test_a_missing_clip_is_an_audio_error(tmp_path):
    with pytest.raises(AudioError, match="no synthesised clip"):
        assemble_episode([speech_cue("greeting", 0, 0.0)], [None], [Segment("greeting", "", [])],
                         tmp_path / "x.mp3", AudioSettings())
    assert not (tmp_path / "x.mp3").exists()


def test_a_broken_music_file_is_an_audio_error(tmp_path):
    broken = tmp_path / "intro.mp3"
    broken.write_bytes(b"this is not audio")
    clip = write_wav(tmp_path / "a.wav", burst(0.5), 22050)
    cues = [Cue(kind="intro", sound=broken), speech_cue("greeting", 0, 0.0)]
    with pytest.raises(AudioError, match="intro.mp3"):
        assemble_episode(cues, [None, clip], [Segment("greeting", "", [])],
                         tmp_path / "x.mp3", AudioSettings())
    assert not list(tmp_path.glob("*x.mp3*"))


def test_an_encoder_failure_leaves_no_file(tmp_path):
    clip = write_wav(tmp_path / "a.wav", burst(0.5), 22050)
    out = tmp_path / "x.mp3"
    with pytest.raises(AudioError, match="MP3 encoder at fast"):
        assemble_episode([speech_cue("greeting", 0, 0.0)], [clip], [Segment("greeting", "", [])],
                         out, AudioSettings(bitrate="fast"))
    assert not list(tmp_path.glob("*x.mp3*"))
    blocked = tmp_path / "a.wav" / "x.mp3"  # its folder would have to be a file
    with pytest.raises(AudioError, match="cannot create its folder"):
        assemble_episode([speech_cue("greeting", 0, 0.0)], [clip], [Segment("greeting", "", [])],
                         blocked, AudioSettings())


# ---- [audio] options ----------------------------------------------------------------------

SHOW = """[show]
title = "t"
author = "a"
description = "d"
base_url = "https://example.com/"
owner_email = "a@example.com"
"""


def test_audio_options_reach_the_settings(tmp_path):
    (tmp_path / "podcast.toml").write_text(SHOW + """[audio]
sample_rate = 48000
channels = 2
bitrate = "96k"
loudness = -19
true_peak = -1.5
intro_lead = 2.5
intro_fade = 0
outro_overlap = 0.5
duck = -20
music_level = -4
""", encoding="utf-8")
    settings = AudioSettings.from_config(load_config(tmp_path))
    assert settings == AudioSettings(sample_rate=48000, channels=2, bitrate="96k",
                                     loudness=-19.0, true_peak=-1.5, intro_lead=2.5,
                                     intro_fade=0.0, outro_overlap=0.5, duck=-20.0,
                                     music_level=-4.0)
    assert AudioSettings.from_config(load_config(tmp_path, {"audio.sample_rate": 44100})) \
        .sample_rate == 44100


def test_bad_audio_options_are_all_reported(tmp_path):
    (tmp_path / "podcast.toml").write_text(SHOW + """[audio]
sample_rate = 44000
bitrate = "65k"
loudness = 3
true_peak = 2
segment_pause = -1
duck = 6
""", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    message = caught.value.message
    for option in ("audio.sample_rate", "audio.bitrate", "audio.loudness", "audio.true_peak",
                   "audio.segment_pause", "audio.duck"):
        assert option in message
    assert "6 problem(s)" in message
