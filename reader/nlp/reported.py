"""Reported speech: the clause a cue verb governs ("X said that …", "…, X said", "according to X, …",
"X urged Congress to act"), made into indirect or mixed quotes."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from reader.model import QuoteKind
from reader.nlp.clauses import EVIDENTIAL, ReportedClauses
from reader.nlp.cues import (
    FINDING_CUES,
    SPEECH_CUES,
    cue_strength,
    goes_somewhere,
    indirect_cues,
    is_finding,
    musing,
    set_phrase,
    unnamed_on_request,
)
from reader.nlp.frames import put_to
from reader.nlp.layout import Layout
from reader.nlp.speaker_resolution import SpeakerResolver
from reader.nlp.speech import _CLOSE_MARKS, Attribution, QuoteList
from reader.nlp.subjects import after_comma, subject_before_aside, subject_of


class ReportedSpeech(ReportedClauses):
    """Finds what a cue verb reports. Needs the parse, which tokens lie inside quotation marks (and
    whether those stand alone), the speaker resolver, and the quotes found so far (read only)."""

    def __init__(self, doc: Doc, layout: Layout, in_quote: list[int], standalone: list[bool],
                 speakers: SpeakerResolver, quotes: QuoteList) -> None:
        self.doc = doc
        self.layout = layout
        self.in_quote = in_quote
        self.standalone = standalone
        self.indirect_cues = indirect_cues()
        self.speakers = speakers
        self.quotes = quotes

    def _hidden_subject(self, cue: Token, content_start: int, content_end: int) -> Token | None:
        """'…, Pavel Luzin — an analyst — told ABC': a name the parser hung inside the content (never one
        before the content begins)."""
        doc = self.doc
        i = cue.i - 1
        depth = 0
        while i >= max(content_start, content_end - 40) and i >= 0 and depth < 40:
            tok = doc[i]
            if tok.text == "," and i + 1 < len(doc):
                nxt = doc[i + 1]
                if nxt.ent_type_ == "PERSON" or (nxt.pos_ == "PROPN" and nxt.ent_iob_ == "B"):
                    e = i + 1
                    while e < len(doc) and doc[e].ent_iob_ == "I" or (e == i + 1):
                        e += 1
                    return doc[e - 1]
                return None
            i -= 1
            depth += 1
        return None

    def report(self, cue: Token, claimed: set[int]) -> list[Attribution]:
        """The quotes a cue verb reports (none, one, or two around a parenthetical cue); the cue is
        added to ``claimed`` once it has given a quote."""
        found: list[Attribution] = []
        if cue.i in claimed or unnamed_on_request(cue) or goes_somewhere(cue) or set_phrase(cue):
            return found
        if cue.lower_ == "reportedly":
            return self._reportedly(cue)
        if cue.lower_ == "in" and not cue.is_sent_start:
            return self._poll_result(cue, claimed)
        if cue.lemma_ not in SPEECH_CUES and self.quotes.covering(cue.idx):
            return found  # "Ruiz said the city would seek federal money …": an intention inside a report is not another quote
        subject = subject_of(cue) if cue.lower_ != "in" else self._document_source(cue)
        if musing(cue, subject):
            return found
        if put_to(cue):
            # "Asked whether he would run, Lee said …": Lee did not ask it; "Asked by reporters …": they did
            agent = next((c for c in cue.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        elif subject is None:
            subject = subject_before_aside(cue, self.in_quote)
        first: Attribution | None = None
        named = self._characterisation(cue)
        inverted = self._inverted_tag(cue) if named is None else None
        if inverted is not None:  # "The new rules, said Ana Ruiz, the planning director, would …"
            subject, parts = inverted
        else:
            parts = [named] if named is not None else self._content(cue)
        if cue.tag_ == "VBG" and cue.lower_ != "according" and after_comma(cue.doc, cue.i) \
                and cue.doc[cue.i - 1].text in _CLOSE_MARKS:
            # "“…,” pointing to the number of …": a participle after a quotation reports only what follows it
            parts = [(s, e) for s, e in parts if s > cue.i]
        # "The museum, Mr. Obama said, would make …": a clause the cue interrupts is reported in two
        # parts, and the part before the cue may be a bare phrase ("The museum", "Too often")
        parts = [(s, e) for s, e in parts if not set_phrase(self.doc[e - 1])  # "Truth be told, nobody expected …"
                 and not _another_tag(self.doc[s:e])]
        if put_to(cue):
            parts = [(s, self._before_the_answer(s, e)) for s, e in parts]
        split = len(parts) == 2 and parts[0][1] <= cue.i < parts[1][0]
        for s, e in parts:
            rng = self._clean_range(cue, s, e, need_verb=named is None and not split and cue.lower_ != "according")
            if rng is None:
                continue
            s, e = rng
            if subject is None and e <= cue.i:
                subject = self._hidden_subject(cue, s, e)
                if subject is not None:
                    cut = subject.i
                    while cut > s and self.doc[cut - 1].text != ",":
                        cut -= 1
                    e = max(s + 1, cut - 1)
            doc = self.doc
            mixed = any(self.in_quote[i] >= 0 and not self.standalone[self.in_quote[i]] for i in range(s, e))
            start, end = doc[s:e].start_char, doc[s:e].end_char
            att = Attribution(start, end, QuoteKind.MIXED if mixed else QuoteKind.INDIRECT, cue=cue,
                              found=_how(cue, named is not None))
            if first is None:
                claimed.add(cue.i)
                carrier = self._carrier(cue)
                if carrier is not None:  # "X said A, arguing B": X argues too
                    att.same_speaker_as(carrier)
                else:
                    att.take(self.speakers.resolve(subject))
                first = att
            else:
                att.same_speaker_as(first, inherited=False)
            found.append(att)
        return found

    def by_pattern(self, cue: Token, verb: Token, tokens: tuple[int, int], precision: float) -> Attribution | None:
        """What a cue in a mined attribution pattern reports (reader.nlp.patterns), by its verb's subject;
        None where the words are not prose or another quote has them."""
        if unnamed_on_request(cue) or set_phrase(cue):
            return None
        doc = self.doc
        s, e = tokens
        start, end = doc[s:e].start_char, doc[s:e].end_char
        if self.layout.kind_at(start) != "prose" or self.quotes.overlapping(min(start, verb.idx), end):
            return None  # a headline's "Council approves flood wall" is the outlet's summary, not a stance
        subject = subject_of(verb)
        if musing(verb, subject) or verb.lemma_ in FINDING_CUES and not is_finding(verb):
            return None  # what people think or find is reported only as report() allows
        mixed = any(self.in_quote[i] >= 0 and not self.standalone[self.in_quote[i]] for i in range(s, e))
        att = Attribution(start, end, QuoteKind.MIXED if mixed else QuoteKind.INDIRECT, cue=cue,
                          found="pattern-strong" if precision >= 0.7 else "pattern-fair")
        if verb.lemma_ in EVIDENTIAL:
            return att  # "the objections seemed to carry little weight": the writer's impression, no one's words
        if put_to(verb):
            return att  # "Asked about the bomb, Clinton said …": a question put to her by someone unnamed
        carrier = self._carrier(verb)
        if carrier is not None:
            att.same_speaker_as(carrier)
        else:
            att.take(self.speakers.resolve(subject or subject_before_aside(verb, self.in_quote)))
        return att if att.speaker is not None else None

    def _carrier(self, cue: Token) -> Attribution | None:
        """The report a trailing participle cue hangs on ('said the wall would fail, arguing …')."""
        owner = cue.head.head
        if cue.tag_ == "VBG" and cue.dep_ == "pcomp" and self.in_quote[owner.i] >= 0 > self.in_quote[cue.i]:
            # "“We always have,” he said, before adding …": the parser hung the participle on the quotation
            return self.quotes.attributed_at(owner.idx)
        if not (cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp", "conj")
                or cue.dep_ == "conj" and cue.lemma_ in SPEECH_CUES):
            return None  # "X said A, arguing B" / "X said A and called B “C”": X argues and calls too
        if any(c.dep_ == "nsubj" for c in cue.children):
            return None  # "…, and human rights groups warned that …": a verb with its own subject
        # "“…,” said Skelly, explaining he …": the quotation before the tag is the report
        return self.quotes.attributed_at(cue.head.idx) or self.quotes.cued_by(cue.head.i)

    def _before_the_answer(self, s: int, e: int) -> int:
        """'Asked whether he could guarantee that, he said: “…”': the question ends where the answer's
        speaker comes in, whatever the parser made of it."""
        doc = self.doc
        for i in range(s + 1, e - 1):
            if doc[i].text == "," and doc[i + 1].dep_ == "nsubj" and doc[i + 1].head.lemma_ in SPEECH_CUES \
                    and doc[i + 1].head.i > i + 1:
                return i
        return e

    def _characterisation(self, cue: Token) -> tuple[int, int] | None:
        """'Clinton called half of Trump's supporters “deplorables”': what a speaker called something is
        their word for it. Only with a subject, an object and what it was called."""
        relative = cue.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in cue.children)  # "Pence, who called …"
        if cue.lemma_ not in ("call", "label", "dub", "brand", "term") or cue.dep_ in ("acl", "amod", "relcl") and not relative:
            return None
        subject = subject_of(cue)
        if subject is None and self._carrier(cue) is None or subject is not None and subject.lower_ == "you":
            return None  # (not "when you start calling them ‘terrorists’": anyone who would)
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
        named = next((c for c in cue.children if c.dep_ in ("oprd", "xcomp", "ccomp") and obj is not None
                      and c.i > obj.i and not any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children)), None)
        if obj is not None and named is None and self._quoted_after(obj):
            return obj.left_edge.i, obj.right_edge.i + 1  # "called Mrs. Lane an ''Aunt Tom''": parsed as one object
        if obj is not None and named is None:
            quoted = self._quotation_after(obj.right_edge.i + 1)
            if quoted is not None:  # "who called it “a promise on paper”", the parser hanging the name elsewhere
                return obj.left_edge.i, quoted
        if obj is None and cue.tag_ != "VBN":  # (not "called the “Crossroads of America” by its citizens")
            said = next((c for c in cue.children if c.dep_ == "oprd" and cue.i < c.left_edge.i < c.i
                         and c.left_edge.pos_ in ("DET", "PRON", "PROPN", "NOUN") and self.in_quote[c.left_edge.i] < 0
                         and any(self.in_quote[i] >= 0 for i in range(c.left_edge.i, c.right_edge.i + 1))), None)
            if said is not None:  # "termed the drive “inhuman”": the parser hung the object on the name
                return said.left_edge.i, said.right_edge.i + 1
        if obj is None or named is None:
            return None
        end = max(c.right_edge.i for c in cue.children
                  if c.i >= obj.i and c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "prep", "npadvmod"))
        return obj.left_edge.i, end + 1

    def _quotation_after(self, i: int) -> int | None:
        """The end (exclusive) of a quotation that opens at token i, after its opening mark if any."""
        doc = self.doc
        if i < len(doc) and self.in_quote[i] < 0 and doc[i].text in ("\u201c", '"', "\u2018", "``"):
            i += 1
        if i >= len(doc) or self.in_quote[i] < 0:
            return None
        n, end = self.in_quote[i], i
        while end < len(doc) and self.in_quote[end] == n:
            end += 1
        return end

    def _quoted_after(self, obj: Token) -> bool:
        """Words in quotation marks in the object's phrase, after its head."""
        doc = self.doc
        return any(self.in_quote[i] >= 0 or doc[i].text in ("''", "``") for i in range(obj.i + 1, obj.right_edge.i + 1))


def _another_tag(words: Span) -> bool:
    """'…,” she said': a part that is only another speaker tag."""
    words_only = [t for t in words if not (t.is_punct or t.is_space)]
    return len(words_only) <= 3 and any(t.pos_ == "VERB" and t.lemma_ in SPEECH_CUES and t.lemma_ != "go"
                                        for t in words_only) \
        and any(t.dep_ == "nsubj" for t in words_only)


def _how(cue: Token, characterisation: bool) -> str:
    """How a reported quote was found: by what it was called, 'according to', or a cue verb (binned by
    how reliably its lemma marks speech)."""
    if characterisation:
        return "called"
    if cue.lower_ in ("according", "in"):
        return cue.lower_
    strength = cue_strength(cue.lemma_)
    return "cue-" + ("speech" if strength >= 0.99 else "strong" if strength >= 0.7 else "fair" if strength >= 0.45
                     else "weak")
