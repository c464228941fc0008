"""The preview server's rules from both sides: byte positions of 18 digits and more, and the
one line a dropped connection costs."""

from __future__ import annotations

import logging

import pytest

from podcaster.serve import RangeNotSatisfiable, make_server, parse_range

EIGHTEEN = "2" + "0" * 17  # 18 digits: still a number
NINETEEN = "2" + "0" * 18  # 19 digits: past every file's end


@pytest.mark.parametrize("header, expected", [
    (f"bytes={EIGHTEEN}-1{EIGHTEEN[1:]}", None),  # last before first: ignored, whole file
    (f"bytes=0-{EIGHTEEN}", (0, 999)),
    (f"bytes=-{EIGHTEEN}", (0, 999)),
    (f"bytes=-{NINETEEN}", (0, 999)),
    ("bytes=-" + "9" * 5000, (0, 999)),
    (f"bytes=00000{5}-0009", (5, 9)),  # leading zeros are the same number
    ("bytes=0000-0", (0, 0)),
])
def test_byte_positions_of_any_length(header, expected):
    assert parse_range(header, 1000) == expected


@pytest.mark.parametrize("header", [f"bytes={NINETEEN}-", f"bytes={NINETEEN}-1{NINETEEN[1:]}",
                                    f"bytes={EIGHTEEN}-", "bytes=" + "9" * 5000 + "-"])
def test_a_range_from_past_every_files_end_is_not_satisfiable(header):
    with pytest.raises(RangeNotSatisfiable):
        parse_range(header, 1000)


@pytest.mark.parametrize("exc, why", [(ConnectionResetError(), "ConnectionResetError"),
                                      (TimeoutError(), "TimeoutError"),
                                      (BrokenPipeError(32, "Broken pipe"), "Broken pipe")])
def test_a_dropped_connection_is_one_line_naming_why(tmp_path, caplog, capsys, exc, why):
    server = make_server(tmp_path, port=0)
    try:
        with caplog.at_level(logging.INFO, logger="podcaster.serve"):
            try:
                raise exc
            except type(exc):
                server.handle_error(None, ("10.0.0.7", 50000))
    finally:
        server.server_close()
    assert [r.getMessage() for r in caplog.records] == [f"10.0.0.7: connection closed ({why})"]
    assert capsys.readouterr().err == ""
