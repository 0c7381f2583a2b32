"""quoth.nlp's per-Doc caches and joined parse: the same answers as spaCy's own, and no Doc kept
alive by them (invented text)."""

import gc
import weakref

from spacy.tokens import Doc

import quoth
import quoth.pipeline
from quoth.nlp import _pieces, chunks_by_lemma, doc_ents, doc_noun_chunks, doc_text, doc_tokens, ent_at, joined, load_nlp, parse, sentence

TEXT = (
    "Mayor Ellen Brody of Lakeview said on Monday that the new bridge would open in May.\n\n"
    '"We are ready," she told reporters. The council, which met twice, agreed.\n'
    "Critics in Fairhaven disagree. Tom Wexley, a local engineer, called the plan rushed."
)


def test_joined_parse_is_from_docs_attribute_for_attribute():
    nlp = load_nlp()
    pieces = _pieces(TEXT, [])
    assert len(pieces) > 1
    docs = list(nlp.pipe(pieces))
    for doc in docs:
        doc.tensor = doc.tensor[:0].copy()
    ours = joined(docs, pieces)
    theirs = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    assert ours.text == theirs.text == TEXT
    assert ours.to_bytes() == theirs.to_bytes()


def test_token_list_and_sentences_are_spacys():
    doc = parse(TEXT)
    assert doc_text(doc) == doc.text == TEXT
    assert [t.i for t in doc_tokens(doc)] == [t.i for t in doc]
    assert doc_tokens(doc) is doc_tokens(doc)  # made once
    for tok in doc:
        assert sentence(tok) == tok.sent


def test_entities_and_chunks_cached_per_doc():
    doc = parse(TEXT)
    assert doc_ents(doc) == doc.ents
    for ent in doc.ents:
        assert all(ent_at(doc, i) == ent for i in range(ent.start, ent.end))
    assert doc_noun_chunks(doc) == list(doc.noun_chunks)
    assert doc_noun_chunks(doc) is doc_noun_chunks(doc)
    chunks = chunks_by_lemma(doc, lambda t: t.text)
    assert chunks is chunks_by_lemma(doc, lambda t: t.text)
    assert sorted(c.start for group in chunks.values() for c in group) == sorted(c.start for c in doc.noun_chunks)


def test_extraction_keeps_no_doc_alive(monkeypatch):
    # the caches once lived in module-level WeakKeyDictionaries whose values (spans) held their
    # Doc: no parse was ever freed
    seen = []
    parse_article = quoth.pipeline.parse_article

    def parse_and_watch(text, layout=None, progress=None):
        doc = parse_article(text, layout, progress=progress)
        seen.append(weakref.ref(doc))
        return doc

    monkeypatch.setattr(quoth.pipeline, "parse_article", parse_and_watch)
    article = quoth.extract(TEXT)
    assert article.quotes and len(seen) == 1
    gc.collect()
    assert seen[0]() is None
