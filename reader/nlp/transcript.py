"""Transcripts: 'WALLACE: Let's start …' / '"PENCE: Well, look …"'. Each turn is its speaker's direct quote.

A line that opens with a capitalised label and a colon is a turn when the label comes back on another
line or is a name the article uses in its prose ('Pruitt'), so 'UPDATE:' or 'NOTE:' is not a speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.model import QuoteKind
from reader.nlp.lexicon import DOCUMENT_LABELS, LABEL_TITLES, NOT_SPEAKERS

_LABEL = re.compile(
    r"^[ \t\u00a0]*+[\"\u201c]?[ \t]*+"  # possessive: a line of spaces must not be retried from every space
    r"(?P<label>(?:[A-Z][A-Z'\u2019-]*\.?[ \t]){0,3}[A-Z][A-Z'\u2019-]+)"
    # what the transcript adds after the name: ', CNN HOST', ' (D-ORE.)', ' (via telephone)'
    r"(?:,[ \t]+[A-Z][A-Z0-9.'\u2019&/ -]{1,40}|[ \t]+\([A-Za-z][\w.,'\u2019 -]{0,24}\))?"
    r"[ \t]*:[ \t\u00a0]+(?=\S)",
    re.M,
)
_CLOSERS = "\"\u201d"


@dataclass(frozen=True)
class Turn:
    label: str  # as written: 'MR. TRUMP'
    name: str  # as a name: 'Trump'
    label_start: int
    label_end: int
    start: int  # the words spoken
    end: int
    kind: str = QuoteKind.DIRECT
    found: str = "turn"  # how: a transcript label ("turn"), an interview's Q/A ("interview"), a post's signature ("post")


_HEADLINE_LABEL = re.compile(r"^[ \t]*(?P<label>(?:[A-Z][\w.'\u2019-]*[ \t]){0,3}[A-Z][\w.'\u2019-]+)[ \t]*:[ \t]+(?=\S)")


def headline_turn(text: str, is_person: set[str]) -> Turn | None:
    """'Pence: Flowers Won't Be at Debate' as an article's first line: the headline reports Pence."""
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    m = _HEADLINE_LABEL.match(text[:line_end])
    if m is None:
        return None
    label = m.group("label")
    surname = label.split()[-1]
    if surname.upper() in NOT_SPEAKERS or not (_named(surname, is_person, text[line_end:]) or label in DOCUMENT_LABELS):
        return None
    end = line_end
    while end > m.end() and text[end - 1].isspace():
        end -= 1
    rest = text[m.end():end]
    quoted = rest[:1] in "\"\u201c\u2018'" and rest[-1:] in "\"\u201d\u2019'"
    start, stop = (m.end() + 1, end - 1) if quoted else (m.end(), end)
    return Turn(label, label, m.start("label"), m.end("label"), start, stop,
                QuoteKind.DIRECT if quoted else QuoteKind.INDIRECT)


def _as_name(label: str) -> str:
    words = [w for w in label.replace("\u2019", "'").split() if w.rstrip(".") not in LABEL_TITLES] or label.split()
    return " ".join(w[:1] + w[1:].lower() for w in words)


def find_turns(text: str, is_person: set[str]) -> list[Turn]:
    """The turns of a transcript in ``text``; ``is_person`` holds lower-case surnames known as people."""
    found = []
    for m in _LABEL.finditer(text):
        label = m.group("label")
        if label.split()[-1].rstrip(".") in NOT_SPEAKERS or len(label.replace(" ", "")) < 2:
            continue
        end = _line_end(text, m.end())
        while end > m.end() and (text[end - 1].isspace() or (text[end - 1] in _CLOSERS and text[m.start():m.end()]
                                                               .lstrip()[:1] in _CLOSERS)):
            end -= 1
        found.append(Turn(label, _as_name(label), m.start("label"), m.end("label"), m.end(), end))
    counts = Counter(t.label.split()[-1] for t in found)  # "DANA WELLS, HOST:" then "WELLS:": one speaker
    turns = [t for t in found if counts[t.label.split()[-1]] >= 2 or _named(t.name.split()[-1], is_person, text)]
    return turns + [t for t in _title_case_turns(text, is_person) if not any(o.label_start == t.label_start for o in turns)]


# "Ellison: I would start with the consultants." in title case
_TITLE_LABEL = re.compile(
    r"^[ \t\u00a0]*+(?:\*\*)?(?P<label>(?:[A-Z][a-z'\u2019.-]*[ \t]){0,2}[A-Z][a-z'\u2019-]+)"
    r"[ \t]*(?::(?:\*\*)?|\*\*:)[ \t\u00a0]+(?=\S)", re.M)  # also in bold: "**Ortiz:** …", "**Ortiz**: …"


def _title_case_turns(text: str, is_person: set[str]) -> list[Turn]:
    """Turns labelled in title case: only in a dialogue, where two or more labels come back, or in an
    interview whose one label that comes back is someone the story names, so 'Update:' or 'Photo:' lines
    never count."""
    found = []
    for m in _TITLE_LABEL.finditer(text):
        label = m.group("label")
        if label.split()[-1].upper() in NOT_SPEAKERS or label in DOCUMENT_LABELS:
            continue
        end = _line_end(text, m.end())
        if not any(c.isalpha() for c in text[m.end():end]):
            continue  # "Clinton: 547." is a tally, not a turn
        found.append(Turn(label, label, m.start("label"), m.end("label"), m.end(), end))
    counts = Counter(t.label for t in found)
    speakers = {label for label, n in counts.items() if n >= 2}
    if len(speakers) == 1 and next(iter(speakers)).split()[-1].lower() in is_person:
        return [t for t in found if t.label in speakers]  # the questions unlabelled: "**Ortiz:** Honestly, …"
    if len(speakers) < 2:
        return []
    # inside the dialogue, someone may speak only once
    first = min(t.label_start for t in found if t.label in speakers)
    last = max(t.label_start for t in found if t.label in speakers)
    return [t for t in found if t.label in speakers or first < t.label_start < last]


def _line_end(text: str, start: int) -> int:
    """Where the line from ``start`` ends, before its trailing spaces."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _named(surname: str, is_person: set[str], text: str) -> bool:
    """A label is a speaker's name when the article knows them as a person or writes the name in ``text``."""
    return surname.lower() in is_person or re.search(rf"\b{re.escape(surname)}\b", text) is not None


