"""The LAME/Info header of the encoded MP3 says CBR, with a checksum that still holds."""

from __future__ import annotations

import numpy as np
import pytest
from mutagen.mp3 import MP3, BitrateMode

from podcaster import ffmpeg
from podcaster.audio.lametag import crc16, lame_tag_offset, mark_cbr
from podcaster.audio.mix import encode
from podcaster.audio.settings import AudioSettings
from podcaster.errors import AudioError

RATE = 44100


def tone(seconds: float = 1.5) -> np.ndarray:
    t = np.arange(round(seconds * RATE)) / RATE
    return (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def stored_crc_matches(frame: bytes) -> bool:
    """Whether the tag's CRC field holds CRC-16 of the frame's first 190 bytes (the field
    itself counted as zero), as ffmpeg's muxer computes it."""
    crc_at = lame_tag_offset(frame) + 34
    data = bytearray(frame[:192])
    data[crc_at:crc_at + 2] = b"\0\0"
    return int.from_bytes(frame[crc_at:crc_at + 2], "big") == crc16(bytes(data[:190]))


def test_crc16_is_crc_16_arc():
    assert crc16(b"123456789") == 0xBB3D  # the catalogue's check value for CRC-16/ARC


@pytest.mark.parametrize("channels,bitrate", [(1, "64k"), (2, "128k")])
def test_encoded_mp3_says_cbr(tmp_path, channels, bitrate):
    out = tmp_path / "tone.mp3"
    samples = tone()
    encode(iter([samples]), out, AudioSettings(channels=channels, bitrate=bitrate))
    frame = out.read_bytes()[:1024]
    lame = lame_tag_offset(frame)
    assert frame[lame:lame + 4] == b"Lavf" or frame[lame:lame + 4] == b"Lavc"
    assert frame[lame + 9] & 0x0F == 1  # VBR method 1: constant bitrate
    assert frame[lame + 20] == int(bitrate[:-1])
    assert stored_crc_matches(frame)
    info = MP3(out).info
    assert info.bitrate_mode == BitrateMode.CBR
    assert info.bitrate == pytest.approx(int(bitrate[:-1]) * 1000, rel=0.01)
    # Decoders still trust the header: the encoder's delay and padding are trimmed.
    decoded = ffmpeg.decode_pcm(out, RATE, 1, sample_format="f32le")
    assert len(decoded) // 4 == len(samples)


def test_ffmpeg_writes_the_checksum_the_way_it_is_recomputed(tmp_path):
    out = tmp_path / "plain.mp3"
    ffmpeg.run(["-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-ac", "1",
                "-codec:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "0",
                "-write_xing", "1", "-f", "mp3", str(out)])
    frame = out.read_bytes()[:1024]
    assert frame[lame_tag_offset(frame) + 9] & 0x0F == 0  # "unknown": mpg123 says VBR
    assert stored_crc_matches(frame)
    mark_cbr(out, 64)
    assert stored_crc_matches(out.read_bytes()[:1024])
    assert MP3(out).info.bitrate_mode == BitrateMode.CBR


def test_a_file_without_the_header_is_an_audio_error(tmp_path):
    path = tmp_path / "x.mp3"
    path.write_bytes(b"not an mp3" * 50)
    with pytest.raises(AudioError, match="x.mp3"):
        mark_cbr(path, 64)
