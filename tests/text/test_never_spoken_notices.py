"""Lines pasted with a news article or a blog post that are never the post's words: a
hashtag line, a copyright or reprint notice, a photo credit, a related-articles pointer. The
guard refuses them (exit 3) instead of reading them aloud as the sign-off or a quote."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podcaster.text.spoken import NEVER_SPOKEN
from tests.helpers import invoke_cli


def kind(text: str) -> str | None:
    return next((k.looks_like for k in NEVER_SPOKEN if k.found(text)), None)


@pytest.mark.parametrize(("line", "looks_like"), [
    ("#AI #반도체 #뉴스", "a line of hashtags"),
    ("#인공지능", "a line of hashtags"),
    ("© 2026 박 기자. All rights reserved.", "a copyright or reprint notice"),
    ("Copyright ⓒ 연합뉴스 무단 전재 및 재배포 금지", "a copyright or reprint notice"),
    ("<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>", "a copyright or reprint notice"),
    ("무단전재 및 재배포금지", "a copyright or reprint notice"),
    ("사진=연합뉴스", "a photo credit"),
    ("[사진 제공=한빛전자]", "a photo credit"),
    ("(그래픽=김하늘 기자)", "a photo credit"),
    ("▶ 관련기사 더 보기", "a related-articles pointer"),
    ("☞ 기사 원문 바로가기", "a related-articles pointer"),
])  # fmt: skip
def test_pasted_notices_are_never_spoken(line, looks_like):
    assert kind(line) == looks_like


@pytest.mark.parametrize("line", [
    "기사를 무단 전재한 업체가 적발됐다.",
    "사진을 찍어 보내 주신 분께 감사드립니다.",
    "이 회사는 #1 자리를 지켰다고 밝혔다.",
    "저작권 문제는 앞으로 더 커질 것 같습니다.",
    "▶ 오늘은 두 가지 소식을 준비했습니다.",
    "C언어와 C# 이야기는 다음에 하겠습니다.",
])  # fmt: skip
def test_sentences_about_such_things_are_spoken(line):
    assert kind(line) is None


@given(st.text(alphabet="가나다라마바사 .,", min_size=1, max_size=80))
def test_plain_korean_is_never_taken_for_a_notice(text):
    assert kind(text) not in {"a line of hashtags", "a copyright or reprint notice",
                              "a photo credit", "a related-articles pointer"}


def test_a_post_with_a_reprint_notice_fails_naming_the_line(tmp_path):
    post = tmp_path / "2026-11-27-notice.txt"
    post.write_text(
        "알림 테스트\n\n안녕하세요, 박 기자입니다.\n\n“한 회사가 새 AI 비서를 냈다. 비서는 일정을 "
        "정리해 준다.”\n\n좋은 소식이네요.\n\n이상입니다.\n\n"
        "Copyright ⓒ 연합뉴스 무단 전재 및 재배포 금지\n\n"
        "1. 새 AI 비서 출시 -연합뉴스-\nhttps://www.yna.co.kr/view/1\n", encoding="utf-8")
    result = invoke_cli("script", str(post))
    assert result.exit_code == 3
    assert "line 11 looks like a copyright or reprint notice" in result.stderr
