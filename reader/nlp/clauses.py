"""Where the words a cue verb reports lie: its clause, the two sides of an aside ("The museum, Mr. Obama said,
would …"), a clause the parser hung elsewhere, and where a reported clause ends. A mixin of ReportedSpeech,
over the state it holds."""

from __future__ import annotations

from spacy.tokens import Token

from reader.nlp.cues import SPEECH_CUES, is_finding
from reader.nlp.frames import DIVIDERS, ReportFrames
from reader.nlp.lexicon import XCOMP_CUES
from reader.nlp.subjects import after_comma, lost_behind_appositive, subject_of, told_clause

# "X seems to …", "it appears that …": how things look to the writer, annotated as an attribution with no
# source (PolNeAR train: 339 of 355 such cues have none)
EVIDENTIAL = {"seem", "appear", "sound", "look"}

# clauses an aside can sit on while the sentence they belong to goes on after it
_GOVERNED_CLAUSES = {"advcl", "csubj", "nsubj", "nsubjpass", "npadvmod", "advmod", "prep"}

# verbs that answer a claim, and the claims they answer: "denied a report that …", "dismissed claims that …"
_ANSWERS = {"deny", "dismiss", "reject", "confirm", "dispute", "refute", "rebut", "contest", "challenge", "question"}
_CLAIMS = {"report", "claim", "allegation", "rumor", "rumour", "suggestion", "story", "accusation", "charge",
           "assertion", "speculation"}
# cues whose infinitive is what someone means to do: "vowed to", "refused to", "agreed to"
_INTENTIONS = {"vow", "pledge", "promise", "threaten", "refuse", "decline", "agree", "plan", "intend", "hope", "seek",
               "offer", "want"}
# "so that", "now that", "in order that", "such that": the "that" of a purpose or a time, not of words reported
_NOT_REPORTED = {"so", "now", "order", "such", "given", "except", "provided", "seeing"}
_SUBORDINATORS = {"when", "if", "as", "while", "after", "before", "because", "although", "since", "once", "until"}


class ReportedClauses(ReportFrames):
    """Token ranges of what a cue reports, before anyone is made its speaker."""

    indirect_cues: frozenset[str]

    def _content(self, cue: Token) -> list[tuple[int, int]]:
        """Token ranges of what a cue reports: one clause, or two around a parenthetical cue."""
        doc = self.doc
        told = told_clause(cue)
        if told is not None:
            subject = next(c for c in told.children if c.dep_ == "nsubj" and c.i > cue.right_edge.i)
            return [(subject.left_edge.i, told.right_edge.i + 1)]
        clauses = [c for c in cue.children
                   if (c.dep_ == "ccomp" or _that_clause(cue, c)) and (cue.lemma_ in self.indirect_cues or c.i < cue.i
                                                                        or is_finding(cue))]
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
            end = self._clause_end(c)
            run_on = next((d for d in clauses if d.i > c.i > cue.i and d.left_edge.i == c.right_edge.i + 1), None)
            if run_on is not None and end == c.right_edge.i + 1 and not doc[c.right_edge.i].is_punct \
                    and not doc[run_on.left_edge.i].is_punct and doc[run_on.left_edge.i].pos_ != "CCONJ" \
                    and run_on.lemma_ not in SPEECH_CUES:
                # "said it was time the Government “stopped the games” and …": the parser broke one clause in two
                end = self._clause_end(run_on)
            start = next(m.i for m in c.children if m.dep_ == "mark" and m.lower_ == "that") if c.dep_ == "advcl" \
                else self._lost_subject(cue, c)
            return [(start, end)]
        medium = self._said_in(cue) or self._claim_answered(cue)
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
            vowed = _infinitive_apart(cue)
            if vowed is not None:  # "vowed on Tuesday to “fix the foundations” …, telling …"
                return [(vowed.left_edge.i, self._clause_end(vowed))]
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
        if subj is not None and (cue.dep_ in ("parataxis", "ccomp") or _after_its_clause(cue)) \
                and (cue.lemma_ in SPEECH_CUES or not any(c.dep_ == "dobj" and c.i > cue.i and c.pos_ == "NOUN"
                                                          and len(list(c.subtree)) >= 3 for c in cue.children)):
            # (not "…, those who took the drug showed 27% less decline …, the team wrote": a verb with an object
            # of its own is no aside)
            return self._around_aside(cue, subj)
        lost = lost_behind_appositive(cue)
        if lost is not None and cue.head.left_edge.i < lost.left_edge.i - 1:
            # "INEC has fixed the date, its chairman, Prof. Mahmood Yakubu, announced": the parser lost the
            # subject behind its appositive and hung the cue on the report
            return [(cue.head.left_edge.i, lost.left_edge.i - 1)]
        return []

    def _lost_subject(self, cue: Token, clause: Token) -> int:
        """Where a reported clause starts: 'told me the city “simply has no money left”', whose subject the
        parser made the cue's object, starts at that object."""
        left = clause.left_edge.i
        if clause.i < cue.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            return left
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.right_edge.i + 1 == left), None)
        addressed = any(c.dep_ == "dative" or c.dep_ == "dobj" and c.pos_ == "PRON" for c in cue.children
                        if c is not obj)
        return obj.left_edge.i if obj is not None and addressed and obj.pos_ in ("NOUN", "PROPN") else left

    def _around_aside(self, cue: Token, subj: Token) -> list[tuple[int, int]]:
        """'A, he said, B' / 'A, he said.': the attribution starts at its subject (the parser may hang part of
        A on the cue itself) and a comma or dash sets it off; what it interrupts is reported on each side."""
        doc = self.doc
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
            # (not "Business was slow, he said, brushing flour from his apron": what he did as he said it)
            ranges.append((after, head.right_edge.i + 1))  # "The museum, Mr. Obama said, would …"
        return ranges

    def _said_in(self, cue: Token) -> tuple[int, int] | None:
        """'The Kremlin said in a statement that the talks were useful': the parser may hang the reported
        clause on the statement; it is still what the cue reports."""
        for prep in cue.children:
            if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i < cue.i:
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                # "… in an interview with Fox that aired Sunday that the talks were over": the parser may hang
                # the clause on a clause of the noun, or make it one ("a memo that the decision was painful",
                # whose "that" is no relative pronoun); it ends where the noun's words do
                clause = _that_clause_of(noun)
                if clause is not None:
                    return clause.left_edge.i, self._clause_end(clause)
        return None

    def _claim_answered(self, cue: Token) -> tuple[int, int] | None:
        """'The White House denied a report that Trump was weighing a delay': the claim denied, with what it
        says, is the report (not the weighing, which is no one's here)."""
        if cue.lemma_ not in _ANSWERS:
            return None
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
        if obj is None or obj.lemma_.lower() not in _CLAIMS:
            return None
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > obj.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        return (obj.left_edge.i, self._clause_end(clause)) if clause is not None else None

    def _leads_into_quotation(self, cue: Token) -> bool:
        """'Trump boasted, “…”': a comma or colon after the cue, then a quotation."""
        i = cue.i + 1
        doc = self.doc
        return i + 1 < len(doc) and doc[i].text in (",", ":") and (self.in_quote[i + 1] >= 0
                                                                    or doc[i + 1].text in ("\u201c", '"'))

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


