"""A local fake of Google Translate's TTS endpoint, for gTTS without the internet.

gTTS POSTs ``f.req=<rpc>`` to ``https://translate.google.<tld>/_/TranslateWebserverUi/data/
batchexecute`` through ``requests``; Google answers with ``)]}'``-prefixed lines, one of
them the ``jQ1olc`` RPC result holding base64 MP3. While a ``FakeGoogle`` is active every
``requests`` session hands such URLs to a transport adapter that answers the same way, with
real MP3 audio made by ffmpeg: a tone lasting ``SECONDS_PER_CHAR`` per character (1.5 times
longer for slow speech), so tests can tell from the audio what was asked.

    with FakeGoogle(latency=0.15) as google:
        ...                     # gTTS calls land here
    google.texts                # what was asked, in order
    google.fail_next(429, 429)  # the next two requests get HTTP 429
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
import time
import urllib.parse
from collections import deque
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg
import requests
from requests.adapters import BaseAdapter

from tests.helpers import ROOT, make_project

PATH = "/_/TranslateWebserverUi/data/batchexecute"
SECONDS_PER_CHAR = 0.05
SLOW_FACTOR = 1.5
RATE = 24000

# Failure kinds besides HTTP status codes.
RESET = "reset"  # the connection fails (like being offline)
TIMEOUT = "timeout"  # the server does not answer in time

FRAME_BYTES = 96  # MPEG-2 layer III, 32 kbit/s at 24 kHz: 72 * 32000 / 24000, no padding
FRAME_SECONDS = 576 / RATE
LONGEST = 60.0  # seconds of tone made once; answers are cut from it at frame boundaries

_tone: bytes | None = None
_tone_lock = threading.Lock()


def tone_mp3(seconds: float) -> bytes:
    """A real MP3 (24 kHz mono, 32 kbit/s CBR, like Google's) of a tone lasting ``seconds``.

    ffmpeg encodes one long tone once; an answer is its first whole frames.
    """
    global _tone
    with _tone_lock:
        if _tone is None:
            _tone = subprocess.run(
                [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error",
                 "-nostdin", "-f", "lavfi",
                 "-i", f"sine=frequency=440:sample_rate={RATE}:duration={LONGEST}",
                 "-ac", "1", "-b:a", "32k", "-write_xing", "0", "-id3v2_version", "0",
                 "-f", "mp3", "pipe:1"],
                capture_output=True, check=True).stdout
    frames = max(4, round(min(seconds, LONGEST) / FRAME_SECONDS))
    return _tone[:frames * FRAME_BYTES]


@dataclass
class Request:
    """What gTTS asked for in one request."""

    host: str
    text: str
    lang: str
    slow: bool


def parse_request(prepared: requests.PreparedRequest) -> Request:
    """Decode gTTS's batchexecute form body. Raises ValueError if it is not one."""
    url = urllib.parse.urlsplit(prepared.url)
    if prepared.method != "POST" or url.path != PATH:
        raise ValueError(f"unexpected request {prepared.method} {prepared.url}")
    body = prepared.body.decode() if isinstance(prepared.body, bytes) else prepared.body
    form = urllib.parse.parse_qs(body)
    rpc = json.loads(form["f.req"][0])
    rpc_id, parameter = rpc[0][0][0], rpc[0][0][1]
    if rpc_id != "jQ1olc":
        raise ValueError(f"unexpected rpc {rpc_id}")
    text, lang, speed, _ = json.loads(parameter)
    return Request(url.hostname, text, lang, bool(speed))


def google_answer(mp3: bytes) -> bytes:
    """The body Google sends for one spoken chunk."""
    payload = json.dumps([base64.b64encode(mp3).decode("ascii")])
    line = json.dumps([["wrb.fr", "jQ1olc", payload, None, None, None, "generic"],
                       ["di", 42], ["af.httprm", 41, "-1234567890", 7]],
                      separators=(",", ":"))
    tail = json.dumps([["e", 4, None, None, len(line) + 60]], separators=(",", ":"))
    return f")]}}'\n\n{len(line)}\n{line}\n{len(tail)}\n{tail}\n".encode()


class _Adapter(BaseAdapter):
    def __init__(self, google: FakeGoogle):
        super().__init__()
        self.google = google

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        return self.google.answer(request, timeout)

    def close(self):
        pass


class FakeGoogle:
    """Answers gTTS's requests like Google does while active (a context manager)."""

    def __init__(self, latency: float = 0.0, status: int = 200):
        self.latency = latency
        self.status = status  # answer to every request not scheduled by fail_next
        self.requests: list[Request] = []
        self._plan: deque[int | str] = deque()
        self._lock = threading.Lock()
        self._adapter = _Adapter(self)
        self._original = None

    @property
    def texts(self) -> list[str]:
        return [r.text for r in self.requests]

    def fail_next(self, *failures: int | str) -> None:
        """The next requests fail like this, in order (HTTP status codes, RESET, TIMEOUT)."""
        with self._lock:
            self._plan.extend(failures)

    def __enter__(self) -> FakeGoogle:
        original = requests.Session.get_adapter
        adapter = self._adapter

        def get_adapter(session, url):
            host = urllib.parse.urlsplit(url).hostname or ""
            if host.startswith("translate.google."):
                return adapter
            return original(session, url)

        self._original = original
        requests.Session.get_adapter = get_adapter
        return self

    def __exit__(self, *exc) -> None:
        requests.Session.get_adapter = self._original

    def answer(self, prepared: requests.PreparedRequest, timeout) -> requests.Response:
        asked = parse_request(prepared)
        with self._lock:
            self.requests.append(asked)
            outcome = self._plan.popleft() if self._plan else self.status
        if outcome == RESET:
            raise requests.ConnectionError(
                "HTTPSConnectionPool: Max retries exceeded (Caused by NewConnectionError("
                "'Failed to establish a new connection: [Errno 111] Connection refused'))")
        read_timeout = timeout[1] if isinstance(timeout, tuple) else timeout
        if outcome == TIMEOUT:
            raise requests.ReadTimeout(f"Read timed out. (read timeout={read_timeout})")
        if self.latency:
            time.sleep(self.latency)
        response = requests.Response()
        response.status_code = int(outcome)
        response.reason = {200: "OK", 429: "Too Many Requests", 500: "Internal Server Error",
                           503: "Service Unavailable"}.get(response.status_code, "Error")
        response.url = prepared.url
        response.request = prepared
        response.encoding = "utf-8"
        if response.status_code == 200:
            seconds = len(asked.text) * SECONDS_PER_CHAR * (SLOW_FACTOR if asked.slow else 1)
            body = google_answer(tone_mp3(seconds))
            response.headers["Content-Type"] = "application/json; charset=utf-8"
        else:
            body = b"<html><title>Error</title></html>"
            response.headers["Content-Type"] = "text/html"
        response._content = body
        response._content_consumed = True
        return response


# A small project to build ------------------------------------------------------------------


SMALL_POST = """\
작은 실험실의 하루
안녕하세요 달빛연구소입니다. 오늘은 짧은 소식 하나를 전합니다.
“한 대학 연구팀이 작은 로봇 팔로 빨래를 개는 데 성공했다. 연구팀은 내년에 시제품을 공개할 계획이다.”
이상 달빛연구소였습니다. 좋은 밤 되세요.
1. 빨래 개는 로봇 팔 공개 -오늘과학-
https://science.example.com/robot-arm
"""

SECOND_POST = """\
새벽의 번역기
안녕하세요 달빛연구소입니다.
“새로운 번역 모델이 사투리까지 알아듣는다고 한다.”
이상 달빛연구소였습니다.
1. 사투리 번역 모델 -말과기술-
https://lang.example.com/dialect
"""


def gtts_project(root: Path, engine: str = "gtts", posts: dict[str, str] | None = None,
                 engine_toml: str = "") -> Path:
    """A podcast project folder for the gTTS tests with ``posts`` (file name -> text), without
    sounds of its own; returns its path."""
    return make_project(root, posts if posts is not None else
                        {"2025-01-10-laundry.txt": SMALL_POST}, sounds=False, config=f"""\
[show]
title = "달빛연구소"
author = "달빛연구소"
description = "작은 시험용 팟캐스트입니다."
base_url = "https://example.org/moon/"
owner_email = "moon@example.org"
cover = "{(ROOT / 'audio' / 'cover.png').as_posix()}"

[engine]
name = "{engine}"
{engine_toml}
""")
