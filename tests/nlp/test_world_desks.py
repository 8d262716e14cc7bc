"""What stories from other desks showed (South African, Irish, Kenyan, Philippine, Indian and Australian
politics, markets, sport, courts, science, a bold-type interview, a live blog, an obituary): a country before
a headline's colon, a name taken with the speaker's firm or owner, a name the model missed that a "who"
describes, a role named once for the person just described, a claim denied, clauses the parser broke or
hung elsewhere, and words quoted after a verb that only goes on."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Kenya: Nurses' union threatens strike over unpaid allowances\n\n"
    "NAIROBI, Kenya — The union said talks with the counties had collapsed.",
    "Peru: Floods cut off mountain towns\n\nLIMA, Peru — Officials said three bridges had been swept away.",
])
def test_a_country_before_a_headlines_colon_is_no_speaker(quotes_of, text):
    speakers = {speaker for _, speaker in quotes_of(text)}
    assert not speakers & {"Kenya", "Peru"}


def test_a_person_before_a_headlines_colon_still_speaks(quotes_of):
    text = "Okafor: The Port Will Reopen in May\n\nTransport minister Ada Okafor told reporters the port would reopen."
    assert ("The Port Will Reopen in May", "Ada Okafor") in quotes_of(text)


def test_a_name_taken_together_with_the_speakers_firm_is_the_name(quotes_of):
    text = '"The China business was the growth story," Priya Nair of Castlebrook Securities wrote in a note to clients.'
    assert quotes_of(text) == [("The China business was the growth story,", "Priya Nair")]


def test_an_organisation_named_of_a_place_keeps_its_name(quotes_of):
    text = "The Bank of America said profits rose sharply in the quarter."
    assert [s for _, s in quotes_of(text)] == ["The Bank of America"]


def test_a_name_the_model_missed_that_who_describes_is_a_person(quotes_of):
    text = ("Cyriel Dessers scored the winner in the 88th minute.\n\n"
            "Dessers, who has faced criticism this season, dedicated the goal to his late grandfather. "
            "“He was my biggest fan. This one is for him,” the striker said.")
    assert [s for _, s in quotes_of(text)] == ["Cyriel Dessers"]


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
def test_a_role_named_once_for_the_person_just_described(quotes_of, text, speaker):
    assert [s for _, s in quotes_of(text)][-1] == speaker


@pytest.mark.parametrize("text, reported", [
    ("Labour's Ivana Bacik said it was time the Government \"stopped the games\" and focused on the cost of living.",
     "it was time the Government \"stopped the games\" and focused on the cost of living"),
    ("The senator said he would be honoured to serve should the opportunity present itself.",
     "he would be honoured to serve should the opportunity present itself"),
])
def test_a_reported_clause_the_parser_broke_in_two_is_one(quotes_of, text, reported):
    assert [q for q, _ in quotes_of(text)] == [reported]


def test_two_reports_joined_by_and_stay_two(quotes_of):
    text = "Six in ten voters said the mayor was honest, and a third said the same of her rival."
    quotes = [q for q, _ in quotes_of(text)]
    assert "the mayor was honest" in quotes
    assert not any("a third said" in q for q in quotes)


@pytest.mark.parametrize("text, speaker", [
    ("“It is over,” said Fox News' Sean Hannity.", "Sean Hannity"),
    ("“She was a light in this city,” said Brooks' sister, Natalie. “She rode that route every day.”", "Natalie"),
    ("“It is over,” said Brooks' sister.", "Brooks' sister"),
])
def test_an_owner_written_with_a_bare_apostrophe_is_not_the_speaker(quotes_of, text, speaker):
    assert {s for _, s in quotes_of(text)} == {speaker}


def test_a_claim_denied_is_the_report_and_its_answer_is_the_deniers(quotes_of):
    text = ("The White House on Thursday denied a report that President Donald Trump was considering delaying "
            "tariffs on European goods, calling it “fake news.”")
    assert quotes_of(text) == [
        ("a report that President Donald Trump was considering delaying tariffs on European goods", "The White House"),
        ("it “fake news.”", "The White House"),
    ]


def test_a_that_clause_after_a_citation_is_what_was_reported(quotes_of):
    text = ("The Financial Times had reported, citing three people familiar with the discussions, that officials "
            "were weighing a two-week pause.")
    quotes = quotes_of(text)
    assert ("that officials were weighing a two-week pause", "The Financial Times") in quotes
    assert {s for _, s in quotes} == {"The Financial Times"}


@pytest.mark.parametrize("text", ["He said so that nobody would worry.", "She spoke slowly so that nobody would worry."])
def test_a_purpose_is_not_reported(quotes_of, text):
    assert quotes_of(text) == []


def test_an_interview_in_bold_with_the_answers_labelled(quotes_of):
    text = ("Mayor Lena Ortiz stopped new gas connections in 2023. We asked her how it went.\n\n"
            "**Why did you do it?**\n\n**Ortiz:** Honestly, the money. Our pipes were eighty years old.\n\n"
            "**Any regrets?**\n\n**Ortiz:** We should have talked to residents first.\n")
    answers = [(q, s) for q, s in quotes_of(text) if s == "Lena Ortiz"]
    assert [q for q, _ in answers][-2:] == ["Honestly, the money. Our pipes were eighty years old.",
                                            "We should have talked to residents first."]


def test_a_label_that_comes_back_but_is_no_one_named_is_no_interview(quotes_of):
    text = "Update: The road is closed.\n\nThe council said crews were on site.\n\nUpdate: The road has reopened.\n"
    assert [s for _, s in quotes_of(text)] == ["The council"]


def test_words_quoted_after_continue_are_part_of_the_report(quotes_of):
    text = "A senior opposition leader said the walkout would continue “till the government listens”."
    assert quotes_of(text) == [("the walkout would continue “till the government listens”",
                                     "A senior opposition leader")]


def test_continued_with_a_colon_still_leads_into_a_quotation(quotes_of):
    text = "Ana Ruiz spoke for an hour. She continued: “We will not stop.”"
    assert quotes_of(text) == [("We will not stop.", "Ana Ruiz")]


def test_a_lowercase_role_the_tagger_called_a_name_is_not_part_of_it(quotes_of):
    text = "“We are thrilled to be back,” showrunner Maya Fenwick said in a statement."
    assert quotes_of(text) == [("We are thrilled to be back,", "Maya Fenwick")]


def test_the_streamer_is_the_business_named_before(quotes_of):
    text = "Netflix has renewed its hit drama “The Harbour” for a third season, the streamer announced on Friday."
    assert [s for _, s in quotes_of(text)] == ["Netflix"]


def test_a_round_up_of_names_on_topics(quotes_of):
    text = ("What the candidates said\n\nSenator Maria Lopez, on healthcare: “Nobody should go bankrupt because "
            "they got sick.”\n\nGovernor Tom Becker, on immigration: “We need a secure border.”\n")
    assert [s for _, s in quotes_of(text)] == ["Maria Lopez", "Tom Becker"]


def test_a_place_before_a_colon_is_no_speaker(quotes_of):
    text = "Paris, in spring: “The city was never more beautiful.”"
    assert [s for _, s in quotes_of(text)] == [None]


@pytest.mark.parametrize("text, speaker", [
    ("Ngozi Okafor spoke after Tunde Bello on Monday.\n\n“We were not heard,” he said.", "Tunde Bello"),
    ("Gaurav Mehta spoke after Priyanka Rao on Monday.\n\n“We were not heard,” she said.", "Priyanka Rao"),
    ("Amina Yusuf spoke first.\n\n“We were not heard,” he said.", None),
])
def test_given_names_of_other_countries_tell_a_pronoun_who(quotes_of, text, speaker):
    assert [s for _, s in quotes_of(text)] == [speaker]


def test_a_role_holder_named_after_a_bodys_possessive_speaks(quotes_of):
    text = "The Bureau of Meteorology's senior forecaster, Dean Narramore, said relief was unlikely before Tuesday."
    assert [s for _, s in quotes_of(text)] == ["Dean Narramore"]


def test_a_body_with_a_description_after_it_still_speaks(quotes_of):
    text = "The Bank of England, the central bank, said rates would stay where they are."
    assert [s for _, s in quotes_of(text)] == ["The Bank of England"]


def test_the_statement_is_the_one_who_spoke_in_it(quotes_of):
    text = ("The union's general secretary, Frank Moyo, said in a statement that members would stay out.\n\n"
            "“Our members have had enough. This is about whether there will be jobs left for their children,” "
            "the statement said.")
    assert [s for _, s in quotes_of(text)] == ["Frank Moyo", "Frank Moyo"]


@pytest.mark.parametrize("text, speaker", [
    ("Nadia Petrova spent years warning that house prices had outrun incomes.", "Nadia Petrova"),
    ("The senator has spent months arguing that the deal is bad.", "The senator"),
])
def test_a_span_of_time_spent_saying_something_says_nothing(quotes_of, text, speaker):
    assert [s for _, s in quotes_of(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("A spokesman for Mayor Ana Ruiz, Tom Lee, said the plan was dead.", "Tom Lee"),
    ("A spokesman for Mayor Ana Ruiz said the plan was dead.", "A spokesman for Mayor Ana Ruiz"),
    ("A diplomat in Bamako, who requested anonymity, said the bloc was weak.", "A diplomat in Bamako"),
    ("A woman in Worcester, Massachusetts, said she was worried about prices.", "a woman in Worcester, Massachusetts"),
])
def test_who_a_nominal_with_a_phrase_after_it_is(quotes_of, text, speaker):
    assert [s.lower() for _, s in quotes_of(text)] == [speaker.lower()]


def test_in_the_words_of_someone_with_no_verb_of_saying(quotes_of):
    text = "The mayor was defiant. In the words of Winston Churchill, “Never give in.”"
    assert [s for _, s in quotes_of(text)] == ["Winston Churchill"]


def test_words_of_someone_the_writer_spoke_to_are_theirs(quotes_of):
    text = ("Not everyone is convinced. In the words of one chief executive I spoke to, “It works until the first "
            "crisis. Then everyone is back on five days.”")
    assert [s for _, s in quotes_of(text)] == ["one chief executive"]


def test_a_short_quotation_in_single_marks_after_a_lead_in_is_words_said(quotes_of):
    text = "‘We will not give up,’ the minister said, adding: ‘Never.’"
    assert quotes_of(text) == [("We will not give up,", "the minister"), ("Never.", "the minister")]


def test_a_few_words_in_single_marks_are_still_a_scare_quote(quotes_of):
    text = "The council backed the so-called ‘road diet’ for Main Street on Tuesday."
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, reported", [
    ("The minister denied having met the envoy before the vote.", "having met the envoy before the vote"),
    ("The coach admitted taking the wrong decision at half-time.", "taking the wrong decision at half-time"),
])
def test_a_denial_or_admission_of_a_deed_is_reported(quotes_of, text, reported):
    assert [q for q, _ in quotes_of(text)] == [reported]


@pytest.mark.parametrize("text, speaker", [
    ("Ana Ruiz arrived late for the meeting.\n\n“We will be back,” the Chief Executive said.", "Ana Ruiz"),
    ("Ana Ruiz arrived late for the meeting.\n\n“It is close,” the Associated Press said.", "the Associated Press"),
])
def test_a_title_in_capitals_used_for_the_first_time(quotes_of, text, speaker):
    assert [s for _, s in quotes_of(text)] == [speaker]


def test_what_was_vowed_after_a_day_the_parser_put_between(quotes_of):
    text = ("Sir Keir Starmer vowed on Tuesday to “fix the foundations” of the country, telling the conference "
            "that the road ahead would be “tough”.")
    assert [q for q, _ in quotes_of(text)] == ["to “fix the foundations” of the country",
                                               "that the road ahead would be “tough”"]
