"""Lifecycles: the refused-move check every generated status enum shares."""

from __future__ import annotations

from typing import TypeVar

from ._errors import TransitionError

__all__ = ["checked_transition"]

State = TypeVar("State", bound=str)


def checked_transition(lifecycle: str, from_: State, to: State, allowed: tuple[State, ...],
                       unmet_guard: str | None = None) -> State:
    """``to`` when ``allowed`` lists it and no guard is unmet; otherwise raises :class:`TransitionError`.

    Every move out of a terminal state is refused, a move to the state it is already in included.
    """
    if to not in allowed or unmet_guard is not None:
        raise TransitionError(lifecycle, from_, to, allowed, unmet_guard)
    return to
