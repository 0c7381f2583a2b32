"""Whether an attribution quoth left without a speaker has a source the text itself leaves unnamed.

A stored statement's speaker is the right person or organisation, or null *where the text does
not say* (issue #10). Null is right for "officials said", "a source close to the talks said",
"scientists have found", "some said": the writer chose not to name anyone, and the record says
so. Null is wrong where the source points at someone particular: "the governor said", "she
said", "the British royal denied", "Both officers indicated", "Preliminary tests by Digital
Foundry reveal", or no source at all ("reportedly", a quotation nobody introduces). There the
text names, or could name, the speaker, and quoth failed to resolve it. In the issue #10 audits
such quotes were more than half of all null-speaker quotes, and more than half of them were wrong
(null where the article names the speaker, or no statement at all); null quotes as a whole were
45% right against 91% for quotes with a speaker.

A wrong speaker, or a null that hides a named one, costs a fact-checker more than a missing
statement, so the record leaves those out (form ``"unresolved"``, :mod:`quoth.extraction.forms`)
and keeps the null ones whose source is an anonymous or generic someone:

* a plural or a group: "officials", "Defense attorneys", "some protesters", "Democrats",
  "Several studies" (not "both", "these", "the", "his": "the researchers", "his lawyers" are a
  group the article has introduced, and often named);
* an indefinite singular: "an organizer", "a senior official", "one study in 496 girls",
  "research";
* an indefinite pronoun: "some", "many", "others", "someone".

A source holding a name (a person, organisation, work or product the tagger marks) points at
someone particular, however its head reads ("officials at the Pentagon" stays out: the record
cannot tell the Pentagon's word from its officials' leaks, and a reader would ask for the name).
"""

from __future__ import annotations

from quoth.model import Quote
from quoth.nlp import ent_at, lemma
from quoth.speakers.roles import _is_role_noun

# pronouns and quantifiers that stand for nobody in particular ("some said", "several told")
INDEFINITE_PRONOUNS = frozenset(
    "some many others several most few none all everyone everybody someone somebody anyone anybody "
    "nobody".split()
)
# heads that are anonymous by definition, whoever's they are ("its source", "a Kremlin insider")
ANONYMOUS_HEADS = frozenset("source sources insider insiders".split())
# determiners of a particular one ("the governor", "this agency", "that report")
DEFINITE = frozenset("the this that these those".split())
# and of particular people ("both officers", "the researchers", "these scientists")
PARTICULAR = DEFINITE | {"both"}
# entity types that name someone or something particular
NAMED = frozenset("PERSON ORG FAC WORK_OF_ART PRODUCT EVENT LAW".split())
# what a named organisation issues, and so speaks through ("tests by Digital Foundry")
FINDINGS = frozenset("test finding data result image analysis study report survey poll research evidence".split())
# a share of a poll's respondents ("Fifty-one percent say"): the poll is named somewhere
SHARES = frozenset("percent % per cent".split())


def unnamed_on_purpose(parsed, quote: Quote) -> bool:
    """Whether ``quote``'s source is someone the text leaves unnamed (a group, an indefinite
    someone), so that its null speaker is the right record; False where the source points at
    someone particular, or there is no source."""
    if quote.source is None:
        return False
    span = parsed.char_span(*quote.source, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if _names_someone(span, head):
        return False
    word = head.lower_
    if word in INDEFINITE_PRONOUNS or word in ANONYMOUS_HEADS:
        return True
    if word == "one" and any(c.lower_ == "of" for c in head.children):
        return True  # "One of the victims"
    if head.pos_ == "PRON" or head.tag_ in ("PRP", "WP", "WDT", "DT"):
        return False  # "she", "they", "which": someone the text has named, or should have
    if head.pos_ == "PROPN" and not _is_role_noun(head):
        return head.ent_type_ == "NORP"  # "Democrats", "Palestinians": a group
    if head.pos_ not in ("NOUN", "PROPN") or word in SHARES:
        return False
    if head.is_title and (head.i > head.sent.start or _a_name_elsewhere(head)):
        return False  # "Mijares further claimed": a surname the tagger took for a plural noun
    determiners = [c for c in head.children if c.dep_ in ("det", "predet", "poss", "nummod")]
    if head.tag_ in ("NNS", "NNPS"):
        # "both officers", "the researchers", "the doctors", "his lawyers", "the researchers'
        # calculations": a group the article has introduced, and often named ("Paganini and his
        # colleagues", "Doctors for Camp Closure"); "officials", "some protesters" are no one's
        return not any(c.lower_ in PARTICULAR or c.dep_ == "poss" and not _unnamed_owner(c) for c in determiners)
    return not any(c.lower_ in DEFINITE or c.dep_ == "poss" for c in determiners)


def _unnamed_owner(possessor) -> bool:
    """'some farmers' calls', 'scientists' findings': an owner that is itself no one in particular."""
    if possessor.pos_ in ("PRON", "PROPN"):
        return False
    return not any(c.dep_ in ("det", "poss") and (c.lower_ in DEFINITE or c.dep_ == "poss") for c in possessor.children)


def _names_someone(span, head) -> bool:
    """Whether the source names its speaker: a person anywhere in it, or a named organisation,
    work or product that is its head or that issued it ("analysis from Poynter", "tests by
    Digital Foundry"). A named organisation an unnamed person belongs to ("a spokesperson for
    the UN", "protesters from People's Vote") leaves the person unnamed; so does a name in a
    relative clause ("some of the protesters Wikinews interviewed")."""
    people = _is_role_noun(head) or head.lower_ in ANONYMOUS_HEADS \
        or head.tag_ in ("NNS", "NNPS") and lemma(head) not in FINDINGS
    for tok in span:
        if tok.ent_type_ not in NAMED or _passes_through(tok, head, ("relcl", "acl")):
            continue
        if tok.i == head.i or ent_at(tok.doc, tok.i) is ent_at(head.doc, head.i) or not people:
            return True
        if tok.ent_type_ == "PERSON" and not _passes_through(tok, head, ("pobj",)):
            return True  # "Trump's lawyers" names whose lawyers; "representatives of Epstein's family" does not
    return False


def _a_name_elsewhere(tok) -> bool:
    """Whether the word is tagged a proper noun somewhere in the article ("Graciano Mijares ...
    Mijares further claimed", where the second, opening a sentence, was read as a plural)."""
    return not _is_role_noun(tok) and any(t.text == tok.text and t.pos_ == "PROPN" and t.i != tok.i for t in tok.doc)


def _passes_through(tok, head, relations: tuple[str, ...]) -> bool:
    """Whether the way up from ``tok`` to ``head`` passes one of ``relations``: a name in a clause
    inside the source ("the protesters *Wikinews* interviewed": relcl/acl), or in a prepositional
    phrase ("representatives of *Epstein*'s family": pobj)."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ in relations:
            return True
        tok = tok.head
    return False
