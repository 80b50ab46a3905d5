"""Models: the field table a generated model declares, and the entry points every model shares."""

from __future__ import annotations

import dataclasses
import sys
import threading
import typing
from collections.abc import Callable
from typing import Any, ClassVar, Final, Self

from ._errors import RecordError, RuleViolation, ValidationFailure
from ._fast import REFUSED, parse_fast
from ._json import _bytes_and_text
from ._output import encode_string
from ._paths import key_path
from ._reader import DEFAULT_LIMITS, JSONLimits, JSONReader, ValueKind
from ._types import JSON, Problem, ReadOptions, ValueType, describe_python_value

__all__ = ["ContractModel", "Field", "ModelSpec"]


class Field:
    """One field of a model: its wire name, its type, and how it may appear on the wire."""

    __slots__ = ("name", "type", "attribute", "nullable", "required", "accepts_null", "json_key")

    def __init__(self, name: str, type: ValueType, *, attribute: str | None = None, nullable: bool = False,
                 required: bool = True) -> None:
        self.name = name
        """The wire name, e.g. ``error_code``."""
        self.type = type
        """What its non-null values must be."""
        self.attribute = attribute or name
        """The dataclass attribute: the wire name, unless that is not usable in Python (``from`` → ``from_``)."""
        self.nullable = nullable
        """Whether ``null`` is a value (written as an explicit ``null``)."""
        self.required = required
        """Whether the key must be present (``required: false`` in the schema makes it optional)."""
        # JSON null is one of a json field's values even when the field is not nullable.
        self.accepts_null = nullable or type is JSON
        self.json_key = encode_string(name) + ":"


