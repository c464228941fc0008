"""Readings a review of news sentences found wrong, one table per class of written form:
money decimals, rate words, K/M/B/T and versions, particles after brackets, addresses,
names said as words, model numbers, time-zone notes, English sentences and very long
numbers. Every expected reading is also read by eSpeak NG, which must stay Korean.

The sentences are written for these tests.
"""

import logging
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podcaster.text.normalize import english_sentences, normalize
from tests.helpers import assert_read_in_korean

TABLE = [
    # 1. decimals: digit by digit after the point, inner zeros as 영, trailing zeros unsaid
    ("종가는 $318.40로 올랐다.", "종가는 삼백십팔 점 사 달러로 올랐다."),
    ("입장료는 $12.50이다.", "입장료는 십이 점 오 달러다."),
    ("환율은 1,385.20원에 마감했다.", "환율은 천삼백팔십오 점 이 원에 마감했다."),
    ("금리는 연 4.50%로 묶였다.", "금리는 연 사 점 오 퍼센트로 묶였다."),
    ("수익률은 3.05%를 기록했다.", "수익률은 삼 점 영오 퍼센트를 기록했다."),
    ("농도는 0.070ppm이다.", "농도는 영 점 영칠 피피엠이다."),
    ("무게는 2.0kg으로 줄었다.", "무게는 이 킬로그램으로 줄었다."),
    ("오차는 0.005초다.", "오차는 영 점 영영오 초다."),
    ("Gemini 3.0이 나왔다.", "제미나이 삼 점 영이 나왔다."),
    ("유로화는 EUR 1.10에 거래됐다.", "유로화는 일 점 일 유로에 거래됐다."),
    ("iPhone Pro 6.30인치 화면", "아이폰 프로 육 점 삼 인치 화면"),
    # 2. one rate word; every unit of the rate convention
    ("이 열차는 최고 시속 320km/h로 달린다.", "이 열차는 최고 시속 삼백이십 킬로미터로 달린다."),
    ("바람은 초속 25m/s로 불었다.", "바람은 초속 이십오 미터로 불었다."),
    ("이 차는 시속 60mph로 달린다.", "이 차는 시속 육십 마일로 달린다."),
    ("셀 밀도는 280Wh/kg에 이른다.", "셀 밀도는 킬로그램당 이백팔십 와트시에 이른다."),
    ("팩 밀도는 0.2kWh/kg 수준이다.", "팩 밀도는 킬로그램당 영 점 이 킬로와트시 수준이다."),
    ("출력 밀도는 5kW/kg이다.", "출력 밀도는 킬로그램당 오 킬로와트다."),
    ("대역폭은 8TB/s에 이른다.", "대역폭은 초당 팔 테라바이트에 이른다."),
    ("생성 속도는 초당 120 tokens/s다.", "생성 속도는 초당 백이십 토큰이다."),
    ("처리 속도는 90 tokens/s로 빨라졌다.", "처리 속도는 초당 구십 토큰으로 빨라졌다."),
    ("용량은 5000mAh/g이다.", "용량은 그램당 오천 밀리암페어시다."),
    # 3. K, M, B, T glued to a number; versions part by part
    ("이 모델은 2M 토큰을 읽는다.", "이 모델은 이백만 토큰을 읽는다."),
    ("문맥 창은 128K 토큰이다.", "문맥 창은 십이만 팔천 토큰이다."),
    ("매개변수는 70B에 이른다.", "매개변수는 칠백억에 이른다."),
    ("시가총액은 $3T를 넘었다.", "시가총액은 삼조 달러를 넘었다."),
    ("구독자가 500K를 넘었다.", "구독자가 오십만을 넘었다."),
    ("조회수는 1.2M을 기록했다.", "조회수는 백이십만을 기록했다."),
    ("8B 모델과 1.5B 모델을 비교했다.", "팔 비 모델과 일 점 오 비 모델을 비교했다."),
    ("3M은 미국 기업이고 3M 토큰은 많다.", "쓰리엠은 미국 기업이고 삼백만 토큰은 많다."),
    ("최신판은 v3.2.1이다.", "최신판은 버전 삼 점 이 점 일이다."),
    ("v0.9.0 버전을 내려받았다.", "영 점 구 점 영 버전을 내려받았다."),
    ("Node 20.10.0으로 올렸다.", "노드 이십 점 십 점 영으로 올렸다."),
    ("iOS 18.2.1 업데이트가 나왔다.", "아이오에스 십팔 점 이 점 일 업데이트가 나왔다."),
    # 4. the particle after brackets fits what the brackets said
    ("이 칩은 AI 연산(40 TOPS)을 지원한다.", "이 칩은 에이아이 연산, 사십 톱스를 지원한다."),
    ("성능(2배)이 좋아졌다.", "성능, 두 배가 좋아졌다."),
    ("용량(128GB)은 충분하다.", "용량, 백이십팔 기가바이트는 충분하다."),
    ("신제품(Galaxy)을 공개했다.", "신제품을 공개했다."),
    # 5. addresses read in their short spoken form, never dropped
    ("공지는 openai.com/news에 올라왔다.", "공지는 오픈에이아이 닷컴에 올라왔다."),
    ("kakao.com과 naver.com은 접속이 된다.", "카카오 닷컴과 네이버 닷컴은 접속이 된다."),
    ("google.com", "구글 닷컴"),
    ("문의는 help@toss.im으로 하면 된다.", "문의는 헬프 골뱅이 토스 닷 아이엠으로 하면 된다."),
    ("제보: news@kbs.co.kr", "제보, 뉴스 골뱅이 케이비에스 닷 씨오 닷 케이알"),
    ("github.com이 멈췄다.", "깃허브 닷컴이 멈췄다."),
    ("daum.net과 https://www.naver.com/sports를 비교했다.", "다음 닷 넷과 네이버 닷컴을 비교했다."),
    # 6. names said as words; dotted and slashed letters; mobile generations
    ("RAM은 16GB이고 ROM은 512GB다.", "램은 십육 기가바이트고 롬은 오백십이 기가바이트다."),
    ("Redmi 신제품이 나왔다.", "레드미 신제품이 나왔다."),
    ("IEEE 표준이 바뀌었다.", "아이트리플이 표준이 바뀌었다."),
    ("DALL·E로 그림을 그렸다.", "달리로 그림을 그렸다."),
    ("I/O 성능이 좋아졌다.", "아이오 성능이 좋아졌다."),
    ("re:Invent에서 발표했다.", "리인벤트에서 발표했다."),
    ("4G와 LTE, 5G, 6G를 모두 지원한다.", "포지와 엘티이, 파이브지, 식스지를 모두 지원한다."),
    ("A.I.가 일자리를 바꾼다.", "에이아이가 일자리를 바꾼다."),
    ("U.S. 정부가 규제했다.", "유에스 정부가 규제했다."),
    ("LAN 케이블을 꽂았다.", "랜 케이블을 꽂았다."),
    ("NASA와 SpaceX가 협력한다.", "나사와 스페이스엑스가 협력한다."),
    ("SaaS와 SQL, GUI를 배운다.", "사스와 에스큐엘, 지유아이를 배운다."),
    ("A/B 테스트를 했다.", "에이비 테스트를 했다."),
    ("이번 기술은 A.I.", "이번 기술은 에이아이."),
    # 7. graphics card numbers digit by digit, spaced or glued; years and short numbers not
    ("RTX 4090과 RTX4090은 같은 칩이다.", "알티엑스 사공구공과 알티엑스 사공구공은 같은 칩이다."),
    ("GTX 1060 Ti와 GTX1660을 비교했다.", "지티엑스 일공육공 티아이와 지티엑스 일육육공을 비교했다."),
    ("RX 7800 XT를 샀다.", "알엑스 칠팔공공 엑스티를 샀다."),
    ("GTX 970으로 충분하다.", "지티엑스 구칠공으로 충분하다."),
    ("CES 2026에서 공개됐다.", "씨이에스 이천이십육에서 공개됐다."),
    ("갤럭시 S24와 iOS 17을 비교했다.", "갤럭시 에스이십사와 아이오에스 십칠을 비교했다."),
    ("H100과 B200을 샀다.", "에이치백과 비이백을 샀다."),
    # 8. a time-zone note is said before its date or time
    ("3일(현지시간) 발표했다.", "현지시간 삼 일 발표했다."),
    ("지난 10일(현지시각) 공개했다.", "현지시각 지난 십 일 공개했다."),
    ("오전 10시(한국시간)에 시작한다.", "한국시간 오전 열 시에 시작한다."),
    ("12일 오후 3시(미 동부시간) 열린다.", "미 동부시간 십이 일 오후 세 시 열린다."),
    ("8월 5일(현지 시간) 출시됐다.", "현지 시간 팔월 오 일 출시됐다."),
    # 10. numbers beyond the big units: digit by digit with 공, or by their length
    ("숫자 1234567890123456789012345를 보라.", "숫자 일이삼사오육칠팔구공일이삼사오육칠팔구공일이삼사오를 보라."),
    ("값은 100000000000000000000이다.", "값은 일공공공공공공공공공공공공공공공공공공공공이다."),
    ("값은 " + "7" * 300 + "이다.", "값은 삼백 자리 숫자다."),
]  # fmt: skip


