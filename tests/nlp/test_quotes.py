"""Text in, quotes out: each phenomenon of quoting in the news, with negative cases."""

from __future__ import annotations

import pytest

from reader.nlp.analyse import analyse_stream, analyse_text
from reader.nlp.marks import find_quote_spans


def find(analysis, fragment):
    for q in analysis.quotes:
        if fragment in q.text:
            return q
    raise AssertionError(f"no quote containing {fragment!r}: {[q.text for q in analysis.quotes]}")


CASES = [
    # (id, text, fragment of a quote, kind, speaker)
    ("curly-after", "“The bridge will open in May,” Mayor Linda Park said on Tuesday.",
     "The bridge will open", "direct", "Linda Park"),
    ("straight-after", 'The council met late. "We have the votes now," said councilman Tom Hardy.',
     "We have the votes", "direct", "Tom Hardy"),
    ("before-colon", "Governor Maria Lopez wrote on Facebook: “This budget protects every classroom in the state.”",
     "This budget protects", "direct", "Maria Lopez"),
    ("split-first", "“We tried everything,” coach Sam Ortiz said, “but the other team simply played better.”",
     "We tried everything", "direct", "Sam Ortiz"),
    ("split-second", "“We tried everything,” coach Sam Ortiz said, “but the other team simply played better.”",
     "the other team simply", "direct", "Sam Ortiz"),
    ("the-role-then-name", "“We cannot keep delaying the repairs,” the state treasurer Grace Holloway said.",
     "keep delaying the repairs", "direct", "Grace Holloway"),
    ("the-role-alone", "“We cannot keep delaying the repairs,” the council member said.",
     "keep delaying the repairs", "direct", "the council member"),
    ("pronoun-next-para", "Senator Ruth Adams spoke for an hour on the bill.\n“This is a bad deal for farmers,” she said.",
     "bad deal for farmers", "direct", "Ruth Adams"),
    ("follow-on-para", "“The storm is moving north,” forecaster Dan Miles said.\n“Expect heavy rain by Friday night and flooding in low areas.”",
     "Expect heavy rain", "direct", "Dan Miles"),
    ("indirect-that", "Health Minister Alan Cho said that the new clinic would open next year in the northern district.",
     "the new clinic would open", "indirect", "Alan Cho"),
    ("indirect-after", "The new clinic will open next year in the northern district, Health Minister Alan Cho said.",
     "The new clinic will open", "indirect", "Alan Cho"),
    ("parenthetical-cue-first", "To keep the schedule, Marta Keane said, the crew would work through the weekend.",
     "To keep the schedule", "indirect", "Marta Keane"),
    ("parenthetical-cue-second", "To keep the schedule, Marta Keane said, the crew would work through the weekend.",
     "the crew would work through", "indirect", "Marta Keane"),
    ("clauses-both-sides", "Prices had already fallen, but the harvest had been so poor, Farid Haddad noted, "
     "that the mills closed early.", "the mills closed early", "indirect", "Farid Haddad"),
    ("appositive-name", "The city's chief engineer, Rosa Delgado, said the pumps had failed overnight.",
     "the pumps had failed", "indirect", "Rosa Delgado"),
    ("coordinated-names", "Mayor Tom Reyes and Councilwoman Ana Pruitt said the budget would be balanced by June.",
     "the budget would be balanced", "indirect", "Tom Reyes and Ana Pruitt"),
    ("campaign-not-candidate", "Rosa Delgado toured the site on Monday. The Delgado campaign said the report was "
     "misleading.", "the report was misleading", "indirect", "The Delgado campaign"),
    ("group-with-its-topic", "Experts on coastal erosion said the wall would not last a decade.",
     "the wall would not last", "indirect", "Experts on coastal erosion"),
    ("pronoun-to-untagged-surname", "Paul Mendez opened the hearing. Councilman Victor Haas asked about costs. "
     "Mendez responded by pointing to the audit.\n\n“We have the numbers,” he said.",
     "We have the numbers", "direct", "Paul Mendez"),
    ("she-is-the-unnamed-woman", "Mayor Tom Reyes spoke first.\n\nThe woman’s joy at the rally was plain:\n\n"
     "“Here comes the parade,” she said, clapping.", "Here comes the parade", "direct", "The woman"),
    ("inverted-lead-in", "Some economists doubt the plan. Said Ryan Ellis: “I don’t get the sense anyone wants "
     "tax reform.”", "I don’t get the sense", "direct", "Ryan Ellis"),
    ("dateline-is-not-a-speaker", "HARBOR CITY -- Mayor Elena Ruiz, opening the new ferry terminal on Saturday, said "
     "it would carry a million riders a year.", "it would carry a million riders", "indirect", "Elena Ruiz"),
    ("campaign-speaks-for-itself", "Phil Lovas, a campaign adviser, spoke first.\n\nThe campaign says the candidate "
     "will announce a new service program on Friday.", "the candidate will announce", "indirect", "The campaign"),
    ("called-it", "At the hearing, Mayor Elena Ruiz called the audit “a hatchet job” and left early.",
     "a hatchet job", "mixed", "Elena Ruiz"),
    ("said-and-called", "Ines Vidal, a nurse there, said the ward had been closed for a week and called the decision "
     "“a slap in the face.”", "a slap in the face", "mixed", "Ines Vidal"),
    ("according-to", "According to police chief Vera Stone, the suspect fled on foot toward the river.",
     "the suspect fled", "indirect", "Vera Stone"),
    ("mixed", "Economist Priya Nair said the plan was “a gamble with other people’s money” and would fail.",
     "a gamble with other", "mixed", "Priya Nair"),
    ("told-outlet", "“We are not leaving,” Karen Wu told Reuters on Sunday as the protest entered its third week.",
     "We are not leaving", "direct", "Karen Wu"),
    ("paraphrased-stated", "“It is a difficult situation for everyone,” Trump stated on Monday.",
     "It is a difficult situation", "direct", "Trump"),
    ("nominal", "President Vladimir Putin met the envoy on Friday. The pause is welcome, the president stated.",
     "The pause is welcome", "indirect", "Vladimir Putin"),
    ("guillemets", "«Nous ne céderons pas sur les retraites», a déclaré le ministre. Minister Jean Roux said so twice.",
     "Nous ne céderons pas", "direct", None),
    ("dash-appositive", "“Prices will keep rising this winter,” Lena Fox — an analyst at the Harbor Bank — told the Ledger.",
     "Prices will keep rising", "direct", "Lena Fox"),
    ("group", "The ministry said the new rules would apply from January to all importers.",
     "the new rules would apply", "indirect", "The ministry"),
    ("tag-any-verb", "The host kept pressing.\n\n“Will you sign it or not?” Dana Ferris snapped.",
     "Will you sign it", "direct", "Dana Ferris"),
    ("tag-verb-first", "“What a night for this town!” beamed Harold Quist of Millbrook, who drove four hours.",
     "What a night", "direct", "Harold Quist"),
    ("tag-noun-tagged-verb", "“The numbers do not add up,” Okafor notes. “They never did.”",
     "They never did", "direct", "Okafor"),
    ("tag-after-appositive", "“Back to work on Monday,” Lena Fox, the union's negotiator, posted on Sunday.",
     "Back to work", "direct", "Lena Fox"),
    ("tag-verb-first-no-parse-subject", "“The risk,” said Priya Nair, an economist who runs the Harbor Institute, "
     "“is that the jobs go first.”", "The risk", "direct", "Priya Nair"),
    ("tag-role-then-name", "“We will appeal,” Harbor Bank chief counsel Ed Marsh said.",
     "We will appeal", "direct", "Ed Marsh"),
    ("colon-name-label", "Forecasters disagree - Ines Vidal: “The late deciders broke for the challenger this time.”",
     "The late deciders", "direct", "Ines Vidal"),
    ("colon-verb-no-cue", "Mayor Tom Reyes stepped to the microphone and boomed: “This harbor is open for business.”",
     "This harbor is open", "direct", "Tom Reyes"),
    ("colon-document", "Her memo makes a simple case: “The city cannot pay for both bridges this decade.”",
     "The city cannot pay", "direct", "Her memo"),
    ("dash-next-line", "The senator repeats the figure at every stop.\n\n“Nearly all new wealth goes to the very top.”"
     "\n\n- Ruth Adams, at a rally in Ohio.\n\nThe figure is out of date.",
     "Nearly all new wealth", "direct", "Ruth Adams"),
    ("tag-military-title", "“The base will stay open,” said Army Capt. Lena Okoro, who briefed reporters.",
     "The base will stay open", "direct", "Lena Okoro"),
    ("tag-not-the-next-sentence", "“We refunded every check,” said Reyes campaign manager Jon Kehoe. Reyes declined "
     "to comment.", "We refunded every check", "direct", "Jon Kehoe"),
    ("name-entity-stops-at-verb", "“Parental leave matters to every family,” Dorsey told Business Insider in March.",
     "Parental leave matters", "direct", "Dorsey"),
    ("after-tag-clause-has-other-verbs", "“We were attacked downtown,” Mayor Ana Pruitt said, with a passion that "
     "suggested the question was out of line. “I spent years helping them rebuild.”", "I spent years helping",
     "direct", "Ana Pruitt"),
    ("according-to-ends-a-long-sentence", "Right now, ridership is a third below its peak when weekend riders -- "
     "the ones the board courted -- are counted, according to the transit authority.", "ridership is a third below",
     "indirect", "the transit authority"),
    ("what-a-poll-shows", "In the new county survey, most renters rank a shorter commute above a lower rent.",
     "most renters rank a shorter commute", "indirect", "the new county survey"),
    ("subject-behind-an-aside", "“We have had better years than this one,” harbor pilot Bill Eastman, wearing a cap and "
     "“Save the Pier” pins, said as the fog lifted.", "We have had better years", "direct", "Bill Eastman"),
    ("subject-behind-party-tag-and-aside", "But Sen. Ruth Adams (D-Ore.), noting the size of the crowd, said, “We have "
     "a heck of a list.”", "We have a heck of a list", "direct", "Ruth Adams"),
    ("those-surveyed", "By wide margins, those surveyed say the harbor should come first in the next budget.",
     "the harbor should come first", "indirect", "those surveyed"),
    ("belief-with-a-clause", "Harbor pilot Dana Ferris believes the new channel will silt up within a decade.",
     "the new channel will silt up", "indirect", "Dana Ferris"),
    ("writing-after-a-comma", "On Sunday Mayor Tom Reyes made a third attempt to end the dispute, writing on Facebook "
     "that the real issue was the budget.", "the real issue was the budget", "indirect", "Tom Reyes"),
    ("inverted-lead-in-paragraph", "The host read from the program.\n\nStated Reyes:\n\n“The stakes are so high that "
     "nobody will back down.”", "The stakes are so high", "direct", "Reyes"),
    ("colon-after-chained-verbs", "Mayor Tom Reyes waved as if to stop the noise, then leaned in and boomed: “We will "
     "win this harbor back.”", "win this harbor back", "direct", "Tom Reyes"),
    ("it-is-the-memo", "The memo from the panel seemed aimed at settling the dispute.\n\n“So far, 59 of the 75 witnesses "
     "had never been interviewed,” it stated.", "59 of the 75 witnesses", "direct", "The memo from the panel"),
    ("voice-over-in-the-ad", "“She will stand up to the gun lobby,” a voice-over in the ad states.",
     "stand up to the gun lobby", "direct", "a voice-over in the ad"),
    ("lead-in-through-a-phrase", "Dorsey told the Harbor Ledger in a written statement, “I do not want his "
     "endorsement.”", "I do not want his endorsement", "direct", "Dorsey"),
    ("according-to-opens-a-sentence", "According to a report by the Harbor Institute, the port district floods eleven "
     "days a year, up from two in the 1990s.", "the port district floods", "indirect", "a report by the Harbor Institute"),
    ("according-to-an-appositive", "According to Ann Lee, an economist at the bank, the rate will fall by June.",
     "the rate will fall by June", "indirect", "Ann Lee"),
    ("relative-after-an-appositive", "“The council needs a plan for the pier,” Ines Vidal, the analyst who founded "
     "the site tweeted on Wednesday.", "needs a plan for the pier", "direct", "Ines Vidal"),
    ("source-familiar-with", "Another source familiar with the mayor’s thinking said, “She will try to be friendlier.”",
     "She will try to be friendlier", "direct", "Another source familiar with the mayor’s thinking"),
    ("anonymous", "A senior official, speaking on condition of anonymity, said the talks had collapsed overnight.",
     "the talks had collapsed", "indirect", "A senior official"),
    ("no-break-space-before-a-follow-on", "“The ferry is late again,” commuter Ida Lund said.\u00a0“Every single "
     "morning this week.”", "Every single morning", "direct", "Ida Lund"),
    ("follow-on-after-a-state-abbreviation", "“The bridge is sound,” the engineer Omar Haddad said in Dover, Del. "
     "“We checked every bolt twice.”", "We checked every bolt", "direct", "Omar Haddad"),
    ("follow-on-after-a-quoted-show-title", "“The plan is dead,” Lena Fox said on Radio Nine’s “Morning Call.” "
     "“Nobody will vote for it now.”", "Nobody will vote", "direct", "Lena Fox"),
    ("joined-by-someone-and-joked", "Comedian Tess Morrow was joined on stage by Sen. Hal Brandt and joked, “We "
     "are here to stay, folks.”", "here to stay", "direct", "Tess Morrow"),
    ("adding-after-a-quoted-report", "Mayor Joan Ruiz told the radio station that her rival “had a reckless plan,” "
     "adding, “It would have bankrupted the town.”", "bankrupted the town", "direct", "Joan Ruiz"),
    ("shouting-after-a-passive-clause", "The rally was cut short when protesters interrupted the governor, shouting "
     "“Shame on you, shame on you!”", "Shame on you", "direct", "protesters"),
    ("telling-after-a-quoted-object", "Mayor Karen Wold did not seem impressed with the remarks on Tuesday, telling "
     "reporters, “A lot of people said the governor should step down.”", "A lot of people", "direct", "Karen Wold"),
    ("affirms-colon", "The treaty is older than the dispute. Article 12 affirms: “No state shall expel a person "
     "to a country where they face torture.”", "No state shall expel", "direct", "Article 12"),
    ("crowd-chanted", "Outside the hall, the protesters chanted, “No more cuts, no more cuts!”", "No more cuts",
     "direct", "the protesters"),
    ("apologized-for-what-happened", "Mayor Ed Lane has since apologized for what happened: “I should have used "
     "two accounts. That was my mistake.”", "That was my mistake", "direct", "Ed Lane"),
    ("telling-after-a-place", "Mayor Ana Ruiz seemed ready to joke about the incident in Dover, telling the "
     "crowd, “We are not going anywhere.”", "not going anywhere", "direct", "Ana Ruiz"),
    ("said-and-said-again", "Mayor Bill Tran said the move was made by the police chief Ed Moss and said, “It "
     "was his call to make.”", "his call to make", "direct", "Bill Tran"),
    ("fired-back-colon", "When the mayor suggested the city would sue, Gov. Ann Lee fired back forcefully: “If "
     "they sue us, they are going to lose,” pointing to the number of lawyers on her staff.", "they are going to lose",
     "direct", "Ann Lee"),
    ("mark-glued-to-the-comma", "Speaker Paul Ryan weighed in on Monday.\n\nRyan said,“Look, those images have "
     "no place in a campaign.”", "those images have no place", "direct", "Paul Ryan"),
    ("mark-glued-to-the-colon", "Mayor Ann Cole wrote:“We will open the bridge in May.”", "open the bridge",
     "direct", "Ann Cole"),
    ("direction-mark-before-an-opening-mark", "Her post drew hundreds of replies.\n\n\u202a\u201dThank you for "
     "standing up for our children!\u201d wrote Pete Hidalgo.", "standing up for our children", "direct",
     "Pete Hidalgo"),
    ("thin-space-before-a-follow-on", "“The ferry is late again,” commuter Ida Lund said.\u2009“Every single "
     "morning this week.”", "Every single morning", "direct", "Ida Lund"),
    ("closing-mark-glued-to-the-name", "“The toll is a tax on the people who can least afford it,”Moreno said. "
     "“We will scrap it.”", "We will scrap it", "direct", "Moreno"),
    ("preposition-taken-for-the-subject", "Of Hanson, Levine, who has given money to Ruiz, said, “He is "
     "hopeless.”", "hopeless", "direct", "Levine"),
    ("name-taken-for-a-compound", "When someone in the audience shouted, “Rubio,” Beck joked, again using an "
     "exaggerated Southern accent, “Bless you, friend! Come sit down!”", "Bless you, friend", "direct", "Beck"),
    ("participle-the-parser-lost", "Drummer Ike Tran shared the news online last week, writing “Feels great to "
     "back someone I trust. He would not take our money, he only takes small gifts…This is a man with a spine.”",
     "Feels great", "direct", "Ike Tran"),
    ("and-i-quote", "No wonder the mayor said, and I quote, “We will win this one easily.”", "win this one",
     "direct", "the mayor"),
    ("a-thing-does-not-shout", "The first disruption came at a college in March, when student protesters "
     "interrupted her speech, shouting “Cancel the debt!”", "Cancel the debt", "direct", "student protesters"),
    ("a-horizontal-bar-is-a-dash", "In his speech ― his first this year ― Hale cast the blame on his rivals, and "
     "stressed that “crime” is down.", "crime", "mixed", "Hale"),
    ("dateline-dash-before-the-subject", "DENVER — Gov. Ana Ruiz’s campaign said it would name a new manager by "
     "Friday.", "name a new manager", "indirect", "Gov. Ana Ruiz’s campaign"),
    ("participle-after-an-aside-between-dashes", "Small groups of nurses marched around the hospital - where the "
     "board met that evening - while chanting, \"Safe staffing now.\"", "Safe staffing", "direct",
     "Small groups of nurses"),
    ("a-title-in-marks-is-no-subject", "Moreno, star of the radio show “Night Desk,” thanked the mayor for "
     "“keeping the library open.”", "keeping the library", "mixed", "Moreno"),
    ("participle-after-the-name-of-a-place", "Reporters asked the mayor about the fire on Sunday.\n\nGarcia seemed "
     "to be ready to joke about the incident in Dover, telling the crowd, “Some folks get a little excited, have "
     "you noticed that?”", "get a little excited", "direct", "Garcia"),
    ("a-word-in-the-relative-clause-is-not-the-subject", "Although there is no such overlap with Lee's team, a "
     "White House aide who spoke anonymously to discuss internal strategy said Wednesday, \"Certainly there are "
     "discussions between the White House and the Lee campaign.\"", "Certainly there are", "direct",
     "a White House aide"),
    ("adding-after-a-reported-obligation", "Alongside calls from tenants, even a top GOP lawyer said Garcia will "
     "have to choose whose side she’s on, saying, “At some point, she’s going to have to come out.”",
     "going to have to come out", "direct", "a top GOP lawyer"),
    ("a-sign-says-it", "Rita Okafor held up a sign saying \"Nurses Against Cuts - Because We Care.\"",
     "Nurses Against Cuts", "direct", "a sign"),
    ("a-group-keeps-its-participle", "A group of nurses sent a letter to the hospital board (where Ortiz "
     "chairs the finance committee), calling for “an end to forced overtime.”", "forced overtime", "mixed",
     "A group of nurses"),
]