class ModelSpec:
    """A model's field table, which the runtime reads and writes the model by.

    Generated modules declare one per model, after all the module's types exist::

        TaskStepResult._spec = rt.ModelSpec(TaskStepResult, (
            rt.Field("step", rt.STRING),
            rt.Field("error_code", rt.EnumType(ErrorCode), nullable=True),
            ...
        ))
    """

    def __init__(self, model: type[ContractModel], fields: tuple[Field, ...], *,
                 allows_additional_keys: bool = False) -> None:
        self.model = model
        self.name = model.__name__
        self.fields = fields
        self.allows_additional_keys = allows_additional_keys
        self.by_name = {field.name: field for field in fields}
        self.required = tuple(field for field in fields if field.required)
        # Keys that may be absent and have no default in the dataclass (nullable ones without a schema
        # default) are null when absent; the others take their default.
        defaulted = {f.name for f in dataclasses.fields(model)  # type: ignore[arg-type]
                     if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING}
        self.null_when_absent = tuple(field.attribute for field in fields
                                      if not field.required and field.attribute not in defaulted)
        self.field_count = len(fields)
        self._convert_complete = _compile_complete(self)
        """``convert`` of a trusted tree's object that has exactly the model's keys, the common case."""

    # MARK: Reading

    def read(self, reader: JSONReader, options: ReadOptions) -> Any:
        """Reads one model object with the strict reader, raising the first problem in reading order:
        the object's own JSON errors, unknown and repeated keys and wrong values as they are met, then
        missing keys in schema order, then broken rules in schema order."""
        kind = reader.peek_kind()
        if kind is not ValueKind.OBJECT:
            path, offset = reader.path, reader.position
            reader.skip_value()
            # Only a complete value is "not an object": a record must be nothing but that value.
            if reader.depth == 0:
                reader.expect_end()
            raise RecordError("not_an_object", f"expected a {self.name} object, found {kind.value}", path, offset)
        # A model that refuses unknown keys finds repeated ones itself, after the key's colon, as Swift does.
        reader.begin_object(caller_checks_duplicate_keys=not self.allows_additional_keys)
        values: dict[str, Any] = {}
        by_name = self.by_name
        while (key := reader.next_key()) is not None:
            field = by_name.get(key)
            if field is None:
                if self.allows_additional_keys:
                    reader.skip_value()
                    continue
                raise reader.error("unknown_field", f"unknown key {encode_string(key)} in {self.name}")
            if field.attribute in values:
                raise reader.duplicate_key_error()
            if reader.read_null_if_present():
                if not field.accepts_null:
                    raise reader.error("wrong_type", _null_not_allowed(field))
                values[field.attribute] = None
            else:
                values[field.attribute] = field.type.read(reader, options)
        for field in self.required:
            if field.attribute not in values:
                raise reader.error("missing_field", f"missing key {encode_string(field.name)} of {self.name}")
        for attribute in self.null_when_absent:
            values.setdefault(attribute, None)
        value = self.model(**values)
        violations = value.violations()
        if violations:
            raise RecordError(f"rule:{violations[0].rule_id}", violations[0].message, reader.path)
        return value

    def convert(self, data: object, options: ReadOptions) -> Any:
        """The model value of plain data (a dict with wire names), raising
        :class:`Problem` for the first problem in the data's order, then missing keys and broken rules in
        schema order."""
        if not isinstance(data, dict):
            raise Problem("not_an_object", f"expected a {self.name} object, found {describe_python_value(data)}")
        trusted = options.trusted
        if trusted and len(data) == self.field_count:
            try:
                return self._convert_complete(data, options)
            except KeyError:
                pass  # As many keys as fields, not the same ones: read member by member, which says which.
        values: dict[str, Any] = {}
        by_name = self.by_name
        key: object = None
        try:
            for key, item in data.items():
                field = by_name.get(key) if isinstance(key, str) else None
                if field is None:
                    if not self.allows_additional_keys:
                        raise Problem("unknown_field", f"unknown key {_describe_key(key)} in {self.name}")
                    JSON.convert(item, options)  # Checked as JSON, then left out.
                    continue
                attribute = field.attribute
                if item is None:
                    if not field.accepts_null:
                        raise Problem("wrong_type", _null_not_allowed(field))
                    values[attribute] = None
                elif trusted and type(item) is field.type.plain_type:
                    values[attribute] = item
                else:
                    values[attribute] = field.type.convert(item, options)
        except Problem as problem:
            problem.segments.append(key if isinstance(key, str) else repr(key))
            raise
        if len(values) != len(self.fields):
            for field in self.required:
                if field.attribute not in values:
                    raise Problem("missing_field", f"missing key {encode_string(field.name)} of {self.name}")
            for attribute in self.null_when_absent:
                values.setdefault(attribute, None)
        value = self.model(**values)
        violations = value.violations()
        if violations:
            raise Problem(f"rule:{violations[0].rule_id}", violations[0].message)
        return value

    def _convert_field(self, index: int, item: object, options: ReadOptions) -> Any:
        """The value of field ``index`` when ``_convert_complete`` cannot take ``item`` as it is."""
        field = self.fields[index]
        try:
            if item is None:
                if field.accepts_null:
                    return None
                raise Problem("wrong_type", _null_not_allowed(field))
            return field.type.convert(item, options)
        except Problem as problem:
            problem.segments.append(field.name)
            raise

    # MARK: Writing

    def write(self, parts: list[str], value: Any) -> None:
        """Appends the JSON object of ``value``: keys in schema order, nulls explicit. Raises
        ``ValidationFailure`` for a broken rule and ``TypeError``/``ValueError`` for a field whose value
        is not of its type."""
        violations = value.violations()
        if violations:
            raise ValidationFailure(self.name, tuple(violations))
        separator = "{"
        for field in self.fields:
            parts.append(separator)
            separator = ","
            parts.append(field.json_key)
            item = getattr(value, field.attribute)
            if item is None:
                if not field.accepts_null:
                    raise TypeError(f"{self.name}.{field.attribute} is not nullable, found None")
                parts.append("null")
                continue
            try:
                field.type.write(parts, item)
            except (TypeError, ValueError) as error:
                raise type(error)(f"{self.name}.{field.attribute}: {error}") from None
        parts.append("{}" if separator == "{" else "}")

    def to_data(self, value: Any) -> dict[str, object]:
        """``value`` as a dict with wire names in schema order, nulls explicit, values as JSON shapes."""
        data: dict[str, object] = {}
        for field in self.fields:
            item = getattr(value, field.attribute)
            data[field.name] = None if item is None else field.type.to_data(item)
        return data


