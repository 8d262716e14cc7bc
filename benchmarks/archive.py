"""Archive extraction: the local process pool against a Dask cluster on the same articles, in one run.

usage: python benchmarks/archive.py --articles 600 --dask local:2 [--postgres]
Writes N news-length articles (about 550 words; the tests' own generator, tests/support/corpus.py) to a temporary folder,
then loads and analyses all of them with --jobs J (default: as many as the cluster has workers) and with
the cluster, timing each from the start (pool or cluster start-up and model loading included).
With --postgres it also imports them into a throwaway PostgreSQL server with the cluster's workers
writing straight to it, and gives the database's size per article.
Prints one JSON line: {"articles", "words", "jobs": {"seconds", "words_per_s"}, "dask": {...},
"dask_vs_jobs", ["postgres_import": {"seconds", "articles_per_s", "db_bytes_per_article"}]}.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader import service  # noqa: E402
from reader.batch import analyse_files  # noqa: E402
from reader.library import Library  # noqa: E402
from tests.support import corpus  # noqa: E402


def timed(paths: list[str], jobs: int, dask: str | None) -> tuple[float, int]:
    started = time.perf_counter()
    words = 0
    for result in analyse_files(paths, None, jobs, dask):
        assert result.article is not None and result.analysis is not None, result.error
        words += len(result.article.text.split())
    return time.perf_counter() - started, words


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--dask", default="local:2", help="tcp://HOST:PORT or local:N (default local:2)")
    ap.add_argument("--jobs", type=int, help="local worker processes (default: N of local:N, else 2)")
    ap.add_argument("--postgres", action="store_true", help="also import into a throwaway PostgreSQL server")
    args = ap.parse_args()
    jobs = args.jobs or (int(args.dask.split(":")[1]) if args.dask.startswith("local:") else 2)
    out: dict = {"articles": args.articles}
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in corpus.write(Path(tmp) / "archive", args.articles, parts=6)]
        jobs_s, words = timed(paths, jobs, None)
        dask_s, _ = timed(paths, 1, args.dask)
        out["words"] = words
        out["jobs"] = {"n": jobs, "seconds": round(jobs_s, 2), "words_per_s": round(words / jobs_s)}
        out["dask"] = {"address": args.dask, "seconds": round(dask_s, 2), "words_per_s": round(words / dask_s)}
        out["dask_vs_jobs"] = round(jobs_s / dask_s, 3)
        if args.postgres:
            from tests.support.postgres import Server

            server = Server()
            try:
                library = Library(server.create_database("archive"))
                started = time.perf_counter()
                summary = service.import_paths([str(Path(tmp) / "archive")], library, dask=args.dask)
                seconds = time.perf_counter() - started
                assert summary.added == args.articles, summary
                with library.engine.connect() as conn:
                    size = conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar() or 0
                    empty = conn.exec_driver_sql("SELECT pg_database_size('template1')").scalar() or 0
                library.close()
            finally:
                server.stop()
            out["postgres_import"] = {"seconds": round(seconds, 2), "articles_per_s": round(args.articles / seconds, 1),
                                      "db_bytes_per_article": round((size - empty) / args.articles)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
