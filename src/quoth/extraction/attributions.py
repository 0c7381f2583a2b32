"""Attributions from a parsed article: cue, source and content spans, direct/indirect/mixed.

The rules follow how a reader finds "who said what" (and how PolNeAR annotates it):

1. **Cues** are words the learnt lexicon (:mod:`quoth.extraction.cues`) says introduce
   attributions, plus "according to", "in X's words" and "reportedly", in a frame that reports
   (:mod:`quoth.extraction.frames`: "agreed to", "is said to", "never expected" report nothing).
2. **Source** is the cue's grammatical subject (:mod:`quoth.extraction.sources`).
3. **Content** is the cue's clausal complement ("said *that X*"), or the quotation next to the cue
   (``"X," he said.``), or, for verbs that take an object ("cited *the report*"), the object.
4. **Quotation marks** decide the type: content that is one quotation is direct, content holding a
   quotation is mixed, the rest indirect.
5. **Quotations no cue claimed** are left to :mod:`quoth.extraction.quotations`: more pieces of a
   quote (``"A," she said. "B."``), colon introductions, labels, signatures, continuations.
6. **Nesting**: an attribution whose cue lies inside another's content gets ``parent``.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from quoth.extraction.cues import cue_candidates, cue_score, is_cue
from quoth.extraction.frames import NEEDS_CLAUSE, OBJECT_STATEMENTS, QUOTING_VERBS, WEAK_QUOTING_VERBS, is_infinitive, opens_as_gerund, reports, says_something
from quoth.extraction.quotations import (
    _add_following_pieces,
    _colon_introductions,
    _colon_labels,
    _continuations,
    _dash_attributions,
    _headline_quotations,
    _cut_at_signatures,
    _sentence_continuations,
    _signatures,
    _mistagged_introductions,
    _unclaimed_quotations,
)
from quoth.extraction.boundaries import (
    a_lone_word,
    clause_after_a_time,
    clause_told_misread_as_relative,
    close_open_quotations,
    cut_at_narrators_turn,
    end_before,
    predicate_taken_by_host,
    quotation_after_saying,
    relative_word_before_source,
    reported_clauses,
    sign_off_relayed_quotations,
    subject_before_parenthesis,
    subject_before_quotation,
)
from quoth.extraction.clauses import (
    inverted_parenthetical,
    joined_clauses,
    quotation_opens_clause,
    sentence_of_its_own,
)
from quoth.extraction.headlines import headline_statements
from quoth.extraction.nonstatements import (
    asker, narrates_after_quotation, object_introduces_quotation, titles_a_noun, widen_over_title,
)
from quoth.extraction.offsets import SpanIndex, any_between, quote_index
from quoth.extraction.quotemarks import QuotedSpan, find_quotes
from quoth.extraction.phrases import _according_to, _in_words, _made_clear, _reportedly
from quoth.extraction.relayed import relayed_speaker, relays
from quoth.extraction.sources import (
    CLAUSES,
    SUBJECTS,
    _cue_tokens,
    _inverted_subject,
    _name_before,
    _np_span,
    _source_of,
    _whole_name,
)
from quoth.extraction.spans import (
    _WORD,
    _contiguous_after,
    _in_quotation,
    _inside,
    _is_quotation,
    _overlaps,
    _runs,
    _tokens_span,
    _word_total,
    _trim,
)
from quoth.model import Quote, Span
from quoth.nlp import doc_text, doc_tokens, lemma, sentence

OBJECTS = {"dobj", "xcomp", "attr", "oprd"}
ADDRESSEE_DEPS = {"dative", "dobj"}
# Verbs whose object is the one addressed ("told reporters"), not what was said.
TELLING_VERBS = {"tell", "assure", "inform", "warn", "remind", "ask"}
# Prepositions that belong to the cue when they carry its content ("called for X", "railed against X").
CUE_PREPOSITIONS = {"for", "against", "about", "on", "of"}
CHANNEL_NOUNS = {
    "interview", "statement", "tweet", "tweets", "post", "op-ed", "letter", "speech", "briefing",
    "conference", "meeting", "rally", "debate", "email", "memo", "video", "broadcast", "show",
    "appearance", "remarks", "address", "session", "hearing", "forum", "summit", "podcast",
    "call",
}
CHANNEL_VERBS = {"tweet": "Twitter", "post": None, "write": None, "blog": None}
ADDRESSEE_NOUNS = {"reporters", "journalists", "media", "press", "audience", "crowd", "supporters",
                   "question", "lawmakers", "congress", "parliament", "viewers", "readers"}
# After a cue's object, these belong to the content: "called X “crazy”", "urged X to Y".
OBJECT_COMPLEMENTS = {"oprd", "xcomp", "acomp"}
OBJECT_PREPOSITIONS = {"as", "of", "for", "about", "over", "against", "with", "on", "including"}
def _introduces(tok: Token, quoted: list[QuotedSpan]) -> bool:
    """A quotation the verb signs, or right after it and a colon ('He went on: "..."')."""
    text = doc_text(tok.doc)
    end = tok.idx + len(tok.text)
    signed = _adjacent_quote(tok, quoted, None)
    if signed is not None and signed.end <= tok.idx:
        return True  # '"... the rest." he continued': the quotation the verb signs
    n = quote_index(quoted).first_from(end)  # the first quotation after the verb
    if n is not None:
        q = quoted[n]
        gap = text[end : q.start].rstrip()
        marks = (":",) if lemma(tok) in WEAK_QUOTING_VERBS else (":", ",")
        return len(gap) <= 30 and gap.endswith(marks) and "\n" not in gap
    return False


SOURCELESS_CUES = {"report", "expect", "believe", "think", "consider", "know", "say", "tell", "ask", "allege"}


def find_attributions(doc: Doc, zones: list[Span], headline: Span | None = None) -> list[Quote]:
    """Every attribution whose cue (or, for continuations, whose content) lies in ``zones``."""
    text = doc_text(doc)
    quoted = find_quotes(text, zones, single=headline)
    zone_index = SpanIndex(zones)
    quotes: list[Quote] = []
    toks, candidates = doc_tokens(doc), cue_candidates(doc)  # (no other token opens one)
    for sent in doc.sents:
        if not zone_index.overlaps(sent.start_char, sent.end_char):
            continue
        for i in candidates[bisect_left(candidates, sent.start) : bisect_left(candidates, sent.end)]:
            quote = _attribution_at(toks[i], quoted)
            if quote is not None:
                quotes.append(quote)
    quotes.extend(_colon_introductions(doc, quotes, quoted))
    _cut_at_signatures(doc, quotes, quoted)
    quotes = [q for q in (_clip(q, zones, zone_index) for q in _dedupe(quotes)) if q is not None]
    _cut_at_sibling_cues(doc, quotes, quoted)
    _cut_at_asides(doc, quotes, quoted)
    cut_at_narrators_turn(doc, quotes, quoted)
    predicate_taken_by_host(doc, quotes, quoted)
    quotes = sign_off_relayed_quotations(doc, quotes, quoted)
    _add_following_pieces(doc, quotes, quoted)
    quotes.extend(_dash_attributions(doc, quotes, quoted))
    quotes.extend(_signatures(doc, quotes, quoted))
    quotes.extend(_colon_labels(doc, quotes, quoted, headline))
    quotes.extend(_headline_quotations(doc, quotes, quoted, headline))
    quotes.extend(headline_statements(doc, quotes, headline))
    quotes.extend(_mistagged_introductions(doc, quotes, quoted))
    quotes.extend(_unclaimed_quotations(doc, quotes, quoted))
    quotes.extend(_continuations(doc, quotes, quoted, zones))
    quotes.extend(_sentence_continuations(doc, quotes, quoted))
    quotes = [q for q in quotes if not _names_a_title(doc, q, quoted, headline) and not _mentions_a_term(doc, q, quoted)
              and not a_lone_word(doc, q, quoted)]
    subject_before_quotation(doc, quotes, quoted)
    close_open_quotations(text, quotes)
    return finalize(text, quotes, quoted)


# Small words a title leaves in lower case: 'Eva Glawischnig-Piesczek vs. Facebook Ireland Limited'.
_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "for", "in", "on", "at", "to", "vs.", "vs", "v.", "by", "with"}
# Verbs whose quotation is words said even when written in title case.
_SAYING_VERBS = {"say", "tell", "write", "tweet", "add", "post", "declare", "announce", "state", "chant", "shout",
                 "read", "cheer", "repeat", "ask", "reply", "sing", "yell"}


def _names_a_title(doc: Doc, quote: Quote, quoted: list[QuotedSpan], headline: Span | None) -> bool:
    """'attendees could catch "Kimono Obi Tying"', 'the court ruled "Eva Glawischnig-Piesczek vs.
    Facebook Ireland Limited"', 'which mentioned "International Women's Day Celebration"': a
    quotation in title case beside a verb that is not saying names an event, a case or a work."""
    text = doc_text(doc)
    if quote.cue is None or len(quote.content) != 1 or not _is_quotation(text, quote.content[0], quoted):
        return False
    if headline is not None and headline[0] <= quote.content[0][0] < headline[1]:
        return False  # headlines are in title case whatever they quote
    cue = doc.char_span(*quote.cue, alignment_mode="expand")
    if cue is None or any(lemma(t) in _SAYING_VERBS for t in cue):
        return False
    said = text[slice(*quote.content[0])].strip("\"“”‘’' ")
    if said.endswith(("?", "!")):
        return False  # '"Mr. D’Souza?"', '"Grizzly Adams?" Maddow repeated': spoken, whatever the case
    words = [w for w in said.strip(".,").split() if any(ch.isalpha() for ch in w)]
    return len(words) >= 2 and all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)


# Nouns that announce a quotation as a word or name mentioned: 'which used the terms "X"'.
_TERM_NOUNS = {"word", "term", "phrase", "name", "slogan", "hashtag", "label", "nickname", "motto", "title",
               "expression", "acronym", "abbreviation"}
# Verbs that give something its name: 'named the virus that causes it "X"'.
_NAMING_VERBS = {"name", "rename", "christen"}
_PERSONAL_PRONOUNS = {"i", "we", "you", "he", "she", "they"}
MAX_TERM_WORDS = 8


def _mentions_a_term(doc: Doc, quote: Quote, quoted: list[QuotedSpan]) -> bool:
    """'the bills, which used the terms "same-sex family relationship"', 'the Swahili phrase ...
    "together save lives," began', 'named the virus that causes it "severe acute respiratory
    syndrome coronavirus 2"', 'they are called "U.S. nationals"': a short quotation that a naming
    verb, a passive 'called' or 'known as', or (with no person for a source) a word for a word
    introduces is a name or a term the writer mentions; nobody is quoted saying it. A person
    who 'used the words "I'm not there yet"' or 'posted two words - "So terrible"' said them,
    and a quote that is more than the quotation ('called the report "fake news"') is kept."""
    text = doc_text(doc)
    if not quote.content or not all(_is_quotation(text, p, quoted) for p in quote.content):
        return False
    if _word_total(text, quote.content) > MAX_TERM_WORDS:
        return False
    start = quote.content[0][0]
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return False
    said_by_someone = quote.source is not None and _is_person_like(doc, quote.source)
    for t in reversed(doc[max(first.sent.start, first.start - 7) : first.start]):
        if t.text in (".", ";", ":", "!", "?", "“", "”", '"', "''", "``") and t.i < first.start - 1:
            break
        word = lemma(t)
        if t.pos_ == "NOUN" and word in _TERM_NOUNS and not said_by_someone:
            return True
        if t.pos_ == "VERB" and word in _NAMING_VERBS:
            return True
        if t.pos_ == "VERB" and word in ("call", "know") and (
            any(c.dep_ == "auxpass" for c in t.children) or doc[t.i + 1 : t.i + 2].text == "as"
        ):
            return True  # 'are called "X"', 'known as "X"'
    return False


def _is_person_like(doc: Doc, span: Span) -> bool:
    """A source that names someone or is a personal pronoun ('Trump', 'she'), not 'which' or 'the bill'."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return False
    head = tokens.root
    return head.pos_ == "PROPN" or head.lower_ in _PERSONAL_PRONOUNS or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def finalize(text: str, quotes: list[Quote], quoted: list[QuotedSpan]) -> list[Quote]:
    """Text order, ``parent`` links, ``type`` and ``text``: the last step of every mode."""
    quotes.sort(key=lambda q: (q.start, q.cue or (0, 0)))
    _link_parents(quotes)
    for q in quotes:
        q.type = _quote_type(text, q.content, quoted)
        q.text = " … ".join(text[s:e] for s, e in q.content)
    return quotes