# "Q: Were you surprised?" / "A. Not really." / "Question: …": an interview set out as questions and answers
_INTERVIEW = re.compile(r"^[ \t\u00a0]*(?:\*\*)?(?P<label>Q|A|Question|Answer)(?:\*\*)?[ \t]*[:.](?:\*\*)?[ \t\u00a0]+(?=\S)",
                        re.M)
QUESTION, ANSWER = "question", "answer"


def interview_turns(text: str) -> list[Turn]:
    """The questions and answers of an interview: a text with at least one of each. A turn's ``name``
    says which it is; who asked and who answered is for the caller to find."""
    found = []
    for m in _INTERVIEW.finditer(text):
        end = _line_end(text, m.end())
        role = QUESTION if m.group("label")[0] == "Q" else ANSWER
        found.append(Turn(m.group("label"), role, m.start("label"), m.end("label"), m.end(), end, found="interview"))
    if {t.name for t in found} != {QUESTION, ANSWER}:
        return []
    return found


# "… — Mark Ellison (@SenEllison) June 4, 2024": the signature of an embedded post, after its words on the
# same line or on a line of its own below them (as a saved page gives an embedded tweet)
_SIGNATURE = re.compile(
    r"(?P<dash>[\u2014\u2013]|--|(?<=\s)-(?=\s))[ \t\u00a0]*(?P<name>[A-Z][^\n()@\u2014\u2013]{0,60}?)[ \t\u00a0]*"
    r"\((?P<handle>@\w{1,30})\)(?:[ \t\u00a0]*(?:[A-Z][a-z]{2,8}\.?[ \t]\d{1,2},[ \t]\d{4}|\d{1,2}[ \t][A-Z][a-z]{2,8}[ \t]\d{4}))?"
    r"[ \t\u00a0.]*$",
    re.M,
)


def post_turns(text: str) -> list[Turn]:
    """Embedded posts: their words are their author's, verbatim."""
    found = []
    for m in _SIGNATURE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start:m.start()].strip():
            start, end = line_start, m.start()  # the words before the signature, on its line
        else:
            end = line_start - 1  # the words are the paragraph above
            while end > 0 and text[end - 1].isspace():
                end -= 1
            start = text.rfind("\n", 0, end) + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and any(c.isalpha() for c in text[start:end]):
            found.append(Turn(m.group("name"), m.group("name"), m.start("name"), m.end("name"), start, end,
                              found="post"))
    return found
