"""The flow of one article, composed once: load -> analyse -> store.

Everything that reads, analyses or keeps an article goes through here: the window (through
``service``), the command line, and ``batch`` in its worker processes.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from reader.documents import SUPPORTED_EXTENSIONS, load_article
from reader.library import Library
from reader.model import Analysis, Article, Opened
from reader.nlp.pieces import one_piece, read_in_pieces

log = logging.getLogger(__name__)

Analyser = Callable[[Article], Analysis]
Progress = Callable[[int, int], None]  # pieces done, pieces in all


def article_files(paths: Iterable[str | Path]) -> list[str]:
    """The article files named, with folders searched (recursively) for files of a known format."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = [str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in SUPPORTED_EXTENSIONS]
            out.extend(found or [str(p)])  # an empty folder stays, to be reported as one
        else:
            out.append(str(p))
    return out


def store(article: Article, analysis: Analysis, library: Library | None) -> Opened:
    """Keep an article and its analysis (once per text). Where a person has corrected a stored
    article, the corrections win: the result is the library's merged view, with the fresh sources."""
    if library is None:
        return Opened(article, analysis, None)
    existing = library.article_id(article.sha256)
    if library.read_only:  # shown, not kept: a stored copy (with its corrections) wins
        if existing is None:
            return Opened(article, analysis, None)
        stored = library.analysis(existing)
        return Opened(article, dataclasses.replace(stored, sources=analysis.sources), existing)
    article_id = library.add(article, analysis)
    if existing is not None and library.has_corrections(existing):
        stored = library.analysis(article_id)
        analysis = Analysis(quotes=stored.quotes, speakers=stored.speakers, sources=analysis.sources,
                            model=analysis.model, engine_version=analysis.engine_version)
    return Opened(article, analysis, article_id)


def process(article: Article, analyse: Analyser, library: Library | None) -> Opened:
    """One article through the whole flow."""
    opened = store(article, analyse(article), library)
    log.debug("%s: %d quotes, stored as %s", article.path or article.sha256[:12], len(opened.analysis.quotes),
              opened.article_id)
    return opened


class Engine:
    """The spaCy pipeline, loaded once, lazily, and safe to share between threads."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self._nlp: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    def load(self) -> None:
        """Load the model now (it otherwise loads on first use)."""
        with self._lock:
            if self._nlp is None:
                # imported under the lock: two threads importing spaCy at once deadlock or half-import
                from reader.nlp.pipeline import build_nlp

                log.info("loading the language model %s", self.model or "(default)")
                self._nlp = build_nlp(self.model)

    def analyse(self, article: Article, progress: Progress | None = None,
                cancel: threading.Event | None = None) -> Analysis:
        """An article's analysis. A long one is read piece by piece, reporting (done, total) pieces to
        ``progress`` and stopping with ``Cancelled`` when ``cancel`` is set."""
        if one_piece(article.text) or progress is None and cancel is None:
            return self._analyse_text(article.text)
        return read_in_pieces(article.text, self._analyse_text, progress, cancel)

    def _analyse_text(self, text: str) -> Analysis:
        self.load()
        from reader.nlp.analyse import analyse_text

        with self._lock:  # a spaCy pipeline is not re-entrant across threads
            return analyse_text(self._nlp, text)

    def analyse_texts(self, texts: Iterable[str]) -> Iterator[Analysis]:
        """Many texts through one pipeline (spaCy batches them), in order."""
        self.load()
        from reader.nlp.analyse import analyse_stream

        yield from analyse_stream(self._nlp, texts)

    def process(self, article: Article, library: Library | None, progress: Progress | None = None,
                cancel: threading.Event | None = None) -> Opened:
        return process(article, lambda a: self.analyse(a, progress, cancel), library)

    def close(self) -> None:
        pass


def open_file(path: str | Path, engine: Engine, library: Library | None, progress: Progress | None = None,
              cancel: threading.Event | None = None) -> Opened:
    """Load a file and take it through the flow."""
    return engine.process(load_article(path), library, progress, cancel)
