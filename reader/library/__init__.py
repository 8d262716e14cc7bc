"""The local quote library: SQLAlchemy on SQLite with FTS5. Never imports Qt."""

from reader.library.connection import default_db_path
from reader.library.errors import LibraryDamaged, LibraryError
from reader.library.store import Library

__all__ = ["Library", "LibraryDamaged", "LibraryError", "default_db_path"]
