"""Shared helpers of the test suite: tiny projects, hand-made episodes, HTML and XML
queries, workflow linting. One module, imported by the tests; no test imports another."""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import wave
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import NoReturn

import imageio_ffmpeg
import numpy as np
import pytest
from lxml import etree

from podcaster.audio.assemble import segment_spans
from podcaster.build import BuildResult, commit
from podcaster.config import Config, load_config
from podcaster.model import (
    Block,
    Clip,
    Cue,
    Episode,
    Post,
    Segment,
    SegmentSpan,
    Source,
    TimedCue,
    Timeline,
)

# -- the checkout ----------------------------------------

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
TESTS = ROOT / "tests"


def in_ci() -> bool:
    """Whether the tests run in CI (``CI`` set, as CI services and .ci/run set it)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_or_skip(reason: str) -> NoReturn:
    """Skip the test for ``reason``; in CI, fail: there, every test must run."""
    if in_ci():
        pytest.fail(f"{reason} (CI is set: this test must run, so it fails instead of "
                    "skipping)", pytrace=False)
    pytest.skip(reason)



# -- from build fixtures ----------------------------------------

# The guid the test show always had (derived from its base_url), pinned as `init` pins it.
GUID_PIN = '[feed]\nguid = "bcfe8cc8-adc6-5170-8007-6956434efce0"\n\n'

CONFIG = """\
[show]
title = "작은 시험 방송"
author = "시험 작가"
description = "빌드 시험에 쓰는 아주 짧은 방송입니다."
base_url = "https://example.org/test-show/"
owner_email = "owner@example.org"
cover = "cover.png"

""" + GUID_PIN + """\
[engine]
name = "espeak"

[audio]
intro = "audio/intro.wav"
sting = "audio/sting.wav"
outro = "audio/outro.wav"
sentence_pause = 0.1
paragraph_pause = 0.2
segment_pause = 0.3
"""

POSTS = {
    "2025-03-01-spring-rain.txt": """\
봄비 소식
안녕하세요 시험 작가입니다.
“기상청은 주말 동안 남부 지방에 봄비가 내린다고 예보했다.”
비가 오면 꽃이 더 빨리 필 것 같습니다.
이상 오늘의 소식이었습니다.
1. 주말 남부 지방 봄비 예보 -날씨신문-
https://weather.example.org/spring-rain
""",
    "2025-03-02-robot-library.txt": """\
도서관 로봇
안녕하세요 시험 작가입니다.
“한 도서관이 책을 제자리에 꽂는 로봇을 들여왔다.”
사서 선생님들이 조금 더 여유로워지겠네요.
이상 오늘의 소식이었습니다.
1. 책 꽂는 로봇 도서관에 등장 -책소식-
https://books.example.org/robot
""",
    "2025-03-03-night-train.txt": """\
밤 기차 이야기
안녕하세요 시험 작가입니다.
“새로운 야간 열차가 다음 달부터 운행을 시작한다.”
밤 기차 여행은 언제나 설렙니다.
이상 오늘의 소식이었습니다.
1. 다음 달 새 야간 열차 운행 -여행일보-
https://travel.example.org/night-train
""",
}

# A post long enough that synthesising it takes a noticeable while (for kill/lock tests).
LONG_POST_NAME = "2025-03-04-long-day.txt"


def long_post(sentences: int = 40) -> str:
    """A post of many short, different sentences: slow to synthesise, quick to encode."""
    lines = [f"{i}번 문장." for i in range(sentences)]
    return ("긴 하루\n안녕하세요 시험 작가입니다.\n" + " ".join(lines)
            + "\n이상 오늘의 소식이었습니다.\n")


def write_tone(path: Path, seconds: float, freq: float) -> None:
    rate = 22050
    n = int(seconds * rate)
    frames = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * freq * i / rate)))
                      for i in range(n))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)


def make_project(root: Path, posts: dict[str, str] | None = None, *, config: str = CONFIG,
                 sounds: bool = True) -> Path:
    """Write a project under ``root``: podcast.toml (``config``), posts/ (file name -> text;
    default: three short posts) and, with ``sounds``, short tones in audio/; return its folder."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "podcast.toml").write_text(config, encoding="utf-8")
    (root / "posts").mkdir(exist_ok=True)
    for name, text in (POSTS if posts is None else posts).items():
        (root / "posts" / name).write_text(text, encoding="utf-8")
    # A cover of the show's own: podcaster's default one is a placeholder check refuses.
    shutil.copyfile(DEMO / "cover.png", root / "cover.png")
    if not sounds:
        return root
    audio = root / "audio"
    audio.mkdir(exist_ok=True)
    write_tone(audio / "intro.wav", 0.4, 440)
    write_tone(audio / "sting.wav", 0.15, 880)
    write_tone(audio / "outro.wav", 0.4, 330)
    return root