# --- cues -------------------------------------------------------------------------------------


def _attribution_at(tok: Token, quoted: list[QuotedSpan]) -> Quote | None:
    if tok.lower_ == "according":
        return _according_to(tok)
    if tok.lower_ == "reportedly" and tok.pos_ == "ADV" and not _in_quotation((tok.idx, tok.idx + 10), quoted):
        # "Reportedly, two people were killed": reported by someone the text does not name
        return _reportedly(tok)
    pos = tok.pos_
    if pos not in ("VERB", "NOUN"):
        return None
    if tok.dep_ in ("amod", "compound", "csubj", "csubjpass"):
        return None  # 'reported incidents'; 'denying them citizenship violated the law': a subject
    if pos == "NOUN" and tok.lower_ == "words" and tok.head.lower_ == "in":
        return _in_words(tok)
    if pos == "VERB" and lemma(tok) == "make" and any(c.lower_ == "clear" for c in tok.children):
        return _made_clear(tok, quoted)
    if not _may_be_cue(tok, quoted):
        return None  # (most verbs and nouns: the test below fails whatever clause they govern)
    clause = [c for c in tok.children if c.dep_ in CLAUSES and not _before_a_colon(c, tok)]
    if len(clause) > 1 and clause[0].i < tok.i < clause[-1].i and (
            _adverbial_opening(clause[0]) or sentence_of_its_own(clause[0], tok)):
        clause = clause[1:]  # 'While X, Early says there is Y', 'X; however, its website notes Y'
    clause = clause or _complement_misread_as_relative(tok) or clause_told_misread_as_relative(tok)
    if (
        not is_cue(lemma(tok), tok.pos_, bool(clause))
        and not _signs_quotation(tok, quoted)
        and not (tok.pos_ == "VERB" and lemma(tok) in QUOTING_VERBS and _introduces(tok, quoted))
    ):
        return None
    if tok.pos_ == "NOUN":
        return _noun_cue(tok, clause)
    cue_quoted = _in_quotation((tok.idx, tok.idx + len(tok.text)), quoted)
    if cue_quoted and (not clause or not any(c.dep_ in SUBJECTS for c in tok.children)):
        # inside a quotation speech is loose ("they are striving to explain", "they must admit
        # it"): only a cue with its own subject and a clause ("we believe that ...") is nested
        return None
    source = _source_of(tok, [] if cue_quoted else quoted)
    if source is None and not cue_quoted and _signs_quotation(tok, quoted):
        source = _inverted_subject(tok)  # '"...," exhorted Clinton's introducer'
    if source is not None and not cue_quoted and _in_quotation(source, quoted):
        # a subject inside the quotation is a parse error ('"... mode," said X'): take X
        source = _inverted_subject(tok)
    if source is not None:
        source = _whole_name(doc_text(tok.doc), source, quoted)
        named = _name_before(tok)
        if named is not None and named[0] > source[1] and doc_text(tok.doc)[source[1] : named[0]].strip() == ",":
            source = (source[0], named[1])  # 'A member of parliament, Samir Dilou said': the name too
    if relays(tok):
        return None  # 'quoted X as saying ...': X's statement, found at 'saying'
    source = relayed_speaker(tok) or source
    asked, agent = asker(tok)
    if asked:
        source = agent  # 'when asked to condemn them (by X)': X's request, not the subject's words
    own_source = source if any(c.dep_ in SUBJECTS for c in tok.children) or (
        source is not None and 0 <= tok.idx - source[1] <= 1  # (a name right before the verb)
    ) else None
    cue_tokens = _cue_tokens(tok)
    content: list[Span] = []
    adjacent = _adjacent_quote(tok, quoted, own_source)
    if adjacent is None:
        gerund = _gerund_before_quotation(tok, quoted)
        if gerund is not None:
            adjacent, _ = gerund
            cue_tokens.append(gerund[1])
    signed = adjacent is not None and (_signs_quotation(tok, quoted) or _after_colon(tok, adjacent))
    if tok.pos_ == "VERB" and not reports(tok, adjacent is not None, signed):
        return None
    if clause and all(c.i < tok.i for c in clause) and _opens_that_clause(tok):
        if lemma(tok) in NEEDS_CLAUSE:
            return None  # 'that we will seek to reach ...': no clause of its own, no report
        clause = []
    if clause and all(c.i < tok.i for c in clause) and _has_own_object(tok):
        clause = []  # 'Coles ordered more, Woolworths ordered extra stock': no 'X, he said'
    clause_spans = [_tokens_span(list(c.subtree)) for c in clause]
    clause_span = joined_clauses(doc_text(tok.doc), clause_spans) if clause_spans else None
    clause_span = subject_before_parenthesis(tok, clause_span) if clause_span else None
    parenthetical = _parenthetical(tok, cue_tokens) or inverted_parenthetical(tok)
    if adjacent is not None and clause_span is not None and quotation_opens_clause(tok.doc, clause_span, adjacent):
        content = [(adjacent.start, clause_span[1])]  # 'said "three terrorists" were killed'
    elif adjacent is not None and (not clause_spans or any(_overlaps(c, adjacent.pieces) for c in clause_spans)):
        content = list(adjacent.pieces)
    elif parenthetical is not None:
        source, content = parenthetical
    elif clause_span is not None:
        content = widen_over_title(tok.doc, tok.idx + len(tok.text), [clause_span], quoted)
    else:
        content = _host_clause(tok, source)
        if not content:
            content, prep = _object_content(tok)
            if prep is not None:
                cue_tokens.append(prep)
            if content and object_introduces_quotation(tok, content[-1][1], quoted):
                return None  # 'cited his experience: "..."': the quotation is what was said
            if lemma(tok) in _STANCES and not any(_overlaps(q, content) for qs in quoted for q in qs.pieces):
                return None  # 'opposed ending the War on Drugs': a position, not words said
    content = [p for p in (_trim(tok.doc, s, e) for s, e in content) if p is not None]
    content = quotation_after_saying(tok.doc, content, quoted) or content
    if not content:
        return None
    if len(content) == 1 and _only_someone_saying(tok.doc, content[0]):
        return None  # 'He said, she said' (a heading): neither says anything
    if cue_quoted and not _within_its_quotation(tok, content, quoted):
        return None  # a report nested in quoted words says something inside them
    if adjacent is None and not says_something(tok, content, quoted):
        return None
    cue = _tokens_span(cue_tokens)
    content = relative_word_before_source(tok, content, source)
    if source is not None and _overlaps(source, content):
        source = None
    if source is None and adjacent is None and (lemma(tok) not in SOURCELESS_CUES or is_infinitive(tok) or opens_as_gerund(tok)):
        # without a quotation or a source, a cue word is most often not reporting anyone ("it
        # would be naive to expect that ...": nobody expects it)
        return None
    return Quote(
        content=content,
        cue=cue,
        source=source,
        addressee=_addressee(tok),
        channel=_channel(tok),
    )


