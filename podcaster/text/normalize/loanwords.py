"""English pronunciations (ARPAbet, as in the CMU Pronouncing Dictionary) → Hangul, by the
rules for English in the standard loanword orthography (외래어 표기법 제3장 제1절).

``hangul("K AH0 M P Y UW1 T ER0")`` → ``"컴퓨터"``. The rules applied, by article:
1. [p t k] after a short vowel at the end of a word, or between a short vowel and a
   consonant other than [l r m n], are finals (캣, 액트); elsewhere they take 으 (케이프).
2. [b d g] at the end or before a consonant take 으 (랜드).
3. [s z f v θ ð] at the end or before a consonant take 으 (마스크); [ʃ] is 시 at the end,
   슈 before a consonant and 샤/셔/셰/쇼/슈/시 before a vowel; [ʒ] is 지 / ㅈ.
4. [ʧ ʤ] are 치/지 at the end or before a consonant, ㅊ/ㅈ before a vowel; [ts dz] are 츠/즈.
5. Nasals at the end or before a consonant are finals (팀, 링); [ŋ] between vowels is the
   final of the first syllable (싱어).
6. [l] at the end or before a consonant is a final (호텔); between vowels, or before a
   nasal that no vowel follows, it is ㄹㄹ (슬라이드, 필름), but after a nasal ㄹ (헨리).
7-8. Long vowels are not marked; diphthongs keep each part (타임, 하우스), [ou] is 오.
9. [w] gives 워/와/왜/웨/위/우, one syllable after [g h k] (쿼터), two elsewhere (스위치);
   [j] gives 야/얘/여/예/요/유/이.
[r] is silent unless a vowel follows (카, 파트).
"""

from __future__ import annotations

import re

_ONSET = {
    "P": "ㅍ", "B": "ㅂ", "T": "ㅌ", "D": "ㄷ", "K": "ㅋ", "G": "ㄱ", "F": "ㅍ", "V": "ㅂ",
    "TH": "ㅅ", "DH": "ㄷ", "S": "ㅅ", "Z": "ㅈ", "SH": "ㅅ", "ZH": "ㅈ", "CH": "ㅊ",
    "JH": "ㅈ", "M": "ㅁ", "N": "ㄴ", "NG": "ㅇ", "L": "ㄹ", "R": "ㄹ", "HH": "ㅎ",
}  # fmt: skip
# A consonant no vowel follows: its own syllable with 으 (or 이/우 for some).
_ALONE = {
    "P": "프", "B": "브", "T": "트", "D": "드", "K": "크", "G": "그", "F": "프", "V": "브",
    "TH": "스", "DH": "드", "S": "스", "Z": "즈", "ZH": "지", "CH": "치", "JH": "지",
    "HH": "흐", "M": "음", "N": "은", "NG": "응", "L": "을",
}  # fmt: skip
_FINAL = {"P": "ㅂ", "T": "ㅅ", "K": "ㄱ", "M": "ㅁ", "N": "ㄴ", "NG": "ㅇ", "L": "ㄹ"}
# Vowels as a sequence of Hangul vowels (diphthongs are two syllables).
_VOWEL = {
    "AA": "ㅏ", "AE": "ㅐ", "AH": "ㅓ", "AO": "ㅗ", "AW": "ㅏㅜ", "AY": "ㅏㅣ", "EH": "ㅔ",
    "ER": "ㅓ", "EY": "ㅔㅣ", "IH": "ㅣ", "IY": "ㅣ", "OW": "ㅗ", "OY": "ㅗㅣ", "UH": "ㅜ",
    "UW": "ㅜ",
}  # fmt: skip
_SHORT = frozenset(("AE", "EH", "IH", "UH", "AH", "AA"))
# A glide joined to the first vowel: w + ㅓ → ㅝ, j + ㅏ → ㅑ, ʃ + ㅏ → ㅑ (샤).
_W = {"ㅏ": "ㅘ", "ㅐ": "ㅙ", "ㅓ": "ㅝ", "ㅗ": "ㅝ", "ㅔ": "ㅞ", "ㅣ": "ㅟ", "ㅜ": "ㅜ"}
_Y = {"ㅏ": "ㅑ", "ㅐ": "ㅒ", "ㅓ": "ㅕ", "ㅗ": "ㅛ", "ㅔ": "ㅖ", "ㅣ": "ㅣ", "ㅜ": "ㅠ"}

_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


class _Syllable:
    __slots__ = ("onset", "vowel", "coda", "text")

    def __init__(self, onset: str = "ㅇ", vowel: str = "ㅡ", coda: str = "", text: str = ""):
        self.onset, self.vowel, self.coda, self.text = onset, vowel, coda, text

    def __str__(self) -> str:
        if self.text:
            return self.text
        code = (_CHO.index(self.onset) * 21 + _JUNG.index(self.vowel)) * 28
        return chr(0xAC00 + code + (_JONG.index(self.coda) if self.coda else 0))


