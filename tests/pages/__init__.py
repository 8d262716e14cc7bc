"""Saved news pages, written for the tests in the ways big news sites mark their pages up: a headline
with the site's name appended, bylines in several places, navigation, share tools, related links,
newsletter boxes, captions and scripts around the story. Each page comes with what a reader should get:
its title and its main text."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

STORIES = [
    ("Harbor bridge reopens after storm repairs",
     ["The Harbor Street bridge reopened to traffic on Monday, three weeks after a storm surge cracked two of "
      "its supports.", "“We are confident the bridge is safe for every kind of vehicle,” city engineer Mara "
      "Quinn said at a ribbon-cutting on the east bank.", "Crews worked through two weekends to replace the "
      "supports, and the repairs came in under the budget the council approved in March.", "Some residents "
      "said the closure had doubled their commutes. “It was a long three weeks,” said Ana Lima, who drives to "
      "the hospital where she works as a nurse."]),
    ("School board delays vote on four-day week",
     ["The school board postponed a vote on a four-day school week after parents packed a meeting that ran "
      "past midnight.", "“We owe families a decision, but we owe them a good one,” board president Anita "
      "Sharma said.", "Superintendent Paul Greene told reporters the district could save two million dollars a "
      "year by closing buildings on Fridays.", "Teachers union leader Marcus Bell said the union had not been "
      "consulted and called the plan a budget trick."]),
    ("Ferry fares to rise for the first time in six years",
     ["Ferry fares across the bay will rise by a fifth in June, the operator said on Tuesday.", "“We held fares "
      "down for six years, and we cannot do it any longer,” chief executive Ada Moss said.", "Fuel now costs "
      "the operator twice what it did in 2019, according to its annual report.", "Commuter groups said they "
      "would ask the state to cap the increase for monthly passes."]),
    ("Drought forces water limits in three counties",
     ["Three counties will limit garden watering to two days a week from Friday as reservoirs fall to their "
      "lowest level in a decade.", "“Every drop we save this summer is a drop we have in the fall,” said Tom "
      "Hardy, who chairs the regional water board.", "Farmers are exempt for now, but the board said that "
      "could change if the reservoirs keep falling.", "Forecasters expect little rain before October."]),
]


@dataclass(frozen=True)
class Page:
    name: str
    html: str
    title: str
    text: str


def _paras(paras: list[str], attrs: str = "") -> str:
    return "".join(f"<p{attrs}>{escape(p)}</p>" for p in paras)


def _chrome(body: str, head: str) -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>{head}"
            "<script>window.dataLayer=[];function track(){}</script><style>.x{color:red}</style></head><body>"
            f"{body}<script src='https://cdn.example/app.js'></script></body></html>")


def _newsroom(title: str, paras: list[str]) -> str:  # a big paper: section, JSON-LD, share bar, related list
    head = (f"<title>{escape(title)} - The New Harbor Times</title>"
            f"<meta property='og:title' content='{escape(title)}'><meta name='byl' content='By Jane Roe'>"
            "<link rel='canonical' href='https://nht.example/2025/03/01/metro/story.html'>"
            "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"name\":\"Jane Roe\"}]}"
            "</script>")
    body = ("<header><nav><a href='/'>Home</a> <a href='/metro'>Metro</a> <a href='/world'>World</a></nav>"
            "<button>Subscribe for $1 a week</button></header><main><article>"
            f"<h1>{escape(title)}</h1><p class='byline'>By <a href='/by/jane-roe'>Jane Roe</a></p>"
            "<time datetime='2025-03-01'>March 1, 2025</time><div class='share'><button>Share</button>"
            "<button>Gift this article</button></div><section name='articleBody'>"
            f"{_paras(paras[:2], ' class=css-at9mc1')}<figure><img src='x.jpg'><figcaption>The bridge at dawn. "
            f"Photo: Ken Ito for The New Harbor Times</figcaption></figure>{_paras(paras[2:], ' class=css-at9mc1')}"
            "</section></article><aside><h2>More in Metro</h2><ul><li><a href='/a'>Council weighs new parking "
            "rules</a></li><li><a href='/b'>Museum to close for renovation</a></li></ul></aside></main>"
            "<footer>© 2025 The New Harbor Times Company · Privacy · Terms</footer>")
    return _chrome(body, head)


def _broadcaster(title: str, paras: list[str]) -> str:  # a broadcaster: text blocks, related topics
    head = f"<title>{escape(title)} - BHC News</title><meta property='og:site_name' content='BHC News'>"
    blocks = "".join(f"<div data-component='text-block'><p>{escape(p)}</p></div>" for p in paras)
    body = ("<div id='orb-banner'><a href='/'>BHC Homepage</a><a href='/news'>News</a><a href='/sport'>Sport</a>"
            f"</div><main id='main-content'><article><header><h1 id='main-heading'>{escape(title)}</h1></header>"
            "<div data-component='byline-block'>By Tom Hardy, Local affairs reporter</div>"
            f"{blocks}<div data-component='topic-list'><h2>Related topics</h2><a href='/t'>Transport</a></div>"
            "</article><section><h2>More on this story</h2><a href='/c'>Storm damage in pictures</a></section>"
            "</main><footer>BHC. The BHC is not responsible for the content of external sites.</footer>")
    return _chrome(body, head)


def _daily(title: str, paras: list[str]) -> str:  # a daily: author twice, newsletter box mid-story
    head = (f"<title>{escape(title)} | Harbor Daily Ledger</title><meta name='author' content='Ana Lima'>"
            "<meta property='article:published_time' content='2025-03-02T08:00:00Z'>")
    body = ("<div class='top-nav'><a href='/'>Harbor Daily Ledger</a><a href='/login'>Log in</a></div>"
            f"<div class='article-body-commercial-selector'><h1>{escape(title)}</h1><address>Ana Lima | "
            "ANA LIMA</address>" + _paras(paras[:2]) +
            "<aside class='newsletter'><h3>Sign up for Morning Ledger</h3><p>Free newsletter</p>"
            "<form><input type='email'><button>Sign up</button></form></aside>" + _paras(paras[2:]) +
            "<p><em>Ana Lima is a staff writer.</em></p></div><div class='most-viewed'><h2>Most viewed</h2>"
            "<ol><li>Ten best beaches</li><li>Weather for the weekend</li></ol></div>")
    return _chrome(body, head)


def _wire(title: str, paras: list[str]) -> str:  # a wire service: dateline, no article element
    head = f"<title>{escape(title)} | Harbor Wire</title>"
    first = f"HARBOR CITY (Harbor Wire) — {paras[0]}"
    body = ("<div class='navigation'><a href='/'>Harbor Wire</a> · <a href='/world'>World</a></div>"
            f"<div class='article'><h1 class='headline'>{escape(title)}</h1><div class='byline'>By Ken Ito</div>"
            f"<div class='article-body'>{_paras([first, *paras[1:]])}<p>Reporting by Ken Ito; Editing by Ann "
            "Lee</p></div></div><div class='related'>Read more: <a href='/x'>Ports brace for new tariffs</a></div>")
    return _chrome(body, head)


def _magazine(title: str, paras: list[str]) -> str:  # a magazine: dek, drop cap span, pull quote, comments
    head = f"<title>{escape(title)} — Harbor Monthly</title><meta property='og:site_name' content='Harbor Monthly'>"
    first = paras[0]
    body = ("<nav><a href='/'>Harbor Monthly</a><a href='/subscribe'>Subscribe</a></nav><article>"
            f"<h1>{escape(title)}</h1><p class='dek'>What it means for the city</p>"
            f"<p><span class='dropcap'>{escape(first[0])}</span>{escape(first[1:])}</p>{_paras(paras[1:])}"
            "</article><section id='comments'><h2>Comments (12)</h2><p>Great piece!</p></section>")
    return _chrome(body, head)


STYLES = {"newsroom": _newsroom, "broadcaster": _broadcaster, "daily": _daily, "wire": _wire,
          "magazine": _magazine}


def pages() -> list[Page]:
    out = []
    for style, make in STYLES.items():
        for n, (title, paras) in enumerate(STORIES):
            text = "\n\n".join(paras if style != "wire" else [f"HARBOR CITY (Harbor Wire) — {paras[0]}", *paras[1:]])
            out.append(Page(f"{style}-{n}", make(title, paras), title, text))
    return out
