"""The normalisation steps: small ``str -> str`` functions, run in the order of ``STEPS``.

Each step turns one kind of written form into what a Korean announcer would say. Patterns
are compiled once, at import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from podcaster.normalize import numbers, words

_HANGUL = "가-힣"


def _alternation(items) -> str:
    """A regex alternation of literal ``items``, longest first so the longest one wins."""
    return "|".join(re.escape(i) for i in sorted(set(items), key=lambda s: (-len(s), s)))


# --- characters -------------------------------------------------------------------------

# Full-width forms, circled numbers, squared unit signs and "…": their compatibility form.
_COMPAT_RE = re.compile("[\uff01-\uff5e\u2460-\u24ff\u3380-\u33ff\u2026\u2024\u2025]")
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def unify_characters(text: str) -> str:
    """Replace full-width letters/digits, circled numbers, ㎞-like signs and … by plain forms;
    drop invisible characters."""
    text = _INVISIBLE_RE.sub("", text)
    return _COMPAT_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


_URL_RE = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|(?<![A-Za-z0-9.@-])(?:[A-Za-z0-9-]+\.)+"
    r"(?:com|net|org|kr|io|ai|co|me|tv|dev|app|gov|edu|jp|cn|uk|de|fr|info|biz|ly|gl|to)"
    r"(?![A-Za-z0-9-])(?:/\S*)?"
)
_URL_TAIL = ".,;:!?)]}'\"”’>"


def drop_urls(text: str) -> str:
    """Remove URLs, bare domain names and e-mail addresses (they are never read out)."""

    def repl(m: re.Match) -> str:
        url = m.group()
        tail = len(url) - len(url.rstrip(_URL_TAIL))
        return url[len(url) - tail :] if tail else ""

    return _URL_RE.sub(repl, text)


_EMOJI_RE = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0e\ufe0f\u20e3\U000e0020-\U000e007f]"
)


def drop_emoji(text: str) -> str:
    """Remove emoji, pictographs and their variation selectors."""
    return _EMOJI_RE.sub("", text)


# --- lexicons ---------------------------------------------------------------------------


def _word_pattern(entry: str) -> str:
    """``entry`` as a regex that does not start or end inside a Latin word or a number."""
    pat = re.escape(entry)
    if entry[:1].isascii() and entry[:1].isalnum():
        pat = r"(?<![A-Za-z0-9])" + pat
    if entry[-1:].isascii() and entry[-1:].isalnum():
        pat += r"(?![A-Za-z0-9])"
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
        parts = []
        for key in sorted(self.exact, key=lambda s: (-len(s), s)):
            pat = _word_pattern(key)
            parts.append(f"(?i:{pat})" if key.lower() in self.folded else pat)
        self.pattern = re.compile("|".join(parts)) if parts else None

    def _reading(self, m: re.Match) -> str:
        s = m.group()
        return self.exact.get(s) or self.folded.get(s.lower(), s)

    def __call__(self, text: str) -> str:
        return self.pattern.sub(self._reading, text) if self.pattern else text


apply_builtin_lexicon = Lexicon(words.LEXICON, ignore_case=True)
"""Read common Latin names and terms the Korean way (OpenAI → 오픈에이아이)."""


# --- numbers ----------------------------------------------------------------------------

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_CURRENCY_RE = re.compile(
    rf"({_alternation(words.CURRENCY_SYMBOLS)})\s?({_NUM})"
    rf"(?:\s?({_alternation(words.AMOUNT_SUFFIXES)})(?![A-Za-z]))?"
    r"(\s?[십백천]?[만억조])?"
)


def read_currency(text: str) -> str:
    """Move a currency symbol behind its amount: ``$15`` → ``15 달러``,
    ``$1.5B`` → ``15억 달러``, ``€300만`` → ``300만 유로``."""

    def repl(m: re.Match) -> str:
        symbol, amount, suffix, unit = m.groups()
        if suffix:
            try:
                value = Decimal(amount.replace(",", "")) * words.AMOUNT_SUFFIXES[suffix]
            except InvalidOperation:
                return m.group()
            if value == value.to_integral_value():
                amount = numbers.korean_grouped(int(value))
        return f"{amount}{(unit or '').strip()} {words.CURRENCY_SYMBOLS[symbol]}"

    return _CURRENCY_RE.sub(repl, text)


_ISO_DATE_RE = re.compile(
    r"(?<![\d.])(\d{4})(?:-|\.\s?|/)(\d{1,2})(?:-|\.\s?|/)(\d{1,2})(?![\d])(?:\.(?=[^\s\d]))?"
)
_TIME_RE = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])")
_SCORE_RE = re.compile(r"(?<![\d:])(\d{1,3}):(\d{1,3})(?![\d:])")


def read_dates_and_times(text: str) -> str:
    """Write numeric dates and clock times with Korean units: ``2025-10-06`` and
    ``2025. 10. 6.`` → ``2025년 10월 6일``; ``14:30`` → ``14시 30분``; ``3:1`` → ``3 대 1``."""

    def date(m: re.Match) -> str:
        y, mo, d = (int(g) for g in m.groups())
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return m.group()
        return f"{y}년 {mo}월 {d}일"

    def time(m: re.Match) -> str:
        h, mi, s = m.group(1), int(m.group(2)), m.group(3)
        if int(h) > 24 or mi > 59:
            return m.group()
        out = f"{int(h)}시"
        if mi:
            out += f" {mi}분"
        if s and int(s):
            out += f" {int(s)}초"
        return out

    text = _ISO_DATE_RE.sub(date, text)
    text = _TIME_RE.sub(time, text)
    return _SCORE_RE.sub(r"\1 대 \2", text)


_UNIT_RE = re.compile(
    rf"({_NUM})(\s?)({_alternation(words.UNITS)})(?![A-Za-z0-9{_HANGUL}])"
    rf"|({_NUM})({_alternation(words.UNITS)})(?![A-Za-z0-9])"
)
_SPEED_UNITS = ("km/h", "mph")


def read_units(text: str) -> str:
    """Write unit signs after a number as Korean words: ``52.9%`` → ``52.9퍼센트``,
    ``30℃`` → ``30도``, ``5km`` → ``5킬로미터``, ``100km/h`` → ``시속 100킬로미터``."""

    def repl(m: re.Match) -> str:
        if m.group(1):
            num, unit = m.group(1), m.group(3)
        else:
            num, unit = m.group(4), m.group(5)
        prefix = "시속 " if unit in _SPEED_UNITS else ""
        return f"{prefix}{num}{words.UNITS[unit]}"

    return _UNIT_RE.sub(repl, text)


_COUNTERS = words.NATIVE_COUNTERS + words.SINO_COUNTERS + ("월", "시", "번째", "째", "대")
_TERM = rf"({_NUM})([십백천])?([만억조경])?"
_COUNTER = rf"({_alternation(_COUNTERS)})?"
_NUMBER_RE = re.compile(rf"(제\s?)?{_TERM}{_COUNTER}")
_RANGE_RE = re.compile(
    rf"(?<![\d.,A-Za-z-]){_TERM}{_COUNTER}\s*([~∼〜–-])\s*{_TERM}{_COUNTER}(?![\d.-])"
)
_NATIVE = frozenset(words.NATIVE_COUNTERS)
_PARTICLE_AFTER_DAE_RE = re.compile(rf"\s+[{_HANGUL}]")


def read_quantity(
    num: str,
    small: str | None = None,
    big: str | None = None,
    counter: str | None = None,
    sino_only: bool = False,
    after: str = "",
) -> str:
    """Read one number with its optional 십/백/천, 만/억/조 and counter.

    Native numbers (세 개, 스무 살) for native counters up to 99; Sino-Korean otherwise.
    ``after`` is the text that follows, used to tell 3대 (vehicles) from 3대 그룹.
    """
    counter = counter or ""
    plain = num.replace(",", "")
    if small or big:
        head = "" if plain == "1" and (small or big == "만") else _read_plain(plain)
        return head + (small or "") + (big or "") + (" " + counter if counter else "")
    if "." in plain or (len(plain) > 1 and plain.startswith("0")):
        head = _read_plain(plain)
        return f"{head} {counter}" if counter else head
    n = int(plain)
    if not counter:
        return numbers.sino(n)
    if sino_only:
        return f"{numbers.sino(n)} {counter}"
    if counter == "월":
        return numbers.month(n)
    if counter == "시":
        return f"{numbers.native(n) if 0 < n <= 12 else numbers.sino(n)} 시"
    if counter in ("번째", "째"):
        return f"{numbers.native(n, ordinal=True)} {counter}"
    if counter == "대":
        group = n % 10 == 0 or _PARTICLE_AFTER_DAE_RE.match(after)
        return f"{numbers.sino(n)} 대" if group else f"{numbers.native(n)} 대"
    if counter in _NATIVE:
        return f"{numbers.native(n)} {counter}"
    return f"{numbers.sino(n)} {counter}"


def _read_plain(plain: str) -> str:
    if "." in plain:
        return numbers.decimal(plain)
    if len(plain) > 1 and plain.startswith("0"):
        return numbers.digits(plain)
    return numbers.sino(int(plain))


def read_ranges(text: str) -> str:
    """Read number ranges: ``2015∼2025년`` → ``이천십오 년부터 이천이십오 년까지``,
    ``3~5명`` → ``세 명에서 다섯 명``. A hyphen counts as a range only before a counter."""

    def repl(m: re.Match) -> str:
        n1, s1, b1, c1, sep, n2, s2, b2, c2 = m.groups()
        if sep == "-" and not c2:
            return m.group()
        unit = c2 or c1
        after = text[m.end() :]
        left = read_quantity(n1, s1, b1, c1 or (unit if not (s1 or b1) or c2 else None))
        right = read_quantity(n2, s2, b2, c2, after=after)
        if unit in words.TIME_COUNTERS:
            return f"{left}부터 {right}까지"
        return f"{left}에서 {right}"

    return _RANGE_RE.sub(repl, text)


_MINUS_RE = re.compile(r"(?<![\w)\]])-(?=\d)")


def read_numbers(text: str) -> str:
    """Read every remaining number in Korean: ``1,130건`` → ``천백삼십 건``, ``3개`` →
    ``세 개``, ``302억 5천만`` → ``삼백이억 오천만``, ``10월`` → ``시월``."""
    text = _MINUS_RE.sub("마이너스 ", text)

    def repl(m: re.Match) -> str:
        je, num, small, big, counter = m.groups()
        out = read_quantity(num, small, big, counter, sino_only=bool(je), after=text[m.end() :])
        return (je or "") + out

    return _NUMBER_RE.sub(repl, text)


# --- Latin letters ----------------------------------------------------------------------

_ACRONYM_RE = re.compile(r"(?<![A-Za-z])([A-Z]+)(s?)(?![A-Za-z])")


def spell_acronyms(text: str) -> str:
    """Spell upper-case Latin words with Korean letter names: ``AI`` → ``에이아이``,
    ``IT파인드`` → ``아이티파인드``, ``GPUs`` → ``지피유스``."""

    def repl(m: re.Match) -> str:
        letters, plural = m.groups()
        return "".join(words.LETTER_NAMES[c] for c in letters) + ("스" if plural else "")

    return _ACRONYM_RE.sub(repl, text)


# --- symbols and punctuation ------------------------------------------------------------

_SINGLE_SYLLABLE_DOTS_RE = re.compile(
    rf"(?<![{_HANGUL}])[{_HANGUL}](?:[·ㆍ・][{_HANGUL}])+(?![{_HANGUL}])"
)
_ELLIPSIS_END_RE = re.compile(r"\s*\.{2,}(?=[\s\"'”’」』)]*$)")
_ELLIPSIS_RE = re.compile(r"\s*\.{2,}")
_TILDE_RE = re.compile(r"[~∼〜]")
_AMP_SPACED_RE = re.compile(r"\s+&\s+")
_SYMBOLS = {
    "&": "앤", "+": " 플러스 ", "±": " 플러스마이너스 ", "@": " 앳 ", "=": " ", "#": " ",
    "*": " ", "^": " ", "_": " ", "\\": " ", "|": ", ", "/": ", ", "·": ", ", "ㆍ": ", ",
    "・": ", ", "•": ", ", "→": ", ", "←": ", ", "⇒": ", ", "↔": ", ", ";": ", ",
    ":": ", ", "(": ", ", ")": ", ", "[": ", ", "]": ", ", "{": ", ", "}": ", ",
    "<": ", ", ">": ", ", "《": ", ", "》": ", ", "〈": ", ", "〉": ", ", "【": ", ",
    "】": ", ", "〔": ", ", "〕": ", ", "—": ", ", "–": ", ", "%": " 퍼센트", "°": "도",
    "×": " 곱하기 ", "÷": " 나누기 ", "§": " ", "¶": " ", "※": " ", "©": " ", "®": " ",
    "™": " ",
}  # fmt: skip
_SYMBOL_RE = re.compile(_alternation(_SYMBOLS))
_DASH_RE = re.compile(r"\s+-+\s+|\s+-+(?=[^\s\d])|(?<=\S)-+(?=\s|$)|(?<=[^\s\d])-+(?=\S)")


def read_symbols(text: str) -> str:
    """Turn symbols into pauses (commas) or words: brackets, ``·``, ``/``, ``…`` → commas,
    ``&`` → ``앤드``, ``+`` → ``플러스``; a stray tilde is dropped, never read."""
    text = _SINGLE_SYLLABLE_DOTS_RE.sub(lambda m: re.sub("[·ㆍ・]", "", m.group()), text)
    text = _ELLIPSIS_END_RE.sub(".", text)
    text = _ELLIPSIS_RE.sub(",", text)
    text = _TILDE_RE.sub(" ", text)
    text = _AMP_SPACED_RE.sub(" 앤드 ", text)
    text = _DASH_RE.sub(", ", text)
    return _SYMBOL_RE.sub(lambda m: _SYMBOLS[m.group()], text)


_SPACES_RE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+(?=[,.?!])")
_COMMAS_RE = re.compile(r",(?:\s*,)+")
_COMMA_AFTER_STOP_RE = re.compile(r"([.?!]),")
_COMMA_BEFORE_STOP_RE = re.compile(r",(?=\s*[.?!])")
_COMMA_SPACE_RE = re.compile(r",(?=[^\s\d\"'”’」』])")
_LEADING_COMMA_RE = re.compile(r"^[\s,]+|(?<=[\"'“‘「『])[\s,]+|[\s,]+(?=[\"'”’」』]*$)")


def tidy(text: str) -> str:
    """Collapse whitespace and the doubled or misplaced commas earlier steps leave behind."""
    text = _SPACES_RE.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT_RE.sub("", text)
    text = _COMMAS_RE.sub(",", text)
    text = _COMMA_AFTER_STOP_RE.sub(r"\1", text)
    text = _COMMA_BEFORE_STOP_RE.sub("", text)
    text = _COMMA_SPACE_RE.sub(", ", text)
    text = _LEADING_COMMA_RE.sub("", text)
    return _SPACES_RE.sub(" ", text).strip()


STEPS = [
    unify_characters,
    drop_urls,
    drop_emoji,
    apply_builtin_lexicon,
    read_currency,
    read_dates_and_times,
    read_units,
    read_ranges,
    read_numbers,
    spell_acronyms,
    read_symbols,
    tidy,
]
"""The steps in order; a user lexicon runs before all of them but ``unify_characters``."""
