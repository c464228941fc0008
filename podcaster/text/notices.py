"""Warnings about a post's attribution: where, what is wrong, what the author can change."""

from __future__ import annotations

from dataclasses import dataclass

from podcaster.model import Post

QUOTE_WORDS = 4  # words that name a quote in a warning


@dataclass(frozen=True)
class AttributionWarning:
    """Something about a post's attribution the author should look at."""

    post: str  # the post's file name
    message: str
    paragraph: int | None = None  # 1-based paragraph of the post body
    line: int = 0
    quote: str = ""  # the quote's first words
    advice: str = ""  # what the author can change

    @property
    def where(self) -> str:
        """The post, and the paragraph when the warning is about one."""
        if self.paragraph is None:
            return self.post
        line = f" (line {self.line})" if self.line else ""
        return f"{self.post}: paragraph {self.paragraph}{line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.said}"

    @property
    def said(self) -> str:
        """The warning without its place: the quote's first words, the message, the advice."""
        quote = f"“{self.quote}”: " if self.quote else ""
        advice = f" ({self.advice})" if self.advice else ""
        return f"{quote}{self.message}{advice}"

    def to_dict(self) -> dict:
        d = {"post": self.post, "paragraph": self.paragraph, "line": self.line or None,
             "message": self.message}
        if self.quote:
            d["quote"] = self.quote
        if self.advice:
            d["advice"] = self.advice
        return d


def warning_at(post: Post, block: int, message: str, advice: str = "") -> AttributionWarning:
    """A warning about paragraph ``block`` (0-based) of ``post``, naming the quote there by
    its first words."""
    return AttributionWarning(post.path.name, message, block + 1, post.blocks[block].line,
                              first_words(post.blocks[block].text), advice)


def first_words(text: str, words: int = QUOTE_WORDS) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when there are more."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
