"""Sources an article relies on: outlets, organisations, platforms, documents, photo credits, anonymous."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from reader.model import QuoteKind, Source, SourceType, SpeakerKind
from reader.nlp.layout import Layout
from reader.nlp.lexicon import (
    ANONYMOUS_HEADS,
    DOCUMENT_NOUNS,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    PLATFORMS,
    TITLE_WORDS,
)
from reader.nlp.sentences import Sentences, tokens_with_lower

if TYPE_CHECKING:
    from reader.nlp.attribution import Attribution

OUTLET_RE = re.compile(
    r"\b(?:The )?(?:Associated Press|AP|Reuters|AFP|Agence France-Presse|Bloomberg(?: News)?|BBC(?: News)?|"
    r"CNN|MSNBC|NPR|PBS|ABC(?: News)?|NBC(?: News)?|CBS(?: News)?|Fox(?: News)?|Fox Business|C-SPAN|"
    r"New York Times|Washington Post|Wall Street Journal|Los Angeles Times|USA Today|Politico|Axios|"
    r"The Hill|Breitbart(?: News)?|HuffPost|Huffington Post|BuzzFeed(?: News)?|Guardian|Financial Times|"
    r"Economist|Time magazine|Newsweek|The Atlantic|New Yorker|Vox|Vice|Slate|Daily Beast|Daily Mail|"
    r"Al Jazeera|Sky News|Deutsche Welle|Le Monde|Der Spiegel|Interfax|TASS|RIA Novosti|Xinhua|"
    r"Kyiv Independent|Ukrainska Pravda|Semafor|ProPublica|The Intercept|Mother Jones|National Review|"
    r"Western Journalism|Chicago Tribune|Boston Globe|Miami Herald|Des Moines Register)\b"
)
_OUTLET_SUFFIX = re.compile(r"\b(?:News|Information|Times|Post|Journal|Herald|Tribune|Gazette|Magazine|Press|"
                            r"Radio|Television|TV|Network|Broadcasting|Daily|Weekly|Review|Chronicle)$")
PLATFORM_RE = re.compile(r"\b(?:" + "|".join(PLATFORMS) + r")\b")
_PLATFORM_AFTER = re.compile(r"\b(?:wrote|posted|tweeted|shared|announced|declared|said|stated)\s+on\s+(?:his |her |their )?"
                             r"((?:[A-Z][\w]*)(?:\s+[A-Z][\w]*){0,2})")
# "In a post on X", "wrote on X, formerly Twitter": the one-letter platform only where a post is made on it
_ON_X = re.compile(r"\b(?:post|posts|posted|posting|wrote|writing|said|tweeted|shared|message)\s+on\s+(X)\b(?!-)")
_NOT_PLATFORM = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                           r"April|May|June|July|August|September|October|November|December|Election|Capitol|"
                           r"Christmas|Thanksgiving|Easter)\b")


def _span_source(span: Span, kind: str) -> Source:
    text = span.text.strip()
    return Source(span.start_char, span.start_char + len(text), text, kind)


def _ent_span(tok: Token) -> Span | None:
    if not tok.ent_type_:
        return None
    doc = tok.doc
    s, e = tok.i, tok.i + 1
    while s > 0 and doc[s].ent_iob_ == "I":
        s -= 1
    while e < len(doc) and doc[e].ent_iob_ == "I":
        e += 1
    return Span(doc, s, e, label=tok.ent_type_)


def _outlet_like(text: str) -> bool:
    return bool(OUTLET_RE.fullmatch(text) or OUTLET_RE.fullmatch(text.removeprefix("the ").removeprefix("The "))
                or _OUTLET_SUFFIX.search(text))


def find_sources(doc: Doc, layout: Layout, quotes: Sequence[Attribution], sents: Sentences) -> list[Source]:
    text = layout.text
    found: list[Source] = []
    for para in layout.paragraphs:
        if para.kind == "credit":
            line = text[para.start:para.end].strip()
            found.append(Source(para.start, para.start + len(line), line, SourceType.CREDIT))
    for m in OUTLET_RE.finditer(text):
        if layout.kind_at(m.start()) in ("prose", "heading"):
            found.append(Source(m.start(), m.end(), m.group(0), SourceType.OUTLET))
    for m in PLATFORM_RE.finditer(text):
        if layout.kind_at(m.start()) in ("furniture", "pull"):
            continue  # "Share this article: Facebook Twitter Email"
        if m.group(0) != "Truth" or text[m.end():m.end() + 7] == " Social":
            found.append(Source(m.start(), m.end(), m.group(0), SourceType.PLATFORM))
    for m in _ON_X.finditer(text):
        found.append(Source(m.start(1), m.end(1), "X", SourceType.PLATFORM))
    for m in _PLATFORM_AFTER.finditer(text):
        if not _NOT_PLATFORM.match(m.group(1)):
            found.append(Source(m.start(1), m.end(1), m.group(1), SourceType.PLATFORM))

    people_names = {q.speaker for q in quotes if q.speaker_kind == SpeakerKind.PERSON} | {
        m.text for q in quotes if q.mention is not None and q.speaker_kind == SpeakerKind.PERSON for m in [q.mention]}
    direct = [(q.start, q.end) for q in quotes if q.kind == QuoteKind.DIRECT]

    def _in_quote(char: int) -> bool:
        return any(s <= char < e for s, e in direct)

    cue_sents: set[int] = set()
    for q in quotes:
        if q.cue is None:
            continue
        cue = q.cue
        cue_sents.add(sents.index(cue.i))
        for child in cue.children:
            # told ABC News / in an interview with CNN
            if child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN":
                ent = _ent_span(child)
                known = OUTLET_RE.match(ent.text) if ent is not None else None
                if ent is not None and known is not None and known.end() < len(ent.text):
                    # "told Sky News the Coalition would …": the model ran the outlet into the clause
                    ent = doc.char_span(ent.start_char, ent.start_char + known.end(), label="ORG") or ent
                if ent is not None and ent.label_ == "ORG":
                    found.append(_span_source(ent, SourceType.OUTLET if cue.lemma_ in ("tell", "instruct", "inform")
                                              or _outlet_like(ent.text) else SourceType.ORGANISATION))
            if child.dep_ == "prep" and child.lower_ in ("in", "on", "through", "via"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lower_ in DOCUMENT_NOUNS:
                        s = min(t.i for t in pobj.subtree)
                        e = pobj.i + 1
                        for by in pobj.rights:  # "a statement from her office", "a filing by the state"
                            if by.dep_ == "prep" and by.lower_ in ("from", "by", "of"):
                                e = by.right_edge.i + 1
                        found.append(_span_source(doc[s:e], SourceType.DOCUMENT))
        if q.mention is not None and not q.inherited:
            mention = q.mention
            span = doc[mention.start:mention.end]
            if q.speaker_kind == SpeakerKind.PERSON:
                pass
            elif q.speaker_kind == SpeakerKind.ANONYMOUS:
                found.append(_span_source(span, SourceType.ANONYMOUS))
            elif mention.ent == "ORG" or (mention.kind == "nominal" and doc[mention.head].lower_ in DOCUMENT_NOUNS) \
                    or mention.ent == "GPE" and span[-1].lower_ in ORGANISATION_WORDS:  # "West Yorkshire Police"
                kind = SourceType.OUTLET if _outlet_like(span.text) else (
                    SourceType.DOCUMENT if doc[mention.head].lower_ in DOCUMENT_NOUNS else SourceType.ORGANISATION)
                found.append(_span_source(span, kind))
    person_mentions = [(q.mention.start, q.mention.end) for q in quotes
                       if q.mention is not None and q.speaker_kind == SpeakerKind.PERSON]
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    for ent in doc.ents:
        if any(s < ent.end and ent.start < e for s, e in person_mentions):
            continue  # "Governor Ana Costa": the model's ORG on a surname is the speaker's name
        if len(ent) == 1 and ent[0].lower_ in surnames or _modifier(ent):
            continue  # "that Biden would …" after "Joe Biden"; "the Senate floor", "Senate Majority Leader Ann Lee"
        if ent.label_ == "ORG" and sents.index(ent.start) in cue_sents and ent.text not in people_names:
            if layout.kind_at(ent.start_char) == "prose" and not _in_quote(ent.start_char) \
                    and not _within_marks(text, layout.paragraph_start(ent.start_char), ent.start_char):
                span = _with_name_after(ent)  # "NATO" + "Parliamentary Assembly"
                found.append(_span_source(span, SourceType.OUTLET if _outlet_like(span.text) else SourceType.ORGANISATION))
    for according in tokens_with_lower(doc, ("according",)):
        # "“…,” Hale wrote, according to the filing": the document a quotation is taken from
        to = next((c for c in according.children if c.lower_ == "to"), None)
        document = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if document is not None and document.lower_ in DOCUMENT_NOUNS and layout.kind_at(document.idx) == "prose":
            found.append(_span_source(doc[document.left_edge.i:document.i + 1], SourceType.DOCUMENT))
    found.extend(_press_offices(doc, layout))
    found.extend(_affiliations(doc, quotes))
    return _dedupe(found)


def _modifier(ent: Span) -> bool:
    """An organisation's name that only modifies a noun: a thing ('the Senate floor') or a person's title
    ('Senate Majority Leader Ann Lee', 'Senate Republican leader Ann Lee'). Its officials ('Pentagon
    officials') still speak for it."""
    root = ent.root
    head = root.head
    if root.dep_ != "compound" or head.i < ent.end or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.lower_.rstrip(".") in TITLE_WORDS and head.i + 1 < len(ent.doc) and ent.doc[head.i + 1].pos_ == "PROPN":
        return True  # a title before a name
    return head.pos_ == "NOUN" and head.lemma_.lower() not in PERSON_NOUNS and head.lemma_.lower() not in _SPOKESPEOPLE


def _within_marks(text: str, start: int, at: int) -> bool:
    """Whether offset ``at`` lies inside quotation marks opened in its paragraph ('called it “a sad day for
    the Senate”'): what is quoted is no source of the article."""
    before = text[start:at]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _name_words(doc: Doc, i: int, stop: int) -> int:
    """The end of a run of capitalised words from token i ('Center for European Policy Analysis'):
    small joining words may stand inside it, never at its end; a person, a place or a title ends it
    ('DNC' + 'Chairwoman Donna Brazile' is no organisation's name)."""
    end = i
    while i < stop and doc[i].ent_type_ in ("", "ORG") and doc[i].lower_.rstrip(".") not in TITLE_WORDS \
            and not (doc[i].is_upper and len(doc[i]) > 1) and (
            doc[i].text[:1].isupper() and doc[i].is_alpha or doc[i].lower_ in _NAME_JOINERS):
        if doc[i].text[:1].isupper():
            end = i + 1
        i += 1
    return end


def _with_name_after(ent: Span) -> Span:
    end = _name_words(ent.doc, ent.end, min(len(ent.doc), ent.end + 6))
    return ent.doc[ent.start:end] if end > ent.end else ent


def _press_offices(doc: Doc, layout: Layout) -> list[Source]:
    """'Ukraine’s 24th Mechanized Brigade press service', 'the ministry's press office', 'the state news
    agency': an organisation speaking through its office (a news agency is an outlet). Captions count:
    they say where a photo or a statement came from."""
    found = []
    for head in tokens_with_lower(doc, _OFFICE_HEADS):
        if head.i == 0 or doc[head.i - 1].lower_ not in _OFFICE_KINDS or head.pos_ not in ("NOUN", "PROPN"):
            continue
        if layout.kind_at(head.idx) not in ("prose", "heading", "caption"):
            continue
        start = head.left_edge.i
        if start >= 2 and doc[start - 1].tag_ == "POS" and doc[start - 2].pos_ == "PROPN":
            start -= 2  # "Ukraine’s" before the unit
        while start < head.i and doc[start].lower_ in ("a", "an", "by", "from", "of"):
            start += 1
        kind = SourceType.OUTLET if doc[head.i - 1].lower_ == "news" else SourceType.ORGANISATION
        found.append(_span_source(doc[start:head.i + 1], kind))
    return found


def _affiliations(doc: Doc, quotes: Sequence[Attribution]) -> list[Source]:
    """'Federico Borsari of the Center for European Policy Analysis said': where a named speaker comes
    from, when the model did not tag it."""
    found = []
    for q in quotes:
        mention = q.mention
        if mention is None or q.inherited or mention.kind != "name" or q.speaker_kind != SpeakerKind.PERSON:
            continue
        i = mention.end
        if i + 2 < len(doc) and doc[i].lower_ in ("of", "at", "from") and doc[i + 1].lower_ == "the":
            end = _name_words(doc, i + 2, min(len(doc), i + 12))
            if end - (i + 2) >= 2:
                span = doc[i + 1:end]
                found.append(_span_source(span, SourceType.OUTLET if _outlet_like(span.text) else SourceType.ORGANISATION))
    return found


_NAME_JOINERS = {"for", "of", "on", "the"}
# who speaks for an organisation named before them ("Pentagon officials", "Acme lawyers")
_SPOKESPEOPLE = ANONYMOUS_HEADS | {"spokesman", "spokeswoman", "spokesperson", "representative", "representatives",
                                   "staff", "employee", "employees", "officer", "officers", "executive", "executives",
                                   "lawyer", "lawyers", "analyst", "analysts"}
_OFFICE_HEADS = {"service", "office", "agency", "bureau", "desk"}
_OFFICE_KINDS = {"press", "media", "news", "communications", "information", "spokesperson", "spokesman's",
                 "spokeswoman's", "spokesperson's"}


_PRIORITY: dict[str, int] = {SourceType.CREDIT: 0, SourceType.ANONYMOUS: 1, SourceType.PLATFORM: 2, SourceType.OUTLET: 3,
             SourceType.DOCUMENT: 4, SourceType.ORGANISATION: 5}


def _dedupe(sources: list[Source]) -> list[Source]:
    """One source per stretch of text: credits and specific types win over overlapping general ones."""
    chosen: list[Source] = []
    for s in sorted(sources, key=lambda s: (_PRIORITY[s.type], -(s.end - s.start), s.start)):
        if s.end <= s.start:
            continue
        if any(s.start < c.end and c.start < s.end for c in chosen):
            continue
        chosen.append(s)
    return sorted(chosen, key=lambda s: s.start)
