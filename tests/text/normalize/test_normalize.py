"""The normalisation stage end to end: written Korean in, speakable Korean out."""

import re

import pytest

from podcaster.text.normalize import changed_spans, normalize, unread_words
from tests.helpers import DEMO

ISSUE_EXAMPLES = [
    ("302억 5천만 달러", "삼백이억 오천만 달러"),
    ("6억 7,100만 달러", "육억 칠천백만 달러"),
    ("1,130건", "천백삼십 건"),
    ("2억 5000만", "이억 오천만"),
    ("52.9%", "오십이 점 구 퍼센트"),
    ("3개", "세 개"),
    ("20살", "스무 살"),
    ("6월", "유월"),
    ("10월", "시월"),
    ("2025년 10월 6일", "이천이십오 년 시월 육 일"),
    ("2015∼2025년", "이천십오 년부터 이천이십오 년까지"),
    ("$15", "십오 달러"),
    ("AI", "에이아이"),
    ("IT", "아이티"),
    ("BBC", "비비씨"),
    ("OpenAI", "오픈에이아이"),
    ("ChatGPT", "챗지피티"),
    ("DevDay", "데브데이"),
    ("AI기본권", "에이아이기본권"),
    ("IT파인드", "아이티파인드"),
    ("SNS형", "에스엔에스형"),
]


@pytest.mark.parametrize("written, spoken", ISSUE_EXAMPLES)
def test_issue_examples(written, spoken):
    assert normalize(written) == spoken


