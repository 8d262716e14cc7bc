"""Who speaks when a colon opens a quotation: 'Pollsters agree - Carl Bialik: “…”', 'Clinton: "…"', '… then
leaned in and boomed: “…”', 'Her letter makes the case: “…”', 'Here’s Clinton in December 1992: “…”',
'Senator Maria Lopez, on healthcare: “…”' (for reader.nlp.clues)."""

from __future__ import annotations

from spacy.tokens import Token

from reader.nlp.lexicon import TITLE_WORDS
from reader.nlp.mentions import name_end
from reader.nlp.sentences import Sentences
from reader.nlp.speakers import People
from reader.nlp.subjects import subject_of

# subjects that say nothing of who speaks: "Clinton has since apologized for what happened:"
WH_SUBJECTS = {"what", "whatever", "which"}


def before_a_colon(colon: Token, sents: Sentences, in_quote: list[int],
                   people: People) -> tuple[Token | None, Token] | None:
    """(the verb, the speaker) of the words before ``colon``, the verb None when a name alone leads in."""
    doc = colon.doc
    last = doc[colon.i - 1]
    if in_quote[last.i] >= 0 or last.is_space:
        return None
    presented = _presented(colon, sents, in_quote)
    if presented is not None:
        return None, presented
    from_it = last.dep_ == "pobj" and last.head.lower_ == "from"  # "From the report: “…”"
    named = last.pos_ == "PROPN" or (last.pos_ == "NOUN" and last.text[:1].isupper())
    if named and last.dep_ == "pobj" and not from_it:
        return None  # "Then, later that month on CNN: “…”"
    if named or from_it:
        return None, last
    labelled = _name_on_a_topic(colon, sents, people)
    if labelled is not None:
        return None, labelled
    verb = last
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < colon.i:
        verb = verb.head
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    for _ in range(3):  # "Clinton has since apologized for what happened:": 'what' says nothing
        if subject is None or subject.lower_ not in WH_SUBJECTS or verb.head.i == verb.i:
            break
        verb = verb.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is None or in_quote[subject.i] >= 0 or subject.lower_ in WH_SUBJECTS:
        return None
    return verb, subject


def _name_on_a_topic(colon: Token, sents: Sentences, people: People) -> Token | None:
    """'Senator Maria Lopez, on healthcare: “…”': a line that opens on a name, and says after a comma on
    what, before the colon (a round-up of what people said)."""
    doc = colon.doc
    s0 = sents.bounds(colon.i)[0]
    while s0 < colon.i and doc[s0].is_space:
        s0 += 1
    comma = next((t.i for t in doc[s0:colon.i] if t.text == ","), None)
    if comma is None or comma == s0 or colon.i - comma > 8 or doc[comma - 1].pos_ != "PROPN" \
            or doc[comma + 1].lower_ not in ("on", "about", "asked", "responding", "speaking", "in", "at"):
        return None
    if not all(t.pos_ == "PROPN" or t.lower_.rstrip(".") in TITLE_WORDS for t in doc[s0:comma]) \
            or not (doc[comma - 1].ent_type_ == "PERSON" or people.lookup(doc[s0:comma].text)):
        return None  # (not "Paris, in spring: “…”")
    if any(t.pos_ in ("VERB", "AUX") and subject_of(t) is not None for t in doc[comma + 1:colon.i]):
        return None
    return doc[comma - 1]


def _presented(colon: Token, sents: Sentences, in_quote: list[int]) -> Token | None:
    """'Here’s Clinton in December 1992: “…”': the person a sentence opening 'Here is' presents."""
    doc = colon.doc
    colon_i = colon.i
    s0 = sents.bounds(colon_i)[0]
    if colon_i - s0 < 3 or doc[s0].lower_ != "here" or doc[s0 + 1].lower_ not in ("'s", "’s", "is"):
        return None
    for i in range(s0 + 2, colon_i):
        if doc[i].ent_type_ == "PERSON" and in_quote[i] < 0:
            head = doc[min(name_end(doc[i]), colon_i - 1)]
            # "the statement from the Lee campaign": a name that only modifies a noun presents no one
            return None if head.dep_ in ("compound", "poss") and head.head.pos_ == "NOUN" else head
    return None
