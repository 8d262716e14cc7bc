"""What the words around a name say of it: a person's name ('Reince Priebus, the GOP chairman,', 'Dessers,
who has faced criticism'), or not ('a Donald Trump supporter', 'the Clintons', 'a home in Clarkston')
(for reader.nlp.coref)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from reader.nlp.lexicon import GENDERED_NOUNS, PERSON_NOUNS, TITLES
from reader.nlp.mentions import name_tokens, plain_name_words, title_before
from reader.nlp.speakers import name_key


def conj_title(doc: Doc, head: Token) -> str | None:
    """'Presidents Donald Trump and Vladimir Putin': the second name shares the plural title."""
    if head.dep_ == "conj":
        first = head.head
        s, _ = name_tokens(first)
        return title_before(doc, s)
    return None


def modifies_a_noun(head: Token) -> bool:
    return head.dep_ in ("compound", "nmod", "amod") and head.head.pos_ == "NOUN" and head.head.i > head.i


def who_clause(head: Token) -> bool:
    """'Dessers, who has faced criticism, …': a relative clause on "who" after a comma."""
    return any(c.dep_ == "relcl" and c.i > head.i and c.doc[c.left_edge.i].lower_ == "who"
               and c.doc[head.i + 1].text == "," for c in head.children)


def described_here(head: Token) -> bool:
    """'The director of the European Centre, Ina Kirsch': a nominal that names or places its holder itself."""
    return any(c.dep_ in ("appos", "prep", "relcl", "acl") for c in head.children)


def family(doc: Doc, start: int, end: int) -> bool:
    """'the Clintons': a family, no one 'he' or 'she' can mean."""
    return end - start == 1 and doc[start].text.endswith("s") and start > 0 and doc[start - 1].lower_ == "the"


def described_as_person(head: Token) -> bool:
    """'Reince Priebus, the GOP chairman,': a name in apposition to a role only people have."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and (c.lower_ in TITLES or c.lower_ in GENDERED_NOUNS)
               and c.lower_ not in ("state", "house", "press", "first", "former", "majority", "minority")
               for c in head.children)


_THING_LABELS = {"GPE", "LOC", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT"}  # not ORG: the model calls many surnames ORG


def located_in(ent: Span) -> bool:
    """'a home in Clarkston', 'Clarkston, Ga.': where something is, not who."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "near", "outside") and root.head.head.lemma_ != "believe":
        return True
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].ent_type_ == "GPE" \
        and doc[ent.end + 1].text[:1].isupper()


def after_a_role(ent: Span) -> bool:
    """'Villa boss Unai Emery', the model calling the name an organisation: two or three capitalised words,
    none of an organisation, right after a role noun of a person."""
    doc = ent.doc
    role = doc[ent.start - 1] if ent.start > 0 else None
    return role is not None and role.pos_ == "NOUN" and role.lower_ in PERSON_NOUNS and plain_name_words(ent) \
        and all(t.pos_ == "PROPN" for t in ent)


def drop_places(doc: Doc, persons: list[Span]) -> list[Span]:
    """'Clarkston became his home': a name the model calls a place or a work more often than a person, and
    that no full name ends with, is not a person ('he' cannot mean it)."""
    names = {e.text for e in persons}
    same_names = [e for e in doc.ents if e.text in names]
    located = {e.start for e in same_names if located_in(e)}
    other = Counter(e.text for e in same_names if e.label_ in _THING_LABELS or e.start in located)
    if not other:
        return persons
    as_person = Counter(e.text for e in persons if e.start not in located)
    full_names = Counter(name_key(e.text) for e in persons if len(e) > 1)
    return [e for e in persons if other[e.text] <= as_person[e.text] or full_names[name_key(e.text)] > (len(e) > 1)]
