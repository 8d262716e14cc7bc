"""The window's helper process: the flow of one article, away from the window's thread."""

from __future__ import annotations

import logging
import multiprocessing as mp
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from reader import flow
from reader.batch.workers import (
    _analyse_piece_packed,
    _init,
    _process_packed,
    _store_packed,
    pack,
    ready,
    unpack,
)
from reader.library import Library
from reader.model import Analysis, Article, Opened
from reader.nlp.pieces import one_piece

log = logging.getLogger(__name__)


class ProcessEngine(flow.Engine):
    """The flow in a helper process, for the window.

    spaCy's parser holds the GIL for long stretches on a long article; in a thread that would
    freeze the window for seconds. In another process it cannot, and the window thread only waits.
    The helper stores the article too: an ORM flush of thousands of quotes in the window's process
    paused it for 100 ms at a time.
    """

    def __init__(self, model: str | None = None) -> None:
        super().__init__(model)
        self._pool: ProcessPoolExecutor | None = None
        self._ready = False
        self._pool_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._ready

    def _executor(self) -> ProcessPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(1, mp_context=mp.get_context("spawn"), initializer=_init,
                                                 initargs=(self.model,))
            return self._pool

    def load(self) -> None:
        """Start the helper process and wait until its model is loaded."""
        self._ready = bool(self._call(ready))

    def _analyse_text(self, text: str) -> Analysis:
        return unpack(self._call(_analyse_piece_packed, text))

    def process(self, article: Article, library: Library | None, progress: flow.Progress | None = None,
                cancel: threading.Event | None = None) -> Opened:
        if one_piece(article.text):  # a news story: the whole flow in the helper
            article_id, packed = self._call(_process_packed, article, library.location if library else None)
            return Opened(article, unpack(packed), article_id)
        analysis = self.analyse(article, progress, cancel)  # piece by piece, so it can say how far it is
        if library is None:
            return Opened(article, analysis, None)
        article_id, packed = self._call(_store_packed, article, pack(analysis), library.location)
        return Opened(article, unpack(packed), article_id)

    def _call(self, fn: Any, *args: Any) -> Any:
        try:
            return self._executor().submit(fn, *args).result()
        except BrokenProcessPool:
            with self._pool_lock:
                self._pool = None  # the helper died (out of memory?): a new one next time
            log.error("the analysis process stopped unexpectedly")
            raise RuntimeError("the analysis process stopped unexpectedly; try again") from None

    def close(self) -> None:
        with self._pool_lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
