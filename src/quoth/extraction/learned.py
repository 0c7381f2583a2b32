"""The learned attribution tagger (``quoth.attribution.learned.v1``): the ``accurate`` mode.

A MiniLM-L6 encoder (all-MiniLM-L6-v2, fine-tuned on PolNeAR train by
``training/train_tagger.py``) tags every word three times, once per role, with BIO tags:
CONTENT, SOURCE and CUE. The tagged spans are then linked into attributions (:func:`link`):

1. Words are the official scorer's word tokens (``\\w+(?:['’]\\w+)*``); punctuation is never tagged.
   The model sees the text with each newline written as ``¶`` (same length, so offsets stay), so it
   knows where paragraphs end. A model trained with parse features (the shipped one) also gets,
   on each word's first piece, embeddings of what spaCy's parse says of the word
   (:mod:`quoth.extraction.syntax`): the pipeline passes the parse it already made.
2. Long articles are read in overlapping windows of word pieces; each word takes its tags from the
   window in which it sits farthest from an edge.
3. Per role, a Viterbi pass picks well-formed BIO tags (an I only continues a span), helped by
   BIO transition scores counted on PolNeAR train; no span crosses a paragraph break.
4. Linking (:func:`link`): each cue takes the nearest content in its paragraph (or in the next
   paragraph after ``said:``), one content per cue, closest pairs first; a content the tagger
   broke in two is joined; a content on each side of the cue (``"A," she said, "B."``) gives one
   attribution of two pieces. Each cue takes the nearest source in its sentence, else its
   paragraph, outside its content. A colon or dash between a source and a content is their cue
   (``PENCE: ...``, ``"..." ― Carla Sanchez``). Cues without a source and contents without a
   cue are dropped: on dev they were rarely right.

:func:`hybrid` adds the rule-based extractor's quotations the tagger missed, and the rules'
attributions whose cue the tagger tagged but could not link.

Weights ship under ``quoth/data/models/`` (fp16 safetensors) and load lazily on first use; torch
and transformers are optional extras.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from quoth.errors import ModelUnavailable, QuothError
from quoth.extraction.offsets import SpanIndex
from quoth.model import Quote, Span

MODEL_NAME = "polnear-minilm-v1"
ROLES = ("content", "source", "cue")
TAGS = ("O", "B", "I")  # per role; label id = role * 3 + tag
WORD_RE = re.compile(r"\w+(?:['\u2019]\w+)*")  # the official scorer's word tokens
NEWLINE_MARK = "\u00b6"  # '¶': one character, so offsets are unchanged
WINDOW = 256  # word pieces per window, [CLS] and [SEP] included
STRIDE = 128  # inference: windows overlap by half
# Linking (chosen on PolNeAR dev with gold tags, then with the model's):
MAX_SPLIT_GAP = 12  # words between a content piece and the cue/source for a two-piece quote
TRANSITION_WEIGHT = 0.5  # chosen on dev with the stage-1 model (0: 0.593, 0.25: 0.650, 0.5: 0.652, 1: 0.547)
INSTALL_HINT = "the learned model needs torch and transformers: pip install 'torch==2.13.0' 'transformers==4.57.6'"


# --- words and windows (shared with training/train_tagger.py) ----------------------------------


def words_of(text: str) -> list[Span]:
    """The scorer's word tokens as character spans."""
    return [m.span() for m in WORD_RE.finditer(text)]


@dataclass
class Encoded:
    """A text as word pieces: ``ids`` without special tokens, ``word_of[i]`` the word a piece
    starts (or -1 for punctuation and continuation pieces)."""

    ids: list[int]
    word_of: list[int]
    words: list[Span]


def encode(text: str, tokenizer) -> Encoded:
    words = words_of(text)
    enc = tokenizer(text.replace("\n", NEWLINE_MARK), add_special_tokens=False,
                    return_offsets_mapping=True, return_attention_mask=False)
    word_of = []
    w = 0
    seen = -1
    for s, e in enc["offset_mapping"]:
        while w < len(words) and words[w][1] <= s:
            w += 1
        if w < len(words) and words[w][0] < e and s < words[w][1] and w != seen:
            word_of.append(w)
            seen = w
        else:
            word_of.append(-1)
    return Encoded(list(enc["input_ids"]), word_of, words)


