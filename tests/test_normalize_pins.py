"""Exact readings of the normalisation, one written form per row, for the cases where a
plausible wrong reading is one character away: which counter, which particle, which unit,
which side of a range. The sentences are written for these tests."""

import pytest

from podcaster.text.normalize import normalize
from podcaster.text.normalize.patterns import alternation, only_if


def test_alternation_puts_the_longest_item_first_and_escapes_each():
    assert alternation(["b", "ab", "a", "abc", "ab"]) == "abc|ab|a|b"
    assert alternation(["m²", "m", "km/h"]) == r"km/h|m²|m"
    assert alternation(["a.b", "$"]) == r"a\.b|\$"


def test_only_if_runs_a_step_only_when_its_pattern_occurs():
    def shout(text: str) -> str:
        """Upper case."""
        return text.upper()

    guarded = only_if(r"\d")(shout)
    assert guarded("room 7") == "ROOM 7"
    assert guarded("room seven") == "room seven"
    assert guarded.__name__ == "shout" and guarded.__doc__ == "Upper case."


# Arrows: a change between figures, or in a sentence about a change; else a pause.
# Table marks: ▲ a rise, ▼ ▽ a fall, △ a negative amount; a verb after them says it already.
SIGNS = [
    ("요금은 10달러 -> 12달러로 올랐다.", "요금은 십 달러에서 십이 달러로 올랐다."),
    ("등급이 B => A로 상향됐다.", "등급이 비에서 에이로 상향됐다."),
    ("목표는 3% ⇒ 5%.", "목표는 삼 퍼센트에서 오 퍼센트로."),
    ("단계는 1 → 2 → 3이다.", "단계는 일에서 이로, 다시 삼이다."),
    ("요금은 3만 원 → 4만 원이었다.", "요금은 삼만 원에서 사만 원이었다."),
    ("경로는 집 → 회사 → 카페였다.", "경로는 집, 회사, 카페였다."),
    ("가격 1,000원 → 2,000원", "가격 천 원에서 이천 원으로"),
    ("본사를 서울 → 부산으로 이전했다.", "본사를 서울에서 부산으로 이전했다."),
    ("부산에서 → 서울로 바뀌었다.", "부산에서 서울로 바뀌었다."),
    ("점수는 80점 → 90점까지 올랐다.", "점수는 팔십 점에서 구십 점까지 올랐다."),
    ("순위는 5위 → 2위!", "순위는 오 위에서 이 위로!"),
    ("값은 5→7로 바뀌었다.", "값은 오에서 칠로 바뀌었다."),
    ("값이 3 → !", "값이 삼!"),
    ("온도 → 높음", "온도, 높음"),
    ("▲3.5%p 상승했다.", "삼 점 오 퍼센트포인트 상승했다."),
    ("▼2,000원", "이천 원 하락"),
    ("▼0.3%p", "영 점 삼 퍼센트포인트 하락"),
    ("▽1.5% 떨어졌다.", "일 점 오 퍼센트 떨어졌다."),
    ("△2.1% 감소했다.", "마이너스 이 점 일 퍼센트 감소했다."),
    ("▲ 40명 늘었다.", "사십 명 늘었다."),
    ("수출 ▲12.3% 증가", "수출 십이 점 삼 퍼센트 증가"),
]


@pytest.mark.parametrize("written, spoken", SIGNS)
def test_arrows_and_table_marks(written, spoken):
    assert normalize(written) == spoken