def _may_be_cue(tok: Token, quoted: list[QuotedSpan]) -> bool:
    """The test :func:`_attribution_at` makes of a verb or noun, before it looks for the clause
    the word governs: a word that is no cue even with a clause (the lexicon's looser threshold,
    which every cue without one also clears) passes only by signing or introducing a quotation.
    Finding the clause walks the word's children and theirs; this spares it for the ten thousand
    verbs and nouns of the PolNeAR dev articles that are no cue, a seventh of the rules' time."""
    word = lemma(tok)
    return (
        is_cue(word, tok.pos_, True)
        or _signs_quotation(tok, quoted)
        or (tok.pos_ == "VERB" and word in QUOTING_VERBS and _introduces(tok, quoted))
    )


def _complement_misread_as_relative(tok: Token) -> list[Token]:
    """'said at a briefing that Britain was involved': the parser hangs the that-clause on the
    channel noun before it as a relative clause. After a verb of saying and the occasion it was
    said on, a 'that' followed by a clause with its own subject opens what was said."""
    if tok.pos_ != "VERB" or any(c.dep_ == "ccomp" or c.dep_ == "dobj" and not _told(tok, c)
                                 for c in tok.children):
        return []  # 'repeated the claims in a speech that she gave': the verb has what it said
    # ... and 'tells the paper that he fought with the man': the one told, after a verb of telling
    told = [c for c in tok.children if c.dep_ == "dobj" and _told(tok, c)]
    channels = [pobj for prep in tok.children if prep.dep_ == "prep" and prep.i > tok.i
                for pobj in prep.children if pobj.dep_ == "pobj" and pobj.lower_ in CHANNEL_NOUNS]
    for noun in told + channels:
        for rel in noun.children:
            first = rel.doc[rel.left_edge.i]
            if (
                rel.dep_ == "relcl"
                and first.lower_ == "that"
                and first.i == 1 + max(t.i for t in noun.subtree if not rel.left_edge.i <= t.i <= rel.right_edge.i)
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i for c in rel.children)
            ):
                return [rel]
    return []