def _compile_complete(spec: ModelSpec) -> Callable[[dict[object, object], ReadOptions], Any]:
    """``convert`` of a trusted tree's object with exactly the model's keys, written out field by field
    and compiled once per model, as ``dataclasses`` writes ``__init__``: a field whose item already has
    its Python type (or is one of its enum's values, or null where null is a value, or any value of a
    ``json`` field) is set as it is, any other goes through ``_convert_field``.
    Names reach the code only as constants, never as code text.
    ``object.__setattr__`` sets a frozen dataclass's slots, which its own ``__setattr__`` refuses."""
    constants: dict[str, object] = {"new": object.__new__, "model": spec.model, "slow": spec._convert_field,
                                    "broken": _broken_rule, "put": object.__setattr__}
    lines = ["def convert_complete(members, options):", "    value = new(model)"]
    for index, field in enumerate(spec.fields):
        constants[f"key{index}"] = field.name
        constants[f"attribute{index}"] = field.attribute
        lines.append(f"    item = members[key{index}]")
        enum_members = getattr(field.type, "members", None)
        if field.type is JSON:
            lines.append(f"    put(value, attribute{index}, item)")  # A trusted tree holds JSON values as they are kept.
            continue
        if isinstance(enum_members, dict):
            constants[f"enum{index}"] = enum_members
            lines.append(f"    if type(item) is str and item in enum{index}: put(value, attribute{index}, enum{index}[item])")
        else:
            constants[f"type{index}"] = field.type.plain_type
            lines.append(f"    if type(item) is type{index}: put(value, attribute{index}, item)")
        if field.accepts_null:
            lines.append(f"    elif item is None: put(value, attribute{index}, None)")
        lines.append(f"    else: put(value, attribute{index}, slow({index}, item, options))")
    lines += ["    violations = value.violations()", "    if violations: broken(violations[0])", "    return value"]
    exec("\n".join(lines), constants)  # noqa: S102 - code made here from indices only
    return typing.cast("Callable[[dict[object, object], ReadOptions], Any]", constants["convert_complete"])


def _broken_rule(violation: RuleViolation) -> None:
    raise Problem(f"rule:{violation.rule_id}", violation.message)


def _null_not_allowed(field: Field) -> str:
    return f"expected {field.type.description}, found null (`{field.name}` is not nullable)"


def _describe_key(key: object) -> str:
    return encode_string(key) if isinstance(key, str) else repr(key)