def _open(out: list[_Syllable]) -> bool:
    """Whether the last syllable is a consonant with 으 that a glide may join (크 + 워 → 쿼)."""
    return bool(out) and out[-1].vowel == "ㅡ" and not out[-1].coda and not out[-1].text


def _is_vowel(phone: str | None) -> bool:
    return phone is not None and phone in _VOWEL


def _prepare(phones: list[str]) -> list[str]:
    """Rewrite r-coloured sounds: [ɚ] before a vowel is [ər] (memory: 메모리), [aʊɚ] is
    [aʊwə] (tower: 타워), and [ɛr ɪr ʊr ɔr aɪr] not before a vowel end in 어 (웨어, 이어)."""
    out: list[str] = []
    for i, p in enumerate(phones):
        nxt = phones[i + 1].rstrip("012") if i + 1 < len(phones) else None
        base = p.rstrip("012")
        if base == "ER" and _is_vowel(nxt):
            out += ["AH" + p[2:], "R"]
        elif base == "ER" and out and out[-1].rstrip("012") == "AW":
            out += ["W", "AH0"]
        elif base == "R" and out and out[-1].rstrip("012") in ("EH", "IH", "UH", "AY", "IY", "AO"):
            if nxt is None or (not _is_vowel(nxt) and out[-1][:2] != "AO"):
                out.append("AH0")  # 에어, 이어, 투어, 파이어
            else:
                out.append(p)
        else:
            out.append(p)
    return out


_VOWEL_LETTERS_RE = re.compile(r"[aeiou]+|y(?![aeiou])")


def _vowel_letters(spelling: str, count: int) -> list[str]:
    """The written vowel of each vowel sound, when the spelling lines up with the sounds
    (one group of vowel letters per vowel sound, a silent final e dropped); else []."""
    word = spelling.lower()
    groups = _VOWEL_LETTERS_RE.findall(word)
    if len(groups) == count + 1 and re.search(r"[^aeiou]e$", word):
        groups = groups[:-1]  # silent e: engine, service
    return groups if len(groups) == count else []


def hangul(pronunciation: str, spelling: str = "") -> str:
    """Hangul for an ARPAbet ``pronunciation`` (stress digits allowed).

    ``spelling`` (the written word) settles what the sounds cannot: an unstressed vowel
    [ə] is read by its letter where the spelling lines up (system: 시스템, monitor: 모니터),
    a final unstressed a is 아 in names (Tesla → 테슬라), ``-le`` is 을 (apple → 애플)."""
    return "".join(str(s) for s in _Reader(pronunciation, spelling).read())


