"""A strict pull reader over JSON text in UTF-8 (RFC 8259 with I-JSON's rules, RFC 7493).

It is the runtime's one source of diagnoses: every record the fast path does not accept is read again
here, and the first problem met in reading order is reported with the category and path the Swift
reader (``ContractRuntime.JSONReader``) reports. It refuses invalid UTF-8, a byte-order mark, raw
control characters, bad escapes, lone surrogate escapes, ``NaN``/``Infinity``, numbers that overflow a
double, duplicate keys at any depth, nesting deeper than the limit and trailing data. Nesting is kept
on an explicit stack, never by recursion, and strings are scanned with regular expressions, so any
input costs time in proportion to its length.
"""

from __future__ import annotations

import dataclasses
import json
import re
import typing
from enum import Enum
from typing import Final

from ._errors import RecordError
from ._paths import key_path, quoted_key

__all__ = ["JSONLimits", "JSONReader", "ValueKind"]

INT64_MIN: Final = -(1 << 63)
INT64_MAX: Final = (1 << 63) - 1


@dataclasses.dataclass(frozen=True, slots=True)
class JSONLimits:
    """Bounds on what the reader accepts, so hostile input costs bounded memory and time.

    The defaults are Swift's ``JSONReaderLimits``. A negative limit means the same as 0: nothing of
    that kind is accepted.
    """

    max_depth: int = 512
    """How deeply arrays and objects may nest; ``[[1]]`` has depth 2 (``too_deep``)."""
    max_string_length: int = 16 * 1024 * 1024
    """The longest string, in bytes as written (escapes count as written) (``too_long``)."""
    max_keys_per_object: int = 100_000
    """The most members one object may have (``too_long``)."""
    max_input_length: int = 256 * 1024 * 1024
    """The largest input, in bytes (``too_long``)."""

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if type(value) is not int:
                raise TypeError(f"JSONLimits.{field.name} must be an int, not {type(value).__name__}")
            if value < 0:
                object.__setattr__(self, field.name, 0)


DEFAULT_LIMITS: Final = JSONLimits()


class ValueKind(Enum):
    """The kind of a JSON value, as the first byte of its text tells it."""

    STRING = "a string"
    NUMBER = "a number"
    BOOL = "a boolean"
    NULL = "null"
    ARRAY = "an array"
    OBJECT = "an object"


_KIND_OF_BYTE: Final = {
    0x22: ValueKind.STRING, 0x7B: ValueKind.OBJECT, 0x5B: ValueKind.ARRAY, 0x2D: ValueKind.NUMBER,
    0x74: ValueKind.BOOL, 0x66: ValueKind.BOOL, 0x6E: ValueKind.NULL,
    **{digit: ValueKind.NUMBER for digit in range(0x30, 0x3A)},
}

_WHITESPACE: Final = re.compile(rb"[ \t\n\r]*")
# The first byte in a string that is not plain ASCII text: a quote, a backslash, a control character or
# the start of a multi-byte sequence.
_STRING_STOP: Final = re.compile(rb'["\\\x00-\x1f\x80-\xff]')
_NON_ASCII_RUN: Final = re.compile(rb"[\x80-\xff]+")
_DIGITS: Final = re.compile(rb"[0-9]*")
_HEX4: Final = re.compile(rb"[0-9A-Fa-f]{4}")
_TWO_BYTE_ESCAPES: Final = frozenset(b'"\\/bfnrt')
# Bytes that may not directly follow a number or literal: they would continue the token.
_CONTINUES_TOKEN: Final = frozenset(
    b"+-.0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" + bytes(range(0x80, 0x100)))


