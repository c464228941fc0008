"""Writes the pages corpus: posts saved from blog platforms and source lists in every common
form, and ``truth.json``, what each post must yield (written here, by hand, not by podcaster).

Run ``python tests/pages_corpus/make_pages.py`` after changing a post here; then
``PODCASTER_UPDATE_GOLDENS=1 python -m pytest tests/text/test_pages_corpus.py`` rewrites the
goldens beside each post (review the diff).

Each post is one of the stories below, dressed as a platform dresses it (its post element,
title, furniture) or with its sources written in one form. The stories are the corpus's own.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    blog: str  # the blog's name, never the title
    author: str
    greeting: tuple[str, ...]
    quotes: tuple[tuple[str, ...], ...]  # each article's paragraphs, without quote marks
    commentary: str
    signoff: str
    sources: tuple[tuple[str, str, str], ...]  # (title, outlet, url)


STORIES = [
    Story(
        "rain-sensor", "빗물 센서와 도시 홍수 예보", "구름노트", "빗방울",
        ("안녕하세요, 날씨와 기술 사이를 걷는 구름노트입니다.", "오늘은 도시 홍수 이야기 두 가지를 준비했습니다."),
        (("서울시는 하수관 곳곳에 빗물 수위 센서 삼백 개를 새로 달았다. 수위가 위험선에 닿으면 인근 주민에게 문자가 바로 간다.",
          "시는 내년까지 센서를 두 배로 늘려 지하차도 통제도 자동으로 하겠다고 밝혔다."),
         ("기상청은 구 단위로 쪼갠 초단기 강수 예보를 시범 운영한다. 십 분 간격으로 한 시간 뒤의 비를 예측한다.",)),
        "센서가 문자를 먼저 보내 준다면 반지하에 사는 분들께 큰 도움이 되겠습니다. 예보가 촘촘해지는 만큼 대피 안내도 빨라졌으면 합니다.",
        "이상 구름노트였습니다. 우산 꼭 챙기세요.",
        (("하수관 빗물 센서 300개 설치… 위험 수위 땐 문자", "연합뉴스", "https://www.yna.co.kr/view/AKR20251103000100004"),
         ("기상청, 구 단위 초단기 강수 예보 시범 운영", "SBS 뉴스", "https://news.sbs.co.kr/news/endPage.do?news_id=N1007700001")),
    ),
    Story(
        "library-robot", "도서관에 온 로봇 사서", "책갈피 한 장", "정하람",
        ("안녕하세요, 책 좋아하는 정하람입니다.", "이번 주 도서관 소식을 모아 왔어요."),
        (("국립중앙도서관이 서가 정리 로봇 두 대를 들였다. 로봇은 밤마다 잘못 꽂힌 책을 찾아 제자리로 옮긴다.",),
         ("작은 도서관 열 곳이 무인 대출 기계를 함께 쓰는 공동 운영을 시작했다. 주민들은 밤 열 시까지 책을 빌릴 수 있다.",
          "운영 비용은 구청과 도서관이 절반씩 나눠 낸다.")),
        "밤새 책을 정리하는 로봇이라니 사서 선생님들의 허리가 조금은 편해지겠네요. 늦게까지 책을 빌릴 수 있다는 소식도 반갑습니다.",
        "이상 책갈피 한 장이었습니다. 좋은 책과 함께하는 한 주 되세요.",
        (("국립중앙도서관, 서가 정리 로봇 도입", "한겨레", "https://www.hani.co.kr/arti/culture/book/1221001.html"),
         ("작은 도서관 10곳, 무인 대출기 함께 쓴다", "경향신문", "https://www.khan.co.kr/article/202511030001")),
    ),
    Story(
        "battery-recycle", "폐배터리 재활용 공장 가동", "초록 기록장", "한솔",
        ("안녕하세요, 초록 기록장의 한솔입니다.", "오늘은 배터리 재활용 소식을 전합니다."),
        (("충북의 한 공장이 전기차 폐배터리에서 리튬과 니켈을 뽑아내는 설비를 가동했다. 한 해에 배터리 이만 개를 처리할 수 있다.",),
         ("정부는 재활용 원료를 쓴 배터리에 인증 표시를 붙이는 제도를 내년부터 시행한다.",
          "인증을 받은 제품은 공공 조달에서 가산점을 받는다.")),
        "버려지는 배터리가 다시 원료가 된다는 건 반가운 일입니다. 인증 제도가 실제 구매로 이어질지 지켜보겠습니다.",
        "이상 초록 기록장이었습니다. 고맙습니다.",
        (("폐배터리서 리튬·니켈 회수… 충북 공장 가동", "전자신문", "https://www.etnews.com/20251103000111"),
         ("재활용 원료 배터리 인증제 내년 시행", "ZDNET Korea", "https://zdnet.co.kr/view/?no=20251103101010")),
    ),
    Story(
        "night-bus", "심야 자율주행 버스 달린다", "출근길 라디오", "모래",
        ("안녕하세요, 출근길 라디오의 모래입니다.", "교통 소식 두 꼭지 들려 드릴게요."),
        (("서울 도심에서 심야 자율주행 버스가 정식 운행을 시작했다. 버스는 자정부터 새벽 다섯 시까지 합정과 동대문을 오간다.",
          "요금은 일반 심야버스와 같다."),
         ("경기도는 수요응답형 버스를 열두 개 시군으로 넓힌다. 앱으로 부르면 가까운 정류장으로 버스가 온다.",)),
        "막차를 놓쳐 택시를 잡던 밤이 떠오르네요. 부르면 오는 버스가 동네마다 생기면 좋겠습니다.",
        "이상 출근길 라디오였습니다. 안전한 하루 보내세요.",
        (("심야 자율주행 버스 정식 운행… 합정~동대문", "KBS 뉴스", "https://news.kbs.co.kr/news/pc/view/view.do?ncd=8100001"),
         ("경기 수요응답형 버스 12개 시군으로 확대", "뉴스1", "https://www.news1.kr/local/gyeonggi/5900001")),
    ),
    Story(
        "ocean-heat", "바다가 뜨거워진다", "파란 책상", "윤슬",
        ("안녕하세요, 파란 책상의 윤슬입니다.", "바다 소식을 두 가지 골랐어요."),
        (("올해 여름 한반도 주변 바다의 수온이 관측 이래 가장 높았다. 양식장 피해 신고도 지난해의 두 배를 넘었다.",),
         ("세계 기상 기구는 지구 바다의 열 함량이 해마다 기록을 새로 쓰고 있다고 경고했다.",
          "보고서는 해수면 상승 속도도 빨라지고 있다고 덧붙였다.")),
        "바다가 뜨거워지면 식탁도 달라지겠지요. 숫자로만 듣던 기후 변화가 점점 가까이 느껴집니다.",
        "이상 파란 책상이었습니다. 다음 주에 또 만나요.",
        (("한반도 바다 수온 역대 최고… 양식장 피해 두 배", "BBC 코리아", "https://www.bbc.com/korean/articles/c0000001ko"),
         ("WMO: ocean heat content hits new record", "로이터", "https://www.reuters.com/business/environment/ocean-heat-2025-11-03/")),
    ),
    Story(
        "school-lunch", "급식실에 들어온 조리 로봇", "오후 네 시", "김다온",
        ("안녕하세요, 오후 네 시의 김다온입니다.", "학교 급식 소식을 전해 드립니다."),
        (("경기도의 한 고등학교 급식실에 볶음 요리를 맡는 조리 로봇이 들어왔다. 조리사들은 뜨거운 기름 앞에 서는 시간이 크게 줄었다.",),
         ("교육청은 급식실 환기 설비 개선에 올해 예산의 삼분의 일을 쓰기로 했다.",
          "조리사 폐 건강 검진도 해마다 하기로 했다.")),
        "급식실의 더위와 연기는 오래된 문제였습니다. 로봇과 환기 설비가 함께 가야 한다고 생각합니다.",
        "이상 오후 네 시였습니다. 맛있는 저녁 드세요.",
        (("고교 급식실에 조리 로봇… 조리사 부담 줄어", "한국일보", "https://www.hankookilbo.com/News/Read/A2025110310000001"),
         ("급식실 환기 개선에 예산 3분의 1 투입", "오마이뉴스", "https://www.ohmynews.com/NWS_Web/View/at_pg.aspx?CNTN_CD=A0003100001")),
    ),
]
STORIES.append(Story(
    "village-radio", "마을 라디오가 돌아왔다", "동네 한 바퀴", "이든",
    ("안녕하세요, 동네 한 바퀴의 이든입니다.", "이번에는 작은 방송국 이야기입니다."),
    (("강원도의 한 마을에서 주민들이 직접 만드는 라디오 방송이 십 년 만에 다시 전파를 탔다.",
      "진행은 마을 어르신 세 분이 돌아가며 맡는다."),
     ("군청은 마을 방송 장비를 고치는 데 드는 비용의 절반을 지원하기로 했다.",)),
    "어르신들 목소리로 듣는 마을 소식이라니 정겹네요. 다른 마을에도 이런 방송이 생기면 좋겠습니다.",
    "이상 동네 한 바퀴였습니다. 다음 소식에서 만나요.",
    (("십 년 만에 돌아온 마을 라디오", "", "https://maeul-sinmun.example/news/1201"),
     ("군, 마을 방송 장비 수리비 절반 지원", "", "https://gangwon-local.example/article/88")),
))
STORIES.append(Story(
    "repair-cafe", "고쳐 쓰는 동네", "손때 노트", "여울",
    ("안녕하세요, 손때 노트의 여울입니다.", "물건을 고쳐 쓰는 소식을 모았습니다."),
    (("미국의 한 도시가 도서관 안에 수리 카페를 열었다. 주민들은 토요일마다 토스터와 램프를 들고 온다.",),
     ("유럽 의회는 휴대폰 제조사가 부품과 수리 설명서를 칠 년 동안 팔도록 하는 법을 통과시켰다.",
      "배터리는 누구나 공구 없이 바꿀 수 있어야 한다.")),
    "고장 나면 버리던 습관을 돌아보게 됩니다. 우리 동네에도 수리 카페가 생기면 좋겠어요.",
    "이상 손때 노트였습니다. 오래 쓰는 한 주 되세요.",
    (("A library opens a repair cafe for toasters and lamps", "The Verge",
      "https://www.theverge.com/2025/11/3/repair-cafe-library"),
     ("EU lawmakers pass phone repair rules", "Reuters",
      "https://www.reuters.com/technology/eu-phone-repair-2025-11-03/")),
))
BY_SLUG = {s.slug: s for s in STORIES}


def paragraphs(story: Story) -> list[str]:
    """What a listener must hear of the story's body, in order (quotes without marks)."""
    return [*story.greeting, *(p for q in story.quotes for p in q), story.commentary,
            story.signoff]


