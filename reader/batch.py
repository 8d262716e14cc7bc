"""The flow over many articles, in other processes: one pipeline per worker process.

``analyse_texts`` and ``analyse_files`` serve ``extract`` and ``import``; ``ProcessEngine`` runs the
flow for the window in one helper process. Imports nothing above ``flow``.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing as mp
import pickle
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from reader import flow
from reader.documents import DocumentError, load_article
from reader.library import Library
from reader.logs import setup_logging
from reader.model import Analysis, Article, Opened
from reader.nlp.pieces import one_piece

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------- in a worker process
_ENGINE: flow.Engine | None = None
_LIBRARIES: dict[str, Library] = {}


def _init(model: str | None) -> None:
    global _ENGINE
    if _ENGINE is not None and _ENGINE.model == model and _ENGINE.loaded:
        return  # this process has the pipeline already
    if not logging.getLogger().handlers:
        setup_logging()  # a worker logs to the same file; nothing of a library's reaches the terminal
    _ENGINE = flow.Engine(model)
    _ENGINE.load()


def _engine() -> flow.Engine:
    assert _ENGINE is not None, "worker not initialised"
    return _ENGINE


def ready() -> bool:
    return _ENGINE is not None and _ENGINE.loaded


@dataclass(frozen=True)
class FileResult:
    path: str
    article: Article | None
    analysis: Analysis | None
    error: str | None  # one sentence for the user when the file could not be read


def _load_and_analyse(path: str) -> FileResult:
    try:
        article = load_article(path)
    except DocumentError as exc:
        return FileResult(path, None, None, str(exc))
    return FileResult(path, article, _engine().analyse(article), None)


def _analyse_text(item: tuple[str, str]) -> tuple[str, Analysis]:
    key, text = item
    return key, _engine().analyse(Article(text=text))


def _analyse_piece_packed(text: str) -> Packed:
    return pack(_engine().analyse(Article(text=text)))


def _store_packed(article: Article, packed: Packed, db_path: str) -> tuple[int | None, Packed]:
    opened = flow.store(article, unpack(packed), _library(db_path))
    return opened.article_id, pack(opened.analysis)


def _library(db_path: str) -> Library:
    library = _LIBRARIES.get(db_path)
    if library is None:
        library = _LIBRARIES[db_path] = Library(db_path)
    return library


def _process_packed(article: Article, db_path: str | None) -> tuple[int | None, Packed]:
    """The whole flow in the helper process; the window process only receives the result."""
    library = _library(db_path) if db_path is not None else None
    opened = flow.process(article, _engine().analyse, library)
    return opened.article_id, pack(opened.analysis)


# ---------------------------------------------------------------------- moving results between processes
PACK_CHUNK = 400
Packed = tuple[bytes, list[bytes], list[bytes]]


def pack(a: Analysis) -> Packed:
    """An analysis pickled in small pieces: unpickling a long article's analysis in one call would
    hold the receiving process's GIL (and freeze its window) for a tenth of a second."""
    head = pickle.dumps(dataclasses.replace(a, quotes=(), sources=()))
    quotes = [pickle.dumps(a.quotes[i:i + PACK_CHUNK]) for i in range(0, len(a.quotes), PACK_CHUNK)]
    sources = [pickle.dumps(a.sources[i:i + PACK_CHUNK]) for i in range(0, len(a.sources), PACK_CHUNK)]
    return head, quotes, sources


def unpack(packed: Packed) -> Analysis:
    head, quotes, sources = packed
    analysis: Analysis = pickle.loads(head)
    q = tuple(x for chunk in quotes for x in pickle.loads(chunk))
    s = tuple(x for chunk in sources for x in pickle.loads(chunk))
    return dataclasses.replace(analysis, quotes=q, sources=s)


# ---------------------------------------------------------------------- many articles
def analyse_texts(items: Iterable[tuple[str, str]], model: str | None, jobs: int) -> Iterator[tuple[str, Analysis]]:
    """(key, text) -> (key, analysis), in input order."""
    if jobs <= 1:
        _init(model)
        items = list(items)
        for (key, _), analysis in zip(items, _engine().analyse_texts(t for _, t in items), strict=True):
            yield key, analysis
        return
    with mp.get_context("spawn").Pool(jobs, initializer=_init, initargs=(model,)) as pool:
        yield from pool.imap(_analyse_text, items, chunksize=2)


def analyse_files(paths: Iterable[str], model: str | None, jobs: int) -> Iterator[FileResult]:
    """Each file loaded and analysed, in input order (an unreadable file gives its error)."""
    if jobs <= 1:
        _init(model)
        for path in paths:
            yield _load_and_analyse(path)
        return
    pool = mp.get_context("spawn").Pool(jobs, initializer=_init, initargs=(model,))
    try:
        yield from pool.imap(_load_and_analyse, paths, chunksize=1)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


# ---------------------------------------------------------------------- the window's helper process
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
