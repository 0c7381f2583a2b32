"""What an attribution's content is: a statement, or a phrase that says nothing on its own.

PolNeAR and ANNOTATING.md count the object of a verb of saying as content whatever its shape:
"Quirin denied *any sexual activity*", "Trump confirmed *the claim*", "she endorsed the selection
of a *'woman of color'*", "Mayer said Disney *'patched'* the software". Those attributions are
right, and :func:`quoth.extract` reports them, but their content, read alone in the record, is no
statement: a reader who searches a speaker's statements and finds "any sexual activity" or
"patched" finds a fragment (issue #10: "a stored content is a statement"). Every careful reader
of the audits judged them so.

So each attribution gets a ``form``:

* ``"statement"``: its content is a clause (headed by a verb: "he lied",
  "to stay"; opened by "that"/"whether"; holding a finite verb of its own), or is a
  quotation long enough to be a verbless sentence and opening like one ("A disgrace to the nation
  and a betrayal of everything we stand for"; not "than any time in our history, by far"), or is an interview turn (the speaker's whole answer), or is what a
  headline says someone *says*, in a style that drops the verb ("Kremlin says US stance not
  source of tension", "Putin says sanctions 'unacceptable'");
* ``"phrase"``: a noun, adjective or short quoted term with no verb (or an answer's "Key reforms:"), or a noun phrase whose only
  verbs sit in a relative clause or a participle after a noun ("accused *China of intimidating its
  neighbours*", "denounced *a court ruling declaring the ban unlawful*"); or what a cue's preposition
  takes ("argued against *re-entering the accord*": the cue's words make it the speaker's stand,
  and without them it reads as the opposite), or a content that opens on a verb whose subject is
  not in it or on a relative pronoun ("an amendment the agency says *is vital*", "*which his wife
  said was due to memory loss*"): :mod:`quoth.extraction.fragments`;
* ``"act"``: a reported clause whose cue is no word of saying, writing, thinking or claiming
  ("they *voted* for control of the legislature"; :mod:`quoth.extraction.speech`);
* ``"relay"``: "X, the health commission said, according to Reuters": the outlet only relays
  words the text also gives to their speaker, through a cue of its own, so the record holds them
  once, as the commission's; PolNeAR and the Wikinews gold annotate the relay as well;
* ``"narration"``: the source is the writer or the reader, not someone the article reports:
  "If *you*'re hoping the price will drop ...", "*We* expect this partnership to require ..."
  in an organisation's own post (:mod:`quoth.extraction.voices`);
* ``"lyric"``: words sung ("... ," she sings): a song's lines, written by its songwriters and
  performed, not a statement of the singer's;
* ``"question"``: what a speaker wondered or asked ("wondered *whether the cells respond*"):
  an open question, no claim;
* ``"unresolved"``: a statement quoth found no speaker for, though its source points at someone
  particular ("the governor said", "she said", no source at all): the record would hold a null
  that hides a named speaker, or credit nobody for words someone is known to have said
  (:mod:`quoth.speakers.anonymity`). A null speaker stays on record where the text leaves the
  source unnamed ("officials said", "a source said").

The store keeps statements only (:func:`quoth.store.rows.recorded`); ``quoth extract`` and the
evaluations keep every attribution, with its form.
"""

from __future__ import annotations

import re

from quoth.extraction.fragments import FINITE_TAGS, object_of_cue_preposition, opens_without_its_subject
from quoth.extraction.speech import reports_words
from quoth.extraction.voices import imperative, quotation_pieces, sung, writer_or_reader, writers_inference
from quoth.model import Quote, Span
from quoth.speakers.anonymity import unnamed_on_purpose
from spacy.tokens import Token
from quoth.nlp import doc_text, in_relative_clause, lemma

# A verbless quotation of this many words or more reads as a sentence of its own ("Not on my
# watch, not in this country, not ever"); shorter ones are terms ("squirrel whisperer",
# "Person of the Year", "worst case scenario").
SENTENCE_WORDS = 6

VERB_TAGS = ("VERB", "AUX")
# a participle used as an adjective ("genetically *modified* humans", "better-than-*expected*
# results") is no verb of a statement
ADJECTIVAL = ("amod", "compound")


