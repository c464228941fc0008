"""The normalisation steps: small ``str -> str`` functions, run in the order of ``STEPS``.

Each step turns one kind of written form into what a Korean announcer would say. Patterns
are compiled once, at import.
"""

from __future__ import annotations

import re
import unicodedata

from podcaster.text.normalize import numbers, words
from podcaster.text.normalize.acronym_words import ACRONYM_WORDS, TITLE_WORDS
from podcaster.text.normalize.acronyms import read_abbreviations, read_stopped_abbreviations
from podcaster.text.normalize.addresses import read_urls
from podcaster.text.normalize.calendar import read_calendar, read_weekday_spans
from podcaster.text.normalize.codes import (
    read_codes,
    read_long_numbers,
    read_phone_forms,
    read_scores,
    read_versions,
)
from podcaster.text.normalize.english import read_english, unkeep
from podcaster.text.normalize.fixed import read_countdowns_and_events, read_record_times
from podcaster.text.normalize.lexicon import BUILTIN, Lexicon
from podcaster.text.normalize.measures import (
    read_currency,
    read_fractions,
    read_magnitudes,
    read_units,
)
from podcaster.text.normalize.particles import MARK, choose_particles
from podcaster.text.normalize.patterns import HANGUL as _HANGUL
from podcaster.text.normalize.patterns import only_if as _only_if
from podcaster.text.normalize.quantities import read_dates_and_times, read_numbers, read_ranges
from podcaster.text.normalize.roman import read_roman_numerals
from podcaster.text.normalize.shorthand import join_model_names, read_earnings, read_model_sizes
from podcaster.text.normalize.signs import read_arrows, read_table_marks
from podcaster.text.normalize.words import CURRENCY_CODES

# --- characters -------------------------------------------------------------------------

# Full-width forms, circled numbers, squared unit signs and "…": their compatibility form.
_COMPAT_RE = re.compile("[\uff01-\uff5e\u2460-\u24ff\u3380-\u33ff\u2026\u2024\u2025]")
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\ue000-\ue0ff]")
# Signs whose compatibility form would lose what they mean (㎡ → "m2", ½ → "1⁄2").
_SIGNS = {
    "㎡": "m²", "㎥": "m³", "㎠": "cm²", "㎤": "cm³", "㎟": "mm²", "㎢": "km²", "℉": "°F",
    "µ": "μ", "½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5",
    "⅛": "1/8", "№": "번호 ", "㏘": "오후", "㏂": "오전",
}  # fmt: skip
_SIGNS_RE = re.compile("[" + "".join(_SIGNS) + "]")


def unify_characters(text: str) -> str:
    """Replace full-width letters/digits, circled numbers, ㎞-like signs and … by plain forms
    (㎡ → m², ½ → 1/2); drop invisible characters."""
    text = _INVISIBLE_RE.sub("", text)
    text = _SIGNS_RE.sub(lambda m: _SIGNS[m.group()], text)
    return _COMPAT_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


_EMOJI_RE = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0e\ufe0f\u20e3\U000e0020-\U000e007f]"
)


def drop_emoji(text: str) -> str:
    """Remove emoji, pictographs and their variation selectors."""
    return _EMOJI_RE.sub("", text)


_GLOSS_RE = re.compile(
    rf"(?<=[{_HANGUL}])\s?\((?:[A-Za-z][A-Za-z0-9 .,&'-]*|[\u3400-\u9fff\uf900-\ufaff]+)\)"
)


def drop_glosses(text: str) -> str:
    """Remove a Latin or Hanja gloss in brackets after a Korean word: ``웨이모(Waymo)는``
    → ``웨이모는``, ``인공지능(AI)`` → ``인공지능`` (a listener hears the word once)."""
    return _GLOSS_RE.sub("", text) if "(" in text else text


_FOOTNOTE_RE = re.compile(r"(?<=\S)\[\d{1,3}\]|\[\d{1,3}\](?=\S)")


def drop_footnote_marks(text: str) -> str:
    """Remove footnote references such as ``[1]`` attached to a word."""
    return _FOOTNOTE_RE.sub("", text) if "[" in text else text


# --- lexicon ----------------------------------------------------------------------------

apply_builtin_lexicon = Lexicon(BUILTIN, ignore_case=True)
"""Read common Latin names and terms the Korean way (OpenAI → 오픈에이아이, ``names.py``)."""

