"""Plain words out of Markdown, query words, and highlight markers into fragments."""

from __future__ import annotations

import re

from lectern.catalog.schemas import Fragment

# Control characters no title or description contains: the engines put them around matches.
MATCH_START, MATCH_END = "\x02", "\x03"

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"(^|\s)(#{1,6}|[-*+>]|\d+\.)\s+|[*_`~|]+|<[^>]+>", re.MULTILINE)
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
_VOCABULARY_WORD = re.compile(r"[^\W\d_]{3,40}")


def markdown_to_text(markdown: str) -> str:
    """Good enough for indexing and snippets: link text kept, markup and URLs dropped."""
    text = _LINK.sub(r"\1", markdown)
    text = _MARKUP.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def query_words(query: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(query)][:12]


def vocabulary_of(*texts: str) -> set[str]:
    return {w.lower() for text in texts for w in _VOCABULARY_WORD.findall(text)}


def fragments(marked: str) -> list[Fragment]:
    """Split text with MATCH_START/MATCH_END markers into plain and matched runs."""
    out: list[Fragment] = []
    for i, part in enumerate(re.split(f"[{MATCH_START}{MATCH_END}]", marked)):
        if part:
            out.append(Fragment(text=part, match=i % 2 == 1))
    return out
