"""Cue lexicon: which verb lemmas introduce speech, mined from PolNeAR train (benchmarks/mine_cues.py)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Paraphrases that machine-rewritten news uses for the common cues ("stated", "instructed ABC News"),
# and speech verbs too rare in the training data to be mined.
EXTRA_CUES = {
    "state", "instruct", "inform", "remark", "observe", "declare", "clarify", "assert", "contend",
    "maintain", "reply", "respond", "answer", "complain", "joke", "quip", "muse", "recount", "lament",
    "caution", "concede", "admit", "boast", "brag", "shout", "yell", "scream", "whisper", "testify",
    "emphasize", "emphasise", "stress", "underline", "underscore", "post", "tweet", "tell", "say", "add",
    "write", "continue", "proceed", "go", "explain", "argue", "warn", "insist", "note", "claim", "predict",
    "acknowledge", "confirm", "deny", "announce", "allege", "report", "suggest", "recall", "reiterate",
    "counter", "retort", "exclaim", "conclude", "agree", "ask", "wonder", "demand",
    "opine", "aver", "affirm", "assure", "divulge", "elaborate", "surmise", "posit", "reckon", "term",
}
# Verbs of belief and knowing: rarely cues on their own, but with a clause after them ("Sanders believes
# the system is rigged") they report a view; on PolNeAR train such a clause is an annotated attribution
# 49-78% of the time (think 336/692, believe 133/229, hope 31/40). Only with a third person
# as subject (reported.py): "I think" outside quotation marks is mostly a quotation the marks missed.
BELIEF_CUES = {"think", "believe", "hope", "assume", "learn", "realize", "demonstrate"}
# Cues so strong that a direct quote next to them needs no other evidence.
SPEECH_CUES = {
    "say", "tell", "add", "write", "state", "instruct", "continue", "note", "ask", "explain", "argue",
    "warn", "insist", "tweet", "post", "reply", "respond", "answer", "declare", "remark", "observe",
    "claim", "recall", "conclude", "acknowledge", "announce", "complain", "joke", "quip", "concede",
    "admit", "boast", "shout", "yell", "whisper", "testify", "stress", "emphasize", "emphasise",
    "reiterate", "counter", "retort", "exclaim", "wonder", "predict", "suggest", "deny", "confirm",
    "report", "inform", "assert", "contend", "maintain", "caution", "lament", "recount", "muse",
    "go", "demand", "describe", "call", "put", "read",
    "affirm", "reaffirm", "proclaim", "chant", "scoff", "snap", "sing", "lecture", "plead", "mutter",
}
# Verbs that tag a quotation right beside them, the tags of features that tell how it was said ("“…,”
# Oduya remembers", "“…,” he laughed"), and no cue elsewhere ("the worst he could remember").
TAG_CUES = {"remember", "reflect", "reminisce", "laugh", "sigh"}
# Verbs that speak only with their particle, beside a quotation: "Lee shot back, “…”", "“…,” Ruiz chimed in".
PHRASAL_CUES = {("shoot", "back"), ("fire", "back"), ("hit", "back"), ("snap", "back"), ("push", "back"),
                ("strike", "back"), ("chime", "in"), ("weigh", "in"), ("pipe", "up"), ("speak", "up"),
                ("speak", "out")}


def phrasal_cue(tok: Token) -> bool:
    """'shot back', 'chimed in': a verb that is a cue of speech with its particle."""
    return tok.pos_ == "VERB" and any(c.dep_ in ("prt", "advmod") and c.i == tok.i + 1
                                      and (tok.lemma_, c.lower_) in PHRASAL_CUES for c in tok.children)


# Verbs whose complement is a belief rather than an utterance; PolNeAR counts them when they have a
# clausal complement, so they are cues for indirect speech only.
MIN_PRECISION = 0.3


@lru_cache(maxsize=1)
def mined_cues() -> dict[str, float]:
    table: dict[str, float] = {}
    data = resources.files("reader.nlp").joinpath("data/cues.tsv").read_text(encoding="utf-8")
    for line in data.splitlines():
        if not line or line.startswith("#"):
            continue
        lemma, _count, _verbs, precision = line.split("\t")
        table[lemma] = float(precision)
    return table


# Verbs that carry speech only with a quotation beside them ("and he goes, “…”", "she continued: “…”"),
# never as the head of reported speech.
DIRECT_ONLY = {"go", "proceed", "continue"}


@lru_cache(maxsize=1)
def indirect_cues() -> frozenset[str]:
    """Lemmas that introduce reported speech when they govern a clause."""
    mined = {lemma for lemma, p in mined_cues().items() if p >= MIN_PRECISION}
    return frozenset((mined | EXTRA_CUES | BELIEF_CUES) - DIRECT_ONLY)


def cue_strength(lemma: str) -> float:
    """How reliably a lemma marks speech: 1 for the plain speech verbs, else its mined precision."""
    return 1.0 if lemma in SPEECH_CUES else mined_cues().get(lemma, 0.0)


@lru_cache(maxsize=1)
def direct_cues() -> frozenset[str]:
    return frozenset(SPEECH_CUES | {lemma for lemma, p in mined_cues().items() if p >= 0.5})


# "A 2014 study found that …", "the panel found the United States was in breach": on its own "find" is
# rarely a cue (0.26 on PolNeAR train), but with a study, report, court or the like as its subject and a
# clause to report, it is (34 of 40 on train).
FINDING_CUES = {"find"}
FINDING_SUBJECTS = {
    "study", "report", "survey", "poll", "analysis", "review", "panel", "audit", "investigation", "research",
    "researcher", "data", "paper", "inquiry", "court", "judge", "jury", "commission", "committee", "probe",
    "assessment", "estimate", "office", "agency", "inspector", "watchdog", "test", "evaluation",
}


def is_finding(tok: Token) -> bool:
    """A 'find' that reports what a study, report or court found (its subject one, a clause to report)."""
    children = list(tok.children)
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    return (tok.lemma_ in FINDING_CUES and subject is not None
            and subject.lemma_.lower() in FINDING_SUBJECTS and any(c.dep_ == "ccomp" for c in children))


# What a document shows when a sentence opens with it: "In the new Post-ABC poll, Trump wins one in three
# Republican voters." (Statements, interviews and speeches are left out: their speaker has a verb of their own.)
SHOWING_DOCUMENTS = {
    "poll", "polls", "survey", "surveys", "study", "report", "analysis", "video", "footage", "data", "document",
    "documents", "filing", "filings", "memo", "letter", "ruling", "audit", "review", "census", "records", "email",
    "emails", "tweet", "post", "ad", "advertisement", "complaint", "lawsuit", "indictment", "transcript", "book",
    "column", "op-ed", "editorial", "essay", "paper", "exit", "questionnaire", "estimate", "estimates",
}


# what a clause ending "in <a poll>" is the finding of: "Clinton led Sanders 2-1 in a new Marist poll"
POLLS = {"poll", "survey", "average"}


def is_poll_result(tok: Token) -> bool:
    """'… in the latest CNN/ORC poll' after the verb of its clause, ending it."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.is_sent_start or tok.head.i > tok.i:
        return False
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in POLLS or pobj.pos_ != "NOUN":
        return False
    end = tok.right_edge.i + 1
    return end >= len(tok.doc) or tok.doc[end].is_punct or tok.doc[end].is_space


