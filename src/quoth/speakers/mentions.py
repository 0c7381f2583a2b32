"""Finding the article's people and every mention of them.

spaCy's PERSON entities, plus names the tagger missed, are cleaned into names
(:func:`quoth.speakers.names.canonical_name`) and grouped into people: a bare surname joins the
person whose full name ends in it, "Mr. Obama" is not Michelle Obama. Each mention records the
roles written next to it. :class:`_People` holds the result; :mod:`quoth.speakers.named_sources`
reads a source against them.
"""

from __future__ import annotations

from bisect import bisect_left

from rapidfuzz.distance import Levenshtein

from quoth.nlp import doc_ents, ent_at, lemma as lemma_of, doc_tokens
from quoth.speakers.name_index import NameIndex

from typing import TYPE_CHECKING, Iterable

from quoth.speakers.names import (
    NOT_NAME_OPENERS,
    POST_NOMINALS,
    is_place_name,
    known_first_name,
    sure_first_name,
    _FEMALE_NAMES,
    _HONORIFICS,
    _MALE_NAMES,
    _NAME_PARTICLES,
    _NAME_RUN,
    _ORG_HEADS,
    _TITLES,
    _Mention,
    _Person,
    _name_gender,
    _name_word,
    _same_full_name,
    _surname,
    canonical_name,
)
from quoth.speakers.organisations import _ORG_NOUNS, _PUBLICATION_WORDS
from quoth.speakers.roles import _is_role_noun, _role_gender, _roles_at
from quoth.speakers.tokens import (
    _APOSTROPHES,
    _POSSESSIVE,
    _SKIP_ENTS,
    _is_quote_mark,
)

if TYPE_CHECKING:  # spaCy is only needed by the caller, who parsed the text.
    from spacy.tokens import Doc, Span, Token

    from quoth.speakers.text import _Text



# 'Remarked Center for Biological Diversity scientist Tierra Curry, "..."': an inverted cue that
# opens the sentence, which the tagger may glue onto the name after it.
_OPENING_VERBS = {
    "said", "says", "added", "adds", "asked", "wrote", "writes", "remarked", "commented", "continued",
    "explained", "noted", "tweeted", "replied", "responded", "argued", "insisted",
}

# Prepositions that put a place after them ("in Amman", "from Kiev").
_PLACE_PREPOSITIONS = {"in", "at", "from", "to", "near", "outside", "into", "across", "around", "towards", "toward"}


