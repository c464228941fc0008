"""Exact readings of the normalisation, one written form per row, for the cases where a
plausible wrong reading is one character away: which counter, which particle, which unit,
which side of a range. The sentences are written for these tests."""

import pytest

from podcaster.text.normalize import english, normalize
from podcaster.text.normalize.patterns import alternation, only_if
from tests.test_normalize_english import DEVELOPMENT, HELD_OUT


def test_alternation_puts_the_longest_item_first_and_escapes_each():
    assert alternation(["b", "ab", "a", "abc", "ab"]) == "abc|ab|a|b"
    assert alternation(["m²", "m", "km/h"]) == r"km/h|m²|m"
    assert alternation(["a.b", "$"]) == r"a\.b|\$"


def test_only_if_runs_a_step_only_when_its_pattern_occurs():
    def shout(text: str) -> str:
        """Upper case."""
        return text.upper()

    guarded = only_if(r"\d")(shout)
    assert guarded("room 7") == "ROOM 7"
    assert guarded("room seven") == "room seven"
    assert guarded.__name__ == "shout" and guarded.__doc__ == "Upper case."


# Arrows: a change between figures, or in a sentence about a change; else a pause.
# Table marks: ▲ a rise, ▼ ▽ a fall, △ a negative amount; a verb after them says it already.
SIGNS = [
    ("요금은 10달러 -> 12달러로 올랐다.", "요금은 십 달러에서 십이 달러로 올랐다."),
    ("등급이 B => A로 상향됐다.", "등급이 비에서 에이로 상향됐다."),
    ("목표는 3% ⇒ 5%.", "목표는 삼 퍼센트에서 오 퍼센트로."),
    ("단계는 1 → 2 → 3이다.", "단계는 일에서 이로, 다시 삼이다."),
    ("요금은 3만 원 → 4만 원이었다.", "요금은 삼만 원에서 사만 원이었다."),
    ("경로는 집 → 회사 → 카페였다.", "경로는 집, 회사, 카페였다."),
    ("가격 1,000원 → 2,000원", "가격 천 원에서 이천 원으로"),
    ("본사를 서울 → 부산으로 이전했다.", "본사를 서울에서 부산으로 이전했다."),
    ("부산에서 → 서울로 바뀌었다.", "부산에서 서울로 바뀌었다."),
    ("점수는 80점 → 90점까지 올랐다.", "점수는 팔십 점에서 구십 점까지 올랐다."),
    ("순위는 5위 → 2위!", "순위는 오 위에서 이 위로!"),
    ("값은 5→7로 바뀌었다.", "값은 오에서 칠로 바뀌었다."),
    ("값이 3 → !", "값이 삼!"),
    ("온도 → 높음", "온도, 높음"),
    ("▲3.5%p 상승했다.", "삼 점 오 퍼센트포인트 상승했다."),
    ("▼2,000원", "이천 원 하락"),
    ("▼0.3%p", "영 점 삼 퍼센트포인트 하락"),
    ("▽1.5% 떨어졌다.", "일 점 오 퍼센트 떨어졌다."),
    ("△2.1% 감소했다.", "마이너스 이 점 일 퍼센트 감소했다."),
    ("▲ 40명 늘었다.", "사십 명 늘었다."),
    ("수출 ▲12.3% 증가", "수출 십이 점 삼 퍼센트 증가"),
]


@pytest.mark.parametrize("written, spoken", SIGNS)
def test_arrows_and_table_marks(written, spoken):
    assert normalize(written) == spoken


