"""What a field's values must be, one class per kind of schema type.

Each value type reads a value three ways, with the same categories and messages as the Swift decoders:
from the strict reader (:meth:`ValueType.read`, the diagnosing path), from plain Python data
(:meth:`ValueType.convert`, for ``from_dict`` and for the tree the fast path parsed), and it writes
values as JSON (:meth:`ValueType.write`) and as plain data (:meth:`ValueType.to_data`).
"""

from __future__ import annotations

import enum
import math
import unicodedata
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from ._errors import RecordError
from ._output import append_json_value, check_text, encode_string, normalized_json
from ._reader import INT64_MAX, INT64_MIN, JSONReader, ValueKind
from ._timestamp import Timestamp

if TYPE_CHECKING:
    from ._model import ModelSpec

__all__ = [
    "BOOL", "DOUBLE", "INT", "JSON", "STRING", "TIMESTAMP", "EnumType", "ListType", "MapType", "ModelType",
    "Problem", "ReadOptions", "ValueType", "describe_python_value",
]


class Problem(Exception):
    """A problem with plain Python data, raised without its path: each enclosing object or array adds
    its key or index on the way out, so a path is only built for a value that is wrong."""

    def __init__(self, category: str, message: str) -> None:
        super().__init__(category, message)
        self.category = category
        self.message = message
        self.segments: list[str | int] = []
        """The keys and indices from the problem outwards."""


class ReadOptions:
    """How one call reads values: legacy values accepted or not, and whether the data is a tree the fast
    path parsed. Such a tree is trusted: its strings and numbers need no second check and its arrays are
    lists. Other data (``from_dict``) is checked in full and may have tuples for arrays."""

    __slots__ = ("accept_legacy", "trusted")

    def __init__(self, accept_legacy: bool, trusted: bool) -> None:
        self.accept_legacy = accept_legacy
        self.trusted = trusted


def describe_python_value(value: object) -> str:
    """How messages name the JSON kind of a Python value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__} (not a JSON value)"


class ValueType:
    """The values of one schema type (``string``, ``list<T>``, an enum, a model, ...)."""

    description: str = "a value"
    """How messages name the type: ``a string``, ``an integer``, ``a TaskStatus value (a string)``."""
    kind: ValueKind | None = None
    """The JSON kind its values have, for the reader's type check; None for ``json``."""
    plain_type: type = type(NotImplemented)
    """The Python type whose values of a trusted tree are this type's values as they are (``str`` for
    ``string``), so that model readers take them without a call."""

    def read(self, reader: JSONReader, options: ReadOptions) -> Any:
        """Reads one non-null value with the strict reader, raising ``RecordError``."""
        raise NotImplementedError

    def convert(self, value: object, options: ReadOptions) -> Any:
        """The value of plain Python data ``value`` (not None), raising :class:`Problem`."""
        raise NotImplementedError

    def write(self, parts: list[str], value: Any) -> None:
        """Appends the JSON text of ``value``, raising ``TypeError`` or ``ValueError`` for a value of
        another type."""
        raise NotImplementedError

    def to_data(self, value: Any) -> object:
        """``value`` as plain JSON-shaped data, as ``to_dict`` returns it."""
        return value

    def expect(self, reader: JSONReader) -> None:
        """Raises ``wrong_type`` unless the next value is of this type's JSON kind.

        Only a well-formed value is of the wrong type: the value is read through first, and its own
        JSON error is raised if it has one.
        """
        found = reader.peek_kind()
        if found is not self.kind:
            path, offset = reader.path, reader.position
            reader.skip_value()
            raise _record_error("wrong_type", f"expected {self.description}, found {found.value}", path, offset)

    def wrong_type(self, value: object) -> Problem:
        return Problem("wrong_type", f"expected {self.description}, found {describe_python_value(value)}")


def _record_error(category: str, message: str, path: str, offset: int | None) -> RecordError:
    return RecordError(category, message, path, offset)


class _String(ValueType):
    description = "a string"
    kind = ValueKind.STRING
    plain_type = str

    def read(self, reader: JSONReader, options: ReadOptions) -> str:
        self.expect(reader)
        return reader.read_string()

    def convert(self, value: object, options: ReadOptions) -> str:
        if type(value) is str:
            if not options.trusted:
                check_text(value)
            return value
        if isinstance(value, str):
            check_text(value)
            return str.__str__(value)  # A plain str, even for a str enum's member.
        raise self.wrong_type(value)

    def write(self, parts: list[str], value: Any) -> None:
        if not isinstance(value, str):
            raise TypeError(f"expected a str, found {type(value).__name__}")
        parts.append(encode_string(value))


