"""The flow as the window runs it: analysis and storing in a helper process."""

from __future__ import annotations

from reader import service
from reader.documents import load_article
from reader.library import Library


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
