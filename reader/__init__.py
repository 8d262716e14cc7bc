"""Quote Reader: who said what in a news article, and on whose authority."""

__version__ = "0.1.0"
