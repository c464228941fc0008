"""Exact-string pronunciations: the built-in lexicon of Latin names and terms, and the
matcher that applies it or a user's ``[pronunciation]`` table."""

from __future__ import annotations

import re
from collections.abc import Mapping

from podcaster.text.normalize.names import NAMES, TERMS
from podcaster.text.normalize.particles import outside_kept, sub_marked

# Built-in pronunciations of terms, abbreviations and forms with digits or signs, beside the
# names of ``names.py``. Matched without regard to case and only as whole Latin words
# (Hangul may be glued on either side: 오픈AI의, ChatGPT로). A user lexicon wins over them.
_SPECIAL = {
    "GPT-4o": "지피티 포오", "GPT4o": "지피티 포오", "GPT-4": "지피티 포", "GPT-5": "지피티 파이브", "email": "이메일",
    "e-mail": "이메일", "news": "뉴스", "Korea": "코리아", "Seoul": "서울", "online": "온라인",
    "blog": "블로그", "podcast": "팟캐스트", "vs": "대", "etc": "등", "ok": "오케이", "deepfake": "딥페이크",
    "startup": "스타트업", "Cloud": "클라우드", "AT&T": "에이티앤티", "R&D": "알앤디", "M&A": "엠앤에이",
    "Q&A": "큐앤에이", "B2B": "비투비", "B2C": "비투씨", "K-pop": "케이팝", "iOS": "아이오에스", "macOS": "맥오에스",
    "PhD": "피에이치디", "Ph.D.": "피에이치디", "Inc": "인크", "Ltd": "리미티드", "Dr": "닥터", "Mr": "미스터",
    "Ms": "미즈", "Mrs": "미세스", "CEO": "씨이오", "NASA": "나사", "NATO": "나토", "UNESCO": "유네스코",
    "OPEC": "오펙", "ASEAN": "아세안", "COVID": "코비드", "KOSPI": "코스피", "KOSDAQ": "코스닥", "DRAM": "디램",
    "NAND": "낸드", "LED": "엘이디", "OLED": "오엘이디", "LCD": "엘시디", "HBM": "에이치비엠", "GPU": "지피유",
    "CPU": "씨피유", "NPU": "엔피유", "API": "에이피아이", "SNS": "에스엔에스", "ZDNET": "지디넷", "LLM": "엘엘엠",
    "AGI": "에이지아이", "TV": "티비", "3D": "쓰리디", "2D": "투디", "4K": "포케이", "8K": "에잇케이",
    "3·1절": "삼일절", "3.1절": "삼일절", "4·19": "사일구", "5·18": "오일팔", "6·25": "육이오",
    "6.25 전쟁": "육이오 전쟁", "8·15": "팔일오", "9·11": "구일일", "12·12": "십이십이", "A/S": "에이에스",
    "No.1": "넘버원", "(주)": "주식회사 ", "(사)": "사단법인 ", "(재)": "재단법인 ",
}  # fmt: skip
BUILTIN = {**NAMES, **TERMS, **_SPECIAL}


_PLAIN_RE = re.compile(r"[A-Za-z]+")
_HAS_LATIN_RE = re.compile(r"[A-Za-z]")
_WORD_RE = re.compile(r"(?<![A-Za-z0-9])(?<!\d[.,])[A-Za-z]+(?![A-Za-z0-9]|[.,]\d)")


def _word_pattern(entry: str) -> str:
    """``entry`` as a regex that does not start or end inside a Latin word or a number
    (``GPT-4`` is not found in ``GPT-4.5``)."""
    pat = re.escape(entry)
    if entry[:1].isascii() and entry[:1].isalnum():
        pat = r"(?<![A-Za-z0-9])(?<!\d[.,])" + pat
    if entry[-1:].isascii() and entry[-1:].isalnum():
        pat += r"(?![A-Za-z0-9]|[.,]\d)"
    return pat


class Lexicon:
    """Exact string → reading replacements, applied in one pass, longest entry first.

    Entries that start or end with a Latin letter or digit only match whole Latin words, so
    ``AI`` is found in ``AI기본권`` but not in ``MAIN``. With ``ignore_case`` entries that
    contain a lower-case letter match in any case; all-capital entries stay exact.
    """

    def __init__(self, entries: Mapping[str, str], ignore_case: bool = False):
        self.exact = {k: v for k, v in entries.items() if k}
        self.folded = {}
        if ignore_case:
            self.folded = {k.lower(): v for k, v in self.exact.items() if k != k.upper()}
        # Plain Latin words are looked up word by word; other entries form one pattern.
        self.words = any(_PLAIN_RE.fullmatch(k) for k in self.exact)
        others = [k for k in self.exact if not _PLAIN_RE.fullmatch(k)]
        parts = []
        for key in sorted(others, key=lambda s: (-len(s), s)):
            pat = _word_pattern(key)
            parts.append(f"(?i:{pat})" if key.lower() in self.folded else pat)
        # A lookahead on the possible first characters lets most positions fail at once.
        firsts = {k[0] for k in others} | {k[0].upper() for k in others if k.lower() in self.folded}
        firsts |= {k[0].lower() for k in others if k.lower() in self.folded}
        first = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
        self.pattern = re.compile(f"(?={first})(?:{'|'.join(parts)})") if parts else None

    def _reading(self, m: re.Match) -> str:
        s = m.group()
        return self.exact.get(s) or self.folded.get(s.lower(), s)

    def __call__(self, text: str) -> str:
        if self.pattern:
            text = sub_marked(self.pattern, self._reading, text)
        if self.words and _HAS_LATIN_RE.search(text):
            text = outside_kept(text, lambda part: sub_marked(_WORD_RE, self._reading, part))
        return text
