"""The exception hierarchy.

    NewsweaveError                 anything the library raises on purpose
    ├── InputError                 one input item cannot be read (file named, fix said)
    ├── MissingExtraError          an optional dependency is not installed
    ├── StoreError                 the store cannot be opened, read or written (missing,
    │                              foreign, read-only, damaged, disk full, busy)
    └── NotImplementedPathError    a path the project has not built yet

The CLI turns each into a one-line message and exit code 1 (Ctrl-C: one line, 130).
"""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base class of every error newsweave raises on purpose."""


class InputError(NewsweaveError):
    """One input item cannot be read; the message names it and how to fix it."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class MissingExtraError(NewsweaveError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"{package} is not installed: pip install 'newsweave[{extra}]'"
        )


class StoreError(NewsweaveError):
    """The store cannot be opened, migrated or written."""


class NotImplementedPathError(NewsweaveError):
    """A documented path that is not built yet; the message says which."""
