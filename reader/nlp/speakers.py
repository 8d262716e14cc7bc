"""Canonical people in one article: 'Donald Trump' = 'Trump' = 'President Donald Trump'.

Every PERSON name in the article is put in a cluster keyed by its surname; the cluster's canonical name
is its fullest frequent form, its role comes from titles and appositives, its gender from honorifics
and first names (used only to keep 'she' away from a man).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from reader.nlp.lexicon import (
    COURTESY_TITLES,
    FEMALE_FIRST_NAMES,
    FEMALE_HONORIFICS,
    MALE_FIRST_NAMES,
    MALE_HONORIFICS,
    NAME_PARTICLES,
    TITLES,
)


def is_first_name(word: str) -> bool:
    return word.lower() in FEMALE_FIRST_NAMES or word.lower() in MALE_FIRST_NAMES




def plain_word(word: str) -> str:
    """'Erdoğan' -> 'erdogan': a name written with and without its accents is one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """The surname a name is clustered under: last word, lower case, unaccented, without possessive or suffix."""
    words = [w for w in re.split(r"[\s]+", name.replace("\u2019s", "").replace("'s", "")) if w]
    while len(words) > 1 and words[-1].lower().rstrip(".,") in ("jr", "sr", "ii", "iii", "iv"):
        words.pop()
    return plain_word(words[-1]).strip(".,") if words else ""


def inner_names(forms: list[str], keys: set[str]) -> dict[str, str]:
    """The words of long names that a story may use alone, each to its long name: a first word, given
    name or family name written first ('Bernie', 'Xi' of 'Xi Jinping', 'Kim' of 'Kim Jong Un'), or an inner
    word ('Lula' of 'Luiz Inácio Lula da Silva'). A word two names share ('Jane' of 'Jane Doe' and 'Jane
    Roe'), or another name's surname ('Beck' in a headline's 'Glenn Beck Blasts Drudge'), is no one's."""
    found: dict[str, str] = {}
    keys_of: dict[str, str] = {}
    shared: set[str] = set(keys)
    for form in forms:
        words = form.split()
        if len(words) < 2 or not all(w[:1].isupper() and w[:1].isalpha() or plain_word(w) in NAME_PARTICLES for w in words):
            continue  # "Deborah Jordan Reynolds - Santilli's girlfriend": two people run together
        key = name_key(form)
        for n, w in enumerate(words[:-1]):
            plain = plain_word(w).strip(".,")
            if plain in NAME_PARTICLES or not w.isalpha() or len(plain) < (2 if n == 0 else 3) or plain == key \
                    or plain in TITLES or n > 0 and len(words) < 3:
                continue
            if keys_of.get(plain, key) != key:
                shared.add(plain)
            found.setdefault(plain, form)
            keys_of[plain] = key
    return {w: f for w, f in found.items() if w not in shared}


@dataclass
class Person:
    key: str
    forms: Counter[str] = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    gender: str = ""
    gender_from_given_name_alone: bool = False  # "Melanie said": a guess a full name or honorific overrides
    affiliation: str | None = None
    _role_words: set[str] = field(default_factory=set)
    _role_words_of: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        full = [f for f in self.forms if 1 < len(f.split()) <= 5]
        if full:
            name = max(full, key=lambda f: (self.forms[f] + (0.5 if len(f.split()) == 2 else 0), len(f)))
        else:
            name = max(self.forms, key=lambda f: (self.forms[f], len(f))) if self.forms else self.key
        if not name.isupper():
            return name
        # "JAKE TAPPER" in a transcript's labels: as the story writes it elsewhere, else in title case
        written = [f for f in self.forms if f.lower() == name.lower() and not f.isupper()]
        return written[0] if written else " ".join(w[:1] + w[1:].lower() for w in name.split())

    @property
    def role(self) -> str | None:
        if not self.roles:
            return None
        # an appositive ("the institute's lead hydrologist") says more than an honorific ("Dr.")
        informative = [r for r in self.roles if r.lower().rstrip(".") not in COURTESY_TITLES] or self.roles
        return Counter(informative).most_common(1)[0][0]

    def has_role_word(self, word: str) -> bool:
        if len(self._role_words_of) != len(self.roles):  # roles only grow: index the new ones
            for r in self.roles[len(self._role_words_of):]:
                self._role_words_of.append(r)
                words = [w for w in re.split(r"[\s;,’'.]+", r.lower()) if w]
                self._role_words.update(words)
                for w in words:
                    self._role_words.update(_ROLE_SYNONYMS.get(w, ()))
                if "prime" in words and "minister" in words:
                    self._role_words.update(("premier", "pm"))
        return word.lower() in self._role_words


