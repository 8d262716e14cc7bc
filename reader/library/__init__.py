"""The local quote library: SQLAlchemy on SQLite with FTS5. Never imports Qt."""

from reader.library.store import Library, LibraryDamaged, LibraryError, default_db_path

__all__ = ["Library", "LibraryDamaged", "LibraryError", "default_db_path"]
