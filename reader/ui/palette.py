"""Colours for quote kinds, speakers and source types, light and dark, colour-blind safe.

Speaker colours follow Okabe & Ito's palette (distinguishable with the common colour-vision
deficiencies), then Paul Tol's muted scheme; highlights are tints of them blended toward the page so
that text stays readable in either theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader.colours import KIND_COLOURS, KIND_LABELS, SOURCE_COLOURS, SOURCE_LABELS, SPEAKER_BASE

__all__ = ["KIND_COLOURS", "KIND_LABELS", "SOURCE_COLOURS", "SOURCE_LABELS", "SPEAKER_BASE", "Theme", "theme_named"]


def _blend(colour: str, toward: QColor, amount: float) -> QColor:
    c = QColor(colour)
    return QColor(
        round(c.red() * (1 - amount) + toward.red() * amount),
        round(c.green() * (1 - amount) + toward.green() * amount),
        round(c.blue() * (1 - amount) + toward.blue() * amount),
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    def luminance(c: QColor) -> float:
        def channel(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


READABLE = 4.5  # WCAG AA for body text


def _readable(colour: QColor, against: QColor, toward: QColor) -> QColor:
    """``colour`` moved toward ``toward`` just far enough to reach READABLE contrast with ``against``."""
    amount = 0.0
    out = colour
    while contrast(out, against) < READABLE and amount < 1:
        amount = min(1.0, amount + 0.05)
        out = _blend(colour.name(), toward, amount)
    return out


@dataclass(frozen=True)
class Theme:
    name: str
    page: QColor
    text: QColor
    muted: QColor

    @property
    def dark(self) -> bool:
        return self.name == "dark"

    def speaker_colour(self, index: int) -> QColor:
        base = SPEAKER_BASE[index % len(SPEAKER_BASE)]
        return _blend(base, self.page, 0.15) if self.dark else QColor(base)

    @cached_property
    def _made(self) -> dict[tuple[str, object, bool], QColor]:
        # the article view asks for a tint per highlighted span, thousands in a long article
        return {}

    def speaker_tint(self, index: int, strong: bool = False) -> QColor:
        """Behind a speaker's words: a tint of their colour that the theme's text stays readable on."""
        key = ("tint", index % len(SPEAKER_BASE), strong)
        if key not in self._made:
            base = SPEAKER_BASE[index % len(SPEAKER_BASE)]
            if self.dark:
                tint = _blend(base, self.page, 0.45 if strong else 0.68)
            else:
                tint = _blend(base, self.page, 0.55 if strong else 0.78)
            self._made[key] = _readable(tint, self.text, self.page)
        return QColor(self._made[key])

    def unknown_tint(self) -> QColor:
        return _blend("#808080", self.page, 0.6 if self.dark else 0.8)

    def match_tint(self) -> QColor:
        """Behind the words a search matched: a marker-pen amber that keeps text readable."""
        return QColor("#6B5200") if self.dark else QColor("#FFE07A")

    def check_colour(self) -> QColor:
        """The dotted line around a speaker the reader should check."""
        return QColor("#FF8A65") if self.dark else QColor("#C62828")

    def kind_colour(self, kind: str) -> QColor:
        c = KIND_COLOURS.get(kind, "#808080")
        return _blend(c, QColor("white"), 0.35) if self.dark else QColor(c)

    def source_colour(self, kind: str) -> QColor:
        """Source names are coloured text: as readable on the page as body text must be."""
        key = ("source", kind, False)
        if key not in self._made:
            c = SOURCE_COLOURS.get(kind, "#808080")
            colour = _blend(c, QColor("white"), 0.4) if self.dark else QColor(c)
            self._made[key] = _readable(colour, self.page, self.text)
        return QColor(self._made[key])


LIGHT = Theme("light", QColor("#FCFBF8"), QColor("#1E1E1E"), QColor("#6B6B6B"))
DARK = Theme("dark", QColor("#1F2124"), QColor("#E6E6E6"), QColor("#9A9A9A"))


def theme_named(name: str | None) -> Theme:
    return DARK if name == "dark" else LIGHT


def apply_app_theme(app: QApplication, theme: Theme) -> None:
    app.setStyle("Fusion")
    pal = QPalette()
    if theme.dark:
        pal.setColor(QPalette.ColorRole.Window, QColor("#2A2D31"))
        pal.setColor(QPalette.ColorRole.WindowText, QColor("#E6E6E6"))
        pal.setColor(QPalette.ColorRole.Base, theme.page)
        pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#2A2D31"))
        pal.setColor(QPalette.ColorRole.Text, theme.text)
        pal.setColor(QPalette.ColorRole.Button, QColor("#33363B"))
        pal.setColor(QPalette.ColorRole.ButtonText, QColor("#E6E6E6"))
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#3D6FB6"))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
        pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#33363B"))
        pal.setColor(QPalette.ColorRole.ToolTipText, QColor("#E6E6E6"))
        pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8A8A8A"))
    else:
        pal = app.style().standardPalette()
        pal.setColor(QPalette.ColorRole.Base, QColor("#FFFFFF"))
    app.setPalette(pal)
