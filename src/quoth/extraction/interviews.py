"""Interview transcripts: each labelled turn is an attribution with no cue, and its speaker.

Transcripts print who speaks as a label opening the paragraph, not as a reporting verb:

    ((WN))  What prompted your curiosity about Magellanic penguins?
    Natasha Gownaris: I've wanted to be a marine scientist since I was a child ...
    NG: This study started in 1982 ...

A reader takes each turn as that person's words, and the unlabelled paragraphs that follow, up to
the next label, as more of the same turn. The rules over the parse see none of this (there is no
cue), or worse, take the label for a subject. This step finds the turns, gives each its speaker,
and removes what the rules made of the labels.

Labels are trusted only when they read as a speaker: ``((...))`` anywhere, ``Q:``/``A:``, or
``Name:`` where the name is the interviewer (``WN``, ``Wikinews``), a person the article names in
full elsewhere, the surname or the initials of exactly one such person (in capitals too, as
broadcast transcripts print them: ``REEVES:``); and only in an article with at least
two labelled turns. ``Update:`` or ``Long-term goals:`` are not speakers, nor is a letter's
salutation (``DEAR ABBY:``), which names who the letter is written to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from quoth.extraction.offsets import SpanIndex
from quoth.extraction.quotemarks import paragraphs
from quoth.model import Quote, Span

# An interviewing outlet's own labels.
INTERVIEWER_LABELS = {"wn": "Wikinews", "wikinews": "Wikinews"}
_PAREN_LABEL = re.compile(r"\(\(\s*([^()\n]{1,60}?)\s*\)\)[ \t\u00a0]*")
_COLON_LABEL = re.compile(r"([A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,3}):[ \t\u00a0]+(?=\S)")
_QA_LABEL = re.compile(r"(Q|A)[.:][ \t\u00a0]+(?=\S)")
_NAME_WORD = re.compile(r"[A-Z][a-z][\w'’-]*")
MIN_TURNS = 2
_QUOTE_MARKS = set('"“”')


@dataclass
class Turn:
    label: Span | None  # the label as written, brackets and colon excluded (None: printed without one)
    content: Span  # the turn's words in this paragraph
    speaker: str | None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _full_names(text: str) -> set[str]:
    """Two to four capitalised words in a row: the names a label may refer to."""
    return {m.group() for m in re.finditer(r"\b[A-Z][a-z][\w'’-]*(?:[ \u00a0][A-Z][a-z][\w'’-]*){1,3}\b", text)}


def _speaker_for(label: str, names: set[str], parenthesised: bool) -> tuple[bool, str | None]:
    """(is this a speaker label, who): see the module docstring for what is trusted."""
    key = label.strip().casefold()
    if key.split()[:1] in (["dear"], ["to"]):
        # 'DEAR ABBY: My husband ...': a letter's salutation names who it is written to, never
        # who writes it (an advice column's reader, who signs off with no name)
        return False, None
    if key in INTERVIEWER_LABELS:
        return True, INTERVIEWER_LABELS[key]
    if key in ("q", "a"):
        return True, None
    if re.fullmatch(r"[A-Z]{2,4}", label):
        matches = {n for n in names if _initials(n) == label and len(n.split()) == len(label)}
        if len(matches) == 1:
            return True, next(iter(matches))
        return parenthesised and label[:1].isupper(), None
    if re.fullmatch(r"[A-Z][A-Z'’-]{4,}(?: [A-Z][A-Z'’-]+){0,3}|[A-Z]{2,}(?: [A-Z][A-Z'’-]+){1,3}", label):
        label = " ".join(w.capitalize() for w in label.split())  # broadcast transcripts: 'REEVES:'
    words = label.split()
    if 2 <= len(words) <= 4 and all(_NAME_WORD.fullmatch(w) for w in words) and (parenthesised or label in names):
        return True, label
    if len(words) == 1 and _NAME_WORD.fullmatch(label):
        # 'Reeves:' in an article naming Rachel Reeves (and no other Reeves): her turn
        full = {n for n in names if len(n.split()) >= 2 and n.split()[-1].casefold() == key}
        if len(full) == 1:
            return True, next(iter(full))
    if parenthesised and len(words) == 1 and _NAME_WORD.fullmatch(label):
        return True, label  # "((Jaya))": a first name the interview goes by
    return parenthesised and label[:1].isupper(), None


def _by_surname(label: str, parenthesised: bool) -> bool:
    """A label trusted only because it is one surname or a name in capitals ('Reeves:', 'REEVES:')."""
    return not parenthesised and (len(label.split()) == 1 or label.isupper()) and label.casefold() not in INTERVIEWER_LABELS and label not in ("Q", "A") and not re.fullmatch(r"[A-Z]{2,4}", label)


def _converses(accepted: list) -> bool:
    """Someone speaks twice: a conversation goes back and forth."""
    speakers = [turn.speaker for _, turn, _ in accepted if turn.speaker]
    return len(set(speakers)) < len(speakers)


def _interviewee(intro: str) -> str | None:
    """Who answers "A:" turns: the one person the introduction names in full, else nobody. Of
    several capitalised names, only those opening with a first name the name dictionary knows
    count ("Junior Gaspard" among "New York" and "Port-au-Prince")."""
    from quoth.speakers.names import canonical_name, is_place_name, known_first_name

    names = {n for n in _full_names(intro) if len(n.split()) <= 3 and not any(is_place_name(w) for w in n.split())}
    # "Introducing Junior Gaspard" (a headline) beside "Junior Gaspard": the shorter is the name,
    # the longer the same name with the sentence's first word glued on
    names = {n for n in names if not any(n != m and n.endswith(" " + m) for m in names)}
    if len(names) > 1:
        names = {n for n in names if known_first_name(n.split()[0])}
    return canonical_name(names.pop()) or None if len(names) == 1 else None


def _is_prose(paragraph: str) -> bool:
    """More of a turn: a sentence, not a caption or a pull quote's credit ("—Natasha Gownaris")."""
    p = paragraph.strip()
    return not p.startswith(("—", "–", "-", "―")) and p.endswith((".", "!", "?", '"', "”", "’", ")", ":"))


