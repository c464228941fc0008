"""Posts made to be slow: does reading and scripting a post grow faster than the post?

Each shape (a long run of dates, nested quote marks, a long address, ...) is one paragraph
of a post, at 1000 and at 4000 repetitions. The post is planned in this process as a build
plans it (read, segmented, scripted, normalised) and timed; a shape whose time grows more
than 6x for 4x the text is marked: something in the reading scans it again and again.

Usage: python bench/bench_hostile.py [SHAPE ...]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHAPES = {
    "dates": lambda n: "2025년 1월 1일 " * n,
    "nested quotes": lambda n: "“" * n + "본문" + "”" * n,
    "nested single quotes": lambda n: "‘" * n + "본문" + "’" * n,
    "nested straight quotes": lambda n: '"' * n + "본문" + '"' * n,
    "alternating quotes": lambda n: "“”" * n + "본문",
    "unclosed quotes in text": lambda n: "본문 “" * n,
    "parentheses": lambda n: "(" * n + "본문" + ")" * n,
    "long address": lambda n: "주소 http://" + "a." * n + "com 입니다.",
    "address characters": lambda n: "메일 " + "a." * n + "입니다.",
    "long Latin word": lambda n: "오늘 " + "a" * n + " 입니다.",
    "English words": lambda n: "open model " * n,
    "Hangul and Latin": lambda n: "가a" * n,
    "long number": lambda n: "숫자 " + "1" * n + "입니다.",
    "grouped number": lambda n: "숫자 " + "1," * n + "1입니다.",
    "arrows": lambda n: "가격 " + "1 → " * n + "2",
    "percentages": lambda n: "1% " * n,
    "ranges": lambda n: "1~" * n,
    "slashes": lambda n: "1/2/" * n,
    "times": lambda n: "오후 3시 10분 " * n,
    "short sentences": lambda n: "가나다. " * n,
    "dots": lambda n: "." * n,
    "dots inside, with an aside": lambda n: "가격(정말요?)" + "." * n + "가...",
    "version names": lambda n: "Gemini 2.0 " * n,
    "marks after an arrow": lambda n: "가격 1 → 2" + "!" * n + "원",
    # whole posts rather than one paragraph (matching quotes to sources compares every quote
    # with every source: so one of the two is kept small here)
    "many quotes, 3 sources": lambda n: _post(n, 3),
    "3 quotes, many sources": lambda n: _post(3, n),
}


# Saved pages: the post is the whole .html file (the page policy prunes and selects).
PAGES = {
    "page: furniture blocks": lambda n: _page("".join(
        f'<p>문단 {k}입니다.</p><div class="another_category"><p>다른 글 {k}</p></div>'
        for k in range(n))),
    "page: source lines": lambda n: _page("<p>이상입니다.</p>" + "".join(
        f'<p>[{k + 1}] 기사 제목 {k} - 연합뉴스</p><p><a href="https://www.yna.co.kr/{k}">'
        f"https://www.yna.co.kr/{k}</a></p>" for k in range(n))),
    "page: nested sections": lambda n: _page("<section><div class='x'>" * (n // 20)
                                             + "<p>문단입니다.</p>"
                                             + "</div></section>" * (n // 20)),
}


def _page(body: str) -> str:
    return (f"<html><head><title>제목 :: 블로그</title></head><body><h1>제목</h1>"
            f"<div class='tt_article_useless_p_margin'><p>인사말입니다.</p>{body}</div>"
            f"</body></html>")


def _post(quotes: int, sources: int) -> str:
    body = "".join(f"“인용 {i}번 기사 제목 {i % sources}입니다.”\n논평 {i}입니다.\n"
                   for i in range(quotes))
    listed = "".join(f"{j + 1}. 기사 제목 {j} -한빛{j}-\nhttps://news.example.com/a/{j}\n"
                     for j in range(sources))
    return body + "이상 오늘의 소식이었습니다.\n" + listed
SIZES = (1000, 4000)


def plan_seconds(folder: Path, paragraph: str, page: bool = False) -> tuple[float, str]:
    """Seconds to plan a one-post project whose post holds ``paragraph`` (or, for a
    ``page``, is that page); and the error, if the post was refused."""
    from podcaster.build.run import Build, Progress
    from podcaster.config import load_config

    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "examples" / "demo", folder,
                    ignore=shutil.ignore_patterns("public", ".podcaster-cache", "posts"))
    (folder / "posts").mkdir()
    if page:
        (folder / "posts" / "2025-11-09-shape.html").write_text(paragraph, encoding="utf-8")
    else:
        (folder / "posts" / "2025-11-09-shape.txt").write_text(
            f"제목\n인사말입니다.\n{paragraph}\n", encoding="utf-8")
    build = Build(load_config(folder), "espeak", Progress())
    started = time.perf_counter()
    try:
        build.plan()
        error = ""
    except Exception as exc:  # a refused post is a figure too
        error = f"{type(exc).__name__}: {exc}"[:60]
    return time.perf_counter() - started, error


def main() -> None:
    names = sys.argv[1:] or [*SHAPES, *PAGES]
    plan_seconds(Path(tempfile.mkdtemp(prefix="bench-hostile-warm-")), "준비입니다.")
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        print(f"{'shape':<24} {SIZES[0]:>6} x  {SIZES[1]:>6} x   growth")
        for name in names:
            shape, page = (PAGES[name], True) if name in PAGES else (SHAPES[name], False)
            small, _ = plan_seconds(Path(tmp) / "small", shape(SIZES[0]), page)
            big, error = plan_seconds(Path(tmp) / "big", shape(SIZES[1]), page)
            growth = big / max(small, 0.01)
            worst = max(worst, growth)
            mark = "WORSE THAN LINEAR" if growth > 6 else ""
            print(f"{name:<24} {small:6.2f} s {big:6.2f} s {growth:6.1f}x {mark} {error}",
                  flush=True)
    print(f"target: no shape grows more than 6x for 4x the text: "
          f"{'PASS' if worst <= 6 else 'FAIL'} (worst {worst:.1f}x)")


if __name__ == "__main__":
    main()