@pytest.mark.parametrize("case_id,text,fragment,kind,speaker", CASES, ids=[c[0] for c in CASES])
def test_quote_kind_and_speaker(nlp, case_id, text, fragment, kind, speaker):
    analysis = analyse_text(nlp, text)
    q = find(analysis, fragment)
    assert q.kind == kind
    if speaker is not None:
        assert q.speaker == speaker
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text,odd", [
    ("“We open at\u00a09 a.m. on\u00a0Monday,” the librarian Rosa Tam said.", "\u00a0"),  # a no-break space
    ("“We open at nine ― not at ten ― on Monday,” the librarian Rosa Tam said.", "\u2015"),  # a horizontal bar
])
def test_odd_spaces_and_dashes_are_kept_in_the_quote_text(nlp, text, odd):
    for analysis in (analyse_text(nlp, text), next(analyse_stream(nlp, [text]))):
        q = find(analysis, "We open at")
        assert q.text == text[q.start:q.end] and odd in q.text and q.speaker == "Rosa Tam"


def test_an_abbreviation_before_a_lowercase_fragment_does_not_end_the_sentence(nlp):
    text = "The treaty was signed by the U.S. “in good faith,” the minister said on Friday."
    assert all(q.kind != "direct" for q in analyse_text(nlp, text).quotes)


@pytest.mark.parametrize("text", [
    "A troupe of comedians is staging a popular play called “The Sons of the Senator, Part Two.”",
    "Researchers hope to use the cells for what is today called “regenerative medicine for every patient.”",
])
def test_a_name_given_to_something_is_no_direct_quote(nlp, text):
    assert all(q.kind != "direct" for q in analyse_text(nlp, text).quotes)


def test_a_quoted_title_is_not_a_quote_after_the_tag(nlp):
    text = "“The plan is dead,” Lena Fox said on Radio Nine’s “Morning Call.” “Nobody will vote for it now.”"
    assert all("Morning Call" not in q.text for q in analyse_text(nlp, text).quotes)


def test_a_platform_is_nobody_a_pronoun_can_mean(nlp):
    text = ("The rally turned rowdy, and the candidate took to Twitter to call out the protesters. “Everybody "
            "is talking about the flags,” he tweeted on May 2.")
    assert find(analyse_text(nlp, text), "talking about the flags").speaker != "Twitter"


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Mayor Lena Diaz spoke late. Diaz’s response was: “We will not back down from this fight.”",
     "We will not back down", "Lena Diaz"),
    ("The campaign’s statement then declares “We are proud of every one of our volunteers.”",
     "We are proud of every", "The campaign"),
])
def test_the_owner_of_a_statement_speaks(nlp, text, fragment, speaker):
    assert find(analyse_text(nlp, text), fragment).speaker == speaker


def test_a_day_owns_no_statement(nlp):
    text = "Thursday’s memo from the panel was blunt: “Only nine of the witnesses had ever been interviewed.”"
    assert find(analyse_text(nlp, text), "Only nine of the witnesses").speaker != "Thursday"


@pytest.mark.parametrize("text,fragment,speaker", [
    ("The hearing dragged on for hours.\n\nJudge Ada Brennan then turned to me. “Do you understand what you have "
     "done?”", "Do you understand", "Ada Brennan"),
    ("Mayor Lena Diaz walked to the window. “We will rebuild this town, street by street.”", "We will rebuild",
     "Lena Diaz"),
])
def test_a_quotation_after_what_a_person_did_is_theirs(nlp, text, fragment, speaker):
    assert find(analyse_text(nlp, text), fragment).speaker == speaker


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Joseph Murray practises law in Ripley and counts himself a devout Catholic and Donald Trump supporter. "
     "He wrote a column for the Ledger last week.\n\n“The politics are just so blatant,” he said.",
     "so blatant", "Joseph Murray"),
    ("D’Souza went on to explain that the Clintons’ hold on power is unrelenting. “I respect their "
     "ruthlessness,” he said.", "I respect their ruthlessness", "D’Souza"),
])
def test_a_name_that_only_modifies_a_noun_is_not_the_one_a_pronoun_means(nlp, text, fragment, speaker):
    assert find(analyse_text(nlp, text), fragment).speaker == speaker


