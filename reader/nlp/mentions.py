"""From a subject token to a speaker mention: its name span, its role and what kind of speaker it is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from reader.nlp.lexicon import (
    ANONYMITY_CUES,
    ANONYMOUS_HEADS,
    NAME_CUE_WORDS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    TITLE_WORDS,
    TITLES,
)
from reader.nlp.party import tag_after
from reader.nlp.speakers import is_first_name


@dataclass
class Mention:
    start: int  # token indices, end exclusive
    end: int
    head: int
    text: str
    kind: str  # "name" (proper name), "pronoun", "nominal"
    ent: str  # entity label of the name, or ""
    role: str | None = None
    affiliation: str | None = None
    plural: bool = False
    anonymous: bool = False

    def char_span(self, doc: Doc) -> tuple[int, int]:
        return doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1].text)


def _strip_possessive(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _ent_of(tok: Token) -> tuple[int, int, str] | None:
    """The entity around tok, cut at any verb inside it (the small model may tag "Trump told Business
    Insider" as one WORK_OF_ART)."""
    if tok.ent_type_:
        i = tok.i
        doc = tok.doc
        s = i
        while s > 0 and doc[s].ent_iob_ == "I" and not _verb_in_name(doc[s - 1]):
            s -= 1
        e = i + 1
        while e < len(doc) and doc[e].ent_iob_ == "I" and not _verb_in_name(doc[e]):
            e += 1
        return s, e, tok.ent_type_
    return None


def _verb_in_name(tok: Token) -> bool:
    """A verb the model ran an entity on into, but not a capitalised modal inside one ('George Will',
    'Theresa May'): that is a name."""
    return tok.pos_ in ("VERB", "AUX") and not (tok.tag_ in ("MD", "NNP") and tok.text[:1].isupper())


_DASHES = ("-", "--", "\u2013", "\u2014")


def name_tokens(tok: Token) -> tuple[int, int]:
    """The proper-name span around tok: its entity, or its run of compound PROPNs."""
    ent = _ent_of(tok)
    doc = tok.doc
    if ent is not None:
        s, e, _ = ent
        toks = _strip_possessive(list(doc[s:e]))
        dashes = [k for k, t in enumerate(toks[:-1]) if t.text in _DASHES and (t.whitespace_ or doc[t.i - 1].whitespace_)]
        if dashes and toks[0].text.isupper() and len(toks[0].text) > 1:
            toks = toks[dashes[-1] + 1:]  # "CLEVELAND - Donald Trump": a dateline before the name
        owner = [k for k, t in enumerate(toks[:-1]) if t.tag_ == "POS" or t.dep_ == "case"
                 or t.text in ("'", "\u2019") and k > 0 and toks[k - 1].lower_.endswith("s")]
        if owner and sum(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks[owner[-1] + 1:]) >= 2:
            toks = toks[owner[-1] + 1:]  # "Labour’s Tom Hart", "Fox News’ Sean Hannity": the name after the owner
        while len(toks) > 1 and (toks[0].is_punct or toks[0].lower_ in ("'s", "\u2019s")):
            toks = toks[1:]  # ". Christian Pardo" after "Capt", "’s Lee" after "Here"
        # leading titles inside the entity ("President Donald Trump") are a role, not the name
        while len(toks) > 1 and (toks[0].lower_.rstrip(".") in TITLE_WORDS or toks[0].lower_ in NAME_CUE_WORDS):
            toks = toks[1:]  # "Said Ryan Ellis: …": the model may take a sentence-initial cue into the name
        while len(toks) > 1 and toks[-1].lower_ in NAME_CUE_WORDS:
            toks = toks[:-1]  # a headline's "Obama Says …"
        of = next((k for k, t in enumerate(toks) if t.lower_ == "of" and t.head.i == tok.i and t.dep_ == "prep"), 0)
        if of and toks[of - 1].i == tok.i and ent[2] in ("PERSON", "WORK_OF_ART") \
                and plain_name_words(doc[toks[0].i:tok.i + 1]) and all(t.text[:1].isupper() for t in toks[:of]):
            toks = toks[:of]  # "Priya Nair of Castlebrook Securities" as one entity: her name, then her firm
        while toks and _particle(toks[-1]) and toks[-1].i + 1 < len(doc) and doc[toks[-1].i + 1].pos_ == "PROPN":
            toks.append(doc[toks[-1].i + 1])  # "Ursula von der" + "Leyen": the model's entity stops at the particle
        if toks:
            s = toks[0].i
            # the entity may miss a first name the parser attached as a compound ("Ana" in "Ana Lima"), or
            # the name's start before a particle ("Ursula von der" before "Leyen")
            while s > 0 and (doc[s - 1].pos_ == "PROPN" and not doc[s - 1].text[:1].islower() or _particle(doc[s - 1])) \
                    and doc[s - 1].dep_ == "compound" \
                    and not doc[s - 1].is_punct and doc[s - 1].head.i < toks[-1].i + 1 \
                    and doc[s - 1].lower_ not in TITLES and doc[s - 1].ent_type_ in ("", "PERSON"):
                s -= 1
            return s, toks[-1].i + 1
    s = tok.i
    if s > 2 and doc[s - 1].tag_ == "POS" and doc[s - 2].pos_ == "PROPN" and doc[s - 2].dep_ == "poss" \
            and doc[s - 2].head.i == tok.i and doc[s - 3].lower_ == "the" and tok.pos_ == "PROPN":
        return s - 2, tok.i + 1  # "The Alzheimer's Association": no one says "the Smith's house"; it is a name
    while s > 0 and doc[s - 1].dep_ in ("compound", "flat") and doc[s - 1].head.i >= tok.i \
            and (doc[s - 1].pos_ == "PROPN" and not doc[s - 1].text[:1].islower() or _particle(doc[s - 1])) \
            and not doc[s - 1].is_punct and doc[s - 1].lower_ not in NAME_CUE_WORDS \
            and (doc[s - 1].lower_ not in TITLES or tok.lower_ in TITLES):
        s -= 1  # "Gov. Ana Ruiz" with no entity: the title is her role, not her name
    return s, tok.i + 1


def _particle(tok: Token) -> bool:
    return tok.text.islower() and tok.text in NAME_PARTICLES


def name_end(tok: Token) -> int:
    """Index of the last token of the entity that starts at or contains tok."""
    doc = tok.doc
    e = tok.i
    while e + 1 < len(doc) and doc[e + 1].ent_iob_ == "I":
        e += 1
    return e


def title_before(doc: Doc, start: int) -> str | None:
    """Title words right before a name: 'Ukrainian President' in 'Ukrainian President Volodymyr Zelenskyy'."""
    i = start
    words: list[str] = []
    while i > 0:
        prev = doc[i - 1]
        low = prev.lower_
        if low.rstrip("s") in TITLES and prev.text[:1].isupper() and low.endswith("s") and not words:
            words.insert(0, prev.text[:-1])  # "Presidents Trump and Putin": each is a President
            i -= 1
            continue
        if low in TITLES or (words and prev.pos_ in ("ADJ", "PROPN") and prev.dep_ in ("amod", "compound") and prev.head.i >= start - 1):
            words.insert(0, prev.text)
            i -= 1
            continue
        break
    # also titles inside the entity span
    return " ".join(words) if words else None


def appositive_role(head: Token) -> tuple[str | None, str | None]:
    """Role and affiliation from an appositive: 'Oleg Ignatov, the group's senior Russia analyst'."""
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
            toks = [t for t in child.subtree if t.dep_ != "relcl" and not any(a.dep_ == "relcl" for a in t.ancestors if a.i > child.i)]
            text = " ".join(t.text for t in toks).replace(" ’s", "’s").replace(" 's", "'s").strip(" ,—–-")
            affiliation = None
            for t in child.subtree:
                if t.ent_type_ == "ORG":
                    s, e = name_tokens(t)
                    affiliation = t.doc[s:e].text
                    break
            if len(text.split()) <= 25:
                return text, affiliation
    return None, None


_NP_PREPS = ("of", "at", "from", "with", "for", "in", "on", "to", "about", "within", "inside", "by")


def _noun_phrase(head: Token) -> tuple[int, int]:
    """The noun phrase of a nominal subject without its relative clauses and trailing modifiers."""
    start = head.i
    lefts = list(head.lefts)
    while lefts and lefts[0].dep_ in ("advmod", "cc", "preconj"):
        lefts = lefts[1:]  # "even a top GOP strategist": the adverb is no part of who
    for t in lefts:
        start = min(start, t.left_edge.i)
    end = head.i + 1
    for t in head.rights:
        if t.dep_ == "prep" and t.lower_ in _NP_PREPS:
            # "a diplomat in Bamako, who requested anonymity": the phrase, not a clause the parser hung on its noun
            relative = next((r.left_edge.i - 1 for r in t.subtree if r.dep_ == "relcl" and r.left_edge.i > t.i
                             and head.doc[r.left_edge.i - 1].text == ","), None)
            end = max(end, relative if relative is not None else t.right_edge.i + 1)
        elif t.dep_ in ("cc", "conj", "nummod") or (t.dep_ == "amod" and t.right_edge.i - t.i < 6):
            # "a source familiar with his thinking", "Article 12"
            end = max(end, t.right_edge.i + 1)
        elif t.dep_ == "acl" and head.lower_ in _QUANTIFIER_PRONOUNS and t.right_edge.i - t.i < 3:
            end = max(end, t.right_edge.i + 1)  # "those surveyed", "many polled"
        elif t.dep_ in ("acl", "amod", "advmod") and head.lower_ in ANONYMOUS_HEADS and t.i == end \
                and t.tag_ in ("VBN", "JJ", "RB") and t.right_edge.i - t.i < 7:
            end = t.right_edge.i + 1  # "two people briefed on the talks", "a person close to the family"
        elif t.dep_ in ("acl", "relcl", "appos", "punct"):
            break
    doc = head.doc
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according":
        # "According to a report by the X Institute, the district floods …": the parser ran on past the comma
        end = next((k for k in range(head.i + 1, end) if doc[k].text == ","), end)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1  # "DENVER — Gov. Ruiz's campaign": the dateline's dash is no part of it
    return start, end


def _name_after_whom(subject: Token) -> Token | None:
    """'A lawyer for the company, Dan Whitfield, said': the parser hung the lawyer's name on the company. A
    thing or a body has no name of a person; a person noun might ('a lawyer for the plaintiff, …')."""
    for prep in subject.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "at", "of", "with"):
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and pobj.lower_ not in PERSON_NOUNS:
                return next((c for c in pobj.rights if c.dep_ == "appos" and c.pos_ == "PROPN"
                             and c.ent_type_ == "PERSON" and c.doc[c.left_edge.i - 1].text == ","), None)
    return None


