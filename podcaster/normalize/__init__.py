"""Placeholder until the normalisation stage lands: returns the text unchanged."""


def normalize(text, lexicon=None):
    return text
