"""What compiled rules need beyond Python's own operators: null-aware orderings and text equality.

Python already compares an int with a float exactly (``2**53 + 1 > 2.0**53``), as the rule language
requires, and ``None == None`` holds while a value never equals ``None``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

__all__ = ["greater", "greater_or_equal", "less", "less_or_equal", "same_text", "text_in"]


def less(a: Any, b: Any) -> bool:
    """``a < b``; false when either is None (an ordering with a null operand is false)."""
    return a is not None and b is not None and bool(a < b)


def less_or_equal(a: Any, b: Any) -> bool:
    """``a <= b``; false when either is None."""
    return a is not None and b is not None and bool(a <= b)


def greater(a: Any, b: Any) -> bool:
    """``a > b``; false when either is None."""
    return a is not None and b is not None and bool(a > b)


def greater_or_equal(a: Any, b: Any) -> bool:
    """``a >= b``; false when either is None."""
    return a is not None and b is not None and bool(a >= b)


def same_text(a: str | None, b: str | None) -> bool:
    """``a == b`` for strings as Swift compares them: canonically equivalent spellings (NFC and NFD
    ``é``) are equal. None equals only None."""
    if a is None or b is None:
        return a is b
    if a == b:
        return True
    if a.isascii() and b.isascii():
        return False
    return unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b)


def text_in(a: str | None, items: Iterable[str]) -> bool:
    """``a in [..]`` for strings, by :func:`same_text`; None is never in the list."""
    return a is not None and any(same_text(a, item) for item in items)
