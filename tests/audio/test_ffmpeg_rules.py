"""Both sides of the rules of running ffmpeg: the flags every run gets, what a failure says
(ffmpeg's last line, else its exit code), streaming input, decoding, durations and loudness."""

from __future__ import annotations

import fcntl
import math
import os
import struct
import wave

import pytest

from podcaster import ffmpeg
from podcaster.errors import AudioError

FAKE = """#!/bin/sh
# A stand-in for ffmpeg: records its arguments, reads its input, then says and exits as told.
for a in "$@"; do printf '%s\\n' "$a"; done > "$FAKE_FFMPEG_ARGS"
cat > /dev/null
printf '%b' "$FAKE_FFMPEG_OUT"
printf '%b' "$FAKE_FFMPEG_ERR" >&2
exit "${FAKE_FFMPEG_EXIT:-0}"
"""


class Fake:
    def __init__(self, folder, monkeypatch):
        self.exe = folder / "ffmpeg"
        self.exe.write_text(FAKE, encoding="utf-8")
        self.exe.chmod(0o755)
        self.args_file = folder / "args.txt"
        self.monkeypatch = monkeypatch
        monkeypatch.setattr(ffmpeg, "ffmpeg_exe", lambda: str(self.exe))
        monkeypatch.setenv("FAKE_FFMPEG_ARGS", str(self.args_file))
        self.answer()

    def answer(self, out: str = "", err: str = "", code: int = 0) -> None:
        self.monkeypatch.setenv("FAKE_FFMPEG_OUT", out)
        self.monkeypatch.setenv("FAKE_FFMPEG_ERR", err)
        self.monkeypatch.setenv("FAKE_FFMPEG_EXIT", str(code))

    @property
    def args(self) -> list[str]:
        return self.args_file.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def fake(tmp_path, monkeypatch):
    return Fake(tmp_path, monkeypatch)


QUIET = ["-hide_banner", "-nostdin", "-loglevel", "error"]


def test_run_passes_the_quiet_flags_and_returns_stdout(fake):
    fake.answer(out="pcm bytes")
    assert ffmpeg.run(["-i", "pipe:0", "pipe:1"], input=b"data") == b"pcm bytes"
    assert fake.args == QUIET + ["-i", "pipe:0", "pipe:1"]


@pytest.mark.parametrize("err, code, said", [
    ("first problem\\nlast problem\\n", 1, "last problem"),
    ("  only line  \\n\\n", 2, "only line"),
    ("", 3, "exit code 3"),
    ("\\n  \\n", 1, "exit code 1"),
])
def test_a_failed_run_says_ffmpegs_last_line_else_its_exit_code(fake, err, code, said):
    fake.answer(err=err, code=code)
    with pytest.raises(AudioError) as failed:
        ffmpeg.run(["-i", "x"], what="intro.wav")
    assert str(failed.value) == f"intro.wav: ffmpeg failed: {said}"
    with pytest.raises(AudioError) as unnamed:
        ffmpeg.run(["-i", "x"])
    assert str(unnamed.value) == f"ffmpeg: ffmpeg failed: {said}"


def test_a_warning_on_stderr_of_a_good_run_is_not_a_failure(fake):
    fake.answer(out="ok", err="a warning\\n", code=0)
    assert ffmpeg.run(["x"]) == b"ok"


def test_feed_streams_every_chunk_and_passes_the_quiet_flags(fake, tmp_path):
    ffmpeg.feed(["-i", "pipe:0", "out.mp3"], iter([b"a", b"b"]))
    assert fake.args == QUIET + ["-i", "pipe:0", "out.mp3"]


@pytest.mark.parametrize("err, code, said", [
    ("bad\\nworse\\n", 1, "worse"),
    ("", 4, "exit code 4"),
])
def test_a_failed_feed_says_ffmpegs_last_line_else_its_exit_code(fake, err, code, said):
    fake.answer(err=err, code=code)
    with pytest.raises(AudioError) as failed:
        ffmpeg.feed(["x"], [b"abc"], what="episode.mp3")
    assert str(failed.value) == f"episode.mp3: ffmpeg failed: {said}"
    with pytest.raises(AudioError) as unnamed:
        ffmpeg.feed(["x"], [b"abc"])
    assert str(unnamed.value) == f"ffmpeg: ffmpeg failed: {said}"


