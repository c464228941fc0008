"""Exact readings of the normalisation, one written form per row, for the cases where a
plausible wrong reading is one character away: which counter, which particle, which unit,
which side of a range. The sentences are written for these tests."""

import pytest

from podcaster.text.normalize import english, normalize
from podcaster.text.normalize.patterns import alternation, only_if
from tests.helpers import DEVELOPMENT, HELD_OUT


def test_alternation_puts_the_longest_item_first_and_escapes_each():
    assert alternation(["b", "ab", "a", "abc", "ab"]) == "abc|ab|a|b"
    assert alternation(["m²", "m", "km/h"]) == r"km/h|m²|m"
    assert alternation(["a.b", "$"]) == r"a\.b|\$"


def test_only_if_runs_a_step_only_when_its_pattern_occurs():
    def shout(text: str) -> str:
        """Upper case."""
        return text.upper()

    guarded = only_if(r"\d", shout)
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
    "atlas": "애틀러스", "batman": "배트맨", "hitman": "히트맨", "picnic": "피크닉", "metro": "메트로",
    "helmet": "헬멧", "inward": "인워드", "onward": "온워드", "someone": "섬원", "always": "올웨이즈",
    "cotton": "코튼", "kitten": "키튼", "golden": "골든", "policy": "폴리시", "realm": "렐름",
    "Betsy": "벳시", "Elmo": "엘모", "pickle": "피클", "bottle": "보틀", "people": "피플",
    "uncle": "엉클", "circle": "서클", "little": "리틀", "castle": "캐슬", "cycle": "사이클",
    "saddle": "새들", "candle": "캔들", "kettle": "케틀", "puzzle": "퍼즐", "jungle": "정글",
    "single": "싱글", "angle": "앵글", "eagle": "이글", "title": "타이틀", "bubble": "버블",
    "livestream": "라이브스트림", "touchscreen": "터치스크린", "soundbar": "사운드바",
    "earbud": "이어버드", "playlist": "플레이리스트", "hashtag": "해시태그", "userbase": "유저베이스",
    "blockchain": "블록체인", "gameplay": "게임플레이", "workflow": "워크플로", "lifelog": "라이프로그",
    "dataset": "데이터셋", "toolkit": "툴킷", "codebase": "코드베이스", "homepage": "홈페이지",
    "webtoon": "웹툰", "Webtoon": "웹툰", "smartwatch": "스마트워치", "newsroom": "뉴스룸",
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