# who speaks when the speaker is named in another sentence, or the parse misleads
SPEAKER_CASES = [
    ("called-in-a-relative-clause",
     "Sen. Ann Lee condemned the attack, which she called “an evil and hateful act against us all.”",
     "an evil and hateful act", "Ann Lee"),
    ("pronoun-to-the-main-subject-before",
     "Joining her at those meetings was Rita Okafor, a local organiser. Dunn won over the small "
     "crowds with fiery speeches, Okafor said.\n\n“She was sharp and very funny,” she said.",
     "sharp and very funny", "Rita Okafor"),
    ("a-paragraph-about-what-she-did",
     "Eva Marsh, a volunteer, dials the next number on her list.\n\n“We are calling supporters like you,” she "
     "says into the phone.\n\nShe pauses.\n\n“Well, thank you so much for your time.”",
     "thank you so much", "Eva Marsh"),
    ("name-in-apposition-to-a-role",
     "Party officials are planning for a contested convention, Sen. Ted Cruz said on Monday.\n\nReince "
     "Priebus, the party chairman, this week announced a website that explains the rules.\n\n“The "
     "website is a tool for voters to learn about delegates,” he said.",
     "a tool for voters", "Reince Priebus"),
    ("a-crowd-cheering-does-not-speak",
     "“We won,” Tom Hale said. The crowd cheered loudly. “And we will win again next year.”",
     "win again next year", "Tom Hale"),
    ("surname-read-as-a-noun",
     "Donald Trump spoke in Atlantic City on Wednesday. Governor Chris Christie made the city a "
     "priority, but the effort stalled.\n\nTrump blamed local officials on Twitter before the speech. "
     "“The pols in Atlantic City made all the wrong moves,” he wrote.",
     "all the wrong moves", "Donald Trump"),
    ("unnamed-speaker-goes-on",
     "Many delegates praised Governor Ruth Olsen. One California delegate said he tried to give away "
     "guest passes to the convention. “Not even one taker,” he said.",
     "Not even one taker", "One California delegate"),
    ("same-he-passes-the-pronoun-on",
     "Jorge Ruiz showed up at the rally in a red beret. He had protested Governor Tom Brandt in "
     "Phoenix and started talking with other activists.\n\n“I met a lot of people, and I liked every "
     "reason they gave,” he said.",
     "I met a lot of people", "Jorge Ruiz"),
    ("footage-of-someone-asking",
     "The new ad uses footage of Senator Ann Lee asking, “Why are we not fifty points ahead?”",
     "fifty points ahead", "Ann Lee"),
    ("name-the-model-missed",
     "Meanwhile, John Kasich reminds us of the houseguest who will not leave. And oh yes, Carly "
     "Fiorina: what are her qualifications? She had a great line when she said, “Unlike the others, "
     "I know what it takes to win.”",
     "I know what it takes", "Carly Fiorina"),
    ("a-sentence-closed-by-its-cue",
     "Or maybe the harbour plan, transport consultant Dale Ferris says. “The money is already there, and "
     "the council knows it.”",
     "The money is already there", "Dale Ferris"),
    ("closed-by-its-cue-after-an-appositive",
     "Ella Moss, the communications director for the Vermont Democratic Party said in a statement. “There are "
     "no paper ballots left to count.”",
     "no paper ballots", "Ella Moss"),
    ("a-town-is-not-a-he",
     "Refugees have found a home in Clarkdale, Ga. In Clarkdale, the mayor says, one in three residents was "
     "born abroad. The refugee office in Clarkdale opened in 1990.\n\nSamir Haddad, an engineer, came to "
     "Clarkdale from Iraq in 2009. He got a job and a car, and Clarkdale became his home. Recently, he said, "
     "he has noticed that the rest of the state is less welcoming.\n\n\"People here are kind,\" he said.",
     "People here are kind", "Samir Haddad"),
    ("she-leads-a-sentence-the-parser-hung-on-a-later-verb",
     "Nina Osei, a Camden, N.J., native and 2012 college graduate, is saddled with about $70,000 in student loan "
     "debt. At 28 years old, she still lives in her childhood bedroom, walls plastered with the same Dirty "
     "Dancing, 98 Degrees and Justin Timberlake posters from her teen years.\n\n“Who wants to live at home at "
     "28?” she said.", "Who wants to live", "Nina Osei"),
    ("a-state-before-the-subject-is-no-one",
     "Republican candidate Hal Brook took to Twitter on Monday. After his rally in San Jose, California the GOP "
     "candidate went a step further. “Many of them were paid to come,” he tweeted.", "paid to come", "Hal Brook"),
    ("here-is-presents-the-speaker",
     "Critics of the mayor argue the plan is new. Here’s Lee in December 1992: “We will build it, and they "
     "will come.”", "they will come", "Lee"),
    ("here-is-a-statement-from-a-campaign",
     "Mayor Ana Lee was asked about the plan. Here’s the full statement from the Lee campaign: “We will build "
     "it.”", "We will build it", "the Lee campaign"),
    ("a-new-sentence-glued-to-an-exclamation-is-no-tag",
     "Senator Hal Brook posted a photo of his lunch. “Happy Cinco de Mayo!” he tweeted. “The best tacos are "
     "in my home town!”Former senator Ann Lee broke down exactly what was wrong with the photo.",
     "best tacos", "Hal Brook"),
]


def test_a_time_clause_before_a_quotation_is_not_reported_by_its_speaker(nlp):
    text = ("When Lee noted that Moss had not paid anything in federal income taxes ― as was true in the years "
            "his tax returns were made public ― Moss boasted, “That makes me clever.”")
    analysis = analyse_text(nlp, text)
    assert [q.speaker for q in analysis.quotes if q.cue == "boasted"] == ["Moss"]
    assert find(analysis, "That makes me clever").kind == "direct"


@pytest.mark.parametrize("text,fragment", [
    ("Senator Ruth Adams said that once the Senate goes on recess in June, “I intend to visit every county in "
     "the state.”", "visit every county"),
    ("Mayor Dan Reyes said that whatever choice the council is going to make, “it should not be made out of "
     "fear.”", "made out of fear"),
    ("The governor was promising that in any budget talks, \"we will protect the schools first.\"",
     "protect the schools"),
])
def test_a_quotation_that_finishes_a_reported_clause_is_one_mixed_quote(nlp, text, fragment):
    analysis = analyse_text(nlp, text)
    covering = [q for q in analysis.quotes if fragment in q.text]
    assert [q.kind for q in covering] == ["mixed"]
    assert covering[0].text.startswith("that ")
    assert covering[0].speaker in ("Ruth Adams", "Dan Reyes", "The governor")


def test_a_cue_after_that_still_leads_into_its_quotation(nlp):
    text = "Ruth Adams said that after the vote she told reporters, “I intend to visit every county.”"
    direct = [q for q in analyse_text(nlp, text).quotes if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in direct] == [("I intend to visit every county.", "Ruth Adams")]


def test_going_somewhere_is_no_cue(nlp):
    text = ("Ruth Adams spoke on Monday. When the Senate goes on recess in June, “I intend to visit every county,” "
            "she said.")
    q = find(analyse_text(nlp, text), "visit every county")
    assert q.speaker == "Ruth Adams"


def test_a_dateline_is_no_part_of_a_name(nlp):
    text = ("HARTFORD - Ann Lee told supporters on Monday that she would win the county.\n\n“We are going to "
            "win big,” she said.")
    analysis = analyse_text(nlp, text)
    assert {q.speaker for q in analysis.quotes} == {"Ann Lee"}
    text = "The plan would raise $1 billion, according to the Tax Policy Center - half what the city needs."
    assert analyse_text(nlp, text).quotes[0].speaker != "half"  # no dateline: an entity the model ran on


def test_a_scene_set_before_the_speaker_is_not_reported(nlp):
    text = ("Alongside union calls for a strike, even a top city lawyer said the mayor will have to choose a "
            "side.")
    assert [q.text for q in analyse_text(nlp, text).quotes] == ["the mayor will have to choose a side"]


def test_where_something_was_said_is_not_what_was_said(nlp):
    text = "Ella Moss, the party's spokeswoman, said in a statement. “We will appeal.”"
    analysis = analyse_text(nlp, text)
    assert [q.text for q in analysis.quotes] == ["We will appeal."]
    assert analysis.quotes[0].speaker == "Ella Moss"


def test_the_one_asked_is_not_the_one_asking(nlp):
    text = "Halvorsen was asked, “Did you know about the second account?” He said he did not."
    assert find(analyse_text(nlp, text), "second account").speaker is None
    text = "Halvorsen was asked by the host, Dana Price, “Did you know about the second account?”"
    assert find(analyse_text(nlp, text), "second account").speaker == "Dana Price"


@pytest.mark.parametrize("case_id,text,fragment,speaker", SPEAKER_CASES, ids=[c[0] for c in SPEAKER_CASES])
def test_speaker_across_sentences(nlp, case_id, text, fragment, speaker):
    assert find(analyse_text(nlp, text), fragment).speaker == speaker


@pytest.mark.parametrize("text", [
    "She spoke at a screening of her film, “Harbour Lights.” The crowd stayed for an hour.",
    "He was a contestant on the reality show, “The Big Deal,” for two seasons.",
])
def test_a_title_after_the_work_it_names_is_no_quote(nlp, text):
    assert analyse_text(nlp, text).quotes == ()


def test_words_said_on_a_show_are_still_a_quote(nlp):
    text = "Mayor Ed Lane told listeners of his radio show, “We will win this fight.”"
    assert find(analyse_text(nlp, text), "We will win this fight").speaker == "Ed Lane"


def test_a_lone_given_name_has_a_gender(nlp):
    text = ("Melanie watched the speech from her sofa while Kevin slept.\n\n“He is right about the mills,” "
            "Melanie said as Governor Brandt reached the end of his speech.\n\n“Thank you all,” he said.")
    analysis = analyse_text(nlp, text)
    assert find(analysis, "He is right about the mills").speaker == "Melanie"
    assert find(analysis, "Thank you all").speaker != "Melanie"


def test_words_after_a_quote_that_ends_its_sentence_are_not_its_speaker(nlp):
    text = ("Mayor Tom Reyes opened the meeting.\n\n“We will rebuild the pier,” Reyes said.\n\n"
            "Councilwoman Ana Pruitt told him, “Not with my vote!” The crowd applauded loudly.")
    analysis = analyse_text(nlp, text)
    assert find(analysis, "Not with my vote").speaker == "Ana Pruitt"
    assert find(analysis, "rebuild the pier").speaker == "Tom Reyes"


def test_a_place_or_outlet_before_a_colon_is_not_a_speaker(nlp):
    text = ("Mayor Tom Reyes has said it before.\n\nThen, later that month on Channel Nine: “We never promised a "
            "second bridge.”")
    analysis = analyse_text(nlp, text)
    assert find(analysis, "second bridge").speaker != "Channel Nine"


def test_a_quotation_paragraph_with_no_attribution_is_by_whom_the_paragraph_before_is_about(nlp):
    text = ("Mayor Tom Reyes spoke first.\n\nCouncilwoman Ana Pruitt is hopeful about the vote, in part because "
            "she sees the budget as fair.\n\n“Nobody on this council wants the pier closed for another winter.”\n\n"
            "The committee met again on Friday.\n\n“The ferry has to run on time.”")
    analysis = analyse_text(nlp, text)
    assert find(analysis, "Nobody on this council").speaker == "Ana Pruitt"
    assert find(analysis, "ferry has to run").speaker is None  # a committee meeting is nobody speaking


def test_a_year_or_a_statement_opening_a_sentence_is_no_document_frame(nlp):
    assert analyse_text(nlp, "In 2009, the club changed its rules for good.").quotes == ()
    quotes = analyse_text(nlp, "In a statement, the ministry said the talks would resume in May.").quotes
    assert [(q.text, q.speaker) for q in quotes] == [("the talks would resume in May", "the ministry")]


def test_who_said_it_rests_on_the_antecedent_through_the_relative_pronoun(nlp):
    text = "The post came from Dana Ferris, who wrote, “Nobody reads the rules anymore.”"
    q = find(analyse_text(nlp, text), "Nobody reads the rules")
    assert q.speaker == "Dana Ferris"
    assert text[q.speaker_start:q.speaker_end] == "Dana Ferris, who"


def test_a_cue_that_leads_in_wins_over_a_verb_after_the_quote(nlp):
    text = "Mayor Tom Reyes spoke last.\n\nHe also vowed, “We will rebuild the pier by spring,” referring to the storm."
    assert find(analyse_text(nlp, text), "rebuild the pier").speaker == "Tom Reyes"