apply_acronym_words = Lexicon({**ACRONYM_WORDS, **TITLE_WORDS}, ignore_case=True)
"""Read acronyms said as words (ADAS → 에이다스, ``acronym_words.py``)."""


# --- Latin letters ----------------------------------------------------------------------

_MODEL_NAME_RE = re.compile(
    r"(?<![A-Za-z0-9.,])(?<!\d-)([A-Za-z]{1,6})-?(\d)(?![\d.,]?\d)(?=[A-Za-z]?(?![A-Za-z0-9]))"
)
_MODEL_NUMBER_RE = re.compile(
    r"(?<![A-Za-z0-9.,-])([A-Z]{1,5})?(\d{4,5})(X3D|XT|X|KF|KS|K|F|HX)?(?![\d.,]?[A-Za-z0-9])"
)
# Graphics card series, whose numbers are always said digit by digit, spaced or glued
# (RTX 5090, GTX970: 오공구공, 구칠공), and any four-digit number followed by a model
# suffix (XYZ 7900 XTX). Event names before a year (CES 2025) are not series: years.
# The other numbers of a list after one (RTX 5090·5080, RTX 4090과 4080) are of the series.
_SERIES_RE = re.compile(
    r"(?<![A-Za-z0-9])(RTX|GTX|GTS|RX|GT|MX)\s?(\d{3,4}(?:(?:\s?[·,/]\s?|\s?(?:과|와|및)\s)\d{3,4})*)"
    r"(?!\d|[.,]\d)"
    r"|(?<![A-Za-z0-9])([A-Z]{1,5}) (\d{4})(?= ?(?:Ti|TI|XTX|XT|SUPER|Super|X3D)(?![A-Za-z]))"
)
_DIGIT_RUN_RE = re.compile(r"\d+")
# What makes a number after a series a quantity, not the series (5090원, 5090명, 5090년).
_COUNTED_AFTER = "(?:[만억조천백십]|원|달러|명|개|년|대|건|곳|위|%|퍼센트|배|점|번)"

# A name glued to a single digit and its decimals (GPT-4.1, Qwen2.5): the digit is said in
# English as it is without decimals (GPT-4: 포), the decimals after 점 (지피티 포 점 일).
_MODEL_DECIMAL_RE = re.compile(  # a single letter only as part of a longer name (DeepSeek-V3.1)
    r"(?:(?<![A-Za-z0-9.,])(?<!\d-)[A-Za-z]{2,6}|(?<=[A-Za-z][-\s])[A-WYZa-wyz]|(?<=[가-힣][-\s])V)"
    r"(?:-|(?<=V) )?(\d)\.(\d{1,2})(?![A-Za-z0-9]|[.,]\d)"
)
_LETTERS_DIGITS_RE = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z]{2})")


def read_model_names(text: str) -> str:
    """Say a single digit after letters in English, as for model names: ``A4`` → ``A포``,
    ``o3-mini`` → ``o쓰리-mini``, ``LPDDR5X`` → ``LPDDR파이브X``, ``M4 Pro`` → ``M포 Pro``;
    model numbers of four or five digits one by one (``RTX5090`` → ``RTX 오공구공``,
    ``9950X`` → ``구구오공X``), and so the number of a graphics card series however it is
    written (``RTX 5090 Ti``, ``GTX970``). The letters are read later."""
    series: set[str] = set()

    def series_number(m: re.Match) -> str:
        written = m.group(2) or m.group(4)
        series.update(_DIGIT_RUN_RE.findall(written))
        spoken = _DIGIT_RUN_RE.sub(lambda d: numbers.phone_digits(d.group()), written)
        return f"{m.group(1) or m.group(3)} {spoken}"

    text = _SERIES_RE.sub(series_number, text)
    if series:  # RTX 5090은 … 5090의 가격: the card named again by its number alone
        alone = re.compile(
            rf"(?<![\d.,])({'|'.join(sorted(series))})(?![\d]|[.,]\d|\s?{_COUNTED_AFTER})"
        )
        text = alone.sub(lambda m: numbers.phone_digits(m.group()), text)

    def decimal(m: re.Match) -> str:
        name = m.group().split("-")[0].rstrip("0123456789. ")
        if name.upper() in CURRENCY_CODES:  # EUR1.5: an amount
            return m.group()
        return f"{name} {words.ENGLISH_DIGITS[int(m.group(1))]} 점 {numbers.sino(int(m.group(2)))}"

    text = _MODEL_DECIMAL_RE.sub(decimal, text)
    text = _MODEL_NAME_RE.sub(lambda m: m.group(1) + words.ENGLISH_DIGITS[int(m.group(2))], text)

    def model_number(m: re.Match) -> str:
        letters, digits, suffix = m.groups()
        if not (letters or suffix):
            return m.group()
        suffix = "엑스쓰리디" if suffix == "X3D" else suffix or ""  # the 3D of X3D: 쓰리디
        return f"{letters or ''} {numbers.phone_digits(digits)}{suffix}".lstrip()

    return _MODEL_NUMBER_RE.sub(model_number, text)