def tone(seconds: float, rate: int = 8000) -> bytes:
    return b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * n / rate)))
                    for n in range(int(seconds * rate)))


def test_feed_writes_what_ffmpeg_encodes(tmp_path):
    out = tmp_path / "out.wav"
    pcm = tone(0.5)
    ffmpeg.feed(["-f", "s16le", "-ar", "8000", "-ac", "1", "-i", "pipe:0", str(out)],
                (pcm[i:i + 1000] for i in range(0, len(pcm), 1000)))
    with wave.open(str(out), "rb") as w:
        assert (w.getframerate(), w.getnframes()) == (8000, 4000)


def test_when_ffmpeg_stops_reading_its_error_is_what_fails(tmp_path):
    chunks = (b"\0" * 65536 for _ in range(200))
    with pytest.raises(AudioError) as failed:
        ffmpeg.feed(["-f", "s16le", "-ar", "8000", "-ac", "1", "-i", "pipe:0",
                     "-f", "nosuchformat", str(tmp_path / "x")], chunks, what="stopped")
    assert str(failed.value).startswith("stopped: ffmpeg failed: ")


def test_a_failing_source_stops_ffmpeg_and_is_raised(tmp_path):
    def chunks():
        yield b"\0" * 1000
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ffmpeg.feed(["-f", "s16le", "-ar", "8000", "-ac", "1", "-i", "pipe:0",
                     str(tmp_path / "x.wav")], chunks())


def test_the_pipe_to_ffmpeg_is_widened():
    read, write = os.pipe()
    with os.fdopen(read, "rb"), os.fdopen(write, "wb") as pipe:
        ffmpeg._widen_pipe(pipe)
        assert fcntl.fcntl(write, fcntl.F_GETPIPE_SZ) == ffmpeg.PIPE_SIZE == 1 << 20
    ffmpeg._widen_pipe(object())  # not a pipe: left as it is


def test_run_stderr_returns_the_analysis_and_keeps_the_log_level(fake):
    fake.answer(err="Summary:\\n  I: -16.0 LUFS\\n")
    assert ffmpeg.run_stderr(["-i", "x"]) == "Summary:\n  I: -16.0 LUFS\n"
    assert fake.args == ["-hide_banner", "-nostdin", "-i", "x"]


@pytest.mark.parametrize("err, code, said", [("a\\nlast words\\n", 1, "last words"),
                                             ("", 5, "5"), (" \\n", 6, "6")])
def test_a_failed_analysis_says_ffmpegs_last_line_else_its_exit_code(fake, err, code, said):
    fake.answer(err=err, code=code)
    with pytest.raises(AudioError) as failed:
        ffmpeg.run_stderr(["x"], what="song.mp3")
    assert str(failed.value) == f"song.mp3: ffmpeg failed: {said}"
    with pytest.raises(AudioError) as unnamed:
        ffmpeg.run_stderr(["x"])
    assert str(unnamed.value) == f"ffmpeg: ffmpeg failed: {said}"


def test_decode_pcm_asks_for_what_it_is_given(fake, tmp_path):
    ffmpeg.decode_pcm(b"bytes", 22050)
    assert fake.args == QUIET + ["-i", "pipe:0", "-vn", "-ac", "1", "-ar", "22050", "-f",
                                 "s16le", "-acodec", "pcm_s16le", "pipe:1"]
    ffmpeg.decode_pcm(tmp_path / "a.wav", 48000, 2, sample_format="f32le", seconds=1.5)
    assert fake.args == QUIET + ["-i", str(tmp_path / "a.wav"), "-vn", "-ac", "2", "-ar",
                                 "48000", "-f", "f32le", "-acodec", "pcm_f32le", "-t",
                                 "1.500000", "pipe:1"]


