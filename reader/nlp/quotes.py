"""The spaCy component: finds quotes, cues, speakers and sources and records them on the Doc.

Results go to ``doc.spans`` ("quotes", "cues", "speakers", "sources") and, with the attributes that a
span cannot carry, to ``doc.user_data["qr"]`` for :mod:`reader.nlp.analyse`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from reader.nlp.attribution import Extractor
from reader.nlp.layout import Layout
from reader.nlp.sources import find_sources


@Language.factory("qr_quotes")
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    """Registered with spaCy: ``nlp.add_pipe("qr_quotes")`` after the parser and NER."""
    return QuoteFinder()


class QuoteFinder:
    def __call__(self, doc: Doc) -> Doc:
        return quote_component(doc)


def quote_component(doc: Doc) -> Doc:
    layout = Layout(doc.text)
    extractor = Extractor(doc, layout)
    quotes = extractor.run()
    sources = find_sources(doc, layout, quotes, extractor.sents)
    doc.user_data["qr"] = {"quotes": quotes, "sources": sources, "people": extractor.coref.people}
    quote_spans, cue_spans, speaker_spans = [], [], []
    for q in quotes:
        span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
        if span is not None:
            quote_spans.append(span)
        if q.cue is not None:
            cue_spans.append(doc[q.cue.i:q.cue.i + 1])
        if q.mention is not None and not q.inherited:
            speaker_spans.append(doc[q.mention.start:q.mention.end])
    doc.spans["quotes"] = quote_spans
    doc.spans["cues"] = cue_spans
    doc.spans["speakers"] = speaker_spans
    doc.spans["sources"] = [s for s in (doc.char_span(x.start, x.end, label=x.type, alignment_mode="expand")
                                        for x in sources) if s is not None]
    return doc
