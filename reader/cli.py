"""quote-reader: the window by default, or a headless subcommand (extract, import, search, speakers, export)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from reader.model import Analysis, Article, QuoteKind

SUBCOMMANDS = ("extract", "import", "search", "speakers", "export", "library")


def _die(message: str, code: int = 2) -> int:
    print(f"quote-reader: {message}", file=sys.stderr)
    return code


# ---------------------------------------------------------------------- records
def record(key: str, article: Article, analysis: Analysis) -> dict[str, Any]:
    """One line of the extract contract (shared/eval/FORMAT.md plus sources, speakers, metadata)."""
    return {
        "id": key,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published,
        "url": article.url,
        "text": article.text,
        "quotes": [
            {"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker,
             "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "cue": q.cue,
             "confidence": q.confidence, "speaker_confidence": q.speaker_confidence, "inherits": q.inherits}
            for q in analysis.quotes
        ],
        "sources": [{"start": s.start, "end": s.end, "text": s.text, "type": s.type} for s in analysis.sources],
        "speakers": [{"name": s.name, "aliases": list(s.aliases), "role": s.role, "kind": s.kind,
                      "quote_count": s.quote_count} for s in analysis.speakers],
    }


def _add_style(p: argparse.ArgumentParser) -> None:
    p.add_argument("--style", choices=["plain", "apa", "chicago"], default="plain",
                   help="how quotes are cited: plain (default), APA 7 or Chicago notes")


def _add_dask(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dask", metavar="ADDRESS",
                   help="analyse on a Dask cluster instead: tcp://HOST:PORT of a running scheduler, or local:N to "
                        "start N worker processes here (needs the team extra)")


def _add_common(p: argparse.ArgumentParser, db: bool = True, model: bool = False) -> None:
    p.add_argument("-v", "--verbose", action="store_true",
                   help="log what happens to stderr as well as to the log file")
    p.add_argument("--max-mb", type=float, metavar="MB",
                   help="refuse articles larger than this many megabytes (default 20; $QUOTE_READER_MAX_MB)")
    if db:
        p.add_argument("--db", help="the library: a file, or a shared database's URL such as "
                                    "postgresql+psycopg://user@host/quotes (default: $QUOTE_READER_DB, else a file "
                                    "in the user data folder)")
        p.add_argument("--user", help="the name corrections are recorded under (default: $QUOTE_READER_USER, "
                                      "else the login name)")
    if model:
        p.add_argument("--model", help="spaCy model package or path (default: en_core_web_sm if installed)")


# ---------------------------------------------------------------------- extract
def cmd_extract(args: argparse.Namespace) -> int:
    from reader.batch import analyse_files, analyse_texts
    from reader.documents.loaders import max_mb, too_large
    from reader.flow import article_files

    out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    failures = 0
    try:
        if args.input_jsonl:
            items: list[tuple[str, str]] = []
            try:
                with open(args.input_jsonl, encoding="utf-8") as f:
                    for n, line in enumerate(f, 1):
                        if line.strip():
                            try:
                                rec = json.loads(line)
                                key, text = str(rec["id"]), str(rec["text"])
                                if len(text) > max_mb() * 1e6:
                                    print(f"quote-reader: {args.input_jsonl}:{n}: {too_large(key, len(text))}",
                                          file=sys.stderr)
                                    failures += 1
                                    continue
                                items.append((key, text))
                            except (json.JSONDecodeError, KeyError, TypeError):
                                print(f"quote-reader: {args.input_jsonl}:{n}: not a record with id and text",
                                      file=sys.stderr)
                                failures += 1
            except OSError as exc:
                return _die(f"cannot read {args.input_jsonl}: {exc.strerror}")
            texts = dict(items)
            for key, result in analyse_texts(items, args.model, args.jobs, args.dask):
                out.write(json.dumps(record(key, Article(text=texts[key]), result), ensure_ascii=False) + "\n")
        else:
            if not args.paths:
                return _die("extract needs PATH... or --input-jsonl FILE")
            for loaded in analyse_files(article_files(args.paths), args.model, args.jobs, args.dask):
                if loaded.article is None or loaded.analysis is None:
                    print(f"quote-reader: {loaded.error}", file=sys.stderr)
                    failures += 1
                    continue
                out.write(json.dumps(record(loaded.path, loaded.article, loaded.analysis), ensure_ascii=False)
                          + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failures else 0


# ---------------------------------------------------------------------- library commands
def _library(args: argparse.Namespace) -> Any:
    from reader.library import Library

    return Library(args.db or None, user=getattr(args, "user", None))


def _progress(done: int, total: int, started: float, name: str) -> None:
    width = 30
    frac = done / total if total else 1.0
    elapsed = time.monotonic() - started
    eta = (elapsed / done * (total - done)) if done else 0.0
    bar = "#" * int(frac * width) + "-" * (width - int(frac * width))
    sys.stderr.write(f"\r[{bar}] {done}/{total}  {eta:5.0f}s left  {name[-40:]:<40}")
    sys.stderr.flush()


def cmd_import(args: argparse.Namespace) -> int:
    from reader import service

    library = _library(args)
    started = time.monotonic()
    shown: dict[str, object] = {"any": False}
    terminal = sys.stderr.isatty()

    def progress(done: int, total: int, name: str) -> None:
        if args.quiet or not total:
            return
        if terminal:  # a bar redrawn in place
            shown["any"] = True
            _progress(done, total, started, name)
        elif done and (done % 100 == 0 or done == total) and shown.get("last") != done:
            shown["last"] = done  # a log or a pipe: a line per hundred files
            print(f"{done}/{total} articles read", file=sys.stderr)

    try:
        summary = service.import_paths(args.paths, library, model=args.model, jobs=args.jobs, dask=args.dask,
                                       progress=progress)
    except KeyboardInterrupt:
        print("\ninterrupted: every article stored so far is complete; run the import again to finish",
              file=sys.stderr)
        return 130
    if shown["any"]:
        sys.stderr.write("\n")
    for error in summary.errors:
        print(f"quote-reader: {error}", file=sys.stderr)
    print(f"{summary.added} added, {summary.skipped} already in the library, {summary.failed} failed",
          file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_search(args: argparse.Namespace) -> int:
    from reader.service import citation, export_hits

    library = _library(args)
    hits = library.search(args.query, limit=args.limit, speaker=args.speaker)
    if args.json:
        sys.stdout.write(export_hits(hits, "json", args.style))
        return 0
    if not hits:
        print("no quotes found", file=sys.stderr)
        return 1
    for h in hits:
        print(f"[{h.kind}] {h.snippet.replace(chr(10), ' ')}\n    {citation(h, args.style)}")
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    library = _library(args)
    if args.rename:
        library.rename_speaker(*args.rename)
        print(f"renamed {args.rename[0]!r} to {args.rename[1]!r}", file=sys.stderr)
        return 0
    if args.merge:
        library.merge_speakers(*args.merge)
        print(f"merged {args.merge[1]!r} into {args.merge[0]!r}", file=sys.stderr)
        return 0
    if args.alias:
        library.add_alias(*args.alias)
        print(f"{args.alias[1]!r} is now an alias of {args.alias[0]!r}", file=sys.stderr)
        return 0
    speakers = library.speakers(limit=args.limit)
    if args.json:
        print(json.dumps([{"name": s.name, "role": s.role, "aliases": list(s.aliases), "kind": s.kind,
                           "quotes": s.quote_count} for s in speakers], ensure_ascii=False, indent=2))
        return 0
    for s in speakers:
        role = f" ({s.role})" if s.role else ""
        print(f"{s.quote_count:6d}  {s.name}{role}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from reader.service import export_hits

    if args.annotated:
        return _export_annotated(args)
    library = _library(args)
    query = args.query or ""
    if args.article:
        from reader.documents import load_article

        article_id = int(args.article) if args.article.isdigit() else library.article_id(
            load_article(args.article).sha256)
        if article_id is None:
            return _die(f"{args.article} is not in the library (import it first)", 1)
        hits = library.quotes_of_article(article_id)
    elif args.speaker:
        hits = library.search(query or f'speaker:"{args.speaker}"', limit=args.limit, speaker=args.speaker)
    elif query:
        hits = library.search(query, limit=args.limit)
    else:
        hits = [hit for kind in QuoteKind for hit in library.search(f"kind:{kind}", limit=args.limit)]
    data = export_hits(hits, args.format, args.style)
    if args.output:
        Path(args.output).write_text(data, encoding="utf-8")
    else:
        sys.stdout.write(data)
    return 0


def _export_annotated(args: argparse.Namespace) -> int:
    """The article with its annotations as a self-contained HTML page or a PDF (as the window exports it)."""
    from reader import service

    out = args.output
    if not out or Path(out).suffix.lower() not in (".html", ".htm", ".pdf"):
        return _die("--annotated needs -o OUT.html or -o OUT.pdf")
    library = _library(args)
    opened = service.open_file(args.annotated, service.Engine(args.model), library)
    page = service.annotated_html(opened)
    if Path(out).suffix.lower() == ".pdf":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        from reader.ui.printing import write_pdf

        _app = QGuiApplication.instance() or QGuiApplication(["quote-reader"])
        write_pdf(page, out, opened.article.title or Path(args.annotated).name)
    else:
        try:
            Path(out).write_text(page, encoding="utf-8")
        except OSError as exc:
            return _die(f"cannot write {out}: {exc.strerror}", 1)
    print(f"wrote {out}: {len(opened.analysis.quotes)} quotes annotated", file=sys.stderr)
    return 0


def cmd_library(args: argparse.Namespace) -> int:
    from reader.library import LibraryDamaged, default_location, guard
    from reader.library.backend import is_server, sqlite_path

    where = args.db or default_location()
    path = sqlite_path(where)
    if args.set_aside:
        if is_server(where):
            return _die("only a library file can be set aside; a server's database is its administrator's", 2)
        if not path.exists():
            return _die(f"there is no library at {path}", 1)
        kept = guard.set_aside(path)
        print(f"set {path.name} aside as {kept.name}; a new, empty library starts at {path}", file=sys.stderr)
        return 0
    try:
        library = _library(args)
    except LibraryDamaged as exc:
        return _die(str(exc), 1)
    counts = library.counts()
    mode = " (read-only)" if library.read_only else ""
    print(f"{library.path or library.name}{mode}: {counts['articles']} articles, {counts['quotes']} quotes, "
          f"{counts['speakers']} speakers")
    if args.check:
        problems = library.check()
        for problem in problems:
            print(f"quote-reader: {problem}", file=sys.stderr)
        print("integrity: " + ("problems found" if problems else "ok"))
        return 1 if problems else 0
    return 0


# ---------------------------------------------------------------------- parsers
EXIT_CODES = """exit status:
  0    done
  1    a file, the library or the model could not be used (one line on stderr says which and why)
  2    the command line was wrong
  130  interrupted (Ctrl-C); everything stored before it is complete"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quote-reader", description="Who said what, in the news you read.",
                                     epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print quotes, speakers and sources as JSON lines", description="print quotes, speakers and sources as JSON lines", epilog=EXIT_CODES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", help="article files or folders (.txt .html .md .docx .epub .pdf)")
    p.add_argument("--input-jsonl", help="read {id, text} records instead of files")
    p.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format (JSON lines)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    _add_dask(p)
    p.add_argument("-o", "--output", help="write here instead of standard output")
    _add_common(p, db=False, model=True)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("import", help="add files and folders to the library", description="add files and folders to the library", epilog=EXIT_CODES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", help="article files or folders (searched recursively)")
    p.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2)),
                   help="worker processes that analyse in parallel (default: one per core)")
    _add_dask(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_common(p, model=True)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("search", help="search the library", description="search the library", epilog=EXIT_CODES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("query", nargs="?", default="",
                   help='words, "phrases", prefix*, -excluded, speaker:NAME outlet:NAME kind:KIND after:/before:DATE')
    p.add_argument("--speaker", help="only quotes by this speaker (a name or an alias)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--limit", type=int, default=50, help="at most this many results (default 50)")
    _add_style(p)
    _add_common(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("speakers", help="list the library's speakers, or rename, merge and alias them", description="list the library's speakers, or rename, merge and alias them", epilog=EXIT_CODES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--json", action="store_true", help="print the speakers as JSON")
    p.add_argument("--rename", nargs=2, metavar=("NAME", "NEW_NAME"), help="give a speaker another name")
    p.add_argument("--merge", nargs=2, metavar=("KEEP", "OTHER"), help="OTHER's quotes and aliases go to KEEP")
    p.add_argument("--alias", nargs=2, metavar=("NAME", "ALIAS"), help="ALIAS is another name for NAME")
    p.add_argument("--limit", type=int, help="list at most this many speakers")
    _add_common(p)
    p.set_defaults(func=cmd_speakers)

    p = sub.add_parser("export", help="export quotes to CSV, JSON or Markdown", description="export quotes to CSV, JSON or Markdown", epilog=EXIT_CODES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("query", nargs="?", help="export the quotes this search finds (default: all)")
    p.add_argument("--format", choices=["csv", "json", "md"], default="csv", help="CSV (default), JSON or Markdown")
    p.add_argument("--speaker", help="this speaker's quotes, across the library")
    p.add_argument("--article", help="an article's quotes: its file or its library id")
    p.add_argument("--annotated", metavar="FILE_OR_URL",
                   help="the whole article with its quotes, speakers and sources marked, as -o OUT.html or OUT.pdf")
    p.add_argument("--limit", type=int, default=100000, help="at most this many quotes (default 100,000)")
    _add_style(p)
    p.add_argument("-o", "--output", help="write here instead of standard output")
    _add_common(p, model=True)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("library", help="where the library is and what it holds; check it; set a damaged one aside",
                       description="where the library is and what it holds; check it; set a damaged one aside",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--check", action="store_true", help="run SQLite's and the full-text index's integrity checks")
    p.add_argument("--set-aside", action="store_true",
                   help="rename the library file (never deleted) so that a new one starts in its place")
    _add_common(p)
    p.set_defaults(func=cmd_library)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quote-reader", epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Open articles in the reader window. Subcommands: " + ", ".join(SUBCOMMANDS) +
                    " (quote-reader SUBCOMMAND --help).")
    p.add_argument("paths", nargs="*", help="articles to open (.txt .html .md .docx .epub .pdf)")
    p.add_argument("--screenshot", metavar="OUT.png", help="save a grab of the window once painted, then exit")
    p.add_argument("--view", choices=["article", "library", "people", "sourcing"],
                   help="open on this view: the article (default), the library's articles, the people in them, or "
                        "the sourcing across the library")
    p.add_argument("--theme", choices=["light", "dark"], help="the colour theme (default: the last one used)")
    _add_common(p, model=True)
    return p


def _limits(args: argparse.Namespace) -> None:
    """--max-mb reaches worker processes through the environment they inherit."""
    if getattr(args, "max_mb", None):
        os.environ["QUOTE_READER_MAX_MB"] = str(args.max_mb)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    import logging

    from reader.logs import setup_logging
    from reader.model import UserError

    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = build_parser().parse_args(argv)
            _limits(args)
            setup_logging(args.verbose)
            logging.getLogger(__name__).info("quote-reader %s", " ".join(argv))
            return int(args.func(args))
        args = build_gui_parser().parse_args(argv)
        _limits(args)
        setup_logging(args.verbose)
        from reader.ui.app import run_gui

        return run_gui(args)
    except UserError as exc:
        logging.getLogger(__name__).warning("%s", exc)
        return _die(str(exc), 1)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
