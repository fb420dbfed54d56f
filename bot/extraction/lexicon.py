"""The English words the language model knows: its lemmatizer's word lists (WordNet's lemmas).

They tell a common word from a name ("Decision:", "Windows will" are not people; "Ravi will" may be),
and a verb from a noun at the head of a title ("Update the changelog", "Changelog for 1.4").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

_PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")
# What a verb acts on or how: its object, a preposition, a particle, a clause.
_ACTING = frozenset({"dobj", "prep", "prt", "xcomp", "ccomp", "dative"})


@dataclass(frozen=True)
class Lexicon:
    words: frozenset[str]  # lower case, every part of speech
    verbs: frozenset[str]
    adverbs: frozenset[str] = frozenset()

    def acts(self, verb: Token) -> bool:
        """Whether the tagger's verb is one: a verb the lists know, or one that acts on something
        ("triage the issues"); not "SUSE (BG)" after an attendee's name. Without lists, any is."""
        known = not self or verb.lemma_.lower() in self.verbs
        return known or any(c.dep_ in _ACTING for c in verb.children)

    def __bool__(self) -> bool:
        """A model without the lists (a model directory of another kind) knows no words at all."""
        return bool(self.words)


def lexicon(nlp: Language) -> Lexicon:
    if "lemmatizer" not in nlp.pipe_names:
        return Lexicon(frozenset(), frozenset())
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return Lexicon(frozenset(), frozenset())
    index = lookups.get_table("lemma_index")
    lists = {pos: frozenset(index.get(pos, ())) for pos in _PARTS_OF_SPEECH}
    # The irregular forms ("went", "meant", "children") are words too, though no lemma is written so.
    irregular = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
    forms = frozenset(form for pos in _PARTS_OF_SPEECH for form in irregular.get(pos, {}))
    return Lexicon(frozenset().union(*lists.values(), forms), lists["verb"], lists["adv"])
