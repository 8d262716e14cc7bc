"""Speakers whose names a tagger misreads, and speakers a story gives by their age."""

from __future__ import annotations

import pytest

from reader.nlp.analyse import analyse_text


def quotes_of(nlp, text):
    return [(q.text, q.speaker) for q in analyse_text(nlp, text).quotes]


@pytest.mark.parametrize("text", [
    "The columnist George Will has long opposed the plan.\n\n“The war is a reminder,” Will wrote.\n\n"
    "Will said the party should look elsewhere.",
    "George Will urged voters to abandon the outsiders.\n\n“The war is a reminder,” Will wrote.",
])
def test_a_name_that_is_also_a_modal_verb(nlp, text):
    speakers = {speaker for _, speaker in quotes_of(nlp, text)}
    assert speakers == {"George Will"}


def test_may_after_a_full_name_is_her(nlp):
    text = "Theresa May won the vote.\n\nMay told MPs the deal was good."
    assert quotes_of(nlp, text) == [("the deal was good", "Theresa May")]


@pytest.mark.parametrize("text, speaker", [
    ("Ana Ruiz, 43, posted the clip on Thursday.\n\n“What if the mayor had elocution lessons?” the 43-year-old "
     "asked in the video’s description.", "Ana Ruiz"),
    ("Ana Ruiz, 43, posted the clip on Thursday. The 43-year-old said the mayor needed lessons.", "Ana Ruiz"),
    ("Ana Ruiz, 43, posted the clip on Thursday.\n\n“We will rebuild,” the 51-year-old said.", "the 51-year-old"),
])
def test_a_speaker_given_by_age(nlp, text, speaker):
    assert [s for _, s in quotes_of(nlp, text)] == [speaker]
