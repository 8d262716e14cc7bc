"""Text normalisation shared by every loader."""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200b]")
_TERMINAL = (".", "?", "!", "\u201d", '"', "\u2019", ":", ";", ")")


def normalise_text(text: str) -> str:
    """Unify newlines, drop control characters, collapse runs of spaces and blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def split_headline(text: str) -> tuple[str | None, str]:
    """Take a headline off the top of a plain-text article.

    A headline is a short first line without closing punctuation followed by more text;
    anything else stays in the body.
    """
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    words = first.split()
    if re.match(r"^(?:[Bb][Yy]\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*(?:[,|].*)?|"
                r"(?i:published|updated|posted|last updated)\b.*|[A-Z .,'-]+\s*(?:\(\w+\))?\s*[\u2014-]{1,2}\s*)$", first.strip()):
        return None, stripped  # a byline, a time stamp or a dateline is no headline
    if (
        sep
        and rest.strip()
        and 1 <= len(words) <= 20
        and not first.rstrip().endswith(_TERMINAL)
        and "\u2014" not in first[:40]
    ):
        return first.strip(), rest.lstrip("\n")
    return None, stripped


def paragraphs_to_text(paragraphs: list[str]) -> str:
    return normalise_text("\n\n".join(p.strip() for p in paragraphs if p and p.strip()))


_NAME = r"[A-Z][\w.'\u2019-]*(?: (?:[A-Z][\w.'\u2019-]*|de|van|von|da|del|der|la|le)){1,4}"
_BYLINE_LINE = re.compile(rf"^[Bb][Yy]:?\s+({_NAME}(?:(?:\s*,\s*{_NAME})*\s*,?\s+(?:and|AND)\s+{_NAME}|\s*&\s*{_NAME})?)"
                          r"(?:\s*(?:,|\||\u2014|\u2013| - )\s*.*)?$")


_NOT_A_NAME = re.compile(r"(?i)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                         r"april|may|june|july|august|september|october|november|december|the|this|that|next|last)\b")


def find_byline(text: str) -> str | None:
    """The writers a plain-text article names in a byline near its top ('By Jane Doe and Tom Roe, City
    Reporters'), as 'Jane Doe; Tom Roe'; None when there is none."""
    for line in text.split("\n")[:12]:
        line = line.strip()
        match = _BYLINE_LINE.match(line)
        if match and len(line.split()) <= 16 and not line.endswith((".", "!", "?")) \
                and not _NOT_A_NAME.match(match.group(1)):
            names = [n.strip() for n in re.split(r"\s*,\s*|\s+(?:and|AND)\s+|\s*&\s*", match.group(1)) if n.strip()]
            return "; ".join(n.title() if n.isupper() else n for n in names)
    return None