def find_turns(text: str, zones: list[Span], outlet: str | None = None, headline: Span | None = None) -> list[Turn]:
    """Every labelled turn and the unlabelled paragraphs continuing it, in text order.

    ``outlet`` is the publisher the reader found beside the text, if any: the interviewer when
    the article says it asked the questions (:func:`_interviewer`). The ``headline`` is no turn:
    "Star Wars Jedi: Fallen Order review" names a work, and the title's colon comes back in the
    body ("Star Wars Jedi: Fallen Order is a game ...") without anyone speaking."""
    labelled: list[tuple[int, Span, Span, str, bool]] = []
    zone_index = SpanIndex(zones)  # a zone holding the paragraph's start: s <= p_start < e
    for p_start, p_end in paragraphs(text):
        if not zone_index.contains(p_start, p_start + 1) or (headline is not None and headline[0] <= p_start < headline[1]):
            continue
        m = _PAREN_LABEL.match(text, p_start, p_end)
        paren = m is not None
        m = m or _QA_LABEL.match(text, p_start, p_end) or _COLON_LABEL.match(text, p_start, p_end)
        if m is None or m.end() >= p_end:
            continue
        labelled.append((p_start, m.span(1), (m.end(), p_end), m.group(1), paren))
    if len(labelled) < MIN_TURNS:
        return []
    # names the article gives outside the labels (and inside ((Full Name)) labels)
    pieces, at = [], 0
    for _, (s, e), _, _, _ in labelled:  # the text with the labels blanked out
        pieces.append(text[at:s] + " " * (e - s))
        at = e
    names = _full_names("".join(pieces) + text[at:])
    # a name labelling a turn in full (((Aparna Garg)), "Natasha Gownaris:") is one initials may stand for;
    # when some do, initials stand for one of them only: '((RS))' beside '((Philipp Hagemeister))' is
    # the reporter, not Richard Stallman whom the article mentions
    in_full = {g for _, _, _, g, _ in labelled if len(g.split()) >= 2 and all(_NAME_WORD.fullmatch(w) for w in g.split())}
    initials_of = in_full or names
    turns: list[Turn] = []
    accepted = []
    answerer = _interviewee(text[: labelled[0][0]])
    for p_start, label, content, raw, paren in labelled:
        ok, speaker = _speaker_for(raw, names if len(raw.split()) > 1 else initials_of, paren)
        if ok and raw == "A":
            speaker = answerer
        if ok:
            accepted.append((p_start, Turn(label, content, speaker), _by_surname(raw, paren)))
    if not _converses(accepted):
        # 'Sanders: Win in a walk.' 'Cruz: Just hang on.': headings that name a new person each
        # time are sections, not a conversation
        accepted = [a for a in accepted if not a[2]]
    accepted = [(p_start, turn) for p_start, turn, _ in accepted]
    if len(accepted) < MIN_TURNS:
        return []
    asker = _give_questions_to_interviewer(text, [t for _, t in accepted], outlet)
    starts = {p for p, _ in accepted}
    by_start = dict(accepted)
    # a paragraph opening with any label ends the turn before it, even when the label is not
    # trusted as a speaker: its words are not the previous speaker's
    boundaries = {p for p, *_ in labelled}
    ordered = sorted(boundaries)
    interviewers = set(INTERVIEWER_LABELS.values()) | ({asker} if asker else set())
    current: Turn | None = None
    last_label = max(starts)
    previous_end = 0  # where the last paragraph of a turn ends
    for p_start, p_end in paragraphs(text):
        if p_start in by_start:
            current = by_start[p_start]
            turns.append(current)
            previous_end = p_end
        elif p_start in boundaries:
            current = None
        elif current is not None and _is_editors_note(text[p_start:p_end]):
            current = None  # the editor's words, not the speaker's; what follows is no longer sure
        elif current is not None and _not_the_speakers(text, (p_start, p_end), current, ordered, by_start, interviewers):
            current = None
        elif (
            current is not None
            and (min(starts) < p_start < last_label or _same_block(text, previous_end, p_start))
            and zone_index.contains(p_start, p_start + 1)
            and _is_prose(text[p_start:p_end])
        ):
            if _goes_on_mid_sentence(text, turns[-1].content, p_start):
                turns[-1] = Turn(turns[-1].label, (turns[-1].content[0], p_end), turns[-1].speaker)
            else:
                turns.append(Turn(current.label, (p_start, p_end), current.speaker))
            previous_end = p_end
    opening = _opening_question(text, zone_index, min(starts), [t for _, t in accepted])
    return ([opening] if opening is not None else []) + turns