class _Bool(ValueType):
    description = "true or false"
    kind = ValueKind.BOOL
    plain_type = bool

    def read(self, reader: JSONReader, options: ReadOptions) -> bool:
        self.expect(reader)
        return reader.read_bool()

    def convert(self, value: object, options: ReadOptions) -> bool:
        if type(value) is bool:
            return value
        raise self.wrong_type(value)

    def write(self, parts: list[str], value: Any) -> None:
        if type(value) is not bool:
            raise TypeError(f"expected a bool, found {type(value).__name__}")
        parts.append("true" if value else "false")


class _Int(ValueType):
    description = "an integer"
    kind = ValueKind.NUMBER
    plain_type = int  # A trusted tree's ints fit in 64 bits.

    def read(self, reader: JSONReader, options: ReadOptions) -> int:
        self.expect(reader)
        return reader.read_int64()

    def convert(self, value: object, options: ReadOptions) -> int:
        if type(value) is int:
            if INT64_MIN <= value <= INT64_MAX:
                return value
            raise Problem("number_out_of_range", f"the integer {value} does not fit in 64 bits")
        if isinstance(value, int) and not isinstance(value, bool):
            return self.convert(int(value), options)
        if type(value) is float:
            raise Problem("wrong_type", f"expected an integer, found {value!r}")
        raise self.wrong_type(value)

    def write(self, parts: list[str], value: Any) -> None:
        if type(value) is not int:
            raise TypeError(f"expected an int, found {type(value).__name__}")
        if not INT64_MIN <= value <= INT64_MAX:
            raise ValueError(f"the integer {value} does not fit in 64 bits")
        parts.append(int.__repr__(value))


class _Double(ValueType):
    description = "a number"
    kind = ValueKind.NUMBER
    plain_type = float  # A trusted tree's floats are finite.

    def read(self, reader: JSONReader, options: ReadOptions) -> float:
        self.expect(reader)
        return reader.read_double()

    def convert(self, value: object, options: ReadOptions) -> float:
        if type(value) is float:
            if options.trusted or math.isfinite(value):
                return value
            raise Problem("number_out_of_range", f"{value!r} is not a finite number")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:
                raise Problem("number_out_of_range", f"the number {value} is too large for a double") from None
            return self.convert(number, options)
        raise self.wrong_type(value)

    def write(self, parts: list[str], value: Any) -> None:
        if type(value) is not float:
            raise TypeError(f"expected a float, found {type(value).__name__}")
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a JSON number")
        parts.append(float.__repr__(value))


class _Timestamp(ValueType):
    description = "an RFC 3339 timestamp string"
    kind = ValueKind.STRING

    def read(self, reader: JSONReader, options: ReadOptions) -> Timestamp:
        self.expect(reader)
        start = reader.position
        text = reader.read_string()
        timestamp = Timestamp.parse(text)
        if timestamp is None:
            raise _record_error("invalid_timestamp", _not_a_timestamp(text), reader.path, start)
        return timestamp

    def convert(self, value: object, options: ReadOptions) -> Timestamp:
        if isinstance(value, str):
            timestamp = Timestamp.parse(value)
            if timestamp is None:
                raise Problem("invalid_timestamp", _not_a_timestamp(value))
            return timestamp
        if isinstance(value, Timestamp):
            return value
        raise self.wrong_type(value)

    def write(self, parts: list[str], value: Any) -> None:
        if not isinstance(value, Timestamp):
            raise TypeError(f"expected a Timestamp, found {type(value).__name__}")
        parts.append('"' + value.rfc3339() + '"')

    def to_data(self, value: Any) -> object:
        return value.rfc3339()


def _not_a_timestamp(text: str) -> str:
    return f'{encode_string(text)} is not an RFC 3339 timestamp like "2026-02-26T10:30:00Z"'


class _JSON(ValueType):
    description = "a JSON value"
    kind = None

    def read(self, reader: JSONReader, options: ReadOptions) -> object:
        return reader.read_value()

    def convert(self, value: object, options: ReadOptions) -> object:
        return value if options.trusted else normalized_json(value, Problem)

    def write(self, parts: list[str], value: Any) -> None:
        append_json_value(parts, value)


