"""The text of a fetched feed or page, decoded by what it declares and checked.

The declared encoding is the HTTP ``charset``, else the document's own (XML declaration,
``<meta charset>``), else UTF-8; a byte-order mark wins over all. Korean blogs still serve
EUC-KR under a UTF-8 label (and UTF-8 under a Latin-1 one), which decoded as labelled gives
mojibake that every check passes. So the declared encoding must decode the bytes strictly;
when it cannot, or when a single-byte label hides valid UTF-8, the bytes are decoded as what
they are (UTF-8, else CP949, the superset of EUC-KR) with a warning naming the URL; bytes
that are none of these are refused.
"""

from __future__ import annotations

import codecs
import re

from podcaster.http import FetchError, Response

_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)""", re.I)
_XML_DECLARATION_TEXT = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_SINGLE_BYTE = {"latin-1", "iso8859-1", "cp1252", "ascii"}
FALLBACKS = ("utf-8", "cp949")


def _codec(label: str | bytes | None) -> str | None:
    if isinstance(label, bytes):
        label = label.decode("ascii", "replace")
    try:
        return codecs.lookup(label).name if label else None
    except LookupError:
        return None


def declared_encoding(response: Response) -> str | None:
    """The encoding ``response`` says it is in (codec name), or None."""
    for bom, name in _BOMS:
        if response.body.startswith(bom):
            return name
    head = response.body[:2048]
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return _codec(response.charset) or _codec(match.group(1) if match else None)


def decode_document(response: Response) -> tuple[str, str | None]:
    """The text of ``response`` (no BOM, no XML declaration) and a warning when it is not
    in the encoding it declares. Raises FetchError when it is in none we can read."""
    declared = declared_encoding(response)
    declared = "cp949" if declared == "euc_kr" else declared  # what EUC-KR pages really hold
    body = response.body
    for bom, name in _BOMS:
        if body.startswith(bom) and name == declared:
            body = body[len(bom):]
    order = [f for f in FALLBACKS if f != declared]
    if declared in _SINGLE_BYTE and not body.isascii():
        order.append(declared)  # any byte is Latin-1: valid UTF-8 or CP949 is what was meant
    elif declared:
        order.insert(0, declared)
    for name in order:
        try:
            text = body.decode(name)
        except UnicodeDecodeError:
            continue
        if name == (declared or "utf-8"):
            return _XML_DECLARATION_TEXT.sub("", text, count=1), None
        label = declared or "no encoding (UTF-8)"
        return _XML_DECLARATION_TEXT.sub("", text, count=1), (
            f"{response.url}: declares {label} but is {name.upper()}; read as {name.upper()}")
    label = declared or "UTF-8"
    raise FetchError(response.url, f"cannot decode the text: it is neither {label} (as "
                     "declared) nor UTF-8 nor CP949/EUC-KR; not imported")
