"""Reports broken by an aside ("A, she said, B") and speakers a story describes but never names."""

from __future__ import annotations

import pytest

from reader.nlp.analyse import analyse_text


def quotes_of(nlp, text):
    return [(q.text, q.kind.value, q.speaker) for q in analyse_text(nlp, text).quotes]


@pytest.mark.parametrize("text, left, right, speaker", [
    ("Martha Okafor, the council's finance chair, spoke after the vote. Though the last merger went smoothly, "
     "she said, folding the two boards together would be far harder and could take years.",
     "Though the last merger went smoothly", "folding the two boards together would be far harder and could take years",
     "Martha Okafor"),
    ("When the storm hit, Luis Ortiz recalled, the pumps failed within an hour.",
     "When the storm hit", "the pumps failed within an hour", "Luis Ortiz"),
    ("The new pier, Ellen Brody said, will not be ready before spring.",
     "The new pier", "will not be ready before spring", "Ellen Brody"),
])
def test_both_sides_of_an_aside_are_the_report(nlp, text, left, right, speaker):
    found = quotes_of(nlp, text)
    assert (left, "indirect", speaker) in found
    assert (right, "indirect", speaker) in found


def test_what_the_speaker_did_while_speaking_is_no_report(nlp):
    text = "Business was slow all week, Omar Haddad said, brushing flour from his apron. The bakery closed at six."
    assert [t for t, _, _ in quotes_of(nlp, text)] == ["Business was slow all week"]


@pytest.mark.parametrize("text, speaker", [
    ("The mayor was blunt on Tuesday. “The pier will not be ready before spring,” he said.", "The mayor"),
    ("A teacher at the school was hailed as a hero after the flood. “I did what anyone would do,” she said.",
     "A teacher"),
])
def test_a_person_described_but_never_named_is_who_the_pronoun_means(nlp, text, speaker):
    assert quotes_of(nlp, text)[0][2] == speaker


@pytest.mark.parametrize("text, speaker", [
    # someone named after the description is the nearer antecedent
    ("The mayor was blunt on Tuesday. Council member Ana Ruiz disagreed. “The pier will be ready,” she said.",
     "Ana Ruiz"),
    # the sentence that describes the person also names them
    ("If the candidate is Tom Lurie, the answer is no. “I will not publish them,” he said.", "Tom Lurie"),
])
def test_a_name_wins_over_a_description(nlp, text, speaker):
    assert quotes_of(nlp, text)[0][2] == speaker


@pytest.mark.parametrize("text, name, role", [
    ("Captain Leon Mbeki was frank: “We let the fans down.”", "Leon Mbeki", "Captain"),
    ("“We were second best,” Rovers boss Gary Boyd said.", "Gary Boyd", "Rovers boss"),
    ("Striker Ana Silva said the team had never trained harder.", "Ana Silva", "Striker"),
])
def test_sports_roles_are_roles_not_names(nlp, text, name, role):
    analysis = analyse_text(nlp, text)
    assert analysis.quotes[0].speaker == name
    assert analysis.speaker(name).role == role


@pytest.mark.parametrize("name, pronoun", [("Pat Cullen", "she"), ("Terry Holt", "she"), ("Kim Osei", "he")])
def test_a_given_name_borne_by_both_sexes_takes_either_pronoun(nlp, name, pronoun):
    text = (f"{name}, head of the nurses’ union, said the offer was an insult.\n\n"
            f"‘Nurses don’t want to strike,’ {pronoun} told reporters.")
    assert [q.speaker for q in analyse_text(nlp, text).quotes] == [name, name]


@pytest.mark.parametrize("text, speaker", [
    ("BEIJING — China’s foreign ministry on Tuesday accused Washington of “reckless provocation.”",
     "China’s foreign ministry"),
    ("Taiwan’s defence ministry said it had monitored the ship’s passage.", "Taiwan’s defence ministry"),
])
def test_a_lower_case_word_the_tagger_took_for_a_name_keeps_its_owner(nlp, text, speaker):
    assert analyse_text(nlp, text).quotes[0].speaker == speaker


