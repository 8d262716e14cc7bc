"""Mine the attribution patterns (reader/nlp/patterns.py) from PolNeAR *train* (never dev or test).

Runs the engine with the patterns switched off. Then, for every verb with a complement on its right
that no quote covers yet, asks whether the words under the complement are a human-annotated attribution
(char overlap >= 0.5 as the scorer counts it) that the engine missed. Per pattern ("endorse dobj",
"refer prep:to"), and per pattern and kind of subject ("endorse dobj|person"): how often it was one, how
often it was seen, the precision. Writes
reader/nlp/data/patterns.tsv (patterns seen at least twice as one).
Usage: python benchmarks/mine_patterns.py [--data ../shared/data/polnear] [--jobs 2]
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import multiprocessing
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.nlp.attribution import Extractor  # noqa: E402
from reader.nlp.patterns import CUE_POS, pattern_key, subject_kind  # noqa: E402
from reader.nlp.pipeline import build_nlp  # noqa: E402


def _scorer(data: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", data.parent.parent / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _count(job: tuple[str, list[dict]]) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """Pattern hits and sightings in some records (one worker process)."""
    data, records = job
    score = _scorer(Path(data))
    Extractor.use_patterns = False  # what the other rules find
    nlp = build_nlp()
    hits: collections.Counter[str] = collections.Counter()
    seen: collections.Counter[str] = collections.Counter()
    for rec, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=8), strict=True):
        quotes = doc.user_data["qr"]["quotes"]
        found = [(q.start, q.end) for q in quotes]
        cues = {q.cue.i for q in quotes if q.cue is not None}
        gold = [(q["start"], q["end"]) for q in score.select(rec["quotes"], "all")]
        matched = {g for g, _, _ in score.greedy_match(gold, found)}
        for tok in doc:
            if tok.pos_ not in CUE_POS or tok.i in cues:
                continue
            pattern = pattern_key(tok)
            if pattern is None:
                continue
            key, verb, (s, e) = pattern
            span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
            if any(a < span[1] and min(tok.idx, span[0]) < b for a, b in found):
                continue
            hit = any(score.iou(span, g) >= score.IOU_THRESHOLD for n, g in enumerate(gold) if n not in matched)
            for counted in (key, f"{key}|{subject_kind(verb)}"):
                seen[counted] += 1
                hits[counted] += hit
    return hits, seen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/polnear"))
    ap.add_argument("--out", default=str(ROOT / "reader/nlp/data/patterns.tsv"))
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    with open(Path(args.data) / "train.jsonl", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    jobs = [(args.data, records[n::args.jobs]) for n in range(args.jobs)]
    hits: collections.Counter[str] = collections.Counter()
    seen: collections.Counter[str] = collections.Counter()
    with multiprocessing.Pool(args.jobs) as pool:
        for h, n in pool.map(_count, jobs):
            hits.update(h)
            seen.update(n)
    kept = {k for k in seen if "|" not in k and hits[k] >= 2}  # with each kind of subject it was seen with
    rows = sorted(((k, hits[k], seen[k]) for k in seen if k.split("|")[0] in kept), key=lambda r: (-r[1], r[0]))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# pattern\tattributions\tseen\tprecision  (mined from PolNeAR train by benchmarks/mine_patterns.py)\n")
        for key, h, n in rows:
            f.write(f"{key}\t{h}\t{n}\t{h / n:.3f}\n")
    print(json.dumps({"patterns": len(rows), "out": args.out}))


if __name__ == "__main__":
    main()
