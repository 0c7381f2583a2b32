"""Cue frames that look like reporting but state nothing anyone said (issue #10 audits).

A careful reader of news does not take these as somebody's statement, whatever the cue lexicon
learnt from PolNeAR says about the verb:

- **a finding of a thing that cannot speak**: "Blood tests revealed that ...", "Breathing tests
  showed that ...", "nothing indicated that ...", "no sign suggested ...": a lab result or the
  writer's own inference. Studies, polls, reports, records and data keep their findings (they
  have an author, and both PolNeAR and the Wikinews gold annotate them);
- **a name**: "Often called bird fancier's asthma, symptoms ...": a participle of "call" with
  no subject and no one saying it names a thing;
- **a suspicion nobody voices**: "a man who was suspected of dying from the virus";
- **a plan with the writer's sentence before it**: "X — McClatchy is planning to end ...":
  "plan", "intend", "aim" never sign a clause the way "X, he said" does;
- **a title in quotation marks**: 'Roberts says his event, "Storm Area 51", was a joke': a
  quotation set off by commas after a noun, with the sentence's verb after it, names the noun;
- **a request put to the subject** ("when asked to condemn them"): kept, as both golds keep it,
  but as the asker's (the agent, or no source), never the words of the one asked (:func:`asker`);
- **an object that introduces a quotation**: 'who cited his experience: "..."': the quotation
  after the colon is what was said; the object only announces it;
- **narration after an exclamation**: '... TOGETHER!" Yesterday Marine One landed on the lawn':
  a verb that is no verb of speech, going on with words of its own, after a quotation closed by
  "!" or "?" starts the next sentence; it does not sign the quotation
  (:func:`narrates_after_quotation`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from quoth.nlp import doc_text, lemma

# Verbs of finding out: speech only when someone (or something with an author) finds.
EVIDENCE_VERBS = frozenset("show reveal indicate find suggest confirm demonstrate prove".split())
# What is done to a patient or a sample: it yields a result, it does not state one.
INSTRUMENTS = frozenset(
    """test scan x-ray xray biopsy autopsy necropsy exam examination screening swab sample
    ultrasound mri ct ecg ekg imaging bloodwork sign""".split()
)
# ("none" is left out: "None showed ..." most often means none of the documents just named)
NOTHING = frozenset("nothing nobody".split())
# Intentions: what someone means to do, never a sign-off for a clause before them.
INTENTIONS = frozenset("plan intend aim prepare want try attempt seek".split())


def _subject(tok: Token) -> Token | None:
    """The cue's subject, or the subject of the verb it is joined to ('tests revealed X and showed Y')."""
    for t in (tok, tok.head if tok.dep_ == "conj" else None):
        if t is None:
            continue
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return None


def _finding_of_a_thing(tok: Token) -> bool:
    """'Blood tests revealed that ...', 'nothing indicated that ...', 'no scan showed ...'."""
    if lemma(tok) not in EVIDENCE_VERBS:
        return False
    subj = _subject(tok)
    if subj is None or subj.tag_ in ("WP", "WDT"):
        return False
    if subj.lower_ in NOTHING or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in subj.children):
        return False  # 'A 2014 examination by the Better Government Association found ...': it has an author
    words = [subj.lemma_.lower(), *(c.lemma_.lower() for c in subj.children if c.dep_ in ("compound", "amod"))]
    return any(w in INSTRUMENTS for w in words)


def _passive(tok: Token) -> bool:
    """A passive participle: 'was asked', 'who was suspected', or a bare 'when asked'."""
    if tok.tag_ != "VBN":
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    return not any(c.dep_ in ("nsubj", "aux") for c in tok.children)


def _nobody_says_it(tok: Token) -> bool:
    return not any(c.dep_ == "agent" for c in tok.children)


def reports_nothing(tok: Token, clause: bool, signs_quotation: bool, signs_after_comma: bool) -> bool:
    """Whether the verb cue ``tok`` is in a frame that states nothing (see the module docstring).

    ``clause``: it has a clausal complement of its own; ``signs_quotation``: a quotation is next
    to it; ``signs_after_comma``: that quotation ends with a comma right before it ('"X," ...').
    """
    word = lemma(tok)
    if _finding_of_a_thing(tok):
        return True
    if word == "call" and tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl") and not clause \
            and not signs_after_comma and _nobody_says_it(tok) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return True  # "Often called bird fancier's asthma, symptoms ...": a name
    if word == "suspect" and _passive(tok) and _nobody_says_it(tok) \
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True  # "who was suspected of dying from the virus"
    if word in INTENTIONS and any(c.dep_ in ("ccomp", "parataxis") and c.i < tok.i for c in tok.children):
        return True  # "X — McClatchy is planning to end ...": a plan does not sign X
    if word in ("ask", "request", "speak") and _asks_for_anonymity(tok):
        return True  # "a refugee who asked not to be identified": the condition of speaking
    return False