def test_what_a_speaker_in_a_relative_clause_called_something_is_their_word_for_it(nlp):
    text = "The plan drew criticism from state Sen. Bill Harmon, R-Valley, who called it “a promise on paper.”"
    quotes = analyse_text(nlp, text).quotes
    assert [(q.text.rstrip("”."), q.kind.value, q.speaker) for q in quotes] == \
        [("it “a promise on paper", "mixed", "Bill Harmon")]


def test_a_generic_you_calling_something_a_name_is_nobody_s_word(nlp):
    text = "Once you start calling every delay ‘a scandal,’ nobody listens any more."
    assert not analyse_text(nlp, text).quotes


@pytest.mark.parametrize("tag", ["Oduya remembers", "Oduya recalls", "Oduya laughed", "Oduya reflected"])
def test_the_tags_of_features_are_speech_tags(nlp, tag):
    text = ("Margaret Oduya began the meetings in 2011. Others joined later.\n\n"
            f"“People were angry, and they had every right to be,” {tag}.")
    quote = analyse_text(nlp, text).quotes[0]
    assert (quote.speaker, text[quote.speaker_start:quote.speaker_end]) == ("Margaret Oduya", "Oduya")


def test_remember_is_no_cue_outside_a_tag(nlp):
    text = "Ana Ruiz said turnout was the highest she could remember in the district."
    assert [q.text for q in analyse_text(nlp, text).quotes] == ["turnout was the highest she could remember in the district"]


def test_a_police_force_is_an_organisation_and_its_ranks_are_roles(nlp):
    text = ("West Yorkshire Police said officers were called to the scene shortly after 11pm.\n\n"
            "Detective Inspector Claire Dunn said: “I would urge anyone who saw what happened to contact us.”")
    analysis = analyse_text(nlp, text)
    assert ("West Yorkshire Police", "organisation") in {(s.text, s.type.value) for s in analysis.sources}
    assert analysis.quotes[-1].speaker == "Claire Dunn"
    assert analysis.speaker("Claire Dunn").role == "Detective Inspector"


def test_an_unnamed_speaker_described_twice_is_one_person(nlp):
    text = ("His commander, a major who asked not to be named because he was not authorised to speak to the press, "
            "said the unit had lost a third of its men. “Every night they come again,” the major said.\n\n"
            "A senior police official said the road would stay closed. “We cannot risk it,” the official said.")
    speakers = [q.speaker for q in analyse_text(nlp, text).quotes]
    assert speakers == ["His commander", "His commander", "A senior police official", "A senior police official"]


@pytest.mark.parametrize("text, speaker", [
    ("The opposition leader is reported to have said that the government was asleep during the floods.",
     "The opposition leader"),
    ("The minister is understood to have told colleagues that she would resign.", "The minister"),
])
def test_the_one_reported_to_have_said_it_said_it(nlp, text, speaker):
    assert [q.speaker for q in analyse_text(nlp, text).quotes] == [speaker]


def test_a_described_person_is_one_speaker_however_they_are_referred_to(nlp):
    text = ("The mayor was blunt on Tuesday. “The pier will not be ready before spring,” he said. "
            "The council, the mayor said, had been warned.")
    assert {q.speaker for q in analyse_text(nlp, text).quotes} == {"The mayor"}


@pytest.mark.parametrize("nominal", ["The shadow chancellor", "The deputy chancellor", "The former chancellor"])
def test_a_role_set_apart_by_a_word_is_not_the_role_holder(nlp, nominal):
    text = ("Chancellor Rachel Price welcomed the figures, telling broadcasters that “the plan is working.” "
            f"{nominal} said the government was “taking credit for luck.”")
    assert analyse_text(nlp, text).quotes[-1].speaker != "Rachel Price"


def test_the_role_holder_is_still_the_role(nlp):
    text = ("Chancellor Rachel Price welcomed the figures on Tuesday. Later, the chancellor said the government "
            "would not change course.")
    assert analyse_text(nlp, text).quotes[-1].speaker == "Rachel Price"


