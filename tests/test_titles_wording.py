"""How a title's words are said (`bot.extraction.wording`), on sentences parsed for these tests:
the verb first and in its base form, each word as the issue list's reader needs it, and the object
a sentence leaves to its context."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bot.extraction.phrase import Phrase
from bot.extraction.wording import completed, in_order, render, said


def phrase(nlp: Language, sentence: str, verb: str) -> Phrase:
    return Phrase(next(t for t in nlp(sentence) if t.text == verb), lambda _: None, None, 0)


def test_the_verb_comes_before_what_a_passive_acts_on(nlp: Language) -> None:
    found = phrase(nlp, "New PR to be opened by Dana.", "opened")
    assert [t.text for t in in_order(found)] == ["opened", "New", "PR"]
    # In its base form, and the subject that now follows it no longer opens a sentence.
    assert said(found, in_order(found), "", "") == ("open new PR", False)


def test_an_aside_in_brackets_goes_and_a_reference_stays(nlp: Language) -> None:
    found = phrase(nlp, "Sam will test the wheels (e.g. on ARM) for the release (#23).", "test")
    kept = [t.text for t in in_order(found)]
    assert "#" in kept and "23" in kept
    assert "ARM" not in kept


def test_the_speakers_my_is_nobodys(nlp: Language) -> None:
    found = phrase(nlp, "Sam will open a PR with my patch for the cache.", "open")
    assert said(found, in_order(found), "", "") == ("open a PR with the patch for the cache", False)


def test_a_light_verbs_action_is_said(nlp: Language) -> None:
    found = phrase(nlp, "Lee will provide a first draft of the exit clause.", "provide")
    assert said(found, in_order(found), "", "")[0] == "draft the exit clause"


def test_it_is_said_as_the_thing_named_before_in_the_sentence(nlp: Language) -> None:
    found = phrase(nlp, "Priya will tag the release and Sam will announce it.", "announce")
    # Resolved: nothing is left to the context, whatever the topic.
    assert said(found, in_order(found), "Build", "") == ("announce the release", True)
    assert render(found, "Build", "the mirror") == "announce the release"


@pytest.mark.parametrize(
    ("sentence", "verb", "topic", "previous", "title"),
    [
        # "it" with nothing named before it in the sentence: the sentence before, then the topic.
        ("Lee will look over it.", "look", "Async pull request", "the cache", "look over the cache"),
        ("Lee will look over it.", "look", "Async pull request", "", "look over Async pull request"),
        # A generic object is told apart the same way.
        (
            "Sam will open an issue.",
            "open",
            "Voting member terms",
            "",
            "open an issue about Voting member terms",
        ),
        (
            "Sam will open an issue.",
            "open",
            "Voting member terms",
            "the release",
            "open an issue about the release",
        ),
        # An object the sentence names needs no context.
        ("Dana will test the wheels.", "test", "Release notes", "the mirror", "test the wheels"),
    ],
)
def test_what_the_context_names(
    nlp: Language, sentence: str, verb: str, topic: str, previous: str, title: str
) -> None:
    assert render(phrase(nlp, sentence, verb), topic, previous) == title


def test_a_verb_without_an_object_takes_the_topic(nlp: Language) -> None:
    found = phrase(nlp, "Mei will comment.", "comment")
    tokens = in_order(found)
    assert completed(found, tokens, "comment", "Release notes", "") == "comment on Release notes"
    # With no topic, nothing better can be said.
    assert completed(found, tokens, "comment", "", "the release") == "comment"
