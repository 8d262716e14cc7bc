"""Who speaks by a speech verb: its subject, however the parse hid it ("Beck joked", "it was reported by X",
"a sign saying …", "Rubio's campaign sent out a release saying …", "X said A, arguing B", an aside between
dashes), and a person's name that the entity recogniser took for an organisation."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from reader.nlp.lexicon import DOCUMENT_NOUNS, INSCRIPTIONS, ORGANISATION_WORDS, PERSON_NOUNS
from reader.nlp.speech import _CLOSE_MARKS, _OPEN_MARKS


def looks_like_person(name: str) -> bool:
    """A two- to four-word capitalised name without institutional words: the NER's ORG is likely wrong."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(
        w.lower().strip(".,") in ORGANISATION_WORDS for w in words) and words[0].lower() != "the"


def _object_of(verb: Token, is_prep: Callable[[Token], bool]) -> Token | None:
    """The object of the first preposition under verb that is_prep accepts."""
    for prep in verb.children:
        if is_prep(prep):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


# "emailed supporters saying: “…”": the one who emails says it, not the supporters ("met voters saying
# they were tired": the voters do)
_SPEAKING = {"say", "state", "write", "add", "tell", "note", "declare", "announce", "argue", "warn", "insist"}


def _leads_in(verb: Token) -> bool:
    """'saying: “…”', 'stating, “…”': a speaking participle that leads into a quotation."""
    nxt = verb.i + 1
    return verb.lemma_ in _SPEAKING and nxt < len(verb.doc) and verb.doc[nxt].text in (":", ",", "\u201c", '"')


def _participle_aside(verb: Token) -> bool:
    """'…, adding, “…”': a participle set off by a comma after its clause."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i and after_comma(verb.doc, verb.i)


def after_comma(doc: Doc, i: int) -> bool:
    """Whether token i follows a comma: '…, adding' or '“…,” adding'."""
    if i < 1:
        return False
    if doc[i - 1].text == ",":
        return True
    return i >= 2 and doc[i - 1].text in ("\u201d", '"') and doc[i - 2].text == ","


def _object_right_before(verb: Token) -> Token | None:
    """The name or noun a participle follows without a comma, when it is the object of the clause the
    participle hangs on ('footage of Clinton asking', 'showed protesters chanting')."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("xcomp", "advcl") or verb.i < 1 or _leads_in(verb):
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ not in ("PROPN", "NOUN") or before.dep_ not in ("dobj", "pobj") or before.i < verb.head.i \
            or before.lemma_.lower() in _SPANS_OF_TIME:
        return None  # (not "spent years warning that …": she warned)
    return before if before.pos_ == "PROPN" or before.tag_ == "NNS" else None


_SPANS_OF_TIME = {"year", "month", "week", "day", "hour", "minute", "decade", "time", "night", "morning",
                  "afternoon", "evening", "weekend", "summer", "winter", "spring", "autumn", "fall", "season"}


def _nearest_clause_subject(head: Token, verb: Token) -> Token | None:
    """The active subject of the clause under ``head`` closest before ``verb``."""
    for clause in sorted((c for c in head.children if c.i < verb.i and c.pos_ in ("VERB", "AUX")),
                         key=lambda c: -c.i):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


def _by_a_mark(doc: Doc, subject: Token) -> bool:
    """'star of “Scandal,” thanked', 'the victims “do need …”': a word at a quotation mark is no subject."""
    return any(t.text in _OPEN_MARKS or t.text in _CLOSE_MARKS
               for t in doc[max(0, subject.left_edge.i - 1):subject.right_edge.i + 2])


_AS_SAYING = {"say", "tell", "write", "state", "add"}


