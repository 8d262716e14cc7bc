"""Small news articles written for the tests: varied speakers, outlets, dates, quote kinds, accents."""

from __future__ import annotations

from pathlib import Path

PEOPLE = [("Anita Sharma", "board president"), ("Paul Greene", "superintendent"),
          ("Marcus Bell", "union leader"), ("Renée Dubois", "the mayor"), ("Tomás Ortega", "a council member"),
          ("Grace Holloway", "the state treasurer")]
TOPICS = ["the four-day school week", "the harbour bridge repairs", "the café licensing rules",
          "the flood defence budget", "the new bus timetable", "the library opening hours"]
OUTLETS = ["Riverton Gazette", "Harbour Times", "Valley Post"]


def article(n: int) -> str:
    who, role = PEOPLE[n % len(PEOPLE)]
    other, other_role = PEOPLE[(n + 2) % len(PEOPLE)]
    topic = TOPICS[n % len(TOPICS)]
    outlet = OUTLETS[n % len(OUTLETS)]
    surname = who.split()[-1]
    return (f"Council debates {topic} (report {n})\n\n"
            f"By Staff Writer, {outlet}, 2024-{1 + n % 12:02d}-{1 + n % 27:02d}\n\n"
            f"The council met on Tuesday to discuss {topic}, and the meeting ran late.\n\n"
            f"\u201cWe cannot keep delaying {topic},\u201d {role} {who} said. "
            f"\u201cFamilies deserve an answer before winter number {n}.\u201d\n\n"
            f"{other}, {other_role}, said the plan would cost more than expected and that residents "
            f"had not been consulted.\n\n"
            f"{surname} told the {outlet} that the vote would happen \u201cwithin weeks, not months.\u201d\n\n"
            f"\u201cThis is a matter of trust,\u201d {other} added.\n")


def long_article(n: int, parts: int = 6) -> str:
    """A news-length article (about 550 words): several reports on one page."""
    return "\n".join(article(n * parts + k) for k in range(parts))


def write(folder: Path, count: int, start: int = 0, parts: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"report-{n:04d}.txt"
        path.write_text(article(n) if parts == 1 else long_article(n, parts), encoding="utf-8")
        paths.append(path)
    return paths
