"""The flow as the window runs it: analysis and storing in a helper process."""

from __future__ import annotations

import threading

import pytest

from reader import service
from reader.documents import load_article
from reader.library import Library
from reader.model import KindIs, NotAQuote, QuoteHere, QuoteKind, SamePerson, SpeakerIs


@pytest.mark.slow  # a process of its own
def test_process_engine_analyses_and_stores_in_the_helper(tmp_path, fixtures):
    library = Library(tmp_path / "lib.sqlite3")
    engine = service.ProcessEngine()
    try:
        opened = service.open_file(fixtures / "council.txt", engine, library)
        assert opened.article_id is not None
        stored = library.analysis(opened.article_id)
        assert [q.text for q in stored.quotes] == [q.text for q in opened.analysis.quotes]
        assert {q.speaker for q in opened.analysis.quotes if q.kind == "direct"} == {"Anita Sharma", "Paul Greene"}
        # a person's correction survives the same article being opened (and analysed) again
        q = next(q for q in stored.quotes if "Rushing this" in q.text)
        library.reassign(opened.article_id, q.start, q.end, "Board Secretary")
        again = service.open_file(fixtures / "council.txt", engine, library)
        assert again.article_id == opened.article_id
        assert next(x for x in again.analysis.quotes if "Rushing this" in x.text).speaker == "Board Secretary"
        assert library.counts()["articles"] == 1
        no_library = engine.process(load_article(fixtures / "council.txt"), None)
        assert no_library.article_id is None and no_library.analysis.quotes
    finally:
        engine.close()
        library.close()


def test_import_paths_reports_progress_skips_stored_and_stops_when_asked(tmp_path, fixtures, engine):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(4):
        (folder / f"a{n}.txt").write_text(f"“Ferry {n} leaves at dawn,” captain Ada Moss said.\n", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    library = Library(tmp_path / "lib.sqlite3")
    try:
        service.open_file(folder / "a0.txt", engine, library)
        seen: list[tuple[int, int, str]] = []
        cancel = threading.Event()

        def progress(done: int, total: int, name: str) -> None:
            seen.append((done, total, name))
            if done == 1:
                cancel.set()  # the person presses Cancel while the second article is analysed

        summary = service.import_paths([folder], library, engine=engine, progress=progress, cancel=cancel)
        assert (summary.added, summary.skipped, summary.failed, summary.cancelled) == (2, 1, 1, True)
        assert "broken.pdf" in summary.errors[0]
        assert seen[0] == (0, 3, "a1.txt") and seen[-1][:2] == (3, 3)
        again = service.import_paths([folder], library, engine=engine)  # a rerun finishes the job
        assert (again.added, again.skipped, again.cancelled) == (1, 3, False)
        assert library.counts()["articles"] == 4
    finally:
        library.close()


def test_corrections_are_intentions_the_service_carries_out(tmp_path, fixtures, engine):
    library = Library(tmp_path / "lib.sqlite3")
    try:
        opened = service.open_file(fixtures / "council.txt", engine, library)
        quote = next(q for q in opened.analysis.quotes if "Rushing this" in q.text)
        shown = service.apply_correction(opened, SpeakerIs(quote, "Board Secretary"))
        assert next(q for q in shown.analysis.quotes if q.start == quote.start).speaker == "Board Secretary"
        assert "Board Secretary" in {s.name for s in shown.analysis.speakers}
        assert service.save_correction(library, opened.article_id, SpeakerIs(quote, "Board Secretary"))
        # 'the same person' renames when nobody has the new name yet, and merges when somebody has
        service.save_correction(library, None, SamePerson("Board Secretary", "Ms. Secretary"))
        assert {s.name for s in library.speakers()} >= {"Ms. Secretary", "Anita Sharma"}
        service.save_correction(library, None, SamePerson("Ms. Secretary", "Anita Sharma"))
        names = {s.name: s for s in library.speakers()}
        assert "Ms. Secretary" not in names and {"Board Secretary", "Ms. Secretary"} <= set(names["Anita Sharma"].aliases)
        kind = service.apply_correction(opened, KindIs(quote, QuoteKind.MIXED))
        assert next(q for q in kind.analysis.quotes if q.start == quote.start).kind == "mixed"
        gone = service.apply_correction(opened, NotAQuote(quote))
        assert len(gone.analysis.quotes) == len(opened.analysis.quotes) - 1
        start = opened.article.text.index("The school board postponed")
        added = service.apply_correction(opened, QuoteHere(start, start + 26, QuoteKind.INDIRECT, None))
        assert any(q.text == "The school board postponed" for q in added.analysis.quotes)
    finally:
        library.close()