def windows(n: int, size: int = WINDOW - 2, stride: int = STRIDE) -> list[tuple[int, int]]:
    """Piece ranges ``[a, b)`` covering ``0..n``: ``size`` long, each ``stride`` after the last."""
    if n <= size:
        return [(0, n)]
    out = []
    a = 0
    while True:
        out.append((a, min(a + size, n)))
        if a + size >= n:
            return out
        a += stride


def spans_to_tags(words: list[Span], spans: list[Span]) -> list[int]:
    """BIO tags over ``words`` for one role; the longest span wins where spans nest."""
    tags = [0] * len(words)
    starts = [s for s, _ in words]
    import bisect

    for s, e in sorted(spans, key=lambda p: p[0] - p[1]):
        i = bisect.bisect_left(starts, s)
        if i > 0 and words[i - 1][1] > s:
            i -= 1
        idx = [j for j in range(i, len(words)) if words[j][0] < e and s < words[j][1]]
        idx = [j for j in _take_while(idx, words, e) if tags[j] == 0]
        if not idx:
            continue
        tags[idx[0]] = 1
        for j in idx[1:]:
            tags[j] = 2
    return tags


def _take_while(idx, words, e):
    for j in idx:
        if words[j][0] >= e:
            break
        yield j


# --- decoding --------------------------------------------------------------------------------


def tags_to_spans(tags: list[int]) -> list[tuple[int, int]]:
    """Word ranges ``[i, j)`` from BIO tags; a stray I starts a span."""
    out = []
    start = None
    for i, t in enumerate(tags):
        if t == 1 or (t == 2 and start is None):
            if start is not None:
                out.append((start, i))
            start = i
        elif t == 0 and start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(tags)))
    return out


def _paragraph_ids(text: str, words: list[Span]) -> list[int]:
    out = []
    para = 0
    last = 0
    for s, _ in words:
        para += text.count("\n", last, s)
        last = s
        out.append(para)
    return out


_QUOTE_OPENS = re.compile(r"[.!?][\"”’']?\s+[\"“]\w")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+[\"“‘(]*[A-Z0-9]")


