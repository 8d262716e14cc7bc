"""Who said it: from the subject of a cue to a speaker — a person's canonical name, a group, an
organisation or an anonymous source — through names, pronouns, nominals and datelines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from reader.model import SpeakerKind
from reader.nlp.coref import ONE_PERSON_PRONOUNS, Coreference
from reader.nlp.lexicon import (
    DEMONYMS,
    DOCUMENT_NOUNS,
    GROUP_ENTS,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    TITLE_WORDS,
)
from reader.nlp.mentions import mention_for, name_end, name_tokens
from reader.nlp.sentences import Sentences
from reader.nlp.speakers import Person, is_first_name
from reader.nlp.speech import _CLOSE_OR_COMMA, QuoteList, Said
from reader.nlp.subjects import issuer_of, looks_like_person, subject_of


class SpeakerResolver:
    """From the subject of a cue to the speaker it names. Records what it resolves in the article's
    coreference (so later pronouns can reach it) and reads the quotes found so far (a 'they' may be
    the group quoted just before)."""

    def __init__(self, doc: Doc, sents: Sentences, coref: Coreference, in_quote: list[int],
                 quotes: QuoteList) -> None:
        self.doc = doc
        self.sents = sents
        self.coref = coref
        self.in_quote = in_quote
        self.quotes = quotes
        self._person_ents: set[str] | None = None

    def resolve(self, subject: Token | None) -> Said:
        if subject is None:
            return Said()
        subject = _role_holder_named(subject) or subject
        owner = _name_beside(subject)
        if owner is not None and subject.pos_ == "NOUN" and any(c.dep_ == "relcl" for c in subject.children) \
                and (owner.ent_type_ == "PERSON" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in owner.lefts)):
            subject = owner  # "Ines Vidal, the analyst who …, tweeted": the parse made the role the subject
        owner = _voice_owner(subject)
        if owner is not None and owner.pos_ == "PRON":
            said = self._resolve(owner)  # "His reply was: “…”": his, if we know who he is; else the reply's
            return said if said.speaker is not None else self._resolve(subject)
        if owner is not None:
            subject = owner  # "Clinton's response was: “…”", "From Bush's Facebook post: “…”": their words
        if subject.lower_ in ("who", "which", "that") and subject.head.dep_ == "relcl" \
                and subject.head.head.pos_ in ("PROPN", "NOUN"):
            # "Mr. Kamin, who emphasized that …": the antecedent speaks, and the mention runs to the pronoun
            relative = subject
            antecedent = subject.head.head
            issuer = issuer_of(antecedent)
            if issuer is not None:  # "Trump released a video that said, “…”": his words, in his video
                return self._resolve(issuer)
            said = self._resolve(_name_beside(antecedent) or antecedent)  # "Nate Silver, the polling guru who …"
            m = said.mention
            if m is not None and m.start <= relative.i and relative.i - m.end < 25:
                said.mention = replace(m, end=relative.i + 1)
            return said
        return self._resolve(subject)

    def _resolve(self, subject: Token) -> Said:
        said = Said()
        subject = self._past_dateline(subject)
        mention = mention_for(subject, self.sents.text(subject.i))
        said.mention = mention
        coref = self.coref
        if mention.kind == "pronoun":
            low = subject.lower_
            group = self._group_subject(subject, plural=low == "they") if low in ("they", "it") else None
            if group is not None:
                said = self.resolve(group)
                said.mention, said.via = mention, "group-pronoun"
                return said
            said.via = "pronoun-unresolved"
            if low in ("i", "we") and self.in_quote[subject.i] < 0 and not self._inside_typewriter_marks(subject):
                # "I pledged to create 700,000 jobs" in the article's own voice: its writer
                said.speaker = "the author" if low == "i" else "the authors"
                said.speaker_kind = SpeakerKind.PERSON if low == "i" else SpeakerKind.GROUP
                said.via = "author"
                return said
            if low in ONE_PERSON_PRONOUNS:  # also "In her words, …", "His reply was: “…”"
                person, via = coref.resolve_pronoun(subject), "pronoun"
                if person is None:
                    person, via = coref.named_after(subject), "pronoun-ahead"
                if person is not None:
                    said.speak_as(person)
                    said.via = via
                    coref.note_speaker(subject.i, person)
            elif low in ("it", "they", "we"):
                earlier = self.quotes.last_group(subject.i)
                if earlier is not None:
                    said.speaker, said.speaker_kind = earlier.speaker, earlier.speaker_kind
                    said.via = "group-pronoun"
            return said
        native = self._demonym_person(subject)
        if native is not None:  # "“It's not over,” the Spaniard told reporters"
            said.speak_as(native)
            said.via = "nominal-person"
            coref.note_speaker(subject.i, native)
            return said
        is_person = mention.ent in ("PERSON", "") or coref.people.lookup(mention.text) is not None \
            or looks_like_person(mention.text) or mention.ent == "ORG" and _given_name(mention.text)
        if mention.kind == "name" and is_person and mention.plural:
            # "Mr. Grassley and Mr. Leahy said": the named people together
            names = self._coordinated_names(subject)
            if len(names) > 1:
                said.speaker, said.speaker_kind, said.via = " and ".join(names), SpeakerKind.GROUP, "names"
                return said
        if mention.kind == "name" and is_person and not mention.plural:
            honorific = self.doc[mention.start - 1].lower_ if mention.start > 0 else None
            person = coref.person_for_name(mention.text, mention.role, mention.affiliation, honorific)
            if person is not None:
                said.speak_as(person, mention.role)
                said.via = "name"
                coref.note_speaker(mention.head, person)
                return said
        known = coref.people.lookup(subject.text) if mention.kind == "nominal" and subject.text[:1].isupper() \
            and mention.end - mention.start == 1 else None
        if known is not None:  # "Trump blamed …": the tagger read a surname as the common noun
            said.speak_as(known)
            said.mention = replace(mention, kind="name", ent="PERSON")
            said.via = "name"
            coref.note_speaker(subject.i, known)
            return said
        if mention.kind == "nominal":
            lead = self._name_before(mention.start, subject.i)
            if lead is not None and name_end(lead) != subject.i:
                return self.resolve(self.doc[name_end(lead)])
            named_body = self._body_named_before(subject) or self._voice_named_before(subject)
            if named_body is not None:  # "Tech giant Halcyon will pay …, the company announced": Halcyon
                said = self._resolve(named_body)
                said.mention, said.via = mention, "nominal-body"
                return said
            person = coref.resolve_nominal(subject) or coref.resolve_age(subject)
            if person is not None:
                said.speak_as(person)
                said.via = "nominal-person"
                coref.note_speaker(subject.i, person)
                return said
            said.speaker_kind = SpeakerKind.ANONYMOUS if mention.anonymous else SpeakerKind.GROUP
            said.via = "anonymous" if mention.anonymous else "nominal"
            first = self.doc[mention.start]
            if not mention.plural and subject.lower_ in PERSON_NOUNS \
                    and (first.lower_ in ("a", "an", "one", "another")
                         or first.lower_ == "the" and not coref.mentions_between(0, subject.i)
                         or first.dep_ == "poss" and first.pos_ == "PRON" and mention.role):
                # "One California delegate said … “Not even one,” he said": the unnamed person goes on; so does
                # "the minister" in a story that names no one before (else it is likely someone named), and
                # "His commander, a major who asked not to be named, said … the major said"
                coref.note_unnamed(subject, _clean_name(mention.text), mention.role)
        elif mention.ent in GROUP_ENTS or mention.plural:
            said.speaker_kind = SpeakerKind.GROUP
            said.via = "group"
        else:
            said.via = "name-other"
        said.speaker = _clean_name(mention.text)
        said.role = said.role or mention.role
        return said

    def _inside_typewriter_marks(self, tok: Token) -> bool:
        """An 'I' after an odd number of '' in its paragraph: a quotation set in typewriter marks (the
        convention of some news archives), the speaker's own words, not the writer's."""
        layout = self.coref.layout
        para = layout.paragraphs[layout.index(tok.idx)] if layout.paragraphs else None
        start = para.start if para is not None else 0
        return layout.text[start:tok.idx].count("''") % 2 == 1

    def _past_dateline(self, subject: Token) -> Token:
        """'WASHINGTON -- President Obama, dedicating the museum, said …': the parser may make the
        dateline the subject; the speaker is the name after the dash."""
        doc = self.doc
        s, e = name_tokens(subject)
        if not (doc[s:e].text.isupper() and len(doc[s:e].text) > 2 and e < len(doc)
                and doc[e].text in ("--", "\u2014", "\u2013", "-", "(")):
            return subject
        end = self.sents.bounds(subject.i)[1]
        for tok in doc[e + 1:min(end, e + 12)]:
            if tok.lower_.rstrip(".") in TITLE_WORDS:
                continue
            if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and not tok.text.isupper()):
                last = name_end(tok) if tok.ent_type_ else tok.i
                while last + 1 < end and doc[last + 1].pos_ == "PROPN" and doc[last + 1].dep_ != "appos":
                    last += 1
                return doc[last]
        return subject

    def _name_before(self, start: int, head: int) -> Token | None:
        """'Federico Borsari of the X think tank said': the parser made 'tank' the subject."""
        doc = self.doc
        i = start
        while i <= min(head, start + 1):  # a name opening the phrase, not one modifying its head
            if doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B":
                end = name_end(doc[i])
                last = end
                while last > i and (doc[last].tag_ == "POS" or doc[last].dep_ == "case"):
                    last -= 1  # the entity may take in the possessive 's
                modifier = doc[last].dep_ in ("poss", "compound", "nmod") and doc[last].head.i == head
                if not modifier and not (end + 1 < len(doc) and doc[end + 1].tag_ == "POS"):
                    return doc[i]  # not "the Obama administration", "Clinton's campaign"
            i += 1
        # "<name> of|at|from <the phrase>": a name in the same sentence, joined by a preposition
        first = self.sents.bounds(start)[0]
        i = start - 1
        linked = False
        while i >= first and start - i < 12 and self.in_quote[i] < 0 and doc[i].text not in _CLOSE_OR_COMMA:
            if doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B":
                return doc[i] if linked else None
            linked = linked or doc[i].lower_ in ("of", "at", "from", "with")
            i -= 1
        return None

    def _coordinated_names(self, subject: Token) -> list[str]:
        """Canonical names of 'A and B (and C)' when every one of them is a person's name."""
        names = []
        for tok in [subject, *[t for t in subject.subtree if t.dep_ == "conj" and t.i > subject.i]]:
            if tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", ""):
                return []
            s, e = name_tokens(tok)
            person = self.coref.person_for_name(self.doc[s:e].text, None, None)
            if person is None:
                return []
            names.append(person.name)
        return list(dict.fromkeys(names))

    def _body_named_before(self, tok: Token) -> Token | None:
        """'the company', 'the ministry': the organisation last named as a subject, in this sentence or the
        two before."""
        if tok.lower_ not in _BODIES or tok.tag_ != "NN" or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        doc = self.doc
        return self._latest_subject(tok, lambda t: t.pos_ == "PROPN" and _may_be_called(t, tok.lower_) and (
            t.ent_type_ == "ORG" and not self._a_person_s_name(doc[slice(*name_tokens(t))].text)
            or _corporate(t)))  # ("Nimbus Labs", which the model may take for a person)

    def _demonym_person(self, subject: Token) -> Person | None:
        """'the Spaniard', 'the Frenchman': a nationality standing for a person is the one person the story
        names in its sentence and the two before."""
        low = subject.lower_
        if not subject.text[:1].isupper() or subject.tag_ not in ("NNP", "NN", "JJ") \
                or low not in DEMONYMS and not (low.endswith(("man", "woman")) and len(low) > 7) \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return None
        # only where the story has named one person lately: a nationality cannot tell two apart
        start = self.sents.bounds(subject.i)[0]
        for _ in range(2):
            start = self.sents.bounds(start - 1)[0] if start > 0 else 0
        people = {m.person.key: m.person for m in self.coref.mentions_between(start, subject.i)}
        return next(iter(people.values())) if len(people) == 1 else None

    def _voice_named_before(self, subject: Token) -> Token | None:
        """'Frank Moyo said in a statement that … “…,” the statement said': the one who spoke in it, in the
        words just before (a quotation between them counts for little)."""
        if subject.lower_ not in _VOICES or not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this")
                                                    for c in subject.children):
            return None
        outside = [t for t in self.doc[max(0, subject.i - 300):subject.i] if self.in_quote[t.i] < 0][-60:]
        for tok in reversed(outside):
            if tok.lemma_ == subject.lemma_ and tok.dep_ == "pobj" and tok.head.lower_ == "in":
                speaker = subject_of(tok.head.head) if tok.head.head.pos_ == "VERB" else None
                if speaker is not None and speaker.pos_ in ("PROPN", "NOUN") and self.in_quote[speaker.i] < 0:
                    return speaker
        return None

    def _a_person_s_name(self, text: str) -> bool:
        """'Donald Trump', which the model tags as an organisation here and as a person elsewhere."""
        if self._person_ents is None:
            self._person_ents = {e.text for e in self.doc.ents if e.label_ == "PERSON"}
        return text in self._person_ents

    def _group_subject(self, tok: Token, plural: bool) -> Token | None:
        """'McConnell aides acknowledged … But they emphasized': the latest group subject before."""
        return self._latest_subject(tok, lambda t: t.pos_ in ("NOUN", "PROPN") and (
            (t.tag_ in ("NNS", "NNPS") or t.ent_type_ == "NORP") if plural
            else t.ent_type_ == "ORG" or t.lower_ in DOCUMENT_NOUNS or t.tag_ == "NN" and t.lower_ in ORGANISATION_WORDS))

    def _latest_subject(self, tok: Token, accept: Callable[[Token], bool]) -> Token | None:
        """The last subject outside quotation marks that ``accept`` takes, before ``tok`` in its sentence or
        in the two before."""
        doc = self.doc
        start, end = self.sents.bounds(tok.i)
        for _ in range(3):
            found = [t for t in doc[start:min(end, tok.i)] if self.in_quote[t.i] < 0 and accept(t) and (
                t.dep_ in ("nsubj", "nsubjpass")
                or t.dep_ == "appos" and t.head.dep_ == "nsubj" and t.head.text.isupper())]  # after a dateline
            if found:
                return found[-1]
            if start == 0:
                return None
            start, end = self.sents.bounds(start - 1)
        return None

    def settle_names(self) -> None:
        """A person's name is settled only once the whole article is read: 'Ruiz' in the headline is
        the 'Elena Ruiz' of the third paragraph. Every quote gets its speaker's fullest name."""
        people = self.coref.people
        for att in self.quotes:
            if att.speaker and att.speaker_kind == SpeakerKind.PERSON:
                person = people.lookup(att.speaker)
                if person is not None:
                    att.speaker = person.name
                    att.role = att.role or person.role