# what a story may call a person after giving their title ('Sen. Ann Lee … the senator', 'Rep. … the lawmaker')
_LAWMAKER = ("lawmaker", "legislator")
_ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "sen": ("senator",) + _LAWMAKER, "senator": _LAWMAKER,
    "rep": ("representative", "congressman", "congresswoman", "congressmember") + _LAWMAKER,
    "representative": ("congressman", "congresswoman") + _LAWMAKER, "congressman": _LAWMAKER,
    "congresswoman": _LAWMAKER, "mp": _LAWMAKER, "mla": _LAWMAKER, "mep": _LAWMAKER,
    "gov": ("governor",), "pm": ("premier", "prime", "minister"), "pres": ("president",), "gen": ("general",),
    "lt": ("lieutenant",), "col": ("colonel",), "sgt": ("sergeant",), "capt": ("captain",), "adm": ("admiral",),
    "atty": ("attorney",), "supt": ("superintendent",), "prof": ("professor",), "sec": ("secretary",),
    "rev": ("reverend",), "det": ("detective",), "insp": ("inspector",), "cllr": ("councillor", "councilor"),
}


def _gender(honorific: str, first: str) -> str:
    """'f' or 'm' by an honorific or a given name, '' when neither tells."""
    if honorific in FEMALE_HONORIFICS or first in FEMALE_FIRST_NAMES:
        return "f"
    if honorific in MALE_HONORIFICS or first in MALE_FIRST_NAMES:
        return "m"
    return ""


class People:
    """The people of one article, found through their names."""

    def __init__(self, inner: dict[str, str] | None = None) -> None:
        self.by_key: dict[str, Person] = {}
        self._full_first: dict[str, dict[str, str]] = {}
        self.inner = inner or {}  # see inner_names

    def _key(self, name: str, words: list[str]) -> str:
        key = name_key(name)
        long = self.inner.get(key) if len(words) == 1 else None
        if long is None:
            return key
        # "Lula" after "Luiz Inácio Lula da Silva", "Bernie" after "Bernie Sanders" (not after "Jane Sanders")
        return self._full_key(name_key(long), long.split()[0].lower())

    def _full_key(self, key: str, first: str) -> str:
        """The person a full name is: two different first names on one surname ("Donald Trump", "Ivanka
        Trump") are two people."""
        firsts = self._full_first.setdefault(key, {})
        if first in firsts:
            return firsts[first]
        if firsts and not any(first.startswith(f[:1]) and len(first) <= 2 for f in firsts):
            key = f"{key}|{first}"
        return firsts.setdefault(first, key)

    def add(self, name: str, role: str | None = None, honorific: str | None = None,
            affiliation: str | None = None) -> Person | None:
        name = " ".join(name.replace("\u2019s", "").replace("'s", "").split()).strip(" ,.")
        words = name.split()
        while words and words[0].lower() in TITLES:
            words = words[1:]
        if not words or not words[-1][:1].isupper():
            return None
        name = " ".join(words)
        key = self._key(name, words)
        if not key:
            return None
        if len(words) > 1 and words[0] not in NAME_PARTICLES:  # "von der Leyen" has no first name
            key = self._full_key(key, words[0].lower())
        person = self.by_key.setdefault(key, Person(key))
        person.forms[name] += 1
        if role:
            person.roles.append(role)
        if affiliation and not person.affiliation:
            person.affiliation = affiliation
        if not person.gender or person.gender_from_given_name_alone:
            gender = _gender((honorific or "").lower(), words[0].lower() if len(words) > 1 else "")
            if gender:
                person.gender, person.gender_from_given_name_alone = gender, False
            elif not person.gender and len(words) == 1 and len(person.forms) == 1:
                # a lone given name, never seen with a surname: the people of a feature story
                person.gender = _gender("", words[0].lower())
                person.gender_from_given_name_alone = bool(person.gender)
        return person

    def lookup(self, name: str) -> Person | None:
        name = " ".join(name.replace("\u2019s", "").replace("'s", "").split())
        words = name.split()
        key = self._key(name, words)
        if len(words) > 1 and words[0] not in NAME_PARTICLES:
            key = self._full_first.get(key, {}).get(words[0].lower(), key)
        return self.by_key.get(key)
