"""Word lists the normalisation steps use, kept as data."""

from __future__ import annotations

from podcaster.text.normalize.currencies import ISO_4217

# How Koreans name the Latin letters when they spell an acronym (AI → 에이아이). The
# standard names (표준국어대사전) except C and R, which broadcasters say 씨 and 알
# (엠비씨, 알앤디) rather than the dictionary's 시 and 아르; Z is 제트 (엠제트 세대).
LETTER_NAMES = {
    "A": "에이", "B": "비", "C": "씨", "D": "디", "E": "이", "F": "에프", "G": "지",
    "H": "에이치", "I": "아이", "J": "제이", "K": "케이", "L": "엘", "M": "엠", "N": "엔",
    "O": "오", "P": "피", "Q": "큐", "R": "알", "S": "에스", "T": "티", "U": "유",
    "V": "브이", "W": "더블유", "X": "엑스", "Y": "와이", "Z": "제트",
}  # fmt: skip

# Digits said in English after Latin letters in model names (A4 → 에이포, Q3 → 큐쓰리).
ENGLISH_DIGITS = ("제로", "원", "투", "쓰리", "포", "파이브", "식스", "세븐", "에잇", "나인")

# Counters that take native Korean numbers (세 개, 스무 살). Longest first is not needed:
# the pattern built from these sorts them.
NATIVE_COUNTERS = (
    "개", "명", "마리", "살", "가지", "곳", "군데", "잔", "권", "배", "번", "대", "척", "채",
    "벌", "켤레", "송이", "그루", "장", "병", "사람", "그릇", "시간", "달", "통", "줄",
    "자루", "포기", "알", "쌍", "판", "차례", "명씩", "개씩", "해", "곡", "세트", "번씩",
    "마디", "걸음", "접시", "봉지", "상자", "박스", "켤레", "척", "모금", "방울",
)  # fmt: skip

# Nouns after which 번 numbers a thing (3번 출구 → 삼번 출구) instead of counting times.
NUMBERED_NOUNS = (
    "출구", "버스", "타자", "선수", "국도", "게이트", "트랙", "채널", "문제", "항목", "조항",
    "카드", "라인", "좌석", "창구", "승강장", "노선", "마을버스", "유니폼", "공약", "후보",
    "질문", "환자", "테이블",
)  # fmt: skip

# Things counted with 대 (machines and vehicles): "드론 20대" counts drones (스무 대), where
# "20대" alone is an age (이십 대); counted natively up to 99 (서버 서른 대).
MACHINES = (
    "드론", "서버", "차량", "자동차", "차", "승용차", "전기차", "수소차", "버스", "트럭", "택시",
    "로보택시", "화물차", "소방차", "구급차", "순찰차", "경찰차", "장갑차", "전차", "탱크",
    "오토바이", "자전거", "킥보드", "열차", "기차", "전동차", "항공기", "비행기", "여객기",
    "화물기", "전투기", "헬기", "헬리콥터", "무인기", "로봇", "휴머노이드", "컴퓨터", "노트북",
    "데스크톱", "태블릿", "스마트폰", "휴대폰", "휴대전화", "폰", "단말기", "기기", "장비",
    "기계", "카메라", "냉장고", "세탁기", "에어컨", "모니터", "프린터", "키오스크", "라우터",
    "굴착기", "크레인", "트랙터", "지게차", "발사대", "엔진", "가속기", "노광장비", "장치",
    "서버랙", "랙", "슈퍼컴퓨터", "그래픽카드", "칩셋", "보드", "위성", "발전기", "터빈",
    "엘리베이터", "자판기", "충전기", "콘솔", "게임기", "스피커", "TV", "티비",
    "지피유", "씨피유", "엔피유", "티피유", "수입차", "중고차", "신차", "경차", "관용차",
    "외제차", "국산차", "소형차", "대형차", "자율주행차", "친환경차", "하이브리드차",
)  # fmt: skip
LATIN_MACHINES = ("PC", "PCs", "SUV", "EV", "CCTV", "ATM", "AGV", "AMR", "UAM", "ESS", "GPU",
                  "CPU", "NPU", "TPU", "TV")  # fmt: skip

