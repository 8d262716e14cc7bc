"""A step several migrations take on PostgreSQL, where what fills a column is computed in Python."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alembic import op


def add_filled_column(table: str, column: str, sql_type: str, source: str, convert: Callable[[Any], Any],
                      cast: str = "") -> None:
    """Add ``column`` to ``table`` and fill each row with ``convert`` of its ``source`` column
    (``cast``: the SQL type the value is cast to on the way in, when the driver cannot tell it)."""
    bind = op.get_bind()
    op.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")
    rows = bind.exec_driver_sql(f"SELECT id, {source} FROM {table}").all()
    if rows:
        value = f"CAST(%(v)s AS {cast})" if cast else "%(v)s"
        bind.exec_driver_sql(f"UPDATE {table} SET {column} = {value} WHERE id = %(id)s",
                             [{"id": i, "v": convert(v)} for i, v in rows])
