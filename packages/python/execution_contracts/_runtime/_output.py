"""Writing and checking JSON values held as plain Python data.

Output is compact UTF-8 like Swift's ``JSONOutput``: only quotes, backslashes and control characters
escaped (``\\n``, ``\\r``, ``\\t``, ``\\b``, ``\\f``, else ``\\u00XX``), non-ASCII text as it is, doubles in
their shortest round-trip form (``1.0`` stays ``1.0``; Python's ``repr`` and Swift's ``description``
agree), object keys in their order.
"""

from __future__ import annotations

import json.encoder
import math
from collections.abc import Callable
from typing import Any, Final

__all__ = ["append_json_value", "check_text", "encode_string", "json_equal", "normalized_json"]

INT64_MIN: Final = -(1 << 63)
INT64_MAX: Final = (1 << 63) - 1

encode_string: Final[Callable[[str], str]] = json.encoder.encode_basestring
"""``text`` as a JSON string literal, escaped as Swift's ``JSONOutput`` escapes it."""


def check_text(text: str) -> None:
    """Raises the runtime's ``Problem`` (``lone_surrogate``) for a string holding a surrogate code point,
    which no JSON text in UTF-8 can carry and Swift strings cannot hold."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        from ._types import Problem
        raise Problem("lone_surrogate", f"the string holds the lone surrogate U+{ord(text[error.start]):04X}") from None


def normalized_json(value: object, problem: Callable[[str, str], Exception]) -> object:
    """``value`` as a JSON value Swift's ``JSONValue`` could hold, checked: dicts with str keys, lists
    (tuples become lists), str, bool, int (beyond 64 bits it becomes the nearest float, as the strict
    reader reads such a number), finite float and None. Anything else raises ``problem(category, message)``,
    which carries the path below ``value`` in its ``segments``."""
    if value is None or value is True or value is False:
        return value
    kind = type(value)
    if kind is str:
        check_text(value)  # type: ignore[arg-type]
        return value
    if kind is int:
        if INT64_MIN <= value <= INT64_MAX:  # type: ignore[operator]
            return value
        try:
            return float(value)  # type: ignore[arg-type]
        except OverflowError:
            raise problem("number_out_of_range", f"the number {value} is too large for a double") from None
    if kind is float:
        if math.isfinite(value):  # type: ignore[arg-type]
            return value
        raise problem("number_out_of_range", f"{value!r} is not a finite number")
    if isinstance(value, dict):
        result: dict[str, object] = {}
        key: object = None
        try:
            for key, item in value.items():
                if not isinstance(key, str):
                    raise problem("wrong_type", f"object keys must be strings, found {type(key).__name__}")
                check_text(key)
                result[str.__str__(key)] = normalized_json(item, problem)
        except Exception as error:
            if hasattr(error, "segments"):
                error.segments.append(key if isinstance(key, str) else repr(key))
            raise
        return result
    if isinstance(value, (list, tuple)):
        elements: list[object] = []
        index = 0
        try:
            for index, item in enumerate(value):
                elements.append(normalized_json(item, problem))
        except Exception as error:
            if hasattr(error, "segments"):
                error.segments.append(index)
            raise
        return elements
    if isinstance(value, str):
        return normalized_json(str.__str__(value), problem)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return normalized_json(int(value) if isinstance(value, int) else float(value), problem)
    raise problem("wrong_type", f"expected a JSON value, found a {type(value).__name__}")


def append_json_value(parts: list[str], value: Any) -> None:
    """Appends the compact JSON text of a JSON value held as plain data; ``TypeError`` or ``ValueError``
    for anything that is not one (non-str keys, NaN, integers beyond 64 bits, other types)."""
    if value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif type(value) is str:
        parts.append(encode_string(value))
    elif type(value) is int:
        if not INT64_MIN <= value <= INT64_MAX:
            raise ValueError(f"the integer {value} does not fit in 64 bits")
        parts.append(int.__repr__(value))
    elif type(value) is float:
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a JSON number")
        parts.append(float.__repr__(value))
    elif isinstance(value, dict):
        parts.append("{")
        first = True
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be str, found {type(key).__name__}")
            if not first:
                parts.append(",")
            first = False
            parts.append(encode_string(key))
            parts.append(":")
            append_json_value(parts, item)
        parts.append("}")
    elif isinstance(value, (list, tuple)):
        parts.append("[")
        for index, item in enumerate(value):
            if index:
                parts.append(",")
            append_json_value(parts, item)
        parts.append("]")
    elif isinstance(value, str):
        parts.append(encode_string(value))
    else:
        raise TypeError(f"{type(value).__name__} is not a JSON value")


def json_equal(a: object, b: object) -> bool:
    """Whether two JSON values are equal as Swift's ``JSONValue`` compares them: objects in any key
    order, arrays in order, ``1`` and ``1.0`` different (Python's ``==`` says equal), ``true`` and
    ``1`` different, strings by code points. Any depth (an explicit stack, no recursion)."""
    pending = [(a, b)]
    while pending:
        x, y = pending.pop()
        if type(x) is not type(y):
            return False
        if isinstance(x, dict):
            assert isinstance(y, dict)
            if x.keys() != y.keys():
                return False
            pending.extend((item, y[key]) for key, item in x.items())
        elif isinstance(x, list):
            assert isinstance(y, list)
            if len(x) != len(y):
                return False
            pending.extend(zip(x, y))
        elif x != y:
            return False
    return True