def content_form(parsed, quote: Quote, turn: bool = False, headline: Span | None = None) -> str:
    """``"statement"`` or ``"phrase"`` for one attribution over the article's parse."""
    if turn:
        return "phrase" if _a_heading_in_an_answer(doc_text(parsed), quote) else "statement"
    if _headline_saying(parsed, quote, headline):
        return "statement"
    cue = _cue_lemma(parsed, quote)
    if _a_piece_of_the_reporting_sentence(parsed, quote, cue):
        return "phrase"
    if object_of_cue_preposition(parsed, quote) or opens_without_its_subject(parsed, quote):
        return "phrase"  # 'argued against *re-entering the accord*', 'an amendment the agency says *is vital*'
    words = 0
    takes_a_clause = cue in CLAUSE_CUES or cue in PERCEIVING
    for s, e in quote.content:
        span = parsed.char_span(s, e, alignment_mode="expand")
        if span is None:
            return "statement"  # no tokens to judge by: keep it, as before forms existed
        if _holds_a_clause(span, takes_a_clause):
            return "statement"
        words += len(re.findall(r"\w+", span.text))
    if quote.type == "direct" and words >= SENTENCE_WORDS and _opens_a_sentence(doc_text(parsed), quote):
        return "statement"
    return "phrase"


# Words that open a clause whatever the parse makes of its verb ("that his country would more than
# double ...", "whether the vote was rigged"); a question word opens only a question
# (:func:`_an_embedded_question`).
CLAUSE_OPENERS = {"that", "whether", "if"}
# (A finite verb, fragments.FINITE_TAGS, makes a clause even where the parser reads it as a
# participle after a noun: "more than 15,000 people registered for the rally".)


# Cues that report a clause, not a thing: after "said" or "argued", a noun with a participle is a
# clause the parser misread ("said *more than 15,000 people registered*", "argued *the group
# needed to be addressed*"), where "accused", "posted" or "denounced" take a thing.
CLAUSE_CUES = {"say", "argue", "think", "believe", "insist", "add", "state", "contend", "assert",
               "reckon", "estimate", "conclude", "predict", "warn"}


# Verbs whose infinitive is the speaker's own commitment or claim, a statement of what they will do
# or did ("vowed *to protect people with pre-existing conditions*", "claimed *to have evidence*");
# after any other cue an infinitive is what someone was asked, told or reported to do, or said to
# be ("asked *to convey its relief*", "were reported *to have reached the town*").
COMMITMENT_CUES = {"promise", "vow", "pledge", "swear", "claim", "threaten", "offer", "undertake"}
OBJECT_PRONOUNS = {"me", "him", "her", "us", "them", "you", "it"}
ADVERB_OPENERS = {"possibly", "probably", "perhaps", "also", "even", "still", "again"}
# A quotation of this many words or fewer, set in a sentence by a cue, is a term, not a statement
# ("Mayer said Disney *"patched"* the software").
TERM_WORDS = 2


def _a_piece_of_the_reporting_sentence(parsed, quote: Quote, cue: str | None) -> bool:
    """Whether the content, read alone, is a piece the reporting sentence needs to mean anything:
    a subjectless infinitive ("to fire the coach"), a participle whose subject is outside
    ("possibly *cutting the water used*"), someone told to do something ("him to explain
    himself"), an embedded question ("explained *why that was so*", "discussed *how her
    nomination came about*"), or a quoted word or two. (A finite verb or a relative pronoun
    without its subject: :func:`quoth.extraction.fragments.opens_without_its_subject`.)"""
    first = parsed.char_span(*quote.content[0], alignment_mode="expand")
    words = [t for t in first if not (t.is_punct or t.is_space)] if first is not None else []
    if not words:
        return False
    if quote.type != "indirect":
        total = sum(len(re.findall(r"\w+", doc_text(parsed)[s:e])) for s, e in quote.content)
        return quote.cue is not None and total <= TERM_WORDS
    opening = words[0].lower_
    second = words[1] if len(words) > 1 else None
    if opening in ADVERB_OPENERS and second is not None:
        opening, second = second.lower_, words[2] if len(words) > 2 else None
        words = words[1:]
    if words[0].tag_ == "VBG" and not any(t.dep_ in ("nsubj", "nsubjpass") for t in words):
        return True  # a participle whose subject is outside: "possibly *cutting the water used*"
    if opening == "to" and second is not None and second.tag_ == "VB":
        return cue not in COMMITMENT_CUES
    if opening in OBJECT_PRONOUNS and second is not None and second.lower_ in ("to", "not"):
        return True
    if opening in QUESTION_WORDS:
        return _an_embedded_question(first, words[0])
    return False


QUESTION_WORDS = {"how", "why", "who", "what", "where", "when", "which", "whom", "whose"}