def _before_a_colon(clause: Token, cue: Token) -> bool:
    """'Giuliani received news: Fox News reported sources confirmed a probe': a clause the colon
    closes before the cue is the writer's lead-in, not what the cue reports. Nor is one that runs
    into the cue's subject with no punctuation between ('... depending on the lifestyle you
    envision'): a reported clause before its cue is set off ('X, he said', '"X" he said')."""
    if clause.i > cue.i:
        return False
    after = clause.right_edge.i + 1
    # (the clause may take in a word of the source: ", newspaper The Hindu reported")
    near = cue.doc[max(clause.i, clause.right_edge.i - 2) : cue.i]
    if after < cue.i and not any(t.is_punct for t in near):
        return True
    return any(t.text == ":" for t in cue.doc[after : cue.i])


def _adverbial_opening(clause: Token) -> bool:
    """Whether a clause the parse hangs on the cue from before it opens with a subordinating
    conjunction or a preposition: the writer's setting ("While the lineup is light, ..."), not
    what is reported."""
    first = clause.left_edge
    if first.dep_ == "prep" and first.tag_ == "VBG":
        return True  # "Regarding which part was hardest, Sufianov said it was English"
    return first.pos_ in ("SCONJ", "ADP") and first.lower_ != "that"


def _told(verb: Token, obj: Token) -> bool:
    """'told reporters on a call that ...': the object of a verb of telling is who was told."""
    return lemma(verb) in TELLING_VERBS and obj.i > verb.i


def _signs_quotation(tok: Token, quoted: list[QuotedSpan]) -> bool:
    """'“Denver,” he answered.', '"It's about time," exhorted her introducer': any verb right
    after a quotation that ends in a comma, question or exclamation mark, with its subject beside
    it, says who spoke, whatever the cue lexicon knows of it."""
    if tok.pos_ != "VERB":
        return False
    start = sentence(tok).start_char - 3
    if not quote_index(quoted).ending_between(start, tok.idx):
        return False  # cheap first: most verbs have no quotation ending in their sentence before them
    if _in_quotation((tok.idx, tok.idx + 1), quoted):
        return False
    source = _source_of(tok, quoted) or _inverted_subject(tok)
    if source is None:
        return False
    lo = min(tok.idx, source[0])
    text = doc_text(tok.doc)
    # the first quotation (in text order) ending at most three characters before the verb
    for n in quote_index(quoted).ending_between(lo - 3, lo):
        q = quoted[n]
        gap = text[q.end : lo]
        if q.end <= lo and len(gap) <= 3 and not _WORD.search(gap) and "\n" not in gap:
            end = q.end - 1
            if text[end - 1 : end + 1] == "''":
                end -= 1  # doubled apostrophes close the quotation: ''To date,'' she said
            speech = is_cue(lemma(tok), "VERB", False) or lemma(tok) in QUOTING_VERBS
            return text[end - 1 : end] in (",", "?", "!") and not narrates_after_quotation(tok, text[end - 1 : end], speech)
    return False