def _goes_on_mid_sentence(text: str, before: Span, start: int) -> bool:
    """'... it was a system' / 'of oppression. But ...': a paragraph opening in lower case after one
    of the same turn that stopped without ending its sentence is that sentence going on, broken
    by the page; one statement, not a fragment of its own."""
    last = text[before[0] : before[1]].rstrip()
    return text[start : start + 1].islower() and last[-1:].isalnum()


def _not_the_speakers(text: str, paragraph: Span, current: Turn, ordered: list[int], by_start: dict,
                      interviewers: set[str]) -> bool:
    """An unlabelled paragraph after a turn that cannot be more of it: the next labelled turn is
    the same interviewer's (or unnamed label's) again (between two questions, with no answer
    printed, comes the article's narration, not more questions; an interviewee may answer in
    several labelled paragraphs), or it names the interviewing outlet that
    is speaking ('Wikinews reached out to Walker ...')."""
    after = bisect_right(ordered, paragraph[0])
    following = by_start.get(ordered[after]) if after < len(ordered) else None
    if following is not None and following.speaker == current.speaker and following.label is not None \
            and (current.speaker is None or current.speaker in interviewers) \
            and current.label is not None and text[slice(*following.label)] == text[slice(*current.label)]:
        return True
    words = text[paragraph[0] : paragraph[1]]
    return current.speaker in INTERVIEWER_LABELS.values() and re.search(rf"\b{re.escape(current.speaker)}\b", words) is not None


_NOTE_OPENING = re.compile(r"\W{0,2}(?:editor[’']?s?[’']? note|ed\. note|note|n\.b\.)\b", re.I)
_ABOUT_THE_INTERVIEW = re.compile(
    r"\b(?:(?:the|this)(?: following)? (?:interview|conversation|transcript|exchange)\b[^.]*?"
    r"\b(?:has|have|was|were) been|names?\b[^.]*?\b(?:has|have) been)"
    r" (?:edited|condensed|translated|altered|changed|shortened|abridged|lightly edited)\b", re.I)