def quoted(text: str) -> str:
    return f"“{text}”"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


# --- source-list forms ------------------------------------------------------------------
# Each form writes one source; ``url_next`` puts the URL on a line of its own.

def form_dashes(n, title, outlet, url):
    return [f"{n}. {title} -{outlet}-", url]


def form_paren(n, title, outlet, url):
    return [f"{n}) {title} ({outlet})", url]


def form_bracket(n, title, outlet, url):
    return [f"[{n}] {title} - {outlet}", url]


def form_pipe(n, title, outlet, url):
    return [f"{n}. {title} | {outlet} {url}"]


def form_outlet_colon(n, title, outlet, url):
    return [f"{n}. {outlet}: {title}", url]


def form_bullet_emdash(n, title, outlet, url):
    return [f"- {title} — {outlet}", url]


def form_labelled(n, title, outlet, url):
    return [f"출처: {outlet} ({url})"]


def form_outlet_date(n, title, outlet, url):
    return [f"{n}. {title} ({outlet}, 2025.11.03)", url]


def form_bare_url(n, title, outlet, url):
    return [url]


def form_md_inline(n, title, outlet, url):
    return [f"{n}. [{title}]({url}) - {outlet}"]


def form_md_reference(n, title, outlet, url):
    return [f'[{n}]: {url} "{title}"']


def form_unnumbered(n, title, outlet, url):
    return [f"{title} - {outlet}", url]


def form_title_url_only(n, title, outlet, url):
    return [f"{n}. {title}", url]


# Forms tried after the first corpus: numbering, bullets, separators and quote marks more
# authors use. Each is written from a template: one string per line, with {n}, {circled},
# {title}, {outlet}, {url}.
def template(*lines: str):
    def write(n, title, outlet, url):
        circled = "①②③④⑤"[n - 1]
        return [line.format(n=n, circled=circled, title=title, outlet=outlet, url=url)
                for line in lines]
    return write


