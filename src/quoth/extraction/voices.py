"""Attributions whose source is the writer or the reader, or whose words are sung (issue #10 audits).

A reported statement is someone the article reports saying something. Some frames PolNeAR and the
Wikinews gold annotate as attributions have no such someone, and careful readers of the record
reject them every time:

- **the reader**: "If *you*'re hoping the price will drop on Black Friday ... you're fooling
  yourself", "*You* might be wondering why ...": the writer addresses whoever reads, and puts
  words in their mouth; nobody said them;
- **the writer**: "*We* expect this partnership to require ..." in an organisation's own post,
  "*We*'ve said this before", "*my toddler* revealed that my mouse was in the chair": the writer's
  own narration, in the first person, outside any quotation. A quotation's "we" is its
  speaker's, and an interview turn's "I" its interviewee's; an "I" quoth could resolve to a
  named author (an op-ed's closing "Jane Doe is a playwright ...") stays that author's;
- **the reader told what to think**: "*Consider* what we know about the visit", "*Let's say*
  this has a factor of 4": a cue in the imperative, with no source;
- **the writer's inference**: "Yet fires have continued, *showing* that enforcement is a
  problem": a participle of showing on the writer's clause, whose subject has no author;
- **a song**: '"Had to find my own way ...," she sings': lyrics, written by songwriters and
  performed by a singer (often a character in a film), are not the singer's statement.

The attribution stays (the evaluations keep every attribution) with a ``form`` the record leaves
out (:mod:`quoth.extraction.forms`).
"""

from __future__ import annotations

from quoth.extraction.quotemarks import find_quotes
from quoth.model import Quote, Span
from quoth.nlp import lemma
from quoth.speakers.roles import _is_role_noun  # the role nouns live with the speakers

READER = frozenset({"you", "yourself", "yourselves"})
WRITER_PLURAL = frozenset({"we", "us", "ourselves", "our"})
WRITER_SINGULAR = frozenset({"i", "me", "myself", "my"})
SINGING = frozenset({"sing", "croon", "serenade"})
# verbs of finding and showing, whose subject need not have said anything ('my toddler revealed')
FINDING = frozenset("reveal show find discover indicate suggest prove confirm demonstrate uncover".split())


def writer_or_reader(parsed, quote: Quote, quoted: list[Span], turns: list[Span]) -> bool:
    """Whether ``quote``'s source is the reader ("you") or the writer ("we", "I", "my son"), in
    the writer's own voice: outside quotation marks (``quoted``), interview turns (``turns``) and
    what someone else is reported saying (an attribution with a parent)."""
    if quote.source is None or quote.parent is not None:
        return False
    s, e = quote.source
    if any(a <= s < b for a, b in quoted) or any(a <= s < b for a, b in turns):
        return False
    span = parsed.char_span(s, e, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    person = head.lower_
    if person.replace("\u2019", "'") == "'s" and head.i > 0 and head.doc[head.i - 1].lower_ == "let":
        return True  # the "us" of "Let's hope we see ...", whatever the tagger calls it
    if head.pos_ in ("NOUN", "PROPN"):
        # 'my toddler revealed that ...', 'our initial testing suggests ...': what the writer's
        # own found or showed ('my father said "..."' is the father's words, and stays)
        if not _showing_cue(parsed, quote):
            return False
        person = next((c.lower_ for c in head.children if c.dep_ == "poss"), "")
    elif head.pos_ != "PRON":
        # 'if you': a source the parser split around a conjunction
        person = next((t.lower_ for t in span if t.pos_ == "PRON"), "")
    if person in READER:
        return True
    if person in WRITER_PLURAL:
        return True
    # an "I" resolved to a named author (quoth.speakers.pronouns._resolve_author) is that author's
    return person in WRITER_SINGULAR and quote.speaker is None


def _showing_cue(parsed, quote: Quote) -> bool:
    cue = parsed.char_span(*quote.cue, alignment_mode="expand") if quote.cue is not None else None
    return any(t.pos_ == "VERB" and lemma(t) in FINDING for t in cue or [])


def imperative(parsed, quote: Quote, quoted: list[Span]) -> bool:
    """'*Consider* what we know about the visit', '*Let's say* this has a factor of 4': a cue in
    the imperative, with no source, outside quotation marks, is the writer telling the reader
    what to think."""
    if quote.source is not None or quote.cue is None or any(a <= quote.cue[0] < b for a, b in quoted):
        return False
    cue = parsed.char_span(*quote.cue, alignment_mode="expand")
    if cue is None:
        return False
    verb = next((t for t in cue if t.pos_ == "VERB" and t.lower_ != "let"), None)
    if verb is None or verb.tag_ != "VB" or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False
    head = verb.head
    return verb.dep_ == "ROOT" or (head.lower_ == "let" and head.dep_ == "ROOT")


# verbs of showing: as a participle after the writer's clause, the writer's inference from it
SHOWING = frozenset("show reveal indicate suggest demonstrate prove mean confirm underscore highlight signal".split())
# things with an author, whose findings are theirs ('with some reports suggesting ...')
AUTHORED = frozenset("""study report survey poll data research analysis paper document record statement
    filing letter email memo video footage photo image review audit investigation test tally count
    source account estimate figure""".split())


# verbs of speaking, whose participle goes on with the report
SPEAKING = frozenset("""say speak tell talk write testify announce state add explain argue claim tweet post
    respond reply answer comment remark warn""".split())
# who may speak, though no role names them
PEOPLE = frozenset("people person group team company firm agency government party crowd".split())


def writers_inference(parsed, quote: Quote) -> bool:
    """'Yet fires have continued, *showing* that enforcement is a problem', 'the scale allowed
    researchers to learn more, *revealing* how galaxies formed': a participle of showing that
    hangs on the writer's clause, whose subject is a thing with no author and no one quoth could
    name, is the writer drawing a conclusion, not a finding anyone reported."""
    if quote.cue is None or quote.speaker is not None or quote.parent is not None:
        return False  # (inside what someone reports, 'They found that X, indicating Y', it is theirs)
    cue = parsed.char_span(*quote.cue, alignment_mode="expand")
    verb = next((t for t in cue or [] if t.pos_ == "VERB"), None)
    if verb is None or verb.tag_ != "VBG" or verb.dep_ != "advcl" or lemma(verb) not in SHOWING:
        return False
    if lemma(verb.head) in SPEAKING:
        return False  # 'the minister spoke for an hour, suggesting ...': the report goes on
    head = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if head is None:
        return False  # no clause of the writer's to infer from
    if head.pos_ in ("PRON", "PROPN") or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or _is_role_noun(head):
        return False
    return lemma(head) not in AUTHORED and lemma(head) not in PEOPLE


def sung(parsed, quote: Quote) -> bool:
    """Whether the cue is a verb of singing ('she sings', 'crooned')."""
    if quote.cue is None:
        return False
    cue = parsed.char_span(*quote.cue, alignment_mode="expand")
    return cue is not None and any(t.pos_ == "VERB" and lemma(t) in SINGING for t in cue)


def quotation_pieces(text: str) -> list[Span]:
    """Every piece of text in quotation marks."""
    return [p for q in find_quotes(text) for p in q.pieces]
