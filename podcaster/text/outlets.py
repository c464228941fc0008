"""News outlets known by their address: host (optionally with a path prefix) → the name a
listener hears. A source whose line names no outlet takes it from here, marked as taken
from the address.

Keys are lower-case hosts without ``www.``/``m.``; a key with a path (``bbc.com/korean``)
wins over its host alone. A host matches its subdomains (``news.kbs.co.kr`` → ``kbs.co.kr``)
unless a longer key names it.
"""

from __future__ import annotations

import urllib.parse

OUTLETS: dict[str, str] = {
    # Korean broadcasters
    "news.kbs.co.kr": "KBS 뉴스", "kbs.co.kr": "KBS", "imnews.imbc.com": "MBC 뉴스",
    "imbc.com": "MBC", "news.sbs.co.kr": "SBS 뉴스", "sbs.co.kr": "SBS", "ytn.co.kr": "YTN",
    "news.jtbc.co.kr": "JTBC 뉴스", "jtbc.co.kr": "JTBC", "tvchosun.com": "TV조선",
    "mbn.co.kr": "MBN", "ichannela.com": "채널A", "yonhapnewstv.co.kr": "연합뉴스TV",
    "ebs.co.kr": "EBS", "obsnews.co.kr": "OBS",
    # Korean agencies and dailies
    "yna.co.kr": "연합뉴스", "news1.kr": "뉴스1", "newsis.com": "뉴시스",
    "chosun.com": "조선일보", "joongang.co.kr": "중앙일보", "donga.com": "동아일보",
    "hani.co.kr": "한겨레", "khan.co.kr": "경향신문", "hankookilbo.com": "한국일보",
    "kmib.co.kr": "국민일보", "seoul.co.kr": "서울신문", "segye.com": "세계일보",
    "munhwa.com": "문화일보", "ohmynews.com": "오마이뉴스", "pressian.com": "프레시안",
    "nocutnews.co.kr": "노컷뉴스", "mk.co.kr": "매일경제", "hankyung.com": "한국경제",
    "sedaily.com": "서울경제", "mt.co.kr": "머니투데이", "edaily.co.kr": "이데일리",
    "asiae.co.kr": "아시아경제", "fnnews.com": "파이낸셜뉴스", "heraldcorp.com": "헤럴드경제",
    "koreaherald.com": "코리아헤럴드", "koreatimes.co.kr": "코리아타임스",
    "koreajoongangdaily.joins.com": "코리아중앙데일리", "biz.chosun.com": "조선비즈",
    "etnews.com": "전자신문", "zdnet.co.kr": "ZDNET Korea", "ddaily.co.kr": "디지털데일리",
    "bloter.net": "블로터", "aitimes.com": "AI타임스", "aitimes.kr": "인공지능신문",
    "itworld.co.kr": "ITWorld", "dt.co.kr": "디지털타임스", "inews24.com": "아이뉴스24",
    "byline.network": "바이라인네트워크", "thelec.kr": "디일렉", "hellodd.com": "헬로디디",
    "dongascience.com": "동아사이언스", "sisain.co.kr": "시사IN", "mediatoday.co.kr": "미디어오늘",
    "newspim.com": "뉴스핌", "news.naver.com": "네이버 뉴스", "n.news.naver.com": "네이버 뉴스",
    "v.daum.net": "다음 뉴스", "korea.kr": "대한민국 정책브리핑",
    # World agencies, papers and broadcasters
    "reuters.com": "로이터", "apnews.com": "AP 통신", "afp.com": "AFP 통신",
    "bloomberg.com": "블룸버그", "bbc.com/korean": "BBC 코리아", "bbc.com": "BBC",
    "bbc.co.uk": "BBC", "cnn.com": "CNN", "nytimes.com": "뉴욕타임스",
    "washingtonpost.com": "워싱턴포스트", "wsj.com": "월스트리트저널", "ft.com": "파이낸셜타임스",
    "theguardian.com": "가디언", "economist.com": "이코노미스트", "cnbc.com": "CNBC",
    "nbcnews.com": "NBC 뉴스", "abcnews.go.com": "ABC 뉴스", "cbsnews.com": "CBS 뉴스",
    "foxnews.com": "폭스 뉴스", "npr.org": "NPR", "aljazeera.com": "알자지라",
    "dw.com": "도이체벨레", "lemonde.fr": "르몽드", "spiegel.de": "슈피겔",
    "nikkei.com": "니혼게이자이신문", "asia.nikkei.com": "닛케이 아시아", "nhk.or.jp": "NHK",
    "asahi.com": "아사히신문", "mainichi.jp": "마이니치신문", "yomiuri.co.jp": "요미우리신문",
    "scmp.com": "사우스차이나모닝포스트", "xinhuanet.com": "신화통신",
    "theverge.com": "더 버지", "techcrunch.com": "테크크런치", "wired.com": "와이어드",
    "arstechnica.com": "아스테크니카", "engadget.com": "엔가젯", "zdnet.com": "ZDNET",
    "venturebeat.com": "벤처비트", "technologyreview.com": "MIT 테크놀로지 리뷰",
    "axios.com": "악시오스", "theinformation.com": "디 인포메이션", "forbes.com": "포브스",
    "fortune.com": "포춘", "businessinsider.com": "비즈니스 인사이더", "time.com": "타임",
    "nature.com": "네이처", "science.org": "사이언스", "newscientist.com": "뉴사이언티스트",
}  # fmt: skip

_PREFIXES = ("www.", "m.", "mobile.", "amp.")


def outlet_of_url(url: str | None) -> str | None:
    """The outlet ``url`` belongs to, by its host (and path prefix), or None if unknown."""
    if not url:
        return None
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in _PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    if not host:
        return None
    first = parts.path.strip("/").split("/")[0].lower()
    if first and f"{host}/{first}" in OUTLETS:
        return OUTLETS[f"{host}/{first}"]
    labels = host.split(".")
    for k in range(len(labels) - 1):
        name = OUTLETS.get(".".join(labels[k:]))
        if name:
            return name
    return None


def known_outlet(name: str) -> bool:
    """True when ``name`` is an outlet of the table (as written there, spaces ignored)."""
    return _squash(name) in _NAMES


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


_NAMES = frozenset(_squash(n) for n in OUTLETS.values()) | frozenset(
    _squash(n) for n in ("Reuters", "AP", "AFP", "Bloomberg", "BBC", "CNN", "Yonhap",
                         "The Verge", "TechCrunch", "Wired", "The New York Times",
                         "The Guardian", "Financial Times", "Nikkei", "NHK", "뉴욕타임즈",
                         "로이터통신", "블룸버그통신", "AP통신", "AFP통신", "연합", "ZDNet Korea",
                         "지디넷코리아", "더버지"))
