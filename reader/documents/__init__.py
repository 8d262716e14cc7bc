"""Load an article of any supported format, from a file or a web address, into a normalised
:class:`reader.model.Article`."""

from __future__ import annotations

from pathlib import Path

from reader.documents import formats  # noqa: F401  (registers .mhtml, .odt and .rtf)
from reader.documents.loaders import DocumentError, article_from_text, load_file, supported_extensions
from reader.documents.web import fetch_article, is_url
from reader.model import Article

SUPPORTED_EXTENSIONS = supported_extensions()

__all__ = ["SUPPORTED_EXTENSIONS", "DocumentError", "article_from_text", "is_url", "load_article"]


def load_article(path: str | Path) -> Article:
    """A file, or (for an http(s) address) one web page; a DocumentError says in one sentence what failed."""
    if isinstance(path, str) and is_url(path):
        return fetch_article(path)
    return load_file(path)