def test_the_articles_own_first_person_is_its_author(nlp):
    text = "I ran for mayor to fix the harbor. I pledged to rebuild the pier within two years."
    q = find(analyse_text(nlp, text), "rebuild the pier")
    assert q.speaker == "the author"
    assert text[q.speaker_start:q.speaker_end] == "I"


def test_a_first_person_belief_or_typewriter_quotation_is_not_the_authors(nlp):
    text = ("Mayor Tom Reyes kept going. ''I think we will get there,'' he said.\n\n"
            "I think the pier will open late. Dana Ferris thinks it will open on time.")
    analysis = analyse_text(nlp, text)
    assert all(q.speaker != "the author" for q in analysis.quotes)
    assert not any("the pier will open late" in q.text for q in analysis.quotes)
    assert find(analysis, "it will open on time").speaker == "Dana Ferris"


def test_caption_and_credit_do_not_break_a_chain(nlp):
    text = ("Analyst Omar Haddad has followed the talks for years.\n"
            "“Both sides want a deal before the summer,” Haddad said.\n\n"
            "Delegates arrive for the talks in Geneva, March 3, 2025.\n"
            "Pierre Albert/AFP via Getty Images\n"
            "“But neither side wants to be seen blinking first,” he added.")
    analysis = analyse_text(nlp, text)
    q = find(analysis, "neither side wants")
    assert q.speaker == "Omar Haddad"
    credit = [s for s in analysis.sources if s.type == "credit"]
    assert [s.text for s in credit] == ["Pierre Albert/AFP via Getty Images"]
    assert all(sp.name != "Pierre Albert" for sp in analysis.speakers)


def test_one_canonical_speaker_with_aliases(nlp):
    text = ("President Donald Trump spoke at the rally.\n“We will win big,” Trump said.\n"
            "“Nobody thought we could do it,” the president said.")
    analysis = analyse_text(nlp, text)
    names = {q.speaker for q in analysis.quotes}
    assert names == {"Donald Trump"}
    speaker = analysis.speaker("Donald Trump")
    assert speaker is not None and "Trump" in speaker.aliases and speaker.role == "President"


def test_transcript_turns_are_their_speakers_direct_quotes(nlp):
    text = ("Governor Maria Lopez spoke with host Dev Kapoor on Sunday.\n\n"
            "KAPOOR: Will the bridge open on time?\n\n"
            "LOPEZ: It will open in May. We said so in January and nothing has changed.\n\n"
            "KAPOOR: And the cost?\n\n"
            "UPDATE: This interview has been edited for length.")
    analysis = analyse_text(nlp, text)
    turns = [(q.text, q.speaker, q.kind) for q in analysis.quotes]
    assert ("Will the bridge open on time?", "Dev Kapoor", "direct") in turns
    assert ("It will open in May. We said so in January and nothing has changed.", "Maria Lopez", "direct") in turns
    assert ("And the cost?", "Dev Kapoor", "direct") in turns
    assert not any("edited for length" in q.text for q in analysis.quotes)  # a one-off label is no speaker
    assert len(analysis.quotes) == 3  # nothing reported inside a turn is counted twice


def test_headline_with_a_speaker_label(nlp):
    text = ("Ruiz: Flood Wall Will Be Finished by Spring\n\nHarbor City Mayor Elena Ruiz said on Sunday that the "
            "wall was on schedule.")
    headline = analyse_text(nlp, text).quotes[0]
    assert (headline.text, headline.kind, headline.speaker) == (
        "Flood Wall Will Be Finished by Spring", "indirect", "Elena Ruiz")


def test_reported_clause_stops_before_the_narrators_participle(nlp):
    text = ("Councilman David Okafor said the wall would not save the lower streets, arguing that the money "
            "should go to buyouts instead.")
    quotes = analyse_text(nlp, text).quotes
    assert quotes[0].text == "the wall would not save the lower streets"
    assert any(q.text.startswith("that the money should go") and q.speaker == "David Okafor" for q in quotes)


def test_one_quote_per_span(nlp):
    text = ("Prices would rise by as much as 20 percent, according to the Harbor Institute, "
            "more than twice what it projected last year.")
    spans = [(q.start, q.end) for q in analyse_text(nlp, text).quotes]
    assert len(spans) == len(set(spans))


def test_same_surname_different_people(nlp):
    text = ("“The harbor is full,” said Ada Abbott.\n\n“The harbor is empty,” said Bruno Abbott.\n\n"
            "“Both of them are wrong,” said Ada Abbott again.")
    analysis = analyse_text(nlp, text)
    assert [q.speaker for q in analysis.quotes] == ["Ada Abbott", "Bruno Abbott", "Ada Abbott"]


@pytest.mark.parametrize("text", [
    "The film “Heat” opened in 1995 to strong reviews across the country.",
    "Critics called the movie a “masterpiece” in their reviews.",
    "The so-called “shadow fleet” keeps sailing.",
    "Does Trump have ‘the cards’? Nobody knows.",
    "It rained all day and the roads were closed.",
    "His nonprofit group, called the Harbor Trust, bought the old pier in May.",
    "Note: This story has been updated to correct the date of the vote.\n\nThe council met on Monday.",
    "The mill closed in May.\n\n‘Legend of the River Docks.’\n\nThe docks reopened a year later.",
    "Harbor Mayor Hammers Port Board: ‘You Should All Be Ashamed.’\n\nThe board met on Friday.",
])
def test_not_speech(nlp, text):
    analysis = analyse_text(nlp, text)
    assert [q for q in analysis.quotes if q.kind == "direct"] == []


def test_unbalanced_mark_loses_only_its_paragraph(nlp):
    text = ("“This opening mark is never closed, said nobody in particular.\n"
            "“The second paragraph is fine,” Ana Lima said.\n"
            "“So is the third,” she added.")
    analysis = analyse_text(nlp, text)
    assert find(analysis, "The second paragraph is fine").speaker == "Ana Lima"
    assert find(analysis, "So is the third").speaker == "Ana Lima"


def test_multi_paragraph_quote(nlp):
    text = ("Judge Carla Mendes read her decision aloud. “The law is clear on this point.\n"
            "“The defendant knew the rules and chose to break them anyway,” she said.")
    analysis = analyse_text(nlp, text)
    q = find(analysis, "The law is clear")
    assert q.kind == "direct"
    assert "\n" not in q.text
    assert find(analysis, "The defendant knew").speaker == "Carla Mendes"


def test_sources_are_typed(nlp):
    text = ("“We will appeal,” Mayor Ben Cole told ABC News.\n"
            "Cole later wrote on Truth Social that the ruling was “a disgrace.”\n"
            "In a statement, the Harbor Authority said the port would reopen on Monday.")
    analysis = analyse_text(nlp, text)
    types = {s.text: s.type for s in analysis.sources}
    assert types.get("ABC News") == "outlet"
    assert types.get("Truth Social") == "platform"
    assert "document" in types.values()


@pytest.mark.parametrize("text, fragment, mention, inherits_from", [
    # the pronoun next to the cue is what the attribution rests on, though the speaker is named elsewhere
    ("Senator Ruth Adams spoke for an hour.\n“This is a bad deal for farmers,” she said.", "bad deal", "she", None),
    ("“The storm is moving north,” forecaster Dan Miles said.\n“Expect heavy rain by Friday night and flooding.”",
     "The storm", "Dan Miles", None),
    # a follow-on quote rests on the mention of the quote it follows, and says which one that is
    ("“The storm is moving north,” forecaster Dan Miles said.\n“Expect heavy rain by Friday night and flooding.”",
     "Expect heavy rain", "Dan Miles", "The storm"),
])
def test_every_attributed_quote_says_which_words_name_its_speaker(nlp, text, fragment, mention, inherits_from):
    analysis = analyse_text(nlp, text)
    quote = find(analysis, fragment)
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start:quote.speaker_end] == mention
    if inherits_from is None:
        assert quote.inherits is None
    else:
        assert quote.inherits is not None and inherits_from in analysis.quotes[quote.inherits].text


PAGE_NOISE = [
    "READ MORE: Harbour bridge reopens after storm",
    "WATCH: Minister says rates will rise next month",
    "RELATED: Storm damage in pictures",
    "Click here to read what the mayor said about the storm",
    "Sign up for our morning newsletter and get the news in your inbox",
    "Share this article",
    "Advertisement",
    "By Jane Roe and Tom Hardy, Staff Writers",
    "Updated 5:55 p.m. ET",
    "Follow us on Twitter",
    "—“Ferry operator cuts winter sailings,” by the Gazette's Ann Moore: http://example.com/ferry",
]


@pytest.mark.parametrize("text, quoted", [
    ("‘We didn’t expect this,’ the coach admitted. ‘The players’ effort was fantastic, though.’",
     ["We didn’t expect this,", "The players’ effort was fantastic, though."]),
    ("Mr Jones, the council's leader, said: 'Residents' patience has run out.'", ["Residents' patience has run out."]),
])
def test_a_plural_possessive_inside_single_marks_does_not_close_the_quotation(nlp, text, quoted):
    quotes = analyse_text(nlp, text).quotes
    assert [q.text for q in quotes] == quoted and all(q.kind.value == "direct" for q in quotes)


def test_single_marked_words_ending_in_s_still_close():
    text = "He called them 'fools' and 'liars' in the same breath, the mayor said."
    assert [text[s.start:s.end] for s in find_quote_spans(text)] == ["fools", "liars"]


def test_a_that_clause_the_parser_hung_on_a_shows_name_is_what_was_told(nlp):
    text = "Sen. Ann Lee told CNN’s “State of the Union” on Sunday that the deal was dead."
    assert [(q.text, q.speaker) for q in analyse_text(nlp, text).quotes] == [("that the deal was dead", "Ann Lee")]


@pytest.mark.parametrize("text, speaker", [
    ("“We tried,” she said — “we really did.” Ana Ruiz has run the shelter since 2009.", "Ana Ruiz"),
    ("“We tried,” she said. Tom Hale, who runs the shelter, disagreed.", None),
    ("Tom Hale runs the shelter. “We tried,” she said. Ana Ruiz had warned him.", None),
])
def test_a_story_opening_on_a_pronoun_names_its_speaker_just_after(nlp, text, speaker):
    quote = analyse_text(nlp, text).quotes[0]
    assert quote.speaker == speaker
    if speaker is not None:
        assert quote.speaker_confidence < 0.9  # a guess for the reader to check


@pytest.mark.parametrize("text, speaker", [
    ("Two people briefed on the discussions said a deal could be announced next week.",
     "Two people briefed on the discussions"),
    ("A person close to the family, who spoke on condition of anonymity, said the couple had separated.",
     "A person close to the family"),
    ("Another source speaking to reporters said the talks had stalled.", "Another source"),
])
def test_an_unnamed_source_is_named_by_what_describes_it(nlp, text, speaker):
    quote = analyse_text(nlp, text).quotes[0]
    assert (quote.speaker, text[quote.speaker_start:quote.speaker_end]) == (speaker, speaker)


@pytest.mark.parametrize("text, reported", [
    ("The union called for “urgent talks”, while the employers stayed silent.", "“urgent talks”"),
    ("Mayor Ana Ruiz described the decision as “reckless and irresponsible.” She left.",
     "the decision as “reckless and irresponsible.”"),
])
def test_a_quoted_stance_keeps_the_closing_mark_the_parser_hung_elsewhere(nlp, text, reported):
    assert analyse_text(nlp, text).quotes[0].text == reported


def test_a_clause_the_parser_hung_on_the_show_told_is_what_was_told(nlp):
    text = "Housing minister Tom Barker later told BBC Radio 4 Today programme the vote would go ahead “in the coming weeks”."
    assert [(q.text, q.speaker) for q in analyse_text(nlp, text).quotes] == [
        ("the vote would go ahead “in the coming weeks”", "Tom Barker")]


STORY_LISTS = [
    "Most Read\n\n1. Mayor says budget is “in good shape”\n\n2. Police name victim of crash",
    "Related stories:\n\n- Council chief says wall “will pay for itself”\n\n- Ferry fares to rise",
    "Share this article: Facebook Twitter Email",
    "This article was originally published by The Harbour Times.",
]