@pytest.mark.parametrize("text, content, source", [
    ("Unemployment fell to 3.9 percent in May, figures from the statistics office showed on Tuesday.",
     "Unemployment fell to 3.9 percent in May", "figures from the statistics office"),
    ("Prices rose again in June, official data showed.", "Prices rose again in June", "official data"),
    ("Unemployment fell to 3.9 percent in May, figures from the Office for National Statistics showed on Tuesday.",
     "Unemployment fell to 3.9 percent in May", "figures from the Office for National Statistics"),
    ("The data show that wages rose 5.2 percent over the year.", "that wages rose 5.2 percent over the year",
     "The data"),
])
def test_what_figures_show_is_reported_by_them(nlp, text, content, source):
    assert [(q.text, q.speaker) for q in analyse_text(nlp, text).quotes] == [(content, source)]


def test_a_clause_after_a_comma_with_its_own_infinitive_is_no_report(nlp):
    text = "The plan will be hard for the council, and, with the mayor gone, its members to defend in public."
    assert not analyse_text(nlp, text).quotes


@pytest.mark.parametrize("text, name", [
    # a lone given name
    ("Maria Santos and her sister, Elena, have run the bakery for twenty years.\n\n"
     "“The rent doubled in one year,” Elena said.", "Elena"),
    # a role holder's name after the role and a comma
    ("President Bola Tinubu’s spokesman, Bayo Onanuga, said in a statement on Sunday that the government "
     "“fully supports” the bank’s independence.", "Bayo Onanuga"),
])
def test_a_name_the_model_calls_an_organisation_is_a_person_and_no_source(nlp, text, name):
    analysis = analyse_text(nlp, text)
    assert analysis.quotes[-1].speaker == name
    assert name not in {s.text for s in analysis.sources}


def test_the_name_after_a_role_for_a_body_is_the_role_s(nlp):
    text = "A lawyer for the company, Dan Whitfield, said the rent reflected “market conditions.”"
    assert analyse_text(nlp, text).quotes[0].speaker == "Dan Whitfield"


def test_a_book_is_not_its_author(nlp):
    text = ("The author of the book, Mitchell Ferrand, said he stands by every page.\n\n"
            "The book accuses the agency of “abandoning its own people.”")
    assert [q.speaker for q in analyse_text(nlp, text).quotes] == ["Mitchell Ferrand", "The book"]


def test_offices_of_state_are_roles_and_an_outlet_told_ends_at_its_name(nlp):
    text = ("Treasurer Jim Chalmers declined to comment. Opposition Leader Sussan Ley told Sky News the Coalition "
            "would oppose any change.")
    analysis = analyse_text(nlp, text)
    assert [q.speaker for q in analysis.quotes] == ["Jim Chalmers", "Sussan Ley"]
    assert ("Sky News", "outlet") in {(s.text, s.type.value) for s in analysis.sources}


@pytest.mark.parametrize("text, right", [
    ("A wall would not only stop the smugglers, Ana Ruiz said, but also the flow of drugs.",
     "but also the flow of drugs"),
    ("Tom Hale spoke at length. It was, he said, one of the bitterest failures of his term.",
     "one of the bitterest failures of his term"),
])
def test_the_part_after_an_aside_needs_no_verb_of_its_own(nlp, text, right):
    assert right in [q.text for q in analyse_text(nlp, text).quotes]


def test_a_second_tag_is_no_part_of_what_was_said(nlp):
    text = ("Rhona Tate closed her speech on the stage with a plea, as she had begun it: “Change the world, and when "
            "you have done that, change it again,” she said.")
    assert not any(q.text.endswith("she said") for q in analyse_text(nlp, text).quotes)


@pytest.mark.parametrize("text, speaker", [
    ("Tech giant Halcyon will pay $1.2 billion to settle the claims, the company announced Wednesday.", "Halcyon"),
    ("The Labor Department raised the threshold on Tuesday. About four million workers will gain overtime pay, "
     "the department said.", "The Labor Department"),
])
def test_an_organisation_called_the_company_is_the_one_named_before(nlp, text, speaker):
    assert analyse_text(nlp, text).quotes[-1].speaker == speaker


