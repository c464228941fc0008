"""Placeholder sentence splitter until the normalisation stage lands."""

import re


def split_sentences(text):
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]


def split_chunks(text, limit=100):
    return [text]
