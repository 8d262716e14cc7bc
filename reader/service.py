"""The application's API, for the command line and the window alike: open, import many, search,
export, corrections. The window's workers call it from their threads; it never imports Qt.

Errors a user can act on are :class:`UserError` (one sentence); anything else is a bug and is logged.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader import flow
from reader.annotated import annotated_html
from reader.batch import FileResult, ProcessEngine, analyse_files, store_files
from reader.documents import SUPPORTED_EXTENSIONS, DocumentError, article_from_text, is_url, load_article
from reader.flow import Engine, article_files
from reader.library import Library, LibraryDamaged, LibraryError, guard, search
from reader.library.export import FORMATS, STYLES, citation, export_hits
from reader.library.undo import Change
from reader.logs import log_path, read_log, setup_logging
from reader.model import (
    Article,
    Correction,
    KindIs,
    NotAQuote,
    Opened,
    Quote,
    QuoteHere,
    SamePerson,
    SearchHit,
    SpeakerIs,
    UserError,
)

__all__ = [
    "FORMATS", "SAMPLE_ARTICLE", "STYLES", "annotated_html", "SEARCH_HELP", "SUPPORTED_EXTENSIONS", "Engine", "ImportSummary", "Library",
    "LibraryHandle", "ProcessEngine", "UserError", "apply_correction", "article_files", "citation", "export_hits",
    "export_to", "hit_for", "is_url", "open_text", "import_paths", "reanalyse", "remove_articles", "Saved", "undo", "Change", "log_path", "open_file", "quote_for", "read_log", "save_correction",
    "setup_logging", "stored",
]

log = logging.getLogger(__name__)

SAMPLE_ARTICLE = Path(__file__).parent / "resources" / "sample_article.txt"
SEARCH_HELP = (search.__doc__ or "").strip()


class LibraryHandle:
    """The library, opened once by whichever thread first needs it (opening may migrate a big file)."""

    def __init__(self, opener: Callable[[], Library | None]) -> None:
        self._opener = opener
        self._lock = threading.Lock()
        self._library: Library | None = None
        self._tried = False
        self.error: str | None = None
        self.damaged: Path | None = None  # a library file found damaged, which the user may set aside

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
                    log.warning("no library: %s", exc)
                    self.error = str(exc)
                    self.damaged = exc.path if isinstance(exc, LibraryDamaged) else None
            return self._library

    def set_aside_and_reopen(self) -> Library | None:
        """Rename the damaged library out of the way (never delete it) and open a new one in its place."""
        with self._lock:
            if self.damaged is None:
                return self._library
            kept = guard.set_aside(self.damaged)
            log.warning("set the damaged library aside as %s", kept)
            self.damaged, self._tried, self.error = None, False, None
        return self.get()

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


# ---------------------------------------------------------------------- opening and importing
def open_file(path: str | Path, engine: Engine, library: Library | None,
              progress: Callable[[int, int], None] | None = None, cancel: threading.Event | None = None) -> Opened:
    """Load a file, analyse it and keep it in the library; a long one reports its progress in pieces and
    stops (keeping nothing) when ``cancel`` is set."""
    return flow.open_file(path, engine, library, progress, cancel)


def open_text(text: str, engine: Engine, library: Library | None) -> Opened:
    """Text pasted as an article (Open Clipboard as Article): analysed and kept like a file."""
    return engine.process(article_from_text(text), library)


def stored(library: Library, article_id: int) -> Opened | None:
    """An article as the library holds it, corrections included (None when it has gone)."""
    article = library.article(article_id)
    if article is None:
        return None
    return Opened(article, library.analysis(article_id), article_id)


@dataclass(frozen=True)
class ImportSummary:
    added: int = 0
    skipped: int = 0  # already in the library
    failed: int = 0
    cancelled: bool = False
    errors: tuple[str, ...] = ()
    reanalysed: bool = False  # articles already stored, analysed again

    def __str__(self) -> str:
        if self.reanalysed:
            return f"Analysed {self.added} articles again" + (" (stopped)" if self.cancelled else "")
        verb = "Import cancelled" if self.cancelled else "Imported"
        return (f"{verb}: {self.added} added, {self.skipped} already in the library, "
                f"{self.failed} could not be read")


Progress = Callable[[int, int, str], None]  # done, total, current file


def import_paths(paths: Sequence[str | Path], library: Library, *, engine: Engine | None = None,
                 model: str | None = None, jobs: int = 1, dask: str | None = None, progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> ImportSummary:
    """Files and folders into the library: what it holds already is skipped, the rest loaded,
    analysed (by ``engine``, by ``jobs`` worker processes, or by the Dask cluster at ``dask``) and stored
    one article at a time, so a stop at any point keeps everything stored so far. A cluster's workers
    write to a shared (server) library themselves; for a library file, this process writes what they
    return."""
    files = article_files(paths)
    report = progress or (lambda _d, _t, _n: None)
    if dask and library.shared:
        return _import_on_cluster(files, library, model, dask, report, cancel)
    errors: list[str] = []
    todo: list[str] = []
    skipped = 0
    fetched: dict[str, Article] = {}  # pages fetched for the check are not fetched again
    for path in files:  # loading is cheap next to parsing
        try:
            article = load_article(path)
            if library.has(article.sha256):
                skipped += 1
            else:
                todo.append(path)
                if is_url(path):
                    fetched[path] = article
        except DocumentError as exc:
            errors.append(str(exc))
    added = 0
    stopped = False
    if engine is not None and jobs <= 1 and not dask:
        for n, path in enumerate(todo):
            if cancel is not None and cancel.is_set():
                stopped = True
                break
            report(n, len(todo), Path(path).name)
            try:
                engine.process(fetched[path] if path in fetched else load_article(path), library)
                added += 1
            except DocumentError as exc:
                errors.append(str(exc))
    else:
        added, _skipped, stopped = _take_results(analyse_files(todo, model, jobs, dask), len(todo), library,
                                                 errors, report, cancel)
    report(len(todo), len(todo), "")
    summary = ImportSummary(added, skipped, len(errors), stopped, tuple(errors))
    log.info("%s", summary)
    return summary


def _import_on_cluster(files: list[str], library: Library, model: str | None, dask: str, report: Progress,
                       cancel: threading.Event | None) -> ImportSummary:
    errors: list[str] = []
    added, skipped, stopped = _take_results(store_files(files, library, model, dask), len(files), library, errors,
                                            report, cancel)
    report(len(files), len(files), "")
    summary = ImportSummary(added, skipped, len(errors), stopped, tuple(errors))
    log.info("%s (on the cluster %s)", summary, dask)
    return summary


def _take_results(results: Iterable[FileResult], total: int, library: Library, errors: list[str],
                  report: Progress, cancel: threading.Event | None) -> tuple[int, int, bool]:
    """Workers' results as they come: an analysis is stored here (unless the worker stored it), an
    unreadable file's sentence joins ``errors``. Returns (added, skipped, stopped)."""
    added = skipped = 0
    for n, result in enumerate(results, 1):
        if result.skipped:
            skipped += 1
        elif result.stored:
            added += 1
        elif result.article is None or result.analysis is None:
            errors.append(result.error or f"{result.path}: could not be read")
        else:
            flow.store(result.article, result.analysis, library)
            added += 1
        report(n, total, Path(result.path).name)
        if cancel is not None and cancel.is_set():
            return added, skipped, True
    return added, skipped, False


