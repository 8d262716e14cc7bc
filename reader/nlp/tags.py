"""Speech tags: the words right after a closing quotation mark that say who spoke.

"“Go back to Univision,” Trump barked", "“This is fantastic!” beamed Donald Hartley", "“…,” Conway
notes.": in that position a name and a verb are an attribution whatever the verb is, and whatever the
tagger made of it (the small model often tags "notes", "states" or "Tweeted" as nouns). Read from the
tokens themselves, so a parse that hung the words elsewhere does not lose the speaker.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from reader.nlp.lexicon import TITLE_WORDS

_NP_POS = {"PROPN", "NOUN", "DET", "ADJ", "NUM"}
_SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_CLAUSE_END = {".", ",", ";", ":", "!", "?", "\u2014", "\u2013", "(", "\u201c", '"'}
_NAME_JOINERS = {"de", "van", "von", "da", "del", "la", "le", "'s", "\u2019s", ".", "-", "&"}
_MAX_NP = 8
_NOUN_PREPS = {"in", "at", "for", "with", "on", "of"}
_MAX_APPOSITIVE = 16


@dataclass
class SpeechTag:
    verb: Token
    subject: Token  # the head of the speaker's noun phrase
    start: int  # the noun phrase's tokens
    end: int


def _forms(tok: Token) -> set[str]:
    low = tok.lower_
    forms = {tok.lemma_.lower(), low}
    if low.endswith("ied"):
        forms.add(low[:-3] + "y")
    if low.endswith("ed"):
        forms.update((low[:-2], low[:-1]))
    if low.endswith("ies"):
        forms.add(low[:-3] + "y")
    if low.endswith("s"):
        forms.add(low[:-1])
    return forms


def _mistagged_name(tok: Token) -> bool:
    """'said Skelly', 'Kelly said': a capitalised word inside a sentence that the tagger read as an adverb
    (its '-ly') or as nothing it knows."""
    return (tok.pos_ in ("ADV", "X", "INTJ") or tok.tag_ == "MD") and tok.text[:1].isupper() and tok.is_alpha \
        and len(tok.text) > 2 and not tok.is_sent_start  # ("“…,” Will wrote": a modal's capital is a name's)


class TagReader:
    def __init__(self, doc: Doc, in_quote: list[int], cues: Set[str]) -> None:
        self.doc = doc
        self.in_quote = in_quote
        self.cues = cues

    def known_verb(self, tok: Token) -> bool:
        """A speech verb by its form, whatever part of speech the tagger gave it."""
        return tok.pos_ not in ("DET", "PRON", "ADP", "PUNCT", "CCONJ") and not _forms(tok).isdisjoint(self.cues)

    def _verb(self, tok: Token, ends_clause: bool) -> bool:
        """A verb of the tag: a known speech verb (in a position only a verb can hold), or any verb in
        the past or present tense (barked, beamed, reacted)."""
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("VBD", "VBZ", "VBP"):
            return True
        if tok.pos_ == "VERB" and tok.tag_ == "VBN" and ends_clause:
            return True  # "“…,” Trump barked and …": the tagger's participle
        return ends_clause and self.known_verb(tok)

    def _ends_clause(self, i: int) -> bool:
        doc = self.doc
        if i >= len(doc) or "\n" in doc[i].text:
            return True
        tok = doc[i]
        return tok.text in _CLAUSE_END or tok.pos_ in ("ADP", "ADV", "CCONJ", "SCONJ", "PART") \
            or tok.lower_ in ("to", "in", "on", "at", "during", "after", "before", "with", "as")

    def after(self, close: int) -> SpeechTag | None:
        """The tag right after the token ``close`` (a closing quotation mark), if there is one."""
        doc = self.doc
        i = close + 1
        if i + 1 < len(doc) and doc[i].text == "," and not doc[close].whitespace_:
            i += 1  # "“We have turned a corner”, she said": the comma outside the marks (British style)
        if i >= len(doc) or "\n" in doc[close].text_with_ws or "\n" in doc[i - 1].text_with_ws or self.in_quote[i] >= 0:
            return None
        first = doc[i]
        # "“…,” said Rep. Ann Lee" / "“…!” beamed Donald Hartley": the verb first
        if self._verb(first, False) or (self.known_verb(first) and first.pos_ != "PROPN"):
            if first.tag_ == "VBG" or first.lower_.endswith("ing"):
                return None  # "“…,” referencing the number of …": a participle's object is not its speaker
            found = self._noun_phrase(i + 1)
            return SpeechTag(first, found[1], i + 1, found[0]) if found is not None else None
        # "“…,” Trump barked" / "“…,” the editorial read" / "“…,” Murphy, the head of X, tweeted"
        found = self._noun_phrase(i)
        if found is None:
            return None
        end, head = found
        np_end = end
        if end < len(doc) and doc[end].text == ",":
            close_app = self._appositive_end(end + 1)
            if close_app is None:
                return None
            named = doc[end + 1:close_app - 1]
            if head.pos_ == "NOUN" and len(named) and all(t.pos_ == "PROPN" for t in named):
                # "“…,” the head of the UN refugee agency, Filippo Grandi, told …": the name speaks
                head, i, np_end = named[-1], end + 1, close_app - 1
            end = close_app
        if end < len(doc) and self._verb(doc[end], self._ends_clause(end + 1)):
            return SpeechTag(doc[end], head, i, np_end)
        return None

    def _noun_phrase(self, i: int) -> tuple[int, Token] | None:
        """(end, head) of the noun phrase opening at token i: a pronoun, a name, or a determiner and nouns."""
        doc = self.doc
        if i >= len(doc) or self.in_quote[i] >= 0:
            return None
        if doc[i].lower_ in _SUBJECT_PRONOUNS:
            return i + 1, doc[i]
        j = i
        head: Token | None = None
        modifier = False  # inside a prepositional phrase ("a voice-over in the ad"): the head is set
        while j < len(doc) and j - i < _MAX_NP and self.in_quote[j] < 0:
            tok = doc[j]
            name = _mistagged_name(tok)
            glued = tok.text == "-" and j > i and not doc[j - 1].whitespace_ and not tok.whitespace_  # "43-year-old"
            inside = tok.pos_ in _NP_POS or name or glued or (tok.dep_ in ("amod", "compound") and tok.head.i > j)
            if inside and not (head is not None and self._verb(tok, self._ends_clause(j + 1))):
                if (tok.pos_ in ("PROPN", "NOUN") or name or (tok.pos_ == "ADJ" and (head is None or doc[j - 1].text == "-"))) \
                        and not modifier:
                    head = tok if head is None or head.pos_ != "PROPN" or tok.pos_ == "PROPN" else head
                j += 1
                continue
            if head is not None and self._joins(tok, j):
                j += 1  # "Donald Hartley of Madison", "Clinton’s top aide", "Florida-based"
                continue
            if head is not None and head.pos_ == "NOUN" and tok.lower_ in _NOUN_PREPS and j + 1 < len(doc) \
                    and doc[j + 1].pos_ in ("DET", "PROPN", "NOUN") and self.in_quote[j + 1] < 0:
                modifier = True
                j += 1
                continue
            break
        if head is None or j == i:
            return None
        return j, self._name_head(i, j, head)

    def _joins(self, tok: Token, j: int) -> bool:
        doc = self.doc
        if j + 1 >= len(doc) or self.in_quote[j + 1] >= 0:
            return False
        nxt = doc[j + 1]
        if tok.is_space:
            return "\n" not in tok.text
        if tok.lower_ in ("of", "from"):
            return nxt.pos_ == "PROPN"
        if tok.text == ".":  # "Capt. Jeff Davis", "Michael W. Mosman", not the full stop after a name
            prev = doc[j - 1]
            return (prev.lower_ in TITLE_WORDS or len(prev.text) == 1) and nxt.pos_ == "PROPN"
        owner = tok.tag_ == "POS" and tok.text in ("'", "\u2019")  # "Fox News' Sean Hannity", "Brooks' sister"
        return (tok.lower_ in _NAME_JOINERS or owner) and (nxt.pos_ in ("PROPN", "NOUN", "ADJ") or nxt.dep_ == "amod")

    def _name_head(self, start: int, end: int, head: Token) -> Token:
        """The last name word before any 'of' or 'from': 'Earnest' of 'White House press secretary Josh
        Earnest', 'Hartley' of 'Donald Hartley of Madison'."""
        doc = self.doc
        last = None
        for k in range(start, end):
            if doc[k].lower_ in ("of", "from"):
                break
            if doc[k].pos_ == "PROPN":
                last = doc[k]
        return last if last is not None else head

    def _appositive_end(self, i: int) -> int | None:
        """After 'Murphy, the head of Right to Rise USA,': the index past the closing comma."""
        doc = self.doc
        for j in range(i, min(len(doc), i + _MAX_APPOSITIVE)):
            tok = doc[j]
            if self.in_quote[j] >= 0 or "\n" in tok.text or tok.text in (".", ";", ":", "!", "?"):
                return None
            if tok.text == ",":
                return j + 1 if j > i else None
        return None