MORE_FORMS = {
    "① title -outlet-": template("{circled} {title} -{outlet}-", "{url}"),
    "1. title - outlet + <URL>": template("{n}. {title} - {outlet}", "<{url}>"),
    "• title / outlet": template("• {title} / {outlet}", "{url}"),
    "title (outlet, 2025-11-03) URL": template("{title} ({outlet}, 2025-11-03) {url}"),
    "[outlet] title": template("[{outlet}] {title}", "{url}"),
    "<outlet> title": template("<{outlet}> {title}", "{url}"),
    "* [title](URL) — outlet": template("* [{title}]({url}) — {outlet}"),
    "1. 「title」, outlet": template("{n}. 「{title}」, {outlet}", "{url}"),
    "1. outlet · title": template("{n}. {outlet} · {title}", "{url}"),
    "▶ outlet :: title": template("▶ {outlet} :: {title}", "{url}"),
    "1. outlet “title”": template("{n}. {outlet} “{title}”", "{url}"),
    "1.<TAB>title<TAB>outlet": template("{n}.\t{title}\t{outlet}", "{url}"),
    "1） title （outlet）": template("{n}） {title} （{outlet}）", "{url}"),
    "#1 title (outlet)": template("#{n} {title} ({outlet})", "{url}"),
    "1번. title - outlet": template("{n}번. {title} - {outlet}", "{url}"),
    "📰 title | outlet": template("📰 {title} | {outlet}", "{url}"),
}


FORMS = {
    "1. title -outlet-": (form_dashes, "line"),
    "1) title (outlet)": (form_paren, "line"),
    "[1] title - outlet": (form_bracket, "line"),
    "1. title | outlet URL": (form_pipe, "line"),
    "1. outlet: title": (form_outlet_colon, "line"),
    "- title — outlet": (form_bullet_emdash, "line"),
    "출처: outlet (URL)": (form_labelled, "outlet"),
    "(outlet, date)": (form_outlet_date, "line"),
    "bare URLs": (form_bare_url, "address"),
    "Markdown inline links": (form_md_inline, "line"),
    "Markdown references": (form_md_reference, "address"),
    "title + URL, outlet from address": (form_title_url_only, "address"),
    "title + URL, outlet unknown": (form_title_url_only, "none"),
    "title - outlet, unnumbered": (form_unnumbered, "line"),
    **{form: (write, "line") for form, write in MORE_FORMS.items()},
    # HTML pages
    "<table> of links, outlet column": (None, "line"),
    "<dl> of links, outlet in <dd>": (None, "line"),
    "<ul> of [outlet] title": (None, "line"),
}


def expected_source(n: int, story: Story, k: int, form: str) -> dict:
    """The source ``form`` must give for the story's ``k``-th source, numbered ``n``."""
    title, outlet, url = story.sources[k]
    origin = FORMS[form][1]
    if origin == "outlet" or form == "bare URLs":  # no title written: the host stands for it
        title = url.split("/")[2].removeprefix("www.")
    source = {"n": n, "title": title, "outlet": outlet or None, "url": url}
    if origin == "address":
        source["outlet_from"] = "address"
    return source


def text_post(story: Story, label: str | None, forms: list[str], ext: str = ".txt",
              gap: bool = True) -> tuple[str, list[dict]]:
    """A plain-text (or Markdown) post with its sources in ``forms`` (one per source)."""
    lines = [f"# {story.title}" if ext == ".md" else story.title]
    sep = [""] if ext == ".md" else []
    body = [*story.greeting, *(quoted(p) for q in story.quotes for p in q), story.commentary,
            story.signoff]
    for text in body:
        lines += [*sep, text]
    lines += [""] if gap else []
    if label:
        lines += [label]
    expected = []
    for k, form in enumerate(forms):
        write = FORMS[form][0]
        title, outlet, url = story.sources[k]
        lines += write(k + 1, title, outlet, url)
        if ext == ".md" and form not in ("Markdown references",):
            lines += [""]
        expected.append(expected_source(k + 1, story, k, form))
    return "\n".join(lines).rstrip("\n") + "\n", expected


# --- platform pages ---------------------------------------------------------------------
# Furniture every page carries somewhere; none of it may be heard.
RELATED = ("지난주 미세먼지 정리", "봄맞이 베란다 텃밭 일기")
COMMENTS = ("좋은 소식 정리 감사합니다!", "센서 이야기 더 듣고 싶어요")
NEVER = (*RELATED, *COMMENTS, "카테고리의 다른 글", "저작자표시", "구독하기", "공감",
         "2025. 11. 3. 21:40", "본문 바로가기", "생활 기술", "#센서")


def head(title: str, blog: str, sep: str = " :: ", og: bool = True) -> str:
    og_tag = f'<meta property="og:title" content="{esc(title)}">\n' if og else ""
    return (f'<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)}{sep}{esc(blog)}</title>\n{og_tag}"
            f'<meta property="article:published_time" content="2025-11-03T21:40:00+09:00">\n'
            f'<script>window.T = {{"blog": "{esc(blog)}"}};</script>\n'
            f"<style>.tt_article_useless_p_margin p {{ margin: 0 }}</style>\n</head>\n")


def p_lines(story: Story, tag: str = "p", attrs: str = "", quote_tag: str | None = None) -> str:
    """The story's body as paragraphs; quotes as “…” paragraphs or as ``quote_tag``."""
    out = [f"<{tag}{attrs}>{esc(t)}</{tag}>" for t in story.greeting]
    for q in story.quotes:
        if quote_tag:
            inner = "".join(f"<p>{esc(t)}</p>" for t in q)
            out.append(f"<{quote_tag}>{inner}</{quote_tag.split()[0]}>")
        else:
            out += [f"<{tag}{attrs}>{esc(quoted(t))}</{tag}>" for t in q]
    out += [f"<{tag}{attrs}>{esc(story.commentary)}</{tag}>",
            f"<{tag}{attrs}>{esc(story.signoff)}</{tag}>"]
    return "\n".join(out)


def ol_links(story: Story, between: str = " -", after: str = "-", tag: str = "ol") -> str:
    items = "".join(f'<li><a href="{esc(u)}" target="_blank">{esc(t)}</a>{between}{esc(o)}{after}</li>\n'
                    for t, o, u in story.sources)
    return f"<{tag}>\n{items}</{tag}>"


def tistory_another_category() -> str:
    rows = "".join(f'<tr><th><a href="/entry/{k}">{esc(t)}</a>&nbsp;&nbsp;<span>(0)</span></th>'
                   f"<td>2025.10.2{k}</td></tr>" for k, t in enumerate(RELATED))
    return ('<div class="another_category another_category_color_gray">\n'
            "<h4>'<a href=\"/category/생활 기술\">생활 기술</a>' 카테고리의 다른 글</h4>\n"
            f"<table>{rows}</table>\n</div>")


