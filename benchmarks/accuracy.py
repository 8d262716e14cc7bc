"""Accuracy on PolNeAR through the `quote-reader extract` contract, scored by shared/eval/score.py.

usage: python benchmarks/accuracy.py --data ../shared/data/polnear --split dev [--jobs 2]
Prints score.py's report, then one JSON line with the headline numbers.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/polnear"))
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", help="also write the predictions here")
    args = ap.parse_args()
    gold = Path(args.data) / f"{args.split}.jsonl"
    if not gold.exists():
        print(f"accuracy.py: {gold} not found (the PolNeAR data lives in ../shared)", file=sys.stderr)
        return 2
    score = Path(args.data).parent.parent / "eval" / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(args.keep) if args.keep else Path(tmp) / "pred.jsonl"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reader", "extract", "--input-jsonl", str(gold),
                        "--jobs", str(args.jobs), "-o", str(pred)], check=True, cwd=ROOT)
        seconds = time.perf_counter() - started
        report = subprocess.run([sys.executable, str(score), str(gold), str(pred)], check=True,
                                capture_output=True, text=True).stdout
    lines = report.rstrip().splitlines()
    print("\n".join(line for line in lines if not line.startswith("SCORE ")), file=sys.stderr)
    score_line = next(line for line in lines if line.startswith("SCORE "))
    result = json.loads(score_line[len("SCORE "):])
    result.update({"split": args.split, "seconds": round(seconds, 1)})
    print("SCORE " + json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