def reanalyse(library: Library, article_ids: Sequence[int], engine: Engine, progress: Progress | None = None,
              cancel: threading.Event | None = None) -> ImportSummary:
    """Stored articles analysed again with the current engine, from the text the library keeps (the
    file need not exist any more); every correction a person made is kept."""
    report = progress or (lambda _d, _t, _n: None)
    done = 0
    stopped = False
    for n, article_id in enumerate(article_ids):
        if cancel is not None and cancel.is_set():
            stopped = True
            break
        article = library.article(article_id)
        if article is None:
            continue  # removed meanwhile
        report(n, len(article_ids), article.title or article.path or f"article {article_id}")
        engine.process(article, library)
        done += 1
    report(len(article_ids), len(article_ids), "")
    summary = ImportSummary(added=done, cancelled=stopped, reanalysed=True)
    log.info("re-analysed %d articles%s", done, " (stopped)" if stopped else "")
    return summary


def remove_articles(library: Library, article_ids: Sequence[int]) -> Saved:
    """Articles out of the library, with their quotes, speakers' quotes and corrections: search no
    longer finds them (until the removal is undone)."""
    changes = tuple(c for c in (library.delete_article(i) for i in article_ids) if c is not None)
    return Saved(f"Removed {len(changes)} article{'s' if len(changes) != 1 else ''} from the library", changes)