@pytest.mark.parametrize("lines", STORY_LISTS)
def test_a_pages_list_of_other_stories_and_share_box_are_never_speech_or_sources(nlp, lines):
    text = f"“The bridge is safe again,” engineer Mia Cole said on Monday.\n\n{lines}\n\nThe crossing reopens today."
    analysis = analyse_text(nlp, text)
    assert [q.speaker for q in analysis.quotes] == ["Mia Cole"]
    assert not analysis.sources


def test_a_numbered_list_in_the_story_is_still_read(nlp):
    text = ("The report made two findings.\n\n1. The wall was built too low, engineers said.\n\n"
            "2. Nobody checked the pumps.")
    assert [q.speaker for q in analyse_text(nlp, text).quotes] == ["engineers"]


@pytest.mark.parametrize("line", PAGE_NOISE)
def test_news_page_furniture_is_never_speech(nlp, line):
    text = (f"{line}\n\n“The bridge is safe again,” engineer Mia Cole said on Monday.\n\n{line}\n\n"
            "Harbour officials said the crossing would stay open all winter.")
    analysis = analyse_text(nlp, text)
    for q in analysis.quotes:
        assert q.start > len(line) and line not in q.text, (line, q)
    assert {s.name for s in analysis.speakers} <= {"Mia Cole", "Harbour officials", "officials"}
    assert find(analysis, "The bridge is safe").speaker == "Mia Cole"


@pytest.mark.parametrize("text, fragment, speaker", [
    # the negatives: lines that look like page furniture but are the story's
    ("By Tuesday, officials said the road would reopen before the holiday weekend.", "the road would reopen",
     "officials"),
    ("Follow the money to the contractors, auditor Rosa Lind said.", "Follow the money", "Rosa Lind"),
    ("“Sign up now, before the places run out,” coach Sam Ortiz said.", "Sign up now", "Sam Ortiz"),
])
def test_prose_that_looks_like_page_furniture_still_counts(nlp, text, fragment, speaker):
    assert find(analyse_text(nlp, text), fragment).speaker == speaker


def test_a_pull_quote_repeating_the_story_is_not_a_second_quote(nlp):
    text = ("Ferry fares rise in spring\n\n"
            "“We held fares down for six years, and we cannot do it any longer,” the operator’s chief Ada Moss said.\n\n"
            "“We held fares down for six years, and we cannot do it any longer”\n\n"
            "Passengers said the rise was steep.")
    analysis = analyse_text(nlp, text)
    held = [q for q in analysis.quotes if "held fares down" in q.text]
    assert len(held) == 1 and held[0].speaker == "Ada Moss"


@pytest.mark.parametrize("text, fragment, speaker, role", [
    ("“We will not back down on this bill,” said Sen. Ann Lee, D-Ore. Martinez added that the vote would be close.",
     "We will not back down", "Ann Lee", "Sen., D-Ore."),
    ("“We will not back down on this bill,” said Sen. Ann Lee, D-Ore. Martinez added that the vote would be close.",
     "the vote would be close", "Martinez", None),
    ("“The state needs the money,” said Rep. Tom Hardy, R-Fla., on Tuesday.", "The state needs", "Tom Hardy",
     "Rep., R-Fla."),
    ("“It is a scandal,” Rep. Carla Diaz (D-N.C.) said. Others disagreed.", "It is a scandal", "Carla Diaz",
     "Rep., D-N.C."),
    # abbreviations that are no sentence end and no speaker
    ("The U.S. Army Corps of Engineers said the No. 2 levee would hold through the spring floods.",
     "the No. 2 levee would hold", "The U.S. Army Corps of Engineers", None),
    ("Gov. Rita Marsh said the state would cover the repairs.", "the state would cover", "Rita Marsh", "Gov."),
])
def test_party_tags_and_abbreviations_never_split_a_sentence(nlp, text, fragment, speaker, role):
    analysis = analyse_text(nlp, text)
    quote = find(analysis, fragment)
    assert quote.speaker == speaker
    assert not any("Ore. " in (s.name or "") or s.name.startswith(("D-", "R-")) for s in analysis.speakers)
    if role is not None:
        assert analysis.speaker(speaker).role == role


def test_confidence_follows_the_evidence(nlp):
    text = ("“The levee will hold through the spring,” chief engineer Rosa Delgado said on Monday.\n\n"
            "The council met for three hours on Tuesday.\n\n"
            "“Nobody here believes that,” they said.")
    analysis = analyse_text(nlp, text)
    named, vague = find(analysis, "levee will hold"), find(analysis, "Nobody here")
    for q in analysis.quotes:
        assert 0.0 < q.confidence <= 1.0 and 0.0 < q.speaker_confidence <= 1.0
    assert named.speaker_confidence > 0.85
    assert vague.speaker_confidence < named.speaker_confidence - 0.2


@pytest.mark.parametrize("text, source, kind", [
    ("The brigade's press service said two drones were shot down overnight.", "The brigade's press service",
     "organisation"),
    ("A statement from the ministry said the border would stay closed.", "A statement from the ministry", "document"),
    ("According to a court filing, the company owed two million dollars.", "a court filing", "document"),
    ("The report, released on Monday, said emissions had fallen.", "The report", "document"),
    ("The mayor said in a statement from her office that the roads were clear.", "a statement from her office",
     "document"),
    ("The state news agency reported that talks had resumed.", "The state news agency", "outlet"),
    ("“The numbers are clear,” said Lena Ortiz of the Institute for Coastal Studies.",
     "the Institute for Coastal Studies", "organisation"),
    ("Delegates to the NATO Parliamentary Assembly said the vote would wait.", "the NATO Parliamentary Assembly",
     "organisation"),
])
def test_press_offices_documents_and_affiliations_are_typed_sources(nlp, text, source, kind):
    assert (source, kind) in {(s.text, s.type) for s in analyse_text(nlp, text).sources}


def test_a_press_office_needs_a_press_word(nlp):
    sources = {s.text for s in analyse_text(nlp, "The post office said the delivery would be late.").sources}
    assert not any("post office" in s for s in sources)


def test_a_clause_interrupted_by_its_cue_is_reported_in_two_parts(nlp):
    text = ("The pier reopened on Friday.\n\nThe new ferry, the harbour master said, would start in May and carry "
            "cars.\n\nToo often, Ms. Okafor said, the council ignores the islands.\n")
    analysis = analyse_text(nlp, text)
    parts = [(q.text, q.speaker) for q in analysis.quotes]
    assert ("The new ferry", "the harbour master") in parts
    assert ("would start in May and carry cars", "the harbour master") in parts
    assert ("Too often", "Okafor") in parts or ("Too often", "Ms. Okafor") in parts
    # a cue after a whole clause reports it once: no fragment of it
    plain = analyse_text(nlp, "The pier reopened.\n\nThe new ferry will start in May, the harbour master said.\n")
    assert [q.text for q in plain.quotes] == ["The new ferry will start in May"]


def test_what_a_study_or_a_court_found_is_reported(nlp):
    text = ("Bridges are ageing.\n\nA 2023 study by the transport institute found that one bridge in five needs "
            "urgent repairs.\n\nThe mayor found the keys to the old depot on Monday.\n\nResidents found that the "
            "new timetable was confusing.\n")
    analysis = analyse_text(nlp, text)
    quotes = {q.text: q for q in analysis.quotes}
    found = next(q for t, q in quotes.items() if t.endswith("one bridge in five needs urgent repairs"))
    assert "study" in (found.speaker or "")
    assert not any("keys" in t for t in quotes)  # finding things is not a finding
    assert not any("timetable" in t for t in quotes)  # people finding something: not reported speech


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Turnout was high.\n\nFormer governor Ruth Adams endorsed Senator Tom Hale at a rally in Dayton on Friday.",
     "Senator Tom Hale", "Ruth Adams"),
    ("The night shift is short of staff.\n\nThe nurses' union accused the hospital board of ignoring the night "
     "shift.", "the hospital board of ignoring", "The nurses' union"),
    ("The vote is close.\n\nRep. Dana Ortiz criticized the spending bill as a gift to donors.",
     "the spending bill as a gift", "Dana Ortiz"),
])
def test_stances_without_a_verb_of_saying_are_attributions(nlp, text, fragment, speaker):
    quote = find(analyse_text(nlp, text), fragment)
    assert quote.kind == "indirect" and quote.speaker == speaker
    assert "rally" not in quote.text  # the scene ("at a rally in Dayton") is the writer's, not the stance


def test_everyday_verbs_and_the_writers_impressions(nlp):
    plain = analyse_text(nlp, "The mayor took the bus to work. The team had dinner at eight and then watched the game.")
    assert plain.quotes == ()
    seeming = analyse_text(nlp, "The budget passed.\n\nThe new plan seemed to reflect a change of heart on the council.")
    quote = find(seeming, "to reflect a change of heart")
    assert quote.speaker is None  # how it looks to the writer: the plan is not a speaker


def test_typewriter_quotation_sentences_go_on_with_the_speaker_before(nlp):
    text = ("''The bridge is safe,'' the engineer Paul Quist said. ''We checked every bolt last week.''\n\n"
            "The council will vote in June.\n\nThe ferry runs hourly.\n\n''Nothing has changed.''\n")
    analysis = analyse_text(nlp, text)
    assert find(analysis, "We checked every bolt").speaker == "Paul Quist"
    inner = analyse_text(nlp, "The vote is set.\n\n''We have the votes,'' Ms. Dana Lee said. ''That does not seem "
                              "the right way to go if we want to have a fair convention.''")
    whole = find(inner, "That does not seem the right way")  # read whole, not from the cues inside it
    assert whole.text.endswith("a fair convention.") and whole.speaker == "Dana Lee"
    assert not any("Nothing has changed" in q.text for q in analysis.quotes)  # nobody spoke in the paragraphs before


def test_a_purpose_is_no_stance(nlp):
    text = "The council met on Tuesday to discuss the library opening hours, and the meeting ran late."
    assert analyse_text(nlp, text).quotes == ()


def test_a_typewriter_quotation_is_reported_whole_by_the_tag_after_it(nlp):
    text = ("The senator spoke for an hour.\n\n''Roads, roads, roads,'' Senator Ada Price said on Monday.\n\n"
            "''Only 52 mayors have signed. We will need many more,'' said Omar Reyes, a campaign adviser.\n\n"
            "The anthem ''A Change Is Gonna Come,'' she sang later, moved the hall.\n")
    analysis = analyse_text(nlp, text)
    assert find(analysis, "Roads, roads, roads").speaker == "Ada Price"
    whole = find(analysis, "Only 52 mayors have signed")
    assert "We will need many more" in whole.text and whole.speaker == "Omar Reyes"
    assert not any(q.text.startswith("A Change Is Gonna Come") for q in analysis.quotes)  # a title, not speech
    split = analyse_text(nlp, "The talks stalled.\n\n''There is a lot of water under the bridge,'' Mr. Ivo Indyk "
                              "said, ''and it is very hard to imagine a deal now.''")
    assert find(split, "very hard to imagine a deal").speaker == "Ivo Indyk"  # the second half of a split quotation
    led = analyse_text(nlp, "The race tightened.\n\nAs the rival stumbled, Mayor Tom Reyes said, ''I watched him. "
                            "And I learned from him.''")
    assert find(led, "I watched him").text == "I watched him. And I learned from him."  # led into by its verb
    told = analyse_text(nlp, "The row went on.\n\nCurt Shilling told WEEI: ''I replied to the post. I did not post "
                             "that.''")
    assert find(told, "I replied to the post").text.endswith("I did not post that.")


def test_a_speaking_participle_leading_into_a_quotation_is_the_subjects(nlp):
    lead = analyse_text(nlp, "Senator Ruth Adams emailed supporters saying: “We are staying in this race until the end.”")
    assert find(lead, "staying in this race").speaker == "Ruth Adams"
    met = analyse_text(nlp, "The mayor met voters saying they were tired of the roadworks.")
    assert find(met, "tired of the roadworks").speaker == "voters"  # the voters say it