# Numbers with their counters, ranges, dates and clock times, as a news reader says them.
NUMBERS = [
    # slash dates: month/day when a weekday or a date word says so; both orders with a year
    ("행사는 1/31(금)에 열린다.", "행사는 일월 삼십일 일 금요일에 열린다."),
    ("마감은 12/1(월)이다.", "마감은 십이월 일 일 월요일이다."),
    ("보고서는 2/1 발표된다.", "보고서는 이월 일 일 발표된다."),
    ("공연은 13/5 기준이다.", "공연은 십삼, 오 기준이다."),
    ("날짜는 12/31/2024이다.", "날짜는 이천이십사 년 십이월 삼십일 일이다."),
    ("날짜는 1/13/2025이다.", "날짜는 이천이십오 년 일월 십삼 일이다."),
    ("날짜는 31/12/2024이다.", "날짜는 이천이십사 년 십이월 삼십일 일이다."),
    ("날짜는 13/13/2024이다.", "날짜는 십삼, 십삼, 이천이십사다."),
    ("날짜는 12/32/2024이다.", "날짜는 십이, 삼십이, 이천이십사다."),
    # the clock: native hours up to 24, minutes and seconds Sino-Korean, no 영 for 05
    ("회의는 0시에 시작했다.", "회의는 영 시에 시작했다."),
    ("회의는 1시에 시작했다.", "회의는 한 시에 시작했다."),
    ("회의는 24시에 끝났다.", "회의는 스물네 시에 끝났다."),
    ("회의는 25시 방송이다.", "회의는 이십오 시 방송이다."),
    ("010시", "열 시"),
    ("05분", "오 분"),
    ("007초", "칠 초"),
    ("05월", "오월"),
    # ranges: points in time 부터 … 까지, durations and amounts 에서, a span word 에서
    ("회의는 9시~11시에 열린다.", "회의는 아홉 시에서 열한 시에 열린다."),
    ("2시~3시 30분", "두 시부터 세 시 삼십 분까지"),
    ("회의는 오후 2시 30분~50분에 열린다.", "회의는 오후 두 시 삼십 분에서 오십 분에 열린다."),
    ("3시 10분~20분 사이에 끝났다.", "세 시 십 분에서 이십 분 사이에 끝났다."),
    ("3시 10분~20분 사이 끝났다.", "세 시 십 분에서 이십 분 사이 끝났다."),
    ("30~45초", "삼십 초에서 사십오 초"),
    ("10~20분 동안 쉬었다.", "십 분에서 이십 분 동안 쉬었다."),
    ("녹화는 5~10초 걸렸다.", "녹화는 오 초에서 십 초 걸렸다."),
    ("3월 3~5일 열린다.", "삼월 삼 일부터 오 일까지 열린다."),
    ("3~5일 걸린다.", "삼 일에서 오 일 걸린다."),
    ("2025년 3월 3일~5일 열린다.", "이천이십오 년 삼월 삼 일부터 오 일까지 열린다."),
    ("99~102년", "구십구 년에서 백이 년"),
    ("1999~2001년", "천구백구십구 년부터 이천일 년까지"),
    ("2015~2025년 사이에 늘었다.", "이천십오 년에서 이천이십오 년 사이에 늘었다."),
    ("2015~2025년 동안에 늘었다.", "이천십오 년에서 이천이십오 년 동안에 늘었다."),
    ("2020~2024년 중에 세 번 바뀌었다.", "이천이십 년에서 이천이십사 년 중에 세 번 바뀌었다."),
    ("2015~2025년 중국 시장", "이천십오 년부터 이천이십오 년까지 중국 시장"),
    ("30~40년", "삼십 년에서 사십 년"),
    ("2~3년 안에 끝난다.", "이삼 년 안에 끝난다."),
    ("1~2%", "일이 퍼센트"),
    ("2~3배", "두세 배"),
    ("5~6곳", "대여섯 곳"),
    ("4~5일간 열린다.", "사오 일간 열린다."),
    ("3~4주간 열린다.", "삼사 주간 열린다."),
    ("1~3세기", "일 세기부터 삼 세기까지"),
    # ordinals, native counters up to their limit, 대 as vehicles, groups and scores, 번
    ("1번째 손님이다.", "첫 번째 손님이다."),
    ("우리는 5번째로 도착했다.", "우리는 다섯 번째로 도착했다."),
    ("30번째 손님이다.", "서른 번째 손님이다."),
    ("99번째 손님이다.", "아흔아홉 번째 손님이다."),
    ("100번째 손님이다.", "백 번째 손님이다."),
    ("99살 할머니", "아흔아홉 살 할머니"),
    ("100살 할머니", "백 살 할머니"),
    ("100마리", "백 마리"),
    ("차량 3대가 섰다.", "차량 세 대가 섰다."),
    ("차량 20대가 섰다.", "차량 스무 대가 섰다."),
    ("차량 31대가 섰다.", "차량 서른한 대가 섰다."),
    ("3대 그룹", "삼 대 그룹"),
    ("1대1 면담", "일 대 일 면담"),
    ("3대2로 이겼다.", "삼 대 이로 이겼다."),
    ("3번 출구로 나오세요.", "삼번 출구로 나오세요."),
    ("3번 방문했다.", "세 번 방문했다."),
    ("30명과 25명", "삼십 명과 이십오 명"),
    ("25명과 3개", "스물다섯 명과 세 개"),
    ("사과 2개와 배 3개", "사과 두 개와 배 세 개"),
    ("10명과 40명이 왔다.", "십 명과 사십 명이 왔다."),
    ("관객 3천명이 모였다.", "관객 삼천 명이 모였다."),
    ("07호실", "영칠 호실"),
    ("열 명 중 3째다.", "열 명 중 셋째다."),
    ("둘 중 1째", "둘 중 첫째"),
    ("12째 손님", "열둘째 손님"),
    ("20째 손님", "스무째 손님"),
    ("0~1년", "영 년에서 일 년"),
    ("8~9년", "팔구 년"),
    ("9~10년", "구 년에서 십 년"),
    ("20~24년도", "이십 년도에서 이십사 년도"),
    ("2020~2024년도", "이천이십 년도부터 이천이십사 년도까지"),
    ("950~1050년", "구백오십 년부터 천오십 년까지"),
    ("회의는 3시 10~20분.", "회의는 세 시 십 분부터 이십 분까지."),
    ("회의는 3~5명.", "회의는 세 명에서 다섯 명."),
    ("범위는 1.5~2.5.", "범위는 일 점 오에서 이 점 오."),
    ("3월 1일~4월 2일 열린다.", "삼월 일 일부터 사월 이 일까지 열린다."),
    ("2시 30분~3시 10분", "두 시 삼십 분부터 세 시 십 분까지"),
    ("1년 6개월~2년", "일 년 육 개월에서 이 년"),
    ("오전 9시~오후 6시", "오전 아홉 시부터 오후 여섯 시까지"),
    # decimals, big units, long numbers
    ("3.50초", "삼 점 오 초"),
    ("0.5시간", "영 점 오 시간"),
    ("값은 0.0이다.", "값은 영이다."),
    ("오차는 10.00이다.", "오차는 십이다."),
    ("값은 -0.5도다.", "값은 마이너스 영 점 오 도다."),
    ("1.5천 명", "일 점 오천 명"),
    ("1천 명", "천 명"),
    ("1만 명", "만 명"),
    ("10만 명", "십만 명"),
    ("3천만 원", "삼천만 원"),
    ("2.5만 원", "이 점 오만 원"),
    ("값은 100010000이다.", "값은 일억 만이다."),
    ("값은 1000000000000이다.", "값은 일조다."),
    ("가격은 1,000,000,000,000원이다.", "가격은 일조 원이다."),
    ("인구는 10000000000000000명이다.", "인구는 일경 명이다."),
    (
        "숫자 99999999999999999999는 크다.",
        "숫자 구천구백구십구경 구천구백구십구조 구천구백구십구억 구천구백구십구만 구천구백구십구는 크다.",
    ),
    (
        "숫자 100000000000000000000은 크다.",
        "숫자 일공공공공공공공공공공공공공공공공공공공공은 크다.",
    ),
    (
        "숫자 12345678901234567890123은 길다.",
        "숫자 일이삼사오육칠팔구공일이삼사오육칠팔구공일이삼은 길다.",
    ),
    ("숫자 1234567890123456789012345678901234567890123은 길다.", "숫자 사십삼 자리 숫자는 길다."),
    # particles re-chosen after a unit read out
    ("쌀 10kg을 샀다.", "쌀 십 킬로그램을 샀다."),
    ("쌀 10kg과 물 3L을 샀다.", "쌀 십 킬로그램과 물 삼 리터를 샀다."),
    ("물 1L로 충분하다.", "물 일 리터로 충분하다."),
    ("길이는 7m이며 넓다.", "길이는 칠 미터며 넓다."),
    ("7m라는 길이", "칠 미터라는 길이"),
    ("무게 3t이나 된다.", "무게 삼 톤이나 된다."),
    ("2L이었다.", "이 리터였다."),
]


