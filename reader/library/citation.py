"""Citations of a quote: who said it, in which article, by whom, when and where it can be found, in a
plain style, APA 7 and Chicago (notes and bibliography)."""

from __future__ import annotations

import re
from datetime import date

from reader.model import SearchHit

STYLES = ("plain", "apa", "chicago")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def authors_of(hit: SearchHit) -> list[str]:
    """The article's authors, each once ('Jane Roe; JANE ROE' is one author)."""
    seen: dict[str, str] = {}
    for name in re.split(r"\s*(?:;|,| and | & )\s*", hit.author or ""):
        name = " ".join(name.split()).removeprefix("By ").removeprefix("by ")
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name.title() if name.isupper() else name
    return list(seen.values())


def where(hit: SearchHit) -> str | None:
    """Where the article is: its web address, or the file it was read from."""
    return hit.url or hit.path


def _date(hit: SearchHit) -> date | None:
    try:
        return date.fromisoformat((hit.published or "")[:10])
    except ValueError:
        return None


def _who(hit: SearchHit) -> str:
    return (hit.speaker or "Unknown speaker") + (f", {hit.role}" if hit.role else "")


def _apa_author(name: str) -> str:
    words = name.split()
    if len(words) == 1:
        return words[0]
    return f"{words[-1]}, " + " ".join(f"{w[0]}." for w in words[:-1])


def _apa(hit: SearchHit) -> str:
    names = [_apa_author(a) for a in authors_of(hit)]
    if len(names) > 1:
        names[-1] = "& " + names[-1]
    who = ", ".join(names) if names else None
    day = _date(hit)
    when = f"({day.year}, {_MONTHS[day.month - 1]} {day.day})" if day else "(n.d.)"
    title = hit.article_title or "Untitled article"
    parts = [f"{who} {when}." if who else f"{title}. {when}."]
    if who:
        parts.append(f"{title}.")
    if hit.outlet:
        parts.append(f"{hit.outlet}.")
    if where(hit):
        parts.append(str(where(hit)))
    return f"{_who(hit)}, quoted in " + " ".join(parts)


def _chicago(hit: SearchHit) -> str:
    names = authors_of(hit)
    by = (", ".join(names[:-1]) + " and " + names[-1]) if len(names) > 1 else (names[0] if names else "")
    day = _date(hit)
    when = f"{_MONTHS[day.month - 1]} {day.day}, {day.year}" if day else hit.published
    rest = ", ".join(p for p in (hit.outlet, when, where(hit)) if p)
    note = (f"{by}, " if by else "") + f"\u201c{hit.article_title or 'Untitled article'},\u201d {rest}".rstrip(", ")
    return f"{_who(hit)}, quoted in {note}."


def _plain(hit: SearchHit) -> str:
    parts = [_who(hit)]
    if hit.article_title:
        parts.append(f"\u201c{hit.article_title}\u201d")
    names = authors_of(hit)
    for part in (hit.outlet, f"by {' and '.join(names)}" if names else None, hit.published, where(hit)):
        if part:
            parts.append(part)
    return "\u2014 " + ", ".join(parts)


def citation(hit: SearchHit, style: str = "plain") -> str:
    if style == "apa":
        return _apa(hit)
    if style == "chicago":
        return _chicago(hit)
    return _plain(hit)
