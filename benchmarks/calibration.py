"""Confidence that a reader can use: counted on PolNeAR train, checked on dev (or test).

usage:
  python benchmarks/calibration.py --fit          # count train into reader/nlp/data/calibration.json
  python benchmarks/calibration.py --split dev    # one JSON line: expected calibration error, precision above 0.9

A quote's ``confidence`` is scored against whether it matches a gold quote (all kinds); its
``speaker_confidence`` against whether the speaker agrees, among matched quotes; their product against
end-to-end correctness. ECE: 10 equal-width bins, weighted by the quotes in each.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TABLE = ROOT / "reader" / "nlp" / "data" / "calibration.json"
_NLP = None


def _shared(args: argparse.Namespace) -> Path:
    return Path(args.data)


def _score_module(data: Path):  # noqa: ANN202
    sys.path.insert(0, str(data.parent.parent / "eval"))
    import score  # type: ignore

    return score


def _init() -> None:
    global _NLP
    from reader.nlp.pipeline import build_nlp

    _NLP = build_nlp()


def _evidence(item: tuple[str, str]) -> tuple[str, list[dict]]:
    from reader.nlp.confidence import quote_evidence, speaker_evidence

    key, text = item
    assert _NLP is not None
    doc = _NLP(text)
    out = []
    for a in doc.user_data["qr"]["quotes"]:
        if a.end <= a.start:
            continue
        sp = a.mention.char_span(doc) if a.mention is not None else (None, None)
        out.append({"start": a.start, "end": a.end, "kind": str(a.kind), "speaker": a.speaker,
                    "speaker_start": sp[0], "speaker_end": sp[1],
                    "qkeys": list(quote_evidence(a)), "skeys": list(speaker_evidence(a))})
    return key, out


def outcomes(score, gold_doc: dict, preds: list[dict]) -> list[tuple[dict, bool, bool]]:
    """Each prediction with (matched a gold quote, speaker agrees) as score.py decides them."""
    gq = score.select(gold_doc.get("quotes"), "all")
    m = score.greedy_match([(int(q["start"]), int(q["end"])) for q in gq],
                           [(int(q["start"]), int(q["end"])) for q in preds])
    hit = {pi: gi for gi, pi, _ in m}
    return [(p, n in hit, n in hit and score.speaker_agrees(gq[hit[n]], p)) for n, p in enumerate(preds)]


def fit(args: argparse.Namespace) -> int:
    score = _score_module(_shared(args))
    gold = score.load_jsonl(str(_shared(args) / "train.jsonl"))
    counts: dict[str, dict[str, list[int]]] = {"quote": defaultdict(lambda: [0, 0]),
                                               "speaker": defaultdict(lambda: [0, 0])}
    with mp.get_context("spawn").Pool(args.jobs, initializer=_init) as pool:
        for key, preds in pool.imap(_evidence, [(k, d["text"]) for k, d in gold.items()], chunksize=4):
            for p, matched, agrees in outcomes(score, gold[key], preds):
                for k in [*p["qkeys"], "*"]:
                    counts["quote"][k][0] += matched
                    counts["quote"][k][1] += 1
                if matched:
                    for k in [*p["skeys"], "*"]:
                        counts["speaker"][k][0] += agrees
                        counts["speaker"][k][1] += 1
    TABLE.write_text(json.dumps({t: dict(sorted(c.items())) for t, c in counts.items()}, indent=1) + "\n",
                     encoding="utf-8")
    print(json.dumps({"fitted_on": "train", "docs": len(gold), "quote_keys": len(counts["quote"]),
                      "speaker_keys": len(counts["speaker"]), "table": str(TABLE.relative_to(ROOT))}))
    return 0


def ece(pairs: list[tuple[float, bool]], bins: int = 10) -> float:
    if not pairs:
        return 0.0
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(p, y) for p, y in pairs if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if inside:
            mean_p = sum(p for p, _ in inside) / len(inside)
            rate = sum(y for _, y in inside) / len(inside)
            total += len(inside) / len(pairs) * abs(mean_p - rate)
    return total


def evaluate(args: argparse.Namespace) -> int:
    data = _shared(args)
    score = _score_module(data)
    gold_path = data / f"{args.split}.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.jsonl"
        subprocess.run([sys.executable, "-m", "reader", "extract", "--input-jsonl", str(gold_path), "--jobs",
                        str(args.jobs), "-o", str(pred_path)], check=True, cwd=ROOT)
        gold, pred = score.load_jsonl(str(gold_path)), score.load_jsonl(str(pred_path))
    quote, speaker, both = [], [], []
    for key, g in gold.items():
        for p, matched, agrees in outcomes(score, g, score.select(pred.get(key, {}).get("quotes"), "all")):
            quote.append((p["confidence"], matched))
            if matched:
                speaker.append((p["speaker_confidence"], agrees))
            both.append((p["confidence"] * p["speaker_confidence"], matched and agrees))
    sure = [y for p, y in both if p >= 0.9]
    print(json.dumps({
        "split": args.split, "quotes": len(quote),
        "ece_confidence": round(ece(quote), 4), "ece_speaker_confidence": round(ece(speaker), 4),
        "ece_e2e": round(ece(both), 4),
        "share_above_0.9": round(len(sure) / len(both), 3) if both else 0.0,
        "e2e_precision_above_0.9": round(sum(sure) / len(sure), 4) if sure else None,
    }))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/polnear"))
    ap.add_argument("--split", default="dev", choices=["dev", "test"])
    ap.add_argument("--fit", action="store_true", help="count train into the confidence tables")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not (Path(args.data) / "train.jsonl").exists():
        print(f"calibration.py: no PolNeAR data in {args.data}", file=sys.stderr)
        return 2
    return fit(args) if args.fit else evaluate(args)


if __name__ == "__main__":
    raise SystemExit(main())
