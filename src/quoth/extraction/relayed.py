"""Words one party relays from another: 'Politico quoted Tim Manning as saying "..."', 'It cited
the Air Force as stating the airline owned the plane'.

A reader takes these as the quoted party's statement, with the relaying outlet only the channel:
the source is the object of 'quoted'/'cited', the cue the verb of saying after 'as', and the
relaying verb itself is no second statement (ANNOTATING.md: one item for the party quoted).
"""

from __future__ import annotations

from spacy.tokens import Token

from quoth.extraction.cues import is_cue
from quoth.extraction.sources import _np_span
from quoth.model import Span
from quoth.nlp import lemma

RELAYING_VERBS = {"quote", "cite"}


def relayed_speaker(tok: Token) -> Span | None:
    """For 'saying' in 'quoted X as saying ...': X's span; otherwise None."""
    relaying = _relaying_verb(tok)
    if relaying is None:
        return None
    quoted = next((c for c in relaying.children if c.dep_ == "dobj"), None)
    return _np_span(quoted) if quoted is not None else None


def relays(tok: Token) -> bool:
    """Whether ``tok`` is 'quoted'/'cited' passing on another party's words ('as saying ...')."""
    if lemma(tok) not in RELAYING_VERBS or not any(c.dep_ == "dobj" for c in tok.children):
        return False
    return any(
        (_relaying_verb(g) or g).i == tok.i
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for g in c.children
    )


def _relaying_verb(tok: Token) -> Token | None:
    """The 'quoted' of 'quoted X as saying', seen from 'saying'."""
    if tok.tag_ != "VBG" or tok.dep_ != "pcomp" or tok.head.lower_ != "as" or not is_cue(lemma(tok), "VERB", True):
        return None
    verb = tok.head.head
    if verb.pos_ != "VERB" or lemma(verb) not in RELAYING_VERBS:
        return None
    return verb
