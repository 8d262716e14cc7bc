"""Speakers in the library, found by name or alias, and made when a quote names someone new."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reader.library.schema import AliasRow, SpeakerRow
from reader.model import Speaker, SpeakerKind


def find_speaker(session: Session, name: str) -> SpeakerRow | None:
    """The speaker called ``name``, else the one who has it as an alias."""
    row = session.scalars(select(SpeakerRow).where(SpeakerRow.name == name)).first()
    if row is None:
        alias_row = session.scalars(select(AliasRow).where(AliasRow.alias == name)).first()
        if alias_row is not None:
            row = session.get(SpeakerRow, alias_row.speaker_id)
    return row


def settled(kept: str | None, offered: str | None) -> str | None:
    """Of two descriptions of one person, the one a library keeps: the shorter (then the first in
    alphabetical order). Whichever article is stored first, the library ends the same, so several
    workers storing at once give the same library as one."""
    if not kept or not offered:
        return kept or offered
    return min(kept, offered, key=lambda r: (len(r), r))


def with_role(roles: str | None, role: str | None) -> str | None:
    """The roles seen, one per line in alphabetical order (so the order articles come in does not show)."""
    seen = set((roles or "").splitlines())
    if role:
        seen.add(role)
    return "\n".join(sorted(r for r in seen if r)) or None


def speaker_row(session: Session, speaker: Speaker | None, name: str) -> SpeakerRow:
    """The speaker ``name`` (made if new), with what ``speaker`` adds: role, affiliation, aliases."""
    row = find_speaker(session, name)
    if row is None:
        row = SpeakerRow(name=name, kind=speaker.kind if speaker else SpeakerKind.PERSON,
                         role=speaker.role if speaker else None, roles=speaker.role if speaker else None,
                         affiliation=speaker.affiliation if speaker else None)
        session.add(row)
        session.flush()
    elif speaker is not None:
        row.role = settled(row.role, speaker.role)
        row.roles = with_role(row.roles, speaker.role)
        row.affiliation = settled(row.affiliation, speaker.affiliation)
    if speaker is not None:
        known = {a.alias for a in row.aliases} | {row.name}
        for alias in speaker.aliases:
            if alias not in known:
                row.aliases.append(AliasRow(alias=alias))
                known.add(alias)
    return row
