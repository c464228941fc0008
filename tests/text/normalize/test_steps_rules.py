"""The rules of the normalisation steps in ``steps.py`` from both sides: each alternative of a
pattern, each branch of a step, the input a rule reads and the one beside it that it leaves."""

from __future__ import annotations

import pytest

from podcaster.text.normalize import normalize, steps

# --- model names and series numbers ----------------------------------------------------------


@pytest.mark.parametrize(("written", "spoken"), [
    # a graphics card series: the number digit by digit, spaced or glued
    ("RTX 5090을 샀다", "알티엑스 오공구공을 샀다"),
    ("GTX970 카드", "지티엑스 구칠공 카드"),
    # any four-digit number between a name and a model suffix is a series number too
    ("XYZ 7900 XTX를 샀다", "엑스와이제트 칠구공공 엑스티엑스를 샀다"),
    ("ABC 5800 X3D 칩", "에이비씨 오팔공공 엑스쓰리디 칩"),
    # an event before a year is no series: the year is a number
    ("CES 2025에서", "씨이에스 이천이십오에서"),
])
def test_a_series_number_is_said_digit_by_digit_however_it_is_written(written, spoken):
    assert normalize(written) == spoken


@pytest.mark.parametrize(("written", "spoken"), [
    # the cards of a series named again by their numbers alone: each of them, digit by digit
    ("RTX 4090과 4080이 나왔다. 4080은 비싸다.",
     "알티엑스 사공구공과 사공팔공이 나왔다. 사공팔공은 비싸다."),
    ("RTX 4090과 4080이 나왔다. 4090은 비싸다.",
     "알티엑스 사공구공과 사공팔공이 나왔다. 사공구공은 비싸다."),
    # the same number counting something is a quantity, not the card
    ("RTX 4090이 나왔다. 4090명이 샀다.",
     "알티엑스 사공구공이 나왔다. 사천구십 명이 샀다."),
])
def test_a_series_number_named_again_alone_is_the_card(written, spoken):
    assert normalize(written) == spoken


@pytest.mark.parametrize(("written", "spoken"), [
    ("Qwen2.5 모델", "큐원 투 점 오 모델"),
    # a name ending in X keeps its X before the digit
    ("FLUX-1.1 모델", "에프엘유엑스 원 점 일 모델"),
    ("REX2.5 모델", "알이엑스 투 점 오 모델"),
])
def test_a_name_glued_to_a_digit_and_decimals(written, spoken):
    assert normalize(written) == spoken


def test_a_currency_code_glued_to_an_amount_is_an_amount_not_a_model():
    assert steps.read_model_names("EUR1.5") == "EUR1.5"
    assert normalize("EUR1.5") == "일 점 오 유로"
    assert steps.read_model_names("EUX1.5") == "EUX 원 점 오"


@pytest.mark.parametrize(("written", "spoken"), [
    # letters before a long model number, no suffix: nothing is added after the digits
    ("AB12345", "AB 일이삼사오"),
    ("Z9000 카메라", "Z 구공공공 카메라"),
    # no letters before it: the number starts the text, with no space before it
    ("9950X", "구구오공X"),
    ("9800X3D", "구팔공공엑스쓰리디"),
    # neither letters nor a suffix: a plain number, left to the number steps
    ("12345", "12345"),
])
def test_a_model_number_is_said_digit_by_digit(written, spoken):
    assert steps.read_model_names(written) == spoken


def test_a_model_number_read_out_in_a_sentence():
    assert normalize("AB12345 모델과 9950X") == "에이비 일이삼사오 모델과 구구오공엑스"
