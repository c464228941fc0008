"""Abbreviations, both sides of each rule: Latin abbreviations in any case, a colon inside a
name, and a lone v. read 대 only between spaces on both sides."""

import pytest

from podcaster.text.normalize.acronyms import read_abbreviations, read_stopped_abbreviations


@pytest.mark.parametrize(
    "written,said",
    [
        ("e.g. 사과", "예를 들어 사과"),
        ("E.G. 사과", "예를 들어 사과"),
        ("i.e. 사과", "즉 사과"),
        ("오늘 A.M. 9시", "오늘 오전 9시"),
        ("A.I. 모델", "AI 모델"),
        ("u.s. 시장", "US 시장"),
        ("re:Invent 행사", "reInvent 행사"),
        ("Re:Invent 행사", "Re:Invent 행사"),
        ("I/O 행사", "IO 행사"),
    ],
)
def test_dotted_and_joined_forms(written, said):
    assert read_abbreviations(written) == said


@pytest.mark.parametrize(
    "written,said",
    [
        ("삼성 v. 애플", "삼성 대 애플"),
        ("삼성 vs. 애플", "삼성 대 애플"),
        # v. alone is 대 only between spaces
        ("삼성 v.", "삼성 v."),
        ("삼성(v. 애플)", "삼성(v. 애플)"),
        ("삼성 v.애플", "삼성 v.애플"),
        ("태블릿 etc.", "태블릿 등."),
        ("태블릿 etc. 모두", "태블릿 등 모두"),
    ],
)
def test_stopped_abbreviations(written, said):
    assert read_stopped_abbreviations(written).replace("\ue000", "") == said
