"""The LAME/Info header, each rule from both sides: found under either name, only where a
first frame holds it, past each optional field its flags announce (each flag alone, all of
them, none), only in a frame long enough to hold it; and marked CBR with the bitrate capped at
one byte, the method's other bits kept, or refused with the file named."""

from __future__ import annotations

import pytest

from podcaster.audio.lametag import crc16, lame_tag_offset, mark_cbr
from podcaster.errors import AudioError


def frame(tag: bytes = b"Info", flags: int = 0, at: int = 36, size: int = 417) -> bytes:
    head = b"\xff\xfb\x50\xc4" + bytes(at - 4)
    return (head + tag + flags.to_bytes(4, "big")).ljust(size, b"\x00")


@pytest.mark.parametrize(("flags", "fields"), [
    (0, 0), (1, 4), (2, 4), (4, 100), (8, 4), (3, 8), (15, 112), (16, 0),
])
@pytest.mark.parametrize("tag", [b"Info", b"Xing"])
def test_the_lame_extension_starts_after_the_fields_the_flags_announce(tag, flags, fields):
    assert lame_tag_offset(frame(tag, flags)) == 36 + 8 + fields


@pytest.mark.parametrize(("at", "found"), [(3, False), (4, True), (21, True), (60, True),
                                           (61, False)])
def test_the_tag_is_looked_for_only_where_a_first_frame_holds_it(at, found):
    data = (b"\xff\xfb\x50\xc4"[:at] + b"Info").ljust(417, b"\x00") if at < 4 else frame(at=at)
    assert (lame_tag_offset(data) is not None) == found


def test_a_frame_too_short_for_the_extension_has_none():
    offset = 36 + 8
    assert lame_tag_offset(frame(size=offset + 36)) == offset
    assert lame_tag_offset(frame(size=offset + 35)) is None
    assert lame_tag_offset(b"\xff\xfb\x50\xc4" + bytes(400)) is None  # no tag at all


@pytest.mark.parametrize(("flags", "lame"), [(15, 36 + 8 + 112), (0, 36 + 8)],
                         ids=["crc-after-the-span", "crc-inside-the-span"])
@pytest.mark.parametrize(("kbps", "stored"), [(64, 64), (255, 255), (256, 255), (320, 255)])
def test_mark_cbr_sets_method_and_bitrate_keeping_the_other_bits(tmp_path, kbps, stored, flags,
                                                                 lame):
    data = bytearray(frame(flags=flags, size=1200))
    for i in range(lame, len(data)):  # no zeros where the checksum or a stray write would tell
        data[i] = (i * 7 + 3) & 0xFF or 1
    data[lame + 9] = 0xA0  # the revision in the high bits, "unknown" method
    path = tmp_path / "a.mp3"
    path.write_bytes(bytes(data) + b"AUDIO")
    mark_cbr(path, kbps)
    out = path.read_bytes()
    assert out[lame + 9] == 0xA1
    assert out[lame + 20] == stored
    copy = bytearray(out[:192])
    copy[lame + 34:lame + 36] = b"\0\0"  # the checksum counts itself as zero
    assert int.from_bytes(out[lame + 34:lame + 36], "big") == crc16(bytes(copy[:190]))
    assert out[lame + 36:] == bytes(data[lame + 36:]) + b"AUDIO"  # nothing else touched
    assert out[:lame + 9] == data[:lame + 9] and out[lame + 10:lame + 20] == data[lame + 10:lame + 20]
    assert len(out) == len(data) + 5


@pytest.mark.parametrize("data", [
    b"\x00" + frame()[1:],  # the tag, but no frame sync first
    frame(tag=b"LAME"),  # a frame without the tag
], ids=["no-sync", "no-tag"])
def test_a_file_that_cannot_be_marked_is_named(tmp_path, data):
    path = tmp_path / "ep.mp3"
    path.write_bytes(data)
    with pytest.raises(AudioError) as info:
        mark_cbr(path, 64)
    assert str(info.value) == f"{path}: the encoder wrote no LAME/Info header"
    assert path.read_bytes() == data