def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file under ``folder`` (hidden ones too): relative path -> (mtime, size, sha256)."""
    result = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            st = path.stat()
            result[path.relative_to(folder).as_posix()] = (
                st.st_mtime_ns, st.st_size, hashlib.sha256(path.read_bytes()).hexdigest())
    return result


def podcaster_cmd(*args: str) -> list[str]:
    """The command line running podcaster's CLI with this interpreter."""
    return [sys.executable, "-m", "podcaster", *args]


def invoke_cli(*args: str):
    """Run the command line in this process; stderr kept apart where click allows it."""
    import inspect

    from click.testing import CliRunner

    from podcaster.cli import main

    kwargs = {"mix_stderr": False} if "mix_stderr" in inspect.signature(CliRunner).parameters \
        else {}
    return CliRunner(**kwargs).invoke(main, list(args))


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    return subprocess.run(podcaster_cmd(*args), capture_output=True, text=True,
                          timeout=timeout, env=env)


def clip_count(project: Path) -> int:
    clips = project / ".podcaster-cache" / "clips"
    if not clips.is_dir():
        return 0
    # a build killed while writing a clip leaves a hidden temporary file: not a clip
    return sum(1 for p in clips.glob("*/*.wav") if not p.name.startswith("."))


_TEMPLATE: Path | None = None


def built_project(tmp_path_factory, dest: Path) -> Path:
    """A copy at ``dest`` of the fixture project after one full build (built once per run).

    The copy keeps the files' mtimes, so the manifest still matches its public/ folder.
    """
    global _TEMPLATE
    import shutil

    from podcaster.build import build_project

    if _TEMPLATE is None:
        template = make_project(tmp_path_factory.mktemp("built") / "show")
        build_project(template)
        _TEMPLATE = template
    shutil.copytree(_TEMPLATE, dest, symlinks=True)
    return dest


def mp3_of(public: Path, slug: str) -> Path:
    """The published MP3 of ``slug`` (named ``<slug>.<hash>.mp3`` by its content)."""
    (path,) = Path(public).glob(f"episodes/{slug}.*.mp3")
    return path


def mp3_entry(snap: dict, slug: str) -> tuple[str, tuple[int, int, str]]:
    """The (relative path, (mtime, size, sha256)) of ``slug``'s MP3 in a ``snapshot``."""
    (entry,) = [(k, v) for k, v in snap.items()
                if k.startswith(f"episodes/{slug}.") and k.endswith(".mp3")]
    return entry


# -- from built show ----------------------------------------

@dataclass
class BuiltShow:
    project: Path
    config: Config
    result: BuildResult

    @property
    def public(self) -> Path:
        return self.config.public_dir

    def episode(self, slug: str) -> Episode:
        return next(e for e in self.result.episodes if e.post.slug == slug)

    def richest(self) -> Episode:
        """The episode with the most chapters (articles among them)."""
        return max(self.result.episodes,
                   key=lambda e: (len(e.timeline.segments), e.post.slug))