# Every rule, with the cases that tell a right reading from a plausible wrong one.
TABLE = [
    # Sino-Korean numbers: silent 1 before 십/백/천/만, but 일억, 일조
    ("10", "십"),
    ("111", "백십일"),
    ("1,000", "천"),
    ("10000", "만"),
    ("1만 명", "만 명"),
    ("1억 원", "일억 원"),
    ("1조 2천억 원", "일조 이천억 원"),
    ("10억 1천만 달러", "십억 천만 달러"),
    ("123456789", "일억 이천삼백사십오만 육천칠백팔십구"),
    ("1,000,000", "백만"),
    ("3천 명", "삼천 명"),
    ("1,234.56", "천이백삼십사 점 오육"),
    ("0", "영"),
    ("007", "영영칠"),
    ("1,000여 명", "천여 명"),
    ("10여 개국", "십여 개국"),
    ("제3자", "제삼자"),
    ("제2차 세계대전", "제이차 세계대전"),
    # decimals and percent
    ("3.14", "삼 점 일사"),
    ("0.5초", "영 점 오 초"),
    ("4.0%밖에", "사 퍼센트밖에"),
    ("38.2%를", "삼십팔 점 이 퍼센트를"),
    ("100%", "백 퍼센트"),
    ("3.5%p", "삼 점 오 퍼센트포인트"),
    ("7.4점", "칠 점 사 점"),
    ("2.5배", "이 점 오 배"),
    ("-5%", "마이너스 오 퍼센트"),
    # native counters up to 99, Sino-Korean above
    ("1명", "한 명"),
    ("2마리", "두 마리"),
    ("4곳", "네 곳"),
    ("5가지", "다섯 가지"),
    ("11살", "열한 살"),
    ("21권", "스물한 권"),
    ("45명", "사십오 명"),
    ("99살", "아흔아홉 살"),
    ("100살", "백 살"),
    ("1,342개가", "천삼백사십이 개가"),
    ("3잔", "세 잔"),
    ("2배", "두 배"),
    ("3번", "세 번"),
    ("3번 방문했다", "세 번 방문했다"),
    ("1번 출구", "일번 출구"),
    ("1대1 면담", "일 대 일 면담"),
    ("7명씩", "일곱 명씩"),
    ("2켤레", "두 켤레"),
    ("5시간", "다섯 시간"),
    ("하루 24시간", "하루 스물네 시간"),
    ("1번째", "첫 번째"),
    ("2번째", "두 번째"),
    ("20번째", "스무 번째"),
    ("자동차 2대가", "자동차 두 대가"),
    ("30대 남성", "삼십 대 남성"),
    # clock hours: native 1..12, Sino-Korean for 13..24
    ("오후 3시", "오후 세 시"),
    ("12시 30분", "열두 시 삼십 분"),
    ("13시", "열세 시"),
    ("오전 9:05", "오전 아홉 시 오 분"),
    ("14:30", "열네 시 삼십 분"),
    # Sino-Korean counters
    ("3개월", "삼 개월"),
    ("6개국", "육 개국"),
    ("3세", "삼 세"),
    ("2위였고", "이 위였고"),
    ("3층", "삼 층"),
    ("5회", "오 회"),
    ("15분", "십오 분"),
    ("21세기", "이십일 세기"),
    ("1980년대", "천구백팔십 년대"),
    ("1,500원", "천오백 원"),
    ("3:1로", "삼 대 일로"),
    # months and dates
    ("1월", "일월"),
    ("12월", "십이월"),
    ("2025-10-06", "이천이십오 년 시월 육 일"),
    ("2025. 6. 3.에", "이천이십오 년 유월 삼 일에"),
    # ranges: never "물결"
    ("2015~2025년", "이천십오 년부터 이천이십오 년까지"),
    ("2015-2025년", "이천십오 년부터 이천이십오 년까지"),
    ("2015–2025년", "이천십오 년부터 이천이십오 년까지"),
    ("2022∼2026년 사이", "이천이십이 년에서 이천이십육 년 사이"),
    ("2015~2025년까지", "이천십오 년부터 이천이십오 년까지"),
    ("10~12월", "시월부터 십이월까지"),
    ("10월 6일∼8일", "시월 육 일부터 팔 일까지"),
    ("3∼5시", "세 시부터 다섯 시까지"),
    ("3~5명", "세 명에서 다섯 명"),
    ("1~2명", "한두 명"),
    ("3~4개", "서너 개"),
    ("2억~3억 원", "이억에서 삼억 원"),
    ("30~40%", "삼십 퍼센트에서 사십 퍼센트"),
    ("3월 1일~3월 5일", "삼월 일 일부터 삼월 오 일까지"),
    ("오전 10시~오후 2시", "오전 열 시부터 오후 두 시까지"),
    ("2025년 3월~2026년 2월", "이천이십오 년 삼월부터 이천이십육 년 이월까지"),
    ("3~5시간", "세 시간에서 다섯 시간"),
    ("4~5일간", "사오 일간"),
    ("서울~부산", "서울에서 부산"),
    ("안녕하세요~", "안녕하세요"),
    # currency symbols and amounts
    ("$199로", "백구십구 달러로"),
    ("$1.5B", "십오억 달러"),
    ("$2.3bn", "이십삼억 달러"),
    ("US$3.5 million", "삼백오십만 달러"),
    ("$10K", "만 달러"),
    ("₩5,000", "오천 원"),
    ("€300만", "삼백만 유로"),
    ("¥1,000", "천 엔"),
    ("£20", "이십 파운드"),
    # units after numbers
    ("30km", "삼십 킬로미터"),
    ("100km/h", "시속 백 킬로미터"),
    ("키 180cm", "키 백팔십 센티미터"),
    ("5kg", "오 킬로그램"),
    ("16GB", "십육 기가바이트"),
    ("3.5GHz", "삼 점 오 기가헤르츠"),
    ("30℃", "삼십 도"),
    ("10㎞", "십 킬로미터"),
    # phone numbers and fractions
    ("010-1234-5678", "공일공, 일이삼사, 오육칠팔"),
    ("1/3", "삼분의 일"),
    # acronyms, glued to Hangul or not
    ("AI시대", "에이아이시대"),
    ("SNS형 서비스", "에스엔에스형 서비스"),
    ("A씨는", "에이씨는"),
    ("CEO들", "씨이오들"),
    ("GPU보다", "지피유보다"),
    ("KBS와 MBC", "케이비에스와 엠비씨"),
    ("5G 네트워크", "파이브지 네트워크"),
    ("COVID-19", "코비드 십구"),
    ("A4 용지", "에이포 용지"),
    ("Q3 실적", "큐쓰리 실적"),
    ("H100 GPU", "에이치백 지피유"),
    ("GPT-4.5", "지피티 포 점 오"),
    # built-in lexicon, any case, whole Latin words only
    ("오픈AI의", "오픈에이아이의"),
    ("ChatGPT로", "챗지피티로"),
    ("Google과 Microsoft", "구글과 마이크로소프트"),
    ("NVIDIA", "엔비디아"),
    ("Apple, Meta", "애플, 메타"),
    ("YouTube에서", "유튜브에서"),
    ("iPhone 16", "아이폰 십육"),
    ("CPU와 API", "씨피유와 에이피아이"),
    ("GPT-4o", "지피티 포오"),
    ("3D 프린터", "쓰리디 프린터"),
    ("K-pop", "케이팝"),
    ("R&D", "알앤디"),
    ("(주)삼성", "주식회사 삼성"),
    ("5·18 민주화운동", "오일팔 민주화운동"),
    ("3.1절", "삼일절"),
    # URLs, e-mail, emoji
    ("자세한 내용은 https://example.com/a?b=1 참고", "자세한 내용은 이그잼플 닷컴 참고"),
    ("자세한 내용은 www.example.com에서", "자세한 내용은 이그잼플 닷컴에서"),
    ("문의 help@example.com", "문의 헬프 골뱅이 이그잼플 닷컴"),
    ("보도 (news.example.kr/a) 참고", "보도, 이그잼플 닷 케이알, 참고"),
    ("좋아요 😀👍", "좋아요"),
    ("기사[1]에 따르면", "기사에 따르면"),
    # symbols become pauses or words
    ("투자액(19.9%)로", "투자액, 십구 점 구 퍼센트로"),
    ("[속보] 대통령", "속보, 대통령"),
    ("정치·경제·사회", "정치, 경제, 사회"),
    ("한·미 정상회담", "한미 정상회담"),
    ("이는... 다시", "이는, 다시"),
    ("보내시기를...", "보내시기를."),
    ("이는… 다시", "이는, 다시"),
    ("Tom & Jerry", "톰 앤드 제리"),
    ("AI/ML", "에이아이, 엠엘"),
    ("1+1 행사", "원 플러스 원 행사"),
    ("#해시태그", "해시태그"),
    ("서울 - 부산", "서울, 부산"),
    ("'글로벌 동향' 보고서", "'글로벌 동향' 보고서"),
    ("１２３", "백이십삼"),
]