def _sentence_ids(text: str, words: list[Span]) -> list[int]:
    """A rough sentence number per word: a new one after a newline or after ``. `` + capital."""
    out = []
    sent = 0
    for i, (s, _) in enumerate(words):
        if i:
            between = text[words[i - 1][1] : s + 1]
            if "\n" in between or _SENTENCE_END.search(between):
                sent += 1
        out.append(sent)
    return out


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Words strictly between two word ranges (0 when adjacent, negative when they overlap)."""
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return -1


_COLON_LABEL = re.compile(r"[\"“”'’]?\s*(:)\s*[\"“'‘]?")
_DASH_SIGNATURE = re.compile(r"[\s\"“”'’.,!?]*(―|—|–|--)\s*")
_INTRODUCES = re.compile(r"[^\n]{0,3}:\s*\n[\s\"“'‘]*")


def _introduces(text: str, words: list[Span], cue: tuple[int, int], content: tuple[int, int]) -> bool:
    """'Caddell continued:' + a new paragraph: a cue ending its paragraph with a colon."""
    if content[0] < cue[1]:
        return False
    return bool(_INTRODUCES.fullmatch(text, words[content[0] - 1][1] if content[0] - 1 >= cue[1] - 1 else words[cue[1] - 1][1], words[content[0]][0])) and content[0] - cue[1] <= 4


def link(text: str, words: list[Span], tags: dict[str, list[int]]) -> list[Quote]:
    """Attributions from per-role BIO tags over ``words`` (the module docstring, step 4)."""
    para = _paragraph_ids(text, words)
    sent = _sentence_ids(text, words)
    # no span crosses a paragraph break (none does in PolNeAR), nor the start of a sentence
    # that opens a quotation (24 of 23,289 train contents do): an I there starts a new span
    breaks = {i for i in range(1, len(words)) if para[i] != para[i - 1]
              or _QUOTE_OPENS.search(text, words[i - 1][1], words[i][0] + 1)}
    tags = {r: [1 if t == 2 and i in breaks else t for i, t in enumerate(tags[r])] for r in ROLES}
    spans = {r: tags_to_spans(tags[r]) for r in ROLES}
    contents, sources, cues = spans["content"], spans["source"], spans["cue"]
    # 0. a cue that runs into a content's first or last word ("encourage/CUE+CONTENT Americans
    # to ..."): the word is the cue's, the rest the content
    # (only cues overlapping the content can trim it; they are looked up, not scanned: a long
    # document has thousands, and every step below reads only its paragraph's spans)
    cue_index = SpanIndex(cues)
    trimmed = []
    for k in contents:
        for c in [(s, e) for s, e, _ in cue_index.overlapping(k[0], k[1])]:
            if c[0] <= k[0] < c[1] < k[1]:
                k = (c[1], k[1])
            elif k[0] < c[0] < k[1] <= c[1]:
                k = (k[0], c[0])
        trimmed.append(k)
    contents = trimmed
    # 1. one content per cue, closest pairs first, within a paragraph
    contents_in = _by_paragraph(contents, para)
    content_starts = [k[0] for k in contents]
    pairs = []
    for ci, c in enumerate(cues):
        # contents starting or ending in the cue's paragraph, or starting up to 4 words after it
        near_cue = range(bisect_left(content_starts, c[1]), bisect_right(content_starts, c[1] + 4))
        for ki in sorted(set(contents_in.get(para[c[0]], ())) | set(near_cue)):
            k = contents[ki]
            if para[c[0]] != para[k[0]] and para[c[0]] != para[k[1] - 1] and not _introduces(text, words, c, k):
                continue
            g = _gap(c, k)
            if g < 0:
                continue  # a cue inside a content is another attribution's, nested
            near = min(range(k[0], k[1]), key=lambda i: abs(i - c[0]))
            pairs.append((sent[near] != sent[c[0]], g, ci, ki))
    pairs.sort()
    cue_content: dict[int, list[int]] = {}
    taken: set[int] = set()
    starting_in = _by_paragraph(contents, para, ends=False)  # (a content's start keeps its paragraph)
    for _, g, ci, ki in pairs:
        if ci in cue_content or ki in taken:
            continue
        cue_content[ci] = [ki]
        taken.add(ki)
    # 1b. a content the tagger broke in two with nothing between ('she expects the campaign
    # "to continue ..."'): an unclaimed content right after (or before) joins it
    for ci, ks in cue_content.items():
        k = contents[ks[0]]
        grown = True
        while grown:
            grown = False
            for ki in starting_in.get(para[k[0]], ()):
                other = contents[ki]
                if ki in taken or para[other[0]] != para[k[0]]:
                    continue
                if other[0] == k[1] or other[1] == k[0]:
                    if cues[ci][0] < max(k[1], other[1]) and min(k[0], other[0]) < cues[ci][1]:
                        continue  # the cue is between them: a split quote, step 3
                    k = (min(k[0], other[0]), max(k[1], other[1]))
                    taken.add(ki)
                    grown = True
        contents[ks[0]] = k
    # 2. the source of each cue: nearest in its paragraph, not inside its content
    cue_source: dict[int, int] = {}
    sources_in = _by_paragraph(sources, para, ends=False)
    for ci, c in enumerate(cues):
        best = None
        for si in sources_in.get(para[c[0]], ()):
            s = sources[si]
            if para[s[0]] != para[c[0]]:
                continue
            g = _gap(c, s)
            if g < 0:
                continue
            inside = any(contents[k][0] <= s[0] and s[1] <= contents[k][1] for k in cue_content.get(ci, []))
            key = (inside, sent[s[0]] != sent[c[0]], g, s[0] > c[0])
            if best is None or key < best[0]:
                best = (key, si)
        if best is not None and not best[0][0]:
            cue_source[ci] = best[1]
    # 3. a quote split by its cue: an unclaimed content on the other side of the cue and source
    for ci, ks in cue_content.items():
        c = cues[ci]
        block = (min(c[0], sources[cue_source[ci]][0]) if ci in cue_source else c[0],
                 max(c[1], sources[cue_source[ci]][1]) if ci in cue_source else c[1])
        k = contents[ks[0]]
        before = k[1] <= block[0]
        for ki in starting_in.get(para[c[0]], ()):
            other = contents[ki]
            if ki in taken or para[other[0]] != para[c[0]]:
                continue
            if before and other[0] >= block[1] and other[0] - block[1] <= MAX_SPLIT_GAP and block[0] - k[1] <= MAX_SPLIT_GAP:
                ks.append(ki)
                taken.add(ki)
                break
            if not before and other[1] <= block[0] and block[0] - other[1] <= MAX_SPLIT_GAP and k[0] - block[1] <= MAX_SPLIT_GAP:
                ks.insert(0, ki)
                taken.add(ki)
                break

    def char(r: tuple[int, int]) -> Span:
        return (words[r[0]][0], words[r[1] - 1][1])

    quotes = []
    for ci, ks in cue_content.items():
        src = cue_source.get(ci)
        if src is None:
            # 5. a cue without a source is dropped, and so is a content without a cue: on PolNeAR
            # dev 7 in 100 and 3 in 100 of them were attributions (gold without a source: 6%)
            continue
        quotes.append(Quote(content=[char(contents[k]) for k in sorted(ks, key=lambda k: contents[k][0])],
                            cue=char(cues[ci]), source=char(sources[src])))
    for ki, k in enumerate(contents):
        if ki in taken:
            continue
        # 4. 'PENCE: Well, ...', '"X." ― Carla Sanchez': a source and the content, joined by a
        # colon or a dash, which is then the cue (punctuation is never tagged, being no word)
        punct = None
        for si in sorted(set(sources_in.get(para[k[0]], ())) | set(sources_in.get(para[k[1] - 1], ()))):
            s = sources[si]
            if para[s[0]] != para[k[0]] and para[s[0]] != para[k[1] - 1]:
                continue
            if s[1] <= k[0]:
                m = _COLON_LABEL.fullmatch(text, words[s[1] - 1][1], words[k[0]][0])
            elif k[1] <= s[0]:
                m = _DASH_SIGNATURE.fullmatch(text, words[k[1] - 1][1], words[s[0]][0])
            else:
                m = None
            if m is not None:
                punct = (si, m.span(1))
                break
        if punct is not None:
            quotes.append(Quote(content=[char(k)], cue=punct[1], source=char(sources[punct[0]])))
    quotes.sort(key=lambda q: (q.start, q.cue or (0, 0)))
    return quotes


def _by_paragraph(spans: list[tuple[int, int]], para: list[int], ends: bool = True) -> dict[int, list[int]]:
    """Positions of the word spans by the paragraph of their first word (and, with ``ends``, of
    their last word too), in order."""
    out: dict[int, list[int]] = {}
    for n, (s, e) in enumerate(spans):
        out.setdefault(para[s], []).append(n)
        if ends and para[e - 1] != para[s]:
            out.setdefault(para[e - 1], []).append(n)
    return out


def finish(text: str, quotes: list[Quote]) -> list[Quote]:
    """Types and texts, as the rule-based extractor sets them."""
    from quoth.extraction.quotemarks import find_quotes

    pieces = SpanIndex(p for q in find_quotes(text) for p in q.pieces)
    for q in quotes:
        inside = [pieces.contains(a + 1, b - 1) for a, b in q.content]  # s <= a + 1, b - 1 <= e
        if all(inside):
            q.type = "direct"
        elif any(pieces.overlaps(a, b) for a, b in q.content):
            q.type = "mixed"
        else:
            q.type = "indirect"
        q.text = " … ".join(text[s:e] for s, e in q.content)
    return quotes


def _word_starts(text: str, pieces: list[Span]) -> set[int]:
    return {m.start() for s, e in pieces for m in WORD_RE.finditer(text, s, e)}


def merge(text: str, base: list[Quote], extra: list[Quote], min_overlap: float = 0.5) -> list[Quote]:
    """``base`` plus each ``extra`` attribution whose content is not already there.

    "Already there" is the scorer's quote match: word-token Jaccard of the contents at least
    ``min_overlap``. The hybrid mode is ``merge(text, rule_quotes, learned_quotes)``. Quotes are
    returned in text order; ``parent`` links are the caller's to recompute.
    """
    kept = [_word_starts(text, q.content) for q in base]
    having: dict[int, list[int]] = {}  # word start -> the kept contents holding it
    for n, k in enumerate(kept):
        for w in k:
            having.setdefault(w, []).append(n)
    out = list(base)
    for q in extra:
        words = _word_starts(text, q.content)
        # only a kept content sharing a word can match (min_overlap > 0): those are looked up
        sharing = {n for w in words for n in having.get(w, ())} if min_overlap > 0 else range(len(kept))
        if any(len(words & kept[n]) >= min_overlap * max(1, len(words | kept[n])) for n in sharing):
            continue
        out.append(q)
        kept.append(words)
        for w in words:
            having.setdefault(w, []).append(len(kept) - 1)
    out.sort(key=lambda q: (q.start, q.cue or (0, 0)))
    return out


def hybrid(text: str, learned: list[Quote], rules: list[Quote], tagged_cues: list[Span] = ()) -> list[Quote]:
    """The learned attributions plus the rules' attributions they missed that can be trusted.

    Two kinds of rule attribution are trusted: direct and mixed quotes (the rules find quotations
    by their marks and are reliable there), and any attribution whose cue the tagger also tagged
    as a cue (``tagged_cues``, character spans) but could not link, mostly because it tagged no
    content there: the parse gives the cue's content. A rule attribution whose cue is already a
    learned attribution's cue is that attribution, with other bounds: it is not added twice.

    On dev with the shipped model (attribution F1, direct-quote recall): learned only 0.712,
    0.941; plus every trusted rule attribution 0.702, 0.976; without those whose cue is taken,
    0.710, 0.953. Adding every rule attribution lowered F1 (0.673 with the session-2 model).

    Where the rules read the same cue as splitting its quote (:func:`split_by_cue`), the learned
    content gets the piece before the cue it left out.
    """
    by_cue: dict[Span, list[Quote]] = {}
    for rule in rules:
        by_cue.setdefault(rule.cue, []).append(rule)
    learned = [split_by_cue(q, rules, by_cue) for q in learned]
    taken = SpanIndex(q.cue for q in learned if q.cue is not None)
    tagged = SpanIndex(tagged_cues)

    def trusted(q: Quote) -> bool:
        if q.cue is None or q.source is None or taken.overlaps(*q.cue):
            return False
        return q.type in ("direct", "mixed") or tagged.overlaps(*q.cue)

    return merge(text, learned, [q for q in rules if trusted(q)])


SPLIT_START_SLACK = 2  # characters: a quotation mark the tagger left out of the piece after the cue


def split_by_cue(quote: Quote, rules: list[Quote], by_cue: dict | None = None) -> Quote:
    """``"A," she said. "B."`` or ``The museum, Mr. Obama said, would ...``: the tagger often tags
    only the part after the cue. When the rules read the same cue as splitting its content, with
    a piece starting where the learned content starts, the rules' pieces before the cue and
    source are added to it. On PolNeAR dev this changed 21 attributions: content exact-span F1
    0.595 -> 0.600, attribution F1 0.711 -> 0.713."""
    if quote.cue is None or quote.source is None or len(quote.content) != 1:
        return quote
    block = (min(quote.cue[0], quote.source[0]), max(quote.cue[1], quote.source[1]))
    start = quote.content[0][0]
    if start < block[1]:
        return quote
    # (``by_cue``: the rules grouped by cue, in order, when the caller splits many quotes)
    for rule in by_cue.get(quote.cue, []) if by_cue is not None else rules:
        if rule.cue != quote.cue:
            continue
        before = [p for p in rule.content if p[1] <= block[0]]
        after = [p for p in rule.content if p[0] >= block[1]]
        if before and after and abs(after[0][0] - start) <= SPLIT_START_SLACK:
            return replace(quote, content=before + quote.content)
    return quote


def role_spans(words: list[Span], tags: list[int]) -> list[Span]:
    """The character spans of one role's BIO tags over ``words``."""
    return [(words[a][0], words[b - 1][1]) for a, b in tags_to_spans(tags)]