def tistory_postbtn() -> str:
    return ('<div class="container_postbtn #post_button_group">\n<div class="postbtn_like">'
            '<div class="wrap_btn"><button class="btn_post uoc-icon"><span class="txt_like">공감'
            '</span><span class="count">12</span></button></div><div class="wrap_btn wrap_btn_share">'
            '<button class="btn_post sns_btn btn_share"><span class="ico_postbtn ico_share">'
            '공유하기</span></button></div></div>\n<div class="wrap_btn_etc"><a class="btn_subscribe">'
            "구독하기</a></div>\n</div>")


def ccl_badge() -> str:
    return ('<div style="text-align: left; padding-top: 10px; clear: both">'
            '<a href="https://creativecommons.org/licenses/by-nc-nd/4.0/deed.ko" target="_blank">'
            '<img src="https://t1.daumcdn.net/tistory_admin/assets/blog/ccl/by.png" alt="저작자표시">'
            '<img src="https://t1.daumcdn.net/tistory_admin/assets/blog/ccl/nc.png" alt="비영리">'
            '<img src="https://t1.daumcdn.net/tistory_admin/assets/blog/ccl/nd.png" alt="변경금지">'
            "</a></div>")


def comments_block(cls: str = "comments", item: str = "comment") -> str:
    items = "".join(f'<li class="{item}"><span class="name">독자{k}</span><p>{esc(c)}</p>'
                    f'<span class="date">2025.11.04 08:1{k}</span></li>'
                    for k, c in enumerate(COMMENTS))
    return f'<div class="{cls}"><h3>댓글 2</h3><ol>{items}</ol></div>'


def tistory_odyssey(story: Story) -> str:
    """Odyssey-like skin: the post in .tt_article_useless_p_margin inside .entry-content."""
    return head(story.title, story.blog) + f"""<body id="tt-body-page">
<div id="acc-nav"><a href="#content">본문 바로가기</a></div>
<div id="wrap">
<header id="header"><h1><a href="/">{esc(story.blog)}</a></h1>
<nav><ul class="tt_category"><li><a href="/category">분류 전체보기</a></li></ul></nav></header>
<main id="content">
<div class="hgroup">
<div class="category">생활 기술</div>
<h1>{esc(story.title)}</h1>
<div class="post-meta"><span class="author">{esc(story.author)}</span><span class="date">2025. 11. 3. 21:40</span></div>
</div>
<div class="entry-content">
<div class="tt_article_useless_p_margin contents_style">
{p_lines(story, attrs=' data-ke-size="size16"')}
<p data-ke-size="size16">&nbsp;</p>
<p data-ke-size="size16">출처</p>
{ol_links(story)}
</div>
<div class="revenue_unit_wrap"><ins class="adsbygoogle">광고</ins></div>
{tistory_another_category()}
{tistory_postbtn()}
{ccl_badge()}
</div>
<div class="tags"><h2>태그</h2><a href="/tag/센서">#센서</a>, <a href="/tag/홍수">#홍수</a></div>
<div class="comments">{comments_block("comment-list")}</div>
</main>
<footer>{esc(story.blog)} · Designed by 티스토리</footer>
</div>
</body>
</html>
"""


def tistory_poster(story: Story) -> str:
    """Poster-like skin: #article-view, byline in .hgroup, sources as [1] lines."""
    lines = []
    for k, (t, o, u) in enumerate(story.sources, 1):
        lines.append(f"<p>[{k}] {esc(t)} - {esc(o)}</p>" if o else f"<p>[{k}] {esc(t)}</p>")
        lines.append(f'<p><a href="{esc(u)}">{esc(u)}</a></p>')
    src = "\n".join(lines)
    return head(story.title, story.blog) + f"""<body>
<div class="skip_nav"><a href="#content">본문 바로가기</a></div>
<div id="container">
<div class="titleWrap"><h2><a href="/12">{esc(story.title)}</a></h2>
<span class="category"><a href="/category/생활 기술">생활 기술</a></span>
<span class="date">2025. 11. 3. 21:40</span></div>
<div class="article">
<div id="article-view" class="contents_style">
<div class="tt_article_useless_p_margin contents_style">
{p_lines(story)}
<p>&nbsp;</p>
{src}
</div>
</div>
{ccl_badge()}
<div class="another_category another_category_color_gray"><h4>'생활 기술' 카테고리의 다른 글</h4>
<table><tr><th><a href="/3">{RELATED[0]}</a></th></tr><tr><th><a href="/4">{RELATED[1]}</a></th></tr></table></div>
{tistory_postbtn()}
</div>
<div class="area_reply">{comments_block()}</div>
</div>
</body>
</html>
"""


def tistory_bookclub(story: Story) -> str:
    """An older skin: .area_view post, sources as "1) title (outlet)" with a <br> and the URL."""
    items = "".join(f'<p>{k}) {esc(t)} ({esc(o)})<br><a href="{esc(u)}">{esc(u)}</a></p>\n'
                    for k, (t, o, u) in enumerate(story.sources, 1))
    return head(story.title, story.blog) + f"""<body>
<div id="skipNav"><a href="#content">본문 바로가기</a></div>
<div class="area_title"><strong class="tit_category"><a href="/category">생활 기술</a></strong>
<h3 class="tit_post">{esc(story.title)}</h3>
<span class="info_post">{esc(story.author)} 2025. 11. 3. 21:40</span></div>
<div class="area_view">
<div class="article_view">
{p_lines(story)}
<p>참고 기사</p>
{items}</div>
<div class="area_tag"><strong>태그</strong><a href="/tag/센서">#센서</a></div>
</div>
<div class="area_related"><h4>관련글</h4><ul><li>{RELATED[0]}</li><li>{RELATED[1]}</li></ul></div>
<div class="area_reply">{comments_block()}</div>
</body>
</html>
"""