def test_decode_pcm_failures_name_the_file_or_the_data(fake, tmp_path):
    fake.answer(err="Invalid data\\n", code=1)
    for source, what, said in [(b"x", "", "audio data"), (bytearray(b"x"), "", "audio data"),
                               (tmp_path / "a.mp3", "", str(tmp_path / "a.mp3")),
                               (b"x", "sting", "sting")]:
        with pytest.raises(AudioError) as failed:
            ffmpeg.decode_pcm(source, 8000, what=what)
        assert str(failed.value) == f"{said}: ffmpeg failed: Invalid data"


def write_wav(path, seconds: float, rate: int = 16000, channels: int = 1):
    frames = int(seconds * rate)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\1\0" * frames * channels)
    return path


@pytest.mark.parametrize("seconds, rate, channels", [(0.5, 16000, 1), (1.25, 44100, 2),
                                                     (2.0, 8000, 1)])
def test_decoding_and_durations(tmp_path, seconds, rate, channels):
    path = write_wav(tmp_path / "a.wav", seconds, rate, channels)
    assert ffmpeg.duration(path) == pytest.approx(seconds, abs=0.002)
    pcm = ffmpeg.decode_pcm(path.read_bytes(), 8000)
    assert len(pcm) / 2 / 8000 == pytest.approx(seconds, abs=0.002)
    floats = ffmpeg.decode_pcm(path, 8000, 2, sample_format="f32le", seconds=0.25)
    assert len(floats) == pytest.approx(0.25 * 8000 * 2 * 4, abs=16)


def test_a_missing_file_names_itself(tmp_path):
    with pytest.raises(AudioError, match=f"^{tmp_path / 'none.wav'}: ffmpeg failed: "):
        ffmpeg.duration(tmp_path / "none.wav")


SUMMARY = """[Parsed_ebur128_0] t: 1.2 M: -20.0 S: -99.0 I: -99.0 LUFS LRA: 9.0 LU
[Parsed_ebur128_0] Summary:

  Integrated loudness:
    I:         {i} LUFS
    Threshold: -26.3 LUFS

  Loudness range:
    LRA:         {lra} LU
    Threshold: -36.2 LUFS
    LRA low:   -20.1 LUFS
    LRA high:  -15.0 LUFS

  True peak:
    Peak:       {peak} dBFS
"""


@pytest.mark.parametrize("i, lra, peak", [("-16.2", "5.1", "-1.5"), ("-inf", "0.0", "-inf"),
                                          ("3.0", "12.5", "0.4")])
def test_loudness_is_read_from_the_summary(fake, tmp_path, i, lra, peak):
    fake.answer(err=SUMMARY.format(i=i, lra=lra, peak=peak).replace("\n", "\\n"))
    measured = ffmpeg.measure_loudness(tmp_path / "ep.mp3")
    assert measured == ffmpeg.Loudness(float(i), float(peak), float(lra))
    assert fake.args == ["-hide_banner", "-nostdin", "-nostats", "-i",
                         str(tmp_path / "ep.mp3"), "-vn", "-af",
                         "ebur128=peak=true:framelog=quiet", "-f", "null", "-"]


@pytest.mark.parametrize("drop", ["    I:", "    LRA:", "    Peak:"])
def test_a_summary_missing_a_value_is_an_error(fake, tmp_path, drop):
    text = "\n".join(line for line in SUMMARY.format(i="-16", lra="5", peak="-1").splitlines()
                     if not line.startswith(drop))
    fake.answer(err=text.replace("\n", "\\n"))
    with pytest.raises(AudioError) as missing:
        ffmpeg.measure_loudness(tmp_path / "ep.mp3")
    assert str(missing.value) == f"{tmp_path / 'ep.mp3'}: no loudness summary from ffmpeg"


def test_the_loudness_of_a_real_tone(tmp_path):
    path = tmp_path / "tone.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(tone(3.0))
    measured = ffmpeg.measure_loudness(path)
    assert -20 < measured.integrated < -12  # a sine 12 dB below full scale
    assert -13 < measured.true_peak < -11 and measured.lra >= 0
