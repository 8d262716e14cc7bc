"""The flow over many articles, in other processes: one pipeline per worker process.

``analyse_texts``, ``analyse_files`` and ``store_files`` serve ``extract`` and ``import``. They hand
their tasks (``workers``) to one runner: a local pool of processes (``--jobs N``) or a Dask cluster
(``--dask``, ``cluster``); the tasks and what they return are the same on both. ``ProcessEngine``
(``helper``) runs the flow for the window in one helper process. Imports nothing above ``flow``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from reader.batch.helper import ProcessEngine
from reader.batch.workers import (
    FileResult,
    Runner,
    _analyse_text,
    _engine,
    _init,
    _load_analyse_store,
    _load_and_analyse,
    loads,
    pack,
    ready,
    unpack,
)
from reader.library import Library
from reader.model import Analysis

__all__ = ["FileResult", "ProcessEngine", "Runner", "analyse_files", "analyse_texts", "loads", "pack", "ready",
           "runner", "store_files", "unpack"]


def runner(model: str | None, jobs: int = 1, dask: str | None = None) -> Runner:
    """A local pool of ``jobs`` processes, or the Dask cluster at ``dask`` (tcp://HOST:PORT, or local:N)."""
    if dask:
        from reader.batch.cluster import DaskRunner

        return DaskRunner(model, dask)
    return Runner(model, jobs)


def analyse_texts(items: Iterable[tuple[str, str]], model: str | None, jobs: int,
                  dask: str | None = None) -> Iterator[tuple[str, Analysis]]:
    """(key, text) -> (key, analysis), in input order."""
    if jobs <= 1 and not dask:
        _init(model)
        items = list(items)
        for (key, _), analysis in zip(items, _engine().analyse_texts(t for _, t in items), strict=True):
            yield key, analysis
        return
    with runner(model, jobs, dask) as work:
        yield from work.map(_analyse_text, items)


def analyse_files(paths: Iterable[str], model: str | None, jobs: int, dask: str | None = None) -> Iterator[FileResult]:
    """Each file loaded and analysed, in input order (an unreadable file gives its error)."""
    with runner(model, jobs, dask) as work:
        yield from work.map(_load_and_analyse, paths)


def store_files(paths: Iterable[str], library: Library, model: str | None, dask: str) -> Iterator[FileResult]:
    """Each file loaded, analysed and stored by the cluster's workers straight into a shared library
    (what it holds already is skipped there), as they finish."""
    with runner(model, dask=dask) as work:
        yield from work.map(functools.partial(_load_analyse_store, library.location, library.user), paths,
                            ordered=False)


