"""The library's errors: what a user can act on, in one sentence."""

from __future__ import annotations

from pathlib import Path

from reader.model import UserError


class LibraryError(UserError):
    """A library problem a user can act on (locked, corrupt, unwritable); the message says which."""


class LibraryDamaged(LibraryError):
    """The file is not a sound SQLite database: it can be set aside (``guard.set_aside``) for a new one."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path
