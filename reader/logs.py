"""Logging for the whole program: a rotating file in the user's data folder, and stderr when asked.

Every module logs through ``logging.getLogger(__name__)``; this module only decides where it goes.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def log_path() -> Path:
    """Where the log file lives: $QUOTE_READER_LOG, else the user data folder."""
    env = os.environ.get("QUOTE_READER_LOG")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("quote-reader", appauthor=False) / "quote-reader.log"  # beside the library


def setup_logging(verbose: bool = False) -> Path | None:
    """Log to the rotating file: our own messages from INFO up, other libraries' warnings too (never on
    the terminal, where the user reads our one-line messages); with ``verbose``, everything of ours from
    DEBUG up on stderr as well.

    Returns the log file, or None when it cannot be written (a read-only home): the program runs on.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_quote_reader", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.WARNING)
    ours = logging.getLogger("reader")
    ours.setLevel(logging.DEBUG if verbose else logging.INFO)
    ours.propagate = True
    logging.captureWarnings(True)  # warnings.warn() from libraries becomes a log record, not stderr noise
    path: Path | None = log_path()
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                                            encoding="utf-8", delay=True)
    except OSError:
        path = None
        _add(root, logging.NullHandler())  # no last-resort printing of library warnings on stderr
    else:
        _add(root, file_handler)
    if verbose:
        _add(root, logging.StreamHandler())
    return path


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._quote_reader = True  # type: ignore[attr-defined]
    root.addHandler(handler)


def read_log(limit: int = 200_000) -> str:
    """The end of the log file, for Help › Show Log."""
    path = log_path()
    try:
        with path.open("rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - limit))
            return f.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