def _an_embedded_question(span, wh) -> bool:
    """'explained why that was so': the question word's clause is the whole content. Not so for
    "when fish were plentiful, they ate algae", where the main clause comes after."""
    inside = range(span.start, span.end)
    roots = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    clause = wh
    while clause.pos_ not in VERB_TAGS and clause.head.i != clause.i and clause.head.i in inside:
        clause = clause.head
    return clause in roots or clause.head in roots and clause.dep_ not in ("advcl",)


def _cue_lemma(parsed, quote: Quote) -> str | None:
    if quote.cue is None:
        return None
    cue = parsed.char_span(*quote.cue, alignment_mode="expand")
    return cue[-1].lemma_.lower() if cue is not None and len(cue) else None


def _holds_a_clause(span, takes_a_clause: bool = False) -> bool:
    """Whether a content says something: its head is a verb ("to stay",
    "he lied"), it opens as a clause, or a finite verb in it is no relative clause's. A noun phrase
    that merely holds a verb in a relative clause or a participle is still a noun phrase: "accused
    *China of intimidating its neighbours*", "denounced *a ruling declaring the ban unlawful*",
    "blamed *each other for the destruction of the dam, which unleashed floods*"."""
    inside = range(span.start, span.end)
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words:
        return True
    if words[0].lower_ in CLAUSE_OPENERS and words[0].dep_ != "det":
        return True  # ('rejected *that argument*': a determiner, no clause)
    for t in words:
        if t.pos_ not in VERB_TAGS or t.dep_ in ADJECTIVAL:
            continue
        if t.head.i not in inside or t.head.i == t.i or takes_a_clause and t.dep_ != "pcomp":
            return True  # the content's own head is a verb (not a preposition's: "concluded
            # *its hearing on the charges against him for allegedly abusing his office*")
        if t.tag_ in FINITE_TAGS and not in_relative_clause(t, inside):
            return True
    return False


# An answer's paragraph of this many words or fewer that ends in a colon heads what follows
# ("Key reforms include:", "Collectivism 1.0:"); it says nothing itself.
HEADING_WORDS = 4


def _a_heading_in_an_answer(text: str, quote: Quote) -> bool:
    content = text[quote.content[0][0] : quote.content[-1][1]].rstrip()
    return content.endswith(":") and len(re.findall(r"\w+", content)) <= HEADING_WORDS


NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")
# the relations by which a cue (or its particle: "called *for*", "reported *on*") takes a noun
OBJECT_DEPS = ("dobj", "pobj", "oprd")
RELATIVIZERS = ("WDT", "WP", "WP$", "WRB")
# verbs whose object is the one addressed ("told *a few thousand teachers* that ..."): the parser
# often hangs what was said under that object, so an object of theirs is no sign of a phrase
ADDRESSING = frozenset("tell ask urge warn remind inform assure advise notify brief instruct convince persuade".split())
# verbs whose object is nearly always a clause the parser misread ("said *several acres of land
# burned*", "argued *the organization needed to be addressed*"): a participle after their
# object noun is the clause's verb
CLAUSAL = frozenset("say argue add state insist believe think write explain".split())
# verbs that report a scene, whose object with a participle is a clause ('reported *sellers
# offering free gifts*'), unlike 'denounced *a ruling declaring* ...'
PERCEIVING = frozenset("report see hear find notice observe witness show describe".split())
# verbs whose object comes with what it is for ('proposed new rules to curb smoking')
PURPOSING = frozenset("add propose announce unveil reveal launch introduce post release offer present submit".split())
# nouns that hold a proposition, whose clause is its content even without 'that'
PROPOSITIONS = frozenset("""speculation claim belief fear concern hope idea notion view warning allegation
    assurance report rumor rumour suggestion sign fact news word assertion argument position suspicion
    expectation promise indication evidence proof impression feeling conviction understanding""".split())


