"""Where a direct quotation's speaker is told, when it is not in a plain "X said" beside it: a speech tag
after the closing mark, a cue leading in, a colon, the sentence before, a dash line under it, the quotation
before it, or the paragraph before it. A mixin of the Extractor, which holds the article's parse."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from reader.model import QuoteKind
from reader.nlp.colon import WH_SUBJECTS, before_a_colon
from reader.nlp.coref import Coreference
from reader.nlp.cues import DIRECT_ONLY, phrasal_cue
from reader.nlp.layout import Layout
from reader.nlp.lexicon import PERSON_NOUNS
from reader.nlp.marks import QuoteSpan
from reader.nlp.mentions import Mention, name_tokens
from reader.nlp.sentences import Sentences
from reader.nlp.speaker_resolution import SpeakerResolver
from reader.nlp.speech import _CLOSE_OR_COMMA, _DASH_NAME, Attribution, QuoteList, Said
from reader.nlp.subjects import quoted_as, subject_of
from reader.nlp.tags import SpeechTag, TagReader

# how a quotation that goes on into its sentence ends: "“…,” she said", "“…?” he asked"
_OPEN_ENDINGS = (",", "?", "!", "\u2014", "\u2013", "-", "\u2026")


class SpeakerClues:
    """The Extractor's ways to a direct quotation's cue and speaker, over the state it holds."""

    doc: Doc
    text: str
    layout: Layout
    sents: Sentences
    coref: Coreference
    speakers: SpeakerResolver
    tags: TagReader
    quotes: QuoteList
    spans: list[QuoteSpan]
    in_quote: list[int]
    tok_starts: list[int]
    tok_ranges: list[tuple[int, int]]
    direct_cues: frozenset[str]

    def _token_at(self, char: int) -> Token | None:
        i = bisect_right(self.tok_starts, char) - 1
        return self.doc[i] if i >= 0 else None

    def _prev_token(self, char: int) -> Token | None:
        """The token before the character offset, skipping spaces; None at a paragraph start."""
        i = char - 1
        text = self.text
        while i >= 0 and text[i] != "\n" and text[i].isspace():  # "said.\u00a0“…": web text's no-break spaces
            i -= 1
        if i < 0 or text[i] == "\n":
            return None
        return self._token_at(i)

    # ------------------------------------------------------------------ cues
    def _frame(self, n: int) -> tuple[int, int]:
        ts, te = self.tok_ranges[n]
        return self.sents.bounds(ts)[0], self.sents.bounds(max(ts, te - 1))[1]

    def _direct_cue(self, n: int) -> Token | None:
        ts, te = self.tok_ranges[n]
        s0, s1 = self._frame(n)
        best: tuple[int, Token] | None = None
        for i in range(s0, s1):
            if self.in_quote[i] >= 0:
                continue
            tok = self.doc[i]
            beside = 0 < ts - i <= 4 or 0 <= i - te <= 3  # right before or after the quotation
            is_cue = tok.lemma_ in self.direct_cues and tok.pos_ in ("VERB", "AUX") or tok.lower_ == "according" \
                or phrasal_cue(tok) and beside
            if not is_cue or _i_quote(tok):
                continue  # "Trump said, and I quote, “…”": the formula introduces the other verb's words
            if tok.lemma_ in DIRECT_ONLY and not beside:
                continue  # "once the Senate goes on recess, “…”": 'go' speaks only right beside the quotation
            if tok.lemma_ in DIRECT_ONLY and i < ts and not any(t.text in (",", ":", "\u2014") for t in self.doc[i + 1:ts]):
                continue  # "the walkout would continue “till the government listens”": it goes on, it does not speak
            dist = ts - i if i < ts else i - te
            if best is None or dist < best[0]:
                best = (dist, tok)
        if best is not None:
            return best[1]
        # no cue word: a verb with a subject that governs the quote ("what happened" has no speaker)
        for i in range(s0, s1):
            tok = self.doc[i]
            subject = subject_of(tok) if self.in_quote[i] < 0 and tok.pos_ == "VERB" else None
            if subject is not None and subject.lower_ not in WH_SUBJECTS:
                if any(ts <= c.i < te for c in tok.children if c.dep_ in ("ccomp", "parataxis", "dobj")):
                    return tok
        return None

    def _lead_in_cue(self, n: int) -> Token | None:
        """'Trump wrote on Truth Social:' or 'He said:' ending the sentence before the quote, in this
        paragraph or as the whole previous one."""
        s0, _ = self._frame(n)
        i = s0 - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 0 or self.doc[i].text != ":":
            return None
        prev_sent = self.doc[slice(*self.sents.bounds(i))]
        if self.layout.prose_distance(prev_sent.start_char, self.spans[n].start) > 1:
            return None
        verbs = [t for t in prev_sent if self.in_quote[t.i] < 0 and t.pos_ in ("VERB", "AUX")]
        for tok in verbs:
            if tok.lemma_ in self.direct_cues:
                return tok
        for tok in verbs:  # "The piece used one of her quotes as its headline:"
            if subject_of(tok) is not None and tok.dep_ == "ROOT":
                return tok
        words = [t for t in prev_sent if not t.is_space]
        if 2 <= len(words) <= 6 and self.tags.known_verb(words[0]):
            return words[0]  # "Stated Stone:" / "Continued Stone:", whatever the tagger made of the verb
        return None

    def _frame_subject(self, cue: Token) -> Token | None:
        """The noun next to a cue outside the quote: 'Obama's former strategist said', 'said Rep. X'."""
        doc = self.doc
        if cue.i > 0 and doc[cue.i - 1].pos_ == "CCONJ":
            # "Lund said she hopes the report is published soon but said “…”": a second verb of the
            # sentence's subject, which the parser hung lower; not the nearest noun
            for above in cue.ancestors:
                subject = next((c for c in above.children if c.dep_ == "nsubj"), None)
                if subject is not None and self.in_quote[subject.i] < 0:
                    return subject
        i = cue.i - 1
        while i >= 0 and doc[i].text == ",":
            i -= 1
        while i >= 0 and self.in_quote[i] < 0 and doc[i].text not in _CLOSE_OR_COMMA:
            if doc[i].pos_ in ("NOUN", "PROPN", "PRON"):
                clause = next((a for a in doc[i].ancestors if a.dep_ == "relcl"), None)
                if clause is not None and clause.head.i < i and self.in_quote[clause.head.i] < 0 \
                        and clause.head.pos_ in ("NOUN", "PROPN"):
                    # "a White House official who spoke anonymously to discuss strategy said": the one the
                    # relative clause is about, not a word inside it
                    return clause.head
                left = doc[i].left_edge.i
                # "Flynn, a top Trump surrogate, said": the name before the appositive
                if left >= 2 and doc[left - 1].text == "," and doc[left - 2].pos_ == "PROPN" \
                        and self.in_quote[left - 2] < 0:
                    return doc[left - 2]
                return doc[i]
            i -= 1
        i = cue.i + 1
        found = None
        while i < len(doc) and self.in_quote[i] < 0 and doc[i].text not in _CLOSE_OR_COMMA:
            if doc[i].pos_ in ("NOUN", "PROPN", "PRON"):
                found = doc[i]
            elif found is not None:
                break
            i += 1
        return found

    def _next_sentence_cue(self, n: int) -> Token | None:
        """'“…?” Graham asked.': the parser split the attribution into a sentence of its own."""
        _, s1 = self._frame(n)
        if s1 >= len(self.doc):
            return None
        sent = self.doc[slice(*self.sents.bounds(s1))]
        if len(sent) > 14 or self.layout.index(sent.start_char) != self.layout.index(self.spans[n].start):
            return None
        close = self.spans[n].close_mark
        if close is None or self.text[close + 1:sent.start_char].strip():
            return None
        for tok in sent:
            if tok.lemma_ in self.direct_cues and tok.pos_ in ("VERB", "AUX") and subject_of(tok) is not None:
                return tok
        return None

    def _speech_tag(self, n: int) -> SpeechTag | None:
        """'“…,” Trump barked': a name and a verb right after a quotation that ends mid-sentence (the caller
        asks only when no cue leads into the quotation)."""
        span = self.spans[n]
        if span.close_mark is None:
            return None
        last = self.text[span.start:span.end].rstrip()[-1:]
        comma_outside = self.text[span.close_mark + 1:span.close_mark + 2] == ","  # "“…”, she said"
        open_ending = last in _OPEN_ENDINGS or comma_outside
        if not open_ending and last in ".:;":
            return None
        tag = self._tag_after(span.close_mark)
        if tag is None or not open_ending and not self.tags.known_verb(tag.verb):
            return None  # "“We are not afraid” he said": a speech verb tags a quotation even without its comma
        if last in ("?", "!") and not self.tags.known_verb(tag.verb) \
                and any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > tag.verb.i for c in tag.verb.children):
            return None  # "“I love Hispanics!” Jeb Bush broke down what was wrong": a new sentence, not a tag
        parsed = [c for c in tag.verb.children if c.dep_ in ("nsubj", "nsubjpass") and tag.start <= c.i < tag.end]
        if parsed and parsed[0].pos_ != "PROPN":
            tag.subject = parsed[0]  # the parser knows the head of a common noun phrase it agrees on
        return tag

    def _tag_after(self, close_mark: int) -> SpeechTag | None:
        """The speech tag after the closing mark at this character, if its verb can be one."""
        close = self._token_at(close_mark)
        tag = self.tags.after(close.i) if close is not None else None
        return None if tag is None or tag.verb.lemma_ in ("be", "have", "do") else tag

    def _tag_speaker(self, tag: SpeechTag) -> Said:
        """Who a speech tag names, their mention kept inside the tag: the parser may run a phrase on into
        the verb ("a voice-over in the ad states")."""
        quoted = quoted_as(tag.verb)
        if quoted is not None:  # "“…,” the agency quoted Mayor Ivan Petrov as saying"
            return self.speakers.resolve(quoted)
        said = self.speakers.resolve(tag.subject)
        m = said.mention
        if m is not None and m.kind == "nominal" and m.start >= tag.start and m.end > tag.end:
            text = self.doc[m.start:tag.end].text
            said.speaker = text if said.speaker == m.text else said.speaker
            said.mention = replace(m, end=tag.end, text=text)
        return said

    def _colon_speaker(self, n: int) -> tuple[Token | None, Token] | None:
        """Who speaks, and by which verb, when a colon opens the quote (reader.nlp.colon)."""
        colon = self._prev_token(self.spans[n].open_mark)
        if colon is None or colon.text != ":" or colon.i == 0:
            return None
        return before_a_colon(colon, self.sents, self.in_quote, self.coref.people)

    def _tagged_before(self, n: int) -> Attribution | None:
        """The quote before this one in its paragraph when that quote's own speech tag lies between them
        (and, as the caller sees to, no cue leads into this one): '“…,” Clinton said, with a passion that
        suggested the question was out of line. “…”' goes on with Clinton, whatever verbs lie between."""
        span = self.spans[n]
        prev = self.quotes.last_attributed(QuoteKind.DIRECT)
        if prev is None or prev.cue is None or prev.found != "direct-tag":
            return None
        if not prev.end <= prev.cue.idx < span.open_mark or self.layout.index(prev.start) != self.layout.index(span.start):
            return None
        if any(prev.end < s.start < span.start for s in self.spans):
            return None
        return prev

    def _lead_cue(self, span: QuoteSpan) -> Token | None:
        """'He also vowed, “…”' / 'telling her, “…!”' / 'called “distasteful,”': a speech verb right before
        the opening mark introduces the quote (and the words after it start something else)."""
        mark = prev = self._prev_token(span.open_mark)
        if prev is not None and prev.text in (",", ":"):
            prev = self.doc[prev.i - 1] if prev.i > 0 else None
        while prev is not None and prev.pos_ in ("PRON", "PROPN") and prev.i > 0:
            prev = self.doc[prev.i - 1]  # "telling her, “…”"
        if prev is None or self.in_quote[prev.i] >= 0 or _i_quote(prev):
            return None
        if prev.pos_ in ("VERB", "AUX") and prev.lemma_ in self.direct_cues \
                and not (prev.lemma_ in DIRECT_ONLY and mark is prev):  # (not "would continue “till …”")
            return prev
        if mark is None or mark.text not in (",", ":"):
            return None
        # "Trump told the Post in a written statement, “…”" / "Hillary shot back, “…”" / "Rubio fired back
        # forcefully: “…”": the verb the words before the comma hang on, a speech verb or one whose subject
        # is a person
        verb = prev
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i or verb.head.i > prev.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or self.in_quote[verb.i] >= 0:
            return None
        if verb.lemma_ in self.direct_cues:
            return verb
        subject = subject_of(verb)
        # "he", "Lee", "the judge", "Her neighbour, Omar Haddad,"
        person = subject is not None and (subject.lower_ in ("he", "she") or subject.ent_type_ == "PERSON" or (
            verb.dep_ == "ROOT" and (subject.pos_ == "NOUN" and _personal(subject) or any(
                c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subject.children))))
        # before a colon the parser may hang the verb on the quotation's clause
        main = verb.dep_ == "ROOT" or mark.text == ":" and verb.dep_ not in ("relcl", "acl")
        return verb if person and main and verb.tag_ in ("VBD", "VBZ") else None

    def _dash_speaker(self, att: Attribution, span: QuoteSpan) -> bool:
        """'“…” ― Carla Sanchez': a name after a dash closing the quote's line."""
        if span.close_mark is None:
            return False
        m = _DASH_NAME.match(self.text, span.close_mark + 1)
        if m is None:
            return False
        name = m.group(1).strip().rstrip(".")
        words = name.split()
        if not 1 <= len(words) <= 6 or not all(w[:1].isupper() or w in ("de", "van", "von", "da", "del")
                                               for w in words):
            return False
        cs = self.doc.char_span(m.start(1), m.start(1) + len(name), alignment_mode="expand")
        if cs is None:
            return False
        s, e = name_tokens(cs[-1])
        title = None
        if cs.start < s < cs.end and e == cs.end:  # "― Interior Minister Gérald Darmanin": the title is a role
            title, name, cs = self.doc[cs.start:s].text, self.doc[s:e].text, self.doc[s:e]
        person = self.coref.person_for_name(name, None, None)
        att.speaker = person.name if person is not None else name
        att.role = person.role if person is not None and person.role else title
        att.mention = Mention(cs.start, cs.end, cs.end - 1, name, "name", "PERSON")
        if person is not None:
            self.coref.note_speaker(cs.end - 1, person)
        return True

    def _action_beat(self, span: QuoteSpan) -> Said | None:
        """'The judge then turned to me. “Do you understand?”': a quotation right after a sentence, in the
        same paragraph, about what a person did is that person's."""
        prev = self._prev_token(span.open_mark)
        if prev is None or prev.text not in (".", "!") or self.in_quote[prev.i] >= 0:
            return None
        start, _ = self.sents.bounds(prev.i)
        if self.text[self.doc[start].idx:span.open_mark].count("\n") or any(
                self.in_quote[i] >= 0 for i in range(start, prev.i)):
            return None
        words = self.doc[start:prev.i]
        root = next((t for t in words if t.dep_ == "ROOT"), None)
        if root is not None and root.lemma_ in self.direct_cues and _closes_sentence(root):
            # "Or maybe Jeb Bush, consultant Phil Musser says. “…”": who says it is the name before the verb, or
            # the verb's subject ("Sam Lau, the party's spokesman said in a statement. “…”")
            who = next((t for t in (self.doc[root.i - 1], subject_of(root)) if t is not None and self._someone(t)),
                       None)
            return self._named_speaker(who) if who is not None else None
        return self._main_subject_speaks(
            words, self._someone, lambda root: root.pos_ == "VERB" and root.lemma_ not in self.direct_cues)

    def _someone(self, subject: Token) -> bool:
        """A person, also a known person's name the model took for an organisation ('Guardiola smiled')."""
        return _personal(subject) or subject.pos_ == "PROPN" and self.coref.people.lookup(subject.text) is not None

    def _pronoun_paragraph(self, para: Span) -> Said | None:
        """The person a paragraph of one sentence with 'he' or 'she' as its main subject is about."""
        if self.sents.index(para.start) != self.sents.index(max(para.start, para.end - 1)):
            return None
        return self._main_subject_speaks(
            para, lambda subject: subject.lower_ in ("he", "she") and self.in_quote[subject.i] < 0)

    def _main_subject_speaks(self, words: Span, person: Callable[[Token], bool],
                             acts: Callable[[Token], bool] = lambda root: True) -> Said | None:
        """Who the subject of the main verb in ``words`` is, when ``acts`` accepts the verb and ``person``
        the subject, and it resolves to a speaker."""
        root = next((t for t in words if t.dep_ == "ROOT"), None)
        if root is None or not acts(root):
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or not person(subject):
            return None
        return self._named_speaker(subject)

    def _named_speaker(self, subject: Token) -> Said | None:
        """Who ``subject`` is, when it resolves to a speaker."""
        said = self.speakers.resolve(subject)
        return said if said.speaker is not None else None

    def _paragraph_before_speaks(self, att: Attribution, span: QuoteSpan) -> None:
        """'Viguerie is upbeat about Cruz’s chances. / “Not only can Ted Cruz win …”': a quotation that is a
        paragraph of its own, with nothing to attribute it, is by the person the paragraph before is about
        (the last person who is the subject of a sentence there)."""
        layout = self.layout
        here = layout.index(span.start)
        if self.text[layout.paragraphs[here].start:span.open_mark].strip():
            return
        before = here - 1
        while before >= 0 and layout.paragraphs[before].kind not in ("prose", "heading"):
            before -= 1  # captions and credits between them do not count
        if before < 0 or layout.paragraphs[before].kind != "prose":
            return
        para = self.doc.char_span(layout.paragraphs[before].start, layout.paragraphs[before].end,
                                  alignment_mode="expand")
        if para is None:
            return
        subjects = [m for m in self.coref.mentions_between(para.start, para.end)
                    if m.subject and not m.person.key.startswith("~")]
        if not subjects:
            # "She pauses." / "“…”": a short paragraph about what 'she' did, right before the quotation
            said = self._pronoun_paragraph(para)
            if said is not None:
                att.take(said)
                att.via = "paragraph-before-pronoun"
            return
        m = subjects[-1]
        tok = self.doc[m.token]
        s, e = name_tokens(tok) if tok.pos_ == "PROPN" else (tok.i, tok.i + 1)
        att.speak_as(m.person)
        att.mention = Mention(s, e, tok.i, self.doc[s:e].text, "name" if tok.pos_ == "PROPN" else "pronoun", "PERSON")
        att.via = "paragraph-before"


def _personal(subject: Token) -> bool:
    """A subject that is a person: a name, 'he' or 'she', or 'the judge'."""
    if subject.lower_ in ("he", "she"):
        return True
    if subject.pos_ == "PROPN":
        return subject.ent_type_ in ("PERSON", "")
    return subject.pos_ == "NOUN" and subject.tag_ == "NN" and subject.lower_ in PERSON_NOUNS


def _i_quote(tok: Token) -> bool:
    """'and I quote': a formula, not the verb that reports."""
    return tok.lower_ == "quote" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "i"


def _closes_sentence(cue: Token) -> bool:
    """'Or maybe Jeb Bush, consultant Phil Musser says.': a speech verb with what was said before it and
    nothing but circumstance after it."""
    return cue.pos_ == "VERB" and cue.i > cue.sent.start + 2 \
        and all(c.dep_ in ("punct", "advmod", "npadvmod", "prep") for c in cue.rights)