def test_a_reported_clause_ends_before_the_report_of_it(nlp):
    text = "The president told her that it was not that simple, according to an account she gave to the Ledger."
    told = [q for q in analyse_text(nlp, text).quotes if q.speaker == "The president"]
    assert [q.text for q in told] == ["that it was not that simple"]


def test_a_stance_in_an_adjective_reports_what_it_is_about(nlp):
    text = "The depot closes in May.\n\nCouncillor Ruth Adams was critical of the plan to close the depot."
    quote = find(analyse_text(nlp, text), "the plan to close the depot")
    assert quote.text == "the plan to close the depot" and quote.speaker == "Ruth Adams"
    able = "The bridge is old.\n\nThe engineers were able to finish the repairs on time."
    assert analyse_text(nlp, able).quotes == ()  # being able to do something is no stance


def test_a_title_set_off_by_a_comma_is_no_quotation(nlp):
    show = analyse_text(nlp, "He spoke on Monday on his weekly radio show, “Mornings With Dale Brooks,” which airs in "
                             "three states.")
    assert not any(q.kind == "direct" for q in show.quotes)


def test_what_someone_in_a_relative_clause_called_a_person(nlp):
    text = "The tributes came in.\n\nThey included Gov. Mike Pence, who called their son “an American hero.”"
    quote = find(analyse_text(nlp, text), "an American hero")
    assert quote.kind == "mixed" and quote.speaker == "Mike Pence"


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Asked whether he would run again, Lee said he had not decided.", "whether he would run again", None),
    ("Asked by reporters whether he would run again, Lee said he had not decided.", "whether he would run again",
     "reporters"),
    ("Lee said he had not decided when asked whether he would run again.", "whether he would run again", None),
    ("Asked about the bomb, Lee said he had not decided.", "the bomb", None),
])
def test_a_question_put_to_someone_is_not_theirs(nlp, text, fragment, speaker):
    analysis = analyse_text(nlp, text)
    assert [q.speaker for q in analysis.quotes if q.text == fragment] == [speaker]
    assert find(analysis, "had not decided").speaker == "Lee"


def test_a_poll_opening_a_sentence_shows_what_its_subject_does(nlp):
    text = "Senator Hal Brook has campaigned hard. In the latest polls, he trails the governor by six points."
    assert find(analyse_text(nlp, text), "trails the governor").speaker == "the latest polls"
    own = "Senator Ann Lee wrote on Facebook. In her post, she reminded voters of the deadline for registering."
    assert find(analyse_text(nlp, own), "reminded voters").speaker == "Ann Lee"


@pytest.mark.parametrize("text,speaker", [
    ("The new rules, said Ana Ruiz, the city's planning director, would take effect in May.", "Ana Ruiz"),
    ("Any fair reading of the mayor's actions, said Michael Kofman, an expert on housing at the Urban Institute, "
     "would see a retreat.", "Michael Kofman"),
    ("The new rules, said Sen. Ana Ruiz of Ohio, would take effect in May.", "Ana Ruiz"),
])
def test_a_tag_with_the_name_after_its_verb_inside_the_clause_it_reports(nlp, text, speaker):
    quotes = analyse_text(nlp, text).quotes
    assert {q.speaker for q in quotes} == {speaker}
    assert any(q.text.startswith("would ") for q in quotes)


def test_a_name_the_tagger_read_as_an_adverb_still_speaks(nlp):
    text = ("Bill Skelly runs the data team. “Having access to the file is valuable,” said Skelly, explaining he "
            "worked closely with the state party on the data.")
    analysis = analyse_text(nlp, text)
    assert find(analysis, "access to the file").speaker == "Bill Skelly"
    assert find(analysis, "worked closely").speaker == "Bill Skelly"


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Ruth Beck, who supported Sen. Ted Cruz, R-Texas, and opposed the mayor during the primaries, last week said "
     "the mayor was seeking to start a media empire.", "seeking to start", "Ruth Beck"),
    ("In an interview with morning hosts Joe Scarborough and Mika Brzezinski, the Democratic presidential "
     "candidate stated that the comments did not fit with what she knew of him.", "did not fit",
     "the Democratic presidential candidate"),
    ("Lee emphasized that the reforms were not complete, and human rights groups warned that the city was "
     "giving up its leverage.", "giving up its leverage", "human rights groups"),
])
def test_the_subject_a_parse_lost(nlp, text, fragment, speaker):
    assert find(analyse_text(nlp, text), fragment).speaker == speaker


@pytest.mark.parametrize("text,speaker", [
    ("In the video, the cleric Omar Haddad, who was killed in a 2011 drone strike, is shown lecturing: “We will "
     "never stop.”", "Omar Haddad"),
    ("Senator Ann Lee was caught on tape saying, “This bill is dead.”", "Ann Lee"),
])
def test_the_one_shown_or_caught_speaking_speaks(nlp, text, speaker):
    assert find(analyse_text(nlp, text), "never stop" if "never" in text else "bill is dead").speaker == speaker


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Even the timing of the debate led Republicans to say that Democrats were protecting their candidate.",
     "Democrats were protecting", "Republicans"),
    ("That prompted Rubio to make a joke about yoga and call the mayor “very flexible.”", "very flexible", "Rubio"),
])
def test_the_object_does_what_it_was_made_to(nlp, text, fragment, speaker):
    assert find(analyse_text(nlp, text), fragment).speaker == speaker


@pytest.mark.parametrize("text,fragment,speaker", [
    ("As Purple PAC's Crane said, the two standard-bearers have become the least ideological candidates in "
     "America.", "the two standard-bearers have become", "Crane"),
    ("The budget has grown every year since 2010, as the mayor noted.", "The budget has grown", "the mayor"),
    ("Asked if he was ever bullied, the candidate said no. But he said bullying happens.", "no", "the candidate"),
])
def test_what_an_as_clause_or_an_answer_reports(nlp, text, fragment, speaker):
    assert [q.speaker for q in analyse_text(nlp, text).quotes if q.text.startswith(fragment)] == [speaker]


def test_an_as_clause_of_time_reports_nothing(nlp):
    assert not analyse_text(nlp, "As he said goodbye, the crowd cheered.").quotes


def test_reportedly_is_a_report_by_someone_unnamed(nlp):
    quotes = analyse_text(nlp, "The company has reportedly taken heat from a civil rights group.").quotes
    assert [(q.text, q.kind, q.speaker) for q in quotes] == [
        ("The company has", "indirect", None), ("taken heat from a civil rights group", "indirect", None)]
    assert not analyse_text(nlp, "The report was released on Monday.").quotes


def test_a_clause_ending_in_a_poll_is_what_the_poll_found(nlp):
    text = "But the mayor fell to 10 percent in the latest Marist poll released Wednesday."
    q = find(analyse_text(nlp, text), "fell to 10 percent")
    assert (q.text, q.speaker) == ("the mayor fell to 10 percent", "the latest Marist poll")
    assert not analyse_text(nlp, "She took part in the poll.").quotes


def test_what_is_expected_of_someone_is_reported_by_no_one(nlp):
    quotes = analyse_text(nlp, "The House is expected to pass a bipartisan bill later this week.").quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("The House", None), ("to pass a bipartisan bill later this week", None)]


def test_a_she_before_the_names_in_a_sentence_keeps_the_chain(nlp):
    text = ("Nina Osei, a teacher from Hemet, California, is among those who will not back Clinton. The campaign was "
            "the first time she had been involved, and she does not think Clinton can address the issues.\n\n"
            "“I will vote for a third party,” she said.")
    assert find(analyse_text(nlp, text), "third party").speaker == "Nina Osei"


def test_as_reported_by_an_outlet_the_outlet_is_the_source(nlp):
    text = "As reported by the Coastal Ledger, investigators found over 2,200 emails containing classified material."
    q = find(analyse_text(nlp, text), "investigators found")
    assert q.speaker == "the Coastal Ledger"


def test_who_puts_out_a_document_says_what_it_says(nlp):
    text = "Shortly after the call ended, the Lee campaign sent out a press release saying the mayor owes voters an apology."
    assert find(analyse_text(nlp, text), "the mayor owes voters").speaker == "the Lee campaign"
    video = "The mayor released a campaign video that said, \"We are going to fix every road in this city.\""
    assert find(analyse_text(nlp, video), "fix every road").speaker == "The mayor"
    sign = "Rita Okafor held up a sign saying \"Nurses Against Cuts - Because We Care.\""
    assert find(analyse_text(nlp, sign), "Nurses Against Cuts").speaker == "a sign"


def test_a_name_before_the_report_begins_is_not_its_hidden_speaker(nlp):
    text = ("The groups have been sending out letters about the mayor's role in Dover, Salem, Bristol and the "
            "harbour deal. Other groups are also expected to spend millions on TV ads next year.")
    quotes = [q for q in analyse_text(nlp, text).quotes if q.cue == "expected"]
    assert [(q.text, q.speaker) for q in quotes] == [("Other groups", None), ("to spend millions on TV ads next year", None)]


def test_a_subject_raised_over_an_adjective_still_speaks(nlp):
    text = "Janet Okoro is likely to stress that the bank would pause its rate increases quickly."
    assert find(analyse_text(nlp, text), "pause its rate increases").speaker == "Janet Okoro"


@pytest.mark.parametrize("text, whole", [
    ("Some neighbours say the old mill would look better if the council painted it.",
     "the old mill would look better if the council painted it"),
    ("A Gallup survey last week showed Ms. Park leading Mr. Dunn statewide, 52 percent to 31 percent, "
     "among voters under forty.",
     "Ms. Park leading Mr. Dunn statewide, 52 percent to 31 percent, among voters under forty"),
])
def test_a_reported_clause_runs_on_over_what_the_parse_hung_on_its_cue(nlp, text, whole):
    assert find(analyse_text(nlp, text), whole.split(" ")[1]).text.rstrip(".") == whole


@pytest.mark.parametrize("text, ends", [
    ("Sixty percent say the bridge should be rebuilt, while 12 percent were unsure.", "should be rebuilt"),
    ("Mayor Ruiz said the plan would fail, but the council disagreed.", "the plan would fail"),
])
def test_a_contrast_or_a_new_clause_is_not_part_of_the_report(nlp, text, ends):
    assert find(analyse_text(nlp, text), ends).text.endswith(ends)


def test_a_relative_clause_on_a_name_ending_a_report_is_the_narrators(nlp):
    text = "Mayor Ruiz said the job should go to Dana Whitfield, who ran the port authority for a decade."
    assert find(analyse_text(nlp, text), "the job should go").text == "the job should go to Dana Whitfield"
    own = "Mayor Ruiz said the job should go to someone who knows the port."  # restrictive: part of the report
    assert find(analyse_text(nlp, own), "the job should go").text.endswith("who knows the port")


@pytest.mark.parametrize("text", [
    "Turnout rose in the suburbs, as voters went to the polls in record numbers.",
    "Many families left in 1979; they went to Pakistan.",
    "To give a sense of the mood, the candidate went on to praise the local team.",
])
def test_go_reports_nothing_without_a_quotation(nlp, text):
    assert not analyse_text(nlp, text).quotes


def test_as_the_saying_goes_still_frames_what_it_says(nlp):
    q = find(analyse_text(nlp, "Prices will fall after the vote, as the old saying goes."), "Prices will fall")
    assert q.speaker == "the old saying"
    q = find(analyse_text(nlp, "Still, the plan is “not ready” for a vote, Senator Amy Lund continued."), "not ready")
    assert q.speaker == "Amy Lund"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("After the club chairman Olaf Berg criticized the coach during a meeting, Greta shot back, "
     "“You never once came to training.”", "came to training", "Greta"),
    ("When Mayor Tom Lee criticized the plan, Ana Ruiz fired back: “It will cost far less than that.”",
     "cost far less", "Ana Ruiz"),
])
def test_a_verb_with_its_particle_speaks_beside_a_quotation(nlp, text, fragment, speaker):
    assert find(analyse_text(nlp, text), fragment).speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Her opponent, Labour’s Tom Hart, disagreed. “This is a government in chaos,” he says.", "Tom Hart"),
    ("Fox News’ Sean Hannity said the plan would fail.", "Sean Hannity"),
    ("“It is over,” said the White House’s Karine Jean-Pierre.", "Karine Jean-Pierre"),
])
def test_an_owner_before_a_name_is_not_part_of_it(nlp, text, speaker):
    q = analyse_text(nlp, text).quotes[0]
    assert q.speaker == speaker
    assert text[q.speaker_start:q.speaker_end] in (speaker, "he")


