"""Certificate codes: 12 characters of Crockford's base32 (no I, L, O or U, so nothing reads
as another character), grouped XXXX-XXXX-XXXX. 60 random bits: guessing one is hopeless."""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12

# What people type instead: lower case, O for 0, I or L for 1 (Crockford's decoding rules).
_LOOKALIKES = str.maketrans("OIL", "011")
_SEPARATORS = re.compile(r"[\s\-_.]+")


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return _grouped(raw)


def normalise_code(typed: str) -> str | None:
    """The code as stored (upper case, dashed), or None when `typed` cannot be one."""
    raw = _SEPARATORS.sub("", typed).upper().translate(_LOOKALIKES)
    if len(raw) != LENGTH or any(c not in ALPHABET for c in raw):
        return None
    return _grouped(raw)


def _grouped(raw: str) -> str:
    return f"{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"