def _after_its_clause(cue: Token) -> bool:
    """'Unemployment fell to 3.9 percent, figures showed on Tuesday': the parser made the cue, with its own
    subject after a comma, a clause of the report it gives (or, after quoted words in it, a clause joined to
    the report: '… not wave around words like “maybe”, he told reporters')."""
    doc = cue.doc
    if cue.dep_ not in ("advcl", "conj") or cue.head.i > cue.i or cue.tag_ == "VBG" or cue.lemma_ in EVIDENTIAL:
        return False
    subj = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i and c.left_edge.i > 0
                 and doc[c.left_edge.i - 1].text == ","), None)
    # (not "…, then figures showed", "…, as he told reporters": words of its own between the comma and the cue;
    # the parser may hang a word of the report on the cue, before the comma)
    if subj is None or subj.pos_ not in ("PRON", "PROPN", "NOUN") or subj.left_edge.pos_ == "VERB":
        return False
    if cue.dep_ == "conj":
        last = max((c.i for c in cue.head.children if c.dep_ == "conj" and c.i < cue.i), default=cue.head.i)
        if any(c.dep_ == "cc" and last < c.i < subj.i for c in cue.head.children):
            return False  # "They have lived here for months, and their smiles said a lot": two things they did
    return not any(c.dep_ in ("mark", "advmod", "aux") and subj.left_edge.i <= c.i < cue.i for c in cue.children)


_STOPS = frozenset({".", "!", "?", ":", ";", "-", "--", "\u2014", "\u2013"})
_CONTRASTS = frozenset({"while", "whereas", "compared", "compare", "unlike", "although", "though", "given"})


def _infinitive_apart(cue: Token) -> Token | None:
    """'Starmer vowed on Tuesday to fix …': the infinitive a time put between it and the cue made the parser
    take for a purpose; with no object of the cue, it is what was vowed."""
    if cue.lemma_ not in _INTENTIONS or any(c.dep_ in ("dobj", "dative") for c in cue.children):
        return None
    when = next((c.i for c in cue.children if c.i > cue.i and (c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME")
                 or c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree))), None)
    if when is None:
        return None  # (not "hopped on her board to go home", "call on the senator to release …")
    return next((c for c in cue.children if c.dep_ == "advcl" and c.i > when and c.pos_ in ("VERB", "AUX")
                 and any(a.dep_ == "aux" and a.tag_ == "TO" and a.i == c.left_edge.i for a in c.children)), None)


def _that_clause_of(noun: Token) -> Token | None:
    """The clause opening on "that" the parser hung on a noun or made one of its clauses: "a memo that the
    decision was painful", "an interview with Fox that aired Sunday that the talks were over"."""
    return next((c for c in noun.subtree if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i
                 and (c.head.i == noun.i or c.right_edge.i == noun.right_edge.i)
                 and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)), None)


def _that_clause(cue: Token, clause: Token) -> bool:
    """'had reported, citing three people …, that officials were weighing …': a that-clause after a cue
    the parser took for an adverbial one."""
    return clause.dep_ == "advcl" and clause.i > cue.i and any(
        m.dep_ == "mark" and m.lower_ == "that" and m.i > cue.i and m.doc[m.i - 1].lower_ not in _NOT_REPORTED
        for m in clause.children)


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
