"""Exact-string pronunciations: the built-in lexicon of Latin names and terms, and the
matcher that applies it or a user's ``[pronunciation]`` table."""

from __future__ import annotations

import re
from collections.abc import Mapping

# Built-in pronunciations of Latin words common in Korean tech and news writing. Matched
# without regard to case and only as whole Latin words (Hangul may be glued on either
# side: 오픈AI의, ChatGPT로). A user lexicon wins over this one.
BUILTIN = {
    "OpenAI": "오픈에이아이", "ChatGPT": "챗지피티", "GPT-4o": "지피티 포오", "GPT4o": "지피티 포오", "GPT-4": "지피티 포",
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
    "PhD": "피에이치디", "Ph.D.": "피에이치디", "Inc": "인크", "Ltd": "리미티드",
    "Dr": "닥터", "Mr": "미스터", "Ms": "미즈", "Mrs": "미세스", "CEO": "씨이오",
    "NASA": "나사", "NATO": "나토", "UNESCO": "유네스코", "OPEC": "오펙", "ASEAN": "아세안",
    "COVID": "코비드", "KOSPI": "코스피", "KOSDAQ": "코스닥",
    "DRAM": "디램", "NAND": "낸드", "LED": "엘이디", "OLED": "오엘이디", "LCD": "엘시디",
    "HBM": "에이치비엠", "GPU": "지피유", "CPU": "씨피유", "NPU": "엔피유", "API": "에이피아이",
    "SNS": "에스엔에스", "ZDNET": "지디넷", "LLM": "엘엘엠", "AGI": "에이지아이",
    "TV": "티비", "3D": "쓰리디", "2D": "투디", "4K": "포케이", "8K": "에잇케이",
    "3·1절": "삼일절", "3.1절": "삼일절", "4·19": "사일구", "5·18": "오일팔",
    "6·25": "육이오", "6.25 전쟁": "육이오 전쟁", "8·15": "팔일오", "9·11": "구일일",
    "12·12": "십이십이", "A/S": "에이에스", "No.1": "넘버원", "(주)": "주식회사 ", "(사)": "사단법인 ", "(재)": "재단법인 ",
}  # fmt: skip


def _word_pattern(entry: str) -> str:
    """``entry`` as a regex that does not start or end inside a Latin word or a number
    (``GPT-4`` is not found in ``GPT-4.5``)."""
    pat = re.escape(entry)
    if entry[:1].isascii() and entry[:1].isalnum():
        pat = r"(?<![A-Za-z0-9])(?<!\d[.,])" + pat
    if entry[-1:].isascii() and entry[-1:].isalnum():
        pat += r"(?![A-Za-z0-9]|[.,]\d)"
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
        # A lookahead on the possible first characters lets most positions fail at once.
        firsts = {k[0] for k in self.exact} | {k[0].upper() for k in self.folded}
        firsts |= {k[0].lower() for k in self.folded}
        first = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
        self.pattern = re.compile(f"(?={first})(?:{'|'.join(parts)})") if parts else None

    def _reading(self, m: re.Match) -> str:
        s = m.group()
        return self.exact.get(s) or self.folded.get(s.lower(), s)

    def __call__(self, text: str) -> str:
        return self.pattern.sub(self._reading, text) if self.pattern else text
