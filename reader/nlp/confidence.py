"""How far to trust a quote and its attribution, from the evidence the engine found them by.

Each quote gets two probabilities: ``confidence`` that the words are a quote at all, and
``speaker_confidence`` that the speaker is right (given that they are). Both are read from tables of
how often quotes found by the same evidence were right on annotated news (PolNeAR train, counted by
``benchmarks/calibration.py --fit``): counts, smoothed toward the coarser evidence when they are few.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from reader.model import QuoteKind
from reader.nlp.speech import Attribution

SMOOTHING = 4.0  # pseudo-counts drawn from the coarser estimate


def length_bin(att: Attribution) -> str:
    chars = att.end - att.start
    return "short" if chars < 30 else "medium" if chars < 120 else "long"


def quote_evidence(att: Attribution) -> tuple[str, ...]:
    """From the finest evidence to the coarsest: kind, how it was found, its length."""
    return (f"{att.kind}|{att.found or '-'}|{length_bin(att)}", f"{att.kind}|{att.found or '-'}", att.kind)


# evidence rarely seen in annotated news, drawn toward the evidence it is a kind of
_KIN = {"pronoun-ahead": "pronoun"}


def speaker_evidence(att: Attribution) -> tuple[str, ...]:
    frame = "direct" if att.kind == QuoteKind.DIRECT else "reported"
    kin = (f"{frame}|{_KIN[att.via]}",) if att.via in _KIN else ()
    return (f"{frame}|{att.via}|{att.speaker_kind}", f"{frame}|{att.via}", *kin, frame)


class Calibration:
    def __init__(self, counts: dict[str, dict[str, list[int]]]) -> None:
        self.counts = counts

    def _estimate(self, table: str, keys: tuple[str, ...]) -> float:
        counts = self.counts.get(table, {})
        total = counts.get("*", [1, 2])
        p = total[0] / total[1] if total[1] else 0.5
        for key in reversed(keys):  # coarse to fine, each a prior for the next
            hits, n = counts.get(key, (0, 0))
            p = (hits + SMOOTHING * p) / (n + SMOOTHING)
        return p

    def quote(self, att: Attribution) -> float:
        return self._estimate("quote", quote_evidence(att))

    def speaker(self, att: Attribution) -> float:
        return self._estimate("speaker", speaker_evidence(att))


@lru_cache(maxsize=1)
def calibration() -> Calibration:
    try:
        data = resources.files("reader.nlp").joinpath("data/calibration.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return Calibration({})
    return Calibration(json.loads(data))
