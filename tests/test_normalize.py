"""The normalisation examples the stage must hold, and the seed post check."""

from pathlib import Path

import pytest

from podcaster.normalize import normalize

SEED = Path(__file__).parents[1].parent / "shared/samples/seed-post.txt"


@pytest.mark.parametrize(
    "written, spoken",
    [
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
    ],
)
def test_issue_examples(written, spoken):
    assert normalize(written) == spoken


def test_user_lexicon_wins_over_builtin():
    assert normalize("AI 뉴스", {"AI": "인공지능"}) == "인공지능 뉴스"
    assert normalize("OpenAI", {"OpenAI": "오픈 에이 아이"}) == "오픈 에이 아이"
