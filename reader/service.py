"""The flow, composed once: load -> analyse -> store. The CLI and the window's workers both call it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.documents import load_article
from reader.library import Library, LibraryError
from reader.model import Analysis, Article

SAMPLE_ARTICLE = Path(__file__).parent / "resources" / "sample_article.txt"


@dataclass(frozen=True)
class Opened:
    article: Article
    analysis: Analysis
    article_id: int | None


class Engine:
    """The spaCy pipeline, loaded once, lazily, and safe to share between threads."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self._nlp: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    def nlp(self) -> Any:
        with self._lock:
            if self._nlp is None:
                # imported under the lock: two threads importing spaCy at once deadlock or half-import
                import reader.nlp.analyse  # noqa: F401
                from reader.nlp.pipeline import build_nlp

                self._nlp = build_nlp(self.model)
            return self._nlp

    def close(self) -> None:
        pass

    def analyse_and_store(self, article: Article, library: Library | None) -> Opened:
        return store_analysis(article, self.analyse(article), library)

    def analyse(self, article: Article) -> Analysis:
        nlp = self.nlp()
        from reader.nlp.analyse import analyse_article

        with self._lock:  # a spaCy pipeline is not re-entrant across threads
            return analyse_article(nlp, article)


class LibraryHandle:
    """The library, opened once by whichever thread first needs it (opening may migrate a big file)."""

    def __init__(self, opener: Callable[[], Library | None]) -> None:
        self._opener = opener
        self._lock = threading.Lock()
        self._library: Library | None = None
        self._tried = False
        self.error: str | None = None

    @classmethod
    def of(cls, library: Library | None) -> LibraryHandle:
        handle = cls(lambda: library)
        handle._library, handle._tried = library, True
        return handle

    def get(self) -> Library | None:
        with self._lock:
            if not self._tried:
                self._tried = True
                try:
                    self._library = self._opener()
                except LibraryError as exc:
                    self.error = str(exc)
            return self._library

    def require(self) -> Library:
        """The library, for work that cannot be done without one (raises a one-line error)."""
        library = self.get()
        if library is None:
            raise LibraryError(self.error or "no library is open")
        return library

    def close(self) -> None:
        with self._lock:
            if self._library is not None:
                self._library.close()


class ProcessEngine(Engine):
    """The pipeline in a helper process, for the window.

    spaCy's parser holds the GIL for long stretches on a long article; in a thread that would
    freeze the window for seconds. In another process it cannot, and the window thread only waits.
    """

    def __init__(self, model: str | None = None) -> None:
        super().__init__(model)
        self._pool: Any = None
        self._ready = False

    @property
    def loaded(self) -> bool:
        return self._ready

    def _executor(self) -> Any:
        with self._lock:
            if self._pool is None:
                import multiprocessing as mp
                from concurrent.futures import ProcessPoolExecutor

                from reader import batch

                self._pool = ProcessPoolExecutor(1, mp_context=mp.get_context("spawn"), initializer=batch._init,
                                                 initargs=(self.model,))
            return self._pool

    def nlp(self) -> Any:
        """Start the helper process and wait until its model is loaded."""
        from reader import batch

        self._ready = bool(self._executor().submit(batch.ready).result())
        return None

    def analyse(self, article: Article) -> Analysis:
        from reader import batch

        return batch.unpack(self._call(batch.analyse_packed, article.text))

    def analyse_and_store(self, article: Article, library: Library | None) -> Opened:
        """The helper process stores the article too: the window process does no heavy Python work
        (an ORM flush of thousands of quotes there paused the window for 100 ms at a time)."""
        from reader import batch

        if library is None:
            return Opened(article, self.analyse(article), None)
        article_id, packed = self._call(batch.analyse_and_store_packed, article, str(library.path))
        return Opened(article, batch.unpack(packed), article_id)

    def _call(self, fn: Any, *args: Any) -> Any:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._executor().submit(fn, *args).result()
        except BrokenProcessPool:
            with self._lock:
                self._pool = None  # the helper died (out of memory?): a new one next time
            raise RuntimeError("the analysis process stopped unexpectedly; try again") from None

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None


def open_article(path: str | Path, engine: Engine, library: Library | None) -> Opened:
    """Load a file, analyse it and store it in the library (once per text)."""
    article = load_article(path)
    return analyse_and_store(article, engine, library)


def analyse_and_store(article: Article, engine: Engine, library: Library | None) -> Opened:
    return engine.analyse_and_store(article, library)


def store_analysis(article: Article, analysis: Analysis, library: Library | None) -> Opened:
    article_id = None
    if library is not None:
        existing = library.article_id(article.sha256)
        if existing is not None and library.has_corrections(existing):
            # keep what a person corrected: store the new machine results around it, show the merge
            article_id = library.add(article, analysis)
            analysis = _with_model(library.analysis(article_id), analysis)
        else:
            article_id = library.add(article, analysis)
    return Opened(article, analysis, article_id)


def _with_model(stored: Analysis, fresh: Analysis) -> Analysis:
    return Analysis(quotes=stored.quotes, speakers=stored.speakers, sources=fresh.sources,
                    model=fresh.model, engine_version=fresh.engine_version)
