"""URL names made from titles."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, *, max_length: int = 80, fallback: str = "course") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or fallback


def first_free(stem: str, taken: set[str]) -> str:
    """`stem`, or `stem-2`, `stem-3`... whichever is not taken yet."""
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"
