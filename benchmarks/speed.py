"""Speed of the full extraction against the bare spaCy parse of the same texts, in one run.

usage: python benchmarks/speed.py [--data ../shared/data/polnear --split dev] [--docs N] [--jobs N]
Without the PolNeAR data it times the bundled sample article repeated. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def texts_from(args: argparse.Namespace) -> list[str]:
    gold = Path(args.data) / f"{args.split}.jsonl"
    if gold.exists():
        with open(gold, encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f][: args.docs]
    sample = (ROOT / "reader/resources/sample_article.txt").read_text(encoding="utf-8")
    return [sample] * args.docs


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/polnear"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--docs", type=int, default=84)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=0, help="also time `extract --jobs N` batch mode")
    args = ap.parse_args()
    from reader.nlp.analyse import analysis_from_doc
    from reader.nlp.pipeline import build_nlp, load_base

    texts = texts_from(args)
    n_words = words(texts)
    base = load_base()
    full = build_nlp()
    for nlp in (base, full):  # warm up
        list(nlp.pipe(texts[:3]))

    def bare() -> None:
        for _ in base.pipe(texts, batch_size=8):
            pass

    def extract() -> None:
        for doc in full.pipe(texts, batch_size=8):
            analysis_from_doc(doc)

    best = {"parse": float("inf"), "extract": float("inf")}
    for _ in range(args.repeat):  # interleaved, best of N: both see the same machine state
        for name, fn in (("parse", bare), ("extract", extract)):
            t = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t)
    result = {
        "docs": len(texts),
        "words": n_words,
        "parse_wps": round(n_words / best["parse"]),
        "extract_wps": round(n_words / best["extract"]),
        "overhead": round(best["extract"] / best["parse"] - 1, 4),
    }
    if args.jobs > 1:
        from reader.batch import analyse_texts

        t = time.perf_counter()
        for _ in analyse_texts([(str(i), s) for i, s in enumerate(texts)], None, args.jobs):
            pass
        result[f"extract_jobs{args.jobs}_wps"] = round(n_words / (time.perf_counter() - t))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
