"""Logging: a rotating file in the user's data folder (here the test's own), --verbose on stderr."""

from __future__ import annotations

import logging

from reader.cli import main


def test_commands_log_to_the_file_and_verbose_to_stderr(fixtures, tmp_path, capsys, log_file):
    db = str(tmp_path / "lib.sqlite3")
    assert main(["import", str(fixtures / "council.txt"), "--db", db, "--jobs", "1", "--quiet"]) == 0
    assert capsys.readouterr().err.count("\n") == 1  # only the summary: logging stays out of the way
    text = log_file.read_text(encoding="utf-8")
    assert "quote-reader import" in text and "Imported: 1 added" in text
    assert main(["search", "savings", "--db", db, "--verbose"]) == 0
    err = capsys.readouterr().err
    assert "reader.cli: quote-reader search savings" in err


def test_a_user_error_is_one_line_on_stderr_and_logged(tmp_path, capsys, log_file):
    missing = tmp_path / "nope.txt"
    assert main(["extract", str(missing)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.txt" in err[0]


def test_a_bug_in_a_window_job_is_logged_with_its_traceback(qtbot, log_file):
    from reader.logs import setup_logging
    from reader.ui.workers import Dispatcher

    setup_logging()
    messages: list[str] = []
    dispatcher = Dispatcher()

    def broken() -> None:
        raise KeyError("speaker")

    dispatcher.run("open", broken, lambda _r: None, messages.append)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages[0].startswith("unexpected error: KeyError") and "Show Log" in messages[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "open job failed" in text and "Traceback" in text and "raise KeyError" in text
