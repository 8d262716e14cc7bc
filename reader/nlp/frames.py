"""The frames of a report other than a cue verb's clause: "according to X, …", "In a new poll, …", "… in the
latest Marist poll", "As Crane said, …", "The new rules, said Ana Ruiz, would …", "X has reportedly …", and the
questions put to someone ("Asked whether …"). A mixin of ReportedSpeech, over the state it holds."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from reader.model import QuoteKind
from reader.nlp.cues import SPEECH_CUES, words_of
from reader.nlp.layout import Layout
from reader.nlp.lexicon import PERSON_NOUNS, TITLE_WORDS
from reader.nlp.speaker_resolution import SpeakerResolver
from reader.nlp.speech import _CLOSE_MARKS, _OPEN_MARKS, Attribution, QuoteList, past_closing_mark
from reader.nlp.subjects import subject_of

DIVIDERS = (",", "\u2014", "\u2013")  # what sets a report's source off from its words
# documents that measure rather than speak: what a sentence opening with one says, it shows of its subject
_MEASURES = {"poll", "survey", "study", "analysis", "data", "census", "estimate", "audit", "review", "questionnaire"}
# what a poll finds of someone: a lead, a place, a rise or fall, a share
_STANDINGS = {"lead", "ahead", "behind", "trail", "percent", "point", "first", "second", "third", "fourth", "fifth",
              "sixth", "last", "top", "sag", "slip", "rise", "fall", "drop", "climb", "surge", "gain", "lose", "edge",
              "beat", "tie", "neck", "favorable", "unfavorable", "approval", "rating", "support", "mire", "lag",
              "double", "majority", "plurality", "margin", "advantage", "deficit", "gap", "fare", "well", "better",
              "worse", "poorly", "strong", "strongly", "weak", "win", "dominate"}


class ReportFrames:
    """Where a report's words and source lie when no cue verb's clause says so."""

    doc: Doc
    layout: Layout
    in_quote: list[int]
    standalone: list[bool]
    speakers: SpeakerResolver
    quotes: QuoteList

    def _sentence_words(self, i: int) -> tuple[int, int]:
        """The token bounds of the sentence around token i, without its closing punctuation and spaces."""
        doc = self.doc
        s0, s1 = self.speakers.sents.bounds(i)
        while s1 > s0 and (doc[s1 - 1].is_space or doc[s1 - 1].text in (".", "?", "!")):
            s1 -= 1
        return s0, s1

    def _inverted_tag(self, cue: Token) -> tuple[Token, list[tuple[int, int]]] | None:
        """'Any reading of his actions, said Michael Kofman, an expert on Russia, would see …': a tag set
        between commas inside the clause it reports, the name after the verb; the parser makes the name
        the subject of the clause. The speaker, and the clause's two parts around the tag."""
        doc = self.doc
        i = cue.i
        s0, s1 = self.speakers.sents.bounds(i)
        if i - 1 <= s0 or doc[i - 1].text != "," or i + 2 >= s1 or doc[i + 1].pos_ != "PROPN" \
                or doc[i + 1].ent_type_ not in ("PERSON", "") or cue.lemma_ not in SPEECH_CUES \
                or self.in_quote[i - 2] >= 0:
            return None
        end = i + 1
        while end + 1 < s1 and (doc[end + 1].ent_iob_ == "I" or doc[end + 1].pos_ == "PROPN"
                                or doc[end + 1].text == "." and doc[end].lower_.rstrip(".") in TITLE_WORDS):
            end += 1
        head = end
        while end + 2 < s1 and doc[end + 1].lower_ in ("of", "from") and doc[end + 2].pos_ == "PROPN":
            end += 2  # "said Sen. Ana Ruiz of Ohio,"
            while end + 1 < s1 and doc[end + 1].pos_ == "PROPN":
                end += 1
        if end + 1 >= s1 or doc[end + 1].text != ",":
            return None
        resume = end + 2
        if doc[resume].pos_ in ("DET", "ADJ", "NOUN", "PROPN") or doc[resume].tag_ == "PRP$":
            # "…, said Ana Ruiz, the city's planning director, would": past her appositive
            close = next((k for k in range(resume, min(s1, resume + 16)) if doc[k].text == ","), None)
            if close is None:
                return None
            resume = close + 1
        if not any(t.pos_ in ("VERB", "AUX") for t in doc[resume:s1]):
            return None
        return doc[head], [(s0, i - 1), (resume, s1)]

    def _as_frame(self, cue: Token) -> tuple[int, int] | None:
        """'As Crane said, the two candidates have become …' / '…, as the mayor noted.': the clause the
        'as' phrase frames is what was said. Not 'As he said goodbye, …' (a time), nor a cue with words
        of its own to report."""
        doc = self.doc
        mark = next((c for c in cue.children if c.dep_ == "mark" and c.lower_ == "as"), None)
        if mark is None or cue.dep_ != "advcl" or cue.lemma_ not in SPEECH_CUES:
            return None
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") and not (c.dep_ == "dobj" and c.lower_ == "it")
               for c in cue.children):
            return None  # "As he said goodbye": what he said is named; "As the mayor put it": the way she put it
        s0, s1 = self._sentence_words(cue.i)
        left, right = cue.left_edge.i, cue.right_edge.i + 1
        if doc[right - 1].text == ",":
            right -= 1  # the parser may hang the comma on the cue
        if left == s0 and right < s1 and doc[right].text == ",":
            return right + 1, s1  # "As Crane said, A."
        if right >= s1 and left > s0 + 2 and doc[left - 1].text == ",":
            return s0, left - 1  # "A, as the mayor noted."
        return None

    def _poll_result(self, prep: Token, claimed: set[int]) -> list[Attribution]:
        """'Clinton led Sanders 2-1 in an NBC News/Marist poll': the clause before the phrase is what the
        poll found, and the poll its source."""
        doc = self.doc
        head = prep.head
        poll = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if poll is None or head.pos_ not in ("VERB", "AUX") or head.i > prep.i or self.in_quote[prep.i] >= 0:
            return []
        lefts = [c for c in head.children if c.i < prep.i and c.dep_ not in ("cc", "mark", "punct", "prep", "advmod")
                 or c.i == head.i]
        start = min([head.i] + [c.left_edge.i for c in lefts])
        rng = self._clean_range(prep, start, prep.i, need_verb=True)
        if rng is None or not any(t.pos_ == "NUM" or t.lemma_.lower() in _STANDINGS for t in doc[rng[0]:rng[1]]):
            return []  # "She took part in the poll": no finding, a standing or a number
        s, e = rng
        first, last = doc[s:e].start_char, doc[s:e].end_char
        if self.quotes.overlapping(first, last):
            return []
        att = Attribution(first, last, QuoteKind.INDIRECT, cue=prep, found="poll")
        att.take(self.speakers.resolve(poll))
        claimed.add(prep.i)
        return [att]

    def _reportedly(self, adverb: Token) -> list[Attribution]:
        """'The company has reportedly taken heat from …': the clause is reported by someone unnamed, in
        the words on either side of the adverb."""
        head = adverb.head
        if adverb.dep_ != "advmod" or head.pos_ not in ("VERB", "AUX") or self.in_quote[adverb.i] >= 0:
            return []
        s0, s1 = self.speakers.sents.bounds(adverb.i)
        left, right = max(s0, head.left_edge.i), min(s1, head.right_edge.i + 1)
        found: list[Attribution] = []
        doc = self.doc
        for s, e in ((left, adverb.i), (adverb.i + 1, right)):
            while s < e and (doc[s].is_punct or doc[s].is_space):
                s += 1
            while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
                e -= 1
            if e == s or not self.layout.is_prose(doc[s].idx):
                continue  # "Cuccinelli reportedly reacted …": even one word is a part of what was reported
            start, end = doc[s:e].start_char, doc[s:e].end_char
            att = Attribution(start, end, QuoteKind.INDIRECT, cue=adverb, found="reportedly")
            if found:
                att.same_speaker_as(found[0], inherited=False)
            found.append(att)
        return found

    def _according(self, cue: Token) -> list[tuple[int, int]]:
        """'According to X, A.' / 'A, according to X.': the rest of the sentence, whatever the parser hung
        the phrase on; inside a sentence, the clause the phrase belongs to."""
        doc = self.doc
        s0, s1 = self._sentence_words(cue.i)
        end = cue.right_edge.i + 1
        if cue.i == s0 or (cue.i == s0 + 1 and doc[s0].is_punct):
            # "According to a report by the X Institute, A": A starts after the first comma that does not
            # open an appositive ("According to Ann Lee, an economist at …, A"); the parse of the phrase is
            # often wrong, the comma is not
            for i in range(cue.i + 2, s1 - 1):
                if doc[i].text == "," and doc[i + 1].lower_ not in ("a", "an") and self.in_quote[i] < 0:
                    return [(i + 1, s1)]
            return []
        if end >= s1 and cue.i > s0 and doc[cue.i - 1].text in DIVIDERS:
            return [(s0, cue.i - 1)]
        head = cue.head
        if head.i == cue.i:
            return []
        s, e = head.left_edge.i, head.right_edge.i + 1
        a, b = cue.left_edge.i, cue.right_edge.i + 1
        return [(b, e) if e - b >= a - s else (s, a)]

    def _document_frame(self, cue: Token) -> tuple[int, int]:
        """'In the new Post-ABC poll, the mogul wins about 1 in 3 voters': the rest of the sentence is
        what the poll (study, report, video …) shows."""
        s1 = self.speakers.sents.bounds(cue.i)[1]
        comma = cue.right_edge.i + 1
        for i in range(comma + 1, s1 - 1):
            if self.doc[i].text == ":" and (self.in_quote[i + 1] >= 0 or self.doc[i + 1].text in _OPEN_MARKS):
                return comma + 1, i  # "In the video, the cleric is shown lecturing: “…”": his words are his quote
        return comma + 1, s1

    @staticmethod
    def _document_source(cue: Token) -> Token:
        """Who an 'In <document>, …' sentence is by: the person its clause is about ('In her post, she
        reminded …'), else the document itself."""
        document = next(c for c in cue.children if c.dep_ == "pobj")
        speaker = words_of(document)
        if speaker is not None:
            return speaker  # "In the words of one resident, …"
        if document.lemma_.lower() in _MEASURES and not any(c.dep_ == "poss" for c in document.children):
            return document  # "In the latest polls, he trails": the poll shows it, he does not say it
        clause_subject = subject_of(cue.head)
        if clause_subject is not None and (
                clause_subject.lower_ in ("he", "she", "they") or clause_subject.ent_type_ == "PERSON"
                or clause_subject.pos_ == "NOUN" and document.lemma_.lower() not in _SEEN and (
                    clause_subject.lemma_.lower() in PERSON_NOUNS or (
                        clause_subject.tag_ == "NNS" and clause_subject.lemma_.lower().endswith(("writer", "ist"))))):
            # "In a column, two speechwriters implored her …": they write in it (not "In the video, the young
            # woman appears to shove him": the video shows her)
            return clause_subject
        return document

    def _clean_range(self, cue: Token, s: int, e: int, need_verb: bool = True) -> tuple[int, int] | None:
        doc = self.doc
        opens_paragraph = s < e and (doc[s].idx == 0 or self.layout.text[doc[s].idx - 1] == "\n")
        dateline = _DATELINE.match(self.layout.text, doc[s].idx) if opens_paragraph else None
        if dateline is not None:  # "PORTO ALEGRE, Brazil (AP) — Heavy rains …, officials said": the place is no report
            while s < e and doc[s].idx < dateline.end():
                s += 1
        while s < e and (doc[s].is_punct and doc[s].text not in _OPEN_MARKS or doc[s].is_space):
            s += 1
        while e > s and (doc[e - 1].is_space or doc[e - 1].text in (",", ";", ":", ".", "\u2014", "\u2013", "-")
                         or doc[e - 1].pos_ == "CCONJ" and e - 1 > s):
            e -= 1  # "… is published soon but" before the next verb: the conjunction joins, it is not said
        if e - s == 1 and doc[s].lower_ in ("yes", "no") and doc[s].head.i == cue.i:
            return s, e  # "… said no": the answer is what was said
        if e - s == 1 and not need_verb and doc[s].pos_ == "PROPN" and e <= cue.i:
            return s, e  # "Trump is expected to …", "Clinton, a top aide said, is …": the one the report is about
        clause = e - s == 2 and doc[s].dep_ == "nsubj" and doc[s].pos_ in ("NOUN", "PROPN") \
            and doc[s + 1].pos_ == "VERB" and doc[s + 1].dep_ == "ccomp" and doc[s + 1].head.i == cue.i
        if e - s < 2 or (need_verb and (e - s < 3 and not clause or not any(t.pos_ in ("VERB", "AUX") for t in doc[s:e]))):
            return None  # "profits rose" is a clause reported, two words are no more
        e = self._through_fragment(s, e)
        e = past_closing_mark(doc, s, e)  # the closing mark of a fragment that ends the clause
        inside = sum(1 for i in range(s, e) if self.in_quote[i] >= 0 and self.standalone[self.in_quote[i]])
        if inside * 2 > e - s:
            return None  # the clause is a direct quote: that quote's own cue
        if not self.layout.is_prose(doc[s].idx):
            return None
        return s, e

    def _through_fragment(self, s: int, e: int) -> int:
        """'… that Europe must “de-risk, not decouple” from China': a clause the parser broke off inside a
        quoted fragment runs on to the fragment's end and to what hangs on its words, within the sentence."""
        doc, q = self.doc, self.in_quote[e - 1]
        if q < 0 or self.standalone[q] or e >= len(doc) or self.in_quote[e] != q or self.in_quote[s] == q:
            return e
        _, s1 = self._sentence_words(e - 1)
        end = e
        while end < s1 and self.in_quote[end] == q:
            end += 1
        if end >= s1 or self.in_quote[end] == q:
            return e  # the fragment runs past the sentence: leave the parse's clause as it is
        reach = min(max(doc[i].right_edge.i + 1 for i in range(e - 1, end)), s1)
        while end < reach and not (doc[end].is_punct and self.in_quote[end] < 0 and doc[end].text not in _CLOSE_MARKS) \
                and doc[end].pos_ != "CCONJ":
            end += 1  # "… from China", not ", and left"
        return end


# a dateline opening a story: "PORTO ALEGRE, Brazil (AP) — ", "KYIV, Ukraine — ", "LONDON (Reuters) - "
_DATELINE = re.compile(r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*(?:, [A-Z][\w.]*(?: [A-Z0-9][\w.]*)*)?(?: \([\w .]+\))?"
                       r"[ \u00a0]*(?:\u2014|\u2013|--?)[ \u00a0]*")


# documents that show what people do rather than give their words
_SEEN = {"video", "footage", "photo", "photograph", "image", "clip", "picture", "film", "recording"}


def put_to(cue: Token) -> bool:
    """'Asked whether …, Lee said': a question put to the sentence's subject, not asked by them."""
    doc = cue.doc
    if cue.lower_ != "asked" or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return False
    before = doc[cue.i - 1] if cue.i > 0 else None
    # "Asked about …, she said" / "…, she told the Standard when asked if …" / "after being asked whether …"
    # / "A senior official, asked about the reports, would only say …"
    return before is None or before.is_space or before.text in (".", "But", "And", "When", "when", "being", "if") \
        or before.text == "," and cue.dep_ == "acl" and cue.head.i < cue.i

