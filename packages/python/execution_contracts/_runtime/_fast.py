"""The fast accept path: the standard library's C JSON scanner, made exact by checks around it.

Python's ``json`` alone is not strict enough: it keeps the last of duplicate keys, lets lone surrogate
escapes through, reads ``NaN`` and ``Infinity``, turns ``1e400`` into infinity, ``-0`` into the int 0,
and integers beyond 64 bits into big ints. Here it runs with a hook that refuses duplicate keys and
constants, on text already decoded as strict UTF-8, and only where cheap checks of the text rule out
everything else it would get wrong (or with exact number hooks where numbers need them). Whatever it
does not accept is read again by the strict reader, which says what is wrong: this path never
diagnoses, so categories and paths come from one place.
"""

from __future__ import annotations

import json.decoder
import json.scanner
import re
from collections.abc import Callable
from typing import Final

from ._reader import INT64_MAX, INT64_MIN, JSONLimits

__all__ = ["REFUSED", "parse_fast"]


class _Refused(Exception):
    """The fast path does not vouch for this text."""


REFUSED: Final = object()
"""What :func:`parse_fast` returns for text it leaves to the strict reader."""

# Numbers the C scanner would not read as Swift does: 19 digits or more in a row (an integer that may
# not fit in 64 bits), a three-digit exponent (a double that may overflow), or `-0` (a double -0.0 in
# Swift, the int 0 for the scanner). Text in strings can match too, which only costs the exact hooks.
_NUMBER_NEEDS_HOOKS: Final = re.compile(r"[0-9]{19}|[eE][-+]?[0-9]{3}|-0(?![.eE0-9])")
# A `\u` escape of a high surrogate not followed by a low one, or of a low surrogate not preceded by a
# high one. Exact as long as no backslash is itself escaped (`\\`), which sends the text to the reader.
_LONE_SURROGATE: Final = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")
_WHITESPACE: Final = " \t\n\r"
_INFINITY: Final = float("inf")

_Scanner = Callable[[str, int], "tuple[object, int]"]
_scanners: dict[tuple[int, bool], _Scanner] = {}


def parse_fast(text: str, byte_count: int, limits: JSONLimits) -> object:
    """The JSON value of ``text`` (already strict UTF-8, ``byte_count`` bytes long) as plain data, exactly
    as the strict reader would read it, or :data:`REFUSED`."""
    if byte_count > limits.max_input_length or byte_count - 2 > limits.max_string_length:
        return REFUSED
    # The depth can be no more than the number of brackets.
    if text.count("[") + text.count("{") > limits.max_depth:
        return REFUSED
    if ("\\ud" in text or "\\uD" in text) and ("\\\\" in text or _LONE_SURROGATE.search(text)):
        return REFUSED
    exact_numbers = _NUMBER_NEEDS_HOOKS.search(text) is not None
    scanner = _scanners.get((limits.max_keys_per_object, exact_numbers)) or _scanner(limits.max_keys_per_object,
                                                                                     exact_numbers)
    start = 0
    if text[:1] in _WHITESPACE:
        start = len(text) - len(text.lstrip(_WHITESPACE))
    try:
        value, end = scanner(text, start)
    except (StopIteration, ValueError, RecursionError, _Refused):
        return REFUSED
    if end != len(text) and text[end:].strip(_WHITESPACE):
        return REFUSED
    return value


def _scanner(max_keys: int, exact_numbers: bool) -> _Scanner:
    """A C scanner that refuses duplicate keys, objects with more than ``max_keys`` members and
    ``NaN``/``Infinity``, reading numbers as Swift does when ``exact_numbers``."""

    def checked_object(pairs: list[tuple[str, object]]) -> dict[str, object]:
        members = dict(pairs)
        if len(members) != len(pairs) or len(pairs) > max_keys:
            raise _Refused
        return members

    decoder = json.decoder.JSONDecoder(
        object_pairs_hook=checked_object, parse_constant=_refuse,
        **({"parse_int": _exact_int, "parse_float": _exact_float} if exact_numbers else {}))  # type: ignore[arg-type]
    scanner: _Scanner = json.scanner.make_scanner(decoder)  # type: ignore[no-untyped-call]
    if len(_scanners) < 16:
        _scanners[(max_keys, exact_numbers)] = scanner
    return scanner


def _refuse(text: str) -> object:
    raise _Refused


def _exact_int(text: str) -> int | float:
    """An integer as Swift reads it: an int when it fits in 64 bits, else the nearest double; ``-0`` is -0.0."""
    if text == "-0":
        return -0.0
    if len(text) <= 20:
        value = int(text)
        if INT64_MIN <= value <= INT64_MAX:
            return value
    return _exact_float(text)


def _exact_float(text: str) -> float:
    value = float(text)
    if value == _INFINITY or value == -_INFINITY:
        raise _Refused
    return value
