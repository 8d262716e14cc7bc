"""Batch analysis over several processes (extract --jobs, import): one pipeline per worker process."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from typing import Any

from reader.documents import DocumentError, load_article
from reader.model import Analysis, Article

_NLP: Any = None


def _init(model: str | None) -> None:
    global _NLP
    from reader.nlp.pipeline import build_nlp

    _NLP = build_nlp(model)


def ready() -> bool:
    return _NLP is not None


def analyse_one(text: str) -> Analysis:
    from reader.nlp.analyse import analyse_text

    return analyse_text(_NLP, text)


PACK_CHUNK = 400


Packed = tuple[bytes, list[bytes], list[bytes]]
_LIBRARIES: dict[str, Any] = {}


def analyse_packed(text: str) -> Packed:
    return pack(analyse_one(text))


def analyse_and_store_packed(article: Article, db_path: str) -> tuple[int | None, Packed]:
    """Analyse and store in this (helper) process; the window process only receives the result."""
    from reader.library import Library
    from reader.service import store_analysis

    library = _LIBRARIES.get(db_path)
    if library is None:
        library = _LIBRARIES[db_path] = Library(db_path)
    opened = store_analysis(article, analyse_one(article.text), library)
    return opened.article_id, pack(opened.analysis)


def pack(a: Analysis) -> Packed:
    """An analysis pickled in small pieces: unpickling a long article's analysis in one call would
    hold the receiving process's GIL (and freeze its window) for a tenth of a second."""
    import dataclasses
    import pickle

    head = pickle.dumps(dataclasses.replace(a, quotes=(), sources=()))
    quotes = [pickle.dumps(a.quotes[i:i + PACK_CHUNK]) for i in range(0, len(a.quotes), PACK_CHUNK)]
    sources = [pickle.dumps(a.sources[i:i + PACK_CHUNK]) for i in range(0, len(a.sources), PACK_CHUNK)]
    return head, quotes, sources


def unpack(packed: Packed) -> Analysis:
    import dataclasses
    import pickle

    head, quotes, sources = packed
    analysis: Analysis = pickle.loads(head)
    q = tuple(x for chunk in quotes for x in pickle.loads(chunk))
    s = tuple(x for chunk in sources for x in pickle.loads(chunk))
    return dataclasses.replace(analysis, quotes=q, sources=s)


def _analyse_text(item: tuple[str, str]) -> tuple[str, Analysis]:
    key, text = item
    return key, analyse_one(text)


def _load_and_analyse(path: str) -> tuple[str, Article | None, Analysis | None, str | None]:
    from reader.nlp.analyse import analyse_article

    try:
        article = load_article(path)
    except DocumentError as exc:
        return path, None, None, str(exc)
    return path, article, analyse_article(_NLP, article), None


def analyse_texts(items: Iterable[tuple[str, str]], model: str | None, jobs: int) -> Iterator[tuple[str, Analysis]]:
    """(key, text) -> (key, analysis), in input order."""
    if jobs <= 1:
        _init(model)
        from reader.nlp.analyse import analysis_from_doc

        items = list(items)
        name = _NLP.meta.get("name", "")
        docs = _NLP.pipe((t for _, t in items), batch_size=8)
        for (key, _), doc in zip(items, docs, strict=True):
            yield key, analysis_from_doc(doc, model=name)
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(jobs, initializer=_init, initargs=(model,)) as pool:
        yield from pool.imap(_analyse_text, items, chunksize=2)


def analyse_files(paths: Iterable[str], model: str | None, jobs: int
                  ) -> Iterator[tuple[str, Article | None, Analysis | None, str | None]]:
    """path -> (path, article, analysis, error message), in input order."""
    if jobs <= 1:
        _init(model)
        for path in paths:
            yield _load_and_analyse(path)
        return
    ctx = mp.get_context("spawn")
    pool = ctx.Pool(jobs, initializer=_init, initargs=(model,))
    try:
        yield from pool.imap(_load_and_analyse, paths, chunksize=1)
        pool.close()
    finally:
        pool.terminate()
        pool.join()
