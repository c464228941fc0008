"""A model's size (72B) against a count of billions, both sides: an active-parameter size
(A22B) and a size word after it (급, 짜리) make it a size; a currency code before it, in any
case, a count; a size nothing decides is read as billions with a warning naming it."""

import logging

import pytest

from podcaster.text.normalize.particles import MARK
from podcaster.text.normalize.shorthand import read_model_sizes


@pytest.mark.parametrize(
    "written,said",
    [
        ("A22B로 돈다", "에이 이십이 비" + MARK + "로 돈다"),
        ("70B급 성능이다", "칠십 비" + MARK + "급 성능이다"),
        ("70B짜리다", "칠십 비" + MARK + "짜리다"),
        ("Qwen 72B", "Qwen 칠십이 비"),
        ("라마 70B", "라마 칠십 비"),
        ("USD 70B를 투자했다", "USD 70B를 투자했다"),
        ("usd 70B를 투자했다", "usd 70B를 투자했다"),
        ("70B 토큰", "70B 토큰"),
    ],
)
def test_a_size_or_a_count(written, said):
    assert read_model_sizes(written) == said


def test_an_undecided_size_is_named_in_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        assert read_model_sizes("70B를 넘었다") == "70B를 넘었다"
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert said == ["70B: a model's size or billions; read as billions"]


def test_a_count_gives_no_warning(caplog):
    with caplog.at_level(logging.WARNING):
        read_model_sizes("70B 토큰을 읽었다")
    assert "read as billions" not in caplog.text
