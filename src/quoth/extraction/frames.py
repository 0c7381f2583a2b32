"""Is this cue really reporting someone? The precision gate of the rules (issue #10).

The cue lexicon is learnt from PolNeAR, where a word counts as a cue whenever annotators once
marked it so; many such words are speech only in some frames. A reader of real news does not take
these as statements, and neither does quoth:

- a verb that is not itself saying, writing, thinking or claiming ("agree", "seek", "show",
  "expect", "appear", "worry", "issue", "congratulate") reports something only with a clause of its
  own ("experts expect *that rates will rise*") or a quotation it signs; "agreed to add two
  members", "seeks treatment", "showed promise", "worried about the cost" report nothing;
- an infinitive cue ("to predict survival", "is due to announce", "plans to highlight") is a plan
  or a purpose, not a statement, unless it carries a clause;
- "X is said to ..." (or "was supposed to", "is expected to") attributes nothing to X; a negated
  cue ("never expected that", "did not say he ordered it") is not what X holds; "asked whether
  ..." and "asked about ..." are questions put, not statements; "declined to comment" is not one;
- "called" with a name after it ("a group called Hope") names, it does not say.
"""

from __future__ import annotations

from spacy.tokens import Token

from quoth.extraction.nonstatements import reports_nothing
from quoth.extraction.offsets import quote_index
from quoth.nlp import doc_text, lemma

# Lexicon words that report only with a clause of their own or a quotation they sign.
NEEDS_CLAUSE = frozenset(
    """agree appear seem seek show expect alarm anger horrify infuriate startle thrill rouse balk
    brush dedicate dwell envision explore fear hope mull pivot prefer pump resist strive witness
    zero offer order mandate refuse decline issue unveil congratulate thank contemplate relish
    revere sing spar document discuss talk title dub name bill peg coin credit attribute list
    lecture single side distance worry wonder remember interpret illustrate imagine earn catch
    begin start come find determine calculate observe forget suppose""".split()
)
_WH = {"whether", "if", "what", "why", "how", "when", "where", "who", "which"}


def _has_clause(tok: Token) -> bool:
    """A clausal complement with a verb of its own: 'expect *that rates will rise*'."""
    return any(c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in tok.children)


def is_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def opens_as_gerund(tok: Token) -> bool:
    """'We are spreading the word. Telling them to stay safe.': a gerund that opens its sentence
    and heads it, with no subject, is a fragment going on from the sentence before; without a
    source of its own it reports nobody's words."""
    return tok.tag_ == "VBG" and tok.dep_ == "ROOT" and tok.i == tok.sent.start


_PICTURES = frozenset("video footage image photo photograph picture clip recording camera map chart".split())


def _passive_of_what_was_said(tok: Token, clause: bool) -> bool:
    """'39 are confirmed dead', 'no deaths were reported', 'they are called "U.S. nationals"': a
    passive cue whose subject is what was said or named, with nobody saying it. 'He was quoted as
    saying' and 'it was reported that' (a dummy subject) still report."""
    passive = [c for c in tok.children if c.dep_ == "nsubjpass" and c.tag_ not in ("WP", "WDT")]
    if not passive or clause or lemma(tok) in ("quote", "cite"):
        return False
    return passive[0].lower_ not in ("it", "this", "there") and not any(c.dep_ == "agent" for c in tok.children)


def reports(tok: Token, signs_quotation: bool, signs_after_comma: bool = False) -> bool:
    """Whether the verb cue ``tok`` reports what someone said or holds (see the module docstring).

    ``signs_quotation``: a quotation next to the cue is its content; ``signs_after_comma``: it
    ends in a comma, question or exclamation mark right before the cue ('"No," he agreed'), or
    the cue's phrase introduces it with a colon ('issued the following statement: "..."').
    """
    word = lemma(tok)
    clause = _has_clause(tok)
    if any(c.dep_ == "nsubjpass" for c in tok.children) and any(c.dep_ == "xcomp" for c in tok.children):
        # "He is said to have left", "the deal was supposed to be", "she is expected to announce":
        # nobody is named as saying it, least of all the subject
        return False
    if _passive_of_what_was_said(tok, clause):
        return False
    if reports_nothing(tok, clause, signs_quotation, signs_after_comma):
        return False  # a test's finding, a name, a suspicion, a request put, a plan
    if word == "show" and any(c.dep_ in ("nsubj", "nsubjpass") and lemma(c) in _PICTURES for c in tok.children):
        return False  # 'The video shows officers racing up a staircase': what it pictures, not says
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children):
        # "Schiff never expected that ...", "did not say he ordered it": not what they hold
        return False
    if _counterfactual(tok):
        return False
    if word in ("appear", "seem") and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in tok.children):
        return False  # "it would appear that ...": the writer hedging, nobody holding it
    if word == "consider" and tok.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
            and tok.dep_ in ("advcl", "prep", "ROOT") and tok.i == tok.sent.start:
        return False  # "Considering how X, it's possible ...": a preposition in all but name
    if tok.dep_ == "relcl" and not clause and not signs_quotation and not any(
        c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "oprd") or c.tag_ in ("WP", "WDT") for c in tok.children
    ):
        return False  # "the lifestyle you envision": its noun is what is envisioned; no statement
    if word == "claim" and not clause and any(
        c.dep_ == "dobj" and lemma(c) in _WON_OR_TAKEN for c in tok.children
    ):
        return False  # "both men claimed victory", "the storm claimed lives": acts, no statement
    if _shares_a_negation(tok):
        return False
    if word == "ask":
        if any(c.dep_ == "prep" and c.lower_ == "about" for c in tok.children):
            return False
        for c in tok.children:
            if c.dep_ == "ccomp" and c.left_edge.lower_ in _WH:
                return False  # "asked whether ...": a question put
    if word == "call" and not (clause or signs_quotation):
        if any(c.dep_ == "oprd" and c.pos_ == "PROPN" for c in tok.children) or tok.dep_ == "acl":
            return False  # "a group called Hope": a name
    if (
        tok.tag_ == "VB"
        and tok.dep_ == "ROOT"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and all(t.is_punct for t in tok.doc[tok.sent.start : tok.i])
    ):
        return False  # an imperative opening its sentence ("Tell us about ..."): a request
    if signs_quotation:
        # a quotation beside a verb that is not speech ('"Chance to face my demons," she looked')
        # is that verb's only when it signs the quotation ('"No," he agreed')
        return word not in NEEDS_CLAUSE or signs_after_comma
    if is_infinitive(tok) and not clause:
        return False
    return word not in NEEDS_CLAUSE or clause