def is_document_frame(tok: Token) -> bool:
    """'In a new Gallup poll, …': 'in' opening a sentence with a document, a comma, and a clause whose
    verb is no speech verb of its own."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or not tok.is_sent_start:
        return False
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    end = tok.right_edge.i + 1
    if pobj is None or end >= len(tok.doc) or tok.doc[end].text != ",":
        return False
    head = tok.head
    if words_of(pobj) is not None:
        return True  # "In the words of one resident, …", "In her words, …"
    return pobj.lemma_.lower() in SHOWING_DOCUMENTS and head.lemma_ not in SPEECH_CUES and head.pos_ in ("VERB", "AUX")


def words_of(noun: Token) -> Token | None:
    """Whose 'words' these are: 'the words of one resident', 'her words', 'his own words'."""
    if noun.lower_ != "words":
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


# When a cue word reports nothing

_FIRST_AND_SECOND = {"i", "we", "you", "me", "us"}


def set_phrase(cue: Token) -> bool:
    """'That said, …', 'All told, …', 'That being said, …': a phrase that links sentences, no report."""
    doc = cue.doc
    if cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
        return False
    words = [t.lower_ for t in doc[max(0, cue.i - 3):cue.i + 1]]
    start = cue.i - len(words) + 1
    for n in range(len(words) - 1):
        phrase = " ".join(words[n:])
        if phrase in _SET_PHRASES and (start + n == 0 or doc[start + n].is_sent_start
                                       or doc[start + n - 1].is_punct or doc[start + n - 1].is_space):
            return True
    return False


_SET_PHRASES = {"that said", "all told", "having said that", "that being said", "with that said", "this said",
                "truth be told"}


def goes_somewhere(cue: Token) -> bool:
    """'as voters went to the polls': 'go', 'continue' or 'proceed' with words of their own reports nothing;
    a bare 'as the saying goes' or 'A, Lee continued' does."""
    return cue.lemma_ in DIRECT_ONLY and any(c.dep_ not in ("nsubj", "mark", "punct", "advmod", "npadvmod")
                                             and not (c.dep_ in ("ccomp", "parataxis") and c.i < cue.i)
                                             for c in cue.children)


def unnamed_on_request(cue: Token) -> bool:
    """'who declined to be named', 'asked not to be identified': a source kept anonymous, not a report."""
    return any(c.dep_ == "xcomp" and c.lemma_ in ("name", "identify") and any(a.dep_ == "auxpass" for a in c.children)
               for c in cue.children)


def musing(cue: Token, subject: Token | None) -> bool:
    """"I think …", "you feel …": a view in someone's own words, or the writer's musing, not a report."""
    return cue.lemma_ in BELIEF_CUES and not is_finding(cue) and (subject is None or subject.lower_ in _FIRST_AND_SECOND)