STRING: Final[ValueType] = _String()
"""``string``."""
BOOL: Final[ValueType] = _Bool()
"""``bool``."""
INT: Final[ValueType] = _Int()
"""``int``: 64-bit signed."""
DOUBLE: Final[ValueType] = _Double()
"""``double``: finite."""
TIMESTAMP: Final[ValueType] = _Timestamp()
"""``timestamp``: RFC 3339 on the wire, :class:`Timestamp` in Python."""
JSON: Final[ValueType] = _JSON()
"""``json``: any JSON value as plain Python data (``None`` for null)."""


class ListType(ValueType):
    """``list<T>``: a JSON array, a ``tuple`` in Python. Null elements are refused unless T is ``json``."""

    description = "an array"
    kind = ValueKind.ARRAY

    def __init__(self, element: ValueType) -> None:
        self.element = element

    def read(self, reader: JSONReader, options: ReadOptions) -> tuple[Any, ...]:
        self.expect(reader)
        reader.begin_array()
        element = self.element
        values = []
        while reader.next_element():
            values.append(_read_element(element, reader, options))
        return tuple(values)

    def convert(self, value: object, options: ReadOptions) -> tuple[Any, ...]:
        if not (type(value) is list if options.trusted else isinstance(value, (list, tuple))):
            raise self.wrong_type(value)
        element = self.element
        index = 0
        items: list[object] | tuple[object, ...] = value  # type: ignore[assignment]
        try:
            converted = []
            for index, item in enumerate(items):
                converted.append(_convert_element(element, item, options))
        except Problem as problem:
            problem.segments.append(index)
            raise
        return tuple(converted)

    def write(self, parts: list[str], value: Any) -> None:
        if not isinstance(value, (tuple, list)):
            raise TypeError(f"expected a tuple, found {type(value).__name__}")
        parts.append("[")
        for index, item in enumerate(value):
            if index:
                parts.append(",")
            _write_element(self.element, parts, item)
        parts.append("]")

    def to_data(self, value: Any) -> object:
        return [None if item is None else self.element.to_data(item) for item in value]


class MapType(ValueType):
    """``map<T>``: a JSON object with string keys, a ``dict`` in Python; written with its keys sorted.

    Keys that are canonically equivalent (NFC and NFD spellings) are one key, as in Swift's
    ``Dictionary``: the first spelling stays, with the last value.
    """

    description = "an object"
    kind = ValueKind.OBJECT

    def __init__(self, element: ValueType) -> None:
        self.element = element

    def read(self, reader: JSONReader, options: ReadOptions) -> dict[str, Any]:
        self.expect(reader)
        reader.begin_object()
        element = self.element
        members: dict[str, Any] = {}
        while (key := reader.next_key()) is not None:
            _set_member(members, key, _read_element(element, reader, options))
        return members

    def convert(self, value: object, options: ReadOptions) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong_type(value)
        element = self.element
        key: object = None
        members: dict[str, Any] = {}
        try:
            for key, item in value.items():
                if not isinstance(key, str):
                    raise Problem("wrong_type", f"expected a string key, found {describe_python_value(key)}")
                if not options.trusted:
                    check_text(key)
                _set_member(members, str.__str__(key), _convert_element(element, item, options))
        except Problem as problem:
            problem.segments.append(key if isinstance(key, str) else repr(key))
            raise
        return members

    def write(self, parts: list[str], value: Any) -> None:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected a dict, found {type(value).__name__}")
        parts.append("{")
        for index, key in enumerate(sorted(value, key=_swift_order)):
            if not isinstance(key, str):
                raise TypeError(f"map keys must be str, found {type(key).__name__}")
            if index:
                parts.append(",")
            parts.append(encode_string(key))
            parts.append(":")
            _write_element(self.element, parts, value[key])
        parts.append("}")

    def to_data(self, value: Any) -> object:
        return {key: None if item is None else self.element.to_data(item) for key, item in value.items()}


def _swift_order(key: object) -> str:
    """Swift orders strings by the Unicode scalars of their NFC form."""
    if isinstance(key, str):
        return key if key.isascii() else unicodedata.normalize("NFC", key)
    return ""


def _set_member(members: dict[str, Any], key: str, value: Any) -> None:
    if key in members or key.isascii():
        members[key] = value
        return
    canonical = unicodedata.normalize("NFC", key)
    for existing in members:
        if not existing.isascii() and unicodedata.normalize("NFC", existing) == canonical:
            members[existing] = value
            return
    members[key] = value


def _read_element(element: ValueType, reader: JSONReader, options: ReadOptions) -> Any:
    """An element of a list or map: null only where JSON allows anything."""
    if element is JSON:
        return reader.read_value()
    if reader.read_null_if_present():
        raise _record_error("wrong_type", f"expected {element.description}, found null", reader.path,
                            reader.position - 4)
    return element.read(reader, options)


