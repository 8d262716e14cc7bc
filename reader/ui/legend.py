"""The legend above the article: one toggle per layer, in the colours the text uses."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from reader.model import QuoteKind, SourceType
from reader.ui.palette import KIND_LABELS, SOURCE_COLOURS, SOURCE_LABELS, Theme
from reader.ui.quote_panel import swatch

SHORT_SOURCE: dict[str, str] = {SourceType.OUTLET: "outlet", SourceType.ORGANISATION: "org.", SourceType.PLATFORM: "platform",
                SourceType.DOCUMENT: "document", SourceType.CREDIT: "credit", SourceType.ANONYMOUS: "anonymous"}

LEGEND = (
    (QuoteKind.DIRECT, "Direct", KIND_LABELS[QuoteKind.DIRECT] + ": solid underline"),
    (QuoteKind.INDIRECT, "Indirect", KIND_LABELS[QuoteKind.INDIRECT] + ": dotted underline"),
    (QuoteKind.MIXED, "Mixed", KIND_LABELS[QuoteKind.MIXED] + ": dashed underline"),
    ("speakers", "Speakers", "Each speaker has one colour, in the text and in the panel"),
    ("sources", "Sources", "Outlets, organisations, platforms, documents, photo credits, anonymous sources"),
    ("cues", "Cues", "Cue verbs, in bold italic"),
)


class Legend(QWidget):
    toggled = Signal(str, bool)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(QLabel("Show:"))
        for layer, label, tip in LEGEND:
            b = QToolButton(self)
            b.setText(label)
            b.setCheckable(True)
            b.setChecked(True)
            b.setAutoRaise(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setToolTip(f"{tip}. Click to show or hide.")
            b.setAccessibleName(f"Toggle {layer}")
            b.toggled.connect(lambda on, layer=layer: self.toggled.emit(layer, on))
            self.buttons[layer] = b
            layout.addWidget(b)
        layout.addStretch(1)
        self.source_key = QLabel(self)
        layout.addWidget(self.source_key)
        self.apply_theme(theme)

    def apply_theme(self, theme: Theme) -> None:
        for layer, b in self.buttons.items():
            if layer in set(QuoteKind):
                b.setIcon(swatch(theme.kind_colour(layer)))
            elif layer == "speakers":
                b.setIcon(swatch(theme.speaker_colour(0)))
            elif layer == "sources":
                b.setIcon(swatch(theme.source_colour(SourceType.OUTLET)))
            else:
                b.setIcon(swatch(QColor(theme.text)))
        key = " ".join(
            f"<span style='color:{theme.source_colour(k).name()}; font-weight:600' title='{SOURCE_LABELS[k]}'>"
            f"{SHORT_SOURCE[k]}</span>"
            for k in SOURCE_COLOURS)
        self.source_key.setText(key)