class _People:
    """The article's people, each mention of them, and the roles written next to them."""

    def __init__(self, doc: Doc, text: _Text) -> None:
        self.doc = doc
        self.text = text
        self.people: list[_Person] = []
        self.mentions: list[_Mention] = []
        self.name_index = NameIndex()  # who has which surname, first name: kept up to date with forms
        self._covering: tuple[int, dict[int, _Mention]] | None = None
        self._named: tuple[tuple[int, int], dict[str, _Person], dict[str, _Person]] | None = None
        self._by_first: tuple[int, list[int]] | None = None
        self._find_people()

    def _find_people(self) -> None:
        doc = self.doc
        raw = []
        for ent in list(self._person_spans()):
            cleaned = self._clean_person(ent)
            if cleaned is not None:
                raw.append(cleaned)
        # A title-case headline is where the tagger errs most ("Derelict Obama and Clinton"):
        # a full name found only there is not trusted.
        body_names = [r[0] for r in raw if not self.text.in_headline(doc[r[2]])]
        raw = [r for r in raw if len(r[0]) < 2 or not self.text.in_headline(doc[r[2]])
               or any(len(b) >= 2 and _same_full_name(b, r[0]) for b in body_names)]
        # One word, no first name, that the article also uses as something else is no person.
        in_full_names = {w.lower() for r in raw if len(r[0]) >= 2 for w in r[0]}
        raw = [r for r in raw if len(r[0]) != 1 or _in_a_full_name(r[0][0].lower(), in_full_names)
               or not self._weak_one_word_name(doc[r[2]])]
        # Full names first, so that a bare surname can find its person wherever it appears;
        # then surnames with a gendered honorific ("Mr. Obama"), which may split a family.
        order = sorted(range(len(raw)), key=lambda i: (len(raw[i][0]) < 2, raw[i][4] is None, i))
        assigned: dict[int, int] = {}
        for i in order:
            tokens, text, first, last, honorific = raw[i]
            assigned[i] = self._person_for(tokens, text, honorific)
        for i, (tokens, text, first, last, honorific) in enumerate(raw):
            person = self.people[assigned[i]]
            root = self._name_root(first, last)
            self.mentions.append(
                _Mention(doc[first].idx, doc[last].idx + len(doc[last]), first, last, root,
                         person.id, self.text.sent_of[root])
            )
        self._find_untagged_mentions()
        self._find_hyphenated_mentions()
        self._find_surnames_read_as_places()
        self.mentions.sort(key=lambda m: m.start)
        for mention in self.mentions:
            person = self.people[mention.person]
            for role in _roles_at(self.doc, mention):
                person.roles.append(role)
                person.evidence.append(role.key)
                person.gender = person.gender or _role_gender(role.key.head)
        for person in self.people:
            if person.gender is None and not person.ambiguous:
                firsts = {f[0].lower() for f in person.forms if len(f) > 1}
                if firsts & _MALE_NAMES and not firsts & _FEMALE_NAMES:
                    person.gender = "m"
                elif firsts & _FEMALE_NAMES and not firsts & _MALE_NAMES:
                    person.gender = "f"

    def _person_spans(self) -> Iterable[Span]:
        """PERSON entities, plus the names the tagger missed but the text marks as people."""
        doc = self.doc
        taken: set[int] = set()
        for ent in doc_ents(doc):
            if ent.label_ == "ORG":
                named = self._person_named_as_org(ent)
                if named is not None:
                    taken.update(range(named.start, named.end))
                    yield named
                continue
            if ent.label_ != "PERSON" or _titled_by_kind(ent):
                continue
            start = ent.start
            # "Arnel dela Vega" tagged from "dela": take in the first name the parser ties to it.
            while (
                start > 0
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].is_title
                and not doc[start - 1].ent_type_
                and ent.start <= doc[start - 1].head.i < ent.end
                and not _is_title_word(doc[start - 1])
                and not is_place_name(doc[start - 1].text)
                # a capitalised sentence opener ("Afterwards Trump") is no first name, unless known,
                # or unless the tagged name opens with a lower-case particle ("dela Vega"), which
                # no name starts with: the word before it is the first name, wherever it stands
                and not (doc[start - 1].is_sent_start and doc[start - 1].lower_ not in _MALE_NAMES | _FEMALE_NAMES
                         and not (start == ent.start and doc[start].is_lower and doc[start].lower_ in _NAME_PARTICLES))
            ):
                start -= 1
            taken.update(range(start, ent.end))
            yield doc[start : ent.end]
        # A run of two to four capitalised proper nouns outside any place or person entity is a
        # person's name when the text says so: a role noun right before it ("committee member
        # Ulf Danielsson"), a role appositive after it ("Tomasz Kubiak, a fire service
        # spokesman,"), or a known first name.
        toks = doc_tokens(doc)  # (doc[j] would build each token anew)
        n = len(toks)
        i = 0
        while i < n:
            j = i
            while j < n and _name_word(toks[j]) and j not in taken:
                j += 1
            if j == i:
                i += 1
                continue
            run = doc[i:j]
            i = j
            words = [t for t in run if t.is_title]
            if not _NAME_RUN[0] <= len(run) <= _NAME_RUN[1] or len(words) < _NAME_RUN[0]:
                continue
            if not run[0].is_title or not run[-1].is_title or any(_is_title_word(t) for t in run):
                continue
            if any(t.ent_type_ in ("GPE", "LOC", "NORP", "FAC") for t in run):
                continue
            last = run[-1].lower_
            # Names are not common words ("Walter Reed Hospital", "Marine One", "Black Caucus").
            if last in _ORG_HEADS or last in _PUBLICATION_WORDS or any(
                t.lower_ in self.text.lower_words and t.lower_ not in _NAME_PARTICLES for t in run
            ):
                continue
            if len(last.rstrip(".")) < 2:  # "Sergey M."
                continue
            before = doc[run.start - 1] if run.start > 0 else None
            root = run.root
            evidence = (
                before is not None and before.pos_ == "NOUN" and _is_role_noun(before)
                or any(c.dep_ == "appos" and c.i > run.end - 1 and c.pos_ == "NOUN"
                       and _is_role_noun(c) and not any(t.ent_type_ == "PERSON" for t in c.subtree)
                       for c in root.children)
                # A first name only where the tagger saw no organisation ("Walter Energy").
                or run[0].lower_ in _MALE_NAMES | _FEMALE_NAMES
                and (not run[0].ent_type_ or _a_title_swallowing_a_verb(doc, run))
            )
            if evidence:
                yield run

    def _weak_one_word_name(self, tok: Token) -> bool:
        """'Brexit', 'Health', 'Amongst' tagged as a person: one word that is no known first name
        and that the article also writes in lower case, glues into a hyphenated word
        ("anti-Brexit"), or that the tagger calls an organisation, group or thing as often as a
        person, or that is not even a proper noun. A surname alone ("Peskov") is none of these."""
        word = tok.text
        if known_first_name(word) or is_place_name(word):
            return False
        if self.text.common_word(word) or tok.pos_ not in ("PROPN", "NOUN"):
            return True
        if tok.tag_ == "NNS":
            return True  # a plural common noun opening a sentence: "Observers noted ..."
        written = self._tokens_written(word)
        labels = [t.ent_type_ for t in written if t.ent_type_]
        if len(labels) - labels.count("PERSON") >= labels.count("PERSON"):
            return True  # as often something else as a person: "Woolworths"
        if all(_a_channel_written_to(t) for t in written):
            return True  # "confirmed on Twitter", "posted via Telegram": where, not who
        for other in written:
            before = self.doc[other.i - 1] if other.i > 0 else None
            if before is not None and before.text == "-" and not before.whitespace_:
                return True
            if "-" in other.text:
                return True
        return False

    def _tokens_written(self, word: str) -> list[Token]:
        """The tokens of the article written ``word`` or holding it in a hyphenated word."""
        if getattr(self, "_by_text", None) is None:
            self._by_text: dict[str, list[Token]] = {}
            for t in doc_tokens(self.doc):
                text = t.text
                for piece in {text, *text.split("-")} if "-" in text else (text,):
                    self._by_text.setdefault(piece, []).append(t)
        return self._by_text.get(word, [])

    def _person_named_as_org(self, ent: Span) -> Span | None:
        """'Nicola Sturgeon', 'Prosecutor Kama Melly QC', 'Scotland Nicola Sturgeon' tagged as an
        organisation: two or three capitalised words, the first a first name the name lists are
        sure of (male or female), none a word the article writes in lower case or one that
        heads organisations, is a person's name whatever the tagger says."""
        words = [t for t in ent if not t.is_punct]
        while words and (is_place_name(words[0].text) or _is_title_word(words[0])
                         or _description_before_first_name(words)):
            words.pop(0)  # 'Scotland Nicola Sturgeon', 'Prosecutor Kama Melly', 'Farmer Gareth Evans'
        while len(words) > 2 and words[-1].lower_.rstrip(".") in POST_NOMINALS:
            words.pop()  # 'Kama Melly QC'
        if not 2 <= len(words) <= 3 or words[-1].i - words[0].i != len(words) - 1:
            return None
        if any(not (t.pos_ == "PROPN" and t.is_title) or t.lower_ in self.text.lower_words
               or t.lower_ in _ORG_HEADS or t.lower_ in _PUBLICATION_WORDS or t.lower_ in _ORG_NOUNS
               or is_place_name(t.text) for t in words):
            return None
        after = self.doc[ent.end] if ent.end < len(self.doc) else None
        if after is not None and after.text in ("&", "+"):  # 'Marks & Spencer'
            return None
        if not sure_first_name(words[0].text) and not _written_as_someone(ent):
            return None
        if self._organisation_on_its_own(words[0], words[1]):
            return None  # 'Nissan Connect' beside 'Nissan said': a firm's product, not a person
        return self.doc[words[0].i : ent.end]

    def _organisation_on_its_own(self, first: Token, second: Token) -> bool:
        """Whether the article writes ``first`` without ``second`` as an organisation: a first
        name no one is called by alone, but a firm is."""
        for tok in self._tokens_written(first.text):
            alone = tok.i + 1 >= len(self.doc) or self.doc[tok.i + 1].text != second.text
            if alone and tok.ent_type_ == "ORG":
                return True
        return False

    def _find_untagged_mentions(self) -> None:
        """A known surname the tagger labelled otherwise ("Trump" as ORG) is still that person."""
        doc = self.doc
        covered = {i for m in self.mentions for i in range(m.first, m.last + 1)}
        ents = {i: ent for ent in doc_ents(doc) for i in range(ent.start, ent.end)}
        for tok in doc_tokens(doc):
            if tok.i in covered or not tok.is_title or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            if tok.dep_ in ("compound", "amod", "nmod"):  # "the Trump campaign"
                continue
            ent = ents.get(tok.i)
            if ent is not None and (
                ent.label_ in {"GPE", "LOC", "NORP", "FAC"} | _SKIP_ENTS
                or len([t for t in ent if t.tag_ != "POS" and not t.is_punct]) > 1
            ):
                continue
            person = self.person_by_word(tok.text)
            if person is None or not any(len(f) >= 2 for f in person.forms):
                continue
            person.forms.append((tok.text,))
            self.name_index.add(person.id, (tok.text,))
            person.written.append(_POSSESSIVE.sub("", tok.text))
            end = tok.idx + len(tok)
            self.mentions.append(
                _Mention(tok.idx, end, tok.i, tok.i, tok.i, person.id, self.text.sent_of[tok.i])
            )

    def _find_surnames_read_as_places(self) -> None:
        """'The attacker, identified as Sudesh Amman ... Amman sent his girlfriend videos': a
        surname that is also a city ("Amman") is tagged a place; where the article names a person
        with it in full and never writes it as a place ("in Amman", "from Amman"), it is that
        person's."""
        doc = self.doc
        covered = {i for m in self.mentions for i in range(m.first, m.last + 1)}
        by_word: dict[str, list[Token]] = {}
        for tok in doc_tokens(doc):
            if tok.ent_type_ in ("GPE", "LOC") and tok.is_title and tok.i not in covered:
                by_word.setdefault(tok.text, []).append(tok)
        for word, tokens in by_word.items():
            owners = [p for p in self._indexed("full surname", word.lower())
                      if any(len(f) >= 2 and f[-1] == word and len(f[0].rstrip(".")) > 1 for f in p.forms)]
            if len(owners) != 1 or any(self._written_as_place(t) for t in self._tokens_written(word)
                                       if t.i not in covered):
                continue
            person = owners[0]
            for tok in tokens:
                if tok.dep_ in ("compound", "amod", "nmod"):
                    continue  # "a Korea scholar": a place (or a name) describing something else
                person.forms.append((word,))
                self.name_index.add(person.id, (word,))
                person.written.append(word)
                self.mentions.append(_Mention(tok.idx, tok.idx + len(tok), tok.i, tok.i, tok.i,
                                              person.id, self.text.sent_of[tok.i]))

    def _written_as_place(self, tok: Token) -> bool:
        """Whether this token is used as a place: after "in", "at", "from", "to", "near" ...,
        before a comma and another place ("Amman, Jordan"), or inside a longer place's name
        ("North Korea", "East Amman")."""
        doc = self.doc
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," else None
        ent = ent_at(doc, tok.i)
        return (before is not None and before.lower_ in _PLACE_PREPOSITIONS
                or after is not None and after.ent_type_ == "GPE"
                or ent is not None and ent.label_ in ("GPE", "LOC") and ent.end - ent.start > 1)

    def _find_hyphenated_mentions(self) -> None:
        """'Christopher Gallego-Lazo ... Gallego-Lazo said': a double-barrelled surname standing
        alone is three tokens ("Gallego", "-", "Lazo") that the tagger may call an organisation;
        written exactly as the surname of a person the article names in full, it is that person."""
        doc = self.doc
        covered = {i for m in self.mentions for i in range(m.first, m.last + 1)}
        toks = doc_tokens(doc)  # (doc[i] would build each token anew, three times a token)
        for tok in toks[: len(toks) - 2]:
            dash, tail = toks[tok.i + 1], toks[tok.i + 2]
            if (dash.text != "-" or tok.i in covered or tail.i in covered or tok.whitespace_
                    or dash.whitespace_ or not tok.is_title or not tail.text[:1].isupper()):
                continue
            if tok.i > 0 and toks[tok.i - 1].text == "-" and not toks[tok.i - 1].whitespace_:
                continue  # the middle of a longer hyphenated word
            if tail.i + 1 < len(doc) and toks[tail.i + 1].text == "-" and not tail.whitespace_:
                continue
            word = f"{tok.text}-{tail.text}"
            owners = [p for p in self._indexed("full surname", word.lower())
                      if any(len(f) >= 2 and f[-1] == word for f in p.forms)]
            if len(owners) != 1:
                continue
            person = owners[0]
            person.forms.append((word,))
            self.name_index.add(person.id, (word,))
            person.written.append(word)
            root = self._name_root(tok.i, tail.i)
            self.mentions.append(_Mention(tok.idx, tail.idx + len(tail), tok.i, tail.i, root,
                                          person.id, self.text.sent_of[root]))
            covered.update(range(tok.i, tail.i + 1))

    def _clean_person(self, ent: Span) -> tuple[tuple[str, ...], str, int, int, str | None] | None:
        """Name tokens, cleaned text, first/last token index and honorific of a PERSON entity."""
        doc = self.doc
        kept: list[Token] = []
        honorific = None
        for tok in ent:
            if tok.text in ("/", "\u00a9", "|") or tok.is_space:
                break  # a photo credit glued on: "Mikhail Metzel/TASS"
            if not kept and not tok.text[:1].isalpha():
                continue  # "― Christina N Luis Olidem"
            if kept and (tok.pos_ in ("VERB", "AUX") or _is_quote_mark(tok)):
                break  # a headline read as a name: "Obama Sees 'Personal Insult'"
            if kept and tok.text in ("-", "\u2013", "\u2014") and (tok.whitespace_ or doc[tok.i - 1].whitespace_):
                break  # a spaced dash ends the name: "Deborah Jordan Reynolds - Santilli's girlfriend"
            if tok.text in "[]()" or tok.tag_ == "POS" or tok.text in _APOSTROPHES:
                continue
            if not kept:
                low = tok.lower_.rstrip(".")
                if low in _HONORIFICS:
                    honorific = low
                    continue
                if low in _TITLES:
                    continue
            kept.append(tok)
        while kept and not kept[-1].text[:1].isalpha():
            kept.pop()
        # "Afterwards Trump", "Ukraine Kurt Volker", "India Narendra Modi": the tagger glued a
        # sentence-opening adverb or a place onto the name; a name never starts with those.
        while len(kept) > 1 and (
            kept[0].pos_ in ("ADV", "ADP", "SCONJ", "CCONJ", "DET")
            or is_place_name(kept[0].text)
            or (kept[0].is_sent_start and self.text.common_word(kept[0].text) and len(kept) > 1)
            or kept[0].lower_ in _OPENING_VERBS
            # 'Recent Samsung TVs', 'Multiple Labour MPs': a sentence-opening adjective is no name
            or kept[0].lower_ in NOT_NAME_OPENERS
            or (kept[0].is_sent_start and kept[0].pos_ == "ADJ" and not known_first_name(kept[0].text))
            # 'Farmer Tom Bell', 'Moderator Chris Wallace': a capitalised description before a
            # first name is no part of the name (a lower-case particle, "Arnel dela Vega", is no
            # first name, whatever the lists say of "Dela")
            # ("Cheuk Hau-yip": a hyphenated given name after the surname is no first name either)
            or (len(kept) >= 3 and not known_first_name(kept[0].text) and known_first_name(kept[1].text)
                and not kept[1].is_lower and not (kept[2].text == "-" and not kept[1].whitespace_))
            or _one_word_place(doc, kept[0].i)
            # '4. Questioning Vindman's judgment': a subheading's opening gerund is no first name
            or (kept[0].lower_.endswith("ing") and _opens_its_line(doc, kept[0].i)
                and not known_first_name(kept[0].text))
        ):
            kept.pop(0)
        # In a title-case headline, "Obama Speech" is "Obama": a word the article also writes in
        # lower case is no part of a name there.
        while len(kept) > 1 and self.text.in_headline(kept[-1]) and kept[-1].lower_ in self.text.lower_words:
            kept.pop()
        if not kept or not kept[0].text[:1].isupper() or not (kept[-1].text[:1].isupper() or _hyphened_on(doc, kept[-1])):
            return None
        if any(ch.isdigit() for tok in kept for ch in tok.text):
            return None
        if honorific is None and kept[0].i > 0:
            before = doc[kept[0].i - 1].lower_.rstrip(".")
            honorific = before if before in _HONORIFICS else None
        # Rebuilt from the text's own spacing, so "Ocasio-Cortez" stays one word.
        keep = {tok.i for tok in kept}
        pieces = []
        for tok in doc[kept[0].i : kept[-1].i + 1]:
            word = tok.text.strip("[]()") if tok.i in keep else ""
            pieces.append(word + tok.whitespace_)
        text = canonical_name(_POSSESSIVE.sub("", "".join(pieces).strip()))
        tokens = tuple(text.split())
        if not tokens:
            return None
        return tokens, text, kept[0].i, kept[-1].i, honorific

    def _person_for(self, tokens: tuple[str, ...], text: str, honorific: str | None) -> int:
        """The person a name belongs to, creating one if the article has not named them yet."""
        gender = _HONORIFICS.get(honorific or "")
        # (candidates come from the name index, by id, then are checked as a scan of all people would)
        if len(tokens) >= 2 and tokens[0].lower() in _NAME_PARTICLES:
            # 'La Riva' after 'Gloria La Riva': a surname opening with a particle, on its own
            tail = tuple(w.lower() for w in tokens)
            owners = [p for p in self._indexed("full surname", _surname(tokens)) if any(
                len(f) > len(tokens) and tuple(w.lower() for w in f[-len(tokens):]) == tail for f in p.forms)]
            if len(owners) == 1:
                return self._add_form(owners[0], tokens, text, gender)
        if len(tokens) >= 2:
            for person in self._indexed("full surname", _surname(tokens)):
                if any(len(f) >= 2 and _same_full_name(f, tokens) for f in person.forms):
                    return self._add_form(person, tokens, text, gender)
            return self._new_person(tokens, text, gender)
        word = tokens[0].lower()
        full = [p for p in self._indexed("full surname", word)
                if any(len(f) >= 2 and _surname(f) == word for f in p.forms)]
        bare = [p for p in self._indexed("opening", word) if all(len(f) == 1 for f in p.forms)
                and p.forms[0][0].lower() == word]
        if gender:  # "Mr. Obama" is not Michelle Obama
            full = [p for p in full if _name_gender(p) in (gender, None)]
            bare = [p for p in bare if p.gender in (gender, None)]
        if not full and not bare:
            # A first name alone ("Hillary") names the one person who has it.
            firsts = [p for p in self._indexed("full first", word) if any(len(f) >= 2 and f[0].lower() == word
                                                                         for f in p.forms)]
            if len(firsts) == 1:
                return self._add_form(firsts[0], tokens, text, gender)
            # "McLenney" after "Tyresha McClenney": one letter off a surname named in full
            near = [p for p in (self._indexed("near", word) if len(word) >= 5 else []) if any(
                len(f) >= 2 and len(_surname(f)) >= 5 and Levenshtein.distance(_surname(f), word) == 1 for f in p.forms)]
            if len(near) == 1:
                return self._add_form(near[0], tokens, text, gender)
        if len(full) + len(bare) == 1:
            return self._add_form((full + bare)[0], tokens, text, gender)
        if bare:  # several people could be meant: the bare surname, as written
            bare[0].ambiguous = bare[0].ambiguous or len(full) > 0
            return self._add_form(bare[0], tokens, text, gender)
        person = self.people[self._new_person(tokens, text, gender)]
        person.ambiguous = len(full) > 1
        return person.id

    def _add_form(self, person: _Person, tokens: tuple[str, ...], text: str,
                  gender: str | None) -> int:
        person.forms.append(tokens)
        self.name_index.add(person.id, tokens)
        person.written.append(text)
        person.gender = person.gender or gender
        return person.id

    def _new_person(self, tokens: tuple[str, ...], text: str, gender: str | None) -> int:
        person = _Person(id=len(self.people), forms=[tokens], written=[text], gender=gender)
        self.people.append(person)
        self.name_index.add(person.id, tokens, first_form=True)
        return person.id

    def _indexed(self, kind: str, word: str) -> list[_Person]:
        """The people the name index gives for ``word`` (:meth:`NameIndex.ids`), by id."""
        return [self.people[i] for i in self.name_index.ids(kind, word)]

    def _name_root(self, first: int, last: int) -> int:
        """The syntactic head of a name: the token whose head lies outside it."""
        for i in range(last, first - 1, -1):
            head = self.doc[i].head.i
            if head < first or head > last or head == i:
                return i
        return last

    # Lookups --------------------------------------------------------------------------------

    def mention_covering(self, i: int) -> _Mention | None:
        """The first mention (in text order) whose name holds token ``i``: by a lookup built
        once the mentions are all found, not a scan of them all per source."""
        if self._covering is None or self._covering[0] != len(self.mentions):
            at: dict[int, _Mention] = {}
            for mention in reversed(self.mentions):  # the first one wins
                for j in range(mention.first, mention.last + 1):
                    at[j] = mention
            self._covering = (len(self.mentions), at)
        return self._covering[1].get(i)

    def mentions_before(self, i: int) -> Iterable[_Mention]:
        """The mentions whose first token is before token ``i``, latest first (mentions are in
        text order; a name's tokens too)."""
        self._index_mentions()
        for k in range(bisect_left(self._by_first[1], i) - 1, -1, -1):
            yield self.mentions[k]

    def mentions_in_sentence(self, sent: int) -> list[_Mention]:
        """The mentions of sentence ``sent``, in text order."""
        self._index_mentions()
        return self._by_sent.get(sent, [])

    def _index_mentions(self) -> None:
        if self._by_first is None or self._by_first[0] != len(self.mentions):
            self._by_first = (len(self.mentions), [m.first for m in self.mentions])
            self._by_sent: dict[int, list[_Mention]] = {}
            for m in self.mentions:
                self._by_sent.setdefault(m.sent, []).append(m)

    def person_named(self, name: str) -> _Person | None:
        """The first person whose name is ``name``, else the first who was written so (after
        :func:`canonical_name`); by lookups kept until a person or a form is added."""
        key = (len(self.people), self.name_index.forms)
        if self._named is None or self._named[0] != key:
            by_name: dict[str, _Person] = {}
            by_written: dict[str, _Person] = {}
            for person in self.people:
                by_name.setdefault(person.name, person)
                for written in person.written:
                    by_written.setdefault(written, person)
            self._named = (key, by_name, by_written)
        _, by_name, by_written = self._named
        return by_name.get(name) or by_written.get(canonical_name(name))

    def person_by_word(self, word: str) -> _Person | None:
        """The person a single word (a surname, a first name) names, if exactly one."""
        word = _POSSESSIVE.sub("", word).lower()
        found = self._indexed("surname", word)
        if not found:
            found = self._indexed("first", word)
        if len(found) == 1:
            return found[0]
        # Several people share it: the bare surname as written, if the article uses it so.
        bare = [p for p in found if all(len(f) == 1 for f in p.forms)]
        return bare[0] if len(bare) == 1 else None

    def role_of(self, person: _Person, at: int) -> str | None:
        """The role as written nearest before ``at``, else the first one in the article."""
        if not person.roles:
            return None
        before = [r for r in person.roles if r.start < at]
        if before:
            return max(before, key=lambda r: r.start).text
        return min(person.roles, key=lambda r: r.start).text


