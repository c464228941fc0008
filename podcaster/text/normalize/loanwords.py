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


def hangul(pronunciation: str, spelling: str = "") -> str:
    """Hangul for an ARPAbet ``pronunciation`` (stress digits allowed).

    ``spelling`` (the written word) settles what the sounds cannot: an unstressed final
    vowel written ``a`` is 아 in names (Tesla → 테슬라), ``-le`` after a consonant is 을
    (apple → 애플)."""
    phones = [p.rstrip("012") for p in pronunciation.split()]
    stress = [p[-1:] if p[-1:].isdigit() else "" for p in pronunciation.split()]
    out: list[_Syllable] = []
    n = len(phones)
    i = 0
    while i < n:
        p = phones[i]
        nxt = phones[i + 1] if i + 1 < n else None
        prev = phones[i - 1] if i else None
        if p == "AW" and nxt in ("ER", "AH") and (i + 2 >= n or not _is_vowel(phones[i + 2])):
            out.extend((_Syllable(vowel="ㅏ"), _Syllable(vowel="ㅝ")))  # tower: 타워
            out[-2].onset = "ㅇ"
            i += 2
            continue
        if _is_vowel(p):
            out.extend(_vowel_syllables(p, "ㅇ", stress[i], i == n - 1, spelling, prev))
            i += 1
            continue
        if p in ("W", "Y") and _is_vowel(nxt):
            glide = _W if p == "W" else _Y
            onset = "ㅇ"
            if p == "W" and prev in ("K", "G", "HH") and _open(out):
                onset = out.pop().onset  # 쿼, 괘, 휘: one syllable
            elif p == "Y" and prev in ("D", "L", "N") and phones[i + 1] == "AH" and _open(out):
                out[-1].vowel = "ㅣ"  # 인디언, 유니언: 디어, 리어, 니어
                out.extend(_vowel_syllables("AH", "ㅇ", stress[i + 1], i + 1 == n - 1, spelling, p))
                i += 2
                continue
            elif p == "Y" and _open(out) and prev not in ("S", "Z", "TH", "DH"):
                onset = out.pop().onset  # 뮤, 큐, 퓨: the consonant before joins
            syl = _vowel_syllables(nxt, onset, stress[i + 1], i + 1 == n - 1, spelling, p)
            syl[0].vowel = glide.get(syl[0].vowel, syl[0].vowel)
            out.extend(syl)
            i += 2
            continue
        if p in ("W", "Y"):
            i += 1
            continue
        if _is_vowel(nxt):
            onset = _ONSET[p]
            if p == "L" and i and out and not out[-1].coda and not out[-1].text and prev not in ("M", "N", "NG"):
                out[-1].coda = "ㄹ"  # 슬라이드, 클래스: ㄹㄹ between vowels
            if p == "NG":
                if out and not out[-1].coda:
                    out[-1].coda = "ㅇ"
                onset = "ㅇ"
            syl = _vowel_syllables(nxt, onset, stress[i + 1], i + 1 == n - 1, spelling, p)
            if p in ("SH",):
                syl[0].vowel = _Y.get(syl[0].vowel, syl[0].vowel)
            out.extend(syl)
            i += 2
            continue
        if nxt in ("W", "Y") and i + 2 < n and _is_vowel(phones[i + 2]):
            if p == "L" and out and not out[-1].coda and not out[-1].text:
                out[-1].coda = "ㄹ"  # value: 밸류
            out.append(_Syllable(onset=_ONSET[p], vowel="ㅡ"))  # the glide joins it or not
            i += 1
            continue
        # a consonant no vowel follows
        after_vowel = _is_vowel(prev)
        if p == "R":
            i += 1
            continue
        if p in ("T", "D") and nxt in ("S", "Z") and (i + 2 >= n or not _is_vowel(phones[i + 2])):
            out.append(_Syllable(text="츠" if p == "T" else "즈"))
            i += 2
            continue
        if p in ("P", "T", "K") and after_vowel and prev in _SHORT and out and not out[-1].coda:
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
        if p == "SH":
            out.append(_Syllable(text="시" if nxt is None else "슈"))
        else:
            plain = p in _ONSET and p not in ("M", "N", "NG", "L", "CH", "JH", "ZH")
            out.append(_Syllable(onset=_ONSET[p], vowel="ㅡ") if plain else _Syllable(text=_ALONE[p]))
        i += 1
    return "".join(str(s) for s in out)


def _vowel_syllables(
    phone: str, onset: str, stress: str, last: bool, spelling: str, before: str | None
) -> list[_Syllable]:
    vowels = _VOWEL[phone]
    lower = spelling.lower()
    if phone == "AH" and stress == "0" and spelling and not (last and lower.endswith("a") and not spelling[:1].isupper()):
        if last and lower.endswith("a") and spelling[:1].isupper():
            vowels = "ㅏ"  # Tesla, Nvidia: names keep their written a
        elif lower.endswith("le") and not last:
            vowels = "ㅡ"  # apple, Google: syllabic l
    elif phone == "AA" and "o" in lower and "a" not in lower:
        vowels = "ㅗ"  # Tom, Boston, model: a written o is 오 (the orthography's [ɔ])
    syllables = [_Syllable(onset=onset, vowel=vowels[0])]
    syllables += [_Syllable(onset="ㅇ", vowel=v) for v in vowels[1:]]
    return syllables
