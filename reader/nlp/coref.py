"""Speaker coreference written for quotes in news: pronouns and nominals to the people they mean.

No offline coreference model exists for spaCy 3.8 here, so this is a salience model over the parse:
people are found by name (speakers.People), and a pronoun or a definite nominal ("the president")
goes to the most salient compatible person before it: a subject in the nearest sentence that has one,
skipping photo captions and credits, and falling back on the last speaker.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from reader.nlp.layout import Layout
from reader.nlp.lexicon import (
    COURTESY_TITLES,
    DOCUMENT_NOUNS,
    GENDERED_NOUNS,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PLATFORMS,
    TITLE_CASE_SMALL_WORDS,
    TITLE_WORDS,
    TITLES,
)
from reader.nlp.mentions import name_tokens, title_before
from reader.nlp.name_context import (
    after_a_role,
    conj_title,
    described_as_person,
    described_here,
    drop_places,
    family,
    modifies_a_noun,
    who_clause,
)
from reader.nlp.party import tag_after
from reader.nlp.roles import age_given, age_named, has_role, role_words
from reader.nlp.sentences import Sentences, tokens_with_lower
from reader.nlp.speakers import People, Person, inner_names, is_first_name, name_key, plain_word

_NEVER_PEOPLE = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# the opening sentences of a story, where a role may come before the name ("Kenya’s president … President Ruto")
LEDE_SENTENCES = 3
ONE_PERSON_PRONOUNS = ("he", "she", "him", "her", "his")  # what resolve_pronoun resolves
MAX_SENTENCES_BACK = 8
MAX_PARAGRAPHS_BACK = 3
MAX_NOMINAL_SENTENCES_BACK = 60


@dataclass
class PersonMention:
    token: int  # token index of the mention's head
    sent: int  # sentence index
    person: Person
    subject: bool


def _pronoun_gender(tok: Token) -> str:
    return PERSON_PRONOUNS.get(tok.lower_, "m" if tok.lower_ == "his" else "")


class Coreference:
    def __init__(self, doc: Doc, layout: Layout, in_quote: list[int], sents: Sentences) -> None:
        self.doc = doc
        self.layout = layout
        self.in_quote = in_quote
        self._first_word_at: dict[str, int] | None = None  # where each word first comes, once asked
        self.people = People()
        self.sents = sents
        self.mentions: list[PersonMention] = []
        self.last_speakers: list[tuple[int, Person]] = []
        self._pronouns: dict[int, set[str]] | None = None
        self._titles: dict[int, bool] = {}
        self._collect_names()

    def _title_cased(self, i: int) -> bool:
        """A sentence in title case, as headlines are: every word capitalised but the small ones."""
        n = self.sent_index(i)
        if n not in self._titles:
            s0, s1 = self.sents.bounds(i)
            words = [t for t in self.doc[s0:s1] if t.is_alpha]
            self._titles[n] = len(words) >= 3 and all(t.text[0].isupper() or t.lower_ in TITLE_CASE_SMALL_WORDS for t in words)
        return self._titles[n]

    def sent_index(self, token_i: int) -> int:
        return self.sents.index(token_i)

    def _collect_names(self) -> None:
        doc = self.doc
        persons = [e for e in doc.ents if e.label_ == "PERSON" and e.text not in PLATFORMS]
        persons = drop_places(doc, persons)
        for ent in persons:
            self.people.add(ent.text)
        # "Dessers, who has faced criticism": a name the model missed or called a thing, which a "who" describes
        proper = {t.text for t in doc if t.pos_ == "PROPN" and t.is_title}
        described = {h.text for h in doc if h.is_title and h.text in proper and h.ent_type_ not in ("PERSON", *_NEVER_PEOPLE)
                     and h.dep_ != "compound" and who_clause(h)}
        # the small model calls some surnames ORG or GPE: they are people when a PERSON shares them
        others = [e for e in doc.ents if e.label_ not in _NEVER_PEOPLE and len(e) <= 4 and (
                  len(e) <= 3 and all(t.is_title for t in e) if e.root.text in described else
                  (e.root.pos_ == "PROPN" or e[0].lower_ in TITLES and e[-1].pos_ == "PROPN")
                  and (self.people.lookup(e.text) is not None
                       or (2 <= len(e) <= 3 and e.label_ not in ("GPE", "LOC") and is_first_name(e[0].text)
                           and all(t.pos_ == "PROPN" for t in e))
                       or (len(e) >= 3 and e[0].lower_ in TITLES and e[1].pos_ == "PROPN")
                       or (e.end < len(doc) and doc[e.end].text == "," and described_as_person(e.root))
                       or after_a_role(e)))]
        # names the model saw no entity in at all: "Carly Fiorina" as two proper nouns, a given name first
        unseen = [doc[s:head.i + 1] for head in doc if head.pos_ == "PROPN" and not head.ent_type_
                  and head.dep_ != "compound" and (s := name_tokens(head)[0]) < head.i
                  and head.i - s <= 2 and is_first_name(doc[s].text) and not any(t.ent_type_ for t in doc[s:head.i])]
        unseen += [doc[s:h.i + 1] for h in doc if h.text in described and not h.ent_type_ and h.dep_ != "compound"
                   and h.i - (s := name_tokens(h)[0]) <= 2 and not any(t.ent_type_ for t in doc[s:h.i])]
        # "Mr Albanese", which the model may call a nationality or nothing: a courtesy title is a person's
        seen = {t.i for e in persons + others + unseen for t in e}
        courtesy = [doc[h.i:h.i + 1] for h in doc if h.pos_ == "PROPN" and h.i > 0 and h.i not in seen
                    and doc[h.i - 1].lower_.rstrip(".") in COURTESY_TITLES and h.dep_ != "compound" and h.is_alpha]
        candidates = sorted(persons + others + unseen + courtesy, key=lambda e: e.start)
        names = [doc[slice(*name_tokens(e.root))].text for e in candidates]
        surnames = {name_key(n) for n in names if len(n.split()) > 1}
        surnames |= {p.key for p in self.people.by_key.values() if any(len(f.split()) > 1 for f in p.forms)}
        # a headline's capitals make names of anything ("Will Twitter Be Next?"): no aliases from there
        titled = [self._title_cased(e.start) for e in candidates]
        prose = [n for n, t in zip(names, titled, strict=True) if not t]
        # "said Joe, a retired plumber": a lone name introduced as someone new is no one else's short name
        introduced = {plain_word(n) for n, e in zip(names, candidates, strict=True)
                      if len(n.split()) == 1 and any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in e.root.children)}
        self.people = People({w: f for w, f in inner_names(prose, surnames).items() if w not in introduced})
        prose_keys = {name_key(n) for n in prose} | {plain_word(t.text) for t in doc if t.pos_ == "PROPN"
                                                     and not self._title_cased(t.i)}
        for ent, name, in_title in zip(candidates, names, titled, strict=True):
            if in_title and name not in prose and name_key(name) in prose_keys:
                continue  # "Will Orbitel Be Next?" over a story on Orbitel: "Will" is no first name of it
            head = ent.root
            s, e = name_tokens(head)
            if e - s > 5:
                continue
            title = title_before(doc, s) or conj_title(doc, head)
            party = tag_after(doc, e)
            if party is not None:  # "Sen. Ann Lee, D-Ore.": the tag is part of her role
                title = f"{title}, {party}" if title else party
            honorific = doc[s - 1].lower_ if s > 0 else None
            in_prose = self.layout.is_prose(ent.start_char)
            person = self.people.add(doc[s:e].text, role=title, honorific=honorific)
            if person is None:
                continue
            if self.in_quote[head.i] >= 0 or not in_prose or modifies_a_noun(head) or family(doc, s, e):
                continue  # "a Donald Trump supporter", "the Kazakh population", "the Clintons’": not the person
            subject = head.dep_ in SUBJECT_DEPS or (head.dep_ in ("compound", "appos") and head.head.dep_ in SUBJECT_DEPS)
            self.mentions.append(PersonMention(head.i, self.sent_index(head.i), person, subject))
        self._bare_surnames()
        self._gendered_nominals()
        self._unnamed_lead()
        self.mentions.sort(key=lambda m: m.token)
        self._tokens = [m.token for m in self.mentions]

    def _gendered_nominals(self) -> None:
        """'The woman's enthusiasm … “Here he comes,” she said': an unnamed person can be the one a
        pronoun means. They become candidates under the words that describe them, so a 'she' is not
        handed to the last man named instead."""
        doc = self.doc
        for tok in tokens_with_lower(doc, GENDERED_NOUNS):
            gender = GENDERED_NOUNS[tok.lower_]
            if tok.pos_ != "NOUN" or self.in_quote[tok.i] >= 0 or tok.ent_type_:
                continue
            if tok.dep_ in ("appos", "attr", "conj", "compound", "npadvmod"):
                continue  # "Ivanka Trump, his eldest daughter" / "she is a mother": describes a named person
            if not any(c.dep_ in ("det", "poss") for c in tok.children) or not self.layout.is_prose(tok.idx):
                continue
            if any(c.dep_ == "appos" or c.ent_type_ == "PERSON" for c in tok.children):
                continue  # "his wife, Jane" / "his wife Jane": the name is the mention
            start = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ in ("det", "poss", "amod")])
            text = doc[start:tok.i + 1].text
            person = Person(key=f"~{tok.i}", gender=gender)
            person.forms[text] += 1
            subject = tok.dep_ in SUBJECT_DEPS or (tok.dep_ == "poss" and tok.head.dep_ in SUBJECT_DEPS)
            self.mentions.append(PersonMention(tok.i, self.sent_index(tok.i), person, subject))

    def _unnamed_lead(self) -> None:
        """'The harbour master was blunt. “…,” he said': in a story that has named nobody yet, the first
        person it describes as the subject of a sentence is the one a later 'he' or 'she' may mean."""
        doc = self.doc
        first_name = min((m.token for m in self.mentions), default=len(doc))
        for tok in doc[:first_name]:
            if tok.lower_ not in PERSON_NOUNS or tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.ent_type_ \
                    or tok.dep_ not in SUBJECT_DEPS or self.in_quote[tok.i] >= 0 or not self.layout.is_prose(tok.idx):
                continue
            det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ in ("the", "a", "an")), None)
            if det is None or any(c.dep_ == "appos" for c in tok.children):
                continue
            if any(m.token >= tok.i and self.sent_index(m.token) == self.sent_index(tok.i)
                   and (doc[m.token].head.i == tok.head.i or doc[m.token].head.i == tok.i) for m in self.mentions):
                return  # "If the candidate is Donald Trump, …": the sentence names the person
            start = min(c.left_edge.i for c in tok.lefts if c.dep_ in ("det", "amod", "compound"))
            person = Person(key=f"~{tok.i}", gender=GENDERED_NOUNS.get(tok.lower_, ""))
            person.forms[doc[start:tok.i + 1].text] += 1
            person.roles.append(tok.lower_)  # a later "the mayor said" is them too
            self.mentions.append(PersonMention(tok.i, self.sent_index(tok.i), person, True))
            return

    def _bare_surnames(self) -> None:
        """'Trump responded …' where the model saw no entity: a lone capitalised word that is the surname
        of someone named elsewhere in the article is a mention of them (pronouns may point at it)."""
        doc = self.doc
        seen = {m.token for m in self.mentions}
        surnames = {key for key in self.people.by_key if "|" not in key}
        given = set(self.people.inner) - surnames  # "Ana laughs" after "Ana Ruiz": the short name the story uses
        for tok in tokens_with_lower(doc, surnames | given):
            # the tagger may take a capitalised surname for the common word ("Trump blamed …", "Bush said")
            if tok.ent_type_ or tok.pos_ not in ("PROPN", "NOUN", "VERB") or tok.i in seen or self.in_quote[tok.i] >= 0 \
                    or not tok.text[:1].isupper() or tok.dep_ not in SUBJECT_DEPS:
                continue
            if tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN":
                continue  # part of a longer name the model did not tag
            person = self.people.by_key.get(tok.lower_) or self.people.lookup(tok.text)
            if person is None or not self.layout.is_prose(tok.idx):
                continue
            self.mentions.append(PersonMention(tok.i, self.sent_index(tok.i), person, True))

    def note_speaker(self, token_i: int, person: Person) -> None:
        """A resolved speaker mention becomes a mention too, so chains of 'he said' carry on."""
        mention = PersonMention(token_i, self.sent_index(token_i), person, True)
        idx = bisect_left(self._tokens, token_i)
        self.mentions.insert(idx, mention)
        self._tokens.insert(idx, token_i)
        self.last_speakers.append((token_i, person))

    def _pronoun_subjects(self) -> dict[int, set[str]]:
        """Sentence index -> genders of the 'he'/'she' subjects of main verbs outside quotations."""
        if self._pronouns is None:
            self._pronouns = {}
            for tok in tokens_with_lower(self.doc, ("he", "she")):
                if tok.dep_ in SUBJECT_DEPS and self.in_quote[tok.i] < 0 \
                        and (tok.head.dep_ == "ROOT" or self._first_subject(tok)):
                    self._pronouns.setdefault(self.sent_index(tok.i), set()).add(PERSON_PRONOUNS[tok.lower_])
        return self._pronouns

    def _first_subject(self, tok: Token) -> bool:
        """'At 29, she still lives at home, walls plastered with posters': the first subject of the sentence,
        before its main verb, whatever clause the parser made the main one."""
        start = self.sents.bounds(tok.i)[0]
        root = tok.sent.root
        return tok.i < root.i and not any(t.dep_ in SUBJECT_DEPS for t in self.doc[start:tok.i])

    def _pronoun_leads(self, sent: int, gender: str, before: int) -> bool:
        """A 'he'/'she' of this gender is a subject in the sentence, outside quotations, before ``before``."""
        start = self.sents.starts[sent]
        return any(t.lower_ in ("he", "she") and PERSON_PRONOUNS[t.lower_] == gender and t.dep_ in SUBJECT_DEPS
                   and self.in_quote[t.i] < 0 for t in self.doc[start:before])

    def note_unnamed(self, head: Token, text: str, role: str | None = None) -> None:
        """An unnamed person who speaks ('a senior official said') is someone a later 'he' or 'she' may mean,
        or a later 'the major' when the role is theirs ('His commander, a major who …')."""
        if self.in_quote[head.i] >= 0 or self.mentions_between(head.i, head.i + 1):
            return
        person = Person(key=f"~{head.i}", gender=GENDERED_NOUNS.get(head.lower_, ""))
        person.forms[text] += 1
        person.roles.extend(r for r in (head.lower_, role) if r)
        self.note_speaker(head.i, person)

    def _main_subject(self, token_i: int) -> bool:
        tok = self.doc[token_i]
        while tok.dep_ in ("compound", "appos", "conj") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "ROOT"

    def mentions_between(self, start: int, end: int) -> list[PersonMention]:
        """The person mentions whose head lies in tokens [start, end), in text order."""
        return self.mentions[bisect_left(self._tokens, start):bisect_left(self._tokens, end)]

    def _window_ok(self, from_token: int, to_token: int) -> bool:
        a = self.doc[from_token].idx
        b = self.doc[to_token].idx
        return self.layout.prose_distance(a, b) <= MAX_PARAGRAPHS_BACK

    def resolve_pronoun(self, tok: Token) -> Person | None:
        gender = _pronoun_gender(tok)
        if tok.lower_ not in ONE_PERSON_PRONOUNS:
            return None
        here = self.sent_index(tok.i)
        idx = bisect_left(self._tokens, tok.i) - 1
        best: dict[int, list[PersonMention]] = {}
        others = self._objects_of(tok.head) if tok.dep_ in SUBJECT_DEPS else set()
        while idx >= 0:
            m = self.mentions[idx]
            idx -= 1
            if here - m.sent > MAX_SENTENCES_BACK or not self._window_ok(m.token, tok.i):
                break
            if m.person.gender and gender and m.person.gender != gender or m.person.key in others:
                continue
            best.setdefault(m.sent, []).append(m)
        for sent in sorted(best, reverse=True):
            cands = sorted(best[sent], key=lambda m: m.token)
            subjects = [m for m in cands if m.subject]
            if sent == here:
                return (subjects[-1] if subjects else cands[0]).person
            # "Cruz electrified the crowds, Stovall said. “He was articulate,” he said": the subject of the
            # sentence's main verb, not the subject of what was said in it
            if not subjects and gender in self._pronoun_subjects().get(sent, ()):
                continue  # "He had protested Trump at a rally.": the sentence is about the 'he' before, not Trump
            main = [m for m in subjects if self._main_subject(m.token)]
            if not main and subjects and self._pronoun_leads(sent, gender, subjects[0].token):
                continue  # "…, and she doesn't think Clinton can win.": about the 'she' before, not Clinton
            return (main[0] if main else subjects[0] if subjects else cands[0]).person
        for _pos, person in reversed(self.last_speakers):
            if not (person.gender and gender and person.gender != gender):
                return person
        return None

    def _objects_of(self, verb: Token) -> set[str]:
        """The people a verb's object names ('he told Baker', 'she thanked Ruiz', 'he said to Lee'): never
        the verb's own 'he' or 'she'."""
        heads = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "dative")]
        heads += [o for c in verb.children if c.i > verb.i and c.dep_ == "prep" and c.lower_ in ("to", "with")
                  for o in c.children if o.dep_ == "pobj"]
        return {m.person.key for h in heads for m in self.mentions_between(h.i, h.i + 1)}

    def named_after(self, tok: Token) -> Person | None:
        """'“We tried,” she said. Ana Ruiz has run the shelter since 2009.': a story may open on a pronoun
        and name its person just after. When no one is named before the pronoun, the first person named in
        the next two sentences, of its gender."""
        if self.mentions_between(0, tok.i) or self.last_speakers:
            return None
        gender = _pronoun_gender(tok)
        here = self.sent_index(tok.i)
        for m in self.mentions_between(tok.i + 1, len(self.doc)):
            if m.sent - here > 2:
                break
            if m.subject and m.person.gender in (gender, "") and self.in_quote[m.token] < 0:
                return m.person
        return None

    def _mentions_back(self, token_i: int) -> Iterator[PersonMention]:
        """The person mentions before a token, latest first, as far back as a role or an age may reach."""
        here = self.sent_index(token_i)
        for idx in range(bisect_left(self._tokens, token_i) - 1, -1, -1):
            m = self.mentions[idx]
            if here - m.sent > MAX_NOMINAL_SENTENCES_BACK:
                return
            yield m

    def resolve_age(self, head: Token) -> Person | None:
        """'the 43-year-old' -> the latest person the story gave that age ('Ana Ruiz, 43,'); with no age given,
        the subject of the sentence before ('City captain Kyle Walker apologised … The 34-year-old said'),
        unless the story gave them another."""
        age = age_named(head)
        if age is None:
            return None
        here = self.sent_index(head.i)
        for m in self._mentions_back(head.i):
            if age_given(self.doc[m.token]) == age:
                return m.person
        before = self._subject_before(here)
        return before.person if before is not None and age_given(self.doc[before.token]) is None else None

    def _subject_before(self, here: int) -> PersonMention | None:
        """The first person who is a subject in the sentence of prose before sentence ``here`` (the sentences
        of a quotation between are the speaker's words)."""
        starts = self.sents.starts
        before = here - 1
        while before >= 0 and self.in_quote[min(starts[before] + 1, starts[before + 1] - 1)] >= 0:
            before -= 1  # (a sentence's first token may be the quotation's opening mark)
        if before < 0:
            return None
        return next((m for m in self.mentions_between(starts[before], starts[before + 1])
                     if m.subject and m.sent == before), None)

    def _role_named_first(self, head: Token, before: PersonMention) -> bool:
        """'the striker' is the story's first word of the role, a plain noun, and no one has the role, nor
        has ``before`` any other."""
        word = head.lower_
        # a plain noun, or a title in capitals ("the Prime Minister"), not a name ("the Associated Press")
        titled = head.ent_type_ == "" and all(c.lower_ in TITLE_WORDS for c in head.lefts if c.dep_ in ("compound", "amod"))
        if before.person.roles or before.person.key.startswith("~") or word not in TITLE_WORDS \
                or not (head.pos_ == "NOUN" and head.text.islower() or head.pos_ in ("NOUN", "PROPN") and titled) \
                or described_here(head):
            return False
        if self._first_word_at is None:
            self._first_word_at = {}
            for t in self.doc:
                self._first_word_at.setdefault(t.lower_, t.i)
        return self._first_word_at[word] == head.i and not any(has_role(m.person, word) for m in self.mentions)

    def resolve_nominal(self, head: Token) -> Person | None:
        """'the president' -> the latest person whose role says president."""
        det = [c for c in head.lefts if c.dep_ in ("det", "poss")]
        place = bool(det) and det[0].dep_ == "poss" and det[0].ent_type_ in ("GPE", "NORP")
        if not det or det[0].lower_ not in ("the", "this", "that") and not place:
            return None
        word = head.lower_
        if word in ORGANISATION_WORDS or word in DOCUMENT_NOUNS:
            # "the campaign said": the organisation speaks, not the person whose title names it; "the book"
            # is not its author ("the author of the book, Mitchell Ferrand")
            return None
        marks, kinds = role_words(head)
        here = self.sent_index(head.i)
        if not place:  # (not "Germany’s president" for the last president named)
            for m in self._mentions_back(head.i):
                if has_role(m.person, word, marks, kinds):
                    return m.person
            before = self._subject_before(here)
            if before is not None and not marks and self._role_named_first(head, before):
                # "Dessers … dedicated the goal to his grandfather. “…,” the striker said": the one the sentence
                # before was about, when the story names the role for the first time and gave them none
                return before.person
        if here < LEDE_SENTENCES and word in TITLE_WORDS:
            # "Kenya’s president on Monday defended the levy … President William Ruto told supporters …": a
            # wire lede gives the role first and the name in the next sentences
            for m in self.mentions[bisect_left(self._tokens, head.i + 1):]:
                if m.sent - here > LEDE_SENTENCES:
                    break
                if has_role(m.person, word, marks, kinds):
                    return m.person
        return None

    def person_for_name(self, name: str, role: str | None, affiliation: str | None,
                        honorific: str | None = None) -> Person | None:
        return self.people.add(name, role=role, honorific=honorific, affiliation=affiliation)
