"""The LAME/Info tag in the first frame of an encoded MP3, marked as constant bitrate.

ffmpeg's MP3 muxer writes the tag (the "Info" header, encoder delay and padding) but leaves
its VBR method at 0, "unknown", which mpg123 and players built on it take for VBR. The
encoder runs at a constant bitrate, so the tag says so: method 1 (CBR) and the bitrate.
"""

from __future__ import annotations

from pathlib import Path

from podcaster.errors import AudioError

INFO_TAGS = (b"Info", b"Xing")
FRAMES_FLAG, BYTES_FLAG, TOC_FLAG, QUALITY_FLAG = 1, 2, 4, 8
CBR_METHOD = 1
CRC_SPAN = 190  # the tag CRC covers the frame's first 190 bytes (the CRC itself as 0)
SEARCH = 64  # the Info tag starts after the side information, within this many bytes


def crc16(data: bytes) -> int:
    """CRC-16/ARC (polynomial 0x8005, reflected), the LAME tag's checksum."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def lame_tag_offset(frame: bytes) -> int | None:
    """Where the LAME extension starts in the first frame, or None without an Info tag."""
    for tag in INFO_TAGS:
        at = frame.find(tag, 4, SEARCH)
        if at >= 0:
            flags = int.from_bytes(frame[at + 4 : at + 8], "big")
            offset = at + 8
            offset += 4 if flags & FRAMES_FLAG else 0
            offset += 4 if flags & BYTES_FLAG else 0
            offset += 100 if flags & TOC_FLAG else 0
            offset += 4 if flags & QUALITY_FLAG else 0
            return offset if len(frame) >= offset + 36 else None
    return None


def _tag_crc(frame: bytearray, crc_at: int) -> int:
    data = bytearray(frame[: CRC_SPAN + 2])
    data[crc_at : crc_at + 2] = b"\0\0"  # inside the span for a mono frame, as ffmpeg has it
    return crc16(bytes(data[:CRC_SPAN]))


def mark_cbr(path: Path, bitrate_kbps: int) -> None:
    """Mark the MP3's LAME tag as CBR at ``bitrate_kbps`` and update its CRC.

    Raises AudioError naming the file when it has no LAME tag to mark.
    """
    with open(path, "r+b") as fh:
        frame = bytearray(fh.read(1024))
        lame = lame_tag_offset(bytes(frame))
        if frame[:1] != b"\xff" or lame is None:
            raise AudioError(f"{path}: the encoder wrote no LAME/Info header")
        method_at, bitrate_at, crc_at = lame + 9, lame + 20, lame + 34
        frame[method_at] = (frame[method_at] & 0xF0) | CBR_METHOD
        frame[bitrate_at] = min(bitrate_kbps, 255)
        frame[crc_at : crc_at + 2] = _tag_crc(frame, crc_at).to_bytes(2, "big")
        fh.seek(0)
        fh.write(frame[: crc_at + 2])