# Counters read with Sino-Korean numbers, written after a space (이천십오 년, 천백삼십 건).
SINO_COUNTERS = (
    "년", "년도", "년대", "년간", "년생", "일", "일간", "주", "주년", "주간", "주일", "개월",
    "분", "초", "원", "달러", "엔", "유로", "위안", "파운드", "루블", "건", "위", "층", "세",
    "회", "호", "차", "등", "점", "도", "퍼센트", "퍼센트포인트", "프로", "인분", "쪽",
    "페이지", "편", "화", "부", "세기", "학년", "학기", "분기", "주차", "기", "단계", "개국", "개사", "개소", "개년",
    "평", "번지", "동", "킬로미터", "미터", "센티미터", "밀리미터", "킬로그램", "그램",
    "톤", "리터", "밀리리터", "와트", "킬로와트", "헤르츠", "기가바이트", "메가바이트",
    "테라바이트", "나노미터", "배럴", "포인트", "승", "패", "골", "타", "선", "조각", "대째",
    "만", "천", "경기", "라운드", "bp",
)  # fmt: skip

# Points in time: a range of them reads "A부터 B까지" (2015년부터 2025년까지); ranges of
# anything else, durations included (3~5시간), read "A에서 B".
POINT_IN_TIME_COUNTERS = frozenset(
    (
        "년",
        "년도",
        "년대",
        "월",
        "일",
        "시",
        "분",
        "초",
        "세기",
        "학년",
        "학기",
        "분기",
        "주차",
        "분기",
        "주차",
    )
)

# Currency symbols, read after the amount ($15 → 십오 달러).
CURRENCY_SYMBOLS = {
    "$": "달러", "US$": "달러", "₩": "원", "€": "유로", "¥": "엔", "£": "파운드", "₹": "루피",
    "元": "위안", "₽": "루블", "฿": "바트", "₫": "동", "HK$": "홍콩 달러", "NT$": "대만 달러",
    "A$": "호주 달러", "C$": "캐나다 달러", "S$": "싱가포르 달러",
}  # fmt: skip

# ISO 4217 codes (every one, ``currencies.py``) and a few more, read as the currency's name
# wherever they stand (USD 300, 300 USD).
CURRENCY_CODES = {
    **ISO_4217,
    "USD": "달러", "EUR": "유로", "JPY": "엔", "KRW": "원", "CNY": "위안", "RMB": "위안",
    "GBP": "파운드", "HKD": "홍콩 달러", "TWD": "대만 달러", "AUD": "호주 달러",
    "CAD": "캐나다 달러", "SGD": "싱가포르 달러", "CHF": "스위스 프랑", "INR": "루피",
    "VND": "동", "THB": "바트", "RUB": "루블", "BTC": "비트코인", "ETH": "이더리움",
}  # fmt: skip

# Amount suffixes after a currency figure ($1.5B): multiplier.
AMOUNT_SUFFIXES = {
    "k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "mn": 10**6, "b": 10**9, "B": 10**9,
    "bn": 10**9, "t": 10**12, "T": 10**12, "tn": 10**12,
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}  # fmt: skip