def naver_se(story: Story) -> str:
    """Naver Blog, SmartEditor ONE: components, a quotation component, a link card."""
    def text_component(texts: list[str]) -> str:
        ps = "".join(f'<p class="se-text-paragraph se-text-paragraph-align-"><span class="se-fs- se-ff-">{t}</span></p>'
                     for t in texts)
        return ('<div class="se-component se-text se-l-default"><div class="se-component-content">'
                f'<div class="se-section se-section-text se-l-default"><div class="se-module se-module-text">{ps}'
                "</div></div></div></div>\n")

    def quote_component(texts: tuple[str, ...]) -> str:
        ps = "".join(f'<p class="se-text-paragraph"><span>{esc(t)}</span></p>' for t in texts)
        return ('<div class="se-component se-quotation se-l-quotation_line"><div class="se-component-content">'
                '<div class="se-section se-section-quotation se-l-quotation_line"><blockquote class="se-quotation-container">'
                f'<div class="se-module se-module-text se-quote">{ps}</div></blockquote></div></div></div>\n')

    t1, o1, u1 = story.sources[0]
    card = ('<div class="se-component se-oglink se-l-large_image"><div class="se-component-content">'
            f'<div class="se-section se-section-oglink se-l-large_image"><a href="{esc(u1)}" class="se-oglink-info">'
            f'<strong class="se-oglink-title">{esc(t1)} | {esc(o1)}</strong><p class="se-oglink-summary">'
            "기사 요약이 여기에 보입니다</p><p class=\"se-oglink-url\">www.yna.co.kr</p></a></div></div></div>\n")
    body = text_component([esc(t) for t in story.greeting])
    for q in story.quotes:
        body += quote_component(q)
    body += text_component([esc(story.commentary), esc(story.signoff), "&nbsp;"])
    src = []
    for k, (t, o, u) in enumerate(story.sources, 1):
        src += [f"{k}. {esc(t)} -{esc(o)}-", f'<a href="{esc(u)}" class="se-link">{esc(u)}</a>']
    body += text_component(src) + card
    return head(story.title, story.blog, sep=" : 네이버 블로그") + f"""<body>
<div id="whole-border"><div id="post-area">
<div class="blog2_series"><a class="pcol2">생활 기술</a></div>
<div class="se-viewer se-theme-default">
<div class="se-component se-documentTitle se-l-default"><div class="se-component-content">
<div class="blog_category"><a>생활 기술</a></div>
<div class="se-title-text"><p class="se-text-paragraph"><span>{esc(story.title)}</span></p></div>
<div class="blog_author"><span class="nick">{esc(story.author)}</span><span class="se_publishDate pcol2">2025. 11. 3. 21:40</span></div>
<div class="blog_btn_area"><a>URL 복사</a> <a>이웃추가</a></div>
</div></div>
<div class="se-main-container">
{body}</div>
</div>
<div class="wrap_tag"><div class="post_tag"><a>#센서</a><a>#홍수</a></div></div>
<div class="area_sympathy"><a class="btn_like u_likeit_list_module">공감 12</a></div>
<div class="wrap_postcomment">{comments_block("area_comment")}</div>
<div class="wrap_blog2_list"><h4>이 블로그 생활 기술 카테고리 글</h4><ul><li>{RELATED[0]}</li><li>{RELATED[1]}</li></ul></div>
</div></div>
</body>
</html>
"""


def naver_old(story: Story) -> str:
    """Naver Blog, the old editor: #postViewArea, sources as "출처: outlet (URL)"."""
    src = "".join(f"<p>출처: {esc(o)} ({esc(u)})</p>\n" for t, o, u in story.sources)
    return head(story.title, story.blog, sep=" : 네이버 블로그") + f"""<body>
<table id="printPost1"><tr><td class="bcc">
<div class="htitle"><span class="pcol1 itemSubjectBoldfont">{esc(story.title)}</span></div>
<p class="date fil5 pcol2 _postAddDate">2025. 11. 3. 21:40</p>
</td></tr></table>
<div id="postViewArea">
{p_lines(story)}
<p>&nbsp;</p>
{src}</div>
<div class="post_footer_contents"><a class="btn_like">공감 12</a> <a>댓글 2</a></div>
{comments_block()}
</body>
</html>
"""


def brunch(story: Story) -> str:
    """Brunch: cover title, .wrap_body with .wrap_item paragraphs, keyword list, profile."""
    items = "".join(f'<li><a href="{esc(u)}">{esc(t)}</a> ({esc(o)})</li>'
                    for t, o, u in story.sources)
    body = p_lines(story, attrs=' class="wrap_item item_type_text" data-app=""')
    return head(story.title, "브런치스토리", sep=" - 브런치스토리") + f"""<body>
<div class="wrap_cover"><div class="cover_inner">
<h1 class="cover_title">{esc(story.title)}</h1>
<p class="cover_sub_title">생활 기술 이야기 세 번째</p>
<div class="cover_info"><span class="f_l text_author">by {esc(story.author)}</span><span class="f_l date">Nov 03. 2025</span></div>
</div></div>
<div class="wrap_body_frame"><div class="wrap_body" data-page="1">
{body}
<h4 class="wrap_item item_type_text">참고 기사</h4>
<ul class="wrap_item">{items}</ul>
</div></div>
<div class="wrap_body_info"><ul class="list_keyword"><li><a>센서</a></li><li><a>#센서</a></li></ul></div>
<div class="wrap_like"><button>라이킷 12</button></div>
<div class="wrap_author"><strong>{esc(story.author)}</strong><a class="wrap_btn_subscribe">구독하기</a></div>
<div class="wrap_comment">{comments_block()}</div>
<div class="wrap_article_recommend"><a>{RELATED[0]}</a><a>{RELATED[1]}</a></div>
</body>
</html>
"""


def velog(story: Story) -> str:
    """Velog: .head-wrapper title with tags and byline, the Markdown render in .atom-one."""
    return head(story.title, "velog", sep=" - velog") + f"""<body>
<div id="root"><div class="sc-dPyBCJ">
<div class="head-wrapper"><h1>{esc(story.title)}</h1>
<div class="information"><span class="username"><a>{esc(story.author)}</a></span><span class="separator">·</span><span>2025년 11월 3일</span></div>
<div class="tags-wrapper"><a>센서</a><a>#센서</a></div>
<div class="series-box"><h2>생활 기술</h2><ol><li>{RELATED[0]}</li></ol></div>
</div>
<div class="sc-jlZhew"><div class="sticky-toc"><div>목차</div><div>References</div></div></div>
<div class="sc-kpDqfm atom-one">
{p_lines(story, quote_tag="blockquote")}
<h2>References</h2>
{ol_links(story, " - ", "")}
</div>
<div class="user-profile"><a>{esc(story.author)}</a><p>{esc(story.blog)}</p></div>
<div class="post-comments"><h4>2개의 댓글</h4>{comments_block()}</div>
<div class="related-posts"><a>{RELATED[0]}</a><a>{RELATED[1]}</a></div>
</div></div>
</body>
</html>
"""


