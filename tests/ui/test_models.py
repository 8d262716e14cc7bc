"""The item models on their own, watched by Qt's QAbstractItemModelTester while they change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from reader.model import Analysis, Quote, QuoteKind, SearchHit, Speaker
from reader.ui.article_view import SpeakerColours
from reader.ui.palette import LIGHT
from reader.ui.quote_panel import QUOTE_ROLE, SPEAKER_ROLE, UNKNOWN, SpeakerQuoteModel
from reader.ui.search_panel import HIT_ROLE, SearchResultModel


def analysis_with(speakers: int, quotes_each: int = 2, unattributed: int = 1) -> Analysis:
    quotes, pos = [], 0
    for s in range(speakers):
        for n in range(quotes_each):
            text = f"words {n} of speaker {s}"
            quotes.append(Quote(start=pos, end=pos + len(text), text=text, kind=QuoteKind.DIRECT,
                                speaker=f"Person {s:03d}"))
            pos += len(text) + 1
    for n in range(unattributed):
        quotes.append(Quote(start=pos, end=pos + 5, text=f"nobody {n}", kind=QuoteKind.INDIRECT))
        pos += 10
    speakers_ = tuple(Speaker(name=f"Person {s:03d}", role="Mayor" if s == 0 else None) for s in range(speakers))
    return Analysis(quotes=tuple(quotes), speakers=speakers_).with_quotes(quotes)


@pytest.fixture
def tested(qapp, qtlog):
    """Attach Qt's model tester to a model; the test fails on anything the tester reports."""
    testers = []

    def attach(model):
        testers.append(QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning))
        return model

    yield attach
    failures = [r.message for r in qtlog.records if "FAIL!" in r.message]
    assert not failures, "\n".join(failures)


def loaded(analysis: Analysis) -> SpeakerQuoteModel:
    model = SpeakerQuoteModel()
    colours = SpeakerColours()
    colours.assign(analysis)
    model.load(analysis, colours, LIGHT)
    return model


def test_speaker_model_structure(tested):
    model = tested(loaded(analysis_with(3)))
    assert model.rowCount() == 4  # three speakers and the unknown speaker
    first = model.index(0, 0)
    assert first.data() == "Person 000 \u2014 Mayor"
    assert first.data(SPEAKER_ROLE) == "Person 000"
    assert model.index(0, 1).data() == "2"
    assert model.rowCount(first) == 2
    quote = model.index(1, 0, first)
    assert quote.parent() == first
    assert quote.data(QUOTE_ROLE).text == "words 1 of speaker 0"
    assert model.index(3, 0).data() == UNKNOWN
    assert model.rowCount(model.index(0, 1)) == 0  # only the first column has children


def test_speaker_model_filter_and_paging(tested):
    model = loaded(analysis_with(250))
    assert model.rowCount() == SpeakerQuoteModel.PAGE and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    tested(model)  # watches the next page arrive (and fetches the rest itself)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 251 and not model.canFetchMore(QModelIndex())
    model.set_filter("speaker 17")  # matches quotes, not names: those speakers keep only matching quotes
    names = [model.index(r, 0).data(SPEAKER_ROLE) for r in range(model.rowCount())]
    assert "Person 017" in names and "Person 170" in names and "Person 018" not in names
    model.set_filter("MAYOR")  # a role matches the whole speaker, whatever the case
    assert [model.index(r, 0).data(SPEAKER_ROLE) for r in range(model.rowCount())] == ["Person 000"]
    assert model.rowCount(model.index(0, 0)) == 2

    fresh = loaded(analysis_with(250))
    assert fresh.row_of("Person 240") == 240 and fresh.rowCount() >= 241


def hit(n: int, article: int) -> SearchHit:
    return SearchHit(quote_id=n, article_id=article, text=f"quote {n}", snippet=f"quote [{n}]", kind="direct",
                     speaker="Ana Ruiz" if n % 2 else None, role=None, article_title=f"Story {article}",
                     outlet="Gazette", published="2025-03-01", path=None, start=0, end=5)


def test_search_result_model_groups_by_article(tested):
    model = tested(SearchResultModel())
    model.load([hit(1, 10), hit(2, 11), hit(3, 10)])
    assert model.rowCount() == 2
    story = model.index(0, 0)
    assert story.data().startswith("Story 10") and "Gazette" in story.data()
    assert model.rowCount(story) == 2
    assert model.index(1, 0, story).data(HIT_ROLE).quote_id == 3
    assert model.index(0, 1, story).data(Qt.ItemDataRole.DisplayRole) == "Ana Ruiz"
    assert model.index(0, 1, model.index(1, 0)).data() == "Unknown"
    model.load([])
    assert model.rowCount() == 0

