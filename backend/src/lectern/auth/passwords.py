"""What makes a password acceptable: length, and not being one attackers try first."""

from __future__ import annotations

from functools import lru_cache

import anyio
from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from lectern.errors import Invalid

MIN_LENGTH = 10
MAX_LENGTH = 256
MIN_SCORE = 2  # zxcvbn: 0 too guessable .. 4 very unguessable


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    # The 30,000 most used passwords from public breach corpora, shipped with zxcvbn.
    return frozenset(FREQUENCY_LISTS["passwords"])


def _weak(message: str) -> Invalid:
    return Invalid(message, code="weak_password", details={"field": "password"})


async def check_password_strength(password: str, *, user_inputs: list[str]) -> None:
    """Raise ``weak_password`` with a reason a person can act on."""
    if len(password) < MIN_LENGTH:
        raise _weak(f"Use at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        raise _weak(f"Use at most {MAX_LENGTH} characters.")
    if password.lower() in _common_passwords():
        raise _weak("This is one of the most common passwords. Choose another.")
    result = await anyio.to_thread.run_sync(lambda: zxcvbn(password[:100], user_inputs=user_inputs))
    if int(result["score"]) < MIN_SCORE:
        hint = result["feedback"].get("warning") or "It would be easy to guess."
        raise _weak(f"Too easy to guess: {hint.rstrip('.')}. Add words or mix in more characters.")
