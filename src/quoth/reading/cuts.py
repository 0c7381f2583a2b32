"""Put back the article prose that trafilatura's precision mode cut from inside the body.

Precision mode prunes by markup and by link density, and now and then the pruned element is a
sentence, or words of one: a one-sentence paragraph whose words are mostly a link ("The discovery
was announced in an article published Monday in the journal Nature Astronomy."), a link wrapped
in ``<span class="link">`` in mid-sentence ("La Canfora has reported that [the NFL will fine
Rudolph] for his role in the fight" came out as "... reported that for his role in the fight").
A cut sentence is the worst kind of loss for quoth: it may be the one that names a quote's
speaker, and a sentence with words missing is a misquotation.

The balanced extraction of the same page keeps these. :func:`restore_cut_prose` aligns the two
paragraph lists and takes from the balanced one only what is unmistakably article prose cut from
inside what precision mode kept: a few whole sentences between two kept paragraphs, or a kept
paragraph's own fuller form. What precision mode cut at the edges of the body (a teaser list
before it, a footer after it) stays cut.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from quoth.reading.boilerplate import words_key

__all__ = ["restore_cut_prose"]

# a gap of more paragraphs than this is a widget (a related-stories box), not a cut sentence
MAX_RESTORED_PARAGRAPHS = 2
# a restored paragraph is a sentence: this many words at least, ending like one
MIN_PROSE_WORDS = 6
_PROSE_END = re.compile(r"[.!?…][\"'”’)]*$")
_PROSE_START = re.compile(r"[\"'“‘(]?[A-Z0-9]")


def restore_cut_prose(precise: list[str], balanced: list[str]) -> list[str]:
    """``precise`` with the prose precision mode cut from inside it, taken from ``balanced``.

    Example:
        >>> restore_cut_prose(["First kept paragraph here.", "Last kept paragraph here."],
        ...                   ["First kept paragraph here.", "The rule was announced in a report on Monday.",
        ...                    "Last kept paragraph here.", "Sign up for our newsletter today, it is free."])
        ['First kept paragraph here.', 'The rule was announced in a report on Monday.', 'Last kept paragraph here.']
    """
    if not precise or not balanced:
        return precise
    precise_keys = [words_key(p) for p in precise]
    balanced_keys = [words_key(p) for p in balanced]
    restored: list[str] = []
    matcher = SequenceMatcher(None, precise_keys, balanced_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "insert":
            gap = balanced[j1:j2]
            if 0 < i1 < len(precise) and len(gap) <= MAX_RESTORED_PARAGRAPHS and all(map(_is_prose, gap)):
                restored.extend(gap)
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2)):
                fuller = _cut_from_inside(precise_keys[i].split(), balanced_keys[j].split())
                restored.append(balanced[j] if fuller else precise[i])
        else:  # equal, delete, or a replace of different lengths (kept as precision mode has it)
            restored.extend(precise[i1:i2])
    return restored


def _is_prose(paragraph: str) -> bool:
    return (len(paragraph.split()) >= MIN_PROSE_WORDS and bool(_PROSE_START.match(paragraph))
            and bool(_PROSE_END.search(paragraph)))


def _cut_from_inside(short: list[str], full: list[str]) -> bool:
    """Whether ``short`` is ``full`` with words removed from inside (same first and last word)."""
    if len(short) >= len(full) or not short or short[0] != full[0] or short[-1] != full[-1]:
        return False
    position = 0
    for word in short:
        try:
            position = full.index(word, position) + 1
        except ValueError:
            return False
    return True
