"""Acronyms Koreans say as words, not letter by letter (ADAS → 에이다스, UNIST → 유니스트).

Data only: the written acronym → the reading Korean newsrooms and broadcasters use. An
all-capital key matches only as written (a word in capitals, not the English word in
lower case); a key with lower-case letters matches in any case. Acronyms that Korean says
letter by letter (IMF, ESG, GPU) are not here: the letter names read them.
"""

ACRONYM_WORDS = {
    # cars, chips and hardware
    "ADAS": "에이다스", "RISC-V": "리스크 파이브", "RISC": "리스크", "CISC": "시스크",
    "ASIC": "에이식", "CMOS": "씨모스", "MOSFET": "모스펫", "FinFET": "핀펫", "CoWoS": "코워스",
    "MRAM": "엠램", "PRAM": "피램", "ReRAM": "리램", "DIMM": "딤", "SODIMM": "소딤",
    "SATA": "사타", "SCSI": "스커지", "BIOS": "바이오스", "RADAR": "레이더", "SONAR": "소나",
    "LASER": "레이저", "SIMD": "심드", "eVTOL": "이브이톨", "VTOL": "브이톨", "MIMO": "마이모",
    "VoLTE": "볼티", "NAS": "나스", "SCADA": "스카다", "BIM": "빔",
    "SIM": "심", "PIN": "핀", "WASM": "와즘", "ONNX": "오닉스", "JSON": "제이슨",
    "YAML": "야믈", "MPEG": "엠펙", "POSIX": "포직스", "GNU": "그누", "ANSI": "안시",
    "CAPTCHA": "캡차", "WYSIWYG": "위지윅", "DDoS": "디도스", "CERT": "서트", "FIDO": "파이도",
    "OWASP": "오와스프", "ICANN": "아이캔", "IANA": "아이아나",
    # AI and software
    "SOTA": "소타", "RAG": "래그", "LoRA": "로라", "QLoRA": "큐로라", "BERT": "버트",
    "RoBERTa": "로버타", "ELMo": "엘모", "GLUE": "글루", "SQuAD": "스쿼드", "YOLO": "욜로",
    "SLAM": "슬램", "NeRF": "너프", "DaaS": "다스", "MaaS": "마스", "BaaS": "바스",
    "RaaS": "라스", "FinOps": "핀옵스", "DevOps": "데브옵스", "MLOps": "엠엘옵스",
    "DApp": "디앱", "DeFi": "디파이", "CeFi": "세파이", "DAO": "다오", "DEX": "덱스",
    "HODL": "호들",
    # economy and finance
    "CAPEX": "캐펙스", "OPEX": "오펙스", "EBITDA": "에비타", "SPAC": "스팩", "REITs": "리츠",
    "REIT": "리츠", "LIBOR": "리보", "SOFR": "소파", "COMEX": "코멕스", "NYMEX": "나이멕스",
    "GAAP": "갭", "FICO": "파이코", "FTSE": "풋시", "DAX": "닥스", "SENSEX": "센섹스",
    "TARP": "타프", "FAANG": "팡", "FANG": "팡", "KONEX": "코넥스",
    "OPEC+": "오펙 플러스", "MAGA": "마가",
    # Korean institutions, universities and fairs
    "UNIST": "유니스트", "DGIST": "디지스트", "GIST": "지스트", "KENTECH": "켄텍",
    "KOREATECH": "코리아텍", "KIST": "키스트", "ETRI": "에트리", "KISTI": "키스티",
    "KRISS": "크리스", "KERI": "케리", "KOTRA": "코트라", "KOICA": "코이카", "KOSIS": "코시스",
    "KISA": "키사", "KISDI": "키스디", "KEPCO": "켑코", "KOGAS": "코가스", "KORAIL": "코레일",
    "KAMCO": "캠코", "NIPA": "니파", "KASA": "카사", "KSTAR": "케이스타", "SEMICON": "세미콘",
    "KIMES": "키메스", "SIGGRAPH": "시그라프", "COMDEX": "컴덱스", "IFA": "이파",
    # international bodies, alliances and agreements
    "UNICEF": "유니세프", "UNIDO": "유니도", "UNEP": "유넵", "UNCTAD": "운크타드",
    "APEC": "에이펙", "NAFTA": "나프타", "MERCOSUR": "메르코수르", "BRICS": "브릭스",
    "EFTA": "에프타", "GATT": "가트", "IPEF": "아이페프", "RCEP": "알셉", "AUKUS": "오커스",
    "QUAD": "쿼드", "WIPO": "와이포", "GAVI": "가비", "CEPI": "세피", "PEPFAR": "펩파",
    "OXFAM": "옥스팜", "MENSA": "멘사", "WADA": "와다", "KADA": "카다", "UEFA": "유에파",
    "FIBA": "피바", "NASCAR": "나스카", "CERN": "세른", "ITER": "이터", "DARPA": "다르파",
    "NIST": "니스트", "NOAA": "노아", "FEMA": "피마", "JAXA": "작사", "ISRO": "이스로",
    "NORAD": "노라드", "CALTECH": "칼텍", "NEOM": "네옴", "SCOTUS": "스코터스",
    "POTUS": "포터스",
    # defence
    "THAAD": "사드", "GSOMIA": "지소미아", "KADIZ": "카디즈", "JADIZ": "자디즈",
    "HIMARS": "하이마스", "ATACMS": "에이태큼스", "AWACS": "에이웍스", "MANPADS": "맨패즈",
    # health
    "SARS": "사스", "MERS": "메르스", "AIDS": "에이즈", "CRISPR": "크리스퍼", "LASIK": "라식",
    "LASEK": "라섹", "CAR-T": "카티",
    # society and culture
    "NIMBY": "님비", "PIMFY": "핌피", "FOMO": "포모", "FIRE": "파이어", "DINK": "딩크",
    "NEET": "니트", "MOOC": "무크", "MOBA": "모바",
}  # fmt: skip

# Words of titles and names around these that the pronunciation rules would spell the
# dictionary's way (fantasy → 팬터시), in the form Korean titles use.
TITLE_WORDS = {
    "Fantasy": "판타지", "Final Fantasy": "파이널 판타지", "Elizabeth": "엘리자베스",
    "Charles": "찰스", "Pope": "교황", "Leo": "레오", "Henry": "헨리", "Louis": "루이",
    "Benedict": "베네딕토", "Napoleon": "나폴레옹",
}  # fmt: skip
