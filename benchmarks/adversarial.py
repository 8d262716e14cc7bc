"""The engine on hostile text: seconds per 10,000 words and peak memory, each case in a process of its own.

usage: python benchmarks/adversarial.py [--mb 10]
Cases: normal news text (the bundled sample, repeated to ~20,000 words), a text of quote marks (90 KB),
one paragraph of 200,000 characters, and a whole article of --mb megabytes. Targets (issue 10): each
within 2x the normal text's time per word, peak under 600 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "reader" / "resources" / "sample_article.txt"

CHILD = r"""
import json, resource, sys, time
from reader.nlp.pipeline import build_nlp
from reader.nlp.analyse import analyse_text
nlp = build_nlp()
nlp("Warm up.")
text = open(sys.argv[1], encoding="utf-8").read()
started = time.perf_counter()
analysis = analyse_text(nlp, text)
seconds = time.perf_counter() - started
import re
words = sum(1 for _ in re.finditer(r"\S+", text))  # counted without a list of every word (it would cost 100 MB)
print(json.dumps({"words": words, "seconds": round(seconds, 2), "s_per_10k_words": round(seconds / words * 1e4, 3),
                  "quotes": len(analysis.quotes),
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def cases(mb: float) -> dict[str, str]:
    story = SAMPLE.read_text(encoding="utf-8")
    rnd = random.Random(7)
    marks = "\u201c\u201d\"\u2018\u2019'"
    noise = "".join(rnd.choice(marks) if rnd.random() < 0.6 else rnd.choice(" ab") for _ in range(90_000))
    one_paragraph = " ".join(story.split())
    return {
        "normal": "\n\n".join([story] * max(1, 20_000 // len(story.split()))),
        "quote_marks": noise,
        "one_paragraph_200k": (one_paragraph + " ") * (200_000 // len(one_paragraph) + 1),
        f"article_{mb:g}mb": "\n\n".join([story] * int(mb * 1_000_000 // len(story))),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10)
    args = ap.parse_args()
    result: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in cases(args.mb).items():
            if name == "one_paragraph_200k":
                text = text[:200_000]
            path = Path(tmp) / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                                 cwd=ROOT, check=True).stdout
            result[name] = json.loads(out.strip().splitlines()[-1])
            print(name, result[name], file=sys.stderr)
    normal = result["normal"]["s_per_10k_words"]
    summary = {name: {"s_per_10k_words": r["s_per_10k_words"], "x_normal": round(r["s_per_10k_words"] / normal, 2),
                      "peak_mb": r["peak_mb"]} for name, r in result.items()}
    summary["ok"] = all(v["x_normal"] <= 2 and v["peak_mb"] < 600 for v in summary.values() if isinstance(v, dict))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