def built_show(built_demo: tuple[Path, BuildResult]) -> BuiltShow:
    project, result = built_demo
    return BuiltShow(project, load_config(project), result)


# -- from html query ----------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parts: list = field(default_factory=list)  # text and child elements, in order

    @property
    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text for p in self.parts)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        yield self
        for p in self.parts:
            if isinstance(p, Element):
                yield from p.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [e for e in self.iter()
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        el = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].parts.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].parts.append(data)


def parse_html(html: str | bytes) -> Element:
    if isinstance(html, bytes):
        html = html.decode("utf-8")
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


# -- from workflow lint ----------------------------------------

BIN = Path(sys.executable).parent
SHA_PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed (pip install -e '.[test]')")
    return found


def schema_problems(path: Path) -> str:
    """check-jsonschema's complaints about ``path`` ("" if it is a valid workflow)."""
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True, text=True, timeout=120)
    return "" if result.returncode == 0 else result.stdout + result.stderr


def zizmor_findings(path: Path, pedantic: bool = False) -> list[dict]:
    """zizmor's findings for ``path``; ``pedantic`` adds the code-quality audits."""
    persona = ["--persona", "pedantic"] if pedantic else []
    result = subprocess.run([tool("zizmor"), "--offline", "--no-exit-codes", "--format", "json",
                             *persona, str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def severity(finding: dict) -> str:
    return finding["determinations"]["severity"].lower()


def described(findings: list[dict]) -> list[str]:
    return [f"{f['ident']} ({severity(f)})" for f in findings]


def steps(workflow: dict) -> list[dict]:
    """Every step of every job, in order."""
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


# -- from test_feed.py ----------------------------------------

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
}


FEED_SHOW = """
[show]
title = "테스트 라디오"
author = "시험 진행자"
description = "피드 시험용 한국어 방송입니다."
base_url = "https://example.com/radio/"
category = "Technology"
owner_email = "radio@example.com"
"""


def xpath(node, path: str) -> list:
    return node.xpath(path, namespaces=NS)


def one(node, path: str):
    found = xpath(node, path)
    assert len(found) == 1, f"{path}: {len(found)} matches"
    return found[0]


def make_config(folder: Path, extra: str = "", show: str = FEED_SHOW):
    """The config of a project in ``folder`` whose podcast.toml is ``show`` + ``extra``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "podcast.toml").write_text(show + extra, encoding="utf-8")
    return load_config(folder)


def feed_episode(config, day: str, slug: str, number: int, *, size: int = 123_456,
                 duration: float = 95.4, description: str | None = None) -> Episode:
    source = Source(1, "로봇 <주방> & 반도체", "한빛일보", "https://news.example.com/a?x=1&y=2")
    post = Post(path=config.posts_dir / f"{day}-{slug}.txt", title=f"{slug} 이야기",
                date=dt.date.fromisoformat(day), slug=slug,
                blocks=[Block("안녕하세요 시험 진행자입니다."), Block("기사 본문입니다.", True)],
                sources=[source], description=description)
    segments = [Segment("greeting", "인사", ["안녕하세요 시험 진행자입니다."]),
                Segment("article", source.title, ["기사 본문입니다."], source)]
    timeline = Timeline(segments=[SegmentSpan(0, "greeting", "인사", 0.0, 12.7),
                                  SegmentSpan(1, "article", source.title, 72.9, duration, source)],
                        duration=duration)
    return Episode(post, segments, number, config.public_dir / "episodes" / f"{slug}.mp3",
                   size, duration, timeline)


def parse_xml(data: bytes):
    return etree.fromstring(data)


# -- from test_feed_listeners.py ----------------------------------------

def config_with(folder, **show):
    """A config with these [show] options added (the test show's table is the last one)."""
    return make_config(folder, "".join(f'{key} = "{value}"\n' for key, value in show.items()))


# -- from test_site.py ----------------------------------------

SITE_CONFIG = """\
[show]
title = "밤하늘 <라디오> & 친구들"
author = "별지기"
description = "별 이야기를 나누는 방송입니다. <b>굵게</b> 보이면 안 됩니다."
base_url = "https://stars.example.org/radio"
owner_email = "host@example.org"
"""


def site_episode(tmp_path: Path, slug: str, day: dt.date, number: int,
                 title: str = "오늘의 별 <script>alert(1)</script> 이야기",
                 source_title: str = "목성 탐사선 소식", outlet: str = "우주신문") -> Episode:
    """An episode with a hand-made timeline: intro, title, greeting, one article, sign-off."""
    sources = [Source(1, source_title, outlet, "https://space.example.com/jupiter"),
               Source(2, "이상한 링크", "어딘가", "javascript:alert(2)")]
    post = Post(path=tmp_path / f"{slug}.txt", title=title, date=day, slug=slug, blocks=[],
                sources=sources, description="목성과 토성 이야기를 전합니다.")
    segments = [Segment("greeting", "인사", ["안녕하세요."]),
                Segment("article", source_title, ["첫 문장.", "둘째 문장."], sources[0]),
                Segment("signoff", "맺음말", ["이상입니다."])]
    sound = tmp_path / "sting.mp3"
    timed = [
        TimedCue(Cue("intro", sound=sound), 0.0, 4.0),
        TimedCue(Cue("title", text=title, pause_after=1.0), 4.0, 6.0),
        TimedCue(Cue("greeting", text="안녕하세요, 별지기입니다.", segment=0, paragraph=0,
                     pause_after=0.5), 7.0, 9.0),
        TimedCue(Cue("greeting", text="오늘도 <맑은> 밤이네요.", segment=0, paragraph=0,
                     pause_after=1.0), 9.5, 11.0),
        TimedCue(Cue("sting", sound=sound, segment=1), 12.0, 13.0),
        TimedCue(Cue("announcement", text="첫 번째 기사, 우주신문입니다.", segment=1,
                     pause_after=0.7), 13.0, 15.0),
        TimedCue(Cue("article", text="탐사선이 목성에 도착했다.", segment=1, paragraph=0,
                     pause_after=0.7), 15.7, 18.0),
        TimedCue(Cue("article", text="사진 100장을 보냈다.", segment=1, paragraph=1,
                     pause_after=1.0), 18.7, 21.0),
        TimedCue(Cue("sting", sound=sound, segment=1), 22.0, 23.0),
        TimedCue(Cue("signoff", text="이상 별 이야기였습니다.", segment=2, paragraph=0,
                     pause_after=0.0), 23.0, 26.0),
        TimedCue(Cue("outro", sound=sound), 26.0, 30.0),
    ]
    spans = [SegmentSpan(0, "greeting", "인사", 0.0, 12.0),
             SegmentSpan(1, "article", source_title, 12.0, 23.0, sources[0]),
             SegmentSpan(2, "signoff", "맺음말", 23.0, 30.0)]
    timeline = Timeline(cues=timed, segments=spans, duration=30.0)
    return Episode(post, segments, number, tmp_path / f"{slug}.mp3", 123456, 30.0, timeline)


# -- from test_chapters.py ----------------------------------------

AUTHOR = "별빛서재"


SOURCE_1 = Source(1, "로봇 바리스타 매장 100곳 돌파", "새벽일보", "https://news.example.com/robot-cafe")


SOURCE_2 = Source(2, "전기차 충전소 두 배로", None, None)


STING = Path("sting.mp3")


def sample_timeline() -> Timeline:
    """A hand-made episode: greeting, two articles with commentary between, sign-off."""
    segments = [
        Segment("greeting", "인사", ["안녕하세요 별빛서재입니다."]),
        Segment("article", SOURCE_1.title, ["…"], SOURCE_1),
        Segment("commentary", "논평", ["…"]),
        Segment("article", SOURCE_2.title, ["…"], SOURCE_2),
        Segment("commentary", "논평", ["…"]),
        Segment("signoff", "맺음말", ["…"]),
    ]
    plan = [  # (kind, text, spoken, segment, paragraph, start, end)
        ("intro", None, None, None, None, 0.0, 5.0),
        ("title", "로봇과 전기차의 하루", "로봇과 전기차의 하루", None, None, 5.0, 7.0),
        ("greeting", "안녕하세요 별빛서재입니다.", "안녕하세요 별빛 서재입니다.", 0, 0, 8.0, 10.0),
        ("greeting", "오늘 소식 2개를 전합니다.", "오늘 소식 두 개를 전합니다.", 0, 0, 10.5, 12.0),
        ("sting", None, None, 1, None, 13.0, 14.0),
        ("announcement", "첫 번째 기사, 새벽일보입니다.", "첫 번째 기사, 새벽일보입니다.", 1, None,
         14.0, 16.0),
        ("article", "매장이 100곳을 넘었다.", "매장이 백 곳을 넘었다.", 1, 0, 16.5, 20.0),
        ("article", "가격은 <5,000원> & 그 이하다.", "가격은 오천 원 그 이하다.", 1, 1, 20.3, 22.0),
        ("sting", None, None, 1, None, 22.0, 23.0),
        ("commentary", "반가운 소식입니다.", "반가운 소식입니다.", 2, 0, 24.0, 26.0),
        ("sting", None, None, 3, None, 27.0, 28.0),
        ("announcement", "두 번째 기사입니다.", "두 번째 기사입니다.", 3, None, 28.0, 29.5),
        ("article", "충전소가 두 배로 늘었다.", "충전소가 두 배로 늘었다.", 3, 0, 30.0, 32.0),
        ("sting", None, None, 3, None, 32.0, 33.0),
        ("commentary", "전기차 시대가 옵니다.", "전기차 시대가 옵니다.", 4, 0, 34.0, 36.0),
        ("signoff", "이상 별빛서재였습니다.", "이상 별빛 서재였습니다.", 5, 0, 37.0, 39.0),
        ("outro", None, None, None, None, 40.0, 46.0),
    ]
    timed = []
    for kind, text, spoken, segment, paragraph, start, end in plan:
        if text is None:
            cue = Cue(kind, sound=STING, segment=segment)
        else:
            cue = Cue(kind, text=text, spoken=spoken, segment=segment, paragraph=paragraph)
        timed.append(TimedCue(cue, start, end))
    duration = 46.5
    return Timeline(timed, segment_spans(timed, segments, duration), duration)


def ffmpeg_chapters(mp3: Path) -> tuple[list[dict], float]:
    """Chapters ffmpeg reads from ``mp3`` (ffmetadata), and the duration it reports."""
    proc = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", str(mp3),
         "-f", "ffmetadata", "-"], capture_output=True, check=True)
    chapters: list[dict] = []
    for line in proc.stdout.decode("utf-8").splitlines():
        if line == "[CHAPTER]":
            chapters.append({})
        elif chapters and "=" in line:
            key, value = line.split("=", 1)
            chapters[-1][key] = re.sub(r"\\(.)", r"\1", value)
    for chapter in chapters:
        assert chapter["TIMEBASE"] == "1/1000"
    h, m, s = re.search(r"Duration: (\d+):(\d+):([\d.]+)", proc.stderr.decode("utf-8", "replace")).groups()
    return chapters, int(h) * 3600 + int(m) * 60 + float(s)