# --- inference -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=2)
def load_model(path: str | None = None):
    """The tagger and its tokenizer (cached): the shipped one, or the one saved at ``path``.

    Raises:
        QuothError: torch or transformers is missing, or there are no weights.
    """
    try:
        import torch  # noqa: F401
        from transformers import AutoConfig, AutoModelForTokenClassification, AutoTokenizer
    except ImportError as exc:  # optional extra (STYLE.md §5)
        raise ModelUnavailable(f"--model accurate: {exc}; {INSTALL_HINT}") from exc
    from safetensors.torch import load_file

    root = resources.files("quoth") / "data" / "models" / MODEL_NAME if path is None else Path(path)
    weights = root / "model.safetensors"
    if not weights.is_file():
        raise ModelUnavailable(f"{weights}: the learned model's weights are missing; rebuild them with "
                         "python training/train_tagger.py")
    with resources.as_file(root) as path:
        tokenizer = AutoTokenizer.from_pretrained(str(path))
        config = AutoConfig.from_pretrained(str(path))
        model = AutoModelForTokenClassification.from_config(config)
        state = {k: v.float() for k, v in load_file(str(path / "model.safetensors")).items()}
    vocab = getattr(config, "quoth_feature_vocab", None)
    if vocab:
        attach_features(model, vocab)
    model.load_state_dict(state)
    model.eval()
    return model, tokenizer