def _may_be_called(name: Token, word: str) -> bool:
    """Whether the organisation ``name`` heads may be called 'the <word>': its name has the word ('the Labor
    Department' is 'the department'), or it is a business, whose name has no such word ('Halcyon' is 'the
    company')."""
    s, e = name_tokens(name)
    words = {t.lower_ for t in name.doc[s:e]}
    if word in words:
        return True
    return word in _BUSINESSES and (bool(words & _CORPORATE) or not words & (ORGANISATION_WORDS | {"state", "states"}))


def _corporate(name: Token) -> bool:
    """'Nimbus Labs', 'Acme Holdings Inc': a name a business's word ends."""
    s, e = name_tokens(name)
    return e - s >= 2 and name.doc[e - 1].lower_.rstrip(".") in _CORPORATE


# the words that end a business's name
_CORPORATE = {"inc", "corp", "co", "ltd", "llc", "plc", "labs", "technologies", "systems", "holdings", "corporation",
              "industries", "motors", "airlines", "airways", "pharmaceuticals", "group", "company", "ag", "sa", "gmbh"}


# what an organisation is called once it has been named: "the company", "the ministry"
_BUSINESSES = {"company", "firm", "carrier", "airline", "retailer", "automaker", "carmaker", "insurer", "lender",
               "broadcaster", "manufacturer", "startup", "conglomerate", "chain", "publisher", "developer", "streamer",
               "chipmaker", "drugmaker", "miner", "utility", "platform"}
