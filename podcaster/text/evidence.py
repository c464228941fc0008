"""Text evidence that a quote comes from a source: what the quote shares with its entry.

Each kind of evidence is weighed by how well it tells the post's sources apart (a word or
number in every title tells nothing) and reported in words, so that ``segments`` can say why
an article was matched:

- title bigrams: the IDF-weighted share of the title's character bigrams the quote holds;
- title words: the IDF-weighted share of the title's words found whole in the quote (a
  Latin name also as the built-in lexicon spells it in Hangul: Apple → 애플, and a few
  words as a translation writes them: EU → 유럽연합);
- numbers: a figure of the title (27%, 142억, 2025, 3.5) found in the quote — the best
  anchor across languages, as a translated quote keeps its figures ($5.8 billion is 58억);
- outlet: the outlet's name (or its usual Korean spelling) mentioned in the quote;
- language: a quote in the same foreign language as the title (a quote left in English).

``title_score`` (bigrams, words, numbers) is what the title itself says; ``score`` adds
the outlet and language hints, which point at a source without naming its article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from podcaster.model import Source
from podcaster.text.normalize.english import read_word
from podcaster.text.normalize.lexicon import BUILTIN
from podcaster.text.normalize.outlets import (
    GENERIC_OUTLET_WORDS,
    JAPANESE,
    OUTLET_SPELLINGS,
    PLACES,
    TRANSLATIONS,
)

# Weights of each kind of evidence in a quote's score (capped at 1).
W_BIGRAMS = 1.0
W_WORDS = 0.5
W_NUMBER = 0.35  # per distinctive figure shared, at most two count
W_OUTLET = 0.3
W_LANGUAGE = 0.25
# A share of a title's (weighted) bigrams or words below this is no clear match.
MIN_SHARE = 0.12
# A title word this long counts alone (a name: 엔비디아, nvidia); shorter ones need company.
WORD_ALONE = 3

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*(?![\d])")
_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
_LATIN_PAIR = re.compile(r"[a-z]{2}")
_STOPWORDS = frozenset("to in of on at as is by an or be it we us up".split())
_KANA = re.compile(r"[\u3040-\u30ff]")
_CJK_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
# Names a translated quote spells in Hangul (Apple → 애플), from the built-in lexicon.
_HANGUL_NAMES = {k.casefold(): v for k, v in BUILTIN.items()
                 if re.fullmatch(r"\w+", k) and len(v) >= 2}
# A Latin title word this long is also looked for as the loanword rules spell it in Hangul
# (battery → 배터리); shorter ones are too often another word's syllables.
LOANWORD_LETTERS = 5
# Scales of English figures, as a Korean quote writes them ($5.8 billion → 58억 달러).
_SCALED = re.compile(r"(\d+(?:\.\d+)?)\s*(million|billion|bn|trillion)\b", re.IGNORECASE)
# 만 per million, 억 per billion, 조 per trillion
_TO_KOREAN_UNIT = {"million": 100, "billion": 10, "bn": 10, "trillion": 1}
# Every scaled figure also in 만 (ten thousands), the one unit both languages' figures meet
# in: 300 million and 3억 are both 30000만.
_KOREAN_SCALED = re.compile(r"(\d+(?:[.,]\d+)*)\s*(만|억|조)")
_IN_MAN = {"million": 100, "billion": 100_000, "bn": 100_000, "trillion": 100_000_000,
           "만": 1, "억": 10_000, "조": 100_000_000}


@dataclass
class Evidence:
    """What one quote shares with one source entry."""

    title_score: float = 0.0  # bigrams, words and numbers of the title
    hint_score: float = 0.0  # outlet named, same foreign language
    reasons: list[str] = field(default_factory=list)
    outlet_named: bool = False  # the quote names the source's outlet
    kinds: set[str] = field(default_factory=set)  # "title", "numbers", "outlet" found

    @property
    def score(self) -> float:
        return min(1.0, self.title_score + self.hint_score)


def language(text: str) -> str:
    """"ko", "ja", "en" (Latin letters) or "" for text with no letters of these."""
    counts = {
        "ko": len(_HANGUL.findall(text)),
        "ja": len(_KANA.findall(text)),
        "en": len(_LATIN.findall(text)),
    }
    if counts["ja"] >= 3:
        return "ja"
    best = max(counts, key=counts.get)
    return best if counts[best] else ""


def bigrams(text: str) -> set[str]:
    """Character bigrams inside words (case-folded), except pairs of Latin letters inside
    longer words: any two English sentences share some ("re", "it"), so English is matched
    by whole words. A two-letter word ("AI") stays, unless it is an English stopword."""
    grams: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        if len(word) == 2:
            if word not in _STOPWORDS:
                grams.add(word)
            continue
        grams.update(g for g in (word[i : i + 2] for i in range(len(word) - 1))
                     if not _LATIN_PAIR.fullmatch(g))
    return grams


def title_words(text: str) -> set[str]:
    """Words of two or more letters that are not numbers nor English stopwords
    (case-folded)."""
    return {w for w in _WORD.findall(text.casefold())
            if len(w) >= 2 and not w.isdigit() and w not in _STOPWORDS}


def numbers(text: str) -> set[str]:
    """Figures with two or more digits or a decimal part, without thousands separators."""
    found = set()
    for m in _NUMBER.finditer(text):
        value = m.group().replace(",", "")
        if len(value.replace(".", "")) >= 2:
            found.add(value)
    for m in _SCALED.finditer(text):
        scale = m.group(2).lower()
        value = f"{float(m.group(1)) * _TO_KOREAN_UNIT[scale]:g}"
        if len(value.replace(".", "")) >= 2:
            found.add(value)
        found.add(_in_man(float(m.group(1)) * _IN_MAN[scale]))
    for m in _KOREAN_SCALED.finditer(text):
        found.add(_in_man(float(m.group(1).replace(",", "")) * _IN_MAN[m.group(2)]))
    return found


def _in_man(value: float) -> str:
    """A figure in 만, written without an exponent: 1420000만."""
    return f"{value:f}".rstrip("0").rstrip(".") + "만"


def outlet_names(outlet: str | None) -> set[str]:
    """The words that name ``outlet`` in a quote: its distinctive words and their Korean
    spellings ("BBC NEWS" → bbc; "Reuters" → reuters, 로이터), or the Latin name of a
    Korean spelling ("로이터통신" → 로이터통신, 로이터, reuters)."""
    if not outlet:
        return set()
    names = set()
    for word in _WORD.findall(outlet.casefold()):
        if word in GENERIC_OUTLET_WORDS or len(word) < 2:
            continue
        names.add(word)
        if word in OUTLET_SPELLINGS:
            names.add(OUTLET_SPELLINGS[word])
        # an outlet listed in Hangul ("로이터", "로이터통신") is also named in Latin letters
        for latin, hangul in OUTLET_SPELLINGS.items():
            if len(hangul) >= 2 and word.startswith(hangul):
                names.update((hangul, latin))
    return names


def mentions(text: str, word: str) -> bool:
    """True when case-folded ``text`` holds ``word``; a Latin word must stand alone
    ("ap" is not in "apple"), a Korean one may carry a particle ("로이터는")."""
    if not word.isascii():
        return word in text
    return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None


def _proper_name_in(text: str, name: str) -> bool:
    """True when ``text`` holds the Latin ``name`` (case-folded) as a capitalised word:
    "Reuters는", "BBC" name an outlet, "local wheat" does not name "Local Times"."""
    return any(m.group()[0].isupper() for m in re.finditer(
        rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text, re.IGNORECASE))


def spellings(word: str) -> tuple[set[str], set[str]]:
    """How a Korean quote may write the title word ``word`` (case-folded): spellings that
    name it (the lexicon's 엔비디아 for nvidia, a place's 도쿄, a Japanese name's 도요타, the
    loanword rules' 로보택시 for robotaxi), and translations that may stand for other words
    too (유럽연합 for eu, 정부 for 政府)."""
    strong = {found for found in (_HANGUL_NAMES.get(word), PLACES.get(word)) if found}
    weak = {found for found in (TRANSLATIONS.get(word), JAPANESE.get(word)) if found}
    if word in JAPANESE and not _CJK_IDEOGRAPH.search(word):
        strong.add(JAPANESE[word])  # a name in kana (トヨタ): said, not translated
    if not strong and word.isascii() and word.isalpha() and len(word) >= LOANWORD_LETTERS:
        # a plural is written as its singular (laptops → 랩톱)
        forms = (word, word[:-1]) if word.endswith("s") else (word,)
        strong.update(reading for reading in map(loanword, forms) if reading)
    return strong, weak - strong


@functools.lru_cache(maxsize=4096)
def loanword(word: str) -> str | None:
    """The Hangul the loanword rules give the English ``word`` (robotaxi → 로보택시,
    battery → 배터리), or None for a word the pronouncing dictionary does not know."""
    reading, how = read_word(word)
    return reading if how in ("name", "dictionary") and len(reading) >= 2 else None


def _idf(sets: list[set[str]]) -> dict[str, float]:
    """Weight 1/n for a feature n sets hold; 0 when every one of several sets holds it."""
    holders: dict[str, int] = {}
    for features in sets:
        for feature in features:
            holders[feature] = holders.get(feature, 0) + 1
    return {feature: 0.0 if len(sets) > 1 and held == len(sets) else 1 / held
            for feature, held in holders.items()}


def _share(feature: set[str], found: set[str], weight: dict[str, float],
           alone: int = 0, weak: frozenset[str] = frozenset()) -> tuple[float, list]:
    """Weighted share of ``feature`` present in ``found``, and the features found. One
    feature alone is chance (one bigram of a longer title) unless it is ``alone`` long and
    not ``weak`` (found only through a translation: 유럽연합 for EU)."""
    useful = [item for item in feature if weight[item] > 0]
    hits = sorted(item for item in useful if item in found)
    total = sum(weight[item] for item in useful)
    share = sum(weight[item] for item in hits) / total if total else 0.0
    enough = len(hits) >= min(2, len(useful)) or (
        alone and any(len(hit) >= alone and hit not in weak for hit in hits))
    if share < MIN_SHARE or not enough:
        return 0.0, []
    return share, hits


class SourceEvidence:
    """Scores quotes against the sources of one post."""

    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources
        # Bigrams are for titles in Hangul or kana/kanji: an English title ("Prices fall 27%
        # as AI demand cools") is matched by its words and figures, not by "27" or "ai" alone.
        self.grams = [g if any(not x.isascii() for x in g) else set()
                      for g in (bigrams(s.title) for s in sources)]
        self.words = [title_words(s.title) | {w for w in JAPANESE if w in s.title}
                      for s in sources]
        # how a Korean quote may write each title word: names, and weak translations
        self.spelled = [{w: spellings(w) for w in words} for words in self.words]
        self.figures = [numbers(s.title) for s in sources]
        self.outlets = [outlet_names(s.outlet) for s in sources]
        self.languages = [language(s.title) for s in sources]
        self.gram_weight = _idf(self.grams)
        self.word_weight = _idf(self.words)
        self.figure_weight = _idf(self.figures)
        self.outlet_weight = _idf(self.outlets)
        langs = [{lang} for lang in self.languages]
        self.language_weight = _idf(langs)
        self._quotes: dict[str, tuple[str, set[str], set[str], str]] = {}

    def _quote(self, quote: str) -> tuple[str, set[str], set[str], str]:
        """What ``evidence`` looks at in a quote (folded text, bigrams, figures, language),
        worked out once per quote rather than once per source it is compared with."""
        found = self._quotes.get(quote)
        if found is None:
            found = self._quotes[quote] = (quote.casefold(), bigrams(quote), numbers(quote),
                                           language(quote))
        return found

    def evidence(self, quote: str, j: int) -> Evidence:
        """The evidence that ``quote`` comes from source ``j``."""
        text, quote_grams, quoted_figures, lang = self._quote(quote)
        ev = Evidence()
        share, hits = _share(self.grams[j], quote_grams, self.gram_weight)
        if share:
            ev.title_score += W_BIGRAMS * share
            ev.reasons.append(f"title bigrams {share:.2f} ({', '.join(hits[:4])})")
            ev.kinds.add("title")
        said = {w for w in self.words[j] if mentions(text, w)
                or any(spelled in text for spelled in self.spelled[j][w][0])}
        translated = frozenset(w for w in self.words[j] if w not in said
                               and any(spelled in text for spelled in self.spelled[j][w][1]))
        words = said | translated
        title = self.words[j]
        if lang == "ko" and self.languages[j] not in ("ko", ""):
            # a translation can show only the title words Korean has a spelling for
            title = {w for w in title if w in words or any(self.spelled[j][w])}
        share, hits = _share(title, words, self.word_weight, alone=WORD_ALONE,
                             weak=translated)
        if share:
            ev.title_score += W_WORDS * share
            ev.reasons.append(f"title words {share:.2f} ({', '.join(hits[:4])})")
            ev.kinds.add("title")
        shared = sorted(f for f in self.figures[j] if f in quoted_figures
                        and self.figure_weight[f] > 0)
        if shared:
            ev.title_score += W_NUMBER * min(2, len(shared))
            ev.reasons.append(f"numbers {', '.join(shared)} in title and quote")
            ev.kinds.add("numbers")
        named = sorted(n for n in self.outlets[j] if self.outlet_weight[n] and (
            mentions(text, n) if not n.isascii() else _proper_name_in(quote, n)))
        if named:
            ev.outlet_named = True
            ev.kinds.add("outlet")
            ev.hint_score += W_OUTLET
            ev.reasons.append(f"outlet named in the quote ({named[0]})")
        if lang not in ("", "ko") and lang == self.languages[j] and self.language_weight[lang]:
            ev.hint_score += W_LANGUAGE
            ev.reasons.append(f"quote and title both in {lang}")
        return ev

    def foreign_title(self, j: int) -> bool:
        """True when source ``j``'s title is not Korean: a Korean quote (a translation)
        cannot be checked against its words."""
        return self.languages[j] not in ("ko", "")