def attach_features(model, vocab: dict[str, list[str]]) -> None:
    """Give ``model`` one embedding table per parse feature (:mod:`quoth.extraction.syntax`),
    added to the word-piece embeddings; new tables start at zero, so the model starts out
    reading exactly as it did without them."""
    import torch

    from quoth.extraction.syntax import sizes

    model.config.quoth_feature_vocab = vocab
    tables = [torch.nn.Embedding(n, model.config.hidden_size) for n in sizes(vocab)]
    for t in tables:
        torch.nn.init.zeros_(t.weight)
    model.quoth_features = torch.nn.ModuleList(tables)


def feature_vocab(model) -> dict[str, list[str]] | None:
    """The parse-feature vocabularies a model was trained with, or None for a words-only model."""
    return getattr(model.config, "quoth_feature_vocab", None) if hasattr(model, "quoth_features") else None


def forward(model, ids, mask, feats=None):
    """The tagger's logits for a batch of windows; ``feats`` (batch, width, features) holds the
    parse-feature ids of each piece when the model reads them."""
    if feats is None or not hasattr(model, "quoth_features"):
        return model(input_ids=ids, attention_mask=mask).logits
    emb = model.bert.embeddings.word_embeddings(ids)
    for i, table in enumerate(model.quoth_features):
        emb = emb + table(feats[..., i])
    return model(inputs_embeds=emb, attention_mask=mask).logits


