"""The errors the runtime raises: a refused record, a refused lifecycle move, broken rules."""

from __future__ import annotations

import dataclasses

__all__ = ["RecordError", "RuleViolation", "TransitionError", "ValidationFailure"]


class RecordError(ValueError):
    """Why one serialized record is invalid: a stable category, a message for people, and where.

    The categories are the ones ``contractgen validate`` prints (``malformed_json``, ``duplicate_key``,
    ``wrong_type``, ``rule:<id>``, ...), so a record gets the same category in every language.
    """

    category: str
    """The stable category, e.g. ``wrong_type`` or ``rule:completed_iff_status_completed``."""
    path: str
    """Where the problem is: ``$`` for the whole record, ``$.status``, ``$.result.a[2]``, ``$["a b"]``."""
    message: str
    """What is wrong, for people."""
    offset: int | None
    """The problem's byte offset in the record, when it has one (JSON text input only)."""

    def __init__(self, category: str, message: str, path: str, offset: int | None = None) -> None:
        super().__init__(category, message, path, offset)
        self.category = category
        self.message = message
        self.path = path
        self.offset = offset

    def __str__(self) -> str:
        # A rule's message usually ends with a full stop, which would stand before "at".
        sentence = self.message[:-1] if self.message.endswith(".") and not self.message.endswith("..") else self.message
        return f"[{self.category}] {sentence} at {self.path}"

    def __repr__(self) -> str:
        return (f"RecordError(category={self.category!r}, message={self.message!r}, path={self.path!r}, "
                f"offset={self.offset!r})")


@dataclasses.dataclass(frozen=True, slots=True)
class RuleViolation:
    """One broken model rule: which rule, which fields it reads, and what it means."""

    rule_id: str
    """The rule's id as written in the schema, e.g. ``completed_iff_status_completed``."""
    fields: tuple[str, ...]
    """The fields the rule reads, by wire name, in order of first use."""
    message: str
    """What the failure means, for people."""

    def __str__(self) -> str:
        return f"{self.rule_id} ({', '.join(self.fields)}): {self.message}"


class ValidationFailure(ValueError):
    """A model value that breaks one or more of its schema's rules, raised by ``validate()`` and ``to_json()``."""

    model_name: str
    """The model's type name, e.g. ``TaskStepResult``."""
    violations: tuple[RuleViolation, ...]
    """Every broken rule, in schema order."""

    def __init__(self, model_name: str, violations: tuple[RuleViolation, ...]) -> None:
        super().__init__(model_name, violations)
        self.model_name = model_name
        self.violations = violations

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The ids of the broken rules, in schema order."""
        return tuple(violation.rule_id for violation in self.violations)

    def __str__(self) -> str:
        count = "1 rule" if len(self.violations) == 1 else f"{len(self.violations)} rules"
        return f"{self.model_name} breaks {count}:\n" + "\n".join(f"- {v}" for v in self.violations)


class TransitionError(ValueError):
    """A lifecycle move the schema does not allow, raised by ``transition(to)``.

    ``from_`` and ``to`` are the states (members of the lifecycle's ``str`` enum, so they compare equal
    to their wire values); ``allowed`` lists the states ``from_`` may move to, in schema order.
    """

    lifecycle: str
    """The lifecycle's type name, e.g. ``TaskStatus``."""
    from_: str
    """The state the move started from (``from`` is a Python keyword)."""
    to: str
    """The state the move asked for."""
    allowed: tuple[str, ...]
    """The states ``from_`` may move to, in schema order; empty for a terminal state."""
    unmet_guard: str | None
    """The guard (``when:``) that did not hold for the record, when the move is listed but guarded."""

    def __init__(self, lifecycle: str, from_: str, to: str, allowed: tuple[str, ...],
                 unmet_guard: str | None = None) -> None:
        super().__init__(lifecycle, from_, to, allowed, unmet_guard)
        self.lifecycle = lifecycle
        self.from_ = from_
        self.to = to
        self.allowed = allowed
        self.unmet_guard = unmet_guard

    @property
    def is_from_terminal_state(self) -> bool:
        """Whether the move was refused because ``from_`` is terminal."""
        return not self.allowed

    def __str__(self) -> str:
        head = f"{self.lifecycle}: cannot move from {_wire(self.from_)} to {_wire(self.to)}"
        if self.unmet_guard is not None:
            return f"{head}; the guard `{self.unmet_guard}` does not hold"
        if not self.allowed:
            return f"{head}; {_wire(self.from_)} is terminal"
        return f"{head}; allowed: " + ", ".join(_wire(state) for state in self.allowed)


def _wire(state: str) -> str:
    """A state's wire value, whether it is a plain string or a member of a ``str`` enum."""
    return str.__str__(state) if type(state) is str else str(getattr(state, "value", state))
