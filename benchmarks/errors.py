"""Error analysis: matched quotes whose speaker disagrees, printed with context (dev/train only).

usage: python benchmarks/errors.py GOLD.jsonl PRED.jsonl [--kind direct] [--n 40]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "shared" / "eval"))
import score  # type: ignore  # noqa: E402


def category(gold_q: dict, pred_q: dict) -> str:
    how = gold_q.get("speaker_resolved_by")
    gold = gold_q.get("speaker") or ""
    if how == "unresolved":
        return "gold keeps an unresolved pronoun"
    if "(" in gold or "," in gold or gold.lower() in ("said", "says"):
        return "gold speaker is a long mention (party, state, appositive)"
    if not pred_q.get("speaker"):
        return "no speaker found"
    if gold[:1].islower() or gold.split(" ")[0].lower() in ("the", "a", "an"):
        return "gold keeps a nominal we resolved to a name"
    if how == "corenlp-coref":
        return "pronoun resolved differently from CoreNLP"
    return "other wrong speaker"


def summary(gold_path: str, pred_path: str, kind: str) -> dict:
    gold = score.load_jsonl(gold_path)
    pred = score.load_jsonl(pred_path)
    counts: dict[str, int] = {}
    matched = missed = spurious = 0
    for doc_id, g in gold.items():
        gq = [q for q in g["quotes"] if kind == "all" or q["kind"] == kind]
        pq = [q for q in pred.get(doc_id, {}).get("quotes", []) if kind == "all" or q["kind"] == kind]
        matches = score.greedy_match([(q["start"], q["end"]) for q in gq], [(q["start"], q["end"]) for q in pq])
        matched += len(matches)
        missed += len(gq) - len(matches)
        spurious += len(pq) - len(matches)
        for gi, pi, _ in matches:
            if not score.speaker_agrees(gq[gi], pq[pi]):
                c = category(gq[gi], pq[pi])
                counts[c] = counts.get(c, 0) + 1
    return {"kind": kind, "matched": matched, "missed": missed, "spurious": spurious,
            "speaker_errors": dict(sorted(counts.items(), key=lambda kv: -kv[1]))}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--kind", default="direct")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--missed", action="store_true", help="show gold quotes that were not found")
    ap.add_argument("--summary", action="store_true", help="one JSON line of error counts by category")
    args = ap.parse_args()
    if args.summary:
        print(json.dumps(summary(args.gold, args.pred, args.kind)))
        return
    gold = score.load_jsonl(args.gold)
    pred = score.load_jsonl(args.pred)
    rows = []
    for doc_id, g in gold.items():
        text = g["text"]
        gq = [q for q in g["quotes"] if args.kind == "all" or q["kind"] == args.kind]
        pq = [q for q in pred.get(doc_id, {}).get("quotes", []) if args.kind == "all" or q["kind"] == args.kind]
        matches = score.greedy_match([(q["start"], q["end"]) for q in gq], [(q["start"], q["end"]) for q in pq])
        matched_g = {gi for gi, _, _ in matches}
        if args.missed:
            for gi, q in enumerate(gq):
                if gi not in matched_g:
                    rows.append(f"MISSED [{q['kind']}] {text[max(0, q['start'] - 80):q['start']]!r} >>> "
                                f"{text[q['start']:q['end']][:150]!r}  speaker={q.get('speaker')} cue={q.get('cue')}")
            continue
        for gi, pi, _ in matches:
            if not score.speaker_agrees(gq[gi], pq[pi]):
                q = gq[gi]
                ctx = text[max(0, q["start"] - 150):q["end"] + 80].replace("\n", " / ")
                rows.append(f"gold={q.get('speaker')!r} ({q.get('speaker_resolved_by')}, {q.get('speaker_mention')!r})"
                            f" pred={pq[pi].get('speaker')!r} cue={pq[pi].get('cue')!r}\n    {ctx}")
    random.Random(1).shuffle(rows)
    print(f"{len(rows)} rows")
    for r in rows[: args.n]:
        print(r)


if __name__ == "__main__":
    main()