def test_a_kinship_word_after_an_owner_keeps_the_whole_mention(nlp):
    q = analyse_text(nlp, "“We will not stop,” said Le Pen’s niece Marion.").quotes[0]
    assert q.speaker != "niece Marion"


@pytest.mark.parametrize("text", [
    "The town was angry.\n\n‘It’s a disaster,’ said Ms O’Neill, a teacher from Belfast.",
    "The town was angry.\n\n'It’s a disaster,' said Ms O’Neill, a teacher from Belfast.",
])
def test_a_short_single_quoted_line_with_a_tag_is_speech(nlp, text):
    q = find(analyse_text(nlp, text), "disaster")
    assert (q.kind.value, q.speaker, q.text) == ("direct", "O’Neill", "It’s a disaster,")


def test_a_short_single_quoted_phrase_without_a_tag_stays_a_scare_quote(nlp):
    q = find(analyse_text(nlp, "The so-called ‘peace plan’ was rejected, officials said."), "peace plan")
    assert q.kind.value == "mixed"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("President Ivan Sokolov was quoted by the Tass news agency as saying that Moscow would respond.",
     "Moscow would respond", "Ivan Sokolov"),
    ("The minister was quoted as saying the talks had failed.", "the talks had failed", "The minister"),
    ("“We will rebuild every house,” the agency quoted Mayor Ivan Petrov as saying.", "rebuild every house",
     "Ivan Petrov"),
    ("President Wen Hao was cited by the state news agency as saying that the border would stay open.",
     "border would stay open", "Wen Hao"),
    ("The audit report cited rising fuel costs as the main reason for the delay.", "rising fuel costs",
     "The audit report"),
])
def test_the_one_quoted_speaks_not_the_outlet_quoting_them(nlp, text, fragment, speaker):
    assert find(analyse_text(nlp, text), fragment).speaker == speaker


def test_quoting_a_document_is_no_speech_of_it(nlp):
    assert not analyse_text(nlp, "The agency quoted the mayor's statement in full on its website.").quotes


@pytest.mark.parametrize("text", [
    "A government source, who declined to be named, said the deal was close.",
    "One shop owner, who asked not to be identified for fear of reprisals, said they had been deceived.",
])
def test_asking_not_to_be_named_is_no_report(nlp, text):
    a = analyse_text(nlp, text)
    assert [q.cue for q in a.quotes] == ["said"]
    assert a.sources[0].type.value == "anonymous"


def test_declining_to_name_someone_still_reports(nlp):
    assert find(analyse_text(nlp, "Lee declined to name the donors."), "name the donors").speaker == "Lee"


@pytest.mark.parametrize("text, clause", [
    ("The ministry said in a statement that the talks had been useful.", "that the talks had been useful"),
    ("Senator Ann Lee argued in an interview that the bill would fail.", "that the bill would fail"),
])
def test_said_in_a_statement_that_reports_the_clause_not_the_statement(nlp, text, clause):
    assert find(analyse_text(nlp, text), clause.split()[-1]).text == clause


@pytest.mark.parametrize("text, speaker, mention", [
    ("“The situation is under control” – Interior Minister Gérald Darmanin.", "Gérald Darmanin", "Gérald Darmanin"),
    ("The minister was calm.\n\n“The situation is under control.” - Gérald Darmanin", "Gérald Darmanin",
     "Gérald Darmanin"),
])
def test_a_name_after_a_dash_closing_the_line_speaks_and_its_title_is_no_name(nlp, text, speaker, mention):
    q = analyse_text(nlp, text).quotes[0]
    assert (q.speaker, text[q.speaker_start:q.speaker_end]) == (speaker, mention)


def test_a_spaced_hyphen_going_on_with_the_sentence_names_no_one(nlp):
    assert analyse_text(nlp, "“It was a long night” - and then the lights went out.").quotes[0].speaker is None


@pytest.mark.parametrize("text, speaker", [
    ("The mayor was upbeat. “We have turned a corner”, said Mayor Anne Hidalgo.", "Anne Hidalgo"),
    ("Mayor Anne Hidalgo was upbeat.\n\n“We have turned a corner”, she said.", "Anne Hidalgo"),
])
def test_a_tag_after_a_comma_outside_the_marks_is_a_tag(nlp, text, speaker):
    q = find(analyse_text(nlp, text), "turned a corner")
    assert (q.speaker, q.cue, q.confidence > 0.9) == (speaker, "said", True)


@pytest.mark.parametrize("text", [
    "The curator said the exhibit recalls a 1957 novel titled “The Quiet Harbour,” which she loved as a girl.",
    "Her new report, entitled “We Were Never Told,” was released on Monday.",
])
def test_a_title_after_titled_is_no_quotation(nlp, text):
    assert all(q.kind.value != "direct" for q in analyse_text(nlp, text).quotes)


def test_a_second_verb_after_but_speaks_for_the_sentences_subject(nlp):
    text = ("Councillor Amy Lund said Monday that she hopes the audit report is published soon but said "
            "“the real problem is the budget.”")
    a = analyse_text(nlp, text)
    assert find(a, "the real problem is the budget").speaker == "Amy Lund"
    assert find(a, "the audit report").text == "that she hopes the audit report is published soon"


@pytest.mark.parametrize("text, speaker", [
    ("President Luiz Inácio Lula da Silva flew over the region.\n\n“There will be no lack of resources,” Lula said.",
     "Luiz Inácio Lula da Silva"),
    ("The finance chief, Carmen Olivares Paz, met creditors.\n\n“We need more time,” Ms. Olivares said.",
     "Carmen Olivares Paz"),
    ("President Recep Tayyip Erdoğan spoke in Ankara.\n\n“We will not bow,” Erdogan said.", "Recep Tayyip Erdoğan"),
])
def test_a_long_name_is_one_person_with_the_part_a_story_uses_alone(nlp, text, speaker):
    assert analyse_text(nlp, text).quotes[0].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Chinese President Xi Jinping met the envoys on Monday.\n\n“Our doors stay open,” Xi said.", "Xi Jinping"),
    ("Kim Jong Un watched the launch, state media said.\n\n“We are ready,” Kim said.", "Kim Jong Un"),
    ("Senator Bernie Sanders spoke in Des Moines.\n\n“We are winning,” Bernie told the crowd.", "Bernie Sanders"),
    ("Bernie Sanders and his wife, Jane Sanders, spoke.\n\n“We are fine,” Jane said.", "Jane Sanders"),
])
def test_a_first_word_used_alone_is_the_one_person_with_that_name(nlp, text, speaker):
    quote = analyse_text(nlp, text).quotes[-1]
    assert (quote.speaker, text[quote.speaker_start:quote.speaker_end]) == (speaker, speaker.split()[0])


def test_a_lone_first_name_introduced_as_someone_new_is_not_the_famous_one(nlp):
    text = ("President Joe Biden visited Scranton on Friday.\n\n“He is one of us,” said Joe, a retired plumber "
            "who declined to give his last name.")
    assert analyse_text(nlp, text).quotes[0].speaker == "Joe"


def test_a_first_name_two_people_share_is_neither_of_theirs(nlp):
    text = ("Jane Doe and Jane Roe filed the suit.\n\n“We will win,” Jane said.")
    assert analyse_text(nlp, text).quotes[0].speaker == "Jane"


@pytest.mark.parametrize("text, speaker", [
    ("As Rivals Merge, Will Orbitel Be Next?\n\nOrbitel said on Monday that it had no plans to merge.", "Orbitel"),
    ("Verdict Leaves Orbitel Crash Families Waiting\n\nOrbitel said on Monday that it would appeal the ruling.",
     "Orbitel"),
])
def test_a_headlines_capitals_make_no_name(nlp, text, speaker):
    assert analyse_text(nlp, text).quotes[-1].speaker == speaker


@pytest.mark.parametrize("text, reported, speaker", [
    ("Premier Dana Kowal ruled out a new levy, telling reporters in Perth the idea was “not on the agenda”.",
     "the idea was “not on the agenda”", "Dana Kowal"),
    ("The senator spoke in Lyon, noting the proposal “would cost far too much.”",
     "the proposal “would cost far too much.”", "The senator"),
])
def test_a_participle_the_parser_made_a_subject_still_reports_its_clause(nlp, text, reported, speaker):
    quote = analyse_text(nlp, text).quotes[0]
    assert (quote.text, quote.speaker) == (reported, speaker)


def test_a_participle_opening_a_sentence_reports_nothing_of_its_verb(nlp):
    text = "Simply saying that you will stay home is a mistake."
    assert all(q.speaker is None for q in analyse_text(nlp, text).quotes)


def test_what_a_speaker_accused_someone_of_keeps_its_closing_mark(nlp):
    text = "Opposition leader Tom Reilly accused the council of “flip-flopping” on the issue. Nobody replied."
    assert analyse_text(nlp, text).quotes[0].text == "the council of “flip-flopping”"


def test_a_known_person_the_model_takes_for_an_organisation_still_acts_before_a_quotation(nlp):
    text = ("Coach Luca Gualtieri insisted his side could still win the league.\n\n“It is not over,” the City manager "
            "told reporters.\n\nAsked about his future, Gualtieri smiled. “I am happy here. Next question.”")
    assert find(analyse_text(nlp, text), "I am happy here").speaker == "Luca Gualtieri"


def test_a_participle_the_parser_hung_on_the_quotation_is_the_speakers(nlp):
    text = ("Her deputy, Tom Ellis, struck a softer tone. “We want a deal. We always have,” he said, before adding "
            "that the deadline “is not negotiable.”")
    quote = find(analyse_text(nlp, text), "the deadline")
    assert (quote.speaker, text[quote.speaker_start:quote.speaker_end]) == ("Tom Ellis", "he")


def test_a_clause_of_two_words_is_reported_apart_from_a_second_act(nlp):
    quotes = analyse_text(nlp, "The company said profits rose and announced a new chief executive.").quotes
    assert [(q.text, q.cue) for q in quotes] == [("profits rose", "said"), ("a new chief executive", "announced")]


def test_a_name_with_a_particle_is_one_name(nlp):
    text = ("Ursula von der Leyen said on Wednesday that Europe must act.\n\n"
            "“We cannot be naive,” von der Leyen told the parliament.")
    quotes = analyse_text(nlp, text).quotes
    assert [q.speaker for q in quotes] == ["Ursula von der Leyen"] * 2
    assert text[quotes[1].speaker_start:quotes[1].speaker_end] == "von der Leyen"


@pytest.mark.parametrize("text, reported", [
    ("The commissioner said on Wednesday that Europe must “de-risk, not decouple” from China.",
     "that Europe must “de-risk, not decouple” from China"),
    ("The commissioner said on Wednesday that Europe must “de-risk, not decouple” from China, and left.",
     "that Europe must “de-risk, not decouple” from China"),
])
def test_a_reported_clause_runs_through_its_quoted_fragment(nlp, text, reported):
    assert [q.text for q in analyse_text(nlp, text).quotes] == [reported]


def test_an_inner_word_that_is_someone_elses_surname_stays_theirs(nlp):
    text = ("Senator Rand Paul met John Paul Stevens on Monday.\n\n“The court was wrong,” Paul said.")
    assert analyse_text(nlp, text).quotes[0].speaker == "Rand Paul"


@pytest.mark.parametrize("text, start", [
    ("PORTO ALEGRE, Brazil (AP) — Heavy rains have killed at least 39 people, officials said Friday.", "Heavy rains"),
    ("LONDON (Reuters) - British inflation fell in May, official data showed on Wednesday.", "British inflation"),
    ("KYIV, Ukraine — Russia launched a wave of drones overnight, Ukrainian officials said.", "Russia launched"),
])
def test_a_dateline_is_not_part_of_the_report_it_opens(nlp, text, start):
    assert analyse_text(nlp, text).quotes[0].text.startswith(start)