def object_phrase(parsed, quote: Quote) -> bool:
    """Whether the content is one noun phrase, the cue's object, that holds verbs only in what
    modifies its nouns ("a court ruling *declaring* the ban unconstitutional", "a bill *to amend*
    the Act", "the state budget *approved* by Republicans"): the thing denounced, proposed,
    posted or announced, not words anyone said, so it reads as a fragment in the record.

    Kept as statements: a noun with a clause of what was said ("the notion *that he had been a
    participant*", "called for *the decision to be overturned*", "accused the company *of
    preventing her*"), and the misparses where the noun is really a clause's subject ("said
    *more than 15,000 people registered*": a finite verb with no subject or relative word, or a
    participle after the object of a verb that takes clauses)."""
    if quote.type == "direct" or len(quote.content) != 1 or quote.cue is None:
        return False
    span = parsed.char_span(*quote.content[0], alignment_mode="expand")
    cue = parsed.char_span(*quote.cue, alignment_mode="expand")
    if span is None or cue is None or span[0].lower_ == "that":
        return False
    verbs = [t for t in cue if t.pos_ == "VERB"]
    if not verbs or lemma(verbs[-1]) in ADDRESSING:
        return False
    roots = [t for t in span if not t.is_punct and (t.head.i == t.i or not span.start <= t.head.i < span.end)]
    # a prepositional phrase of the cue's after its object is a circumstance ('characterizing
    # the moon ... *for spots where ...*'), unless it holds a verb ('accused X *of meddling*') or
    # says what the object is ('described X *as* "absurd"')
    roots = [t for t in roots if not (t.dep_ == "prep" and cue.start <= t.head.i < cue.end and t.lower_ != "as"
                                      and not any(c.dep_ == "pcomp" for c in t.children))]
    if lemma(verbs[-1]) in PURPOSING and roots and roots[0].dep_ == "dobj":
        # 'added three assists *to lead Boston*', 'proposed new rules *to curb smoking*': what the
        # thing is for, not what the object is said to do ('urged X to act' is not of this kind)
        roots = [roots[0], *(t for t in roots[1:] if not (t.dep_ in ("xcomp", "advcl") and t.i > roots[0].i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children)))]
    if len(roots) != 1 or roots[0].pos_ not in NOMINAL or roots[0].dep_ not in OBJECT_DEPS:
        return False
    root = roots[0]
    if not cue.start <= root.head.i < cue.end:
        return False  # not the cue's own object
    cue_word = lemma(verbs[-1])
    for child in root.children:
        if child.dep_ in ("acl", "relcl", "ccomp") and _says_something(root, child):
            return False
        if child.dep_ == "acl" and (lemma(child) == "be" or cue_word in PERCEIVING and (
                child.tag_ == "VBG" or any(c.lower_ == "being" for c in child.children))):
            return False  # 'declared the outbreak to be a pandemic', 'reported sellers offering ...'
        if child.dep_ == "prep" and child.lower_ in ("of", "for") and any(
                c.dep_ == "pcomp" and c.pos_ == "VERB" for c in child.children):
            return False  # 'accused X of meddling', 'criticized Y for not denouncing'
        if child.dep_ == "acl" and root.head.lower_ == "for" and any(
                c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in child.children):
            return False  # 'called for the decision to be overturned'
    for tok in span:
        if tok.lower_ == "as" and tok.dep_ == "prep" and _predicative(tok):
            return False  # 'described the threat as making it impossible to go on': X is Y
        if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and lemma(verbs[-1]) in CLAUSAL:
            return False
        if tok.tag_ in FINITE_TAGS and tok.dep_ in ("relcl", "acl", "conj", "appos") and _no_subject(tok):
            return False  # 'reported spiky skulls evolved ...': a clause the parser hung on a noun
    return True


def _says_something(noun, clause) -> bool:
    """'the notion that he had been ...', 'concerns that officials are minimizing ...',
    'speculation the cause was not a leak': a clause with a subject of its own after 'that', or
    after a noun of what is thought or said, states what the noun holds ('a deal it brokered',
    with no 'that' after a noun of no such kind, is a relative clause)."""
    if clause.left_edge.lower_ != "that" and lemma(noun) not in PROPOSITIONS:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ not in ("that", "which", "who")
               for c in clause.children)


def _predicative(as_: Token) -> bool:
    """'as' saying what a thing is ('condemned the move as illegal'), not 'such as' or 'as well as'."""
    doc = as_.doc
    before = doc[as_.i - 1].lower_ if as_.i > 0 else ""
    after = doc[as_.i + 1].lower_ if as_.i + 1 < len(doc) else ""
    return before not in ("such", "well", "so") and after != "well"


def _no_subject(verb) -> bool:
    """A finite verb with no subject and no relative word before it in its clause: English
    relative clauses have one or the other, so it is a clause's verb whose subject the parser
    took for the object ('reported *spiky skulls* evolved')."""
    first = verb
    while first.dep_ == "conj" and first.head.tag_ in FINITE_TAGS:
        first = first.head  # 'which have used ... and sparked': judge the first conjunct
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in first.children):
        return False
    return not any(t.tag_ in RELATIVIZERS or t.lower_ == "that" for t in first.subtree if t.i < first.i)