def test_the_department_is_not_a_company_named_before(nlp):
    text = "Orbitel cut 1,200 jobs on Monday. Demand would recover next year, the department said."
    assert analyse_text(nlp, text).quotes[-1].speaker != "Orbitel"


@pytest.mark.parametrize("text, platform", [
    ("In a post on X, the health secretary, Tom Brannigan, said the offer was final.", True),
    ("“Please stay at home,” Gail Fenn wrote on X.", True),
    ("Ana Ruiz said the bill would pass on the X-ray machine budget vote.", False),
    ("Malcolm X said the struggle would go on.", False),
])
def test_x_is_a_platform_only_where_something_is_posted_on_it(nlp, text, platform):
    sources = {(s.text, s.type.value) for s in analyse_text(nlp, text).sources}
    assert (("X", "platform") in sources) == platform


def test_a_tag_after_a_report_that_quotes_words_of_it(nlp):
    text = ("Speaking in Oslo, ministry spokesman Erik Lunde repeated that Norway opposed hacking.\n\n"
            "People should bring evidence for their claims and not wave around words like “maybe” and “perhaps”, "
            "he told reporters.\n\n“This is extremely irresponsible.”")
    found = quotes_of(nlp, text)
    assert ("People should bring evidence for their claims and not wave around words like “maybe” and “perhaps”",
            "mixed", "Erik Lunde") in found
    assert ("This is extremely irresponsible.", "direct", "Erik Lunde") in found


def test_a_second_thing_done_is_no_tag(nlp):
    text = ("The family has lived in the town for three months, and though they speak little English, "
            "their smiles said a lot. Later, the mayor added a park, and, still later, he opened a school.")
    assert quotes_of(nlp, text) == []


def test_the_person_told_is_never_the_speaker(nlp):
    text = ("Governor Dan Miller said in an interview with Tom Baker that aired Wednesday night that the wall "
            "would be tall.\n\n“The wall could be 35 feet. That’s a good height,” he told Baker, to cheers from "
            "the crowd.\n\n“It’s not a question of wanting it. We have no choice,” he said.")
    found = quotes_of(nlp, text)
    assert found[0] == ("that the wall would be tall", "indirect", "Dan Miller")
    assert [speaker for _, _, speaker in found] == ["Dan Miller"] * 3


def test_a_described_speaker_before_the_name_of_who_asked(nlp):
    text = ("The governor made the remarks in an interview with Tom Baker that aired Wednesday night.\n\n"
            "“It’s not a question of wanting it. We have no choice,” he said.")
    assert quotes_of(nlp, text) == [("It’s not a question of wanting it. We have no choice,", "direct", "The governor")]


def test_what_a_speaker_termed_something_is_their_word(nlp):
    text = "Opposition leader Anil Gupta termed the drive \"inhuman\" and demanded new housing."
    assert ("the drive \"inhuman\"", "mixed", "Anil Gupta") in quotes_of(nlp, text)


def test_a_finding_with_an_object_of_its_own_is_no_aside(nlp):
    text = ("In a trial of 420 patients, those who took the drug for 18 months showed 27% less decline on memory "
            "tests than those given a placebo, the team wrote in the journal.")
    found = quotes_of(nlp, text)
    assert [(t[:18], s) for t, _, s in found] == [("In a trial of 420 ", "the team")]


def test_the_subject_the_parser_made_an_object(nlp):
    text = "Councillor Jim Park told me the city \"simply has no money left.\""
    assert quotes_of(nlp, text) == [("the city \"simply has no money left.\"", "mixed", "Jim Park")]


def test_no_sentence_ends_on_a_word(nlp):
    text = "Ava Reyes said she felt the 13th Amendment was worth a film because “most people don’t know about it.”"
    assert quotes_of(nlp, text) == [("she felt the 13th Amendment was worth a film because “most people don’t know "
                                     "about it.”", "mixed", "Ava Reyes")]


def test_a_headline_in_capitals_still_ends_before_the_story(nlp):
    text = "CITY TO SELL THE OLD PIER The council said the sale would raise $4 million."
    assert quotes_of(nlp, text) == [("the sale would raise $4 million", "indirect", "The council")]