def _asks_for_anonymity(tok: Token) -> bool:
    """'asked not to be identified', 'requested anonymity', 'spoke on condition of anonymity':
    the terms a source gave, not what the source said."""
    after = " ".join(t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 7])
    return bool(_ANONYMITY.match(after))


_ANONYMITY = re.compile(r"(?:not to be (?:identified|named)|that (?:his|her|their) names? not be|anonymity"
                        r"|to remain anonymous|on (?:the )?condition of anonymity)")


_NEXT_VERB = re.compile(r"\s*,\s*")


def titles_a_noun(doc: Doc, gap_start: int, quote_start: int, quote_end: int) -> bool:
    """'says his event, "Storm Area 51", was posted as a joke': between the cue and a quotation a
    noun and a comma, and after the quotation a comma and the verb of that noun: the quotation
    is the noun's name in apposition, not what was said."""
    text = doc_text(doc)
    if not text[gap_start:quote_start].rstrip().endswith(","):
        return False
    before = doc.char_span(gap_start, quote_start, alignment_mode="expand")
    words = [t for t in before or [] if not t.is_punct]
    if not words or words[-1].pos_ not in ("NOUN", "PROPN") or words[-1].idx < gap_start:
        return False
    after = _NEXT_VERB.match(text, quote_end)
    if after is None or "," not in after.group():
        return False
    nxt = doc.char_span(after.end(), min(len(text), after.end() + 40), alignment_mode="expand")
    return bool(nxt) and nxt[0].tag_ in ("VBD", "VBZ", "VBP", "MD")


# Verbs whose object only announces a quotation after a colon ('cited his experience: "..."').
ANNOUNCING = frozenset("cite describe mention recount recall".split())


def object_introduces_quotation(tok: Token, content_end: int, quoted) -> bool:
    """'who cited only his experience with rugby: "one in, all in"': an object followed by a
    colon and a quotation announces the quotation, which is what was said ('noted the need to
    act: "..."' is a statement of its own and stays)."""
    if lemma(tok) not in ANNOUNCING:
        return False
    text = doc_text(tok.doc)
    rest = text[content_end : content_end + 4]
    if not rest.lstrip().startswith(":"):
        return False
    colon = content_end + rest.index(":")
    return any(colon < q.start <= colon + 3 for q in quoted)


def widen_over_title(doc: Doc, cue_end: int, content: list[tuple[int, int]], quoted) -> list[tuple[int, int]]:
    """A clause that the parser starts inside a title ('says his event, "Storm Area 51, They
    Can't Stop All of Us", was posted': it reads 'They Can't Stop' as a clause) starts with the
    noun the title names, right after the cue."""
    if not content:
        return content
    start, end = content[0]
    for q in quoted:
        if cue_end <= q.start < start < q.end and titles_a_noun(doc, cue_end, q.start, q.end):
            words = doc.char_span(cue_end, q.start, alignment_mode="expand")
            first = next((t for t in words or [] if t.idx >= cue_end and not t.is_punct), None)
            if first is not None:
                return [(first.idx, end), *content[1:]]
    return content


def asker(tok: Token) -> tuple[bool, tuple[int, int] | None]:
    """'when asked to condemn them', 'she was asked to resign by the board': a request put to the
    subject. It is the asker's (the agent, or nobody named), never the words of the one asked;
    PolNeAR and the Wikinews gold keep it as an attribution with no source. Returns whether
    ``tok`` is such a passive 'asked to', and the agent's span when there is one."""
    if lemma(tok) != "ask" or not _passive(tok) or not any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children
    ):
        return False, None
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if pobj is None:
        return True, None
    words = list(pobj.subtree)
    return True, (words[0].idx, words[-1].idx + len(words[-1].text))


def narrates_after_quotation(tok: Token, closing: str, speech_verb: bool) -> bool:
    """Whether a verb right after a quotation that closed on ``closing`` tells the next event
    rather than signing it: '"We will get through this TOGETHER!" Yesterday afternoon Marine One
    landed on the South Lawn'. A quotation ending in "!" or "?" may end its sentence; what follows
    signs it only with a verb of speech (``speech_verb``: '"Stop!" Smith shouted at them') or a
    bare verb that has nothing more to say ('"Really?" she smiled.'). A verb of anything else with
    an object, a complement or a phrase of its own after it ('landed on the lawn', 'flew to
    Paris') is narration: crediting the quotation to its subject would make a helicopter speak."""
    if closing not in ("!", "?") or speech_verb:
        return False
    return any(c.i > tok.i and c.dep_ in ("dobj", "prep", "advcl", "xcomp", "ccomp", "attr", "dative", "oprd")
               for c in tok.children)