def _is_editors_note(paragraph: str) -> bool:
    """A paragraph between turns that is the editor's, not the speaker's: one wholly in brackets
    or parentheses ("[The volunteer added: ...]"), one opening "Editor's note" or "Note:", or one
    about the interview itself ("The names have been altered in the following interview.",
    "This interview has been edited for length")."""
    p = paragraph.strip()
    if _NOTE_OPENING.match(p):
        return True
    if p[:1] in "([" and _closes_at_end(p):
        return True
    return len(p) < 300 and _ABOUT_THE_INTERVIEW.search(p) is not None


def _closes_at_end(p: str) -> bool:
    """Whether the bracket opening ``p`` is closed by its last character (a full stop aside):
    "(Laughter.)" and "[Note ...]", not "[Women] pilots are coming."""
    body = p.rstrip(".")
    pairs = {"(": ")", "[": "]"}
    opening, closing = body[0], pairs[body[0]]
    depth = 0
    for i, ch in enumerate(body):
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return i == len(body) - 1
    return False


# How an article says who asked the questions: 'Wikinews contacted Lusk', 'Parker spoke with
# Wikinews', 'With Wikinews, Richardson discussed', 'We've asked him to share ...' (the publisher).
_ASKING = r"(?:interview(?:ed|s)?|contacted|spoke|speaks|talked|talks|reached out|asked|caught up|sat down|put (?:some |these |our )?questions)"
_WE_ASKED = re.compile(r"\b[Ww]e(?:[’']ve| have| recently)? " + _ASKING + r"\b")


def _interviewer(text: str, turns: list[Turn], outlet: str | None) -> str | None:
    """The outlet that asked the questions: one whose own label ("((WN))") opens some turn, else
    the one the article says interviewed, contacted or spoke with the interviewee, among the
    outlets whose labels this module knows and the page's publisher. A "we asked" in the
    article's own voice is its publisher. None when the article does not say."""
    own = {t.speaker for t in turns if t.speaker in INTERVIEWER_LABELS.values()}
    if own:
        return own.pop() if len(own) == 1 else None
    candidates = sorted(set(INTERVIEWER_LABELS.values()) | ({outlet} if outlet else set()))
    found = set()
    for name in candidates:
        n = re.escape(name)
        if re.search(
            rf"\b{n}(?: (?:reporters?|journalists?|correspondents?|editors?)(?: [A-Z][\w.]*){{0,3}})? {_ASKING}\b"
            rf"|\b(?:spoke|speaking|talked|talking|told|tells|interview(?:ed)? (?:with|by)|(?:[Ww]ith|to) {n},)\b(?: (?:with|to))? {n}\b",
            text,
        ):
            found.add(name)
    if not found and outlet and _WE_ASKED.search(text):
        found.add(outlet)
    return found.pop() if len(found) == 1 else None


def _give_questions_to_interviewer(text: str, turns: list[Turn], outlet: str | None) -> str | None:
    """Turns under "Q:", or under initials that stand for no one the article names ("((WSS))",
    a reporter's), when they ask questions, are the interviewer's: the outlet that the article
    says asked them (:func:`_interviewer`). A label whose turns mostly answer ("((AN))", a
    misprint for the interviewee's) keeps no speaker. Returns the interviewer given, if any."""
    unclaimed: dict[str, list[Turn]] = {}
    for turn in turns:
        if turn.speaker is None and turn.label is not None:
            label = text[turn.label[0] : turn.label[1]]
            if label == "Q" or re.fullmatch(r"[A-Z]{2,4}", label):
                unclaimed.setdefault(label, []).append(turn)
    if not unclaimed:
        return None
    interviewer = _interviewer(text, turns, outlet)
    if interviewer is None:
        return None
    for label, asked in unclaimed.items():
        questions = sum("?" in text[t.content[0] : t.content[1]] for t in asked)
        if label == "Q" or questions * 2 > len(asked):
            for turn in asked:
                turn.speaker = interviewer
    return interviewer