# --- symbols and punctuation ------------------------------------------------------------

_SINGLE_SYLLABLE_DOTS_RE = re.compile(
    rf"(?<![{_HANGUL}])[{_HANGUL}](?:[·ㆍ・][{_HANGUL}])+(?![{_HANGUL}])"
)
# (from the first dot of a run only: from each dot of a long run, the run would be scanned
# again each time)
_ELLIPSIS_END_RE = re.compile(r"\s*(?<!\.)\.{2,}(?=[\s\"'”’」』)]*$)")
_ELLIPSIS_RE = re.compile(r"\s*\.{2,}")
_TILDE_RE = re.compile(r"[~∼〜]")
_WORD_RANGE_RE = re.compile(rf"(?<=[{_HANGUL}])[~∼〜](?=[{_HANGUL}])")
_AMP_SPACED_RE = re.compile(r"\s+&\s+")
_SYMBOLS = {
    "&": "앤", "+": " 플러스 ", "±": " 플러스마이너스 ", "@": " 앳 ", "=": " ", "#": " ",
    "*": " ", "^": " ", "_": " ", "\\": " ", "|": ", ", "/": ", ", "·": ", ", "ㆍ": ", ",
    "・": ", ", "•": ", ", "→": ", ", "←": ", ", "⇒": ", ", "↔": ", ", ";": ", ",
    ":": ", ", "(": ", ", ")": ", ", "[": ", ", "]": ", ", "{": ", ", "}": ", ",
    "<": ", ", ">": ", ", "《": ", ", "》": ", ", "〈": ", ", "〉": ", ", "【": ", ",
    "】": ", ", "〔": ", ", "〕": ", ", "—": ", ", "–": ", ", "%": " 퍼센트", "°": "도",
    "×": " 곱하기 ", "÷": " 나누기 ", "§": " ", "¶": " ", "※": " ", "©": " ", "®": " ",
    "™": " ", "$": " 달러 ", "₩": " 원 ", "€": " 유로 ", "£": " 파운드 ", "¥": " 엔 ",
    "▲": ", ", "▼": ", ", "△": ", ", "▽": ", ", "■": ", ", "□": ", ", "◆": ", ", "◇": ", ",
    "●": ", ", "○": ", ", "◎": ", ", "◈": ", ", "▶": ", ", "►": ", ", "▷": ", ", "◀": ", ",
    "◁": ", ", "∙": ", ", "‧": ", ", "≈": " 약 ", "≒": " 약 ", "†": " ", "‡": " ", "′": " ",
    "″": " ", "〃": " ", "¢": " 센트 ", "µ": " ",
}  # fmt: skip
# Whatever is left that is not a word, a pause or a quote is not read (never passed on).
_UNREAD_RE = re.compile("[^\\w\\s,.?!'\"“”‘’「」『』\ue000-\ue0ff]")
_SYMBOL_RE = re.compile("[" + re.escape("".join(_SYMBOLS)) + "]")
_DASH_RE = re.compile(r"\s+-+\s+|^-+\s*|\s+-+(?=\S)|(?<=\S)-+(?=\s|$)")
_HYPHEN_RE = re.compile(r"(?<=\S)-+(?=\S)")
_PARTICLE_AFTER_BRACKET_RE = re.compile(rf"[)\]](?=[{_HANGUL}])")


