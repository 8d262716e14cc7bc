"""Library at scale: build a library of N synthetic quotes in a temporary file, then time searches.

usage: python benchmarks/library.py --quotes 1000000 [--db postgresql+psycopg://user@host/db | --postgres]
With --db URL the library is that (empty) PostgreSQL database; --postgres starts a throwaway PostgreSQL
server on loopback for the run (Debian's binaries, tests/support/postgres.py). Default: an SQLite file.
Quotes have news-like lengths (log-normal, median ~25 words), words follow a Zipf law over a 50,000-word
vocabulary, speakers a Zipf law over 5,000 people, 10 quotes per article. Prints one JSON line:
{"quotes", "insert_per_s", "db_mb", "search_ms": {"rare", "common", "phrase", "speaker"}} (medians).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.library import Library  # noqa: E402
from reader.model import Analysis, Article, Quote, Speaker  # noqa: E402

VOCAB = 50_000
SPEAKERS = 5_000
PER_ARTICLE = 10


def make_corpus(n_quotes: int, seed: int = 0) -> tuple[list[tuple[Article, Analysis]], list[str], list[str]]:
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = ["the", "of", "and", "to", "a", "in", "that", "is"]
    seen = set(vocab)
    while len(vocab) < VOCAB:
        w = "".join(rng.choice(letters) for _ in range(rng.randint(3, 10)))
        if w not in seen:
            seen.add(w)
            vocab.append(w)
    word_cum = list(itertools.accumulate(1 / (i + 1) ** 1.05 for i in range(VOCAB)))
    names = [f"{rng.choice(letters).upper()}{''.join(rng.choices(letters, k=5))} "
             f"{rng.choice(letters).upper()}{''.join(rng.choices(letters, k=7))}" for _ in range(SPEAKERS)]
    speaker_cum = list(itertools.accumulate(1 / (i + 1) for i in range(SPEAKERS)))
    outlets = [f"Outlet {i}" for i in range(50)]
    items = []
    for a in range(max(1, n_quotes // PER_ARTICLE)):
        parts, quotes, pos = [], [], 0
        chosen = rng.choices(names, cum_weights=speaker_cum, k=PER_ARTICLE)
        for name in chosen:
            n_words = max(4, min(120, int(rng.lognormvariate(3.2, 0.55))))
            body = " ".join(rng.choices(vocab, cum_weights=word_cum, k=n_words))
            quotes.append(Quote(pos, pos + len(body), body, "direct" if rng.random() < 0.4 else "indirect",
                                speaker=name, cue="said"))
            parts.append(body)
            pos += len(body) + 1
        text = " ".join(parts)
        article = Article(text=text, title=f"Article {a}", outlet=rng.choice(outlets),
                          published=f"202{rng.randint(3, 5)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        speakers = tuple(Speaker(name=n) for n in dict.fromkeys(chosen))
        items.append((article, Analysis(quotes=tuple(quotes), speakers=speakers)))
    rare = [vocab[i] for i in rng.sample(range(5_000, 20_000), 20)]
    return items, rare, names


def median_ms(fn, queries, repeat: int = 3) -> float:
    times = []
    for q in queries:
        for _ in range(repeat):
            t = time.perf_counter()
            fn(q)
            times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 2)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--keep", help="keep the library file here instead of a temporary folder")
    ap.add_argument("--db", help="an empty PostgreSQL database's URL to build the library in")
    ap.add_argument("--postgres", action="store_true", help="start a throwaway PostgreSQL server for the run")
    args = ap.parse_args()
    server = None
    if args.postgres:
        from tests.support.postgres import Server

        server = Server()
        args.db = server.create_database("bench")
    try:
        result = run(args)
    finally:
        if server is not None:
            server.stop()
    print(json.dumps(result))


def run(args: argparse.Namespace) -> dict:
    items, rare, names = make_corpus(args.quotes)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "bench.sqlite3"
        library = Library(args.db or path)
        started = time.perf_counter()
        added = library.bulk_add(items)
        insert_s = time.perf_counter() - started
        settle = 0.0
        if library.shared:  # the server's routine after a bulk load, done now rather than by autovacuum
            started = time.perf_counter()  # (reported on its own, not in the insert rate)
            with library.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
            settle = time.perf_counter() - started
        with library.engine.connect() as conn:
            if library.shared:
                size = conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar() or 0
            else:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
        rng = random.Random(1)
        phrases = []
        for article, _ in rng.sample(items, 20):
            words = article.text.split()
            i = rng.randrange(len(words) - 1)
            phrases.append(f'"{words[i]} {words[i + 1]}"')
        speakers = rng.sample(names, 20)
        search = library.search
        result = {
            "db": "postgresql" if library.shared else "sqlite",
            "quotes": added,
            "insert_per_s": round(added / insert_s),
            **({"vacuum_analyze_s": round(settle, 1)} if library.shared else {}),
            "db_mb": round(size / 1e6, 1),
            "search_ms": {
                "rare": median_ms(lambda w: search(w, limit=50), rare),
                "common": median_ms(lambda w: search(w, limit=50), ["the"] * 5),
                "phrase": median_ms(lambda p: search(p, limit=50), phrases),
                "speaker": median_ms(lambda n: library.quotes_by(n, limit=50), speakers),
            },
        }
        library.close()
    return result


if __name__ == "__main__":
    main()
