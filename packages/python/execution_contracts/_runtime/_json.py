"""Strict JSON for any value, outside a model: what ``json`` fields hold, read and written as Swift does."""

from __future__ import annotations

from ._fast import REFUSED, parse_fast
from ._output import append_json_value
from ._reader import DEFAULT_LIMITS, JSONLimits, JSONReader

__all__ = ["dump_json", "parse_json"]


def parse_json(data: bytes | str, *, limits: JSONLimits | None = None) -> object:
    """One JSON text as plain data (dicts in key order, lists, str, int, float, bool, None), read as strictly as
    Swift's ``JSONValue(strictUTF8:)``: RFC 8259 with I-JSON's rules. ``1`` stays an int and ``1.0`` a float,
    integers beyond 64 bits and ``-0`` become floats. Raises ``RecordError`` with the reader's category, path and
    byte offset."""
    limits = limits or DEFAULT_LIMITS
    raw, text = _bytes_and_text(data)
    if text:
        tree = parse_fast(text, len(raw), limits)
        if tree is not REFUSED:
            return tree
    return read_json_strictly(raw, limits)


def read_json_strictly(raw: bytes, limits: JSONLimits = DEFAULT_LIMITS) -> object:
    """:func:`parse_json` with the strict reader alone (no fast path); for tests that hold the two equal."""
    reader = JSONReader(raw, limits)
    value = reader.read_value()
    reader.expect_end()
    return value


def dump_json(value: object) -> bytes:
    """Compact JSON text in UTF-8 of a JSON value held as plain data, as Swift's ``JSONOutput`` writes it (keys in
    their order); ``TypeError`` or ``ValueError`` for anything that is not a JSON value."""
    parts: list[str] = []
    append_json_value(parts, value)
    text = "".join(parts)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(f"the value holds the lone surrogate U+{ord(text[error.start]):04X}") from None


def _bytes_and_text(data: bytes | str) -> tuple[bytes, str]:
    """``data`` as bytes, and as text when it is valid UTF-8 ("" otherwise, which only the reader reads)."""
    if isinstance(data, str):
        try:
            return data.encode("utf-8"), data
        except UnicodeEncodeError:
            # A str holding a lone surrogate: its bytes are not UTF-8, which the reader reports.
            return data.encode("utf-8", "surrogatepass"), ""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"JSON text must be bytes or str, not {type(data).__name__}")
    raw = bytes(data)
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw, ""
