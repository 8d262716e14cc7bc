"""The bundled sample article reads right; so does the real paraphrased article in ../shared when present."""

from __future__ import annotations

from reader.nlp.analyse import analyse_text
from reader.service import SAMPLE_ARTICLE


def by_text(analysis, fragment):
    return next(q for q in analysis.quotes if fragment in q.text)


def test_bundled_sample(nlp):
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    a = analyse_text(nlp, text)
    expected = {
        "We cannot keep bailing": "Elena Ruiz",
        "This wall buys our children": "Elena Ruiz",
        "Nobody asked the fishermen": "David Okafor",
        "I understand the anger": "David Okafor",  # "he added" right after a photo caption and credit
        "we are underselling it": "Samuel Achebe",
        "the vote was": "Elena Ruiz",  # "The mayor wrote on Twitter"
        "Now the hard part starts": "Elena Ruiz",
    }
    for fragment, speaker in expected.items():
        assert by_text(a, fragment).speaker == speaker, fragment
    # every quote, no more: the mayor's report holds "the city would seek …", which is not a second quote
    assert len(a.quotes) == 17
    assert {s.name for s in a.speakers} == {"Elena Ruiz", "David Okafor", "Samuel Achebe", "Opponents",
                                            "A senior city official", "a report by the Regional Climate Institute"}
    assert by_text(a, "the port district floods").kind == "indirect"  # "According to a report by …, …"
    assert by_text(a, "the city would seek federal money").speaker == "Elena Ruiz"
    assert by_text(a, "treated as an afterthought").kind == "mixed"
    assert by_text(a, "the council expects cost overruns").kind == "indirect"
    types = {(s.text, s.type) for s in a.sources}
    assert ("Marta Lindqvist/Coastal Press via Getty Images", "credit") in types
    assert ("Twitter", "platform") in types
    assert any(t == "anonymous" for _, t in types)
    assert any("Harbor City Ledger" in s for s, t in types if t == "outlet")


def test_shared_paraphrased_article(nlp, shared_dir):
    text = (shared_dir / "samples" / "000_9222017cd320ff29.txt").read_text(encoding="utf-8")
    a = analyse_text(nlp, text)
    expected = {
        "It is a dangerous state of affairs": "Donald Trump",
        "After we discuss leverage": "Oleg Ignatov",
        "There are issues you would try": "Donald Trump",
        "I can do issues financially": "Donald Trump",
        "I’m strongly contemplating": "Donald Trump",
        "What the U.S. can do": "Federico Borsari",
        "There isn’t a magic bullet": "Oleg Ignatov",
        "Moscow is “for” the pause": "Vladimir Putin",  # "the president stated"
        "Russia “wants” a pause": "Pavel Luzin",
        "What Russia has been attempting": "Pavel Luzin",  # "he added" after a caption and a credit
        "I believe each Russia": "Oleg Ignatov",
        "need to keep away from a direct confrontation": "Oleg Ignatov",
        "not able to sacrifice": "Oleg Ignatov",
        "We take into account this turbulence": "Yehor Cherniev",
        "Trump ought to say immediately": "Oleksandr Merezhko",
        "I am undecided if he has": "Oleg Ignatov",
        "The Russians have fairly clearly": "Yehor Cherniev",
        "Trump needs to be a peacemaker": "Yehor Cherniev",
        "would possibly": "Oleksandr Merezhko",
    }
    for fragment, speaker in expected.items():
        assert by_text(a, fragment).speaker == speaker, fragment
    sources = {(s.text, s.type) for s in a.sources}
    for credit in ("Natalia Kolesnikova/AFP through Getty Photographs", "Oleg Petrasiuk/AP",
                   "Reuters TV through Reuters", "AFP through Getty Photographs"):
        assert (credit, "credit") in sources
    assert ("ABC Information", "outlet") in sources
    assert ("Fact Social", "platform") in sources
    for organisation in ("the White Home", "the Worldwide Disaster Group", "Kremlin", "Congress",
                         "The Fletcher Faculty of Regulation and Diplomacy", "the Ukrainian Parliament",
                         "NATO Parliamentary Meeting", "the Heart for European Coverage Evaluation",
                         "Ukraine’s twenty fourth Mechanized Brigade press service"):
        assert (organisation, "organisation") in sources, organisation
    names = {s.name for s in a.speakers}
    assert not any("Getty" in n or "Kolesnikova" in n or "Petrasiuk" in n for n in names)