def _opens_its_line(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the first word of its line, after at most a list number ("4.")."""
    for tok in reversed(doc[max(0, i - 4) : i]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            return True
        if not (tok.is_punct or tok.like_num or tok.is_space):
            return False
    return i < 4 and all(t.is_punct or t.like_num for t in doc[:i])


def _a_title_swallowing_a_verb(doc: Doc, run: Span) -> bool:
    """'"...," Teresa Nielsen Hayden explained': the tagger may read a name and the cue after it as
    the title of a work. An entity of that kind that runs on into a lower-case verb is no title."""
    ent = next((e for e in doc_ents(doc) if e.start <= run.start < e.end), None)
    return (ent is not None and ent.label_ in ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW")
            and any(t.i >= run.end and t.is_lower and t.pos_ == "VERB" for t in ent))


def _hyphened_on(doc: Doc, tok: Token) -> bool:
    """'Cheuk Hau-yip': a lower-case word glued by a hyphen to a capitalised one is the end of a
    hyphenated given name, part of the name."""
    if tok.i < 2 or not tok.is_alpha:
        return False
    dash, before = doc[tok.i - 1], doc[tok.i - 2]
    return dash.text == "-" and not dash.whitespace_ and not before.whitespace_ and before.is_title


# Works, vehicles and storms, which news text names right after the kind of thing they are ("the
# book Rage", "the helicopter Marine One", "the yacht Lady Anne"): a name after one is a title, not a
# person, whatever the tagger says.
_THING_KINDS = frozenset("""book novel memoir biography autobiography film movie documentary series show
    sitcom song single album record play musical opera poem painting sculpture novella podcast game app
    ship vessel yacht boat ferry submarine carrier helicopter aircraft plane jet airliner rocket
    spacecraft probe rover satellite car truck train locomotive hurricane typhoon cyclone storm""".split())


def _titled_by_kind(ent: Span) -> bool:
    """'excerpts from Bob Woodward's book Rage', 'aboard the helicopter Marine One': a PERSON
    entity right after a lower-case noun naming a kind of work or vehicle is that thing's title."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    return (before is not None and before.is_lower and before.pos_ == "NOUN"
            and lemma_of(before).lower() in _THING_KINDS)


