"""Web addresses and e-mail addresses, read in the short form people say aloud.

A URL is read as its domain, without the scheme, ``www``, subdomains or path:
``https://openai.com/blog`` → ``openai 닷컴`` (the name is read by the later steps:
오픈에이아이 닷컴). An e-mail address is read whole: ``ai@kakao.com`` → ``ai 골뱅이 kakao
닷컴``. Every address stays a phrase of its own, so a sentence whose subject or object is an
address keeps it (``naver.com과 daum.net`` → 네이버 닷컴과 다음 닷 넷), and a line that is
only an address is still read.
"""

from __future__ import annotations

import re

from podcaster.text.normalize import words
from podcaster.text.normalize.particles import sub_marked
from podcaster.text.normalize.patterns import HANGUL as _HANGUL

_TLDS = (
    "com|net|org|kr|io|ai|co|me|tv|dev|app|gov|edu|jp|cn|uk|de|fr|info|biz|ly|gl|to"
)
_PARTICLE_WORD = r"(?:으로|로|에서|에|을|를|이|가|은|는|과|와|의|도|까지|만|에게|이나|나)(?![가-힣])"
URL_RE = re.compile(
    rf"((?:(?i:https?|ftp)://|(?i:www)\.)[^\s{_HANGUL}]+"
    # an address starts where its characters do (else a long run of them is scanned again
    # from each of its characters: quadratic)
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|(?<![A-Za-z0-9.@-])(?:[A-Za-z0-9-]+\.)+"
    rf"(?:{_TLDS})"
    r"(?![A-Za-z0-9-])(?:/[^\s가-힣]*)?)"
    rf"(\s(?={_PARTICLE_WORD}))?"
)
_TAIL = ".,;:!?)]}'\"”’>"
# Top-level domains said as a word; the others are spelled (닷 케이알, 닷 아이오).
_SAID = {"com": "닷컴", "net": "닷 넷", "dev": "닷 데브", "app": "닷 앱", "info": "닷 인포",
         "biz": "닷 비즈"}  # fmt: skip
# Second-level domains that belong to the country code (example.co.kr: 닷 씨오 닷 케이알).
_SECOND_LEVEL = frozenset(("co", "or", "go", "ac", "ne", "re", "com", "org", "net", "gov", "edu"))
_IP_RE = re.compile(r"[\d.]+")


def _words(name: str) -> str:
    """The words of an address part; short ones are spelled (ai → AI: 에이아이, kt → KT)."""
    parts = re.split(r"[-._%+]+", name)
    return " ".join(p.upper() if p.isalpha() and len(p) <= 3 else p for p in parts if p)


def _suffix(label: str) -> str:
    if label in _SAID:
        return _SAID[label]
    return "닷 " + "".join(words.LETTER_NAMES.get(c, c) for c in label.upper())


def domain(host: str) -> str:
    """``"www.openai.com"`` → ``"openai 닷컴"``; ``"news.example.co.kr"`` → ``"example 닷 씨오
    닷 케이알"``: the name below the top-level domain and the domain's ending."""
    labels = [part for part in host.lower().split(".") if part]
    if len(labels) < 2 or _IP_RE.fullmatch(host):
        return "링크"
    ending = [labels.pop()]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL and len(ending[0]) == 2:
        ending.insert(0, labels.pop())
    return f"{_words(labels[-1])} {' '.join(_suffix(label) for label in ending)}"


def address(written: str) -> str:
    """The spoken form of one URL or e-mail address."""
    if "@" in written and "://" not in written:
        local, _, host = written.partition("@")
        return f"{_words(local)} 골뱅이 {domain(host)}"
    host = re.sub(r"^[a-z]+://", "", written, flags=re.I)
    host = re.split(r"[/?#]", host, maxsplit=1)[0].rpartition("@")[2]  # no user name
    host = host.partition(":")[0]  # nor port
    return domain(re.sub(r"^www\.", "", host, flags=re.I))


def read_urls(text: str) -> str:
    """Read URLs, bare domains and e-mail addresses in their short spoken form
    (``openai.com/blog에`` → ``openai 닷컴에``), the particle after them re-chosen."""

    def repl(m: re.Match) -> str:
        url = m.group(1)
        stripped = url.rstrip(_TAIL)
        return address(stripped) + url[len(stripped) :]

    return sub_marked(URL_RE, repl, text)