def quoted_as(verb: Token) -> Token | None:
    """'The agency quoted Petrov as saying …', 'Putin was quoted (cited) by RIA as saying …': the one quoted
    speaks, not the outlet that quotes them."""
    quote = verb
    if verb.lemma_ in _AS_SAYING and verb.head.lower_ == "as":
        quote = verb.head.head
    if quote.lemma_ not in ("quote", "cite") or not any(
            c.lower_ == "as" and c.dep_ == "prep" and any(v.lemma_ in _AS_SAYING for v in c.children) for c in quote.children):
        return None  # "The report cited rising costs as the main reason" quotes no one
    return next((c for c in quote.children if c.dep_ in ("dobj", "nsubjpass")), None)


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    quoted = quoted_as(verb)
    if quoted is not None:
        return quoted
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1:
        # "PHILADELPHIA — Clinton's campaign said" / "In his speech — his first — Trump cast": the subject
        # nearest before the verb is the real one
        doc = verb.doc
        later = [c for c in subjects[1:] if c.i < verb.i and not _by_a_mark(doc, c)]
        subjects = later[-1:] or subjects[:1]
    for child in verb.children:
        if child in subjects:
            if child.pos_ == "ADP":  # "Of Carson, Levine said": the parser made the preposition the subject
                named = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                if named:
                    return named[-1]
            return _past_an_opening_phrase(child, verb)
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i == verb.i - 1 and verb.pos_ == "VERB":
            return child  # "Beck joked": a name the parser hung on the verb as a compound
        if child.dep_ == "aux" and child.i == verb.i - 1 and child.text[:1].isupper() and verb.tag_ == "VBD" \
                and not subjects and child.lower_ in ("will", "may"):
            return child  # "Will said …", "May told …": no modal comes before a past tense; it is a name
    if not subjects:
        lost = _name_after_an_opening_phrase(verb)
        if lost is not None:
            return lost  # "In an interview with Der Spiegel, Scholz said"
    if any(child.dep_ == "nsubjpass" for child in verb.children) \
            or verb.tag_ == "VBN" and any(child.dep_ == "agent" for child in verb.children):
        return _object_of(verb, lambda t: t.dep_ == "agent")  # "it was reported by X", "As reported by X, …"
    if verb.lower_ == "according":
        source = _object_of(verb, lambda t: t.lower_ == "to")  # "according to X"
        return _author_of(source) or source if source is not None else None
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
        owner = verb.head
        if owner.lemma_.lower() in INSCRIPTIONS and owner.tag_ == "NN":
            return owner  # "held up a sign saying “…”": the sign says it
        issuer = issuer_of(owner, depth) if depth < 3 else None
        if issuer is not None:
            return issuer  # "Rubio’s campaign sent out a press release saying …": the campaign says it
        set_off = verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ","
        if depth < 3 and verb.tag_ == "VBG" and (set_off or _leads_in(verb) and owner.pos_ == "NOUN") \
                and owner.dep_ in ("dobj", "pobj", "attr", "dative") and owner.head.pos_ in ("VERB", "ADP"):
            # "Mr. Trump made a third attempt to deflect it, writing on Twitter …": the clause's subject writes;
            # "… ready to riff on the incident in Iowa, telling the crowd": past the nouns to the verb
            clause = owner.head
            for _ in range(4):
                if clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
                    break
                clause = clause.head
            found = subject_of(clause, depth + 1) if clause.pos_ in ("VERB", "AUX") else None
            if found is not None:
                return found
        return owner  # "footage of Hillary Clinton asking, “…”"
    told = told_clause(verb)
    if depth < 3 and told is not None and told.head.i < verb.i:
        return subject_of(told.head, depth + 1)  # "… ruled it out, telling reporters the plan was …": he tells
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
        return subject_of(verb.head.head, depth + 1)  # "she sings before asking her, “…”"
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_ in _WITNESSED \
            and not after_comma(verb.doc, verb.i):
        # "the cleric is shown lecturing: “…”", "Lee was caught on tape saying": the one shown speaks
        shown = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if shown is not None:
            return shown
    doer = _object_right_before(verb)
    if doer is not None:
        return doer  # "The ad uses footage of Hillary Clinton asking, “…”": Clinton asks, not the ad
    forced = _controlled_by_object(verb)
    if forced is not None:
        return forced  # "The senator forced Stumpf to admit that …": Stumpf admits
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _RAISING and verb.head.tag_ == "VBN":
        raised = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if raised is not None and raised.lower_ not in ("it", "there"):
            return raised  # "The opposition leader is reported to have said …": the leader said it
    lost = lost_behind_appositive(verb)
    if lost is not None:
        return lost
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl", "dep") and verb.head.i != verb.i:
        return _subject_through_head(verb, depth)
    return _shared_subject(verb)


