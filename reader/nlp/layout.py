"""Paragraphs of an article, and which of them are photo captions or credits rather than prose."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_AGENCIES = (
    r"AP|AFP|Reuters|Getty|Getty Images|Getty Photographs|EPA|EPA-EFE|Bloomberg|Shutterstock|Sipa|Sputnik|"
    r"Pool|TASS|Anadolu|NurPhoto|SOPA|Xinhua|UPI|Alamy|ABC News|CNN|NBC|CBS|Fox News|The Associated Press"
)
_CREDIT_RE = re.compile(
    rf"^(?:(?i:photo|image|picture|credit|photograph)s?(?:\s+credit)?\s*(?:by|:)\s*.+"
    rf"|[A-Z][\w.'\u2019\- ]{{1,60}}/\s*[A-Z][\w&.'\- ]{{1,40}}(?:\s+(?:via|through)\s+[A-Z][\w .'-]+)?"
    rf"|(?:[A-Z][\w.'\- ]{{1,40}}\s+)?(?:via|through)\s+(?:{_AGENCIES})[\w .'-]*"
    rf"|(?:{_AGENCIES})(?:\s+(?:TV|Video|Photo))?)$"
)
_CAPTION_HINT = re.compile(
    r"\b(photo(?:graph)?|pictured|picture|image|exhibits|shown|seen here|poses|\{photograph\}|file photo)\b",
    re.I,
)
_DATE_HINT = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b"
)


# Lines of a news page that are the page's, not the story's: links to other stories, promotions,
# newsletter and sharing boxes, bylines, time stamps. Never speech, never a source.
_PAGE_LABEL = re.compile(
    r"^(?:read|see|also|more|related|watch|listen|video|videos|photos?|gallery|in pictures|trending|"
    r"recommended|most read|most popular|suggested|don\u2019t miss|don't miss|must read|top stories|"
    r"further reading|latest|live|sponsored|advertisement|promoted|podcast|explainer|more from [\w .'-]+|"
    r"read (?:more|also|next|this)|also read|see also|related (?:stories|articles|coverage|content|links?)|"
    r"watch (?:now|more|live)|click here)"
    r"\s*(?::|\||\u2014|\u2013|-|>|\u00bb|\u203a)", re.I)
_PAGE_LINE = re.compile(
    r"^(?:advertisement|skip advertisement|story continues below(?: this)? advertisement|continue reading(?: below)?|"
    r"share(?: this)?(?: article| story| page)?(?: on \w+)?(?:\s*[:|]\s*(?:[A-Z]\w*\s*){1,6})?|share via .*|"
    r"(?:this|the) (?:article|story) (?:was |is )?(?:originally |first )?(?:published|appeared) (?:by|in|on) .*|tweet|email|print|copy link(?: to clipboard)?|"
    r"comments?(?: \(\d+\))?|\d+ comments?|listen to (?:this )?(?:article|story).*|loading\.*|"
    r"click here\b.*|tap here\b.*|sign up\b.*|subscribe\b.*|follow (?:us|@\w+|[\w .]+ on (?:twitter|x|facebook|"
    r"instagram|threads|bluesky|tiktok|youtube|linkedin))\b.*|like us on \w+.*|download (?:our|the) app\b.*|"
    r"get (?:the latest|our|breaking)\b.*|(?:published|updated|posted|last updated|first published)\b.{0,60}|"
    r"by (?-i:{name})(?:(?:,| and) (?-i:{name}))*(?:\s*[,|\u2014-]\s*(?-i:[A-Z][\w.'&-]*(?: (?:[A-Z&][\w.'-]*|and|of|the))*))?|"
    r"reporting by .*|(?:additional )?reporting (?:by|from) .*|editing by .*|written by .*|"
    r"(?:staff|senior|chief) (?:writer|reporter|correspondent)\b.{0,40}|"
    r"\(?(?:this|the) (?:story|article) (?:has been|was) (?:updated|corrected)\b.*)$"
    .replace("{name}", r"[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}"), re.I)
_NEWSLETTER = re.compile(r"\b(?:newsletter|inbox|sign up|subscribe|unsubscribe)\b", re.I)


# the label over a page's list of other stories, on a line of its own
_LIST_LABEL = re.compile(
    r"^(?:most (?:read|popular|viewed|shared|emailed)|trending(?: now| stories)?|popular(?: now)?|recommended(?: for you)?|"
    r"related(?: stories| articles| coverage| content)?|more (?:stories|news|on this story)|top stories|"
    r"you (?:may|might) also like|read next|editor'?s picks|more from [\w .'-]+|latest (?:news|stories))\s*:?$", re.I)


def _is_listed_story(line: str) -> bool:
    """A line in a list of other stories: numbered or bulleted, a headline's length, no sentence's end."""
    words = line.split()
    return 0 < len(words) <= 16 and bool(re.match(r"^(?:\d{1,2}[.)]|[-\u2022*\u00b7])\s", line)) \
        and not line.endswith(".")


def _is_page_furniture(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 40:
        return False
    if _PAGE_LABEL.match(line) or _PAGE_LINE.match(line):
        return True
    # "Get the morning briefing in your inbox. Sign up here." and the like
    return len(words) <= 25 and len(_NEWSLETTER.findall(line)) >= 2


def _quoted_line(line: str) -> str | None:
    """The words of a line that is nothing but a quotation, else None."""
    line = line.strip()
    if len(line) > 2 and line[0] in "\u201c\"\u2018'" and line[-1] in "\u201d\"\u2019'":
        return line[1:-1].strip(" .,")
    return None


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: str  # "prose", "caption", "credit", "heading", "furniture" (the page's own lines), "pull" (a pull quote)


def _is_credit(line: str) -> bool:
    line = line.strip()
    if line[:1] == "(" and line[-1:] == ")":
        line = line[1:-1].strip()  # "(Photo by Diego Vara/Reuters)"
    words = line.split()
    return 1 <= len(words) <= 14 and not line.endswith((".", "?", "!", "\u201d", '"')) and bool(
        _CREDIT_RE.match(line)
    )


_CAPTION_LABEL = re.compile(r"^(?:image|photo|picture|video)?\s*caption\s*:", re.I)  # "Image caption: …"


def _is_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 10 and not line.rstrip().endswith((".", "\u201d", '"', ":", ",", ";"))


class Layout:
    """Paragraph boundaries and kinds for one text; lookups by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        kinds = ["prose"] * len(spans)
        for n, (s, e) in enumerate(spans):
            line = text[s:e].strip()
            if _is_credit(line):
                kinds[n] = "credit"
                # the caption is the paragraph right above a credit line
                if n > 0 and kinds[n - 1] == "prose" and self._caption_like(text[spans[n - 1][0]:spans[n - 1][1]]):
                    kinds[n - 1] = "caption"
            elif _CAPTION_LABEL.match(line):
                kinds[n] = "caption"
            elif _is_page_furniture(line):
                kinds[n] = "furniture"
            elif _is_heading(line) and '"' not in line[:1] and "\u201c" not in line[:1]:
                kinds[n] = "heading"
        self._mark_story_lists(text, spans, kinds)
        self._mark_pull_quotes(text, spans, kinds)
        self.paragraphs = [Paragraph(s, e, k) for (s, e), k in zip(spans, kinds, strict=True)]
        self._starts = [p.start for p in self.paragraphs]

    @staticmethod
    def _mark_story_lists(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
        """'Most Read' over '1. Mayor says budget is “in good shape”', '2. …': a page's list of other
        stories. The label and the short lines under it are the page's, not the story's."""
        n = 0
        while n < len(spans):
            if not _LIST_LABEL.match(text[spans[n][0]:spans[n][1]].strip()):
                n += 1
                continue
            kinds[n] = "furniture"
            n += 1
            while n < len(spans) and _is_listed_story(text[spans[n][0]:spans[n][1]].strip()):
                kinds[n] = "furniture"
                n += 1

    @staticmethod
    def _mark_pull_quotes(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
        """A line that only repeats, in quotation marks, words the article has elsewhere (its headline,
        or a sentence of the story) is a pull quote set off for show: the words count once, where they
        stand in the story."""
        for n, (s, e) in enumerate(spans):
            words = _quoted_line(text[s:e])
            if words is None or len(words.split()) < 4 or kinds[n] != "prose":
                continue
            elsewhere = text[:s].find(words)
            if elsewhere < 0:
                elsewhere = text.find(words, e)
            if elsewhere >= 0:
                kinds[n] = "pull"

    @staticmethod
    def _caption_like(line: str) -> bool:
        return bool(_CAPTION_HINT.search(line) or _DATE_HINT.search(line)) or len(line.split()) < 45

    def index(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (or the one before it, for offsets in gaps)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def paragraph_start(self, offset: int) -> int:
        return self.paragraphs[self.index(offset)].start if self.paragraphs else 0

    def kind_at(self, offset: int) -> str:
        if not self.paragraphs:
            return "prose"
        return self.paragraphs[self.index(offset)].kind

    def is_prose(self, offset: int) -> bool:
        return self.kind_at(offset) in ("prose", "heading")

    def prose_distance(self, a: int, b: int) -> int:
        """How many prose paragraphs lie between offsets a <= b (captions and credits do not count)."""
        ia, ib = self.index(a), self.index(b)
        return sum(1 for p in self.paragraphs[ia:ib] if p.kind == "prose")