def _same_block(text: str, previous_end: int, start: int) -> bool:
    """A line right under the one before, with no blank line between: the same turn goes on
    ('...get the project back online.\nI understand people who think differently.')."""
    return 0 < previous_end <= start and text[previous_end:start].count("\n") == 1


def _opening_question(text: str, zone_index: SpanIndex, first: int, accepted: list[Turn]) -> Turn | None:
    """The interviewer's first question, printed without a label before the first answer:

        When did you get to know about the notice?

        ((Philipp Hagemeister))  I saw it along with anyone else.

    Taken only when the first labelled turn is not the interviewer's, the interviewer labels
    later turns, and the paragraph just before the first label asks a question."""
    interviewer = {t.speaker for t in accepted if t.speaker in INTERVIEWER_LABELS.values()}
    if len(interviewer) != 1 or accepted[0].speaker in interviewer:
        return None
    before = [p for p in paragraphs(text[:first]) if p[1] <= first]
    if not before:
        return None
    p_start, p_end = before[-1]
    question = text[p_start:p_end]
    if not question.endswith("?") or not zone_index.contains(p_start, p_start + 1) or _QUOTE_MARKS & set(question):
        return None
    return Turn(None, (p_start, p_end), interviewer.pop())


# Sounds that only keep a conversation going ("Ya ya.", "Mm-hmm."); "Yes" and "No" answer something.
_FILLERS = frozenset("ya yah yeah yep ok okay oh ah uh um umm hmm mm mhm hm well right sure".split())
_STAGE_DIRECTION = re.compile(r"\s*[\[(][^\])]*[\])]\W*")


def _says_something(turn: str) -> bool:
    """Whether a turn holds words said: not a stage direction in brackets ("[Nods].", "(Laughs)")
    nor only fillers ("Ya ya."). A one-word answer ("Middlemarch.") says something."""
    if _STAGE_DIRECTION.fullmatch(turn):
        return False
    words = [w.lower() for w in re.findall(r"\w+", turn)]
    return bool(words) and not all(w in _FILLERS for w in words)


# Fewer words than this answer only the question asked ('Switzerland.', 'Yes, definitely.').
MIN_TURN_WORDS = 3


def _stands_alone(turn: str) -> bool:
    """Whether a turn says something a reader can take without the question before it: a one- or
    two-word answer ('Switzerland.' to 'What are your favourite places to play?') means nothing
    on its own, and a store of statements holds none of the question; the turn is not stored."""
    return len(re.findall(r"\w+", turn)) >= MIN_TURN_WORDS


def _type_of(speaker: str | None, interviewers: set[str] = frozenset()) -> str | None:
    if speaker is None:
        return None
    return "organisation" if speaker in INTERVIEWER_LABELS.values() or speaker in interviewers else "person"


def add_turns(
    text: str, zones: list[Span], quotes: list[Quote], outlet: str | None = None, headline: Span | None = None
) -> tuple[list[Quote], set[int]]:
    """The rules' quotes with every turn added and what the rules made of labels removed.

    ``outlet``: the page's publisher, if known (who asked the questions, when the article says
    "we asked"). Returns the new list and the ids (``id()``) of the turn quotes, whose speakers are final.
    """
    turns = find_turns(text, zones, outlet, headline=headline)
    if not turns:
        return quotes, set()
    labels = SpanIndex(t.label for t in turns if t.label is not None)
    contents = SpanIndex(t.content for t in turns)

    def made_of_a_label(q: Quote) -> bool:
        spans = [s for s in (q.cue, q.source) if s is not None]
        # a label (ls, le) with ls <= s < le + 2, that is le >= s - 1
        if any(labels.contains(s, s - 1) for s, _ in spans):
            return True
        # a cue-less quote inside a turn (a continuation, an unclaimed quotation) is the turn itself
        return q.cue is None and contents.contains(q.start, q.end)

    kept = [q for q in quotes if not made_of_a_label(q)]
    added = [
        Quote(content=[t.content], type="direct", speaker=t.speaker, speaker_type=_type_of(t.speaker, {outlet} if outlet else set()))
        for t in turns
        if _says_something(text[t.content[0] : t.content[1]]) and _stands_alone(text[t.content[0] : t.content[1]])
    ]
    return kept + added, {id(q) for q in added}