def _noun_cue(tok: Token, clause: list[Token]) -> Quote | None:
    """Nominal cues with a clause: 'his claim that X', 'Peskov's statement that X'."""
    comp = [c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" for g in c.children)]
    if not comp:
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    content = _trim(tok.doc, *_tokens_span(list(comp[0].subtree)))
    if content is None:
        return None
    source = _tokens_span(list(poss.subtree)) if poss is not None else None
    return Quote(content=[content], cue=(tok.idx, tok.idx + len(tok.text)), source=source)


# --- source -----------------------------------------------------------------------------------


# --- content ----------------------------------------------------------------------------------


def _adjacent_quote(tok: Token, quoted: list[QuotedSpan], source: Span | None) -> QuotedSpan | None:
    """The quotation(s) the cue closes or introduces: '"X," he said', 'he said: "X"', and both
    sides of '"X," he said, "Y"' (returned as one span of pieces)."""
    doc = tok.doc
    cue_start, cue_end = tok.idx, tok.idx + len(tok.text)
    lo = min(cue_start, source[0]) if source else cue_start
    hi = max(cue_end, source[1]) if source else cue_end
    before = after = None
    index = quote_index(quoted)
    # the last quotation (in text order) ending at most three characters before the cue
    for n in index.ending_between(lo - 3, lo):
        q = quoted[n]
        gap = doc_text(doc)[q.end : lo]
        # '..." A member said' signs it; '...". A member said' (British stop) starts anew
        if len(gap) <= 3 and not _WORD.search(gap) and "\n" not in gap and not any(c in gap for c in ".!?") \
                and not (_full_stop_before_new_sentence(doc_text(doc), q.end, lo) and _says_more(tok)):
            before = q
    # and the first one starting after it
    n = index.first_from(hi)
    if n is not None:
        q = quoted[n]
        if q.end > lo:  # (always: it starts at or after hi)
            gap = doc_text(doc)[hi : q.start]
            colon = gap.strip().endswith(":")
            if (
                len(gap) <= 40
                and ("\n" not in gap or colon)
                and (_is_lead_in(gap) or _is_adverbial(tok, hi, q.start))
                and not _has_cue_verb(doc, hi, q.start)
                and _quote_is_content(tok, q)
                and not titles_a_noun(doc, hi, q.start, q.end)
            ):
                after = q
    if before is not None and after is not None:
        if _ends_sentence(doc_text(doc), before.end) or _question_before_a_new_sentence(doc_text(doc), before.end):
            return after  # '"A." He added, "B."': the first quotation is an earlier sentence's
        return QuotedSpan(before.pieces + after.pieces)
    if before is not None and _ends_sentence(doc_text(doc), before.end) and _reports_its_own_words(tok):
        return None  # '"... ISIS." Lamrani described the idea as "absurd."': an earlier sentence's
    return before or after


def _reports_its_own_words(tok: Token) -> bool:
    """A cue with a direct object or a clause of its own after it ('described the idea as ...',
    'said that ...'): what it reports follows it, not a quotation closed before its sentence."""
    return any(c.i > tok.i and (c.dep_ in CLAUSES or c.dep_ == "dobj" and lemma(tok) not in ("tell", "ask"))
               for c in tok.children)


def _gerund_before_quotation(tok: Token, quoted: list[QuotedSpan]) -> tuple[QuotedSpan, Token] | None:
    """'Tipton recalls realizing "oh, I'm not here to just have fun"', 'she remembers thinking:
    "..."': a gerund of the cue's, right after it, that a quotation follows at once; the
    quotation is what was thought or said, the gerund part of the cue."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.tag_ != "VBG" or nxt.head.i != tok.i or nxt.dep_ not in ("xcomp", "ccomp", "dobj"):
        return None
    end = nxt.idx + len(nxt.text)
    n = quote_index(quoted).first_from(end)
    if n is None:
        return None
    q = quoted[n]
    gap = doc_text(tok.doc)[end : q.start]
    if len(gap) > 3 or _WORD.search(gap) or "\n" in gap:
        return None
    return q, nxt


def _says_more(tok: Token) -> bool:
    """Whether the cue's sentence goes on with an object or complement of its own ('Boeing
    referred to the plane as ...'), unlike a bare signature ('"We will win." Smith said.')."""
    return any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "prep", "dative") and c.i > tok.i
               for c in tok.children)


def _full_stop_before_new_sentence(text: str, end: int, next_word: int) -> bool:
    """'... those injured." Boeing referred to the plane as ...': a quotation closing on a full
    stop, followed by a capitalised word, ended its sentence; the next one does not sign it
    ('"... today." he said' with a lower-case pronoun still does)."""
    return _ends_sentence(text, end) and text[next_word : next_word + 1].isupper()


def _ends_sentence(text: str, end: int) -> bool:
    """Whether a quotation ending at ``end`` closes with a full stop inside its marks."""
    return _last_inside_marks(text, end) == "."


def _last_inside_marks(text: str, end: int) -> str:
    """The character a quotation ending at ``end`` closes on, inside its marks."""
    e = end - 1
    while e > 0 and text[e] in "\"'”’":
        e -= 1
    return text[e]


# Verbs of taking a side: with a plain object ('opposed the plan', 'backed ending the war') they
# state a position the writer sums up, not something said.
_STANCES = {"oppose", "support", "favor", "favour", "back", "endorse", "champion", "advocate"}


def _only_someone_saying(doc, span: Span) -> bool:
    """A content that is only a subject and a verb of saying ('He said') reports nothing."""
    words = [t for t in doc.char_span(*span, alignment_mode="expand") or () if not t.is_punct]
    return (
        0 < len(words) <= 3
        and words[-1].pos_ == "VERB"
        and lemma(words[-1]) in ("say", "tell", "ask", "write", "add", "reply", "answer")
        and all(t.pos_ in ("PRON", "PROPN", "DET", "AUX", "PART") for t in words[:-1])
    )


