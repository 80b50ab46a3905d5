"""The fast accept path: the standard library's C JSON scanner, made exact by checks around it.

Python's ``json`` alone is not strict enough: it keeps the last of duplicate keys, lets lone surrogate
escapes through, reads ``NaN`` and ``Infinity``, turns ``1e400`` into infinity, ``-0`` into the int 0,
and integers beyond 64 bits into big ints. Here the C scanner runs on text already decoded as strict
UTF-8, with number hooks that read numbers exactly as Swift does (refusing overflow), a constant hook
that refuses ``NaN``/``Infinity`` and an object hook that refuses repeated keys; cheap checks of the
text rule out lone surrogates, too much nesting and the limits. Whatever it does not accept is read again by the strict
reader, which says what is wrong: this path never diagnoses, so categories and paths come from one place.
"""

from __future__ import annotations

import json.decoder
import re
import typing
from collections.abc import Callable
from typing import Final

from ._reader import INT64_MAX, INT64_MIN, JSONLimits

__all__ = ["REFUSED", "parse_fast"]


class _Refused(Exception):
    """The fast path does not vouch for this text."""


REFUSED: Final = object()
"""What :func:`parse_fast` returns for text it leaves to the strict reader."""

# What looks like a `\u` escape of a surrogate (it is one unless its backslash is itself escaped).
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_WHITESPACE: Final = " \t\n\r"

_Scanner = Callable[[str, int], "tuple[object, int]"]


def parse_fast(text: str, byte_count: int, limits: JSONLimits) -> object:
    """The JSON value of ``text`` (already strict UTF-8, ``byte_count`` bytes long) as plain data (objects as
    dicts, arrays as lists, numbers as the strict reader reads them), or :data:`REFUSED`."""
    if byte_count > limits.max_input_length or byte_count - 2 > limits.max_string_length:
        return REFUSED
    # The depth can be no more than the number of brackets, and a complete value of depth d is at least 2d
    # characters long (a value the scanner does not complete is refused anyway); an object's members are no
    # more than its colons.
    length = len(text)
    if length > 2 * limits.max_depth and text.count("[") + text.count("{") > limits.max_depth:
        return REFUSED
    if length > limits.max_keys_per_object and text.count(":") > limits.max_keys_per_object:
        return REFUSED
    # One search with a literal prefix finds a possible surrogate escape faster than `in` tests.
    if _SURROGATE_ESCAPE.search(text) is not None and _has_lone_surrogate_escape(text):
        return REFUSED
    try:
        value, end = _SCANNER(text, 0)
    except StopIteration:
        # No value at the start: maybe whitespace before it, which the scanner does not skip itself.
        start = len(text) - len(text.lstrip(_WHITESPACE))
        if start == 0:
            return REFUSED
        try:
            value, end = _SCANNER(text, start)
        except (StopIteration, ValueError, RecursionError, _Refused):
            return REFUSED
    except (ValueError, RecursionError, _Refused):
        return REFUSED
    if end != length and text[end:].strip(_WHITESPACE):
        return REFUSED
    return value


def _has_lone_surrogate_escape(text: str) -> bool:
    """Whether ``text`` has a ``\\u`` escape of a high surrogate not directly followed by one of a low
    surrogate, or of a low surrogate not directly after a high one (which the C scanner would let through)."""
    low_expected_at = -1
    for match in _SURROGATE_ESCAPE.finditer(text):
        start = match.start()
        backslash = start
        while backslash > 0 and text[backslash - 1] == "\\":
            backslash -= 1
        if (start - backslash) % 2:
            continue  # An escaped backslash followed by the letter u: not an escape.
        is_high = text[start + 3] in "89abAB"
        if low_expected_at >= 0:
            if start != low_expected_at or is_high:
                return True
            low_expected_at = -1
        elif is_high:
            low_expected_at = start + 6
        else:
            return True
    return low_expected_at >= 0


def _checked_object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    members = dict(pairs)
    if len(members) != len(pairs):
        raise _Refused  # A repeated key.
    return members


def _refuse(text: str) -> object:
    raise _Refused


def _exact_int(text: str) -> int | float:
    """An integer as Swift reads it: an int when it fits in 64 bits, else the nearest double; ``-0`` is -0.0."""
    if len(text) < 19:
        return int(text) if text != "-0" else -0.0
    value = int(text) if len(text) <= 20 else 0.5
    return value if type(value) is int and INT64_MIN <= value <= INT64_MAX else _exact_float(text)


def _exact_float(text: str) -> float:
    value = float(text)
    if value - value:  # NaN only for an infinite value: the number overflows a double.
        raise _Refused
    return value


# The decoder's C scanner, called directly: `scan_once(text, index)` returns the value and where it ends.
_SCANNER: Final = typing.cast(_Scanner, getattr(json.decoder.JSONDecoder(
    object_pairs_hook=_checked_object, parse_constant=_refuse, parse_int=_exact_int, parse_float=_exact_float),
    "scan_once"))
