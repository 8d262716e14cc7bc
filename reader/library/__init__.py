"""The quote library: SQLAlchemy on an SQLite file with FTS5, or on a shared PostgreSQL server. Never imports Qt."""

from reader.library.connection import default_location
from reader.library.errors import LibraryDamaged, LibraryError
from reader.library.store import Library

__all__ = ["Library", "LibraryDamaged", "LibraryError", "default_location"]