def lost_behind_appositive(verb: Token) -> Token | None:
    """'INEC has fixed the date, its chairman, Prof. Mahmood Yakubu, announced': a speaker and their name,
    set off by commas after the report, that the parser hung on the report's last noun."""
    if verb.dep_ not in ("advcl", "conj") or verb.tag_ != "VBD" or verb.head.i > verb.i \
            or any(c.dep_ in ("nsubj", "nsubjpass", "cc", "mark") for c in verb.children):
        return None
    lost = subject_before_aside(verb)
    if lost is None or lost.i < verb.head.i or lost.head.i > lost.i or lost.left_edge.i < 1 \
            or verb.doc[lost.left_edge.i - 1].text != "," or not (lost.pos_ == "PROPN" or lost.lower_ in PERSON_NOUNS):
        return None
    return lost


def _author_of(document: Token) -> Token | None:
    """'according to a speech Mrs. Clinton delivered at NYU': the person a document's own clause says made it."""
    if document.lemma_.lower() not in _AUTHORED:
        return None
    for clause in document.children:
        if clause.dep_ == "relcl" and clause.lemma_ in _AUTHORING:
            author = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
            if author is not None and (author.ent_type_ == "PERSON" or author.lower_ in ("he", "she")
                                       or author.pos_ == "PROPN" and author.ent_type_ in ("", "NORP")
                                       or author.lemma_.lower() in PERSON_NOUNS):
                return author
    return None


# what someone makes in their own words, and how they make it: "a speech she gave", "a letter he wrote"
_AUTHORED = {"speech", "statement", "letter", "interview", "memo", "email", "post", "tweet", "op-ed", "column",
             "essay", "book", "memoir", "testimony", "remarks", "address", "article"}
_AUTHORING = {"deliver", "give", "write", "make", "release", "publish", "send", "post", "pen", "author", "grant"}


def told_clause(verb: Token) -> Token | None:
    """'…, telling reporters the policy was “not on the agenda”': a participle set off by a comma that the
    parser made the subject of the clause it reports. That clause, whose own subject follows the participle."""
    head = verb.head
    if verb.dep_ != "csubj" or verb.tag_ != "VBG" or head.i < verb.i or not after_comma(verb.doc, verb.i):
        return None
    if not any(c.dep_ == "nsubj" and c.i > verb.right_edge.i for c in head.children):
        return None
    return head


# verbs by which someone puts out a document in their name: "released a memo saying …"
_ISSUING = {"release", "send", "issue", "publish", "post", "circulate", "distribute", "put", "unveil", "file",
            "launch", "air", "run", "email", "tweet", "share"}
# verbs whose passive subject does what their infinitive says: "is reported to have said", "is said to have told"
_RAISING = {"report", "say", "believe", "understand", "think", "know", "rumour", "rumor", "allege", "claim"}
# verbs whose passive subject is the one seen doing what the participle says: "is shown lecturing"
_WITNESSED = {"show", "see", "hear", "catch", "film", "record", "photograph", "spot", "overhear", "depict"}
# verbs whose object does what their infinitive says: "forced Stumpf to admit", "pushed doctors to ask"
_OBJECT_CONTROL = {"force", "compel", "push", "press", "pressure", "prompt", "persuade", "convince", "get", "lead",
                   "cause", "require", "order", "allow", "encourage", "urge", "ask", "tell", "invite", "drive"}


def issuer_of(document: Token, depth: int = 0) -> Token | None:
    """Who put out a document in their name: 'Rubio’s campaign' of 'Rubio’s campaign sent out a press release'."""
    if document.lemma_.lower() not in DOCUMENT_NOUNS or document.dep_ != "dobj" or document.head.lemma_ not in _ISSUING:
        return None
    issuer = subject_of(document.head, depth + 1)
    return issuer if issuer is not None and issuer.lower_ not in ("it", "that", "which", "who") else None