def read_symbols(text: str) -> str:
    """Turn symbols into pauses (commas) or words: brackets, ``·``, ``/``, ``…`` → commas,
    ``&`` → ``앤드``, ``+`` → ``플러스``, ``서울~부산`` → ``서울에서 부산``; any other tilde
    is dropped, never read."""
    text = _SINGLE_SYLLABLE_DOTS_RE.sub(lambda m: re.sub("[·ㆍ・]", "", m.group()), text)
    text = _ELLIPSIS_END_RE.sub(".", text)
    text = _ELLIPSIS_RE.sub(",", text)
    text = _WORD_RANGE_RE.sub("에서 ", text)
    text = _TILDE_RE.sub(" ", text)
    text = _AMP_SPACED_RE.sub(" 앤드 ", text)
    text = _DASH_RE.sub(", ", text)
    text = _HYPHEN_RE.sub(" ", text)
    # 연산(1 PFLOPS)을: the particle now follows what the brackets said (…플롭스를).
    text = _PARTICLE_AFTER_BRACKET_RE.sub(MARK, text)
    text = _SYMBOL_RE.sub(lambda m: _SYMBOLS[m.group()], text)
    return _UNREAD_RE.sub(" ", text)


_SPACES_RE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+(?=[,.?!])")
_COMMAS_RE = re.compile(r",(?:\s*,)+")
_COMMA_AFTER_STOP_RE = re.compile(r"([.?!]),")
_COMMA_BEFORE_STOP_RE = re.compile(r",(?=\s*[.?!])")
_COMMA_SPACE_RE = re.compile(r",(?=[^\s\d\"'”’」』])")
_LEADING_COMMA_RE = re.compile(
    r"^[\s,]+|(?:(?<=[“‘「『])|(?<=^[\"'])|(?<=\s[\"']))[\s,]+|[\s,]+(?=[\"'”’」』]*$)"
)


def tidy(text: str) -> str:
    """Collapse whitespace and the doubled or misplaced commas earlier steps leave behind."""
    text = _SPACES_RE.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT_RE.sub("", text)
    text = _COMMAS_RE.sub(",", text)
    text = _COMMA_AFTER_STOP_RE.sub(r"\1", text)
    text = _COMMA_BEFORE_STOP_RE.sub("", text)
    text = _COMMA_SPACE_RE.sub(", ", text)
    text = _LEADING_COMMA_RE.sub("", text)
    return _SPACES_RE.sub(" ", unkeep(text).replace(MARK, "")).strip()


STEPS = [
    unify_characters,
    _only_if(r"[A-Za-z0-9]\.[A-Za-z]|@|://", read_urls),
    _only_if(r"\d{7}|\d,\d{3},\d{3},", read_long_numbers),
    drop_emoji,
    drop_footnote_marks,
    drop_glosses,
    read_arrows,
    _only_if(r"\d[.)]\s?\d|\+\s?82", read_phone_forms),
    _only_if(r"\dB", read_model_sizes),
    _only_if(r"\d[QHEF]|[QH]\d|FY|oY|oQ|oM|oH|YTD|ytd|TTM|/[yqmYQM]", read_earnings),
    _only_if(r"\d", read_countdowns_and_events),
    _only_if(r"\d:\d", read_record_times),
    _only_if(r"GPT \d", join_model_names),
    _only_if(r"\d\.\d", read_versions),
    _only_if(r"[A-Za-z]\.", read_stopped_abbreviations),
    _only_if(r"[\u2160-\u217b]|[IVX]", read_roman_numerals),
    apply_builtin_lexicon,
    _only_if(r"[A-Za-z]", apply_acronym_words),
    _only_if(r"[A-Za-z][./:][A-Za-z]|\dG", read_abbreviations),
    read_table_marks,
    _only_if(r"[A-Za-z] ?-?\d|\d[A-Za-z]|[A-Za-z]-?\d\.\d", read_model_names),
    _only_if(r"\d", read_currency),
    _only_if(r"\d[KkMBT]", read_magnitudes),
    _only_if(r"\d", read_calendar),
    _only_if("[~∼〜]", read_weekday_spans),
    _only_if(r"\d", read_dates_and_times),
    _only_if(r"\d", read_codes),
    _only_if(r"\d", read_scores),
    _only_if(r"\d/\d", read_fractions),
    _only_if(r"\d", read_units),
    _only_if(r"\d", read_ranges),
    _only_if(r"\d", read_numbers),
    read_english,
    read_symbols,
    choose_particles,
    tidy,
]
"""The steps in order; a user lexicon runs before all of them but ``unify_characters``. A
step given with a pattern runs only on text where the pattern occurs."""