def wordpress(story: Story) -> str:
    """WordPress (classic theme + Jetpack): sharing and related posts inside .entry-content."""
    return head(story.title, story.blog, sep=" – ") + f"""<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">본문 바로가기</a>
<header id="masthead" class="site-header"><p class="site-title"><a>{esc(story.blog)}</a></p></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article id="post-12" class="post-12 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{esc(story.title)}</h1>
<div class="entry-meta"><span class="posted-on">2025. 11. 3. 21:40</span><span class="byline"> by {esc(story.author)}</span></div></header>
<div class="entry-content">
{p_lines(story, quote_tag='blockquote class="wp-block-quote"')}
<p>출처</p>
{ol_links(story, " — ", "", "ul")}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">공유하기:</h3><ul><li><a>Facebook</a></li><li><a>X</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>관련</h3><p>{RELATED[0]}</p><p>{RELATED[1]}</p></div>
</div>
<footer class="entry-footer"><span class="cat-links">카테고리: <a>생활 기술</a></span><span class="tags-links">태그: <a>#센서</a></span></footer>
</article>
<nav class="navigation post-navigation"><a>{RELATED[0]}</a></nav>
<div id="comments" class="comments-area">{comments_block("comment-list")}</div>
</main></div>
</body>
</html>
"""


def wordpress_blocks(story: Story) -> str:
    """WordPress block theme: post title, date and terms blocks; sources as bare URLs."""
    urls = "".join(f'<p><a href="{esc(u)}">{esc(u)}</a></p>\n' for t, o, u in story.sources)
    return head(story.title, story.blog, sep=" – ") + f"""<body class="wp-site-blocks">
<header class="wp-block-template-part"><p class="wp-block-site-title">{esc(story.blog)}</p></header>
<main class="wp-block-group">
<h1 class="wp-block-post-title">{esc(story.title)}</h1>
<div class="wp-block-post-date"><time datetime="2025-11-03T21:40:00">2025. 11. 3. 21:40</time></div>
<div class="wp-block-post-terms"><a>생활 기술</a>, <a>#센서</a></div>
<div class="entry-content wp-block-post-content">
{p_lines(story)}
<p>References</p>
{urls}</div>
<div class="wp-block-post-author">{esc(story.author)}</div>
<div class="wp-block-comments">{comments_block()}</div>
</main>
</body>
</html>
"""


def blogger(story: Story) -> str:
    """Blogger: .post-body of <div>s with <br>s, "1. outlet: title" sources, labels, share."""
    lines = "<br />\n".join(esc(t) for t in story.greeting)
    quotes = "".join(f"<div>{esc(quoted(p))}</div>\n" for q in story.quotes for p in q)
    src = "".join(f'<div>{k}. {esc(o)}: {esc(t)}</div>\n<div><a href="{esc(u)}">{esc(u)}</a></div>\n'
                  for k, (t, o, u) in enumerate(story.sources, 1))
    return head(story.title, story.blog, sep=": ") + f"""<body>
<div class="date-outer"><h2 class="date-header"><span>2025. 11. 3. 21:40</span></h2>
<div class="post hentry">
<h3 class="post-title entry-title">{esc(story.title)}</h3>
<div class="post-header"><div class="post-header-line-1"><span class="byline post-author">{esc(story.author)}</span></div></div>
<div class="post-body entry-content" id="post-body-1">
<div>{lines}</div>
{quotes}<div>{esc(story.commentary)}</div>
<div>{esc(story.signoff)}</div>
<div><br /></div>
{src}</div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="post-timestamp">2025. 11. 3. 21:40</span>
<span class="post-labels">라벨: <a>생활 기술</a>, <a>#센서</a></span></div>
<div class="post-share-buttons"><a>이메일로 전송</a><a>공유하기</a></div></div>
</div>
<div class="comments" id="comments">{comments_block()}</div>
<div class="blog-pager"><a>{RELATED[0]}</a></div>
</div>
</body>
</html>
"""


def medium(story: Story) -> str:
    """Medium: the article with its byline block, claps, and sources as "title | outlet"."""
    paras = "\n".join(f'<p class="pw-post-body-paragraph">{esc(t)}</p>' for t in story.greeting)
    quotes = "\n".join(f'<blockquote><p class="pw-post-body-paragraph">{esc(p)}</p></blockquote>'
                       for q in story.quotes for p in q)
    src = "\n".join(f'<p class="pw-post-body-paragraph">{k}. <a href="{esc(u)}">{esc(t)}</a> | {esc(o)}</p>'
                    for k, (t, o, u) in enumerate(story.sources, 1))
    return head(story.title, "Medium", sep=" | by " + story.author + " | ") + f"""<body>
<div id="root"><nav><a>Medium</a><a>Write</a></nav>
<article><div><section><div><div>
<h1 class="pw-post-title">{esc(story.title)}</h1>
<div class="speechify-ignore"><div class="pw-post-byline-header"><a data-testid="authorName">{esc(story.author)}</a>
<span>Follow</span><span>4 min read</span><span data-testid="storyPublishDate">2025. 11. 3. 21:40</span></div>
<div><span class="pw-multi-vote-count">공감 12</span><span class="pw-responses-count">2</span><span>Listen</span><span>Share</span></div></div>
{paras}
{quotes}
<p class="pw-post-body-paragraph">{esc(story.commentary)}</p>
<p class="pw-post-body-paragraph">{esc(story.signoff)}</p>
{src}
</div></div></section></div></article>
<div class="speechify-ignore"><a>#센서</a><a>{RELATED[0]}</a></div>
<div aria-label="responses">{comments_block()}</div>
</div>
</body>
</html>
"""


def ghost(story: Story) -> str:
    """Ghost (Casper/Source): header with tag and meta, .gh-content with a bookmark card,
    sources as links without outlets (the outlet comes from the address)."""
    t1, o1, u1 = story.sources[0]
    card = (f'<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="{esc(u1)}">'
            f'<div class="kg-bookmark-content"><div class="kg-bookmark-title">{esc(t1)}</div>'
            '<div class="kg-bookmark-description">기사 요약이 여기에 보입니다</div></div></a></figure>')
    items = "".join(f'<li><a href="{esc(u)}">{esc(t)}</a></li>' for t, o, u in story.sources)
    return head(story.title, story.blog, sep=" | ") + f"""<body class="post-template">
<header id="gh-navigation" class="gh-navigation"><a class="gh-navigation-logo">{esc(story.blog)}</a></header>
<main id="gh-main" class="gh-main">
<article class="gh-article post">
<header class="gh-article-header gh-canvas">
<a class="gh-article-tag" href="/tag/saenghwal/">생활 기술</a>
<h1 class="gh-article-title is-title">{esc(story.title)}</h1>
<p class="gh-article-excerpt">도시와 비, 그리고 센서</p>
<div class="gh-article-meta"><div class="gh-article-author-name">{esc(story.author)}</div><time class="gh-article-meta-date" datetime="2025-11-03">2025. 11. 3. 21:40</time></div>
</header>
<section class="gh-content gh-canvas is-body">
{p_lines(story, quote_tag="blockquote")}
{card}
<h2>참고 기사</h2>
<ol>{items}</ol>
<div class="kg-card kg-signup-card"><h2>구독하기</h2><p>새 글을 메일로 받아 보세요</p></div>
</section>
</article>
<section class="gh-container gh-read-next"><h2>Read more</h2><a>{RELATED[0]}</a><a>{RELATED[1]}</a></section>
<div class="gh-comments gh-canvas">{comments_block()}</div>
</main>
<footer class="gh-footer">Powered by Ghost</footer>
</body>
</html>
"""


