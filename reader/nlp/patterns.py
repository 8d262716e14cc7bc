"""Attribution patterns: a verb and what hangs on its right ("Carson endorsed Mr. Trump", "she accused
him of sexism", "the plan seemed to reflect sadness", "he referred to reports that …").

News annotators count these as attributions, a source's stance or act of speech on something, though
no verb of saying is there. Which verbs, and which of their complements, is mined from PolNeAR train by
``benchmarks/mine_patterns.py`` into ``data/patterns.tsv``: for each verb lemma and the dependency of its
first complement, how often the words under it were an annotated attribution that the other rules missed;
and the same by the kind of subject the verb has (a person, an organisation, another noun, none), since
"she supports the bill" is a stance far more often than "the data support the view". The estimate for a
kind of subject is drawn toward the pattern's when it was seen only a few times. Only patterns right at
least half of the time (and seen often enough) are used.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from reader.nlp.lexicon import DOCUMENT_NOUNS
from reader.nlp.speech import past_closing_mark, quotation_marks

# the complements that make up what a pattern reports
COMPLEMENTS = {"dobj", "ccomp", "xcomp", "prep", "dative", "oprd", "attr", "acomp"}
_SCENE = {"in", "at", "during", "on", "after", "before", "since", "amid", "throughout", "following", "via", "through",
          "inside", "outside", "near", "across", "within", "until"}
CUE_POS = ("VERB", "ADJ")  # the words a pattern can start from (a cheap test before pattern_key)
MIN_PRECISION = 0.5
MIN_COUNT = 5
SMOOTHING = 5.0  # pseudo-counts drawn from the pattern's precision for one kind of subject
_PERSONAL = {"he", "she", "they", "i", "we"}


def subject_kind(verb: Token) -> str:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return "none"
    if subject.lower_ in _PERSONAL or subject.ent_type_ == "PERSON":
        return "person"
    return "organisation" if subject.ent_type_ in ("ORG", "NORP", "GPE") else "other"


def _venue(prep: Token) -> bool:
    """'in a statement', 'during an interview': where something was said, when nothing hangs on the noun
    ('in a statement that …' says what)."""
    return prep.dep_ == "prep" and prep.lower_ in ("in", "during") and any(
        c.dep_ == "pobj" and c.lemma_.lower() in DOCUMENT_NOUNS
        and not any(g.dep_ in ("acl", "ccomp", "relcl") for g in c.children) for c in prep.children)


def pattern_key(cue: Token) -> tuple[str, Token, tuple[int, int]] | None:
    """The pattern a cue is in ('endorse dobj', 'refer prep:to', 'be hopeful ccomp'), the verb whose
    subject is the source, and the token range the pattern reports; None for a word with no complement on
    its right, or a verb in the passive or the infinitive."""
    if cue.pos_ == "VERB":
        verb, lemma = cue, cue.lemma_.lower()
    elif cue.pos_ == "ADJ" and cue.dep_ == "acomp" and cue.head.lemma_ == "be":
        verb, lemma = cue.head, f"be {cue.lower_}"  # "Some Democrats are hopeful they can win the House"
    else:
        return None
    for child in verb.children:
        if child.dep_ in ("auxpass", "nsubjpass") or child.dep_ == "aux" and child.tag_ == "TO":
            return None  # the passive, and "met to discuss the budget": a purpose, not a stance taken
    right = [c for c in cue.children if c.i > cue.i and c.dep_ in COMPLEMENTS]
    if not right:
        return None
    # after the first complement, a phrase that sets the scene is the writer's, not the stance:
    # "cited his wins [in his opening statement]", "endorsed Clinton [during a call with reporters]"
    right = right[:1] + [c for c in right[1:] if not (c.dep_ == "prep" and c.lower_ in _SCENE)]
    if _venue(right[0]):
        right = right[1:]  # "said in a statement (that …)", "wrote in an op-ed": where it was said, not what
        if not right:
            return None
    doc = cue.doc
    first = right[0]
    start = min(c.left_edge.i for c in right)
    if first.dep_ == "prep" and first.i == start and first.i + 1 < len(doc):
        start = first.i + 1  # "referred to [reports that …]", "critical of [the plan]": what, not the preposition
    end = max(c.right_edge.i for c in right) + 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and not _closes(doc[start:end]):
        end -= 1
    if end <= start:
        return None
    end = past_closing_mark(doc, start, end)
    dep = f"prep:{first.lower_}" if first.dep_ == "prep" else first.dep_
    return f"{lemma} {dep}", verb, (start, end)


def _closes(span: Span) -> bool:
    """The span ends on the closing mark of a quotation it opens: 'accused him of “flip-flopping”'."""
    marks = quotation_marks(span.text)
    return span[-1].text in ('"', "\u201d") and marks % 2 == 0 and marks > 0


@lru_cache(maxsize=1)
def _counts() -> dict[str, tuple[int, int]]:
    counts: dict[str, tuple[int, int]] = {}
    data = resources.files("reader.nlp").joinpath("data/patterns.tsv").read_text(encoding="utf-8")
    for line in data.splitlines():
        if line and not line.startswith("#"):
            key, hits, seen, _precision = line.split("\t")
            counts[key] = (int(hits), int(seen))
    return counts


def precision(key: str, subject: str) -> float:
    """How often the pattern, with this kind of subject, was an attribution on train; 0 for a pattern seen
    too rarely."""
    counts = _counts()
    hits, seen = counts.get(key, (0, 0))
    if hits < MIN_COUNT:
        return 0.0
    overall = hits / seen
    kind_hits, kind_seen = counts.get(f"{key}|{subject}", (0, 0))
    return (kind_hits + SMOOTHING * overall) / (kind_seen + SMOOTHING)