def piece_features(enc: Encoded, word_feats: list[list[int]], n_features: int) -> list[list[int]]:
    """Per word piece, the features of the word it starts (zeros for other pieces)."""
    none = [0] * n_features
    return [word_feats[w] if w >= 0 else none for w in enc.word_of]


@functools.lru_cache(maxsize=2)
def load_transitions(path: str | None = None) -> dict | None:
    """The BIO transition log-probabilities shipped beside the weights (``transitions.json``)."""
    import json

    root = resources.files("quoth") / "data" / "models" / MODEL_NAME if path is None else Path(path)
    f = root / "transitions.json"
    return json.loads(f.read_text()) if f.is_file() else None


def predict_tags(text: str, model=None, tokenizer=None, transitions=None, doc=None) -> tuple[list[Span], dict[str, list[int]]]:
    """The model's BIO tags per role over the text's words (Viterbi over :func:`predict_scores`)."""
    if model is None:
        model, tokenizer = load_model()
        transitions = load_transitions()
    words, scores = predict_scores(text, model, tokenizer, doc=doc)
    return words, {role: viterbi(scores[role], (transitions or {}).get(role)) for role in ROLES}


def predict_scores(text: str, model, tokenizer, batch_size: int = 16, doc=None) -> tuple[list[Span], dict[str, list[list[float]]]]:
    """Per role, each word's log-probabilities of ``O, B, I``.

    A model that reads parse features gets them from ``doc`` (spaCy's parse of ``text``, as
    :func:`quoth.pipeline.parse_article` makes it; parsed here when not given).
    """
    import torch

    from quoth.extraction.syntax import FEATURES, word_features

    enc = encode(text, tokenizer)
    n_words = len(enc.words)
    if not n_words:
        return enc.words, {r: [] for r in ROLES}
    vocab = feature_vocab(model)
    feats = None
    if vocab:
        if doc is None:
            from quoth.pipeline import parse_article

            doc = parse_article(text)
        feats = piece_features(enc, word_features(doc, enc.words, vocab), len(FEATURES))
    best = [-1] * n_words  # distance from the window's edge of the prediction kept
    scores: list = [None] * n_words
    spans = windows(len(enc.ids))
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    for b in range(0, len(spans), batch_size):
        chunk = spans[b : b + batch_size]
        width = max(e - s for s, e in chunk) + 2
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        window_feats = torch.zeros((len(chunk), width, len(FEATURES)), dtype=torch.long) if feats else None
        for r, (s, e) in enumerate(chunk):
            row = [cls, *enc.ids[s:e], sep]
            ids[r, : len(row)] = torch.tensor(row)
            mask[r, : len(row)] = 1
            if feats:
                window_feats[r, 1 : e - s + 1] = torch.tensor(feats[s:e])
        with torch.inference_mode():
            logits = forward(model, ids, mask, window_feats)
        logp = torch.log_softmax(logits.view(len(chunk), width, len(ROLES), len(TAGS)).float(), -1).tolist()
        for r, (s, e) in enumerate(chunk):
            for p in range(s, e):
                w = enc.word_of[p]
                if w < 0:
                    continue
                edge = min(p - s, e - 1 - p)
                if edge > best[w]:
                    best[w] = edge
                    scores[w] = logp[r][p - s + 1]
    untagged = [[0.0, float("-inf"), float("-inf")]] * len(ROLES)  # a word no piece starts
    return enc.words, {role: [(sc or untagged)[ri] for sc in scores] for ri, role in enumerate(ROLES)}