def plain(story: Story) -> str:
    """A page written by hand: <h1>, paragraphs, an <ol> of links with (outlet, date)."""
    items = "".join(f'<li><a href="{esc(u)}">{esc(t)}</a> ({esc(o)}, 2025.11.03)</li>\n'
                    for t, o, u in story.sources)
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>{esc(story.title)}</title></head>
<body>
<p><a href="#main">본문 바로가기</a></p>
<h1>{esc(story.title)}</h1>
<div id="main">
{p_lines(story)}
<p>참고 기사:</p>
<ol>
{items}</ol>
</div>
<p class="byline">by {esc(story.author)}, 2025. 11. 3. 21:40</p>
</body></html>
"""


def plain_no_h1(story: Story) -> str:
    """A page without <h1>: the title comes from og:title; sources a <ul> of bare links."""
    items = "".join(f'<li><a href="{esc(u)}">{esc(u)}</a></li>\n' for t, o, u in story.sources)
    return head(story.title, story.blog, sep=" | ") + f"""<body>
<div class="post">
{p_lines(story)}
<ul>
{items}</ul>
<div class="share"><a>공유하기</a> <a>구독하기</a></div>
</div>
</body></html>
"""


def plain_table(story: Story) -> str:
    """A hand-written page whose sources are a <table>: a header row, then a row per
    article with its link and its outlet."""
    rows = "".join(f'<tr><td><a href="{esc(u)}">{esc(t)}</a></td><td>{esc(o)}</td>'
                   f"<td>2025.11.03</td></tr>\n" for t, o, u in story.sources)
    return head(story.title, story.blog, sep=" | ") + f"""<body>
<article>
<h1>{esc(story.title)}</h1>
{p_lines(story, quote_tag="blockquote")}
<h3>참고 기사</h3>
<table class="sources">
<thead><tr><th>기사</th><th>언론사</th><th>날짜</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
</article>
<div class="share"><a>공유하기</a> <a>구독하기</a></div>
</body></html>
"""


def plain_dl(story: Story) -> str:
    """A hand-written page whose sources are a <dl>: the linked title, its outlet below."""
    items = "".join(f'<dt><a href="{esc(u)}">{esc(t)}</a></dt><dd>{esc(o)}</dd>\n'
                    for t, o, u in story.sources)
    return head(story.title, story.blog, sep=" | ") + f"""<body>
<main>
<h1>{esc(story.title)}</h1>
{p_lines(story)}
<p>출처</p>
<dl>
{items}</dl>
</main>
</body></html>
"""


def plain_ul_bracketed(story: Story) -> str:
    """A hand-written page whose sources are a <ul> of "[outlet] title" links."""
    items = "".join(f'<li>[{esc(o)}] <a href="{esc(u)}">{esc(t)}</a></li>\n'
                    for t, o, u in story.sources)
    return head(story.title, story.blog, sep=" | ") + f"""<body>
