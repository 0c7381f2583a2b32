"""Whether a cue is a word of saying, writing, thinking or claiming (issue #10's definition of a cue).

The rules find cues the way PolNeAR marks them, and PolNeAR marks much that reports no words:
votes, support, plans, hopes set in deeds ("voted for control of the legislature", "seeks a
deal", "focus on", "required the two to meet", "eliminated from the show"). An evaluation
against PolNeAR wants those; a record of who said what does not. So the record keeps an
attribution only when one word of its cue is in the small, explicit lexicon below: verbs and
nouns that report words (say, tell, tweet, testify), thoughts and beliefs (believe, fear,
expect), claims and findings (claim, allege, find, show, conclude) or how words were said (joke,
shout, sing). "according to", "reportedly" and the dash or colon of a signature count as cues
that report.

A reported clause (indirect or mixed) whose cue is outside the lexicon is left out of the store
(form ``"act"``, see :mod:`quoth.extraction.forms`); ``quoth extract`` and the evaluations keep
it. A direct quotation is words by its marks, whatever verb the parse ties it to ('"It was a love
song to her city," Smith led off'), so the lexicon does not judge it.
"""

from __future__ import annotations

from quoth.nlp import lemma as lemma_of

# Lemmas, lower-case. Small and explicit on purpose: a missing word costs a statement, an extra
# word lets a non-statement in.
SAYING = {
    # saying, telling, asking and answering
    "say", "tell", "state", "add", "ask", "answer", "reply", "respond", "retort", "explain",
    "note", "mention", "remark", "comment", "observe", "point", "declare", "announce", "proclaim",
    "pronounce", "report", "describe", "recount", "recall", "relate", "repeat", "reiterate",
    "confirm", "deny", "admit", "acknowledge", "concede", "reveal", "disclose", "insist",
    "maintain", "contend", "argue", "assert", "affirm", "claim", "allege", "charge", "accuse",
    "blame", "warn", "caution", "urge", "plead", "beg", "demand", "request", "call", "recommend",
    "advise", "suggest", "propose", "promise", "vow", "pledge", "swear", "threaten", "assure",
    "reassure", "predict", "forecast", "estimate", "project", "calculate", "speculate", "guess",
    "hint", "imply", "indicate", "signal", "stress", "emphasize", "emphasise", "underscore",
    "highlight", "clarify", "elaborate", "testify", "complain", "lament", "bemoan", "protest",
    "object", "criticize", "criticise", "condemn", "denounce", "decry", "slam", "blast",
    "attack", "praise", "hail", "applaud", "thank", "congratulate", "apologize", "apologise",
    "boast", "brag", "concur", "agree", "disagree", "dispute", "counter", "rebut", "refute",
    "reject", "dismiss", "question", "challenge", "wonder", "quote", "cite", "read", "write",
    "tweet", "retweet", "post", "blog", "email", "text", "message", "publish", "print",
    "broadcast", "inform", "notify", "brief", "interject", "interrupt", "continue", "conclude",
    "summarize", "summarise", "characterize", "characterise", "label", "dub", "term", "brand",
    "liken", "compare", "joke", "quip", "laugh", "shout", "yell", "scream", "cry", "exclaim",
    "whisper", "mutter", "chant", "sigh", "muse", "opine", "posit", "theorize",
    "hypothesize", "speak", "talk", "discuss", "address", "confide",
    "weigh", "chime", "echo", "mock", "scoff", "sneer", "chide", "rebuke", "scold", "lecture",
    "preach", "order", "instruct", "command", "tout", "trumpet", "champion", "defend",
    "justify", "reason", "stipulate", "specify", "outline", "detail", "document",
    "list", "certify", "attest", "vouch", "verify", "rule", "find", "show", "demonstrate",
    "prove", "establish", "determine", "discover", "record", "expect", "anticipate", "believe", "think", "reckon", "feel", "fear", "worry",
    "hope", "doubt", "suspect", "assume", "presume", "suppose", "know", "realize", "realise",
    "recognize", "recognise", "understand", "consider", "deem", "regard", "view", "judge",
    "accept", "figure", "sense", "wish",
    # (not "decide": "the court decided that ..." reports what was done, a ruling, not words)
    "imagine", "envision", "foresee", "remember", "share", "notice", "learn", "welcome",
    "express", "oppose", "convince",
}
# Nouns that report words or beliefs: "his statement that", "in a tweet", "her claim that".
SAYING_NOUNS = {
    "statement", "remark", "comment", "claim", "allegation", "assertion", "argument", "view",
    "belief", "opinion", "warning", "promise", "pledge", "vow", "threat", "admission",
    "announcement", "declaration", "denial", "suggestion", "insistence", "contention", "word",
    "words", "tweet", "post", "letter", "email", "message", "interview", "testimony", "speech",
    "address", "report", "finding", "findings", "study", "survey", "poll", "account", "reply",
    "response", "answer", "question", "criticism", "complaint", "charge", "accusation",
    "assessment", "estimate", "forecast", "prediction", "conclusion", "recollection", "note",
    "memo", "release", "essay", "op-ed", "column", "editorial", "book", "memoir", "blog",
    "hope", "fear", "concern", "worry", "doubt", "assurance", "assumption", "speculation",
    "rumor", "rumour", "consensus", "understanding", "explanation", "description", "request",
    "demand", "call", "appeal", "plea", "recommendation", "advice", "told", "writing",
}
# Whole cues that report on their own.
SAYING_PHRASES = {"according to", "reportedly", "allegedly", "in the words of", "quoted", "make clear",
                  "made clear", "makes clear", "making clear", "retweet"}


def reports_words(cue_tokens) -> bool:
    """Whether a cue (its spaCy tokens) reports saying, writing, thinking or claiming."""
    words = [t for t in cue_tokens if any(ch.isalpha() for ch in t.text)]
    if not words:
        return True  # the dash or colon of a signature: "— Natasha Gownaris"
    text = " ".join(t.lower_ for t in words)
    if any(phrase in text for phrase in SAYING_PHRASES):
        return True
    for tok in words:
        lemma = lemma_of(tok).lower()
        if lemma in SAYING or lemma in SAYING_NOUNS or tok.lower_ in SAYING_NOUNS:
            return True
    return False
