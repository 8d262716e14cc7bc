"""A real library of a few hundred articles, built fast: a dozen of the tests' own articles analysed by
the engine, each stored in many editions (other outlets, dates and a line of its own at the end, so each
is a different text with the same quotes)."""

from __future__ import annotations

import dataclasses

from reader.library import Library
from reader.model import Analysis, Article
from tests.support import corpus

OUTLETS = ("Riverton Gazette", "Harbour Times", "Valley Post", "Coast Ledger", "Daily Courier")


def editions(engine, count: int, originals: int = 12) -> list[tuple[Article, Analysis]]:
    base = []
    for n in range(originals):
        text = corpus.article(n)
        base.append((text, engine.analyse(Article(text=text))))
    items = []
    for n in range(count):
        text, analysis = base[n % originals]
        text = f"{text}\nEdition {n}.\n"
        article = Article(text=text, title=f"{text.splitlines()[0]} — edition {n}", outlet=OUTLETS[n % len(OUTLETS)],
                          author=f"Reporter {n % 7}", published=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                          path=None)
        items.append((article, dataclasses.replace(analysis, quotes=analysis.quotes[:2 + n % 4])))  # 2 to 5 quotes
    return items


def build(path, engine, count: int = 300) -> Library:
    library = Library(path)
    library.bulk_add(editions(engine, count))
    return library