# What one "claims" by taking it, not by saying something about the world.
_WON_OR_TAKEN = {"victory", "win", "credit", "title", "seat", "life", "prize",
                 "medal", "crown", "championship", "asylum", "benefit", "ownership", "territory"}
_MODALS_OF_WHAT_DID_NOT_HAPPEN = {"could", "would", "might", "should", "may"}


def _counterfactual(tok: Token) -> bool:
    """'Voters could have shown they were tired of it', 'he might have argued that ...': a modal
    with 'have' and a past participle tells what was not (or may not have been) said."""
    if tok.tag_ != "VBN":
        return False
    aux = [c.lower_ for c in tok.children if c.dep_ == "aux" and c.i < tok.i]
    return "have" in aux and any(a in _MODALS_OF_WHAT_DID_NOT_HAPPEN for a in aux)


def _shares_a_negation(tok: Token) -> bool:
    """'did not concede or admit defeat', 'never confirmed nor denied it': a verb joined by 'or'
    or 'nor' to a negated one, with no subject of its own, is negated with it ('did not resign
    and said ...' is not)."""
    head = tok.head
    if tok.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    joining = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < tok.i]
    return bool(joining) and joining[-1].lower_ in ("or", "nor") and any(c.dep_ == "neg" or c.lower_ == "never" for c in head.children)


# Cues whose object, with what follows it, is a statement ("accused Clinton of lying", "called the
# plan a disaster", "denied the report"): a noun phrase is content enough for them.
OBJECT_STATEMENTS = frozenset(
    """accuse call describe label brand characterize characterise criticize criticise blame praise
    credit deny confirm dismiss reject condemn denounce slam hail applaud welcome dub term cite
    acknowledge admit""".split()
)
MIN_CONTENT_WORDS = 3
# Verbs of saying proper: what follows them is a statement even without a verb of its own.
SAYING = frozenset("say tell claim insist state argue warn note report suggest believe think".split())


def says_something(tok: Token, content: list[tuple[int, int]], quoted) -> bool:
    """Whether content that is no quotation is a statement rather than a fragment: it has a verb
    of its own ("announced *that schools will close*"), or quotes someone, or the cue is one whose
    object is a statement. "announced school closings", "indicated issues staffing the hotel",
    "discussed his 'longest ever project'" are not statements a fact-checker could cite."""
    doc = tok.doc
    text = doc_text(doc)
    index = quote_index(quoted)
    if any(index.any_within(s, e) for s, e in content):
        # a whole quotation inside the content: "said the scheme was “unworkable”"
        words = [t for s, e in content for t in doc.char_span(s, e, alignment_mode="expand") or []]
        return any(t.pos_ in ("VERB", "AUX") for t in words) or lemma(tok) in OBJECT_STATEMENTS
    words = [t for s, e in content for t in (doc.char_span(s, e, alignment_mode="expand") or []) if not t.is_punct]
    if (
        len(words) < MIN_CONTENT_WORDS
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
        and not any(ch in text[s:e] for s, e in content for ch in "\"“”")
    ):
        return lemma(tok) in OBJECT_STATEMENTS and len(words) >= 1 and tok.i < words[0].i
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return True
    if lemma(tok) in SAYING and len(words) >= 4:
        return True  # headline style drops the verb: "Kremlin says US stance not source of tension"
    return lemma(tok) in OBJECT_STATEMENTS


# Verbs of speaking the PolNeAR lexicon misses or rates low, taken as cues only beside a quotation
# ('He went on: "..."', 'Trump gloated, "..."', '"...," she shot back').
QUOTING_VERBS = frozenset(
    """bark gloat blare boom shoot go put begin continue quip snap retort muse scoff joke sigh laugh
    exclaim reply respond answer counter interject mutter whisper scream shout yell cry roar thunder
    sneer grumble complain rave gush marvel recall recount read relate""".split()
)
# ... of which these say something only before a colon ('went on:', 'put it:', 'read:')
WEAK_QUOTING_VERBS = frozenset("go put begin continue read recall recount answer".split())