@pytest.mark.parametrize("written, spoken", TABLE)
def test_reading(written, spoken):
    assert normalize(written) == spoken


def test_table_is_large():
    assert len(TABLE) >= 60


def test_espeak_reads_every_sentence_in_korean():
    assert_read_in_korean([normalize(written) for written, _ in TABLE])


# 9. English sentences: read word by word they make no sense, so the author is told.
@pytest.mark.parametrize(
    "written, found",
    [
        ('그는 "Anthropic released a new model today"라고 썼다.',
         ["Anthropic released a new model today"]),
        ("발표 제목은 We are just getting started였다.", ["We are just getting started"]),
        ("Stable Diffusion XL Turbo와 Claude 3.5 Sonnet을 썼다.", []),
        ("Google DeepMind Gemini Pro 모델", []),
        ("이건 a new model 이다.", []),
    ],
)  # fmt: skip
def test_english_sentences_are_found(written, found):
    assert english_sentences(written) == found


def test_english_sentence_is_logged_and_a_lexicon_entry_silences_it(caplog):
    text = "제목은 Build the future with us였다."
    with caplog.at_level(logging.WARNING, logger="podcaster.text.normalize"):
        spoken = normalize(text)
    assert "Build the future with us" in caplog.text and "[pronunciation]" in caplog.text
    assert not re.search("[A-Za-z]", spoken)
    caplog.clear()
    lexicon = {"Build the future with us": "우리와 함께 미래를 만들자"}
    with caplog.at_level(logging.WARNING, logger="podcaster.text.normalize"):
        assert normalize(text, lexicon) == "제목은 우리와 함께 미래를 만들자였다."
    assert caplog.text == ""
    assert english_sentences(text, lexicon) == []


# 10. no number is too long to read
_CONTEXTS = st.sampled_from(
    ["{}", "값은 {}이다.", "${}", "{}%", "{}원", "{}.5", "0.{}", "{}/3", "v{}.1", "RTX {}",
     "{}K 토큰", "{}-{}", "{},000", "{}km/h", "1/{}", "{}일(현지시간)", "제{}차", "{}:30"]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(context=_CONTEXTS, digits=st.text("0123456789", min_size=15, max_size=5000))
def test_long_digit_strings_never_crash_or_reach_the_engine(context, digits):
    spoken = normalize(context.format(digits, digits))
    assert not re.search("[0-9]", spoken)


def test_a_five_thousand_digit_number_is_read_by_its_length():
    assert normalize("1" + "0" * 4999) == "오천 자리 숫자"
    assert normalize("9" * 40) == "구" * 40
    assert normalize("1" + "0" * 40) == "사십일 자리 숫자"
