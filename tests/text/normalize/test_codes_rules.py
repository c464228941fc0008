"""Numbers that are names, versions, long numbers and scores, both sides of each rule:
phone, account, bus and flight numbers read digit by digit (and amounts left alone), a
version's 버전 said once however far the written 버전 stands, a long number with its commas
and decimals, a currency code glued to Korean still a code, and scores only in a sentence
about a game."""

import pytest

from podcaster.text.normalize.codes import (
    read_codes,
    read_long_numbers,
    read_scores,
    read_versions,
)
from podcaster.text.normalize.particles import MARK


@pytest.mark.parametrize(
    "written,said",
    [
        ("010-1234-5678", "공일공, 일이삼사, 오육칠팔"),
        ("1577-0000", "일오칠칠, 공공공공"),
        ("+82-02-123-4567", "팔이, 공이, 일이삼, 사오육칠"),
        ("900101-1234567", "구공공일공일, 일이삼사오육칠"),
        ("12345-1명", "12345-1명"),  # a count, not a code
        ("2020-2024", "2020-2024"),  # a range
        ("계좌번호 110-123-456789", "계좌번호 일일공, 일이삼, 사오육칠팔구"),
        ("계좌번호: 110-123-456789", "계좌번호: 일일공, 일이삼, 사오육칠팔구"),
        ("비밀번호 1234", "비밀번호 일이삼사"),
        ("내 비밀번호 1234", "내 비밀번호 일이삼사"),
        ("7016번 버스", "칠공일육" + MARK + "번 버스"),
        ("7016번 출발", "7016번 출발"),
        ("3-1번 출구", "삼 다시 일번 출구"),
        ("12-3번지", "십이 다시 삼번지"),
        ("KE017편", "KE 공일칠편"),
        ("항공편 OZ 202", "항공편 OZ 이공이"),
        ("OZ 202", "OZ 202"),
        # a short service number only in a sentence about calling it
        ("119에 신고했다", "일일구" + MARK + "에 신고했다"),
        ("1330 전화", "일삼삼공 전화"),
        ("119에 갔다", "119에 갔다"),
        ("112", "112"),
    ],
)
def test_numbers_that_are_names(written, said):
    assert read_codes(written) == said


@pytest.mark.parametrize(
    "written,said",
    [
        ("3대 2로 이겼다", "3 대 2로 이겼다"),
        ("4-1로 이겼다", "4 대 1로 이겼다"),
        ("2:0 승리", "2 대 0 승리"),
        ("비율은 3:1이다", "비율은 3:1이다"),
        ("3대 2로 샀다", "3대 2로 샀다"),
    ],
)
def test_a_result_is_a_score_only_in_a_sentence_about_a_game(written, said):
    assert read_scores(written) == said


@pytest.mark.parametrize(
    "written,said",
    [
        ("123,456,789,012,345,678,901,234.5", "일이삼사오육칠팔구공일이삼사오육칠팔구공일이삼사 점 오"),
        ("123456789012345678901234.25", "일이삼사오육칠팔구공일이삼사오육칠팔구공일이삼사 점 이오"),
        ("123456789012345678901", "일이삼사오육칠팔구공일이삼사오육칠팔구공일"),
        ("12345678901234567890", "12345678901234567890"),  # 20 digits: left to the other steps
        ("1,234.5", "1,234.5"),
    ],
)
def test_long_numbers(written, said):
    assert read_long_numbers(written) == said


@pytest.mark.parametrize(
    "written,said",
    [
        ("v2.1.0", "버전 이 점 일 점 영"),
        ("2.1.0", "이 점 일 점 영"),
        ("버전 v2.1.0", "버전 이 점 일 점 영"),
        ("버전v2.1.0", "버전이 점 일 점 영"),
        ("버전   v2.1.0", "버전   이 점 일 점 영"),
        ("v2.1.0 버전", "이 점 일 점 영 버전"),
        ("v2.1.0   버전", "이 점 일 점 영   버전"),
        ("새 버전은 v2.1", "새 버전은 버전 이 점 일"),
        ("v2.1 출시", "버전 이 점 일 출시"),
        ("Gemini 2.0", "Gemini 이 점 영"),
        # a currency code before a decimal makes it an amount, glued to Korean or not
        ("EUR 1.50", "EUR 1.50"),
        ("총EUR 1.50", "총EUR 1.50"),
        ("가격eur 1.50", "가격eur 1.50"),
        ("총ABC 1.50", "총ABC 일 점 오십"),
    ],
)
def test_versions(written, said):
    assert read_versions(written) == said
