"""Each normalisation step on its own: small inputs, the one change it makes."""

import pytest

from podcaster.text.normalize import STEPS, Lexicon, normalize, steps
from podcaster.text.normalize.particles import choose_particles


def run(step, text):
    return choose_particles(step(text))


@pytest.mark.parametrize(
    "step, written, spoken",
    [
        (steps.unify_characters, "２０％", "20%"),
        (steps.unify_characters, "①번", "1번"),
        (steps.unify_characters, "10㎞", "10km"),
        (steps.unify_characters, "그래서…", "그래서..."),
        (steps.unify_characters, "A\u200bI", "AI"),
        (steps.read_urls, "보기: https://a.example.com/x?y=1.", "보기: example 닷컴."),
        (steps.read_urls, "메일 me@example.com 으로", "메일 ME 골뱅이 example 닷컴으로"),
        (steps.read_urls, "메일 me@example.com 참고", "메일 ME 골뱅이 example 닷컴 참고"),
        (steps.read_urls, "example.co.kr에서", "example 닷 씨오 닷 케이알에서"),
        (steps.read_urls, "http://10.0.0.1:8080/x 접속", "링크 접속"),
        (steps.read_urls, "52.9%와 v1.2", "52.9%와 v1.2"),
        (steps.drop_emoji, "좋다👍🏻!", "좋다!"),
        (steps.drop_emoji, "하트❤️", "하트"),
        (steps.drop_footnote_marks, "보고서[12]에", "보고서에"),
        (steps.drop_footnote_marks, "목록: [1] 첫째", "목록: [1] 첫째"),
        (steps.drop_glosses, "웨이모(Waymo)는", "웨이모는"),
        (steps.drop_glosses, "인공지능 (AI) 기술", "인공지능 기술"),
        (steps.drop_glosses, "경제(經濟)", "경제"),
        (steps.drop_glosses, "투자(23.2%)", "투자(23.2%)"),
        (steps.drop_glosses, "(AI) 기술", "(AI) 기술"),
        (steps.read_model_names, "A4와 PS5", "A포와 PS파이브"),
        (steps.read_model_names, "H100과 A4.5", "H100과 A4.5"),
        (steps.apply_builtin_lexicon, "OPENAI와 openai", "오픈에이아이와 오픈에이아이"),
        (steps.apply_builtin_lexicon, "LED와 led", "엘이디와 led"),
        (steps.apply_builtin_lexicon, "Googled", "Googled"),
        (steps.read_currency, "$15", "15 달러"),
        (steps.read_currency, "$1.5B", "15억 달러"),
        (steps.read_currency, "$2.5M", "250만 달러"),
        (steps.read_currency, "₩3억", "3억 원"),
        (steps.read_dates_and_times, "2025-10-06", "2025년 10월 6일"),
        (steps.read_dates_and_times, "2025.10.06", "2025년 10월 6일"),
        (steps.read_dates_and_times, "2025-13-06", "2025-13-06"),
        (steps.read_dates_and_times, "9:30", "9시 30분"),
        (steps.read_dates_and_times, "10:00:15", "10시 15초"),
        (steps.read_dates_and_times, "2:1", "2 대 1"),
        (steps.read_codes, "02-123-4567", "공이, 일이삼, 사오육칠"),
        (steps.read_fractions, "2/3", "삼분의 이"),
        (steps.read_fractions, "24/7", "24/7"),
        (steps.read_units, "52.9%", "52.9퍼센트"),
        (steps.read_units, "3 kg", "3킬로그램"),
        (steps.read_units, "5m 높이", "5미터 높이"),
        (steps.read_units, "5men", "5men"),
        (steps.read_ranges, "2015∼2025년", "이천십오 년부터 이천이십오 년까지"),
        (steps.read_ranges, "3~5명", "세 명에서 다섯 명"),
        (steps.read_ranges, "2015-2025", "2015-2025"),
        (steps.read_numbers, "3개 20살 1,130건", "세 개 스무 살 천백삼십 건"),
        (steps.read_numbers, "302억 5천만", "삼백이억 오천만"),
        (steps.read_numbers, "-3도", "마이너스 삼 도"),
        (steps.read_numbers, "GPT-4", "GPT-사"),
        (steps.read_english, "AI와 IT", "에이아이와 아이티"),
        (steps.read_english, "BBC는", "비비씨는"),
        (steps.read_english, "GPUs", "지피유스"),
        (steps.read_english, "Tom", "톰"),
        (steps.read_symbols, "A & B", "A 앤드 B"),
        (steps.read_symbols, "가(나)다", "가, 나다"),
        (steps.read_symbols, "한·중·일", "한중일"),
        (steps.read_symbols, "정치·경제", "정치, 경제"),
        (steps.read_symbols, "그래서... 음", "그래서, 음"),
        (steps.read_symbols, "끝...", "끝."),
        (steps.read_symbols, "물결~", "물결 "),
        (steps.tidy, "가 ,, 나 .", "가, 나."),
        (steps.tidy, ", 가,나", "가, 나"),
        (steps.tidy, "왜?, 가", "왜? 가"),
        (steps.tidy, "“, 가", "“가"),
        (steps.tidy, "1,000", "1,000"),
    ],
)
def test_step(step, written, spoken):
    assert run(step, written) == spoken


def test_steps_are_the_pipeline():
    text = "2015∼2025년 OpenAI의 AI 투자 52.9%(1,130건) https://example.com 😀"
    for step in STEPS:
        text = step(text)
    assert text == normalize("2015∼2025년 OpenAI의 AI 투자 52.9%(1,130건) https://example.com 😀")
    assert (
        text
        == "이천십오 년부터 이천이십오 년까지 오픈에이아이의 에이아이 투자 오십이 점 구 퍼센트, 천백삼십 건,"
        " 이그잼플 닷컴"
    )


def test_every_step_is_idempotent_on_spoken_text():
    spoken = normalize("2015∼2025년 OpenAI의 AI 투자 52.9%, 3개 기업")
    for step in STEPS:
        assert step(spoken) == spoken, step.__name__


def test_lexicon_longest_entry_wins():
    lexicon = Lexicon({"GPT": "지피티", "ChatGPT": "챗지피티"})
    assert choose_particles(lexicon("ChatGPT와 GPT")) == "챗지피티와 지피티"


def test_lexicon_of_hangul_entries_matches_anywhere():
    assert choose_particles(Lexicon({"겨울방주": "겨울 방주"})("겨울방주입니다")) == "겨울 방주입니다"


def test_empty_lexicon_changes_nothing():
    assert Lexicon({})("AI") == "AI"
    assert normalize("AI", {}) == "에이아이"


def test_a_lexicon_matches_whole_latin_words_longest_first():
    from podcaster.text.normalize.lexicon import Lexicon

    entries = {"AI": "에이아이", "AI칩": "에이아이 칩", "GitHub": "깃허브", "iPhone": "아이폰",
               "x86": "엑스팔육"}
    exact = Lexicon(entries)
    assert exact("AI칩, AI, MAIN, 2AI, ai, GitHub, github, x86, x866, 1.x86") == (
        "에이아이 칩, 에이아이, MAIN, 2AI, ai, 깃허브, github, 엑스팔육, x866, 1.x86")
    folded = Lexicon(entries, ignore_case=True)  # entries with a small letter, in any case
    assert folded("ai, AI, GITHUB, github, IPHONE, iphone, iPhone") == (
        "ai, 에이아이, 깃허브, 깃허브, 아이폰, 아이폰, 아이폰")
    assert Lexicon({})("그대로") == "그대로"
