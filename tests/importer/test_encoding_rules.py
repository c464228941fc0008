"""How a fetched feed or page is decoded: which declaration wins, when the declared encoding
is trusted, what a mislabelled document becomes, and the warning or error a user reads."""

from __future__ import annotations

import codecs

import pytest

from podcaster.http import FetchError, Response
from podcaster.importer.encoding import decode_document

URL = "https://blog.example/feed.xml"
KOREAN = "도서관 로봇이 책을 꽂습니다"
TTOM = "똠방각하"  # Hangul that CP949 has and EUC-KR (KS X 1001) has not


def response(body: bytes, content_type: str = "") -> Response:
    headers = {"content-type": content_type} if content_type else {}
    return Response(URL, 200, headers, body)


def xml(encoding: str, text: str, codec: str) -> bytes:
    return f'<?xml version="1.0" encoding="{encoding}"?><rss>{text}</rss>'.encode(codec)


def meta(charset: str, text: str, codec: str) -> bytes:
    return f'<html><head><meta charset="{charset}"></head><body>{text}</body></html>'.encode(codec)


# (body, Content-Type, the text read, the warning)
READ_AS_DECLARED = [
    (KOREAN.encode(), "", KOREAN, None),
    (KOREAN.encode(), "text/xml; charset=utf-8", KOREAN, None),
    ("café".encode(), "text/html; charset=UTF-8", "café", None),
    (TTOM.encode("cp949"), "text/html; charset=euc-kr", TTOM, None),
    (TTOM.encode("cp949"), "text/html; charset=ks_c_5601-1987", TTOM, None),
    (b"plain ascii", "text/plain; charset=iso-8859-1", "plain ascii", None),
    (b"caf\xe9 ", "text/plain; charset=iso-8859-1", "café ", None),
    (b"caf\xe9 ", "text/plain; charset=windows-1252", "café ", None),
    # a declared encoding that decodes the bytes strictly is trusted, even if UTF-8 would too
    ("café".encode(), "text/html; charset=euc-kr", "café".encode().decode("cp949"), None),
    ("привет".encode("koi8-r"), "text/plain; charset=koi8-r", "привет", None),
]


@pytest.mark.parametrize("body, content_type, text, warning", READ_AS_DECLARED)
def test_a_document_in_its_declared_encoding_is_read_without_a_warning(body, content_type,
                                                                        text, warning):
    assert decode_document(response(body, content_type)) == (text, warning)


MISLABELLED = [
    (KOREAN.encode("cp949"), "text/xml; charset=utf-8", KOREAN,
     f"{URL}: declares utf-8 but is CP949; read as CP949"),
    (KOREAN.encode(), "text/html; charset=iso-8859-1", KOREAN,
     f"{URL}: declares iso8859-1 but is UTF-8; read as UTF-8"),
    (TTOM.encode("cp949"), "text/html; charset=latin-1", TTOM,
     f"{URL}: declares iso8859-1 but is CP949; read as CP949"),
    (KOREAN.encode(), "text/plain; charset=us-ascii", KOREAN,
     f"{URL}: declares ascii but is UTF-8; read as UTF-8"),
    (KOREAN.encode("cp949"), "", KOREAN,
     f"{URL}: declares no encoding (UTF-8) but is CP949; read as CP949"),
    (KOREAN.encode(), "text/html; charset=euc-kr", KOREAN,
     f"{URL}: declares cp949 but is UTF-8; read as UTF-8"),
]


@pytest.mark.parametrize("body, content_type, text, warning", MISLABELLED)
def test_a_mislabelled_document_is_read_as_what_it_is_with_a_warning(body, content_type, text,
                                                                     warning):
    assert decode_document(response(body, content_type)) == (text, warning)


@pytest.mark.parametrize("body, content_type, label", [
    (b"\x80\x80\xffabc", "", "UTF-8"),
    (b"\x80\x80\xffabc", "text/xml; charset=utf-8", "utf-8"),
    (b"\x80\x80\xffabc", "text/plain; charset=us-ascii", "ascii"),
    (b"\x80\x80\xffabc", "text/html; charset=euc-kr", "cp949"),
])
def test_bytes_in_no_readable_encoding_are_refused_naming_the_url(body, content_type, label):
    with pytest.raises(FetchError) as info:
        decode_document(response(body, content_type))
    assert info.value.format_message() == (
        f"{URL}: cannot decode the text: it is neither {label} (as declared) nor UTF-8 nor "
        "CP949/EUC-KR; not imported")


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"),
                                        (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be")])
@pytest.mark.parametrize("content_type", ["", "text/html; charset=euc-kr"])
def test_a_byte_order_mark_wins_and_is_not_part_of_the_text(bom, codec, content_type):
    assert decode_document(response(bom + KOREAN.encode(codec), content_type)) == (KOREAN, None)


def test_a_document_without_a_byte_order_mark_keeps_its_first_bytes():
    assert decode_document(response(KOREAN.encode()[:3] * 3, "text/plain; charset=utf-8")) \
        == (KOREAN[0] * 3, None)


@pytest.mark.parametrize("body, text", [
    (xml("EUC-KR", TTOM, "cp949"), f"<rss>{TTOM}</rss>"),
    (b"\n  " + xml("euc-kr", TTOM, "cp949"), f"<rss>{TTOM}</rss>"),
    (meta("euc-kr", TTOM, "cp949"), f'<html><head><meta charset="euc-kr"></head><body>{TTOM}'
     "</body></html>"),
    (f'<meta http-equiv="Content-Type" content="text/html; charset=EUC-KR">{TTOM}'
     .encode("cp949"), f'<meta http-equiv="Content-Type" content="text/html; charset=EUC-KR">'
     f"{TTOM}"),
])
def test_the_documents_own_declaration_is_read_and_the_xml_declaration_dropped(body, text):
    assert decode_document(response(body, "application/xml")) == (text, None)


def test_only_the_first_xml_declaration_is_dropped():
    body = b'<?xml version="1.0"?><?xml version="1.0"?><rss/>'
    assert decode_document(response(body))[0] == '<?xml version="1.0"?><rss/>'
    assert decode_document(response(b"<rss/>" + body))[0] == "<rss/>" + body.decode()


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8",
                                          "text/html; charset=x-no-such-encoding"])
def test_the_http_charset_wins_over_the_document_and_an_unknown_one_is_ignored(content_type):
    body = meta("euc-kr", KOREAN, "utf-8")
    text, warning = decode_document(response(body, content_type))
    if "x-no-such" in content_type:  # the page's own EUC-KR is then what is declared
        assert (KOREAN in text, warning) == (True, f"{URL}: declares cp949 but is UTF-8; "
                                                   "read as UTF-8")
    else:
        assert (KOREAN in text, warning) == (True, None)


@pytest.mark.parametrize("padding, honoured", [(2048 - 21, True), (2048 - 20, False)])
def test_a_declaration_counts_only_within_the_first_2048_bytes(padding, honoured):
    declaration = b'<meta charset="euc-kr">'  # its label ends 2 bytes before its end
    body = b" " * padding + declaration + TTOM.encode("cp949")
    text, warning = decode_document(response(body))
    assert text.endswith(TTOM)
    if honoured:
        assert warning is None
    else:
        assert warning == f"{URL}: declares no encoding (UTF-8) but is CP949; read as CP949"


def test_a_mislabelled_documents_xml_declaration_is_dropped_too():
    body = xml("utf-8", KOREAN, "cp949")
    assert decode_document(response(body, "application/rss+xml")) == (
        f"<rss>{KOREAN}</rss>", f"{URL}: declares utf-8 but is CP949; read as CP949")