# -- from test_check.py ----------------------------------------

FEED_PATH = "public/feed.xml"


class Feed:
    """The copy's feed.xml, to change with XPath and save back."""

    def __init__(self, project: Path):
        self.path = project / FEED_PATH
        self.root = etree.fromstring(self.path.read_bytes())

    def item(self, slug: str):
        (item,) = self.root.xpath(f"//item[enclosure[contains(@url, '/{slug}.')]]")
        return item

    def save(self) -> None:
        self.path.write_bytes(etree.tostring(self.root, xml_declaration=True, encoding="UTF-8"))


def item_number(project: Path, slug: str) -> int:
    urls = etree.parse(str(project / FEED_PATH)).xpath("//item/enclosure/@url")
    return [u.rsplit("/", 1)[1].split(".")[0] for u in urls].index(slug) + 1


# -- from test_build_interrupt.py ----------------------------------------

def fault_points(*modules) -> list[str]:
    """The fault-injection points named in ``modules``' source, in order."""
    names = [name for module in modules
             for name in re.findall(r'faults\.point\("([a-z-]+:[a-z-]+)"\)',
                                    inspect.getsource(module))]
    return list(dict.fromkeys(names))  # once each (a mutation-testing copy repeats them)


COMMIT = fault_points(commit)


NEW_POST = ("2025-03-05-small-boat.txt", """\
작은 배 이야기
안녕하세요 시험 작가입니다.
“항구에 전기로 움직이는 작은 배가 처음 들어왔다.”
조용한 배라서 아침 바다가 더 고요하겠습니다.
이상 오늘의 소식이었습니다.
""")


