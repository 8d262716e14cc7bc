"""Reported speech: the clause a cue verb governs ("X said that …", "…, X said", "according to X, …",
"X urged Congress to act"), made into indirect or mixed quotes."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from reader.model import QuoteKind
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
from reader.nlp.frames import DIVIDERS, ReportFrames, put_to
from reader.nlp.layout import Layout
from reader.nlp.lexicon import XCOMP_CUES
from reader.nlp.speaker_resolution import SpeakerResolver
from reader.nlp.speech import _CLOSE_MARKS, Attribution, QuoteList
from reader.nlp.subjects import after_comma, subject_before_aside, subject_of, told_clause

# "X seems to …", "it appears that …": how things look to the writer, annotated as an attribution with no
# source (PolNeAR train: 339 of 355 such cues have none)
EVIDENTIAL = {"seem", "appear", "sound", "look"}

# clauses an aside can sit on while the sentence they belong to goes on after it
_GOVERNED_CLAUSES = {"advcl", "csubj", "nsubj", "nsubjpass", "npadvmod", "advmod", "prep"}

_SUBORDINATORS = {"when", "if", "as", "while", "after", "before", "because", "although", "since", "once", "until"}


class ReportedSpeech(ReportFrames):
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

    def _content(self, cue: Token) -> list[tuple[int, int]]:
        """Token ranges of what a cue reports: one clause, or two around a parenthetical cue."""
        doc = self.doc
        told = told_clause(cue)
        if told is not None:
            subject = next(c for c in told.children if c.dep_ == "nsubj" and c.i > cue.right_edge.i)
            return [(subject.left_edge.i, told.right_edge.i + 1)]
        clauses = [c for c in cue.children
                   if c.dep_ == "ccomp" and (cue.lemma_ in self.indirect_cues or c.i < cue.i or is_finding(cue))]
        if self._leads_into_quotation(cue):
            # "When X noted …, Trump boasted, “…”": a time or condition clause is no report of his
            clauses = [c for c in clauses if c.i > cue.i or doc[c.left_edge.i].lower_ not in _SUBORDINATORS]
        for child in clauses:
            left, right = child.left_edge.i, child.right_edge.i + 1
            if left < cue.i < right:
                # "The museum, Mr. Obama said, would make …": the cue sits inside its clause
                subj = subject_of(cue)
                cut = min(cue.i, subj.left_edge.i) if subj is not None else cue.i
                resume = cue.i + 1
                while resume < right and doc[resume].text != ",":
                    resume += 1
                return [(left, cut), (resume + 1, right)]
        own = subject_of(cue)
        if own is not None:  # "Kasich offered the man a job, then says …": the clause that holds its subject
            clauses = [c for c in clauses if not (c.right_edge.i < cue.i and c.left_edge.i <= own.i <= c.right_edge.i)]
        if clauses:
            # "A, Mr. Obama noted, that B": one clause on each side of the cue, both reported
            ahead = [c for c in clauses if c.i < cue.i][:1]
            behind = [c for c in clauses if c.i > cue.i][:1]
            if behind and ahead and doc[ahead[0].left_edge.i].pos_ == "ADP":
                # "Alongside calls for a strike, a top lawyer said the mayor …": a scene set, not a report
                clauses = ahead = [c for c in clauses if c is not ahead[0]]
            if ahead and behind and cue.lemma_ in self.indirect_cues:
                return [(c.left_edge.i, self._clause_end(c)) for c in ahead + behind]
            c = clauses[0]
            return [(c.left_edge.i, self._clause_end(c))]
        medium = self._said_in(cue)
        if medium is not None:
            return [medium]
        misplaced = _clause_on_a_name(cue)
        if misplaced is not None:
            return [misplaced]
        if cue.lemma_ in XCOMP_CUES:
            xcomp = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i), None)
            if xcomp is not None:
                obj = next((c for c in cue.children if c.dep_ in ("dobj", "dative") and c.i < xcomp.i), None)
                start = obj.left_edge.i if obj is not None else xcomp.left_edge.i
                expected = next((c for c in cue.children if c.dep_ == "nsubjpass" and c.i < cue.i), None)
                if expected is not None and cue.lemma_ == "expect" and expected.lower_ not in ("it", "which", "that"):
                    # "The House is expected to pass the bill": what is expected is of the House
                    return [(expected.left_edge.i, expected.right_edge.i + 1), (start, xcomp.right_edge.i + 1)]
                return [(start, xcomp.right_edge.i + 1)]
            prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > cue.i), None)
            if prep is not None and cue.lemma_ in ("call", "push", "argue", "press"):
                return [(prep.i + 1, prep.right_edge.i + 1)]
        if cue.lower_ == "according":
            return self._according(cue)
        framed = self._as_frame(cue)
        if framed is not None:
            return [framed]
        answer = next((c for c in cue.children if c.i == cue.i + 1 and c.lower_ in ("yes", "no") and c.dep_ in
                       ("intj", "dobj", "ccomp", "advmod")), None)
        if answer is not None and cue.lemma_ in ("say", "answer", "reply", "respond"):
            return [(answer.i, answer.i + 1)]  # "Asked if he was ever bullied, the candidate said no."
        if cue.lower_ == "in":
            return [self._document_frame(cue)]
        subj = subject_of(cue)
        # "Unemployment fell to 3.9 percent, figures showed on Tuesday": the parser made the cue a clause of its own
        after_its_clause = cue.dep_ == "advcl" and cue.head.i < cue.i and cue.tag_ != "VBG" \
            and any(c.dep_ == "nsubj" and c.i < cue.i and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","
                    for c in cue.children) \
            and not any(c.dep_ in ("mark", "advmod", "aux") and c.i < cue.i for c in cue.children) \
            and cue.lemma_ not in EVIDENTIAL
        if (cue.dep_ in ("parataxis", "ccomp") or after_its_clause) and subj is not None:
            # "A, he said, B" / "A, he said.": the attribution starts at its subject (the parser may
            # hang part of A on the cue itself) and a comma or dash sets it off
            first = (subj.left_edge.i if subj.i < cue.i else cue.i) - 1
            if first < 0 or doc[first].text not in DIVIDERS:
                return []
            head = cue.head
            after = cue.right_edge.i + 1
            while head.right_edge.i < after and head.head.i > cue.i and head.dep_ in _GOVERNED_CLAUSES:
                head = head.head  # "Though A went smoothly, she said, B would be harder": the aside is on A
            ranges = []
            if head.left_edge.i < first:
                ranges.append((head.left_edge.i, first))
            if doc[cue.right_edge.i].text != "," and after < len(doc) and doc[after].text == ",":
                after += 1  # the parser hung the aside's closing comma on the sentence
            elif doc[cue.right_edge.i].text != ",":
                after = len(doc)
            if head.right_edge.i >= after and not (doc[after].tag_ == "VBG" and doc[after].dep_ == "advcl"):
                # (not "Sales were great, he said, wiping sweat off his face": what he did as he said it)
                ranges.append((after, head.right_edge.i + 1))  # "The museum, Mr. Obama said, would …"
            return ranges
        return []

    def _said_in(self, cue: Token) -> tuple[int, int] | None:
        """'The Kremlin said in a statement that the talks were useful': the parser may hang the reported
        clause on the statement; it is still what the cue reports."""
        for prep in cue.children:
            if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i < cue.i:
                continue
            for noun in prep.children:
                clause = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i
                               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
                if noun.dep_ == "pobj" and clause is not None:
                    return clause.left_edge.i, self._clause_end(clause)
        return None

    def _leads_into_quotation(self, cue: Token) -> bool:
        """'Trump boasted, “…”': a comma or colon after the cue, then a quotation."""
        i = cue.i + 1
        doc = self.doc
        return i + 1 < len(doc) and doc[i].text in (",", ":") and (self.in_quote[i + 1] >= 0
                                                                    or doc[i + 1].text in ("\u201c", '"'))

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

    def _clause_end(self, clause: Token) -> int:
        """Where a reported clause ends: before the source of the report itself, before a trailing participle that is the narrator's
        ("…, arguing that …", "…, implicitly putting …") and before a second speech act joined to it
        ("… and warned against …"), which is reported on its own."""
        doc = self.doc
        right = self._trailing_end(clause)
        for tok in doc[clause.i + 1:right]:
            if tok.lower_ == "according" and doc[tok.i - 1].text == ",":
                return tok.i - 1  # "… told her that it was not that simple, according to an account she gave"
            if tok.dep_ == "relcl" and tok.right_edge.i + 1 >= right and after_comma(doc, tok.left_edge.i) \
                    and doc[tok.left_edge.i].lower_ in ("who", "which", "whose") and self.in_quote[tok.i] < 0 \
                    and tok.head.pos_ == "PROPN":
                return tok.left_edge.i - 1  # "… should go to Dana Whitfield, who ran the port …": the narrator's aside
            if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.left_edge.i > clause.i \
                    and after_comma(doc, tok.left_edge.i):
                return tok.left_edge.i - 1
            if tok.dep_ == "conj" and tok.lemma_ in SPEECH_CUES and tok.pos_ == "VERB":
                cut = tok.left_edge.i
                while cut > clause.i and doc[cut - 1].dep_ in ("cc", "punct"):
                    cut -= 1
                return cut
        return right

    def _trailing_end(self, clause: Token) -> int:
        """A clause reported after its cue runs on over what the parser hung on the cue behind it ("showed Park
        leading Dunn, 52 percent to 31 percent, among voters under forty"), up to a new clause joined to the cue."""
        doc = self.doc
        right = clause.right_edge.i + 1
        cue = clause.head
        if clause.i < cue.i:
            return right
        for tok in cue.children:
            if tok.i < right:
                continue
            if tok.dep_ in ("conj", "cc", "parataxis", "ccomp", "dep") or tok.dep_ == "punct" and (
                    tok.i == cue.right_edge.i or tok.text in _STOPS):
                break
            if self.in_quote[cue.i] >= 0 and self.in_quote[tok.right_edge.i] != self.in_quote[cue.i]:
                break  # a report inside a quotation stays inside it
            if doc[tok.left_edge.i].lower_ in _CONTRASTS or tok.lower_ in _CONTRASTS:
                break  # "Sixty percent say A, while 12 percent …": the others' view is not theirs
            right = tok.right_edge.i + 1
        return right

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
        if cue.lemma_ not in ("call", "label", "dub", "brand") or cue.dep_ in ("acl", "amod", "relcl") and not relative:
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


_STOPS = frozenset({".", "!", "?", ":", ";", "-", "--", "\u2014", "\u2013"})
_CONTRASTS = frozenset({"while", "whereas", "compared", "compare", "unlike", "although", "though", "given"})


def _clause_on_a_name(cue: Token) -> tuple[int, int] | None:
    """'Lee told CNN’s “State of the Union” on Sunday that the deal was dead': a that-clause the parser
    hung on the name of a show or outlet the speaker told it to. Proper names take no clause of their own."""
    if cue.lemma_ not in SPEECH_CUES:
        return None
    for obj in cue.rights:
        if obj.dep_ not in ("dobj", "dative", "prep"):
            continue
        for tok in obj.subtree:
            if tok.i < tok.head.i or tok.pos_ not in ("VERB", "AUX"):
                continue
            if tok.dep_ == "acl" and tok.head.pos_ == "PROPN":
                mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "that"), None)
                if mark is not None and mark.i == tok.left_edge.i:
                    return mark.i, tok.right_edge.i + 1
            if tok.dep_ == "ccomp" and tok.head.dep_ in ("dobj", "dative") and tok.head.head.i == cue.i:
                # "told BBC Radio 4 Today programme the vote would go ahead": the parser made the show a verb
                subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
                if subject is not None and subject.left_edge.i > tok.head.i:
                    return subject.left_edge.i, tok.right_edge.i + 1
    return None


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
