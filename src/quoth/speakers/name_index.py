"""Who in the article has a name form with this surname, this first word, or a surname one letter
off: the lookups :class:`~quoth.speakers.mentions._People` makes for every name it reads.

Scanning every person's every form for each name made a long document quadratic (a merged
archive page names thousands of people); the index answers with the same people, in the same
order (by id, the order they were first named), from dictionaries kept up to date as forms are
added.
"""

from __future__ import annotations

from collections import defaultdict

from quoth.speakers.names import _surname

# "McLenney" is one edit from "McClenney": only surnames this long are compared so.
NEAR_MIN_CHARS = 5


class NameIndex:
    """Person ids by what their name forms give (each key holds every id with such a form)."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.forms = 0  # how many forms were added: a cache over the people checks it

    def add(self, person_id: int, form: tuple[str, ...], first_form: bool = False) -> None:
        """Record one more name form of a person (``first_form``: the one they were first named by)."""
        self.forms += 1
        surname, first = _surname(form), form[0].lower()
        self._keys["surname", surname].add(person_id)
        self._keys["first", first].add(person_id)
        if first_form:
            self._keys["opening", first].add(person_id)
        if len(form) >= 2:
            self._keys["full surname", surname].add(person_id)
            self._keys["full first", first].add(person_id)
            if len(surname) >= NEAR_MIN_CHARS:
                for key in _one_edit_keys(surname):
                    self._keys["near", key].add(person_id)

    def ids(self, kind: str, word: str) -> list[int]:
        """Ids of the people with a form of that ``kind`` (``surname``: any form's surname;
        ``first``: any form's first word; ``full surname``/``full first``: the same over forms of
        two words or more; ``opening``: the first word of the form they were first named by;
        ``near``: a surname of two words or more within one edit of ``word``, a superset), by id."""
        if kind == "near":
            found: set[int] = set()
            for key in _one_edit_keys(word):
                found |= self._keys.get(("near", key), set())
            return sorted(found)
        return sorted(self._keys.get((kind, word), ()))


def _one_edit_keys(word: str) -> set[str]:
    """The word and the word minus each one letter: two words one edit apart share a key."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