def test_a_date_that_reads_both_ways_is_read_month_first_with_a_warning(caplog):
    assert normalize("날짜는 5/6/2024이다.") == "날짜는 이천이십사 년 오월 육 일이다."
    assert "5/6/2024: day and month could be either way" in caplog.text
    caplog.clear()
    assert normalize("날짜는 6/6/2024이다.") == "날짜는 이천이십사 년 유월 육 일이다."
    assert "either way" not in caplog.text


# Web and e-mail addresses: the domain and its ending, never the scheme, user, port or path.
ADDRESSES = [
    ("자세한 내용은 HTTPS://WWW.Example.com/a 참고", "자세한 내용은 이그잼플 닷컴 참고"),
    ("자세한 내용은 Ftp://files.example.org/x 참고", "자세한 내용은 이그잼플 닷 오알지 참고"),
    ("자료는 https://user:pw@example.com:8443/x 에 있다.", "자료는 이그잼플 닷컴에 있다."),
    ("자료는 https://example.com?q=1 에 있다.", "자료는 이그잼플 닷컴에 있다."),
    ("자료는 http://10.0.0.1:8080/x 에 있다.", "자료는 링크에 있다."),
    ("사이트는 WWW.Example.com이다.", "사이트는 이그잼플 닷컴이다."),
    (
        "문의는 kim.lee@mail.example.co.kr로 하면 된다.",
        "문의는 케이아이엠 엘이이 골뱅이 이그잼플 닷 씨오 닷 케이알로 하면 된다.",
    ),
    ("사이트는 example.xyz.kr에서 본다.", "사이트는 엑스와이제트 닷 케이알에서 본다."),
    ("사이트는 kt.co.kr에서 본다.", "사이트는 케이티 닷 씨오 닷 케이알에서 본다."),
    ("사이트는 go.kr에서 본다.", "사이트는 지오 닷 케이알에서 본다."),
    ("사이트는 example.io에서 본다.", "사이트는 이그잼플 닷 아이오에서 본다."),
    ("사이트는 my-site_v2.dev에서 본다.", "사이트는 마이 사이트 브이투 닷 데브에서 본다."),
    ("사이트는 abc.com에서 본다.", "사이트는 에이비씨 닷컴에서 본다."),
    ("사이트는 ab-cd.net에서 본다.", "사이트는 에이비 씨디 닷 넷에서 본다."),
]