# -- from test_normalize_english.py ----------------------------------------

# Words as Korean media spell them. DEVELOPMENT was used while writing the rules; HELD_OUT
# was written down and measured before any rule was tuned on it.
DEVELOPMENT = {
    "computer": "컴퓨터", "internet": "인터넷", "software": "소프트웨어", "hardware": "하드웨어",
    "network": "네트워크", "server": "서버", "service": "서비스", "system": "시스템", "program": "프로그램",
    "platform": "플랫폼", "game": "게임", "camera": "카메라", "battery": "배터리", "display": "디스플레이",
    "monitor": "모니터", "keyboard": "키보드", "mouse": "마우스", "speaker": "스피커", "screen": "스크린",
    "design": "디자인", "content": "콘텐츠", "marketing": "마케팅", "startup": "스타트업", "update": "업데이트",
    "upgrade": "업그레이드", "download": "다운로드", "online": "온라인", "offline": "오프라인",
    "smartphone": "스마트폰", "tablet": "태블릿", "laptop": "랩톱", "robot": "로봇", "sensor": "센서",
    "security": "시큐리티", "hacker": "해커", "password": "패스워드", "cloud": "클라우드", "storage": "스토리지",
    "memory": "메모리", "model": "모델", "data": "데이터", "algorithm": "알고리즘", "machine": "머신",
    "learning": "러닝", "deep": "딥", "agent": "에이전트", "token": "토큰", "prompt": "프롬프트",
    "video": "비디오", "audio": "오디오", "music": "뮤직", "streaming": "스트리밍", "channel": "채널",
    "shopping": "쇼핑", "delivery": "딜리버리", "market": "마켓", "project": "프로젝트", "team": "팀",
    "leader": "리더", "manager": "매니저", "office": "오피스", "event": "이벤트", "conference": "콘퍼런스",
    "summit": "서밋", "partner": "파트너", "premium": "프리미엄", "digital": "디지털", "mobile": "모바일",
    "global": "글로벌", "vision": "비전", "studio": "스튜디오", "energy": "에너지", "solution": "솔루션",
    "interface": "인터페이스", "dashboard": "대시보드", "pipeline": "파이프라인", "framework": "프레임워크",
    "benchmark": "벤치마크", "keynote": "키노트", "sandbox": "샌드박스", "chatbot": "챗봇",
    "browser": "브라우저", "search": "서치", "engine": "엔진", "drone": "드론", "license": "라이선스",
    "smart": "스마트", "tower": "타워", "hotel": "호텔",
}  # fmt: skip