def _convert_element(element: ValueType, item: object, options: ReadOptions) -> Any:
    if item is None:
        if element is JSON:
            return None
        raise Problem("wrong_type", f"expected {element.description}, found null")
    return element.convert(item, options)


def _write_element(element: ValueType, parts: list[str], item: Any) -> None:
    if item is None:
        if element is not JSON:
            raise TypeError(f"expected {element.description}, found None")
        parts.append("null")
    else:
        element.write(parts, item)


class EnumType(ValueType):
    """A lifecycle, enum or error catalog: a ``str`` enum in Python, matched by wire value.

    A value is matched byte for byte first, then by canonical equivalence (as Swift's ``String``
    compares). An open enum keeps a value it does not know as a plain ``str``. Legacy values are read
    as the states they now mean only when ``accept_legacy`` is asked for.
    """

    kind = ValueKind.STRING

    def __init__(self, enumeration: type[enum.Enum], *, open: bool = False,
                 legacy: Mapping[str, enum.Enum] | None = None) -> None:
        self.enumeration = enumeration
        self.name = enumeration.__name__
        self.open = open
        self.description = f"a {self.name} value (a string)"
        self.members: dict[str, enum.Enum] = {member.value: member for member in enumeration}
        self.legacy: dict[str, enum.Enum] = dict(legacy or {})
        self._canonical_members = {unicodedata.normalize("NFC", value): m for value, m in self.members.items()}
        self._canonical_legacy = {unicodedata.normalize("NFC", value): m for value, m in self.legacy.items()}

    def read(self, reader: JSONReader, options: ReadOptions) -> Any:
        self.expect(reader)
        start = reader.position
        text = reader.read_string()
        try:
            return self.lookup(text, options)
        except Problem as problem:
            raise _record_error(problem.category, problem.message, reader.path, start) from None

    def convert(self, value: object, options: ReadOptions) -> Any:
        if isinstance(value, str):
            if not options.trusted and type(value) is not str:
                value = str.__str__(value) if not isinstance(value, self.enumeration) else value.value
            return self.lookup(value, options)
        raise self.wrong_type(value)

    def lookup(self, text: str, options: ReadOptions) -> Any:
        """The member ``text`` names (or ``text`` itself for an open enum); :class:`Problem` otherwise."""
        member = self.members.get(text)
        if member is not None:
            return member
        canonical = text if text.isascii() else unicodedata.normalize("NFC", text)
        member = self._canonical_members.get(canonical)
        if member is not None:
            return member
        if self.open:
            if not options.trusted:
                check_text(text)
            return text
        current = self.legacy.get(text) or self._canonical_legacy.get(canonical)
        if current is not None:
            if options.accept_legacy:
                return current
            raise Problem("unknown_enum_value", f"{encode_string(text)} is not a value of {self.name}; it is a legacy "
                                                f"value for {encode_string(current.value)}, accepted when legacy "
                                                "values are asked for")
        raise Problem("unknown_enum_value", f"{encode_string(text)} is not a value of {self.name}")

    def write(self, parts: list[str], value: Any) -> None:
        if isinstance(value, self.enumeration):
            parts.append(encode_string(value.value))
        elif self.open and type(value) is str:
            parts.append(encode_string(value))
        else:
            raise TypeError(f"expected a {self.name}, found {type(value).__name__}")

    def to_data(self, value: Any) -> object:
        return value.value if isinstance(value, self.enumeration) else value


class ModelType(ValueType):
    """A nested model: a JSON object read by the model's own decoder (its rules included)."""

    kind = ValueKind.OBJECT

    def __init__(self, spec: Callable[[], ModelSpec]) -> None:
        # A callable, so that models can refer to models defined after them, or to themselves.
        self._spec = spec

    @property
    def spec(self) -> ModelSpec:
        return self._spec()

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"a {self.spec.name} object"

    def read(self, reader: JSONReader, options: ReadOptions) -> Any:
        return self.spec.read(reader, options)

    def convert(self, value: object, options: ReadOptions) -> Any:
        return self.spec.convert(value, options)

    def write(self, parts: list[str], value: Any) -> None:
        spec = self.spec
        if not isinstance(value, spec.model):
            raise TypeError(f"expected a {spec.name}, found {type(value).__name__}")
        spec.write(parts, value)

    def to_data(self, value: Any) -> object:
        return self.spec.to_data(value)