def _given_name(tok: Token) -> bool:
    """'Her daughter, Ana, says': a given name alone, which the model may not tag."""
    return is_first_name(tok.text) and tok.text[:1].isupper()


def plain_name_words(words: Span) -> bool:
    """Two or three words of letters, none of an organisation: the shape of a person's name the model may
    have called an organisation."""
    return 2 <= len(words) <= 3 and all(w.is_alpha and w.lower_ not in ORGANISATION_WORDS for w in words)


def _name_shaped(tok: Token) -> bool:
    """'Tinubu’s spokesman, Bayo Onanuga, said', the model calling the name an organisation: two or three
    capitalised words with no word of an organisation, after a role noun, are the role holder's name."""
    s, e = name_tokens(tok)
    words = tok.doc[s:e]
    return plain_name_words(words) and all(w.text[:1].isupper() for w in words)


def _right_after(role: Token, named: Token) -> bool:
    """'the state treasurer Grace Holloway said': a name right after a role noun (no comma), whatever
    label the entity recogniser gave it, is who the role belongs to."""
    s, _e = name_tokens(named)
    return s == role.i + 1 and role.pos_ == "NOUN" and role.lower_ not in ("source", "sources", "official", "officials")


# pronouns that head a noun phrase of their own ("those surveyed", "many of the delegates"): nominals
# "D’Souza", "O’Malley": names the tagger may take for common nouns
APOSTROPHE_NAME = re.compile(r"^[A-Z][\u2019'][A-Z][a-z]+$")
_QUANTIFIER_PRONOUNS = {"those", "these", "some", "many", "most", "few", "several", "others", "all", "both",
                        "none", "everyone", "everybody", "nobody", "someone", "somebody", "anyone"}


