"""Saved pages and source lines an author really writes: a labelled source naming an outlet
the table does not know, and a platform's title element inside the post's element."""

from __future__ import annotations

from pathlib import Path

import pytest

from podcaster.model import Source
from podcaster.text.read import read_post
from podcaster.text.readers.sources import find_source_list


@pytest.mark.parametrize(("line", "outlet"), [
    ("출처: 농민신문 (https://www.nongmin.com/article/1)", "농민신문"),
    ("출처: 한빛일보 https://hanbit.example/2", "한빛일보"),
    ("출처 : 새벽방송 (https://dawn.example/3)", "새벽방송"),
])  # fmt: skip
def test_a_labelled_source_naming_an_unknown_outlet_has_that_outlet(line, outlet):
    url = line.split()[-1].strip("()")
    _, _, sources = find_source_list(["본문입니다.", "", line])
    host = url.split("/")[2].removeprefix("www.")
    assert sources == [Source(1, host, outlet, url)]


def test_a_labelled_headline_stays_a_title():
    line = "출처: 도서관이 AI 사서를 들였다 (https://news.example.com/1)"
    _, _, sources = find_source_list(["본문입니다.", "", line])
    assert (sources[0].title, sources[0].outlet) == ("도서관이 AI 사서를 들였다", None)


NAVER_TITLE_INSIDE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>논 위의 드론 : 네이버 블로그</title></head><body>
<div class="se-main-container">
<div class="se-component se-documentTitle"><div class="se-title-text"><span>논 위의 드론</span></div></div>
<div class="se-component se-text"><p class="se-text-paragraph">안녕하세요, 들판 소식의 민수입니다. 오늘은 한 가지입니다.</p></div>
<div class="se-component se-quotation"><blockquote class="se-quotation-container">
<p class="se-text-paragraph">한 농협이 드론으로 벼 방제를 마쳤다. 작업 시간이 크게 줄었다.</p></blockquote></div>
<div class="se-component se-text"><p class="se-text-paragraph">농사도 빨라지네요.</p>
<p class="se-text-paragraph">이상 민수였습니다.</p>
<p class="se-text-paragraph">1. 농협, 드론으로 벼 방제 -들판일보-</p>
<p class="se-text-paragraph">https://field.example/1</p></div>
</div></body></html>
"""


def test_the_title_element_inside_the_post_is_not_read_again(tmp_path: Path):
    path = tmp_path / "2025-06-01-drone.html"
    path.write_text(NAVER_TITLE_INSIDE, encoding="utf-8")
    post = read_post(path)
    assert post.title == "논 위의 드론"
    texts = [block.text for block in post.blocks]
    assert texts[0] == "안녕하세요, 들판 소식의 민수입니다. 오늘은 한 가지입니다."
    assert "논 위의 드론" not in texts