def _written_as_someone(ent: Span) -> bool:
    """'Montell Figgins, who represents Thomas, said', 'Montell Figgins, Thomas's attorney,': a
    name the tagger calls an organisation that the writer follows with "who" or with a person's
    role in apposition is a person's ("the firm, which"; "Acme, a maker of ...")."""
    root = ent.root
    for child in root.children:
        if child.i < ent.end:
            continue
        if child.dep_ == "relcl" and any(c.lower_ in ("who", "whom") and c.i < child.i for c in child.children):
            return True
        if child.dep_ == "appos" and child.pos_ == "NOUN" and _is_role_noun(child):
            return True
    return False


def _a_channel_written_to(tok: Token) -> bool:
    """Whether ``tok`` is the object of "on"/"via" after a verb: the platform someone posted on."""
    prep = tok.head
    return (tok.dep_ == "pobj" and prep.lower_ in ("on", "via") and prep.head.pos_ == "VERB"
            and prep.head.i < tok.i)


def _description_before_first_name(words: list[Token]) -> bool:
    """'Farmer Gareth Evans', 'Headteacher Ann Lee' read as one organisation: a capitalised word
    that is no first name, before a first name the lists are sure of and one more word, is a
    description of the person, not part of an organisation's name."""
    return (
        len(words) == 3
        and not known_first_name(words[0].text)
        and words[0].lower_ not in _ORG_HEADS
        and sure_first_name(words[1].text)
        and words[2].is_title
    )


def _in_a_full_name(word: str, words: set[str]) -> bool:
    """Whether ``word`` is a word of the full names, or one letter off a long one ("O'Neill" and
    "O’Neill", "McLenney" and "McClenney", as :meth:`_People._person_for` joins them)."""
    return word in words or len(word) >= 5 and any(
        len(w) >= 5 and Levenshtein.distance(w, word) == 1 for w in words)


def _one_word_place(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a one-word GPE or NORP entity ("India Narendra Modi")."""
    ent = ent_at(doc, i)
    return ent is not None and ent.label_ in ("GPE", "NORP") and ent.end - ent.start == 1


def _is_title_word(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    return low in _HONORIFICS or low in _TITLES or _is_role_noun(tok)


# --- steps 2 and 3: a source that names someone --------------------------------------------------