def _utf8_lead_rule(lead: int) -> tuple[int, int, int] | None:
    """RFC 3629's table for a byte that leads a sequence of 2 to 4 bytes: its length and the range its
    second byte must lie in (the narrow ranges exclude overlong forms, surrogates and code points
    above U+10FFFF); None for a byte that cannot lead one."""
    if 0xC2 <= lead <= 0xDF:
        return (2, 0x80, 0xBF)
    if lead == 0xE0:
        return (3, 0xA0, 0xBF)
    if 0xE1 <= lead <= 0xEC or 0xEE <= lead <= 0xEF:
        return (3, 0x80, 0xBF)
    if lead == 0xED:
        return (3, 0x80, 0x9F)
    if lead == 0xF0:
        return (4, 0x90, 0xBF)
    if 0xF1 <= lead <= 0xF3:
        return (4, 0x80, 0xBF)
    if lead == 0xF4:
        return (4, 0x80, 0x8F)
    return None


class _Frame:
    """An open array or object."""

    __slots__ = ("is_object", "count", "current_key", "keys")

    def __init__(self, is_object: bool, checks_duplicate_keys: bool) -> None:
        self.is_object = is_object
        # Elements or members started so far; the one being read is `count - 1`.
        self.count = 0
        # The key of the member being read, for paths.
        self.current_key: str | None = None
        # The keys seen so far, when the reader finds this object's duplicate keys itself.
        self.keys: set[str] | None = set() if is_object and checks_duplicate_keys else None


