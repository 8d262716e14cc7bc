"""How whole stories are laid out: question-and-answer interviews, wire ledes that give a role before the name."""

from __future__ import annotations

import pytest

from reader.nlp.analyse import analyse_text

INTERVIEW = """The economist who saw the slump coming

Lena Moritz, chief economist at Hallberg Bank, warned a year ago that house prices would fall. Moritz spoke to us \
from Frankfurt.

Q: Were you surprised by how fast prices fell?

A: Not really. Mortgage rates doubled in eighteen months. Something had to give.

Question: Will the central bank cut rates this year?

Answer: I expect two cuts before December.
"""


def test_the_answers_of_an_interview_are_the_interviewee_s_and_the_questions_the_interviewer_s(nlp):
    analysis = analyse_text(nlp, INTERVIEW)
    turns = {q.text: (q.kind.value, q.speaker) for q in analysis.quotes}
    assert turns["Not really. Mortgage rates doubled in eighteen months. Something had to give."] == \
        ("direct", "Lena Moritz")
    assert turns["I expect two cuts before December."] == ("direct", "Lena Moritz")
    assert turns["Were you surprised by how fast prices fell?"] == ("direct", "the interviewer")
    assert turns["Will the central bank cut rates this year?"] == ("direct", "the interviewer")
    answer = next(q for q in analysis.quotes if q.text.startswith("Not really"))
    assert INTERVIEW[answer.speaker_start:answer.speaker_end] == "A"


@pytest.mark.parametrize("text", [
    # a letter of the alphabet that opens a list, with no question
    "The options were:\n\nA. Raise the levy.\n\nB. Cut the bus routes.\n",
    # questions alone are a FAQ, not an interview
    "Q: When does the pool open?\n\nThe pool opens at six on weekdays, Ana Ruiz of the council said.\n",
])
def test_lettered_lists_and_lone_questions_are_no_interview(nlp, text):
    analysis = analyse_text(nlp, text)
    assert not any(q.speaker in ("the interviewer",) or q.text.startswith(("Raise", "When does")) for q in analysis.quotes)


def test_a_wire_lede_gives_the_role_before_the_name(nlp):
    text = ("NAIROBI (AP) — Kenya’s president on Monday defended a new housing levy, saying the tax would create "
            "“hundreds of thousands of jobs.”\n\nSpeaking at a rally in Nakuru, President William Ruto told supporters "
            "the levy was “not a punishment but an investment.”\n")
    analysis = analyse_text(nlp, text)
    assert {q.speaker for q in analysis.quotes} == {"William Ruto"}
    first = analysis.quotes[0]
    assert text[first.speaker_start:first.speaker_end] == "Kenya’s president"


def test_another_country_s_president_is_not_the_president_named_before(nlp):
    text = ("President Ann Carter met the press on Monday. Later in the week, Germany’s president said the alliance "
            "needed a bigger budget.\n")
    analysis = analyse_text(nlp, text)
    assert next(q for q in analysis.quotes if "alliance" in q.text).speaker != "Ann Carter"


DEBATE = """Here is a transcript of the exchange.

Moderator: Senator Ellison, what would you cut first?

Ellison: I would start with the consultants.

Ortega: That is simply not true.

Ellison: It is, and I have the receipts.

Moderator: Governor, your response?
"""


def test_a_dialogue_labelled_in_title_case_is_a_transcript(nlp):
    turns = [(q.text, q.speaker, q.kind.value) for q in analyse_text(nlp, DEBATE).quotes]
    assert ("I would start with the consultants.", "Ellison", "direct") in turns
    assert ("That is simply not true.", "Ortega", "direct") in turns
    assert ("Governor, your response?", "Moderator", "direct") in turns


@pytest.mark.parametrize("text", [
    "Update: The road has reopened.\n\nThe council met at noon.\n\nUpdate: The council has adjourned.\n",
    "Delegates so far.\n\nClinton: 547.\n\nSanders: 46.\n\nTotal.\n\nClinton: 2,316.\n\nSanders: 1,547.\n",
    "Note: This story has been corrected.\n\nRuiz: the plan is dead, say allies.\n",
])
def test_labels_that_are_no_dialogue_are_no_turns(nlp, text):
    assert not any(q.kind.value == "direct" for q in analyse_text(nlp, text).quotes)


@pytest.mark.parametrize("text", [
    "The senator replied within minutes.\n\nThis bill will bankrupt every farm in the valley. — Mark Ellison "
    "(@SenEllison) June 4, 2024\n\nThe governor did not respond.\n",
    "The senator replied within minutes.\n\nThis bill will bankrupt every farm in the valley.\n\n"
    "— Mark Ellison (@SenEllison) June 4, 2024\n\nThe governor did not respond.\n",
])
def test_an_embedded_post_is_its_author_s(nlp, text):
    quotes = analyse_text(nlp, text).quotes
    assert [(q.text, q.speaker, q.kind.value) for q in quotes] == \
        [("This bill will bankrupt every farm in the valley.", "Mark Ellison", "direct")]


def test_a_page_s_embedded_tweet_is_its_author_s(tmp_path):
    from reader.documents import load_article
    from reader.nlp.pipeline import shared_nlp

    page = tmp_path / "fight.html"
    page.write_text(
        "<html><head><title>Water fight</title></head><body><article><h1>Water fight heats up</h1>"
        "<p>The senator responded on social media within minutes of the vote on Tuesday.</p>"
        '<blockquote class="twitter-tweet"><p lang="en">This bill will bankrupt every farm in the valley.</p>'
        '&mdash; Mark Ellison (@SenEllison) <a href="https://twitter.com/SenEllison/status/1">June 4, 2024</a>'
        "</blockquote><p>The governor’s office did not respond directly but posted a chart of water use.</p>"
        "</article></body></html>", encoding="utf-8")
    text = load_article(page).text
    quotes = analyse_text(shared_nlp(), text).quotes
    assert ("This bill will bankrupt every farm in the valley.", "Mark Ellison") in [(q.text, q.speaker) for q in quotes]
