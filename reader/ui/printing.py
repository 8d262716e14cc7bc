"""The annotated article as a PDF: the same HTML page, laid out by Qt's text engine on A4 pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument


def write_pdf(html: str, path: str | Path, title: str = "Annotated article") -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Quote Reader")
    writer.setResolution(144)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
