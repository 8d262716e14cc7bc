"""The engine's parts on their own: the speaker resolver and the reported-speech finder return values
and can be driven without the Extractor around them."""

from __future__ import annotations

from reader.model import QuoteKind, SpeakerKind
from reader.nlp.coref import Coreference
from reader.nlp.layout import Layout
from reader.nlp.reported import ReportedSpeech
from reader.nlp.sentences import Sentences
from reader.nlp.speaker_resolution import SpeakerResolver
from reader.nlp.speech import Attribution, QuoteList
from reader.nlp.subjects import subject_of


def parts(nlp, text):
    doc = nlp(text)
    sents = Sentences(doc)
    layout = Layout(doc.text)
    in_quote = [-1] * len(doc)
    quotes = QuoteList()
    resolver = SpeakerResolver(doc, sents, Coreference(doc, layout, in_quote, sents), in_quote, quotes)
    return doc, layout, in_quote, quotes, resolver


def token(doc, word, n=0):
    return [t for t in doc if t.text == word][n]


def test_the_resolver_returns_who_said_it(nlp):
    doc, _, _, _, resolver = parts(nlp, "Mayor Elena Ruiz opened the bridge. Later she said the work was done.")
    named = resolver.resolve(subject_of(token(doc, "opened")))
    assert (named.speaker, named.via, named.role) == ("Elena Ruiz", "name", "Mayor")
    pronoun = resolver.resolve(subject_of(token(doc, "said")))
    assert (pronoun.speaker, pronoun.via) == ("Elena Ruiz", "pronoun")
    assert doc[pronoun.mention.start].text == "she"
    nobody = resolver.resolve(None)
    assert nobody.speaker is None and nobody.via == "none"


def test_the_resolver_reads_the_quotes_found_so_far_without_changing_them(nlp):
    doc, _, _, quotes, resolver = parts(nlp, "The union said pay must rise. They said a strike was near.")
    first = Attribution(0, 10, QuoteKind.INDIRECT, cue=token(doc, "said", 0))
    first.take(resolver.resolve(subject_of(token(doc, "said", 0))))
    assert first.speaker_kind == SpeakerKind.GROUP
    quotes.add(first)
    they = resolver.resolve(subject_of(token(doc, "said", 1)))
    assert they.speaker == first.speaker and they.via == "group-pronoun"
    assert len(quotes) == 1


def test_reported_speech_returns_its_quotes_for_the_caller_to_keep(nlp):
    text = "To keep the schedule, Marta Keane said, the crew would work through the weekend."
    doc, layout, in_quote, quotes, resolver = parts(nlp, text)
    finder = ReportedSpeech(doc, layout, in_quote, [], resolver, quotes)
    claimed: set[int] = set()
    found = finder.report(token(doc, "said"), claimed)
    assert [text[q.start:q.end] for q in found] == ["To keep the schedule", "the crew would work through the weekend"]
    assert {q.speaker for q in found} == {"Marta Keane"} and found[1].inherited is False
    assert len(quotes) == 0 and token(doc, "said").i in claimed
    assert finder.report(token(doc, "said"), claimed) == []  # a claimed cue gives nothing twice
