"""Speed of Korean normalisation and sentence splitting on a generated news-like text."""

from __future__ import annotations

import random
import time

from podcaster.text.normalize import normalize
from podcaster.text.sentences import split_chunks, split_sentences

TEMPLATES = [
    "{y}∼{y2}년 {n}개 기업이 {a}억 {b}천만 달러를 투자해 {p}.{q}%를 차지했다.",
    "OpenAI와 Google은 {m}월 {d}일 AI 신제품 {k}가지를 공개했다.",
    "미국은 {n},{n3}건({p}.{q}%)으로 {k}위였고 한국은 {k}개 스타트업이 참여했다.",
    "가격은 ${a}, 무게는 {k}.{q}kg이며 https://example.com/{n} 에서 볼 수 있다.",
    "그는 오늘 {k}시 {n}분에 BBC와 인터뷰를 했고, {k}명의 연구진과 함께했다.",
    "안녕하세요, 오늘도 저녁 소식을 전해 드리겠습니다. 날씨가 선선해졌습니다.",
]


def corpus(sentences: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    out = []
    for _ in range(sentences):
        t = rnd.choice(TEMPLATES)
        out.append(t.format(
            y=rnd.randint(1990, 2020), y2=rnd.randint(2021, 2030), n=rnd.randint(1, 999),
            n3=f"{rnd.randint(0, 999):03}", a=rnd.randint(1, 999), b=rnd.randint(1, 9),
            p=rnd.randint(1, 99), q=rnd.randint(0, 9), m=rnd.randint(1, 12),
            d=rnd.randint(1, 28), k=rnd.randint(1, 12),
        ))  # fmt: skip
    return " ".join(out)


def main() -> None:
    text = corpus(2000)
    started = time.perf_counter()
    sentences = split_sentences(text)
    split_s = time.perf_counter() - started
    started = time.perf_counter()
    spoken = [normalize(s) for s in sentences]
    norm_s = time.perf_counter() - started
    started = time.perf_counter()
    chunks = [c for s in spoken for c in split_chunks(s, 40)]
    chunk_s = time.perf_counter() - started
    chars = sum(map(len, sentences))
    print(f"sentences          {len(sentences)} ({chars} characters)")
    print(f"split_sentences    {split_s * 1000:.1f} ms total")
    print(f"normalize          {norm_s / len(sentences) * 1e6:.0f} µs per sentence, "
          f"{chars / norm_s / 1000:.0f} k characters/s")  # fmt: skip
    print(f"split_chunks(40)   {chunk_s / len(spoken) * 1e6:.0f} µs per sentence, "
          f"{len(chunks)} chunks")  # fmt: skip


if __name__ == "__main__":
    main()
