"""Doc -> Analysis: the only bridge from spaCy objects to reader.model."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from reader.model import Analysis, Article, Quote, Speaker, SpeakerKind, recount
from reader.nlp.confidence import calibration
from reader.nlp.pieces import one_piece, read_in_pieces, readable, with_text_of
from reader.nlp.pipeline import ENGINE_VERSION


def analysis_from_doc(doc: Doc, model: str = "") -> Analysis:
    data: dict[str, Any] = doc.user_data.get("qr", {})
    text = doc.text
    quotes: list[Quote] = []
    info: dict[str, dict[str, Any]] = defaultdict(lambda: {"aliases": set(), "role": None, "aff": None,
                                                           "kind": SpeakerKind.PERSON})
    atts = [a for a in data.get("quotes", []) if a.end > a.start]
    trust = calibration()
    index = {id(a): n for n, a in enumerate(atts)}
    for a in atts:
        sp_start = sp_end = None
        if a.mention is not None:  # a follow-on quote rests on the mention of the quote it follows
            sp_start, sp_end = a.mention.char_span(doc)
        quotes.append(Quote(
            start=a.start, end=a.end, text=text[a.start:a.end], kind=a.kind, speaker=a.speaker,
            speaker_start=sp_start, speaker_end=sp_end, cue=a.cue.text if a.cue is not None else None,
            cue_start=a.cue.idx if a.cue is not None else None,
            cue_end=a.cue.idx + len(a.cue.text) if a.cue is not None else None,
            confidence=round(trust.quote(a), 2), speaker_confidence=round(trust.speaker(a), 2),
            inherits=index.get(id(a.source)) if a.inherited and a.source is not None else None,
        ))
        if a.speaker:
            entry = info[a.speaker]
            entry["kind"] = a.speaker_kind
            entry["role"] = entry["role"] or a.role
            entry["aff"] = entry["aff"] or a.affiliation
            if a.mention is not None and a.mention.kind != "pronoun" and a.mention.text != a.speaker:
                entry["aliases"].add(a.mention.text)
    people = data.get("people")
    speakers = []
    for name, entry in info.items():
        if people is not None:
            person = people.lookup(name)
            if person is not None:
                entry["aliases"].update(f for f in person.forms if f != name)
        speakers.append(Speaker(name=name, aliases=tuple(sorted(entry["aliases"])), role=entry["role"],
                                affiliation=entry["aff"], kind=entry["kind"]))
    return Analysis(quotes=tuple(quotes), speakers=recount(speakers, quotes), sources=tuple(data.get("sources", [])),
                    model=model, engine_version=ENGINE_VERSION)


def analyse_text(nlp: Language, text: str) -> Analysis:
    """One text, read whole when it is of news length, else in pieces (reader.nlp.pieces)."""
    name = nlp.meta.get("name", "")
    return read_in_pieces(text, lambda piece: analysis_from_doc(nlp(piece), model=name))


def analyse_article(nlp: Language, article: Article) -> Analysis:
    return analyse_text(nlp, article.text)


def analyse_stream(nlp: Language, texts: Iterable[str], batch_size: int = 8) -> Iterator[Analysis]:
    """Many texts through one pipeline, batched; a text too long for one piece is read in pieces."""
    name = nlp.meta.get("name", "")
    batch: list[str] = []

    def flush() -> Iterator[Analysis]:
        plain = [readable(text) for text in batch]
        for text, read, doc in zip(batch, plain, nlp.pipe(plain, batch_size=batch_size), strict=True):
            analysis = analysis_from_doc(doc, model=name)
            yield analysis if read is text else with_text_of(analysis, text)
        batch.clear()

    for text in texts:
        if not one_piece(text):
            yield from flush()
            yield analyse_text(nlp, text)
        else:
            batch.append(text)
            if len(batch) >= batch_size * 4:
                yield from flush()
    yield from flush()
