"""spaCy's attribute ruler, matched with dictionaries instead of the general ``Matcher``.

The English pipeline's ``attribute_ruler`` maps fine-grained tags to parts of speech and fixes a
few words ("n't" -> PART, "gonna" -> "go to"). spaCy runs its 179 patterns through the token
``Matcher``, which took a fifth of quoth's whole extraction time. Nearly every pattern looks at one
token's tag, lowercase form and dependency only, so its verdict for each combination of those is
computed once per process and looked up after that.

The output is spaCy's: the same patterns, the same attribute sets (``AttributeRuler.attrs``),
merged in the same order (later patterns win) and set by spaCy's own ``set_token_attrs``.
``tests/test_attribute_ruler.py`` checks it token by token against spaCy's ruler.
"""

import re
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# token attributes the English patterns test, read once per token
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}

TokenTest = Callable[[tuple], bool]
_CACHE_SIZE = 200_000  # distinct (tag, form, dependency) combinations kept; a few MB


class FastAttributeRuler:
    """Drop-in for a loaded ``AttributeRuler``: same patterns, matched with cached lookups.

    A one-token pattern's verdict depends only on the token's (tag, lowercase form, dependency,
    is-space), so the merged attributes for each such combination are computed once and cached.
    The few longer patterns ("gon na", "let 's") are tried only where their first token fits.
    """

    def __init__(self, ruler) -> None:
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        # patterns indexed by what their first token must be: a tag, a lowercase form, or neither
        self.by_tag: dict[str, list] = {}
        self.by_lower: dict[str, list] = {}
        self.others: list = []
        for pid in range(len(ruler.attrs)):
            _, alternatives = ruler.matcher.get(str(pid))
            for specs in alternatives:
                entry = (pid, [_compile(spec) for spec in specs])
                for key, table in (("TAG", self.by_tag), ("LOWER", self.by_lower)):
                    values = _equal_values(specs[0].get(key))
                    if values is not None:
                        for value in values:
                            table.setdefault(value, []).append(entry)
                        break
                else:
                    self.others.append(entry)
        self._cache: dict[tuple, tuple[tuple[int, ...], dict | None, bool]] = {}
        self._by_ids: dict[tuple, tuple[tuple[int, ...], dict | None, bool]] = {}  # the same, keyed by ids

    def _candidates(self, row: tuple):
        return (*self.by_tag.get(row[0], ()), *self.by_lower.get(row[1], ()), *self.others)

    def _single(self, row: tuple) -> tuple[tuple[int, ...], dict | None, bool]:
        """One-token matches for a token like ``row``, their merged attributes, and whether a
        longer pattern could start here."""
        hit = self._cache.get(row)
        if hit is None:
            candidates = self._candidates(row)
            pids = tuple(sorted({pid for pid, tests in candidates if len(tests) == 1 and tests[0](row)}))
            longer = any(len(tests) > 1 and tests[0](row) for _, tests in candidates)
            hit = (pids, self._merged(pids), longer)
            if len(self._cache) < _CACHE_SIZE:
                self._cache[row] = hit
        return hit

    def _merged(self, pids) -> dict | None:
        """One attribute dict equal to applying each pattern's in order (later ones win)."""
        if not pids:
            return None
        merged: dict = {}
        for pid in pids:
            merged.update(self.attrs[pid])
        return merged

    def __call__(self, doc: Doc) -> Doc:
        # The tokens' (tag, form, dependency, is-space) as ids, read in one array: spaCy's string
        # properties cost a lookup each, and most combinations have been seen before. The strings
        # are looked up only for a combination not seen yet, and where a longer pattern may start.
        ids = [tuple(row) for row in doc.to_array(_ARRAY_FIELDS).tolist()]
        strings = doc.vocab.strings
        found = []
        for key in ids:
            hit = self._by_ids.get(key)
            if hit is None:
                hit = self._single(_row(strings, key))
                if len(self._by_ids) < _CACHE_SIZE:
                    self._by_ids[key] = hit
            found.append(hit)
        extra: dict[int, set[int]] = {}
        rows: dict[int, tuple] = {}

        def row(j: int) -> tuple:
            if j not in rows:
                rows[j] = _row(strings, ids[j])
            return rows[j]

        for i, (_, _, longer) in enumerate(found):
            if not longer:
                continue
            for pid, tests in self._candidates(row(i)):
                n = len(tests)
                if n > 1 and i + n <= len(ids) and all(test(row(i + k)) for k, test in enumerate(tests)):
                    index = self.indices[pid]
                    extra.setdefault(i + index if index >= 0 else i + n + index, set()).add(pid)
        for tok, (pids, attrs, _) in zip(doc, found):  # (one Token each, not doc[i] anew)
            if tok.i in extra:
                attrs = self._merged(sorted(set(pids) | extra[tok.i]))
            if attrs is not None:
                set_token_attrs(tok, attrs)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


# the fields of _FIELDS, in its order, as Doc.to_array reads them
_ARRAY_FIELDS = [TAG, LOWER, DEP, IS_SPACE]


def _row(strings, key: tuple) -> tuple:
    """A token's (tag, lowercase form, dependency, is-space) from the ids ``Doc.to_array`` gives."""
    tag, lower, dep, space = key
    return (strings[tag], strings[lower], strings[dep], bool(space))


def _equal_values(condition) -> list[str] | None:
    """The values a condition accepts when it is an equality or an ``IN`` list, else None."""
    if isinstance(condition, str):
        return [condition]
    if isinstance(condition, dict) and set(condition) == {"IN"}:
        return list(condition["IN"])
    return None


def _compile(spec: dict) -> TokenTest:
    checks = []
    for key, condition in spec.items():
        if key not in _FIELDS:
            raise ValueError(f"attribute ruler pattern tests {key}, which the fast ruler does not read")
        checks.append((_FIELDS[key], _condition(condition)))

    def test(row: tuple) -> bool:
        return all(check(row[field]) for field, check in checks)

    return test


def _condition(condition) -> Callable[[object], bool]:
    if not isinstance(condition, dict):
        return lambda value: value == condition
    ((op, arg),) = condition.items()
    if op == "IN":
        allowed = set(arg)
        return lambda value: value in allowed
    if op == "NOT_IN":
        banned = set(arg)
        return lambda value: value not in banned
    if op == "REGEX":
        pattern = re.compile(arg)
        return lambda value: pattern.search(value) is not None
    raise ValueError(f"attribute ruler operator {op} is not supported by the fast ruler")


@Language.factory("quoth_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """(No ``from __future__ import annotations`` here: spaCy validates factory signatures from
    real annotations.) Built from the pipeline's own ``attribute_ruler``, which it then replaces."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


def use_fast_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's ``attribute_ruler`` for :class:`FastAttributeRuler`, in place."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    nlp.add_pipe("quoth_attribute_ruler", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
