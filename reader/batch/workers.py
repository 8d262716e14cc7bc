"""What runs in a worker process, whoever started it (a local pool, a Dask worker, the window's
helper): the model loaded once per process, the tasks, and results packed for the trip back. The
local pool is here too (``Runner``); the Dask runner is ``batch.cluster``."""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import logging
import multiprocessing as mp
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from reader import flow
from reader.documents import DocumentError, load_article
from reader.library import Library
from reader.logs import setup_logging
from reader.model import Analysis, Article

log = logging.getLogger(__name__)
T = TypeVar("T")

# ---------------------------------------------------------------------- in a worker process
_ENGINE: flow.Engine | None = None
_LIBRARIES: dict[tuple[str, str | None], Library] = {}
_LOADS = 0  # how many times this process loaded a model (once, however many tasks it runs)


def _init(model: str | None) -> None:
    global _ENGINE, _LOADS
    if _ENGINE is not None and _ENGINE.model == model and _ENGINE.loaded:
        return  # this process has the pipeline already
    if not logging.getLogger().handlers:
        setup_logging()  # a worker logs to the same file; nothing of a library's reaches the terminal
    _roomy_malloc()
    _ENGINE = flow.Engine(model)
    _ENGINE.load()
    _LOADS += 1


def _roomy_malloc() -> None:
    """Dask starts its workers with MALLOC_TRIM_THRESHOLD_ set, which turns off glibc's adaptive mmap
    threshold: every large array spaCy makes is then mapped and unmapped, and a worker spends about 15%
    of its time in page faults. Large fixed thresholds give that speed back."""
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 32 * 1024 * 1024)  # M_MMAP_THRESHOLD
        libc.mallopt(-1, 128 * 1024 * 1024)  # M_TRIM_THRESHOLD
    except (OSError, AttributeError):
        pass


def loads() -> int:
    return _LOADS


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
    stored: bool = False  # the worker stored it in the library itself
    skipped: bool = False  # the library had it already


def _unreadable(path: str, exc: Exception) -> FileResult:
    """An article the engine failed on: logged in full, one line for the user, and the batch goes on."""
    log.exception("analysis of %s failed", path)
    return FileResult(path, None, None, f"{os.path.basename(path)}: could not be analysed "
                                        f"({type(exc).__name__}); the log has the details")


def _load_and_analyse(path: str) -> FileResult:
    try:
        article = load_article(path)
    except DocumentError as exc:
        return FileResult(path, None, None, str(exc))
    try:
        return FileResult(path, article, _engine().analyse(article), None)
    except Exception as exc:  # noqa: BLE001 - one article's failure must not end a batch of thousands
        return _unreadable(path, exc)


def _load_analyse_store(location: str, user: str | None, path: str) -> FileResult:
    """The whole flow in a worker that writes to a shared library itself: only a line comes back."""
    library = _library(location, user)
    try:
        article = load_article(path)
    except DocumentError as exc:
        return FileResult(path, None, None, str(exc))
    if library.has(article.sha256):
        return FileResult(path, None, None, None, skipped=True)
    try:
        analysis = _engine().analyse(article)
    except Exception as exc:  # noqa: BLE001 - as in _load_and_analyse
        return _unreadable(path, exc)
    flow.store(article, analysis, library)
    return FileResult(path, None, None, None, stored=True)


def _analyse_text(item: tuple[str, str]) -> tuple[str, Analysis]:
    key, text = item
    return key, _engine().analyse(Article(text=text))


def task(fn: Callable[..., T], model: str | None, *args: Any) -> T:
    """One piece of work in a worker: the model loaded first (once per process), then ``fn``."""
    _init(model)
    return fn(*args)


def _analyse_piece_packed(text: str) -> Packed:
    return pack(_engine().analyse(Article(text=text)))


def _store_packed(article: Article, packed: Packed, db_path: str) -> tuple[int | None, Packed]:
    opened = flow.store(article, unpack(packed), _library(db_path))
    return opened.article_id, pack(opened.analysis)


def _library(location: str, user: str | None = None) -> Library:
    library = _LIBRARIES.get((location, user))
    if library is None:
        library = _LIBRARIES[(location, user)] = Library(location, user=user)
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


# ---------------------------------------------------------------------- the local pool
class Runner:
    """Runs tasks in worker processes that each load the model once. This one is a local pool of
    ``jobs`` processes (or this process, for one job); ``reader.cluster.DaskRunner`` is a cluster."""

    def __init__(self, model: str | None, jobs: int = 1) -> None:
        self.model = model
        self.jobs = max(1, jobs)
        self._pool: Any = None

    def map(self, fn: Callable[..., T], items: Iterable[Any], ordered: bool = True) -> Iterator[T]:
        """``fn(item)`` for each item, in input order (or as they finish when not ``ordered``)."""
        if self.jobs <= 1:
            for item in items:
                yield task(fn, self.model, item)
            return
        if self._pool is None:
            self._pool = mp.get_context("spawn").Pool(self.jobs, initializer=_init, initargs=(self.model,))
        call = functools.partial(task, fn, self.model)
        yield from (self._pool.imap if ordered else self._pool.imap_unordered)(call, items, chunksize=1)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