def _within_its_quotation(tok: Token, content: list[Span], quoted: list[QuotedSpan]) -> bool:
    """Whether every piece of a content lies in the quotation piece holding the cue."""
    holders = quote_index(quoted).pieces.containing(tok.idx, tok.idx + len(tok.text))
    return any(all(qs <= s and e <= qe for s, e in content) for qs, qe, _ in holders)


def _question_before_a_new_sentence(text: str, end: int) -> bool:
    """'… asked, "Would you have told her?" He answered, "I have no idea."': a question or
    exclamation followed by a capitalised word ends its sentence; the answer is the next one."""
    return _last_inside_marks(text, end) in "?!" and text[end : end + 2].strip()[:1].isupper()


def _after_colon(tok: Token, q: QuotedSpan) -> bool:
    """'issued the following statement: "..."': the quotation the cue's phrase introduces."""
    end = tok.idx + len(tok.text)
    return q.start > end and doc_text(tok.doc)[end : q.start].rstrip().endswith(":")


def _is_lead_in(gap: str) -> bool:
    """Between cue and quote: nothing, a colon or comma, or a short phrase ('in a statement:')."""
    g = gap.strip()
    return g in ("", ":", ",") or (g.endswith((":", ",")) and len(g) < 40)


def _is_adverbial(cue: Token, start: int, end: int) -> bool:
    """A short phrase of the cue's own, with no verb, between cue and quotation ('said on Friday
    "X"', 'told reporters "X"': wire and Wikinews style, no comma): the quotation is the cue's.
    Words of the cue's clause there ('said Trump "was wrong"') keep the clause as the content."""
    span = cue.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > 6:
        return False
    # words of the cue's clause, or of an object that is what was said ('called the system "rotten"'),
    # keep the parse's content; an addressee ('told reporters "X"') does not
    clause = {
        t.i
        for c in cue.children
        if c.dep_ in CLAUSES or (c.dep_ in OBJECTS and c.pos_ != "PRON" and c.lower_ not in ADDRESSEE_NOUNS)
        for t in c.subtree
    }
    words = [t for t in span if t.idx >= start]
    return all(
        t.i not in clause and t.pos_ not in ("VERB", "AUX") and t.text not in ".;!?" and not t.is_sent_start
        for t in words
    )


def _has_cue_verb(doc: Doc, start: int, end: int) -> bool:
    """A cue verb between cue and quotation starts another act ('said, adding later, "B"', 'sings
    "A" before asking her, "B"'): the quotation after it is not this cue's."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.pos_ == "VERB" and is_cue(lemma(t), "VERB", True) for t in span)


def _quote_is_content(tok: Token, q: QuotedSpan) -> bool:
    """Whether the quote after the cue is what it says: not when a clause of the cue's own stands
    between them ('he said the report, "a draft", was wrong' keeps the clause)."""
    for c in tok.rights:
        if c.dep_ in CLAUSES and _tokens_span(list(c.subtree))[1] <= q.start:
            return False
    return True


def _object_content(tok: Token) -> tuple[list[Span], Token | None]:
    objs = [c for c in tok.rights if c.dep_ in OBJECTS]
    if objs:
        tokens = [t for o in objs for t in o.subtree]
        # "cited X as Y", "accused X of Y", "criticized X for Y", "called X “unhinged”": what
        # follows the object is part of what was said
        tokens += [
            t
            for c in tok.rights
            if c.i > objs[0].i and (c.dep_ in OBJECT_COMPLEMENTS or c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS)
            for t in c.subtree
        ]
        last = max(t.i for t in tokens)
        tokens += [c for c in tok.rights if c.dep_ == "punct" and objs[0].i < c.i < last]  # the “ before “crazy”
        split = _around_an_adverbial(tok, tokens)
        if split is not None:
            return split, None
        return [_tokens_span(_contiguous_after(tokens, tok))], None
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in CUE_PREPOSITIONS and c.i == tok.i + 1), None)
    if prep is not None:
        clause = clause_after_a_time(prep)
        if clause is not None:
            return [_tokens_span(list(clause.subtree))], None  # 'argued for decades that ...'
        pobj = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
        if prep.lower_ == "on" and _a_platform(prep):
            pobj = []  # "confirming on Twitter they were ...": where it was said, not what
        if pobj:
            return [_tokens_span(pobj)], prep
    return [], None


_ADVERBIALS = {"prep", "npadvmod", "advmod"}


def _around_an_adverbial(tok: Token, tokens: list[Token]) -> list[Span] | None:
    """'described Hamza bin Laden in March of this year as an "emerging" figure': a time or place
    set between the object and what it was called splits the statement in two pieces, both
    needed ('Hamza bin Laden … as an "emerging" figure'); the object alone says nothing. Only for
    verbs whose object with its complement is a statement (``OBJECT_STATEMENTS``); None when
    nothing, or more than such a phrase, comes between them."""
    doc = tok.doc
    wanted = {t.i for t in tokens if t.i > tok.i}
    if not wanted or lemma(tok) not in OBJECT_STATEMENTS:
        return None  # 'announce plans Friday for a program': only verbs whose object and complement say something
    runs = _runs([t for t in tokens if t.i > tok.i])
    if len(runs) != 2:
        return None
    gap = [t for t in doc[min(wanted) : max(wanted) + 1] if t.i not in wanted]
    if not gap or any(t.is_punct and t.text not in ",’" for t in gap):
        return None
    owners = {a for t in gap for a in [t, *t.ancestors] if a.head.i == tok.i and a.i != tok.i}
    if not owners or not all(a.dep_ in _ADVERBIALS and a.lower_ not in OBJECT_PREPOSITIONS for a in owners):
        return None
    return runs


def _a_platform(prep: Token) -> bool:
    """Whether "on" takes a one-word proper name, with at most a clause of its own after it:
    "confirming on Twitter", "posted on Twitter accusing X of ...": a platform, not a topic."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ != "PROPN":
        return False
    return all(c.dep_ in ("acl", "relcl") and c.i > pobj.i for c in pobj.children)