def test_a_capitalised_name_before_a_dash_inside_a_paragraph_is_no_dateline(nlp):
    text = "The talks went on. NATO - the alliance - will meet again, diplomats said."
    assert analyse_text(nlp, text).quotes[0].text.startswith("NATO")


@pytest.mark.parametrize("text, speaker", [
    ("In an interview with Der Spiegel, Scholz said the talks were over.", "Scholz"),
    ("After meeting Anna Berg, Tom Ruiz said the plan was dead.", "Tom Ruiz"),
])
def test_a_name_after_an_opening_phrase_is_the_subject_the_parse_lost(nlp, text, speaker):
    assert analyse_text(nlp, text).quotes[0].speaker == speaker


def test_an_appositive_inside_the_report_is_not_its_speaker(nlp):
    q = analyse_text(nlp, "The mayor met Lee, a banker, said officials.").quotes[0]
    assert q.speaker == "officials"


@pytest.mark.parametrize("text, speaker", [
    ("“It is a tragedy,” the head of the UN refugee agency, Filippo Grandi, told the BBC.", "Filippo Grandi"),
    ("“We are ready,” the head of the port authority said.", "the head of the port authority"),
])
def test_a_tag_with_an_of_phrase_and_a_name_after_it(nlp, text, speaker):
    q = analyse_text(nlp, text).quotes[0]
    assert (q.speaker, q.confidence > 0.9) == (speaker, True)


def test_a_tag_without_its_comma_still_tags_with_a_speech_verb(nlp):
    q = analyse_text(nlp, "The mayor spoke.\n\n“We are not afraid” Mayor Ann Lee said after the vote.").quotes[0]
    assert (q.speaker, q.confidence > 0.9) == ("Ann Lee", True)
    assert not analyse_text(nlp, "She read “Animal Farm” twice and loved it.").quotes


@pytest.mark.parametrize("text, speaker", [
    ("The central bank raised rates by a quarter point on Thursday, it said in a statement.", "The central bank"),
    ("The ministry confirmed the closure. It said the border would reopen within a week.", "The ministry"),
])
def test_it_after_an_organisation_named_by_a_common_noun_is_that_organisation(nlp, text, speaker):
    q = analyse_text(nlp, text).quotes[-1]
    assert (q.speaker, text[q.speaker_start:q.speaker_end].lower()) == (speaker, "it")


def test_a_speakers_surname_the_model_calls_an_organisation_is_no_source(nlp):
    a = analyse_text(nlp, "“Inflation remains too high,” Governor Ana Costa told reporters.")
    assert a.quotes[0].speaker == "Ana Costa" and not a.sources
    a = analyse_text(nlp, "“Inflation remains too high,” Ana Costa of the Bank of Portugal told Reuters.")
    assert {s.text for s in a.sources} == {"the Bank of Portugal", "Reuters"}


@pytest.mark.parametrize("text", [
    "That said, the market recovered by noon.",
    "All told, 40 people were injured in the blast.",
    "The vote was close. But that said, turnout was the highest in years.",
    "Truth be told, nobody expected the result.",
    "That being said, the club remains in debt.",
])
def test_a_set_phrase_with_said_or_told_reports_nothing(nlp, text):
    assert not analyse_text(nlp, text).quotes


def test_told_after_a_subject_is_still_a_report(nlp):
    quotes = analyse_text(nlp, "All the officials told reporters that the road would reopen.").quotes
    assert [(q.text, q.speaker) for q in quotes] == [("that the road would reopen", "All the officials")]


@pytest.mark.parametrize("lead, speaker", [
    ("Her neighbour, Omar Haddad, agreed:", "Omar Haddad"),
    ("Her neighbour agreed:", "Her neighbour"),
])
def test_a_person_leading_into_a_quotation_after_anothers_is_its_speaker(nlp, lead, speaker):
    text = f"“We are not going anywhere,” said Lee, 42, a nurse. {lead} “This is our home.”"
    assert find(analyse_text(nlp, text), "This is our home").speaker == speaker


def test_what_someone_did_before_a_colon_does_not_lead_into_a_quotation(nlp):
    text = ("She wrote about what her husband did: “Nobody loses anything by sharing a name,” she wrote. "
            "Her post was shared widely.")
    assert find(analyse_text(nlp, text), "Nobody loses").cue == "wrote"


def test_she_after_the_only_unnamed_official_is_that_official(nlp):
    text = "Asked whether she would resign, the minister said no.\n\n“I have done nothing wrong,” she said."
    quote = find(analyse_text(nlp, text), "I have done nothing wrong")
    assert (quote.speaker, text[quote.speaker_start:quote.speaker_end]) == ("the minister", "she")


def test_she_after_an_epithet_of_a_named_person_stays_that_person(nlp):
    text = ("Lori Vance runs the lab. The 57-year-old scientist said the results were clear.\n\n"
            "“We checked twice,” she said.")
    assert find(analyse_text(nlp, text), "We checked twice").speaker == "Lori Vance"


@pytest.mark.parametrize("text, speaker", [
    ("Sen. Dana Whitlow of Vermont spoke for an hour.\n\n“This bill is a disgrace,” the senator said.", "Dana Whitlow"),
    ("Gov. Ana Ruiz toured the site.\n\n“We will rebuild,” the governor said.", "Ana Ruiz"),
    ("Rep. Tom Hale voted no.\n\n“It was a bad bill,” the congressman said.", "Tom Hale"),
    ("Prime Minister Ana Lopes flew to Brussels.\n\n“We need a deal,” the premier said.", "Ana Lopes"),
    ("PM Ravi Sethi chaired the meeting.\n\n“No one will be allowed to hoard,” the premier said.", "Ravi Sethi"),
])
def test_the_role_an_abbreviated_title_stands_for_is_that_person(nlp, text, speaker):
    quote = analyse_text(nlp, text).quotes[-1]
    assert quote.speaker == speaker
    assert text[quote.speaker_start:quote.speaker_end].startswith("the ")


def test_a_role_no_title_gave_stays_unnamed(nlp):
    text = "Sen. Dana Whitlow of Vermont spoke for an hour.\n\n“This bill is a disgrace,” the governor said."
    assert analyse_text(nlp, text).quotes[-1].speaker == "the governor"


@pytest.mark.parametrize("text, speaker", [
    ("Taoiseach Niall Brennan said the Government would “examine all options”.", "Niall Brennan"),
    ("Shri Ravi Kumar said the scheme had reached every village.", "Ravi Kumar"),
])
def test_titles_of_other_countries_are_no_part_of_the_name(nlp, text, speaker):
    assert analyse_text(nlp, text).quotes[0].speaker == speaker


@pytest.mark.parametrize("text", [
    "The party's state president opined that the government was misleading the people.",
    "The analyst posited that rates would fall before the summer.",
])
def test_verbs_of_opinion_in_other_englishes_are_cues(nlp, text):
    assert [q.kind.value for q in analyse_text(nlp, text).quotes] == ["indirect"]


@pytest.mark.parametrize("text, fragment, speaker, mention", [
    ("In the words of one resident, the storm was “the worst in living memory.”", "the storm", "one resident",
     "one resident"),
    ("Mayor Ana Ruiz was unimpressed. In her words, the plan “simply does not add up.”", "the plan", "Ana Ruiz", "her"),
    ("Tom Hale was asked about the vote. His reply was: “Ask me tomorrow.”", "Ask me tomorrow", "Tom Hale", "His"),
    ("Det Supt Mark Reed said: “Our thoughts are with the family.”", "Our thoughts", "Mark Reed", "Mark Reed"),
])
def test_whose_words_or_reply_it_is_speaks(nlp, text, fragment, speaker, mention):
    quote = find(analyse_text(nlp, text), fragment)
    assert (quote.speaker, text[quote.speaker_start:quote.speaker_end]) == (speaker, mention)


def test_in_other_words_is_no_one_speaking(nlp):
    assert not analyse_text(nlp, "In other words, the plan failed before it began.").quotes


def test_court_papers_and_a_filing_a_quotation_is_taken_from_are_documents(nlp):
    text = ("Court papers say the two men met in 2019. “I will make it worth your while,” Hale wrote in one "
            "message, according to the filing.")
    sources = {(s.text, s.type) for s in analyse_text(nlp, text).sources}
    assert {("Court papers", "document"), ("the filing", "document")} <= sources


def test_transcript_labels_with_a_role_or_a_party_tag_are_turns_with_names_in_plain_case(nlp):
    text = ("DANA WELLS, NEWS HOST: Senator, will you vote for the bill?\n\n"
            "SEN. ANN LEE (D-ORE.): I will not. It does nothing for working families.\n\n"
            "WELLS: Your colleagues say it is the best deal available.\n\n"
            "LEE: With respect, they are wrong.")
    quotes = analyse_text(nlp, text).quotes
    assert [(q.speaker, q.kind.value) for q in quotes] == [
        ("Dana Wells", "direct"), ("Ann Lee", "direct"), ("Dana Wells", "direct"), ("Ann Lee", "direct")]
    assert quotes[1].text == "I will not. It does nothing for working families."


def test_a_given_name_in_apposition_to_a_relation_is_the_speaker(nlp):
    text = ("Maria Santos lost her home in the flood.\n\nHer daughter, Ana, says the family is still waiting. "
            "“We filled in every form,” Ana says.")
    quotes = analyse_text(nlp, text).quotes
    assert [q.speaker for q in quotes] == ["Ana", "Ana"]
    assert text[quotes[0].speaker_start:quotes[0].speaker_end] == "Ana"


def test_a_question_put_ends_where_the_answers_speaker_comes_in(nlp):
    text = "Tom Barker spoke later. Asked whether he could guarantee that, he said: “I am confident.”"
    quotes = analyse_text(nlp, text).quotes
    assert [q.text for q in quotes] == ["whether he could guarantee that", "I am confident."]
    assert quotes[1].speaker == "Tom Barker"


def test_an_unnamed_member_of_parliament_is_no_name(nlp):
    text = ("One senior Conservative MP, who asked not to be named, said at least 40 colleagues would rebel. "
            "“The numbers simply aren't there,” the MP said.")
    quotes = analyse_text(nlp, text).quotes
    assert quotes[0].speaker == "One senior Conservative MP"
    assert text[quotes[1].speaker_start:quotes[1].speaker_end] == "the MP"


def test_a_title_before_a_name_is_no_speaker_of_its_own(nlp):
    # the parser makes "Leader" the subject and the name its appositive here, not with every name
    text = "The measure failed 49-50. Senate Majority Leader Chuck Schumer, D-N.Y., called the vote “a sad day.”"
    quote = analyse_text(nlp, text).quotes[0]
    assert (quote.speaker, text[quote.speaker_start:quote.speaker_end]) == ("Chuck Schumer", "Chuck Schumer")


def test_an_organisation_in_a_title_on_a_thing_or_in_a_quotation_is_no_source(nlp):
    text = ("Senate Majority Leader Dana Whitlow called the vote “a sad day for the Senate.” “They walked away,” "
            "Whitlow said on the Senate floor.\n\nThe agency said in a statement that Whitlow would keep trying. "
            "Pentagon officials said the plan was sound.")
    sources = {s.text for s in analyse_text(nlp, text).sources}
    assert "Senate" not in sources and "Whitlow" not in sources
    assert "Pentagon" in sources


@pytest.mark.parametrize("line", ["Photo: Reuters/Diego Vara", "(Photo by Diego Vara/Reuters)", "Photo credit: Jane Doe"])
def test_credit_lines_in_any_case_and_in_brackets_are_credits(nlp, line):
    text = f"Police said two people were hurt.\n\n{line}\n\nThe rains continued, officials said."
    a = analyse_text(nlp, text)
    assert [s.text for s in a.sources if s.type.value == "credit"] == [line]


def test_a_labelled_caption_is_no_speech(nlp):
    text = ("Police said two people were hurt.\n\nImage caption: Rescuers search the rubble, “we found nothing,” "
            "said one\n\nThe rains continued.")
    assert [q.text for q in analyse_text(nlp, text).quotes] == ["two people were hurt"]