_BODIES = _BUSINESSES | {"bank", "group", "agency", "ministry", "department", "network", "charity", "union", "club",
                         "regulator", "watchdog", "organisation", "organization", "foundation", "institute"}

# what someone says something in: its owner says it
_VOICES = {"statement", "response", "reply", "answer", "post", "tweet", "message", "letter", "email", "remarks",
           "comment", "comments", "speech", "op-ed", "column", "essay", "memo", "retort", "words", "posting"}


def _voice_owner(subject: Token) -> Token | None:
    if subject.lower_ not in _VOICES or subject.pos_ != "NOUN":
        return None
    for child in subject.children:
        if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME") \
                and (child.pos_ == "PROPN" or child.lower_ in ("his", "her")
                     or child.pos_ == "NOUN" and any(c.dep_ == "det" for c in child.children)):
            return child
    return None


def _name_beside(role: Token) -> Token | None:
    """The name a role noun stands in apposition to ('Nate Silver, the polling guru'), if it does."""
    if role.dep_ == "appos" and role.head.pos_ == "PROPN" and role.head.i < role.i:
        return role.head
    return None


def _role_holder_named(subject: Token) -> Token | None:
    """'The Bureau of Meteorology's senior forecaster, Dean Narramore, said': the parser made the body the
    subject and the name its appositive; the person named after a role in between speaks. Likewise the
    name after 'a spokesman for Mayor Ana Ruiz'."""
    if subject.pos_ == "NOUN" and subject.lower_ in _ROLE_NOUNS:
        # "A spokesman for Mayor Ana Ruiz, Tom Lee, said": the parser made him the mayor's appositive
        owners = [o for p in subject.children if p.dep_ == "prep" and p.lower_ in ("for", "of", "to")
                  for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        named = [c for o in owners for c in o.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        after = named[0].right_edge.i + 1 if len(named) == 1 else len(subject.doc)
        return named[0] if after < len(subject.doc) and subject.doc[after].text == "," else None
    if subject.pos_ != "PROPN" or subject.ent_type_ == "PERSON":
        return None
    name = next((c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > subject.i), None)
    if name is None:
        return None
    between = subject.doc[subject.i + 1:name.left_edge.i]
    owned = any(t.tag_ == "POS" for t in between)  # "… Meteorology's senior forecaster": whatever the role is called
    return name if any(t.pos_ == "NOUN" and (owned or t.lower_ in _ROLE_NOUNS) for t in between) else None


_ROLE_NOUNS = TITLE_WORDS | PERSON_NOUNS


def _clean_name(text: str) -> str:
    text = " ".join(text.split())
    return text.strip(" ,.;:\u2014\u2013-")


def _given_name(text: str) -> bool:
    """'“…,” Elena said', which the model may tag as an organisation: a lone given name is a person."""
    return " " not in text and is_first_name(text)