@pytest.mark.parametrize("written, spoken", TABLE)
def test_table(written, spoken):
    assert normalize(written) == spoken


def test_table_is_large():
    assert len(TABLE) >= 80


def test_text_without_anything_to_change_is_kept():
    text = "안녕하세요 겨울방주입니다. 오늘도 소식을 전합니다."
    assert normalize(text) == text


def test_user_lexicon_wins_over_builtin():
    assert normalize("AI 뉴스", {"AI": "인공지능"}) == "인공지능 뉴스"
    assert normalize("OpenAI", {"OpenAI": "오픈 에이 아이"}) == "오픈 에이 아이"
    assert normalize("별빛서재의 3개", {"별빛서재": "별빛 서재"}) == "별빛 서재의 세 개"


def test_user_lexicon_matches_whole_latin_words_only():
    assert normalize("MAIN과 AI", {"AI": "인공지능"}) == "엠에이아이엔과 인공지능"


def test_user_lexicon_can_override_numbers():
    assert normalize("2025 행사", {"2025": "투에니투에니파이브"}) == "투에니투에니파이브 행사"


def _spoken_lines(sample_post) -> list[str]:
    lines = [line for line in sample_post.path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    # The numbered source list (title line, then URL line) is never read aloud.
    first_source = next(i for i, line in enumerate(lines) if re.match(r"\d+\.\s", line))
    return lines[:first_source]


def test_sample_post_has_nothing_left_to_misread(sample_post):
    for line in _spoken_lines(sample_post):
        spoken = normalize(line)
        assert not re.search(r"[0-9%∼~]", spoken), (line, spoken)
        assert not re.search(r"[A-Z]{2,}", spoken), (line, spoken)
        assert not re.search(r"https?://|www\.", spoken), (line, spoken)
        assert spoken.strip()


def test_sample_post_keeps_the_readings_of_its_figures(sample_post):
    spoken = " ".join(normalize(line) for line in _spoken_lines(sample_post))
    for reading in sample_post.readings:
        assert reading in spoken


def test_changed_spans_line_up():
    written, spoken = changed_spans("AI기본권 3개", normalize("AI기본권 3개"))
    assert "".join(t for t, _ in written) == "AI기본권 3개"
    assert "".join(t for t, _ in spoken) == "에이아이기본권 세 개"
    assert [t for t, c in written if c] == ["AI", "3"]
    assert [t for t, c in spoken if c] == ["에이아이", "세 "]


def test_unread_words_lists_latin_left_over():
    kept = {"Tom": "Tom", "Jerry": "Jerry"}
    assert unread_words(normalize("Tom & Jerry는 AI와 Python을 쓴다. Tom도.", kept)) == ["Tom", "Jerry"]
    assert unread_words(normalize("OpenAI의 GPU 3개")) == []


def test_demo_scripts_are_speakable():
    """Every spoken Korean cue of every demo post: no digits, %, tildes, acronyms or URLs
    left; an English cue (read by an English voice, which reads digits) has no %, $ or URL."""
    from podcaster.text.read import read_post
    from podcaster.text.script import ScriptSettings, build_script
    from podcaster.text.segment import segment_post

    demo = DEMO / "posts"
    leftovers = re.compile(r"[0-9%∼~]|\b[A-Z]{2,}\b|https?://|www\.")
    for file in sorted(demo.iterdir()):
        post = read_post(file)
        for cue in build_script(post, segment_post(post), ScriptSettings(lexicon={})):
            if cue.is_sound:
                continue
            if cue.language == "ko":
                assert not leftovers.search(cue.spoken), (file.name, cue.spoken)
            else:
                assert not re.search(r"[%$]|https?://|www\.", cue.spoken), (file.name, cue.spoken)


@pytest.mark.parametrize("written, spoken, left, right", [
    ("3개", "세 개", [("3", True), ("개", False)], [("세 ", True), ("개", False)]),
    # one unchanged character between two changes joins them; two do not
    ("a-b", "X-Y", [("a-b", True)], [("X-Y", True)]),
    ("ab-cd", "XY-ZW", [("ab-cd", True)], [("XY-ZW", True)]),
    ("a--b", "X--Y", [("a", True), ("--", False), ("b", True)],
     [("X", True), ("--", False), ("Y", True)]),
    # at either end, an unchanged character stays apart
    ("-a-", "-X-", [("-", False), ("a", True), ("-", False)],
     [("-", False), ("X", True), ("-", False)]),
    ("xa-b", "xX-Y", [("x", False), ("a-b", True)], [("x", False), ("X-Y", True)]),
    ("abc", "abc", [("abc", False)], [("abc", False)]),
    ("a", "X", [("a", True)], [("X", True)]),
])
def test_changed_spans_rules(written, spoken, left, right):
    assert changed_spans(written, spoken) == (left, right)