# Units written in Latin letters or symbols right after a number. Lone letters and units
# that are also English words (h, s, N, A, in, min) count only when glued to the number.
UNITS = {
    "%p": "퍼센트포인트", "%": "퍼센트", "‰": "퍼밀", "℃": "도", "°C": "도", "°F": "화씨 도",
    "°": "도", "km²": "제곱킬로미터", "m²": "제곱미터", "cm²": "제곱센티미터",
    "mm²": "제곱밀리미터", "m³": "세제곱미터", "cm³": "세제곱센티미터", "km": "킬로미터",
    "cm": "센티미터", "mm": "밀리미터", "μm": "마이크로미터", "nm": "나노미터", "m": "미터",
    "kg": "킬로그램", "mg": "밀리그램", "μg": "마이크로그램", "g": "그램", "t": "톤",
    "ml": "밀리리터", "mL": "밀리리터", "dL": "데시리터", "L": "리터", "l": "리터",
    "cc": "시시", "ha": "헥타르", "Wh": "와트시", "kWh": "킬로와트시", "MWh": "메가와트시",
    "GWh": "기가와트시", "TWh": "테라와트시", "kW": "킬로와트", "MW": "메가와트",
    "GW": "기가와트", "TW": "테라와트", "W": "와트", "mAh": "밀리암페어시",
    "mA": "밀리암페어", "A": "암페어", "kV": "킬로볼트", "V": "볼트", "Hz": "헤르츠",
    "kHz": "킬로헤르츠", "MHz": "메가헤르츠", "GHz": "기가헤르츠", "KB": "킬로바이트",
    "MB": "메가바이트", "GB": "기가바이트", "TB": "테라바이트", "PB": "페타바이트",
    "Gbps": "기가비트", "Mbps": "메가비트", "kbps": "킬로비트", "Tbps": "테라비트",
    "fps": "프레임", "x": "배", "X": "배", "dB": "데시벨", "mph": "마일", "kph": "킬로미터",
    "ft": "피트", "in": "인치", "lb": "파운드", "oz": "온스", "h": "시간", "hr": "시간", "min": "분",
    "s": "초", "sec": "초", "ms": "밀리초", "μs": "마이크로초", "ns": "나노초",
    "N": "뉴턴", "Nm": "뉴턴미터", "kN": "킬로뉴턴", "Pa": "파스칼", "kPa": "킬로파스칼",
    "MPa": "메가파스칼", "rpm": "알피엠", "ppm": "피피엠", "ppb": "피피비",
    "cal": "칼로리", "kcal": "킬로칼로리", "TFLOPS": "테라플롭스", "PFLOPS": "페타플롭스",
    "TOPS": "톱스", "nit": "니트", "nits": "니트", "mi": "마일", "bp": "베이시스포인트",
}  # fmt: skip

# Units that are per second: read as a rate (120fps → 초당 백이십 프레임).
PER_SECOND_UNITS = frozenset(("fps", "Gbps", "Mbps", "kbps", "Tbps"))

# Speeds: length per time, read 시속/분속/초속 (100km/h → 시속 백 킬로미터).
SPEED_PREFIXES = {"h": "시속", "hr": "시속", "min": "분속", "s": "초속", "sec": "초속"}
LENGTH_UNITS = frozenset(("km", "m", "cm", "mm", "mi", "ft"))

# What may stand after the slash of a rate (mg/L, 원/kWh, 달러/배럴): its reading + 당.
RATE_DENOMINATORS = {
    **{u: w for u, w in UNITS.items() if u not in ("%", "%p", "‰", "x", "X", "°", "in")},
    "d": "일", "day": "일", "yr": "년", "년": "년", "월": "월", "일": "일", "주": "주",
    "시간": "시간", "명": "명", "인": "인", "개": "개", "배럴": "배럴", "톤": "톤",
    "kg": "킬로그램", "달러": "달러", "원": "원", "person": "명",
}  # fmt: skip

# Korean currency and counter words that may stand before the slash of a rate (원/kWh).
RATE_NUMERATORS = ("원", "달러", "엔", "유로", "위안", "명", "건", "개", "대", "톤", "회")

# English words that may stand before the slash of a rate (50 tokens/s): their reading.
RATE_WORDS = {"tokens": "토큰", "token": "토큰", "토큰": "토큰", "frames": "프레임",
              "requests": "요청", "req": "요청", "ops": "연산"}  # fmt: skip