class _Reader:
    def __init__(self, pronunciation: str, spelling: str):
        raw = _prepare(pronunciation.split())
        self.phones = [p.rstrip("012") for p in raw]
        self.stress = [p[-1:] if p[-1:].isdigit() else "" for p in raw]
        self.spelling = spelling
        vowels = [i for i, p in enumerate(self.phones) if p in _VOWEL]
        letters = _vowel_letters(spelling, len(vowels))
        self.letter = {i: letters[k] for k, i in enumerate(vowels)} if letters else {}
        self.last_vowel = vowels[-1] if vowels else -1

    def vowel(self, i: int, onset: str) -> list[_Syllable]:
        """The syllables of the vowel at ``i`` (a diphthong gives two)."""
        phone, letter = self.phones[i], self.letter.get(i, "")
        vowels = _VOWEL[phone]
        word = self.spelling.lower()
        final = i == len(self.phones) - 1
        nxt = self.phones[i + 1] if i + 1 < len(self.phones) else None
        if phone == "AH" and self.stress[i] == "0":
            if final and word.endswith("a") and self.spelling[:1].isupper():
                vowels = "ㅏ"  # Tesla, Nvidia: names keep their written a
            elif nxt == "L" and i + 2 == len(self.phones) and letter in ("", "e") and word.endswith("le"):
                vowels = "ㅡ"  # apple, Google: a syllabic l
            elif nxt == "N" and i + 2 == len(self.phones) and letter in ("e", "o") and i and self.phones[i - 1] not in ("SH", "ZH", "CH", "JH", "Y"):
                vowels = "ㅡ"  # token, button: 토큰, 버튼
            elif letter in ("i", "y") or (nxt == "JH" and word.endswith("age")):
                vowels = "ㅣ"  # service, summit; image, message: -age is 이지
            elif letter == "o" and self.open_syllable(i):
                vowels = "ㅗ"  # memory, photography
            elif letter == "e" and i == self.last_vowel and nxt in ("M", "T", "K"):
                vowels = "ㅔ"  # model, system, market
        elif phone in ("AA", "AO") and letter[:1] == "o" and self.phones[i + 1 : i + 3] != ["K", "S"]:
            vowels = "ㅗ"  # Tom, bot, model: a written o is 오 (the orthography's [ɔ]); box: 박스
        elif phone == "AW" and nxt == "W":
            vowels = "ㅏ"  # tower: 타워
        syllables = [_Syllable(onset=onset, vowel=vowels[0])]
        return syllables + [_Syllable(onset="ㅇ", vowel=v) for v in vowels[1:]]

    def open_syllable(self, i: int) -> bool:
        """Whether one consonant and then a vowel follow the vowel at ``i`` (me-mo-ry)."""
        rest = self.phones[i + 1 : i + 3]
        return len(rest) == 2 and not _is_vowel(rest[0]) and _is_vowel(rest[1])

    def short(self, i: int) -> bool:
        phone = self.phones[i]
        return phone in _SHORT or (phone == "AO" and self.letter.get(i, "")[:1] == "o")

    def read(self) -> list[_Syllable]:
        phones, out = self.phones, []
        n = len(phones)
        i = 0
        while i < n:
            p = phones[i]
            nxt = phones[i + 1] if i + 1 < n else None
            prev = phones[i - 1] if i else None
            if _is_vowel(p):
                out.extend(self.vowel(i, "ㅇ"))
                i += 1
                continue
            if p in ("W", "Y") and _is_vowel(nxt):
                glide = _W if p == "W" else _Y
                onset = "ㅇ"
                if p == "W" and prev in ("K", "G", "HH") and _open(out):
                    onset = out.pop().onset  # 쿼, 괘, 휘: one syllable
                elif p == "Y" and prev in ("D", "L", "N") and nxt == "AH" and _open(out):
                    out[-1].vowel = "ㅣ"  # 인디언, 유니언: 디어, 리어, 니어
                    out.extend(self.vowel(i + 1, "ㅇ"))
                    i += 2
                    continue
                elif p == "Y" and _open(out) and prev not in ("S", "Z", "TH", "DH"):
                    onset = out.pop().onset  # 뮤, 큐, 퓨: the consonant before joins
                syllables = self.vowel(i + 1, onset)
                syllables[0].vowel = glide.get(syllables[0].vowel, syllables[0].vowel)
                out.extend(syllables)
                i += 2
                continue
            if p in ("W", "Y"):
                i += 1
                continue
            if _is_vowel(nxt):
                onset = _ONSET[p]
                if p == "L" and out and not out[-1].coda and not out[-1].text and prev not in ("M", "N", "NG"):
                    out[-1].coda = "ㄹ"  # 슬라이드, 클래스: ㄹㄹ between vowels
                if p == "NG":
                    if out and not out[-1].coda:
                        out[-1].coda = "ㅇ"
                    onset = "ㅇ"
                syllables = self.vowel(i + 1, onset)
                if p == "SH":
                    syllables[0].vowel = _Y.get(syllables[0].vowel, syllables[0].vowel)
                out.extend(syllables)
                i += 2
                continue
            glide_next = nxt in ("W", "Y") and i + 2 < n and _is_vowel(phones[i + 2])
            if glide_next and not (nxt == "W" and p in ("M", "N", "NG", "L")):
                if p == "L" and out and not out[-1].coda and not out[-1].text:
                    out[-1].coda = "ㄹ"  # value: 밸류
                out.append(_Syllable(onset=_ONSET[p], vowel="ㅡ"))  # the glide joins it or not
                i += 1
                continue
            # a consonant no vowel follows
            if p == "R":
                i += 1
                continue
            if p in ("T", "D") and nxt in ("S", "Z") and (i + 2 >= n or not _is_vowel(phones[i + 2])):
                out.append(_Syllable(text="츠" if p == "T" else "즈"))
                i += 2
                continue
            if p in ("P", "T", "K") and _is_vowel(prev) and self.short(i - 1) and out and not out[-1].coda:
                if nxt is None or nxt not in ("L", "R", "M", "N"):
                    out[-1].coda = _FINAL[p]
                    i += 1
                    continue
            if p in ("M", "N", "NG", "L") and out and not out[-1].coda and not out[-1].text:
                if p == "L" and nxt in ("M", "N") and (i + 2 >= n or not _is_vowel(phones[i + 2])):
                    out[-1].coda = "ㄹ"  # 필름
                    out.append(_Syllable(onset="ㄹ", vowel="ㅡ"))
                    i += 1
                    continue
                out[-1].coda = _FINAL[p]
                i += 1
                continue
            if p == "SH":  # 슈 before r, l, w (shrub); 시 at the end and elsewhere (dashboard)
                out.append(_Syllable(text="슈" if nxt in ("R", "L", "W") else "시"))
            else:
                plain = p in _ONSET and p not in ("M", "N", "NG", "L", "CH", "JH", "ZH")
                out.append(_Syllable(onset=_ONSET[p], vowel="ㅡ") if plain else _Syllable(text=_ALONE[p]))
            i += 1
        return out
