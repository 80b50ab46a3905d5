"""How JSON paths are written in errors: ``$``, ``$.status``, ``$.result.items[3]``, ``$["a b"]``.

The same rendering as the Swift reader's, so a path reads the same in every language.
"""

from __future__ import annotations

import re

__all__ = ["key_path", "quoted_key"]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def quoted_key(key: str) -> str:
    """``key`` as a JSON string literal: quotes, backslashes and control characters escaped."""
    if not _NEEDS_ESCAPE.search(key):
        return f'"{key}"'
    return '"' + _NEEDS_ESCAPE.sub(lambda m: _SHORT_ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), key) + '"'


def key_path(path: str, key: str) -> str:
    """``path`` followed by the member ``key``: ``.name`` for identifiers, ``["a b"]`` for anything else."""
    if key.isascii() and _IDENTIFIER.match(key):
        return f"{path}.{key}"
    return f"{path}[{quoted_key(key)}]"