HELD_OUT = {
    "account": "어카운트", "address": "어드레스", "bank": "뱅크", "brand": "브랜드", "budget": "버짓",
    "business": "비즈니스", "button": "버튼", "center": "센터", "coffee": "커피", "community": "커뮤니티",
    "company": "컴퍼니", "concert": "콘서트", "control": "컨트롤", "cookie": "쿠키", "copy": "카피",
    "course": "코스", "credit": "크레디트", "custom": "커스텀", "driver": "드라이버", "edition": "에디션",
    "editor": "에디터", "error": "에러", "file": "파일", "filter": "필터", "finance": "파이낸스",
    "focus": "포커스", "fund": "펀드", "gallery": "갤러리", "gift": "기프트", "golf": "골프", "group": "그룹",
    "guide": "가이드", "health": "헬스", "home": "홈", "image": "이미지", "index": "인덱스", "item": "아이템",
    "kitchen": "키친", "level": "레벨", "link": "링크", "list": "리스트", "live": "라이브", "logo": "로고",
    "magazine": "매거진", "master": "마스터", "media": "미디어", "member": "멤버", "message": "메시지",
    "mission": "미션", "option": "옵션", "order": "오더", "package": "패키지", "page": "페이지",
    "panel": "패널", "pass": "패스", "pay": "페이", "photo": "포토", "pizza": "피자", "planet": "플래닛",
    "player": "플레이어", "point": "포인트", "power": "파워", "price": "프라이스", "print": "프린트",
    "radio": "라디오", "report": "리포트", "review": "리뷰", "scale": "스케일", "school": "스쿨",
    "season": "시즌", "share": "셰어", "sign": "사인", "signal": "시그널", "size": "사이즈", "skill": "스킬",
    "social": "소셜", "space": "스페이스", "star": "스타", "station": "스테이션", "style": "스타일",
    "super": "슈퍼", "table": "테이블", "test": "테스트", "ticket": "티켓", "title": "타이틀", "tool": "툴",
    "travel": "트래블", "trend": "트렌드", "type": "타입", "user": "유저", "wallet": "월렛", "web": "웹",
    "world": "월드",
}  # fmt: skip