def _parenthetical(tok: Token, cue_tokens: list[Token]) -> tuple[Span, list[Span]] | None:
    """'X, Mr. Clarke said, Y' / 'X, he told me on Friday, Y': the cue and its subject set off by
    commas inside the sentence they report; content is the sentence around them."""
    sent = tok.sent
    first = cue_tokens[0]
    j = first.i - 1
    while j > sent.start and tok.doc[j].text != "," and first.i - j <= 12:
        if tok.doc[j].pos_ in ("VERB", "AUX") or tok.doc[j].text in ('"', "“", "”", "''"):
            return None
        j -= 1
    if j <= sent.start or tok.doc[j].text != ",":
        return None
    source_tokens = tok.doc[j + 1 : first.i]
    if not any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in source_tokens) or source_tokens[0].tag_ in ("WP", "WDT"):
        return None  # ', which rejected the case,' describes, it does not report
    if _has_own_object(tok):
        return None  # 'Coles ordered more, Woolworths ordered extra stock, while ...': a list
    k = tok.i + 1
    while k < sent.end and tok.doc[k].text != "," and k - tok.i <= 6:
        if tok.doc[k].pos_ in ("VERB", "AUX") or tok.doc[k].dep_ in CLAUSES:
            return None
        k += 1
    if k >= sent.end - 1 or tok.doc[k].text != ",":
        return None
    before = _tokens_span(tok.doc[sent.start : j])
    if tok.doc[k + 1].lower_ == "according":
        return _tokens_span(source_tokens), [before]  # '..., the commission said, according to Reuters.'
    after = _tokens_span(tok.doc[k + 1 : sent.end])
    return _tokens_span(source_tokens), [before, after]


def _opens_that_clause(tok: Token) -> bool:
    """'"I pledge that X; that we will seek to reach across the aisle," she said': a verb that a
    'that' introduces is itself reported, so a clause before it is not its 'X, he said' content
    (the parser hangs the first clause on the second)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i < tok.i for c in tok.children)


def _has_own_object(tok: Token) -> bool:
    """A verb with an object that is not the person told ('ordered extra stock'): what comes
    before it is not what it reports."""
    return any(c.dep_ == "dobj" for c in tok.children) and lemma(tok) not in ("tell", "ask", "inform", "assure", "remind", "warn")


def _host_clause(tok: Token, source: Span | None) -> list[Span]:
    """'X, he said' or 'X, he said, Y' parsed with the cue hanging off X's verb: content is the
    host clause around the cue, in one or two pieces."""
    if tok.dep_ not in ("parataxis", "ccomp") or tok.head.i == tok.i or tok.head.i > tok.i:
        return []
    # set off by a comma, with no object of its own: 'acknowledged their government had shot down
    # a jet' is the verb's own complement, and 'Coles ordered more, Woolworths ordered extra
    # stock' a list, not 'X, he said'
    first = min(t.i for t in tok.subtree)
    if first == 0 or not (tok.doc[first - 1].text in (",", "—", "–", "(") or tok.doc[first].is_punct):
        return []
    if _has_own_object(tok):
        return []
    inner = {t.i for t in tok.subtree}
    tokens = [t for t in tok.head.subtree if t.i not in inner and not (source and source[0] <= t.idx < source[1])]
    return _runs(tokens)


# --- helpers ----------------------------------------------------------------------------------


def _link_parents(quotes: list[Quote]) -> None:
    """An attribution whose cue sits inside another's content is nested in it: the one with the
    shortest extent, the first of equals (content pieces indexed once, not scanned per cue)."""
    pieces = SpanIndex((p for q in quotes for p in q.content), (j for j, q in enumerate(quotes) for _ in q.content))
    extent = [q.end - q.start for q in quotes]
    for i, q in enumerate(quotes):
        if q.cue is None:
            continue
        holders = {j for _, _, j in pieces.containing(q.cue[0], q.cue[1]) if j != i}
        q.parent = min(holders, key=lambda j: (extent[j], j)) if holders else None


def _quote_type(text: str, content: list[Span], quoted: list[QuotedSpan]) -> str:
    if all(_is_quotation(text, p, quoted) for p in content):
        return "direct"
    pieces = quote_index(quoted).pieces
    if any(pieces.overlaps(s, e) for s, e in content):
        return "mixed"
    return "indirect"


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """One attribution per cue; of two with the same content, the one with a source."""
    by_cue: dict[Span | None, Quote] = {}
    out = []
    for q in quotes:
        if q.cue in by_cue:
            continue
        by_cue[q.cue] = q
        out.append(q)
    keep = []
    position: dict[tuple[Span, ...], int] = {}  # content -> where its attribution is in keep
    for q in out:
        at = position.get(tuple(q.content))
        if at is None:
            position[tuple(q.content)] = len(keep)
            keep.append(q)
        elif keep[at].source is None and q.source is not None:
            keep[at] = q
    return keep


# Participles that start a second report by the same speaker: '..., insisting she was "never ..."'.
SIBLING_PARTICIPLES = {"insist", "say", "add", "claim", "note", "argue", "warn", "stress", "deny", "admit", "vow"}


def _cut_at_sibling_cues(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> None:
    """An indirect content ends where a second report starts beside it, not inside it: 'Flynn said
    there was a lack of transparency [and urged the crowd ...]', 'One interviewee said people
    changed their minds [and several said ...]', 'Murphy claimed she decided alone[, insisting
    ...]', '... found no trace of explosives [despite Znak.com claiming ...]'. The parser often
    hangs the second clause inside the first's complement; a reader never does."""
    text, toks = doc_text(doc), doc_tokens(doc)  # (span[1:] and doc[i] would build each token anew)
    cue_starts = sorted(q.cue[0] for q in quotes if q.cue)
    by_cue = {q.cue[0]: q for q in quotes if q.cue}
    for q in quotes:
        if q.cue is None or len(q.content) != 1 or _is_quotation(text, q.content[0], quoted):
            continue
        s, e = q.content[0]
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is None or q.cue[0] > s:
            continue  # the cue after its content ('X, he said'): nothing beside it to cut
        for tok in toks[span.start + 1 : span.end]:
            if _in_quotation((tok.idx, tok.idx + 1), quoted):
                continue
            nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
            if nxt is None:
                break
            word = tok.lower_
            sibling = False
            if word in ("and", "but") and nxt.tag_ in ("VBD", "VBZ") and is_cue(lemma(nxt), "VERB", False) \
                    and not any(c.dep_ in SUBJECTS for c in nxt.children if c.i < nxt.i):
                sibling = True  # the same subject, a second verb of saying: it speaks for it too
                if nxt.idx in by_cue and q.source is not None:
                    by_cue[nxt.idx].source = q.source
            elif word in ("and", "but") and any_between(cue_starts, tok.idx + 1, tok.idx + 40) \
                    and nxt.pos_ in ("PRON", "DET", "PROPN", "NOUN", "ADJ", "NUM"):
                sibling = True  # another subject's report: 'and several said ...'
            elif word == "," and nxt.tag_ == "VBG" and lemma(nxt) in SIBLING_PARTICIPLES:
                sibling = True
            elif word in ("despite", "while", "whereas") and any(
                t.tag_ == "VBG" and lemma(t) in SIBLING_PARTICIPLES | {"report"} for t in doc[tok.i + 1 : tok.i + 6]
            ):
                sibling = True
            if not sibling:
                continue
            cut = tok.idx
            while cut > s and text[cut - 1] in " ,;":
                cut -= 1
            if _word_total(text, [(s, cut)]) >= 3:
                q.content = [(s, cut)]
            break


