"""Word lists the normalisation steps use, kept as data."""

from __future__ import annotations

# How Koreans name the Latin letters when they spell an acronym (AI → 에이아이).
LETTER_NAMES = {
    "A": "에이", "B": "비", "C": "씨", "D": "디", "E": "이", "F": "에프", "G": "지",
    "H": "에이치", "I": "아이", "J": "제이", "K": "케이", "L": "엘", "M": "엠", "N": "엔",
    "O": "오", "P": "피", "Q": "큐", "R": "알", "S": "에스", "T": "티", "U": "유",
    "V": "브이", "W": "더블유", "X": "엑스", "Y": "와이", "Z": "지",
}  # fmt: skip

# Counters that take native Korean numbers (세 개, 스무 살). Longest first is not needed:
# the pattern built from these sorts them.
NATIVE_COUNTERS = (
    "개", "명", "마리", "살", "가지", "곳", "군데", "잔", "권", "배", "번", "대", "척", "채",
    "벌", "켤레", "송이", "그루", "장", "병", "사람", "그릇", "시간", "달", "통", "줄",
    "자루", "포기", "알", "쌍", "판", "차례", "명씩", "개씩", "해", "곡", "세트", "번씩",
    "마디", "걸음", "접시", "봉지", "상자", "박스", "켤레", "척", "모금", "방울",
)  # fmt: skip

# Counters read with Sino-Korean numbers, written after a space (이천십오 년, 천백삼십 건).
SINO_COUNTERS = (
    "년", "년도", "년대", "년간", "년생", "일", "일간", "주", "주년", "주간", "주일", "개월",
    "분", "초", "원", "달러", "엔", "유로", "위안", "파운드", "루블", "건", "위", "층", "세",
    "회", "호", "차", "등", "점", "도", "퍼센트", "퍼센트포인트", "프로", "인", "인분", "쪽",
    "페이지", "편", "화", "부", "세기", "학년", "기", "단계", "개국", "개사", "개소", "개년",
    "평", "번지", "동", "킬로미터", "미터", "센티미터", "밀리미터", "킬로그램", "그램",
    "톤", "리터", "밀리리터", "와트", "킬로와트", "헤르츠", "기가바이트", "메가바이트",
    "테라바이트", "나노미터", "배럴", "포인트", "승", "패", "골", "타", "선", "조각", "대째",
    "만", "천", "경기", "라운드", "bp",
)  # fmt: skip

# Time units: a range of them reads "A부터 B까지"; other ranges read "A에서 B".
TIME_COUNTERS = frozenset(
    ("년", "년도", "년대", "월", "일", "주", "주년", "개월", "시", "시간", "분", "초", "세기",
     "학년", "달", "해", "주일", "일간", "년간", "주간")
)  # fmt: skip

# Currency symbols, read after the amount ($15 → 십오 달러).
CURRENCY_SYMBOLS = {
    "$": "달러", "US$": "달러", "₩": "원", "€": "유로", "¥": "엔", "£": "파운드", "₹": "루피",
    "元": "위안", "₽": "루블", "฿": "바트", "₫": "동",
}  # fmt: skip

# Amount suffixes after a currency figure ($1.5B): multiplier.
AMOUNT_SUFFIXES = {
    "k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "mn": 10**6, "b": 10**9, "B": 10**9,
    "bn": 10**9, "t": 10**12, "T": 10**12, "tn": 10**12,
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}  # fmt: skip

# Units written in Latin letters or symbols right after a number.
UNITS = {
    "%p": "퍼센트포인트", "%": "퍼센트", "℃": "도", "°C": "도", "°F": "화씨 도", "°": "도",
    "km/h": "킬로미터", "km²": "제곱킬로미터", "m²": "제곱미터", "㎡": "제곱미터",
    "km": "킬로미터", "cm": "센티미터", "mm": "밀리미터", "nm": "나노미터", "m": "미터",
    "kg": "킬로그램", "mg": "밀리그램", "g": "그램", "t": "톤", "ml": "밀리리터",
    "mL": "밀리리터", "L": "리터", "l": "리터", "kWh": "킬로와트시", "MWh": "메가와트시",
    "GWh": "기가와트시", "kW": "킬로와트", "MW": "메가와트", "GW": "기가와트", "W": "와트",
    "mAh": "밀리암페어시", "V": "볼트", "Hz": "헤르츠", "kHz": "킬로헤르츠",
    "MHz": "메가헤르츠", "GHz": "기가헤르츠", "KB": "킬로바이트", "MB": "메가바이트",
    "GB": "기가바이트", "TB": "테라바이트", "PB": "페타바이트", "Gbps": "기가비피에스",
    "Mbps": "메가비피에스", "fps": "프레임", "x": "배", "X": "배", "dB": "데시벨",
    "mph": "마일", "ft": "피트", "in": "인치", "lb": "파운드", "oz": "온스",
}  # fmt: skip

