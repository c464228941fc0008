from podcaster.sentences import split_chunks, split_sentences


def test_keeps_decimal_numbers_together():
    assert split_sentences("점유율은 52.9%였다. 다음 소식입니다.") == [
        "점유율은 52.9%였다.",
        "다음 소식입니다.",
    ]


def test_chunks_fit_and_never_cut_words():
    text = "가나다라 마바사아 " * 30
    chunks = split_chunks(text, limit=40)
    assert all(len(c) <= 40 for c in chunks)
    assert " ".join(chunks).split() == text.split()