def _controlled_by_object(verb: Token) -> Token | None:
    """The object of a verb like 'force' or 'prompt' that its infinitive is the act of, if it is someone."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or head.lemma_ not in _OBJECT_CONTROL:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and head.i < c.i < verb.i), None)
    return obj if obj is not None and _animate(obj) and obj.lower_ != "who" else None


def _past_an_opening_phrase(subject: Token, verb: Token) -> Token:
    """'In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic candidate stated':
    the parser made a name inside the opening phrase the subject, and the real one its appositive."""
    doc = verb.doc
    participle = subject.tag_ == "VBG" or subject.lower_.endswith("ing") and subject.is_sent_start
    if participle and subject.i + 1 < verb.i and doc[subject.i + 1].text == ",":
        # "Reacting, the Peoples Democratic Party urged …": the participle opens the sentence; the noun after it
        # is the subject
        real = next((c for c in subject.children if c.dep_ in ("dep", "appos", "nsubj", "conj") and c.i > subject.i + 1
                     and c.pos_ in ("PROPN", "NOUN") and c.right_edge.i < verb.i), None)
        if real is not None:
            return real
    if subject.tag_ == "NN" and subject.i < verb.i and not any(c.dep_ in ("det", "poss") for c in subject.children):
        # "Outside court, Detective Sergeant Owen Hughes said": a bare noun of the opening phrase, the name its
        # appositive
        for child in subject.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and child.right_edge.i < verb.i \
                    and doc[child.left_edge.i - 1].text == "," and not doc[child.right_edge.i].is_punct:
                return child
    if subject.pos_ != "PROPN" or subject.i > verb.i:
        return subject
    left = subject.left_edge.i
    if left == 0 or doc[left - 1].pos_ != "NOUN" or doc[left - 1].dep_ != "pobj":
        return subject
    for child in subject.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.right_edge.i == verb.i - 1 \
                and doc[child.left_edge.i - 1].text == ",":
            return child
    return subject


def _name_after_an_opening_phrase(verb: Token) -> Token | None:
    """'In an interview with Der Spiegel, Scholz said': the parser made the name right before a verb with no
    subject an appositive of the opening phrase's last noun."""
    if verb.pos_ != "VERB" or verb.i < 3:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ == "PROPN" and before.dep_ in ("appos", "conj") and before.head.i < before.i \
            and verb.doc[before.left_edge.i - 1].text == "," and before.head.head.i != verb.i:
        return before
    return None


_SHARED_GAP = {"punct", "cc", "advmod", "npadvmod", "amod", "det"}