class JSONReader:
    """A strict pull reader over one JSON text in UTF-8; see the module's documentation.

    Model decoders walk a record with it without building a tree for their known fields::

        reader.begin_object()
        while (key := reader.next_key()) is not None:
            ...
        reader.expect_end()

    Everything it passes over is validated, skipped values included. Problems raise
    :class:`RecordError` with a category, a message, the byte offset and the path.
    """

    __slots__ = ("data", "limits", "position", "frames", "last_key_offset")

    def __init__(self, data: bytes, limits: JSONLimits = DEFAULT_LIMITS) -> None:
        self.data = data
        self.limits = limits
        self.position = 0
        self.frames: list[_Frame] = []
        self.last_key_offset = 0
        if len(data) > limits.max_input_length:
            raise self.error("too_long", f"the input is {len(data)} bytes, more than the limit of "
                                         f"{limits.max_input_length}", limits.max_input_length)
        if data[:3] == b"\xef\xbb\xbf":
            raise self.error("byte_order_mark", "the input starts with a UTF-8 byte-order mark (EF BB BF), "
                                                "which JSON text must not have", 0)
        if data[:2] in (b"\xfe\xff", b"\xff\xfe"):
            raise self.error("byte_order_mark", "the input starts with a UTF-16 byte-order mark; JSON text "
                                                "must be UTF-8", 0)

    # MARK: Where the reader is

    @property
    def depth(self) -> int:
        """How many arrays and objects are open."""
        return len(self.frames)

    @property
    def path(self) -> str:
        """Where the reader is in the document, such as ``$.result.items[3]``."""
        path = "$"
        for frame in self.frames:
            if frame.count == 0:
                continue
            if not frame.is_object:
                path += f"[{frame.count - 1}]"
            elif frame.current_key is not None:
                path = key_path(path, frame.current_key)
        return path

    def error(self, category: str, message: str, offset: int | None = None) -> RecordError:
        """A :class:`RecordError` at ``offset`` (the current position by default) and the current path."""
        return RecordError(category, message, self.path, self.position if offset is None else offset)

    # MARK: Structure

    def skip_whitespace(self) -> None:
        """Moves past spaces, tabs, line feeds and carriage returns."""
        match = _WHITESPACE.match(self.data, self.position)
        if match is not None:
            self.position = match.end()

    def peek_kind(self) -> ValueKind:
        """The kind of the next value, without consuming it."""
        self.skip_whitespace()
        if self.position < len(self.data):
            kind = _KIND_OF_BYTE.get(self.data[self.position])
            if kind is not None:
                return kind
        raise self.unexpected("a value")

    def begin_object(self, *, caller_checks_duplicate_keys: bool = False) -> None:
        """Consumes the ``{`` that opens an object; read its members with :meth:`next_key`.

        With ``caller_checks_duplicate_keys`` the reader does not remember this object's keys (a model
        decoder that refuses unknown keys finds repeated fields itself and raises
        :meth:`duplicate_key_error`); nested objects are still checked.
        """
        self.skip_whitespace()
        if self.position >= len(self.data) or self.data[self.position] != 0x7B:
            raise self.mismatch("an object")
        self._push(True, not caller_checks_duplicate_keys)

    def begin_array(self) -> None:
        """Consumes the ``[`` that opens an array; read its elements with :meth:`next_element`."""
        self.skip_whitespace()
        if self.position >= len(self.data) or self.data[self.position] != 0x5B:
            raise self.mismatch("an array")
        self._push(False, False)

    def _push(self, is_object: bool, checks_duplicate_keys: bool) -> None:
        if len(self.frames) >= self.limits.max_depth:
            levels = "level" if self.limits.max_depth == 1 else "levels"
            raise self.error("too_deep", f"arrays and objects nest more than {self.limits.max_depth} {levels} deep")
        self.position += 1
        self.frames.append(_Frame(is_object, checks_duplicate_keys))

    def next_key(self) -> str | None:
        """The next key of the innermost object, positioned at its value, or None after its ``}``.

        Raises ``duplicate_key`` when the object already had the key (keys compare after unescaping,
        code point by code point, without Unicode normalization).
        """
        data = self.data
        frame = self.frames[-1]
        self.skip_whitespace()
        if self.position >= len(data):
            raise self.unexpected("a key or '}'" if frame.count == 0 else "',' or '}'")
        byte = data[self.position]
        if byte == 0x7D:
            self.position += 1
            self.frames.pop()
            return None
        if frame.count > 0:
            if byte != 0x2C:
                raise self.unexpected("',' or '}' after an object member")
            self.position += 1
            self.skip_whitespace()
            if self.position >= len(data):
                raise self.unexpected("a key")
            byte = data[self.position]
            if byte == 0x7D:
                raise self.error("malformed_json", "trailing comma before '}'")
        if byte != 0x22:
            raise self.unexpected("a key in double quotes")
        if frame.count >= self.limits.max_keys_per_object:
            frame.current_key = None  # The error is about the object, not its last member.
            raise self.error("too_long", f"the object has more than {self.limits.max_keys_per_object} keys")
        key_offset = self.position
        start, end, has_escapes = self._scan_string()
        key = self._string_value(start, end, has_escapes)
        frame.count += 1
        frame.current_key = key
        self.last_key_offset = key_offset
        if frame.keys is not None:
            if key in frame.keys:
                raise self.duplicate_key_error()
            frame.keys.add(key)
        self.skip_whitespace()
        if self.position >= len(data) or data[self.position] != 0x3A:
            raise self.unexpected("':' after the key")
        self.position += 1
        return key

    def duplicate_key_error(self) -> RecordError:
        """The ``duplicate_key`` error for the key :meth:`next_key` returned last."""
        key = self.frames[-1].current_key if self.frames else None
        described = "a key" if key is None else f"the key {quoted_key(key)}"
        return self.error("duplicate_key", f"{described} appears more than once in this object", self.last_key_offset)

    def next_element(self) -> bool:
        """Whether the innermost array has another element, positioned at it; False after its ``]``."""
        data = self.data
        frame = self.frames[-1]
        self.skip_whitespace()
        if self.position >= len(data):
            raise self.unexpected("a value or ']'" if frame.count == 0 else "',' or ']'")
        byte = data[self.position]
        if byte == 0x5D:
            self.position += 1
            self.frames.pop()
            return False
        if frame.count > 0:
            if byte != 0x2C:
                raise self.unexpected("',' or ']' after an array element")
            self.position += 1
            self.skip_whitespace()
            if self.position < len(data) and data[self.position] == 0x5D:
                raise self.error("malformed_json", "trailing comma before ']'")
        frame.count += 1
        return True

    def expect_end(self) -> None:
        """Checks that only whitespace follows the top-level value (``trailing_data`` otherwise)."""
        self.skip_whitespace()
        if self.position < len(self.data):
            found = self.describe_byte(self.position)
            raise self.error("trailing_data", f"unexpected {found} after the top-level value")

    # MARK: Scalars

    def read_string(self) -> str:
        """Reads a string, unescaped."""
        self.skip_whitespace()
        if self.position >= len(self.data) or self.data[self.position] != 0x22:
            raise self.mismatch("a string")
        return self._string_value(*self._scan_string())

    def read_bool(self) -> bool:
        """Reads ``true`` or ``false``."""
        self.skip_whitespace()
        if self.position >= len(self.data):
            raise self.unexpected("true or false")
        byte = self.data[self.position]
        if byte == 0x74:
            self._consume_literal(b"true")
            return True
        if byte == 0x66:
            self._consume_literal(b"false")
            return False
        raise self.mismatch("true or false")

    def read_null_if_present(self) -> bool:
        """Consumes ``null`` and returns True if the next value is null; otherwise consumes nothing."""
        self.skip_whitespace()
        if self.position >= len(self.data) or self.data[self.position] != 0x6E:
            return False
        self._consume_literal(b"null")
        return True

    def read_int64(self) -> int:
        """Reads an integer written without a fraction or exponent that fits in 64 bits.

        ``1.0`` and ``1e2`` are ``wrong_type``; an integer beyond 64 bits is ``number_out_of_range``.
        """
        self.skip_whitespace()
        if self.position >= len(self.data) or _KIND_OF_BYTE.get(self.data[self.position]) is not ValueKind.NUMBER:
            raise self.mismatch("an integer")
        start, end, is_integer = self._scan_number()
        text = self.data[start:end].decode("ascii")
        if not is_integer:
            raise self.error("wrong_type", f"expected an integer, found {_abbreviated(text)}", start)
        value = _int64(text)
        if value is None:
            raise self.error("number_out_of_range", f"the integer {_abbreviated(text)} does not fit in 64 bits", start)
        return value

    def read_double(self) -> float:
        """Reads any number as a finite double (``number_out_of_range`` when its magnitude overflows)."""
        self.skip_whitespace()
        if self.position >= len(self.data) or _KIND_OF_BYTE.get(self.data[self.position]) is not ValueKind.NUMBER:
            raise self.mismatch("a number")
        start, end, _ = self._scan_number()
        return self._double(start, end)

    def _double(self, start: int, end: int) -> float:
        text = self.data[start:end].decode("ascii")
        value = float(text)
        if value in (_INFINITY, -_INFINITY):
            raise self.error("number_out_of_range", f"the number {_abbreviated(text)} is too large for a double", start)
        return value

    def _number_value(self, start: int, end: int, is_integer: bool) -> int | float:
        """A number as ``read_value`` keeps it: an int when written as an integer that fits in 64 bits,
        else a float (``-0`` is the float -0.0, since an int has no negative zero)."""
        if is_integer:
            text = self.data[start:end]
            if text != b"-0":
                value = _int64(text.decode("ascii"))
                if value is not None:
                    return value
        return self._double(start, end)

    # MARK: Whole values

    def read_value(self) -> object:
        """Reads the next value of any kind as plain Python data: dict (keys in order), list, str, int,
        float, bool or None. ``1`` and ``1.0`` stay an int and a float. Nesting uses an explicit stack."""
        self.skip_whitespace()
        if self.position >= len(self.data):
            raise self.unexpected("a value")
        first = self.data[self.position]
        if first != 0x7B and first != 0x5B:
            return self._read_scalar()
        outer_depth = len(self.frames)
        # The containers being built, innermost last, beside the reader's own frames.
        containers: list[dict[str, object] | list[object]] = []
        while True:
            self.skip_whitespace()
            if self.position >= len(self.data):
                raise self.unexpected("a value")
            byte = self.data[self.position]
            value: object
            if byte == 0x7B:
                self._push(True, True)
                containers.append({})
                if self.next_key() is not None:
                    continue
                value = containers.pop()
            elif byte == 0x5B:
                self._push(False, False)
                containers.append([])
                if self.next_element():
                    continue
                value = containers.pop()
            else:
                value = self._read_scalar()
            # The value is complete: add it to the innermost open container, closing those that end here.
            while len(self.frames) > outer_depth:
                frame = self.frames[-1]
                container = containers[-1]
                if isinstance(container, dict):
                    assert frame.current_key is not None
                    container[frame.current_key] = value
                    if self.next_key() is not None:
                        break
                else:
                    container.append(value)
                    if self.next_element():
                        break
                value = containers.pop()
            else:
                return value

    def skip_value(self) -> None:
        """Passes over the next value of any kind, validating it as fully as :meth:`read_value` would."""
        outer_depth = len(self.frames)
        while True:
            self.skip_whitespace()
            if self.position >= len(self.data):
                raise self.unexpected("a value")
            byte = self.data[self.position]
            if byte == 0x7B:
                self._push(True, True)
            elif byte == 0x5B:
                self._push(False, False)
            elif byte == 0x22:
                self._scan_string()
            elif byte == 0x2D or 0x30 <= byte <= 0x39:
                start, end, _ = self._scan_number()
                self._double(start, end)
            else:
                self._read_scalar()
            while len(self.frames) > outer_depth:
                if self.frames[-1].is_object:
                    if self.next_key() is not None:
                        break
                elif self.next_element():
                    break
            else:
                return

    def _read_scalar(self) -> object:
        byte = self.data[self.position]
        if byte == 0x22:
            return self._string_value(*self._scan_string())
        if byte == 0x2D or 0x30 <= byte <= 0x39:
            return self._number_value(*self._scan_number())
        if byte == 0x74:
            self._consume_literal(b"true")
            return True
        if byte == 0x66:
            self._consume_literal(b"false")
            return False
        if byte == 0x6E:
            self._consume_literal(b"null")
            return None
        raise self.unexpected("a value")

    def _consume_literal(self, literal: bytes) -> None:
        """Consumes ``literal``, which must end there: ``nullx`` is malformed at the ``x``, like ``nul``
        and ``trux`` at their first wrong byte."""
        data = self.data
        start = self.position
        end = start + len(literal)
        if data[start:end] == literal and (end == len(data) or data[end] not in _CONTINUES_TOKEN):
            self.position = end
            return
        name = literal.decode("ascii")
        for index, expected in enumerate(literal):
            offset = start + index
            if offset >= len(data):
                raise self.error("malformed_json", f"unexpected end of input; expected the literal {name}", offset)
            if data[offset] != expected:
                found = self.describe_byte(offset)
                raise self.error("malformed_json", f"unexpected {found}; expected the literal {name}", offset)
        raise self.error("malformed_json", f"unexpected {self.describe_byte(end)} after the literal {name}", end)

    # MARK: Strings

    def _scan_string(self) -> tuple[int, int, bool]:
        """Validates the string whose opening quote is at the position and moves past its closing quote.

        Returns where its content starts and ends and whether it has escapes.
        """
        data = self.data
        count = len(data)
        opening = self.position
        index = opening + 1
        has_escapes = False
        while True:
            stop = _STRING_STOP.search(data, index)
            if stop is None:
                raise self.error("malformed_json", f"unexpected end of input in the string that starts at byte "
                                                   f"{opening}; expected its closing quote", count)
            index = stop.start()
            byte = data[index]
            if byte == 0x22:
                break
            if byte == 0x5C:
                has_escapes = True
                index = self._escape_end(index)
            elif byte < 0x20:
                raise self.error("control_character", f"control character U+{byte:04X} must be escaped in a string",
                                 index)
            else:
                index = self._multi_byte_run_end(index)
        self.position = index + 1
        length = index - opening - 1
        if length > self.limits.max_string_length:
            raise self.error("too_long", f"the string is {length} bytes, more than the limit of "
                                         f"{self.limits.max_string_length}", opening)
        return opening + 1, index, has_escapes

    def _string_value(self, start: int, end: int, has_escapes: bool) -> str:
        """The text of a validated string token."""
        text = self.data[start:end].decode("utf-8")
        if not has_escapes:
            return text
        # The token is valid JSON, so the standard library's unescaping gives its exact text.
        return typing.cast(str, json.loads('"' + text + '"'))

    def _escape_end(self, index: int) -> int:
        """The offset after the escape whose backslash is at ``index``, after checking it."""
        data = self.data
        if index + 1 >= len(data):
            raise self.error("malformed_json", "unexpected end of input after '\\' in a string; expected an escape "
                                               "and the closing quote", len(data))
        kind = data[index + 1]
        if kind in _TWO_BYTE_ESCAPES:
            return index + 2
        if kind != 0x75:
            escape = self.describe_byte(index + 1)
            raise self.error("invalid_escape", f"\\{escape} is not a JSON escape; valid ones are "
                                               f"\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX", index)
        unit = self._hex_escape_value(index)
        if 0xDC00 <= unit < 0xE000:
            raise self.error("lone_surrogate", f"\\u{unit:04X} is a low surrogate without a high surrogate before it",
                             index)
        if not 0xD800 <= unit < 0xDC00:
            return index + 6
        following = index + 6
        if data[following:following + 2] != b"\\u":
            raise self.error("lone_surrogate", f"\\u{unit:04X} is a high surrogate not followed by a low surrogate "
                                               "escape", index)
        low = self._hex_escape_value(following)
        if not 0xDC00 <= low < 0xE000:
            raise self.error("lone_surrogate", f"\\u{unit:04X} is a high surrogate followed by \\u{low:04X}, not a "
                                               "low surrogate", index)
        return following + 6

    def _hex_escape_value(self, index: int) -> int:
        """The code unit of the ``\\uXXXX`` escape whose backslash is at ``index``."""
        if index + 6 > len(self.data) or _HEX4.match(self.data, index + 2) is None:
            raise self.error("invalid_escape", "\\u must be followed by four hexadecimal digits", index)
        return int(self.data[index + 2:index + 6], 16)

    def _multi_byte_run_end(self, start: int) -> int:
        """The offset after the run of non-ASCII bytes at ``start``, after checking it is UTF-8."""
        match = _NON_ASCII_RUN.match(self.data, start)
        assert match is not None
        end = match.end()
        try:
            self.data[start:end].decode("utf-8")
        except UnicodeDecodeError as failure:
            self._utf8_sequence_end(start + failure.start)
        return end

    def _utf8_sequence_end(self, index: int) -> int:
        """The offset after the multi-byte UTF-8 sequence at ``index``; ``invalid_utf8`` when it is not one."""
        data = self.data
        lead = data[index]
        rule = _utf8_lead_rule(lead)
        if rule is None:
            if 0x80 <= lead <= 0xBF:
                reason = "is a UTF-8 continuation byte with no lead byte"
            elif lead in (0xC0, 0xC1):
                reason = "starts an overlong UTF-8 encoding"
            else:
                reason = "never appears in UTF-8"
            raise self.error("invalid_utf8", f"byte 0x{lead:02X} {reason}", index)
        length, low, high = rule
        if index + 1 >= len(data) or not 0x80 <= data[index + 1] <= 0xBF:
            raise self.error("invalid_utf8", "truncated UTF-8 sequence", index)
        second = data[index + 1]
        if not low <= second <= high:
            if lead == 0xED:
                reason = "an encoded UTF-16 surrogate (CESU-8), not valid UTF-8"
            elif lead == 0xF4:
                reason = "a code point above U+10FFFF"
            else:
                reason = "an overlong UTF-8 encoding"
            raise self.error("invalid_utf8", f"bytes 0x{lead:02X} 0x{second:02X} start {reason}", index)
        for offset in range(2, length):
            if index + offset >= len(data) or not 0x80 <= data[index + offset] <= 0xBF:
                raise self.error("invalid_utf8", "truncated UTF-8 sequence", index)
        return index + length

    # MARK: Numbers

    def _scan_number(self) -> tuple[int, int, bool]:
        """Validates the number at the position (RFC 8259's grammar) and moves past it.

        Returns where it starts and ends and whether it is written as an integer.
        """
        data = self.data
        count = len(data)
        start = self.position
        index = start
        is_integer = True
        if data[index] == 0x2D:
            index += 1
        if index >= count or not 0x30 <= data[index] <= 0x39:
            self.position = index
            if index < count and data[index] in (0x49, 0x4E):
                raise self.error("malformed_json", "NaN and Infinity are not JSON numbers", start)
            raise self.error("malformed_json", "expected a digit after '-'", index)
        if data[index] == 0x30:
            index += 1
            if index < count and 0x30 <= data[index] <= 0x39:
                raise self.error("malformed_json", "numbers must not have leading zeros", index)
        else:
            index = self._digits_end(index)
        if index < count and data[index] == 0x2E:
            is_integer = False
            index += 1
            if index >= count or not 0x30 <= data[index] <= 0x39:
                raise self.error("malformed_json", "expected a digit after the decimal point", index)
            index = self._digits_end(index)
        if index < count and data[index] | 0x20 == 0x65:
            is_integer = False
            index += 1
            if index < count and data[index] in (0x2B, 0x2D):
                index += 1
            if index >= count or not 0x30 <= data[index] <= 0x39:
                raise self.error("malformed_json", "expected a digit in the exponent", index)
            index = self._digits_end(index)
        self.position = index
        if index < count and data[index] in _CONTINUES_TOKEN:
            text = _abbreviated(data[start:index].decode("ascii"))
            raise self.error("malformed_json", f"unexpected {self.describe_byte(index)} after the number {text}", index)
        return start, index, is_integer

    def _digits_end(self, index: int) -> int:
        match = _DIGITS.match(self.data, index)
        assert match is not None
        return match.end()

    # MARK: Errors

    def unexpected(self, expected: str) -> RecordError:
        """The error for a byte (or the end of input) at the position where ``expected`` should be."""
        data = self.data
        if self.position >= len(data):
            return self.error("malformed_json", f"unexpected end of input; expected {expected}")
        byte = data[self.position]
        if byte >= 0x80:
            self._utf8_sequence_end(self.position)  # Raises invalid_utf8 for a byte that is not UTF-8.
        if byte == 0x2F:
            message = "comments are not allowed in JSON"
        elif byte in (0x4E, 0x49):
            message = f"NaN and Infinity are not JSON numbers; expected {expected}"
        elif byte == 0x27:
            message = f"strings must be in double quotes; expected {expected}"
        else:
            message = f"unexpected {self.describe_byte(self.position)}; expected {expected}"
        return self.error("malformed_json", message)

    def mismatch(self, expected: str) -> RecordError:
        """The error for a well-formed value of another kind, or malformed text, where ``expected`` should be.

        A scalar that only starts like a value (``nope``, ``trux``, ``42abc``) is reported as what is wrong
        with it. The reader stays where it was.
        """
        if self.position >= len(self.data):
            return self.unexpected(expected)
        kind = _KIND_OF_BYTE.get(self.data[self.position])
        if kind is None:
            return self.unexpected(expected)
        if kind is not ValueKind.ARRAY and kind is not ValueKind.OBJECT:
            start = self.position
            try:
                self._read_scalar()
            except RecordError as error:
                return error
            finally:
                self.position = start
        return self.error("wrong_type", f"expected {expected}, found {kind.value}")

    def describe_byte(self, offset: int) -> str:
        """``'x'``, ``control character U+0001``, ``character U+00E9`` or ``byte 0xFF``, for messages."""
        byte = self.data[offset]
        if byte < 0x20 or byte == 0x7F:
            return f"control character U+{byte:04X}"
        if byte < 0x80:
            return f"'{chr(byte)}'"
        try:
            end = self._utf8_sequence_end(offset)
        except RecordError:
            return f"byte 0x{byte:02X}"
        scalar = ord(self.data[offset:end].decode("utf-8"))
        if scalar == 0xFEFF:
            return "byte-order mark U+FEFF"
        return f"character U+{scalar:04X}"


_INFINITY: Final = float("inf")


def _int64(text: str) -> int | None:
    """The integer ``text`` when it fits in 64 bits; None otherwise (long texts are not converted)."""
    if len(text) > 20:
        return None
    value = int(text)
    return value if INT64_MIN <= value <= INT64_MAX else None


def _abbreviated(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."
