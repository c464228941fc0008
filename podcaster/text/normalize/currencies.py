"""ISO 4217 currency codes and how Korean news names each currency (CHF → 스위스 프랑).

Data only. The currencies Korean readers meet every day go by their short names (달러, 엔,
위안, 유로, 파운드); the others by country and unit, as the Bank of Korea and the wire
services write them.
"""

ISO_4217 = {
    "AED": "아랍에미리트 디르함", "AFN": "아프가니스탄 아프가니", "ALL": "알바니아 레크",
    "AMD": "아르메니아 드람", "ANG": "네덜란드령 안틸레스 휠던", "AOA": "앙골라 콴자",
    "ARS": "아르헨티나 페소", "AUD": "호주 달러", "AWG": "아루바 플로린",
    "AZN": "아제르바이잔 마나트", "BAM": "보스니아 헤르체고비나 마르크",
    "BBD": "바베이도스 달러", "BDT": "방글라데시 타카", "BGN": "불가리아 레프",
    "BHD": "바레인 디나르", "BIF": "부룬디 프랑", "BMD": "버뮤다 달러", "BND": "브루나이 달러",
    "BOB": "볼리비아 볼리비아노", "BRL": "브라질 헤알", "BSD": "바하마 달러",
    "BTN": "부탄 눌트럼", "BWP": "보츠와나 풀라", "BYN": "벨라루스 루블", "BZD": "벨리즈 달러",
    "CAD": "캐나다 달러", "CDF": "콩고 프랑", "CHF": "스위스 프랑", "CLP": "칠레 페소",
    "CNY": "위안", "COP": "콜롬비아 페소", "CRC": "코스타리카 콜론", "CUP": "쿠바 페소",
    "CVE": "카보베르데 에스쿠도", "CZK": "체코 코루나", "DJF": "지부티 프랑",
    "DKK": "덴마크 크로네", "DOP": "도미니카 페소", "DZD": "알제리 디나르",
    "EGP": "이집트 파운드", "ERN": "에리트레아 낙파", "ETB": "에티오피아 비르", "EUR": "유로",
    "FJD": "피지 달러", "FKP": "포클랜드 제도 파운드", "GBP": "파운드", "GEL": "조지아 라리",
    "GHS": "가나 세디", "GIP": "지브롤터 파운드", "GMD": "감비아 달라시", "GNF": "기니 프랑",
    "GTQ": "과테말라 케찰", "GYD": "가이아나 달러", "HKD": "홍콩 달러",
    "HNL": "온두라스 렘피라", "HTG": "아이티 구르드", "HUF": "헝가리 포린트",
    "IDR": "인도네시아 루피아", "ILS": "이스라엘 셰켈", "INR": "루피", "IQD": "이라크 디나르",
    "IRR": "이란 리알", "ISK": "아이슬란드 크로나", "JMD": "자메이카 달러",
    "JOD": "요르단 디나르", "JPY": "엔", "KES": "케냐 실링", "KGS": "키르기스스탄 솜",
    "KHR": "캄보디아 리엘", "KMF": "코모로 프랑", "KPW": "북한 원", "KRW": "원",
    "KWD": "쿠웨이트 디나르", "KYD": "케이맨 제도 달러", "KZT": "카자흐스탄 텡게",
    "LAK": "라오스 킵", "LBP": "레바논 파운드", "LKR": "스리랑카 루피",
    "LRD": "라이베리아 달러", "LSL": "레소토 로티", "LYD": "리비아 디나르",
    "MAD": "모로코 디르함", "MDL": "몰도바 레우", "MGA": "마다가스카르 아리아리",
    "MKD": "북마케도니아 데나르", "MMK": "미얀마 짯", "MNT": "몽골 투그릭",
    "MOP": "마카오 파타카", "MRU": "모리타니 우기야", "MUR": "모리셔스 루피",
    "MVR": "몰디브 루피야", "MWK": "말라위 콰차", "MXN": "멕시코 페소",
    "MYR": "말레이시아 링깃", "MZN": "모잠비크 메티칼", "NAD": "나미비아 달러",
    "NGN": "나이지리아 나이라", "NIO": "니카라과 코르도바", "NOK": "노르웨이 크로네",
    "NPR": "네팔 루피", "NZD": "뉴질랜드 달러", "OMR": "오만 리알", "PAB": "파나마 발보아",
    "PEN": "페루 솔", "PGK": "파푸아뉴기니 키나", "PHP": "필리핀 페소",
    "PKR": "파키스탄 루피", "PLN": "폴란드 즐로티", "PYG": "파라과이 과라니",
    "QAR": "카타르 리얄", "RON": "루마니아 레우", "RSD": "세르비아 디나르", "RUB": "루블",
    "RWF": "르완다 프랑", "SAR": "사우디아라비아 리얄", "SBD": "솔로몬 제도 달러",
    "SCR": "세이셸 루피", "SDG": "수단 파운드", "SEK": "스웨덴 크로나", "SGD": "싱가포르 달러",
    "SHP": "세인트헬레나 파운드", "SLE": "시에라리온 리온", "SOS": "소말리아 실링",
    "SRD": "수리남 달러", "SSP": "남수단 파운드", "STN": "상투메 프린시페 도브라",
    "SVC": "엘살바도르 콜론", "SYP": "시리아 파운드", "SZL": "에스와티니 릴랑게니",
    "THB": "바트", "TJS": "타지키스탄 소모니", "TMT": "투르크메니스탄 마나트",
    "TND": "튀니지 디나르", "TOP": "통가 팡가", "TRY": "튀르키예 리라",
    "TTD": "트리니다드 토바고 달러", "TWD": "대만 달러", "TZS": "탄자니아 실링",
    "UAH": "우크라이나 흐리우냐", "UGX": "우간다 실링", "USD": "달러", "UYU": "우루과이 페소",
    "UZS": "우즈베키스탄 숨", "VED": "베네수엘라 디지털 볼리바르", "VES": "베네수엘라 볼리바르",
    "VND": "동", "VUV": "바누아투 바투", "WST": "사모아 탈라", "XAF": "중앙아프리카 세파 프랑",
    "XCD": "동카리브 달러", "XCG": "카리브 휠던", "XOF": "서아프리카 세파 프랑",
    "XPF": "씨에프피 프랑", "XDR": "특별인출권", "YER": "예멘 리알",
    "ZAR": "남아프리카공화국 랜드", "ZMW": "잠비아 콰차", "ZWG": "짐바브웨 골드",
    "ZWL": "짐바브웨 달러", "CUC": "쿠바 태환 페소", "SLL": "시에라리온 구 리온",
    # units of account, funds and metals, also in the standard
    "BOV": "볼리비아 엠브이돌", "CHE": "위르 유로", "CHW": "위르 프랑", "CLF": "칠레 우에프",
    "COU": "콜롬비아 실질가치단위", "MXV": "멕시코 우디", "USN": "익일 결제 달러",
    "UYI": "우루과이 물가연동 페소", "UYW": "우루과이 명목임금지수 단위",
    "XAU": "금 트로이온스", "XAG": "은 트로이온스", "XPT": "백금 트로이온스",
    "XPD": "팔라듐 트로이온스", "XBA": "유럽 복합단위", "XBB": "유럽 통화단위",
    "XBC": "유럽 계정단위 구", "XBD": "유럽 계정단위 십칠", "XSU": "수크레",
    "XUA": "아시아개발은행 계정단위", "XTS": "시험용 통화", "XXX": "통화 없음",
}  # fmt: skip

