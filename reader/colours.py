"""The colours of quote kinds, speakers and source types, as hex: shared by the window (which derives its
light and dark tints from them) and the annotated article exported as HTML or PDF. No Qt here."""

from __future__ import annotations

from reader.model import QuoteKind, SourceType

SPEAKER_BASE = (  # ordered so that the first five tints lie furthest apart (CIELAB) in both themes
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#332288", "#D55E00", "#56B4E9", "#F0E442",
    "#117733", "#882255", "#44AA99", "#999933", "#AA4499", "#88CCEE", "#DDCC77", "#661100",
)
KIND_COLOURS: dict[str, str] = {QuoteKind.DIRECT: "#0072B2", QuoteKind.INDIRECT: "#009E73", QuoteKind.MIXED: "#CC79A7"}
KIND_LABELS: dict[str, str] = {QuoteKind.DIRECT: "Direct quote", QuoteKind.INDIRECT: "Indirect (reported)",
               QuoteKind.MIXED: "Mixed quote"}
SOURCE_COLOURS: dict[str, str] = {
    SourceType.OUTLET: "#D55E00", SourceType.ORGANISATION: "#8F5E00", SourceType.PLATFORM: "#7B3294",
    SourceType.DOCUMENT: "#4D7F17", SourceType.CREDIT: "#6F6F6F", SourceType.ANONYMOUS: "#B2182B",
}
SOURCE_LABELS: dict[str, str] = {
    SourceType.OUTLET: "Outlet", SourceType.ORGANISATION: "Organisation", SourceType.PLATFORM: "Platform",
    SourceType.DOCUMENT: "Document", SourceType.CREDIT: "Photo credit", SourceType.ANONYMOUS: "Anonymous source",
}
