"""Load an article of any supported format, from a file or a web address, into a normalised
:class:`reader.model.Article`."""

from __future__ import annotations

from pathlib import Path

from reader.documents.loaders import SUPPORTED_EXTENSIONS, DocumentError, load_file
from reader.documents.web import fetch_article, is_url
from reader.model import Article

__all__ = ["SUPPORTED_EXTENSIONS", "DocumentError", "is_url", "load_article"]


def load_article(path: str | Path) -> Article:
    """A file, or (for an http(s) address) one web page; a DocumentError says in one sentence what failed."""
    if isinstance(path, str) and is_url(path):
        return fetch_article(path)
    return load_file(path)
