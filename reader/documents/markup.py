"""HTML and Markdown to plain article text."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Any

from reader.documents.normalise import normalise_text

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
          "article", "figcaption", "pre", "dd", "dt"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "form", "button"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        if tag == "title":
            self._in_title = True
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip:
            self.skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data
        elif not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_fragment_to_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return normalise_text("".join(collector.parts))


def _first(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    text = str(value).strip() if value is not None else ""
    return text or None


_SEPARATOR = re.compile(r"\s+[|\u2013\u2014\u00b7:\-]\s+|\s*\|\s*")
_BYLINE = re.compile(r"^\s*by\s+[A-Z]", re.I)


def clean_authors(author: str | None) -> str | None:
    """Each author once, in the case a reader expects ('Jane Roe; JANE ROE' is 'Jane Roe')."""
    if not author:
        return None
    seen: dict[str, str] = {}
    for name in re.split(r"\s*(?:;|,|\band\b|&)\s*", author):
        name = re.sub(r"^by\s+", "", " ".join(name.split()), flags=re.I)
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name.title() if name.isupper() else name
    return "; ".join(seen.values()) or None


def clean_title(title: str | None, outlet: str | None, author: str | None) -> str | None:
    """A page title without what the site adds to it: ' | Site Name', ' - The Daily Ledger', '| Jane Roe'."""
    if not title:
        return None
    title = " ".join(title.split())
    drop = {x.casefold() for x in (outlet or "", *(author or "").split("; ")) if x}
    parts = _SEPARATOR.split(title)
    while len(parts) > 1:
        tail = parts[-1].strip()
        head_words = sum(len(p.split()) for p in parts[:-1])
        site_like = (tail.casefold() in drop or "." in tail and " " not in tail
                     or (len(tail.split()) <= 4 and head_words >= 3 and tail[:1].isupper()
                         and all(w[:1].isupper() or w in ("of", "the", "and", "&") for w in tail.split())
                         and ("|" in title or tail.casefold().startswith("the ") or tail.casefold() in drop)))
        if not site_like:
            break
        parts = parts[:-1]
        title = title[:title.rfind(tail)].rstrip(" |-\u2013\u2014\u00b7:")
    return title or None


_CANONICAL = (
    re.compile(r"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*>", re.I),
    re.compile(r"<meta\b[^>]*\bproperty=[\"']?og:url[\"']?[^>]*>", re.I),
)
_HREF = re.compile(r"\b(?:href|content)=[\"']?([^\"'\s>]+)", re.I)


def canonical_url(html: str) -> str | None:
    """The page's own address, as it declares it (<link rel=canonical>, else og:url); http(s) only."""
    head = html[:200_000]
    for pattern in _CANONICAL:
        for tag in pattern.finditer(head):
            found = _HREF.search(tag.group(0))
            if found and found.group(1).lower().startswith(("http://", "https://")):
                return unescape(found.group(1))
    return None


def extract_html(html: str) -> dict[str, str | None]:
    """Main text and metadata of a page saved from a browser; nothing is fetched."""
    result: dict[str, str | None] = {"text": "", "title": None, "outlet": None, "author": None, "published": None,
                                     "url": canonical_url(html)}
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_recall=True)
    except Exception:
        doc = None
    if doc is not None:
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        result.update(title=_first(data.get("title")), outlet=_first(data.get("sitename")),
                      author=_first(data.get("author")), published=_first(data.get("date")))
        text = normalise_text(str(data.get("text") or "").replace("\n", "\n\n"))
        title = result["title"]
        if title and text.startswith(title):
            text = text[len(title):].lstrip("\n")
        result["text"] = text
    result["author"] = clean_authors(result["author"])
    result["title"] = clean_title(result["title"], result["outlet"], result["author"])
    if not result["text"]:
        collector = _TextCollector()
        collector.feed(html)
        collector.close()
        result["text"] = normalise_text("".join(collector.parts))
        result["title"] = result["title"] or (collector.title.strip() if collector.title else None)
    return result


def markdown_to_text(source: str) -> str:
    import markdown

    return html_fragment_to_text(markdown.markdown(source))