def _opens_a_sentence(text: str, quote: Quote) -> bool:
    """Whether a quotation's words start as a sentence does, with a capital ("Not on my watch"),
    not mid-phrase ("than any time in our history, by far")."""
    first = re.search(r"\w", text[quote.content[0][0] : quote.content[0][1]])
    return first is not None and first.group().isupper()


def _headline_saying(parsed, quote: Quote, headline: Span | None) -> bool:
    if headline is None or quote.cue is None or not headline[0] <= quote.start < headline[1]:
        return False
    cue = _cue_lemma(parsed, quote)
    if cue not in HEADLINE_SAYING:
        return False
    # "Leaders call *to address floods at summit*": an infinitive is what they want done, as in
    # a body sentence; "Minister vows *to resign*" is a commitment, and says something
    return not doc_text(parsed).startswith("to ", quote.start) or cue in COMMITMENT_CUES


# the verbs a headline reports words with, leaving out the verb of what was said
HEADLINE_SAYING = {"say", "tell", "warn", "claim", "insist", "argue", "admit", "deny", "urge", "call", "vow"}


def set_forms(parsed, quotes: list[Quote], turns: set[int] = frozenset(), headline: Span | None = None) -> None:
    """Give every attribution its form (``turns``: the ids of interview turns)."""
    text = doc_text(parsed)
    # quotation marks, and the direct quotations found (one whose opening mark the text lacks
    # included): a first or second person inside is the quoted speaker's
    quoted = quotation_pieces(text) + [p for q in quotes if q.type == "direct" for p in q.content]
    turn_spans = [p for q in quotes if id(q) in turns for p in q.content]
    for q in quotes:
        q.form = content_form(parsed, q, turn=id(q) in turns, headline=headline)
        if q.form == "statement" and q.type != "direct" and q.cue is not None:
            cue = parsed.char_span(*q.cue, alignment_mode="expand")
            if cue is not None and not reports_words(cue):
                q.form = "act"  # "they voted for control of the legislature"
        if id(q) in turns:
            continue
        if q.form == "statement" and not _headline_saying(parsed, q, headline) and object_phrase(parsed, q):
            q.form = "phrase"
        if writer_or_reader(parsed, q, quoted, turn_spans) or imperative(parsed, q, quoted) \
                or writers_inference(parsed, q):
            q.form = "narration"
        elif sung(parsed, q):
            q.form = "lyric"
    for child in quotes:
        if child.parent is None or child.cue is None or child.source is None:
            continue
        outer = quotes[child.parent]
        if outer.form == "statement" and _according_to(text, outer) and _signs_within(child, outer):
            outer.form = "relay"
    for q in quotes:
        if q.form == "statement" and id(q) not in turns and _an_open_question(parsed, q):
            q.form = "question"  # "Howitt wondered whether the cells respond to parasites"
        if q.form == "statement" and q.speaker is None and id(q) not in turns \
                and not unnamed_on_purpose(parsed, q):
            q.form = "unresolved"  # "the governor said": someone particular quoth could not name


# cues that report a question, not an answer ("wondered whether", "asked why", "sought to
# determine whether", "will consider whether"); "decided whether" is already an act
# (extraction.speech has no "decide")
ASKING = frozenset("wonder ask inquire enquire determine consider examine investigate explore "
                   "study weigh debate discuss".split())
QUESTION_OPENERS = frozenset("whether if why how what who whom which when where".split())


def _an_open_question(parsed, quote: Quote) -> bool:
    """'Howitt wondered *whether the cells respond to parasites*', 'she asked *why the report was
    late*': the speaker asks; the content is what they do not know, no claim of theirs. A reader
    who finds it in the speaker's statements reads a claim nobody made. ("questioned whether"
    doubts, and so says something: it stays.)"""
    if quote.type == "direct" or _cue_lemma(parsed, quote) not in ASKING:
        return False
    first = doc_text(parsed)[quote.start : quote.end].split(maxsplit=1)
    return bool(first) and first[0].lower() in QUESTION_OPENERS


def _signs_within(child: Quote, outer: Quote) -> bool:
    """Whether ``child``'s cue and source sit inside ``outer``'s content: the outer attribution
    reports someone else's signed words ("X, the commission said")."""
    def inside(span):
        return any(s <= span[0] and span[1] <= e for s, e in outer.content)
    return inside(child.cue) and inside(child.source)


def _according_to(text: str, quote: Quote) -> bool:
    return quote.cue is not None and text[quote.cue[0] : quote.cue[1]].lower().startswith("according")
