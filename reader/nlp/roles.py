"""What a role says of a person, and a person's age: 'the president', 'the shadow chancellor', 'the health
secretary', 'the 43-year-old' (for reader.nlp.coref)."""

from __future__ import annotations

from spacy.tokens import Token

from reader.nlp.speakers import Person


def has_role(person: Person, word: str, marks: frozenset[str] = frozenset(), kinds: frozenset[str] = frozenset()) -> bool:
    """The person's role has ``word``, and every word in ``marks`` that sets a role apart ('the shadow
    chancellor' is not the chancellor), and no other kind of it than ``kinds`` says ('the health secretary' is
    not the general secretary)."""
    if not all(person.has_role_word(m) for m in marks):
        return False
    if kinds and any(_other_kind(role, word, kinds) for role in person.roles):
        return False
    return person.has_role_word(word) or (not word.endswith("s") and person.has_role_word(word + "s"))


def role_words(head: Token) -> tuple[frozenset[str], frozenset[str]]:
    """The words before a role noun that set it apart ('shadow', 'former') and those that say its kind
    ('health' of 'the health secretary')."""
    before = [c for c in head.lefts if c.dep_ in ("amod", "compound")]
    marks = frozenset(c.lower_ for c in before if c.lower_ in ROLE_MARKS)
    kinds = frozenset(c.lower_ for c in before if c.text.islower() and c.lower_ not in ROLE_MARKS)
    return marks, kinds


def _other_kind(role: str, word: str, kinds: frozenset[str]) -> bool:
    """'general secretary' for 'the health secretary': the role names the word after a kind of its own."""
    words = role.lower().split()
    return bool(kinds & _PORTFOLIOS) and any(w == word and k > 0 and words[k - 1] in _PORTFOLIOS
                                             and words[k - 1] not in kinds for k, w in enumerate(words))


def age_named(head: Token) -> str | None:
    """'43' of 'the 43-year-old' (the head is 'old'), else None."""
    words = head.doc[max(0, head.i - 5):head.i + 1].text.lower().replace(" ", "")
    if not words.endswith("-year-old"):
        return None
    age = words[:-len("-year-old")].removeprefix("the")
    return age if age.isdigit() else None


def age_given(name_head: Token) -> str | None:
    """'43' of 'Ana Ruiz, 43,': the age a story gives after a name."""
    after = name_head.doc[name_head.i + 1:name_head.i + 3]
    return after[1].text if len(after) == 2 and after[0].text == "," and after[1].like_num else None


# the offices a title's word is one of: "the health secretary" is not "the general secretary" nor "the press secretary"
_PORTFOLIOS = {"general", "health", "foreign", "home", "defence", "defense", "education", "transport", "interior",
               "treasury", "justice", "energy", "environment", "culture", "press", "finance", "labor", "labour",
               "trade", "housing", "business", "agriculture", "communications", "security", "economy", "tourism",
               "immigration", "climate", "digital", "science", "sports", "sport", "veterans", "commerce", "state"}

# words that make a role another one: "the shadow chancellor", "the former president", "the deputy mayor"
ROLE_MARKS = {"shadow", "former", "deputy", "vice", "assistant", "acting", "opposition", "junior", "outgoing",
              "incoming", "previous", "ex", "interim", "lieutenant"}