@pytest.mark.parametrize(
    "word, reading, how",
    [
        ("iPhone", "아이폰", "name"), ("OpenAI's", "오픈에이아이", "name"),
        ("YouTube", "유튜브", "name"), ("GPUs", "지피유스", "letters"),
        ("CEOs", "씨이오스", "letters"), ("NASA's", "엔에이에스에이", "letters"),
        ("A", "에이", "letters"), ("O'NEIL", "오엔이아이엘", "letters"), ("A'A", "에이에이", "letters"), ("x", "엑스", "letters"), ("JSON", "제이에스오엔", "letters"),
        ("iOS", "아이오에스", "dictionary"), ("eBay", "이베이", "dictionary"),
        ("HTTPServer", "에이치티티피서버", "dictionary"), ("Tom's", "톰", "dictionary"),
        ("Tom’s", "톰", "dictionary"), ("rainbow", "레인보", "dictionary"),
        ("toothbrush", "투스브러시", "dictionary"), ("Qzxw", "큐제트엑스더블유", "spelled"),
        ("FooBarQz", "푸바큐제트", "spelled"), ("Zqxv-Lab", "제트큐엑스브이엘에이비", "spelled"),
    ],
)  # fmt: skip
def test_how_a_latin_word_is_read(word, reading, how):
    assert english.read_word(word) == (reading, how)


# Rates and speeds: the denominator first, said once even when the text already says it.
UNITS = [
    ("셀 밀도는 킬로그램당 280Wh/kg이다.", "셀 밀도는 킬로그램당 이백팔십 와트시다."),
    ("요금은 리터당 5원/L이다.", "요금은 리터당 오 원이다."),
    ("가격은 100원/kWh다.", "가격은 킬로와트시당 백 원이다."),
    ("시속 72km/h로 달렸다.", "시속 칠십이 킬로미터로 달렸다."),
    ("최고 시속  72km/h로 달렸다.", "최고 시속 칠십이 킬로미터로 달렸다."),
    ("속도는 초당 50 tokens/s다.", "속도는 초당 오십 토큰이다."),
    ("속도는 50tokens/s다.", "속도는 초당 오십 토큰이다."),
    ("처리량은 초당 3 req/s다.", "처리량은 초당 삼 요청이다."),
]


# The built-in lexicon: forms with digits and signs, whole words only, longest first, any case
# for entries with a small letter.
LEXICON = [
    ("gpt-4o는 빠르다.", "지피티 포오는 빠르다."),
    ("GPT-4o와 GPT-4는 다르다.", "지피티 포오와 지피티 포는 다르다."),
    ("GPT-4.5는 새 모델이다.", "지피티 포 점 오는 새 모델이다."),
    ("Ph.D. 과정", "피에이치디 과정"),
    ("q&a 시간", "큐앤에이 시간"),
    ("R&D 투자", "알앤디 투자"),
    ("(주)하늘 설립", "주식회사 하늘 설립"),
    ("Go 언어", "고 언어"),
    ("하늘 → 바다 → 별 변경", "하늘에서 바다로, 다시 별로 변경"),
    ("서울 → 부산 이전", "서울에서 부산으로 이전"),
]


@pytest.mark.parametrize(
    "written, lexicon, spoken",
    [
        ("C++로 짰다", {"C++": "씨플플"}, "씨플플로 짰다"),
        ("한글AI로", {"한글AI": "한글 에이아이"}, "한글 에이아이로"),
        (
            "x86로 가고 x866로 간다",
            {"x86": "엑스팔육"},
            "엑스팔육으로 가고 엑스팔백육십육으로 간다",
        ),
        ("겨울방주는", {"겨울방주": "Winter Ark"}, "Winter Ark는"),
        ("AB와 A와", {"AB": "에이비", "A": "에이"}, "에이비와 에이와"),
        ("나와 Tom과 Jerry", {"Tom": "Tom"}, "나와 Tom과 제리"),
        ("２０％ 늘었다", {"하늘": "하늘"}, "이십 퍼센트 늘었다"),  # full-width forms first
    ],
)
def test_user_lexicon(written, lexicon, spoken):
    assert normalize(written, lexicon) == spoken


