"""What eSpeak NG makes of the normalised text: Korean all through, no switch to English.

eSpeak NG marks a language switch in its phoneme output as ``(en)``; that is what happens
to "AI", "%" or "GPU" left in Korean text, and what normalisation is there to prevent.
The phonemes come from a separate process so the engine's own library state is untouched.
"""


import pytest

from podcaster.text.normalize import normalize
from tests.helpers import phonemes

pytest.importorskip("espeakng_loader")


TEXT = [
    "오픈AI가 DevDay에서 ChatGPT와 GPU 신제품을 공개했다.",
    "2015∼2025년 투자액은 302억 5천만 달러로 52.9%를 차지했다.",
    "SNS형 서비스와 AI기본권, IT파인드 웹진, BBC 보도를 보라.",
    "가격은 $199, 무게는 1.5kg, 속도는 100km/h다.",
    "R&D 예산이 3~5% 늘었다(2024년 기준).",
]


def test_raw_text_makes_espeak_switch_to_english():
    # The check below can fail: unnormalised text does switch.
    assert all("(en)" in p for p in phonemes(["AI 기술", "52.9%", "GPU"]))


def test_normalised_text_stays_korean():
    spoken = [normalize(t) for t in TEXT]
    for text, phones in zip(spoken, phonemes(spoken), strict=True):
        assert "(en)" not in phones, (text, phones)


def test_normalised_sample_post_stays_korean(sample_post):
    lines = sample_post.path.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if line.strip()]
    body = body[: next(i for i, line in enumerate(body) if line[:2] == "1.")]
    spoken = [normalize(line) for line in body]
    for text, phones in zip(spoken, phonemes(spoken), strict=True):
        assert "(en)" not in phones, (text, phones)