def viterbi(scores: list[list[float]], transitions: list[list[float | None]] | None = None,
            weight: float = TRANSITION_WEIGHT) -> list[int]:
    """The best BIO sequence for per-word log-probabilities ``[O, B, I]``.

    An I only continues a span (never after O, nor first), so spans are well formed. With
    ``transitions`` (``log P(tag | previous) - log P(tag)``, rows and columns ``O, B, I``, row O
    also for the start, as ``training/train_tagger.py`` counts them on PolNeAR train),
    ``weight`` times them is added: a B right after a B, which the tagger emits at uncertain
    content starts ("In" B, "an" B), becomes as rare as in the gold.
    """
    if not scores:
        return []
    neg = float("-inf")

    def trans(a: int, b: int) -> float:
        if b == 2 and a == 0:
            return neg
        if transitions is None:
            return 0.0
        t = transitions[a][b]
        return neg if t is None else weight * t

    prev = [scores[0][0] + trans(0, 0), scores[0][1] + trans(0, 1), neg]
    back = []
    for sc in scores[1:]:
        ptr, cur = [], []
        for b in range(3):
            a = max(range(3), key=lambda a: prev[a] + trans(a, b))
            ptr.append(a)
            cur.append(prev[a] + trans(a, b) + sc[b])
        back.append(ptr)
        prev = cur
    t = max(range(3), key=lambda k: prev[k])
    out = [t]
    for ptr in reversed(back):
        t = ptr[t]
        out.append(t)
    return out[::-1]


def learned_attributions(text: str, doc=None) -> list[Quote]:
    """Every attribution the learned tagger finds in ``text`` (offsets into ``text``).

    Raises:
        QuothError: torch or transformers is not installed, or the weights are missing.

    Example:
        >>> qs = learned_attributions('"We will win," Jane Doe said on Tuesday.')  # doctest: +SKIP
        >>> [(q.content, q.cue, q.source) for q in qs]  # doctest: +SKIP
        [([(1, 12)], (24, 28), (15, 23))]
    """
    words, tags = predict_tags(text, doc=doc)
    return finish(text, link(text, words, tags))
