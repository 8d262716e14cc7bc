"""An annotated article as one self-contained HTML page: the text with its quotes, speakers, sources and
cues marked as in the window, a legend, a table of speakers and a list of sources. No scripts, no
external resources: it opens anywhere, offline, and prints (the window and the CLI make a PDF of it)."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from reader.colours import KIND_COLOURS, KIND_LABELS, SOURCE_COLOURS, SOURCE_LABELS, SPEAKER_BASE
from reader.model import Opened, QuoteKind

_UNDERLINE: dict[str, str] = {QuoteKind.DIRECT: "solid", QuoteKind.INDIRECT: "dotted", QuoteKind.MIXED: "dashed"}


def _tint(hex_colour: str, amount: float = 0.75) -> str:
    """The colour blended toward white: a background that keeps black text readable."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(c + (255 - c) * amount) for c in (r, g, b)))


def _speaker_colours(opened: Opened) -> dict[str, str]:
    return {s.name: SPEAKER_BASE[n % len(SPEAKER_BASE)] for n, s in enumerate(opened.analysis.speakers)}


def _marked_text(opened: Opened, colours: dict[str, str]) -> str:
    """The article as HTML paragraphs, each stretch of text carrying the styles of every mark over it."""
    text = opened.article.text
    a = opened.analysis
    marks: list[tuple[int, int, str, str]] = []  # start, end, css, title
    for q in a.quotes:
        tint = _tint(colours[q.speaker], 0.72) if q.speaker in colours else "#eeeeee"
        title = f"{q.speaker or 'Unknown speaker'} \u2014 {KIND_LABELS.get(q.kind, q.kind)}"
        if q.uncertain:
            title += f" (check this: {q.speaker_confidence:.0%} sure of the speaker)"
        marks.append((q.start, q.end, f"background:{tint};text-decoration:underline {_UNDERLINE.get(q.kind, 'solid')} "
                                      f"{KIND_COLOURS.get(q.kind, '#555')}", title))
        if q.speaker_start is not None and q.speaker_end is not None and q.speaker in colours:
            marks.append((q.speaker_start, q.speaker_end, f"font-weight:bold;background:{_tint(colours[q.speaker], 0.5)}",
                          q.speaker))
        if q.cue_start is not None and q.cue_end is not None:
            marks.append((q.cue_start, q.cue_end, "font-weight:bold;font-style:italic", "cue"))
    for s in a.sources:
        marks.append((s.start, s.end, f"color:{SOURCE_COLOURS.get(s.type, '#555')};font-weight:600",
                      SOURCE_LABELS.get(s.type, s.type)))
    opening: dict[int, list[int]] = defaultdict(list)
    closing: dict[int, list[int]] = defaultdict(list)
    for n, (start, end, _css, _title) in enumerate(marks):
        if 0 <= start < end <= len(text):
            opening[start].append(n)
            closing[end].append(n)
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    cuts = sorted({0, len(text), *opening, *closing, *breaks, *(i + 1 for i in breaks)})
    active: set[int] = set()
    out: list[str] = ["<p>"]
    for here, nxt in zip(cuts, cuts[1:], strict=False):
        active.difference_update(closing.get(here, ()))
        active.update(opening.get(here, ()))
        piece = text[here:nxt]
        if piece == "\n":
            out.append("</p>\n<p>")
            continue
        body = escape(piece)
        if active:
            ordered = sorted(active)
            css = ";".join(marks[n][2] for n in ordered)
            title = " \u00b7 ".join(dict.fromkeys(marks[n][3] for n in ordered))
            body = f'<span style="{css}" title="{escape(title)}">{body}</span>'
        out.append(body)
    out.append("</p>")
    return "".join(out).replace("<p></p>", "")


def annotated_html(opened: Opened) -> str:
    article, a = opened.article, opened.analysis
    colours = _speaker_colours(opened)
    title = article.title or "Article"
    meta = " \u00b7 ".join(escape(x) for x in (article.outlet, article.author, article.published, article.path) if x)
    legend = " \u00b7 ".join([
        f'<span class="key" style="text-decoration:underline {_UNDERLINE[k]} {KIND_COLOURS[k]}">{KIND_LABELS[k]}</span>'
        for k in QuoteKind] + [
        f'<span class="key" style="color:{SOURCE_COLOURS[t]};font-weight:600">{SOURCE_LABELS[t]}</span>'
        for t in SOURCE_COLOURS] + ['<span class="key"><b><i>cue verb</i></b></span>'])
    rows = "".join(
        f'<tr><td><span class="swatch" style="background:{colours[s.name]}">&nbsp;&nbsp;&nbsp;</span> {escape(s.name)}</td>'
        f"<td>{escape(s.role or '')}</td><td>{escape(s.kind)}</td><td class='n'>{s.quote_count}</td></tr>"
        for s in a.speakers)
    sources = "".join(f"<li><span style='color:{SOURCE_COLOURS.get(s.type, '#555')}'>{escape(s.text)}</span> "
                      f"\u2014 {SOURCE_LABELS.get(s.type, s.type)}</li>"
                      for s in sorted({(x.text, x.type): x for x in a.sources}.values(), key=lambda x: x.start))
    counts = {k: sum(1 for q in a.quotes if q.kind == k) for k in QuoteKind}
    summary = (f"{len(a.quotes)} quotes ({counts[QuoteKind.DIRECT]} direct, {counts[QuoteKind.INDIRECT]} indirect, "
               f"{counts[QuoteKind.MIXED]} mixed) from {len(a.speakers)} speakers; {len(a.sources)} sources")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} \u2014 annotated</title>
<style>
body {{ font-family: Georgia, "DejaVu Serif", serif; max-width: 46em; margin: 2em auto; color: #1e1e1e;
       line-height: 1.55; padding: 0 1em; }}
h1 {{ font-size: 1.6em; margin-bottom: .2em; }} .meta, .summary {{ color: #555; font-size: .9em; }}
.legend {{ font-family: sans-serif; font-size: .8em; margin: 1em 0; }} .key {{ margin-right: 1em; }}
table {{ border-collapse: collapse; font-family: sans-serif; font-size: .9em; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .25em .6em; text-align: left; }} td.n {{ text-align: right; }}
.swatch {{ display: inline-block; width: 1em; }} h2 {{ font-size: 1.1em; font-family: sans-serif; }}
</style></head><body>
<h1>{escape(title)}</h1>
<div class="meta">{meta}</div>
<div class="summary">{summary}. Annotated by Quote Reader.</div>
<div class="legend">{legend}</div>
<div class="article">{_marked_text(opened, colours)}</div>
<h2>Speakers</h2>
<table><tr><th>Speaker</th><th>Role</th><th>Kind</th><th>Quotes</th></tr>{rows}</table>
<h2>Sources</h2>
<ul>{sources}</ul>
</body></html>
"""