# ---------------------------------------------------------------------- export and citation
def hit_for(opened: Opened, quote: Quote) -> SearchHit:
    """A quote of the open article in the form exports and citations take."""
    speaker = opened.analysis.speaker(quote.speaker)
    a = opened.article
    return SearchHit(quote_id=0, article_id=opened.article_id or 0, text=quote.text, snippet=quote.text,
                     kind=quote.kind, speaker=quote.speaker, role=speaker.role if speaker else None,
                     article_title=a.title, outlet=a.outlet, published=a.published, path=a.path, start=quote.start,
                     end=quote.end, author=a.author, url=a.url)


def quote_for(hit: SearchHit) -> Quote:
    return Quote(start=hit.start, end=hit.end, text=hit.text, kind=hit.kind, speaker=hit.speaker)


def quote_with_citation(opened: Opened, quote: Quote, style: str = "plain") -> str:
    return f"\u201c{' '.join(quote.text.split())}\u201d\n{citation(hit_for(opened, quote), style)}"


def export_to(path: str | Path, hits: Sequence[SearchHit], style: str = "plain") -> int:
    """Write quotes to a file, in the format its name ends with (.csv, .json or .md)."""
    fmt = {".json": "json", ".md": "md"}.get(Path(path).suffix.lower(), "csv")
    try:
        Path(path).write_text(export_hits(hits, fmt, style), encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror}") from exc
    return len(hits)


# ---------------------------------------------------------------------- corrections
def apply_correction(opened: Opened, correction: Correction, by: str | None = None) -> Opened:
    """The open article as it reads with the correction (shown at once, before it is saved); ``by``:
    who made it."""
    quotes = list(opened.analysis.quotes)
    stamp: dict[str, Any] = ({"corrected_by": by, "corrected_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M")}
                             if by else {})
    match correction:
        case SpeakerIs(quote, name):
            quotes = [dataclasses.replace(q, speaker=name, confidence=1.0, speaker_confidence=1.0, **stamp)
                      if q is quote else q for q in quotes]
        case KindIs(quote, kind):
            quotes = [dataclasses.replace(q, kind=kind, confidence=1.0, **stamp) if q is quote else q
                      for q in quotes]
        case NotAQuote(quote):
            quotes = [q for q in quotes if q is not quote]
        case QuoteHere(start, end, kind, speaker):
            quotes.append(Quote(start=start, end=end, text=opened.article.text[start:end], kind=kind,
                                speaker=speaker, **stamp))
        case SamePerson(name, keep):
            quotes = [dataclasses.replace(q, speaker=keep) if q.speaker == name else q for q in quotes]
    return dataclasses.replace(opened, analysis=opened.analysis.with_quotes(quotes))


@dataclass(frozen=True)
class Saved:
    """A correction kept in the library: what to tell the reader, and what takes it back."""

    message: str
    changes: tuple[Change, ...] = ()


def save_correction(library: Library, article_id: int | None, correction: Correction) -> Saved:
    """Keep a correction in the library, where it survives re-analysis."""
    match correction:
        case SamePerson(name, keep):
            if keep in {s.name for s in library.speakers()}:
                change = library.merge_speakers(keep, name)
            else:
                change = library.rename_speaker(name, keep)  # nobody is called that yet: a new name for them
            return Saved(f"Merged {name} into {keep}", (change,) if change else ())
    if article_id is None:
        raise LibraryError("the article is not in the library")
    match correction:
        case SpeakerIs(quote, who):
            change = library.reassign(article_id, quote.start, quote.end, who)
        case KindIs(quote, kind):
            change = library.set_kind(article_id, quote.start, quote.end, kind)
        case NotAQuote(quote):
            change = library.reject(article_id, quote.start, quote.end)
        case QuoteHere(start, end, kind, speaker):
            change = library.add_quote(article_id, start, end, kind, speaker)
        case _:
            raise LibraryError(f"unknown correction {correction!r}")
    return Saved("Correction saved", (change,))


def undo(library: Library, changes: Sequence[Change]) -> tuple[Change, ...]:
    """Take corrections back, last first; returns what does them again (redo)."""
    return tuple(library.undo(change) for change in reversed(changes))
