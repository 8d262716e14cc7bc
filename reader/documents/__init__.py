"""Load an article file of any supported format into a normalised :class:`reader.model.Article`."""

from reader.documents.loaders import SUPPORTED_EXTENSIONS, DocumentError, load_article

__all__ = ["SUPPORTED_EXTENSIONS", "DocumentError", "load_article"]