# Built-in pronunciations of Latin words common in Korean tech and news writing. Matched
# without regard to case and only as whole Latin words (Hangul may be glued on either
# side: 오픈AI의, ChatGPT로). A user lexicon wins over this one.
LEXICON = {
    "OpenAI": "오픈에이아이", "ChatGPT": "챗지피티", "GPT-4o": "지피티 포오", "GPT-4": "지피티 포",
    "GPT-5": "지피티 파이브", "DevDay": "데브데이", "Google": "구글", "Gemini": "제미나이",
    "Microsoft": "마이크로소프트", "Copilot": "코파일럿", "Nvidia": "엔비디아",
    "Apple": "애플", "Meta": "메타", "Facebook": "페이스북", "Instagram": "인스타그램",
    "YouTube": "유튜브", "iPhone": "아이폰", "iPad": "아이패드", "Mac": "맥",
    "MacBook": "맥북", "Android": "안드로이드", "Windows": "윈도우", "Amazon": "아마존",
    "Tesla": "테슬라", "Samsung": "삼성", "Galaxy": "갤럭시", "Naver": "네이버",
    "Kakao": "카카오", "Anthropic": "앤트로픽", "Claude": "클로드", "Sora": "소라",
    "DeepSeek": "딥시크", "Llama": "라마", "Grok": "그록", "xAI": "엑스에이아이",
    "Intel": "인텔", "Qualcomm": "퀄컴", "Huawei": "화웨이", "Alibaba": "알리바바",
    "Tencent": "텐센트", "Baidu": "바이두", "Netflix": "넷플릭스", "Twitter": "트위터",
    "TikTok": "틱톡", "LinkedIn": "링크드인", "GitHub": "깃허브", "Python": "파이썬",
    "Linux": "리눅스", "Chrome": "크롬", "Safari": "사파리", "Siri": "시리",
    "Alexa": "알렉사", "Bing": "빙", "Azure": "애저", "Uber": "우버", "Airbnb": "에어비앤비",
    "SpaceX": "스페이스엑스", "Starlink": "스타링크", "Wi-Fi": "와이파이", "WiFi": "와이파이",
    "Bluetooth": "블루투스", "email": "이메일", "e-mail": "이메일", "news": "뉴스",
    "Korea": "코리아", "Seoul": "서울", "online": "온라인", "app": "앱", "apps": "앱",
    "blog": "블로그", "podcast": "팟캐스트", "vs": "대", "etc": "등", "ok": "오케이",
    "deepfake": "딥페이크", "startup": "스타트업", "chip": "칩", "Cloud": "클라우드",
    "AT&T": "에이티앤티", "R&D": "알앤디", "M&A": "엠앤에이", "Q&A": "큐앤에이",
    "B2B": "비투비", "B2C": "비투씨", "K-pop": "케이팝", "iOS": "아이오에스", "macOS": "맥오에스",
    "PhD": "피에이치디", "Ph.D.": "피에이치디", "Inc": "인크", "Co": "코", "Ltd": "리미티드",
    "Dr": "닥터", "Mr": "미스터", "Ms": "미즈", "Mrs": "미세스", "CEO": "씨이오",
    "NASA": "나사", "NATO": "나토", "UNESCO": "유네스코", "OPEC": "오펙", "ASEAN": "아세안",
    "COVID": "코비드", "KOSPI": "코스피", "KOSDAQ": "코스닥", "LOL": "롤",
    "DRAM": "디램", "NAND": "낸드", "LED": "엘이디", "OLED": "오엘이디", "LCD": "엘시디",
    "HBM": "에이치비엠", "GPU": "지피유", "CPU": "씨피유", "NPU": "엔피유", "API": "에이피아이",
    "SNS": "에스엔에스", "ZDNET": "지디넷", "LLM": "엘엘엠", "AGI": "에이지아이",
}  # fmt: skip
