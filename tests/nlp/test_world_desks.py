"""What stories from other desks showed: a country before a headline's colon, a name the model took with the
speaker's firm, a name it missed that a "who" describes, a role named once for the person just described,
and a reported clause the parser broke in two."""

from __future__ import annotations

import pytest

from reader.nlp.analyse import analyse_text


def quotes_of(nlp, text):
    return [(q.text, q.speaker) for q in analyse_text(nlp, text).quotes]


@pytest.mark.parametrize("text", [
    "Kenya: Nurses' union threatens strike over unpaid allowances\n\n"
    "NAIROBI, Kenya — The union said talks with the counties had collapsed.",
    "Peru: Floods cut off mountain towns\n\nLIMA, Peru — Officials said three bridges had been swept away.",
])
def test_a_country_before_a_headlines_colon_is_no_speaker(nlp, text):
    speakers = {speaker for _, speaker in quotes_of(nlp, text)}
    assert not speakers & {"Kenya", "Peru"}


def test_a_person_before_a_headlines_colon_still_speaks(nlp):
    text = "Okafor: The Port Will Reopen in May\n\nTransport minister Ada Okafor told reporters the port would reopen."
    assert ("The Port Will Reopen in May", "Ada Okafor") in quotes_of(nlp, text)


def test_a_name_taken_together_with_the_speakers_firm_is_the_name(nlp):
    text = '"The China business was the growth story," Priya Nair of Castlebrook Securities wrote in a note to clients.'
    assert quotes_of(nlp, text) == [("The China business was the growth story,", "Priya Nair")]


def test_an_organisation_named_of_a_place_keeps_its_name(nlp):
    text = "The Bank of America said profits rose sharply in the quarter."
    assert [s for _, s in quotes_of(nlp, text)] == ["The Bank of America"]


def test_a_name_the_model_missed_that_who_describes_is_a_person(nlp):
    text = ("Cyriel Dessers scored the winner in the 88th minute.\n\n"
            "Dessers, who has faced criticism this season, dedicated the goal to his late grandfather. "
            "“He was my biggest fan. This one is for him,” the striker said.")
    assert [s for _, s in quotes_of(nlp, text)] == ["Cyriel Dessers"]


@pytest.mark.parametrize("text, speaker", [
    # the role is named for the first time, for the person the sentence before was about
    ("Tomas Brandt finished the race in fourth place.\n\n“My legs were gone after ten laps,” the cyclist said.",
     "Tomas Brandt"),
    # the story gave the role to someone else: she is the mayor
    ("The mayor, Ana Ruiz, spoke first. Tom Lee attacked her plan on Monday. “It is a fraud,” the mayor said.",
     "the mayor"),
    # the role was used before, for someone unnamed: it is theirs
    ("The cyclist was taken to hospital. Tomas Brandt finished fourth.\n\n“It was hard,” the cyclist said.",
     "The cyclist"),
    # a nominal that names its own holder
    ("Tom Lee spoke first.\n\nThe director of the centre, Ina Kohl, told reporters the group worked alone.",
     "Ina Kohl"),
])
def test_a_role_named_once_for_the_person_just_described(nlp, text, speaker):
    assert [s for _, s in quotes_of(nlp, text)][-1] == speaker


@pytest.mark.parametrize("text, reported", [
    ("Labour's Ivana Bacik said it was time the Government \"stopped the games\" and focused on the cost of living.",
     "it was time the Government \"stopped the games\" and focused on the cost of living"),
    ("The senator said he would be honoured to serve should the opportunity present itself.",
     "he would be honoured to serve should the opportunity present itself"),
])
def test_a_reported_clause_the_parser_broke_in_two_is_one(nlp, text, reported):
    assert [q for q, _ in quotes_of(nlp, text)] == [reported]


def test_two_reports_joined_by_and_stay_two(nlp):
    text = "Six in ten voters said the mayor was honest, and a third said the same of her rival."
    quotes = [q for q, _ in quotes_of(nlp, text)]
    assert "the mayor was honest" in quotes
    assert not any("a third said" in q for q in quotes)