<article>
<h1>{esc(story.title)}</h1>
{p_lines(story, quote_tag="blockquote")}
<ul>
{items}</ul>
</article>
</body></html>
"""


def page_sources(story: Story, form: str) -> list[dict]:
    return [expected_source(k + 1, story, k, form) for k in range(len(story.sources))]


PAGES = [
    # (file stem, shape, writer, story, form of its source list)
    ("tistory-odyssey", "Tistory (Odyssey-like skin)", tistory_odyssey, "rain-sensor", "1. title -outlet-"),
    ("tistory-poster", "Tistory (Poster-like skin)", tistory_poster, "library-robot", "[1] title - outlet"),
    ("tistory-bookclub", "Tistory (older skin)", tistory_bookclub, "battery-recycle", "1) title (outlet)"),
    ("naver-smarteditor", "Naver Blog (SmartEditor ONE)", naver_se, "night-bus", "1. title -outlet-"),
    ("naver-old-editor", "Naver Blog (old editor)", naver_old, "ocean-heat", "출처: outlet (URL)"),
    ("brunch", "Brunch", brunch, "school-lunch", "1) title (outlet)"),
    ("velog", "Velog", velog, "rain-sensor", "[1] title - outlet"),
    ("wordpress-classic", "WordPress (classic + Jetpack)", wordpress, "library-robot", "- title — outlet"),
    ("wordpress-blocks", "WordPress (block theme)", wordpress_blocks, "battery-recycle", "bare URLs"),
    ("blogger", "Blogger", blogger, "night-bus", "1. outlet: title"),
    ("medium", "Medium", medium, "ocean-heat", "1. title | outlet URL"),
    ("ghost", "Ghost", ghost, "school-lunch", "title + URL, outlet from address"),
    ("plain-page", "hand-written page", plain, "rain-sensor", "(outlet, date)"),
    ("plain-no-h1", "hand-written page (og:title)", plain_no_h1, "library-robot", "bare URLs"),
    ("tistory-no-outlet", "Tistory (Poster-like skin)", tistory_poster, "village-radio", "title + URL, outlet unknown"),
    ("plain-table", "hand-written page (table)", plain_table, "night-bus", "<table> of links, outlet column"),
    ("plain-dl", "hand-written page (dl)", plain_dl, "repair-cafe", "<dl> of links, outlet in <dd>"),
    ("plain-ul-bracketed", "hand-written page", plain_ul_bracketed, "ocean-heat", "<ul> of [outlet] title"),
]

TEXTS = [
    # (file stem, extension, story, label line, forms, one per source)
    ("dashes", ".txt", "rain-sensor", None, ["1. title -outlet-"] * 2),
    ("paren", ".txt", "library-robot", "출처", ["1) title (outlet)"] * 2),
    ("bracket", ".txt", "battery-recycle", None, ["[1] title - outlet"] * 2),
    ("pipe", ".txt", "night-bus", "참고 기사", ["1. title | outlet URL"] * 2),
    ("outlet-colon", ".txt", "ocean-heat", None, ["1. outlet: title"] * 2),
    ("bullet-emdash", ".txt", "school-lunch", "References", ["- title — outlet"] * 2),
    ("labelled", ".txt", "rain-sensor", None, ["출처: outlet (URL)"] * 2),
    ("outlet-date", ".txt", "library-robot", "참고 기사:", ["(outlet, date)"] * 2),
    ("bare-urls", ".txt", "battery-recycle", None, ["bare URLs"] * 2),
    ("bare-urls-label", ".txt", "night-bus", "출처:", ["bare URLs"] * 2),
    ("title-url", ".txt", "ocean-heat", None, ["title + URL, outlet from address"] * 2),
    ("md-inline", ".md", "school-lunch", None, ["Markdown inline links"] * 2),
    ("md-inline-label", ".md", "rain-sensor", "## 참고 기사", ["Markdown inline links"] * 2),
    ("md-reference", ".md", "library-robot", None, ["Markdown references"] * 2),
    ("md-bracket", ".md", "battery-recycle", "**출처**", ["[1] title - outlet"] * 2),
    ("md-paren", ".md", "night-bus", None, ["1) title (outlet)"] * 2),
    ("md-bare-urls", ".md", "ocean-heat", "References", ["bare URLs"] * 2),
    ("md-outlet-date", ".md", "school-lunch", None, ["(outlet, date)"] * 2),
    ("mix-bracket-paren", ".txt", "rain-sensor", None, ["[1] title - outlet", "1) title (outlet)"]),
    ("mix-dashes-bare", ".txt", "library-robot", "출처", ["1. title -outlet-", "bare URLs"]),
    ("mix-colon-pipe", ".txt", "battery-recycle", None, ["1. outlet: title", "1. title | outlet URL"]),
    ("mix-emdash-date", ".txt", "night-bus", None, ["- title — outlet", "(outlet, date)"]),
    ("mix-md-inline-reference", ".md", "ocean-heat", None, ["Markdown inline links", "Markdown references"]),
    ("mix-md-bare-title", ".md", "school-lunch", "## Sources", ["bare URLs", "title + URL, outlet from address"]),
    ("mix-labelled-dashes", ".txt", "ocean-heat", None, ["출처: outlet (URL)", "1. title -outlet-"]),
    ("no-outlet", ".txt", "village-radio", "출처", ["title + URL, outlet unknown"] * 2),
    ("md-no-outlet", ".md", "village-radio", None, ["title + URL, outlet unknown"] * 2),
    ("unnumbered", ".txt", "rain-sensor", "참고 기사", ["title - outlet, unnumbered"] * 2),
    ("md-unnumbered", ".md", "library-robot", None, ["title - outlet, unnumbered"] * 2),
    ("mix-unnumbered-bracket", ".txt", "battery-recycle", None,
     ["title - outlet, unnumbered", "[1] title - outlet"]),
]
# Forms tried after the first corpus (dated from 2026-01-01, one post each, two mixing).
MORE_TEXTS = [
    ("circled", ".txt", "rain-sensor", "출처", ["① title -outlet-"] * 2),
    ("angle-url", ".txt", "library-robot", None, ["1. title - outlet + <URL>"] * 2),
    ("bullet-slash", ".txt", "battery-recycle", "참고 기사", ["• title / outlet"] * 2),
    ("date-url-inline", ".txt", "night-bus", "출처", ["title (outlet, 2025-11-03) URL"] * 2),
    ("outlet-bracketed", ".txt", "ocean-heat", None, ["[outlet] title"] * 2),
    ("outlet-angled", ".txt", "school-lunch", "출처:", ["<outlet> title"] * 2),
    ("md-star-link-outlet", ".md", "rain-sensor", "## 참고 기사", ["* [title](URL) — outlet"] * 2),
    ("quoted-title-comma", ".txt", "library-robot", None, ["1. 「title」, outlet"] * 2),
    ("outlet-middle-dot", ".txt", "battery-recycle", "References", ["1. outlet · title"] * 2),
    ("outlet-double-colon", ".txt", "night-bus", None, ["▶ outlet :: title"] * 2),
    ("outlet-quoted-title", ".txt", "ocean-heat", "참고 링크", ["1. outlet “title”"] * 2),
    ("tab", ".txt", "school-lunch", None, ["1.<TAB>title<TAB>outlet"] * 2),
    ("fullwidth", ".txt", "rain-sensor", None, ["1） title （outlet）"] * 2),
    ("hash-number", ".md", "library-robot", None, ["#1 title (outlet)"] * 2),
    ("korean-number", ".txt", "battery-recycle", "출처", ["1번. title - outlet"] * 2),
    ("emoji-pipe", ".txt", "night-bus", None, ["📰 title | outlet"] * 2),
    ("english-outlets", ".txt", "repair-cafe", "Sources", ["1. title - outlet + <URL>"] * 2),
    ("md-english-outlets", ".md", "repair-cafe", None, ["[outlet] title"] * 2),
    ("mix-circled-slash", ".txt", "ocean-heat", None, ["① title -outlet-", "• title / outlet"]),
    ("mix-tab-date-url", ".txt", "school-lunch", "출처", ["1.<TAB>title<TAB>outlet",
                                                         "title (outlet, 2025-11-03) URL"]),
]


def main() -> None:
    truth: dict[str, dict] = {}
    never = list(NEVER)
    for k, (stem, shape, write, slug, form) in enumerate(PAGES):
        story = BY_SLUG[slug]
        name = f"2025-11-{k + 1:02d}-{stem}.html"
        (HERE / name).write_text(write(story), "utf-8")
        truth[name] = {"shape": shape, "form": form, "title": story.title,
                       "paragraphs": paragraphs(story), "sources": page_sources(story, form),
                       "never": never}
    texts = [(f"2025-12-{k + 1:02d}", *row) for k, row in enumerate(TEXTS)]
    texts += [(f"2026-01-{k + 1:02d}", *row) for k, row in enumerate(MORE_TEXTS)]
    for date, stem, ext, slug, label, forms in texts:
        story = BY_SLUG[slug]
        name = f"{date}-{stem}{ext}"
        text, sources = text_post(story, label, forms, ext)
        (HERE / name).write_text(text, "utf-8")
        shape = "Markdown post" if ext == ".md" else "text post"
        truth[name] = {"shape": shape, "form": " + ".join(dict.fromkeys(forms)),
                       "title": story.title, "paragraphs": paragraphs(story),
                       "sources": sources, "never": ["http", "출처", "참고 기사", "References"]}
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                     "utf-8")


if __name__ == "__main__":
    main()