def test_lexicon_folds_case_only_when_asked():
    from podcaster.text.normalize import Lexicon
    from podcaster.text.normalize.particles import choose_particles

    def read(entries, text, **kw):
        return choose_particles(Lexicon(entries, **kw)(text))

    assert read({"Go": "고"}, "GO와 go와 Go", ignore_case=True) == "고와 고와 고"
    assert read({"Go": "고"}, "GO와 go와 Go") == "GO와 go와 고"
    assert read({"a.b": "에이비"}, "A.B와 a.b", ignore_case=True) == "에이비와 에이비"
    assert read({"a.b": "에이비"}, "A.B와 a.b") == "A.B와 에이비"


@pytest.mark.parametrize(
    "written, found",
    [
        ("그는 Is this the real life 라고 물었다.", ["Is this the real life"]),
        ("we are the champions of the world", ["we are the champions of the world"]),
        ("I think we can do it, said Kim.", ["I think we can do it, said Kim"]),
        ("This Is Not A Sentence", []),  # one small letter only: a title
        ("Stable Diffusion XL Turbo", []),
        ("we are the best", ["we are the best"]),
        ("we are best", []),  # three words
        ("Apple Music is great", ["Apple Music is great"]),  # two small letters are enough
        ("Apple Music Is great", []),
        ("한글만 있다", []),
    ],
)
def test_english_sentences(written, found):
    from podcaster.text.normalize import english_sentences

    assert english_sentences(written) == found


def test_english_sentence_is_warned_about_once_unless_the_lexicon_reads_it(caplog):
    text = "그는 we are the champions 라고 말했다"
    assert normalize(text) == "그는 위 아 더 챔피언즈 라고 말했다"
    assert caplog.messages == [
        "English read word by word, give it a Korean reading under [pronunciation]: "
        "we are the champions"
    ]
    caplog.clear()
    lexicon = {"we are the champions": "위 아 더 챔피언스"}
    assert normalize(text, lexicon) == "그는 위 아 더 챔피언스 라고 말했다"
    assert caplog.messages == []


def test_transliterations_leave_out_what_a_lexicon_reads():
    from podcaster.text.normalize import transliterations

    assert transliterations("dashboard와 Qzxw") == [
        ("dashboard", "대시보드"),
        ("Qzxw", "큐제트엑스더블유"),
    ]
    assert transliterations("dashboard와 Qzxw", {"Qzxw": "큐"}) == [("dashboard", "대시보드")]
    assert transliterations("한글만") == []


@pytest.mark.parametrize(
    "entries, written, spoken",
    [
        # an entry that starts or ends with a Latin letter or digit is a whole word there only
        ({"C++": "씨플플"}, "C++, XC++, xC++, C++x", "씨플플, XC++, xC++, 씨플플x"),
        ({"한글AI": "한글 에이아이"}, "한글AI, 한글AI2, 한글AIx, 한글AIX, 새한글AI", "한글 에이아이, 한글AI2, 한글AIx, 한글AIX, 새한글 에이아이"),
        ({"3·1절": "삼일절"}, "3·1절에, 13·1절, 1.3·1절", "삼일절에, 13·1절, 1.3·1절"),
        ({"(주)": "주식회사 "}, "A(주), (주)하늘", "A주식회사 , 주식회사 하늘"),
        # the longest entry first, then the first in order
        ({"가나": "A", "가나다": "B"}, "가나다, 가나", "B, A"),
        ({"a-b": "1", "a-c": "2"}, "a-b a-c", "1 2"),
    ],
)  # fmt: skip
def test_lexicon_entries_match_as_whole_words(entries, written, spoken):
    from podcaster.text.normalize import Lexicon
    from podcaster.text.normalize.particles import choose_particles

    assert choose_particles(Lexicon(entries)(written)) == spoken


def test_lexicon_folded_entries_match_whatever_the_case_of_their_first_letter():
    from podcaster.text.normalize import Lexicon
    from podcaster.text.normalize.particles import choose_particles

    read = Lexicon({"Ab.c": "에이비씨", "x.Y": "엑스와이"}, ignore_case=True)
    assert choose_particles(read("ab.c, AB.C, Ab.c, X.y, x.Y")) == (
        "에이비씨, 에이비씨, 에이비씨, 엑스와이, 엑스와이"
    )


@pytest.mark.parametrize("written, spoken", SIGNS + NUMBERS + ADDRESSES + UNITS + LEXICON)
def test_reading(written, spoken):
    assert normalize(written) == spoken