# Codes that are also words, names or other abbreviations in news (TOP 10, AMD 7900, COP28,
# ARS 상담): read as money only in a sentence about currencies (see CURRENCY_CONTEXT).
AMBIGUOUS = frozenset(
    ("ALL", "AMD", "ARS", "BAM", "BOB", "BTN", "COP", "CUP", "CVE", "CRC", "GEL", "ILS",
     "MAD", "MOP", "NAD", "NIO", "PEN", "PHP", "RON", "SAR", "SCR", "SOS", "SVC", "TMT",
     "TOP", "TRY", "CHE", "USN", "XTS", "XXX")
)  # fmt: skip

# Words that say a sentence is about money (환율, 송금 …): an ambiguous code reads as money.
CURRENCY_CONTEXT = (
    r"환율|환전|통화|화폐|송금|결제|지급|벌금|외환|평가절하|절상|절하|페그|예금|송금액|수출대금|"
    r"달러|유로|엔화|원화|위안화|가치"
)

# Codes whose lower-case form is an English word (aud, cad, rub): matched in capitals only;
# every other code is also read when written in lower case (chf 120, twd 300).
CAPITALS_ONLY = AMBIGUOUS | frozenset(
    ("ANG", "AUD", "CAD", "COU", "KYD", "LAK", "NPR", "RUB", "SYP", "YER")
)