def mention_for(subject: Token, sentence: str = "") -> Mention:
    doc = subject.doc
    low = subject.lower_
    if (subject.pos_ == "PRON" and low not in _QUANTIFIER_PRONOUNS) or low in PERSON_PRONOUNS:
        return Mention(subject.i, subject.i + 1, subject.i, subject.text, "pronoun", "",
                       plural=low in ("they", "we", "them"))
    if subject.pos_ == "PROPN" and low.rstrip(".") in TITLE_WORDS:
        named = next((c for c in subject.rights if c.dep_ == "appos" and c.pos_ == "PROPN"
                      and name_tokens(c)[0] == subject.i + 1), None)
        if named is not None:  # "Senate Majority Leader Chuck Schumer, D-N.Y., called": the title's name speaks
            return mention_for(named, sentence)
    # "the senator" or "one senior Conservative MP" tagged as a proper noun: a role, not a name
    common = low.rstrip(".") in TITLE_WORDS and (subject.text.islower() or any(
        c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "the", "another") for c in subject.lefts)) \
        or subject.pos_ == "PROPN" and subject.text.islower() and subject.is_alpha and not subject.ent_type_
    # (nor "China’s foreign ministry", a lower-case word the tagger took for a name)
    if (subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or APOSTROPHE_NAME.match(subject.text)) and not common:
        s, e = name_tokens(subject)
        ent = subject.ent_type_ or ("ORG" if doc[e - 1].lower_ in ORGANISATION_WORDS  # "The Alzheimer's Association"
                                    else "PERSON" if subject.pos_ == "PROPN" else "")
        role, affiliation = appositive_role(subject)
        title = title_before(doc, s)
        party = tag_after(doc, e)
        if party is not None and role is not None and role.replace(" ", "") == party:
            role = None  # the parser made the tag an appositive
        if title and not role:
            role = title
        elif title and role and title.lower().rstrip(".") not in ("mr", "mrs", "ms", "dr", "miss", "sir"):
            role = f"{title}; {role}"
        if party is not None:
            role = f"{role}, {party}" if role else party
        name = doc[s:e].text
        conj = [c for c in subject.rights if c.dep_ == "conj"]
        if len(conj) == 1 and conj[0].pos_ == "PROPN" and conj[0].lower_ in ORGANISATION_WORDS and e - s == 1 \
                and conj[0].i - subject.i <= 4:
            # "Devon and Cornwall Police", "Avon and Somerset Constabulary": one force of two places
            return Mention(s, conj[0].i + 1, conj[0].i, doc[s:conj[0].i + 1].text, "name", "ORG")
        if conj:  # "Trump and Pence said": a group of named speakers, named by the first
            return Mention(s, e, subject.i, name, "name", ent, role, affiliation, plural=True)
        return Mention(s, e, subject.i, name, "name", ent, role, affiliation)
    named = next((c for c in subject.rights if c.dep_ == "appos" and c.pos_ == "PROPN"
                  and (c.ent_type_ == "PERSON" or _right_after(subject, c) or _given_name(c)
                       or subject.lower_ in PERSON_NOUNS and _name_shaped(c))), None)
    if named is None and subject.lower_ in PERSON_NOUNS:
        named = _name_after_whom(subject)
    if named is not None:  # "Trump's running mate, Indiana Gov. Mike Pence, said": the name speaks
        s, e = name_tokens(named)
        ns, ne = _noun_phrase(subject)
        title = title_before(doc, s)
        role = doc[ns:ne].text + (f"; {title}" if title else "")
        return Mention(s, e, named.i, doc[s:e].text, "name", "PERSON", role)
    s, e = _noun_phrase(subject)
    text = doc[s:e].text
    sent = sentence.lower()
    own = doc[subject.left_edge.i:subject.right_edge.i + 1].text.lower()  # "a shop owner, who asked not to be named"
    anonymous = (low in ANONYMOUS_HEADS and (
        any(c in sent for c in ANONYMITY_CUES)
        or doc[s].lower_ in ("a", "an", "one", "two", "three", "several", "some", "many")
        or low in ("source", "sources")
    ) or any(c in own for c in ANONYMITY_CUES)) and not any(t.pos_ == "PROPN" for t in doc[s:e])
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.rights)
    role, affiliation = appositive_role(subject)
    return Mention(s, e, subject.i, text, "nominal", subject.ent_type_, role, affiliation,
                   plural=plural, anonymous=anonymous)