def _shared_subject(verb: Token) -> Token | None:
    """'Kasich offered the man a job, then says …', 'Beck, who …, opposed Trump, last week said …': the
    parser made the first of two verbs a clause the second reports; they share its subject."""
    doc = verb.doc
    ahead = next((c for c in verb.children if c.dep_ == "ccomp" and c.right_edge.i < verb.i), None)
    if ahead is None:
        return None
    subject = next((c for c in ahead.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("who", "they", "i", "we") or not _animate(subject):
        return None
    gap = doc[ahead.right_edge.i + 1:verb.i]
    if not gap or gap[0].text != "," or any(t.dep_ not in _SHARED_GAP for t in gap):
        return None
    return subject


def _animate(subject: Token) -> bool:
    """A subject that can speak: a person's name, a personal pronoun, or a word for people."""
    if subject.lower_ in ("he", "she", "they", "i", "we", "who"):
        return True
    if subject.pos_ == "PROPN":
        return subject.ent_type_ in ("PERSON", "NORP", "")
    lemma = subject.lemma_.lower()
    return subject.pos_ == "NOUN" and (lemma in PERSON_NOUNS or subject.lower_ in PERSON_NOUNS)


def _collective(subject: Token) -> bool:
    """'a group of doctors', 'the campaign': people acting together."""
    return subject.lemma_.lower() in ORGANISATION_WORDS or subject.lower_ in ("crowd", "audience", "people", "family")


def _reporting_verb(clause: Token) -> Token | None:
    """The verb a reported clause is the complement of ('told Newsmax that …', 'said Clinton will have to
    choose …'), if it comes first."""
    while clause.dep_ == "xcomp" and clause.head.i < clause.i:
        clause = clause.head
    head = clause.head
    if clause.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX") and head.i < clause.i:
        return head
    return None


_ASIDE_OPEN = ("-", "\u2014", "\u2013", "(")
_ASIDE_CLOSE = ("-", "\u2014", "\u2013", ")")


def _outside_aside(verb: Token) -> Token:
    """The verb a participle hangs on, or, when that verb is in an aside between dashes or brackets the
    participle comes after ('looping the streets - where the Panthers played - while chanting'), the verb
    outside it."""
    head = verb.head
    if verb.tag_ != "VBG" or head.dep_ not in ("ccomp", "relcl", "advcl", "acl") or head.head.i >= head.i:
        return head
    doc = verb.doc
    if any(t.text in _ASIDE_CLOSE for t in doc[head.i + 1:verb.i]) \
            and any(t.text in _ASIDE_OPEN for t in doc[head.head.i + 1:head.i]):
        return head.head
    return head


def _subject_through_head(verb: Token, depth: int) -> Token | None:
    """The subject of a verb joined to another ('… and joked', '…, adding', 'to deflect it'), found
    through the verb it hangs on."""
    head = _outside_aside(verb)
    passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    reporting = _reporting_verb(head)
    if verb.dep_ == "conj" and reporting is not None and verb.lemma_ in _SPEAKING:
        # "De Blasio said the move was made by Bratton and said, “…”": the second report hangs on the
        # first one's clause; its speaker is the first one's
        return subject_of(reporting, depth + 1)
    if verb.dep_ == "conj" and passive is not None:
        return passive  # "Silverman was joined on stage by Franken and joked": Silverman jokes
    if _participle_aside(verb):
        if reporting is not None:
            # "Trump told Newsmax that Romney “had …,” adding, “…”": the teller adds, not Romney
            return subject_of(reporting, depth + 1)
        if passive is not None:
            # "The rally was cut short when protesters interrupted her, shouting “…”"
            found = _nearest_clause_subject(head, verb)
            if found is not None:
                return found
    found = subject_of(head, depth + 1)
    if found is None and head.pos_ == "ADJ" and head.dep_ == "acomp" and depth < 3:
        found = subject_of(head.head, depth + 1)  # "Yellen is likely to stress that …": Yellen stresses
    if found is not None and _participle_aside(verb) and found.pos_ == "NOUN" and not _animate(found) \
            and not _collective(found):
        # "The first incident came in March, when protesters interrupted her, shouting “…”": a thing does
        # not shout; the people of the nearer clause do
        nearer = next((t for t in verb.doc[found.i + 1:verb.i] if t.dep_ == "nsubj" and _animate(t)), None)
        if nearer is not None:
            return nearer
    if found is not None:
        return found
    # "…, the president stated, but framed … and stated …": the subject sits on a parataxis
    for sibling in head.children:
        if sibling.dep_ == "parataxis" and sibling.i < verb.i:
            return subject_of(sibling, depth + 1)
    return None


def participle_owner(cue: Token, in_quote: list[int]) -> Token | None:
    """'Flea shared the news last week, writing “…”' where the parser lost what the participle hangs on:
    the subject of the nearest clause before the comma."""
    doc = cue.doc
    if cue.tag_ != "VBG" or not after_comma(doc, cue.i):
        return None
    for i in range(cue.i - 2, cue.sent.start - 1, -1):
        if in_quote[i] >= 0:
            return None
        subject = next((c for c in doc[i].children if c.dep_ == "nsubj"), None) if doc[i].pos_ == "VERB" else None
        if subject is not None:
            return subject
    return None


def subject_before_aside(cue: Token, in_quote: list[int] | None = None) -> Token | None:
    """'Texas delegate Bill Eastland, wearing a cowboy hat, said' / 'Sen. Ann Lee (D-Ore.), noting …, said':
    the subject the parser lost behind an aside set off by commas (never inside quotation marks, when
    ``in_quote`` says where those are)."""
    doc = cue.doc

    def quoted(i: int) -> bool:
        return in_quote is not None and in_quote[i] >= 0

    i = cue.i - 1
    if i < 2 or doc[i].text != "," or quoted(i):
        return None
    j = i - 1
    while j > max(0, i - 30) and doc[j].text != "," and "\n" not in doc[j].text:
        j -= 1
    if doc[j].text != "," or j == i - 1 or quoted(j):
        return None
    k = j - 1
    if k > 0 and doc[k].text == ")":
        while k > max(0, j - 8) and doc[k].text != "(":
            k -= 1
        k -= 1
    if k < 0 or quoted(k) or doc[k].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return doc[k]