# -- from test_normalize_espeak.py ----------------------------------------

_PHONEMES = r"""
import ctypes, json, sys
import espeakng_loader
lib = ctypes.CDLL(espeakng_loader.get_library_path())
lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
if lib.espeak_Initialize(2, 0, espeakng_loader.get_data_path().encode(), 0) <= 0:
    sys.exit("eSpeak NG did not initialise")
lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
lib.espeak_SetVoiceByName(b"ko")
lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
out = []
for text in json.load(sys.stdin):
    buf = ctypes.create_string_buffer(text.encode() + b"\0")
    ptr = ctypes.c_void_p(ctypes.addressof(buf))
    parts = []
    while ptr.value:
        parts.append(lib.espeak_TextToPhonemes(ctypes.byref(ptr), 1, 0).decode("utf-8", "replace"))
    out.append(" ".join(parts))
json.dump(out, sys.stdout)
"""


def phonemes(texts: list[str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PHONEMES], input=json.dumps(texts), capture_output=True,
        text=True, timeout=60, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def assert_read_in_korean(spoken: list[str]) -> None:
    """No Latin letter or ASCII digit is left, and eSpeak NG reads every text without
    switching to its English voice."""
    pytest.importorskip("espeakng_loader")
    assert not [s for s in spoken if re.search("[A-Za-z0-9]", s)]
    for text, phones in zip(spoken, phonemes(spoken), strict=True):
        assert "(en)" not in phones, (text, phones)


# -- from test_assemble.py ----------------------------------------

def write_wav(path: Path, samples: np.ndarray, rate: int) -> Clip:
    pcm = np.clip(np.round(samples * 32767), -32768, 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return Clip(path, len(samples) / rate)


# A post whose one quote fits neither of its two sources: the build cannot credit it.
UNCREDITED = """\
두 기사 소식
안녕하세요 시험 작가입니다.
“서울 지하철 새 노선이 다음 달에 개통한다.”
이상 오늘의 소식이었습니다.
1. 서울 지하철 새 노선 개통 -교통일보-
https://traffic.example.org/line
2. 제주 감귤 수확량 역대 최대 -농업신문-
https://farm.example.org/tangerine
"""
