"""Saved news pages: is the title exact, and how much of the main text comes through (word F1)?

usage: python benchmarks/metadata.py [FOLDER]
Without FOLDER, the pages of tests/pages (written for this project in the ways big news sites mark their
pages up). With FOLDER, every NAME.html there with a NAME.json beside it ({"title": ..., "text": ...}).
Prints one JSON line; targets (issue 14): mean main-text word F1 >= 0.96, >= 92% of pages at F1 >= 0.9,
exact title >= 0.85.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.documents import load_article  # noqa: E402


def word_f1(got: str, want: str) -> float:
    a, b = Counter(re.findall(r"\w+", got.lower())), Counter(re.findall(r"\w+", want.lower()))
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def cases(folder: Path | None) -> list[tuple[str, str, str, str]]:
    if folder is None:
        from tests.pages import pages

        return [(p.name, p.html, p.title, p.text) for p in pages()]
    out = []
    for html in sorted(folder.glob("*.html")):
        gold = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
        out.append((html.stem, html.read_text(encoding="utf-8", errors="replace"), gold["title"], gold["text"]))
    return out


def measure(folder: Path | None = None) -> dict[str, object]:
    scores, exact, worst = [], 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for name, html, title, text in cases(folder):
            path = Path(tmp) / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            article = load_article(path)
            f1 = word_f1(article.text, text)
            scores.append(f1)
            exact += (article.title or "").strip() == title.strip()
            worst.append((round(f1, 3), name, article.title))
    n = len(scores)
    return {"pages": n, "mean_text_f1": round(sum(scores) / n, 4),
            "share_f1_at_least_0.9": round(sum(s >= 0.9 for s in scores) / n, 3),
            "title_exact": round(exact / n, 3), "worst": sorted(worst)[:3]}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]) if len(sys.argv) > 1 else None)))
