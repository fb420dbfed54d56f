"""Which words make a title (`bot.extraction.phrase`), on sentences parsed for these tests: the
verb that says the action, what it governs, and what goes first when a title is too long."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from bot.extraction.phrase import Phrase, action_of


def word(nlp: Language, sentence: str, text: str) -> Token:
    return next(t for t in nlp(sentence) if t.text == text)


def phrase(nlp: Language, sentence: str, verb: str, start: int = 0) -> Phrase:
    return Phrase(word(nlp, sentence, verb), lambda _: None, None, start)


def shown(phrase: Phrase) -> list[str]:
    return [t.text for t in phrase.shown()]


@pytest.mark.parametrize(
    ("sentence", "verb", "head", "lead"),
    [
        # A light verb with "a look": the look's preposition hangs on the noun, which heads the phrase.
        ("Priya will take a look at the crash.", "take", "look", "look"),
        # A noun standing for a verb: the verb it stands for is said instead.
        ("Lee will provide a first draft of the exit clause.", "provide", "provide", "draft"),
        # Telling someone: "update" whom.
        ("Sam will let the board know about the budget.", "let", "let", "update the board"),
        # Trying to do something is doing it.
        ("Dana will try to test the wheels.", "try", "test", ""),
        # An ordinary verb says itself.
        ("Lee will write the guide.", "write", "write", ""),
    ],
)
def test_the_action_a_verb_stands_for(nlp: Language, sentence: str, verb: str, head: str, lead: str) -> None:
    found, said = action_of(word(nlp, sentence, verb))
    assert (found.text, said) == (head, lead)


def test_who_promised_the_modal_fillers_and_when_are_no_part_of_the_phrase(nlp: Language) -> None:
    found = phrase(nlp, "Sam will also update the docs for now, once it is merged.", "update")
    assert shown(found) == ["update", "the", "docs"]


def test_the_noun_that_stood_for_the_verb_is_dropped(nlp: Language) -> None:
    found = phrase(nlp, "Lee will provide a first draft of the exit clause.", "provide")
    assert shown(found) == ["provide", "the", "exit", "clause"]


def test_the_speaker_as_an_object_is_dropped(nlp: Language) -> None:
    assert shown(phrase(nlp, "Sam will send me the logs.", "send")) == ["send", "the", "logs"]


def test_a_passive_subject_is_what_is_acted_on(nlp: Language) -> None:
    found = phrase(nlp, "New PR to be opened by Dana.", "opened")
    assert shown(found) == ["New", "PR", "opened"]
    assert sorted(found.passive_subject) == [0, 1]


def test_tokens_before_the_start_are_not_the_tasks(nlp: Language) -> None:
    sentence = "Lee will write the guide."
    assert shown(phrase(nlp, sentence, "write", start=3)) == ["the", "guide"]


def test_optional_phrases_go_right_to_left_until_none_is_left(nlp: Language) -> None:
    found = phrase(nlp, "Lee will write the guide in the wiki with examples from the workshop.", "write")
    assert found.drop_last_optional()
    assert shown(found) == ["write", "the", "guide", "in", "the", "wiki", "with", "examples"]
    while found.drop_last_optional():
        pass
    assert shown(found) == ["write", "the", "guide"]


def test_a_joined_verb_goes_with_the_clause_it_governs(nlp: Language) -> None:
    # "and continue" without "to recruit speakers" says nothing.
    found = phrase(nlp, "Jo will send the new date to the leads and continue to recruit speakers.", "send")
    assert found.drop_last_optional()
    assert shown(found) == ["send", "the", "new", "date", "to", "the", "leads"]
