"""Words that tie a foreign news title to a Korean quote: data only.

Outlets as Korean writes them (Reuters → 로이터), the words of outlet names that say nothing
about which outlet it is, title words a Korean translation writes out rather than spells
(EU → 유럽연합, Tokyo → 도쿄), and the Japanese names and words of news titles with their
Korean readings (トヨタ → 도요타, 東京 → 도쿄). Keys are case-folded; the attribution's
evidence (``podcaster.text.evidence``) reads them.
"""

from __future__ import annotations


def _pairs(text: str) -> dict[str, str]:
    return dict(pair.split("=") for pair in text.split())


# Words of outlet names that say nothing about which outlet it is.
GENERIC_OUTLET_WORDS = frozenset(
    "news 뉴스 korea 코리아 the daily online 온라인 tv 방송 신문 times com co kr net "
    "press media 미디어 journal".split()
)

# Outlets' usual Korean spellings, so that "로이터는 …" names Reuters (word=spelling).
OUTLET_SPELLINGS = _pairs("""
    reuters=로이터 bloomberg=블룸버그 nikkei=닛케이 techcrunch=테크크런치 verge=버지
    wired=와이어드 guardian=가디언 economist=이코노미스트 forbes=포브스 axios=악시오스
    asahi=아사히 yomiuri=요미우리 mainichi=마이니치 nytimes=뉴욕타임스 wsj=월스트리트저널
    ft=파이낸셜타임스 ap=ap통신 cnbc=씨엔비씨 engadget=엔가젯 semafor=세마포 politico=폴리티코
    xinhua=신화통신 yonhap=연합뉴스 bbc=비비씨 cnn=씨엔엔 nhk=엔에이치케이
""")

# Title words a Korean translation writes out rather than spells (EU → 유럽연합): places,
# institutions and the usual abbreviations of news titles (word=translation).
TRANSLATIONS = _pairs("""
    eu=유럽연합 ai=인공지능 uk=영국 un=유엔 fed=연준 ev=전기차 evs=전기차 imf=국제통화기금
    ceo=최고경영자 china=중국 chinese=중국 japan=일본 japanese=일본 europe=유럽
    european=유럽 america=미국 american=미국 korea=한국 korean=한국 taiwan=대만 india=인도
    germany=독일 german=독일 france=프랑스 britain=영국 russia=러시아 ukraine=우크라이나 openai=오픈ai
""")

# Places as Korean newspapers spell them, where the loanword rules give another spelling
# (the rules read Tokyo as 토키오; the papers write 도쿄).
PLACES = _pairs("""
    tokyo=도쿄 osaka=오사카 kyoto=교토 yokohama=요코하마 fukuoka=후쿠오카 hokkaido=홋카이도
    beijing=베이징 shanghai=상하이 shenzhen=선전 hong=홍콩 taipei=타이베이 singapore=싱가포르
    london=런던 paris=파리 berlin=베를린 brussels=브뤼셀 amsterdam=암스테르담
    washington=워싱턴 california=캘리포니아 texas=텍사스 arizona=애리조나 nevada=네바다
    kumamoto=구마모토 seoul=서울 busan=부산 incheon=인천 jeju=제주 vietnam=베트남 indonesia=인도네시아
    australia=호주 canada=캐나다 mexico=멕시코 brazil=브라질 spain=스페인 italy=이탈리아
""")

# Japanese names and news words with their Korean readings, for a Korean translation of an
# article under a Japanese title (written form=reading).
JAPANESE = _pairs("""
    トヨタ=도요타 ソニー=소니 ホンダ=혼다 日産=닛산 任天堂=닌텐도 パナソニック=파나소닉
    ソフトバンク=소프트뱅크 楽天=라쿠텐 ユニクロ=유니클로 セブン=세븐 ウーバー=우버
    アップル=애플 グーグル=구글 アマゾン=아마존 エヌビディア=엔비디아 テスラ=테슬라
    東京=도쿄 大阪=오사카 京都=교토 北海道=홋카이도 沖縄=오키나와 福岡=후쿠오카 横浜=요코하마
    日本=일본 政府=정부 首相=총리 日銀=일본은행 円安=엔저 円高=엔고 観光=관광 観光客=관광객
    地震=지진 台風=태풍 選挙=선거 半導体=반도체 自動運転=자율주행 出国税=출국세 深夜=심야
    無人=무인 全国=전국 拡大=확대 検討=검토 混雑=혼잡 電気自動車=전기차 株価=주가
    ロボタクシー=로보택시 タクシー=택시 コンビニ=편의점 レジ=계산대 ロボット=로봇
""")