# Words that, after a comma, open a clause of the writer's at the end of a reported clause.
ASIDE_OPENERS = {"which", "while", "whereas", "despite"}
# A verb a cue at least this often reports ('said', 'showed'); 'resist' or 'respond' need not.
REPORTING_RATE = 0.5


def _cut_at_asides(doc: Doc, quotes: list[Quote], quoted: list[QuotedSpan]) -> None:
    """An indirect content ends where the writer's own report closes the sentence: 'Trump said he
    can declare an emergency[, which he said would allow him ...]', 'The Aviation Herald states
    the 707 was a freighter[, despite photos showing ...]', 'Znak.com reported X[, while footage
    showed ...]', 'said the name must not cite a place[, per WHO guidelines]'. A clause after a
    comma that runs to the end of the content and reports (a verb of saying or showing in its
    first words) or gives a source ('per') is a second report beside the first, not inside it.
    Asides that only comment ('..., which is his inability to resist') stay: speakers say those
    too, and so do asides inside the clause ('said the bill, which passed, was flawed')."""
    text, toks = doc_text(doc), doc_tokens(doc)  # (span[2:] and doc[i] would build each token anew)
    for q, span in reported_clauses(doc, quotes, quoted):
        s, e = q.content[0]
        for tok in toks[span.start + 2 : span.end]:
            if toks[tok.i - 1].text != "," or _in_quotation((tok.idx, tok.idx + 1), quoted):
                continue
            if tok.lower_ == "per" and tok.dep_ == "prep":
                clause = tok
            elif tok.lower_ in ASIDE_OPENERS and any(
                t.pos_ == "VERB" and cue_score(lemma(t), "VERB", False) >= REPORTING_RATE for t in doc[tok.i + 1 : tok.i + 6]
            ):
                clause = tok if tok.dep_ == "prep" else tok.head  # the preposition, or the clause it opens
            else:
                continue
            last = max(t.idx + len(t.text) for t in clause.subtree)
            if text[last:e].strip(" .\"”’'") != "" or min(t.i for t in clause.subtree) < tok.i:
                continue  # the aside stops before the content does: the speaker's clause goes on
            end_before(text, q, doc[tok.i - 1].idx)
            break


def _clip(quote: Quote, zones: list[Span], index: SpanIndex | None = None) -> Quote | None:
    """Keep only what lies in the zones (no dateline, caption or credit in a quote's content).
    ``zones`` are sorted, as :attr:`~quoth.layout.Layout.zones` gives them; ``index`` is their
    :class:`SpanIndex` when the caller clips many quotes."""
    index = index if index is not None else SpanIndex(zones)
    if quote.cue is not None and not _inside(index, quote.cue[0], quote.cue[1]):
        return None
    pieces = []
    for s, e in quote.content:
        for zs, ze, _ in index.overlapping(s, e):
            pieces.append((max(s, zs), min(e, ze)))
    if not pieces:
        return None
    quote.content = pieces
    if quote.source is not None and not index.overlaps(*quote.source):
        quote.source = None
    return quote


def _addressee(tok: Token) -> Span | None:
    """'told *reporters*', 'said *to the media*', 'in response to *a journalists' question*'."""
    for c in tok.children:
        if c.dep_ in ADDRESSEE_DEPS and c.i > tok.i and lemma(tok) in TELLING_VERBS:
            return _np_span(c)
        if c.dep_ == "prep" and c.lower_ == "to" and lemma(tok) in ("say", "tell", "speak", "talk", "explain", "write"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return _np_span(pobj)
        if c.dep_ == "prep" and c.lower_ == "in":
            response = next((g for g in c.children if g.dep_ == "pobj" and g.lower_ == "response"), None)
            if response is not None:
                to = next((g for g in response.children if g.lower_ == "to"), None)
                pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
                if pobj is not None:
                    return _np_span(pobj)
    return None


def _channel(tok: Token) -> Span | None:
    """'in an interview with Le Figaro', 'at the Valdai Club meeting', 'tweeted'."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "during"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ in CHANNEL_NOUNS | {"twitter", "facebook", "television", "tv", "radio"}:
                return _tokens_span(list(c.subtree))
    if lemma(tok) in CHANNEL_VERBS:
        return (tok.idx, tok.idx + len(tok.text))
    if tok.dep_ == "relcl" and tok.head.lower_ in CHANNEL_NOUNS:
        # 'at the Valdai Club meeting where he said ...'
        noun = tok.head
        if noun.head.dep_ == "prep":
            return _tokens_span([t for t in noun.head.subtree if t.i < tok.i and not (t.tag_ in ("WRB", "WDT"))])
        return _tokens_span([t for t in noun.subtree if t.i < tok.i and t.tag_ not in ("WRB", "WDT")])
    return None