class ContractModel:
    """What every generated model shares: strict JSON and dict codecs and rule validation.

    A generated model is a frozen dataclass deriving from this class; it declares its fields, its rules
    (:meth:`violations`) and its field table (``_spec``).
    """

    __slots__ = ()
    _spec: ClassVar[ModelSpec]

    def violations(self) -> list[RuleViolation]:
        """Every rule this value breaks, in schema order; empty when the value is valid."""
        return []

    def validate(self) -> None:
        """Raises :class:`ValidationFailure` listing every broken rule, if any rule is broken."""
        violations = self.violations()
        if violations:
            raise ValidationFailure(type(self).__name__, tuple(violations))

    @classmethod
    def from_json(cls, data: bytes | str, *, accept_legacy: bool = False, limits: JSONLimits | None = None) -> Self:
        """Decodes one record from JSON text (UTF-8 bytes, or a str) with the strict decoder.

        JSON syntax (RFC 8259 and I-JSON: duplicate keys, bad UTF-8, lone surrogates, ``NaN``, numbers
        that overflow), shape, types, enum values and rules are all checked; the first problem in reading
        order raises :class:`RecordError` with the category ``contractgen validate`` reports.
        ``accept_legacy`` reads lifecycles' legacy values as the states they now mean.
        """
        spec = cls._spec
        # The common case in line (bytes, default limits, a complete object), as `_decode_json` does it.
        if type(data) is bytes and limits is None:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = ""
            if text:
                tree = parse_fast(text, len(data), DEFAULT_LIMITS)
                if type(tree) is dict:
                    try:
                        return spec.convert(tree, _TRUSTED_LEGACY if accept_legacy else _TRUSTED)  # type: ignore[no-any-return]
                    except (Problem, RecursionError):
                        pass
                return _read_strictly(spec, data, accept_legacy, DEFAULT_LIMITS)  # type: ignore[no-any-return]
        return _decode_json(spec, data, accept_legacy, limits or DEFAULT_LIMITS)  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, data: object, *, accept_legacy: bool = False) -> Self:
        """Decodes one record from plain data shaped like :meth:`to_dict`'s (wire names, enum values as
        strings, timestamps as RFC 3339 text, JSON values as dicts, lists, str, int, float, bool, None).

        Checked as strictly as :meth:`from_json`; raises :class:`RecordError` with the same categories and
        paths (the dict's order is the reading order).
        """
        options = ReadOptions(accept_legacy, trusted=False)
        try:
            return _with_room_to_recurse(lambda: cls._spec.convert(data, options))  # type: ignore[no-any-return]
        except Problem as problem:
            raise _record_error(problem) from None

    def to_json(self) -> bytes:
        """The value as compact JSON in UTF-8: keys in schema order, nulls explicit, byte for byte what
        Swift's ``jsonUTF8Data()`` writes. Raises :class:`ValidationFailure` when the value breaks a rule
        (nested models included), and ``TypeError``/``ValueError`` for a field holding a value of another
        type than its annotation (a value that no JSON record could decode into)."""
        parts: list[str] = []
        _with_room_to_recurse(lambda: self._spec.write(parts, self))
        text = "".join(parts)
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError as error:
            raise ValueError(f"{type(self).__name__} holds a string with the lone surrogate "
                             f"U+{ord(text[error.start]):04X}, which JSON text cannot carry") from None

    def to_dict(self) -> dict[str, object]:
        """The value as plain data (the seed's ``dict()`` shape): wire names in schema order, nulls
        explicit, enum values as strings, timestamps as RFC 3339 text, lists as lists, JSON values as
        they are held. Rules are not checked."""
        return typing.cast("dict[str, object]", _with_room_to_recurse(lambda: self._spec.to_data(self)))


def _decode_json(spec: ModelSpec, data: bytes | str, accept_legacy: bool, limits: JSONLimits) -> Any:
    """The fast path where it vouches for the text; else the strict reader, which reports the problem."""
    raw, text = _bytes_and_text(data)
    if text:
        tree = parse_fast(text, len(raw), limits)
        if tree is not REFUSED:
            try:
                return spec.convert(tree, _TRUSTED_LEGACY if accept_legacy else _TRUSTED)
            except (Problem, RecursionError):
                pass
    return _read_strictly(spec, raw, accept_legacy, limits)


def _read_strictly(spec: ModelSpec, raw: bytes, accept_legacy: bool, limits: JSONLimits) -> Any:
    """The model read by the strict reader, which reports the first problem in reading order."""

    def read() -> Any:
        reader = JSONReader(raw, limits)
        value = spec.read(reader, ReadOptions(accept_legacy, trusted=False))
        reader.expect_end()
        return value

    return _with_room_to_recurse(read)


_TRUSTED: Final = ReadOptions(accept_legacy=False, trusted=True)
_TRUSTED_LEGACY: Final = ReadOptions(accept_legacy=True, trusted=True)


def _record_error(problem: Problem) -> RecordError:
    path = "$"
    for segment in reversed(problem.segments):
        path = f"{path}[{segment}]" if isinstance(segment, int) else key_path(path, segment)
    return RecordError(problem.category, problem.message, path)


# Models that contain themselves (through a list or map) are read by recursion, a few Python frames per
# level; the reader's depth limit (512 by default) bounds the levels, which may need more frames than
# Python's default recursion limit allows. It is raised, never lowered, the first time that happens.
_RECURSION_FRAMES_PER_LEVEL: Final = 8
_recursion_lock = threading.Lock()


def _with_room_to_recurse(body: Callable[[], Any]) -> Any:
    try:
        return body()
    except RecursionError:
        with _recursion_lock:
            needed = DEFAULT_LIMITS.max_depth * _RECURSION_FRAMES_PER_LEVEL + 1000
            if sys.getrecursionlimit() >= needed:
                raise
            sys.setrecursionlimit(needed)
        return body()
