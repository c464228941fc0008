"""English text for an English voice: what the voice would misread, written out in words.

English voices read ordinary numbers, years and dates well; what they stumble on is the
shorthand of news copy: ``$3.5bn`` (read "dollar three point five b n"), ``Q3``, ``H1``,
``52%``, ``10 GW``, ``e.g.``, ISO dates and URLs. Each is one small ``str -> str`` step,
driven by the tables below; everything else is left to the voice.
"""

from __future__ import annotations

import re
import unicodedata

CURRENCIES = {"$": "dollars", "US$": "dollars", "€": "euros", "£": "pounds", "¥": "yen",
              "₩": "won"}
SCALES = {"k": "thousand", "thousand": "thousand", "m": "million", "mn": "million",
          "mln": "million", "million": "million", "b": "billion", "bn": "billion",
          "billion": "billion", "t": "trillion", "tn": "trillion", "trillion": "trillion"}
ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
PERIODS = {"Q": "quarter", "H": "half"}  # Q3 -> third quarter, H1 -> first half
UNITS = {
    "%": "percent", "km": "kilometres", "m": "metres", "cm": "centimetres",
    "mm": "millimetres", "kg": "kilograms", "g": "grams", "mph": "miles per hour",
    "km/h": "kilometres per hour", "W": "watts", "kW": "kilowatts", "MW": "megawatts",
    "GW": "gigawatts", "kWh": "kilowatt hours", "MWh": "megawatt hours",
    "GWh": "gigawatt hours", "TWh": "terawatt hours", "GB": "gigabytes",
    "TB": "terabytes", "MB": "megabytes", "PB": "petabytes", "GHz": "gigahertz",
    "MHz": "megahertz", "nm": "nanometres", "ms": "milliseconds",
}
SHORTHAND = {"e.g.": "for example", "i.e.": "that is", "vs.": "versus", "etc.": "et cetera",
             "&": "and", "approx.": "approximately"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
_MONEY_RE = re.compile(
    rf"(US\$|[$€£¥₩])\s?({_NUMBER})(?:\s?({'|'.join(sorted(SCALES, key=len, reverse=True))})"
    r"\b)?", re.I)
_PERIOD_RE = re.compile(r"\b([QH])([1-4])\b")
_UNIT_RE = re.compile(
    rf"({_NUMBER})\s?({'|'.join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))})"
    r"(?![A-Za-z])")
_ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_THOUSANDS_RE = re.compile(r"\b(\d{1,3}(?:,\d{3})+)\b")
_SHORTHAND_RE = re.compile("|".join(re.escape(k) for k in SHORTHAND))


def drop_urls(text: str) -> str:
    return _URL_RE.sub("", text)


def money(text: str) -> str:
    """``$3.5bn`` → ``3.5 billion dollars``; ``€20`` → ``20 euros``."""
    def say(m: re.Match) -> str:
        scale = SCALES[m.group(3).lower()] + " " if m.group(3) else ""
        return f"{m.group(2)} {scale}{CURRENCIES[m.group(1).upper()]}"
    return _MONEY_RE.sub(say, text)


def periods(text: str) -> str:
    """``Q3`` → ``third quarter``; ``H1`` → ``first half``."""
    return _PERIOD_RE.sub(lambda m: f"{ORDINALS[m.group(2)]} {PERIODS[m.group(1)]}", text)


def units(text: str) -> str:
    """``52.9%`` → ``52.9 percent``; ``10 GW`` → ``10 gigawatts``."""
    return _UNIT_RE.sub(lambda m: f"{m.group(1)} {UNITS[m.group(2)]}", text)


def iso_dates(text: str) -> str:
    """``2025-03-04`` → ``March 4, 2025`` (a date that cannot be is left alone)."""
    def say(m: re.Match) -> str:
        month, day = int(m.group(2)), int(m.group(3))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return m.group()
        return f"{MONTHS[month - 1]} {day}, {m.group(1)}"
    return _ISO_DATE_RE.sub(say, text)


def thousands(text: str) -> str:
    """``1,500`` → ``1500``: some voices pause at the comma ("one, five hundred")."""
    return _THOUSANDS_RE.sub(lambda m: m.group().replace(",", ""), text)


def shorthand(text: str) -> str:
    """``e.g.`` → ``for example``, ``&`` → ``and``."""
    return _SHORTHAND_RE.sub(lambda m: SHORTHAND[m.group()], text)


def tidy(text: str) -> str:
    """Full-width forms made plain, emoji and controls dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) not in ("So", "Cc", "Cf", "Cs"))
    return " ".join(text.split())


STEPS = [tidy, drop_urls, money, periods, iso_dates, units, thousands, shorthand, tidy]


def normalize_english(text: str) -> str:
    """``text`` as an English voice should be given it (every step of ``STEPS`` in order)."""
    for step in STEPS:
        text = step(text)
    return text