# English words read by their dictionary pronunciation and the loanword orthography, each as
# Korean spells it: r-coloured vowels (케어, 타워), glides (쿼터, 뮤직, 밸류), finals after a
# short vowel (캣, 숍), 으 after a consonant (스트), ㄹㄹ (슬라이드) and the syllabic l (애플).
LOANWORDS = {
    "memory": "메모리", "tower": "타워", "power": "파워", "shower": "샤워", "flower": "플라워",
    "care": "케어", "hair": "헤어", "fire": "파이어", "tour": "투어", "beer": "비어", "door": "도어",
    "store": "스토어", "more": "모어", "story": "스토리", "Victoria": "빅토리아", "Tesla": "테슬라",
    "apple": "애플", "token": "토큰", "button": "버튼", "message": "메시지", "village": "빌리지",
    "system": "시스템", "market": "마켓", "quarter": "쿼터", "quiz": "퀴즈", "queen": "퀸",
    "Indian": "인디언", "union": "유니언", "million": "밀리언", "value": "밸류", "keats": "키츠",
    "kids": "키즈", "cats": "캐츠", "napkin": "냅킨", "film": "필름", "helm": "헬름", "kiln": "킬른",
    "singer": "싱어", "longer": "롱거", "slide": "슬라이드", "class": "클래스", "henley": "헨리",
    "flash": "플래시", "shrub": "슈러브", "fashion": "패션", "cash": "캐시", "english": "잉글리시",
    "shoe": "슈", "sugar": "슈거", "church": "처치", "bench": "벤치", "bridge": "브리지", "judge": "저지",
    "page": "페이지", "edge": "에지", "cube": "큐브", "music": "뮤직", "view": "뷰", "few": "퓨",
    "yes": "예스", "yard": "야드", "yellow": "옐로", "young": "영", "year": "이어", "you": "유",
    "one": "원", "wait": "웨이트", "twin": "트윈", "swing": "스윙", "sweet": "스위트", "square": "스퀘어",
    "equal": "이퀄", "language": "랭귀지", "guard": "가드", "body": "보디", "rocket": "로켓",
    "pocket": "포켓", "topic": "토픽", "stop": "스톱", "shop": "숍", "walk": "워크", "talk": "토크",
    "ball": "볼", "call": "콜", "hall": "홀", "law": "로", "saw": "소", "boss": "보스",
    "cross": "크로스", "cost": "코스트", "lost": "로스트", "office": "오피스", "box": "박스", "clock": "클록",
    "knock": "녹", "jump": "점프", "up": "업", "cup": "컵", "bus": "버스", "hug": "허그", "luck": "럭",
    "black": "블랙", "clip": "클립", "drop": "드롭", "grip": "그립", "help": "헬프", "milk": "밀크",
    "silk": "실크", "build": "빌드", "gold": "골드", "cold": "콜드", "hold": "홀드", "old": "올드",
    "bold": "볼드", "world": "월드", "word": "워드", "bird": "버드", "third": "서드", "turn": "턴",
    "burn": "번", "fern": "펀", "girl": "걸", "earth": "어스", "purple": "퍼플", "nurse": "너스",
    "rain": "레인", "mail": "메일", "tail": "테일", "day": "데이", "way": "웨이", "say": "세이",
    "play": "플레이", "boy": "보이", "toy": "토이", "joy": "조이", "coin": "코인", "noise": "노이즈",
    "voice": "보이스", "house": "하우스", "mouse": "마우스", "cloud": "클라우드", "sound": "사운드",
    "down": "다운", "town": "타운", "brown": "브라운", "crown": "크라운", "eye": "아이", "ice": "아이스",
    "nice": "나이스", "time": "타임", "mine": "마인", "fine": "파인", "ride": "라이드", "side": "사이드",
    "wide": "와이드", "high": "하이", "night": "나이트", "light": "라이트", "right": "라이트",
    "homely": "홈리", "timely": "타임리", "only": "온리", "kingly": "킹리",
}  # fmt: skip
# The media spell these otherwise than the orthography gives them (캐머러 for 카메라 …):
# they are left out of the exact readings below, measured by accuracy in test_normalize_english.
SPELLED_OTHERWISE = frozenset((
    "camera", "content", "marketing", "startup", "offline", "tablet", "model", "algorithm",
    "deep", "audio", "manager", "mobile", "studio", "address", "business", "coffee", "copy",
    "credit", "edition", "finance", "group", "kitchen", "level", "master", "pizza", "planet",
    "radio", "super", "travel", "type", "web",
))  # fmt: skip
MEDIA_SPELLING = {
    w: r for w, r in {**DEVELOPMENT, **HELD_OUT}.items() if w not in SPELLED_OTHERWISE
}


@pytest.mark.parametrize("word, reading", sorted({**LOANWORDS, **MEDIA_SPELLING}.items()))
def test_loanword_reading(word, reading):
    assert english.transliterate(word) == reading
