"""The learned decision: how it is fitted and shipped, and the shapes of notes it was built for.

Each note below is invented, in the style of a community whose notes taught us the case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from bot.extraction.decision import SHIPPED, Decision, Example, best_threshold, fit
from bot.extraction.extractor import Extractor
from bot.notes.meeting import parse_note
from tests.conftest import SHARED, ItemsOf, needs_shared
from tests.test_extract import owners_and_tasks

ROOT = Path(__file__).resolve().parents[1]


def _community(seed: int) -> list[Example]:
    """A community's examples: "promise" marks an item, "report" does not, "noise" is either."""
    examples: list[Example] = []
    for n in range(30):
        noise = {"noise": 1.0} if (n + seed) % 3 == 0 else {}
        examples.append(({"bias": 1.0, "promise": 1.0, **noise}, True))
        examples.append(({"bias": 1.0, "report": 1.0, **noise}, False))
    return examples


def test_fitting_twice_gives_the_same_decision() -> None:
    groups = {f"c{n}": _community(n) for n in range(3)}
    assert fit(groups).as_json() == fit(groups).as_json()


def test_what_tells_items_apart_in_every_community_is_learned() -> None:
    decision = fit({f"c{n}": _community(n) for n in range(3)})
    assert decision.accepts({"bias": 1.0, "promise": 1.0})
    assert not decision.accepts({"bias": 1.0, "report": 1.0})
    assert decision.weights["promise"] > 0 > decision.weights["report"]
    assert decision.trained_on == ("c0", "c1", "c2")


def test_the_threshold_is_the_cut_with_the_best_f1() -> None:
    scores = [0.9, 0.8, 0.6, 0.4, 0.2]
    labels = [True, True, False, True, False]
    assert best_threshold(scores, labels) == 0.4  # all three items in, one wrong: F1 0.86


def test_of_cuts_nearly_as_good_the_threshold_is_the_highest() -> None:
    scores = [0.9, 0.8, 0.6, 0.4, 0.2]
    labels = [True, True, False, True, False]
    assert best_threshold(scores, labels, tolerance=0.06) == 0.8  # F1 0.80 against the best 0.86


def test_a_decision_reads_back_what_it_wrote() -> None:
    decision = Decision({"bias": -0.5, "promise": 2.25}, 0.375, ("a", "b"))
    assert Decision.from_json(json.loads(json.dumps(decision.as_json()))) == decision


def test_the_shipped_decision_is_in_the_package_and_names_no_open_class_word() -> None:
    decision = Decision.shipped()
    assert 0.0 < decision.threshold < 1.0 and len(decision.trained_on) >= 8
    # Words are features only when closed-class: English stop words the parser tags as such.
    words = [name[2:] for name in decision.weights if name.startswith("w=")]
    assert words and set(words) <= STOP_WORDS, set(words) - STOP_WORDS


@pytest.mark.slow
@needs_shared()
def test_the_shipped_weights_are_what_the_training_command_gives(tmp_path: Path) -> None:
    from tools import train_decision

    out = tmp_path / SHIPPED
    corpora = train_decision.read_corpora(SHARED / "notes")
    decision = train_decision.train(corpora)
    out.write_text(json.dumps(decision.as_json()), encoding="utf-8")
    shipped = json.loads((ROOT / "bot" / "extraction" / SHIPPED).read_text(encoding="utf-8"))
    again = json.loads(out.read_text(encoding="utf-8"))
    assert again["trained_on"] == shipped["trained_on"]
    assert again["threshold"] == pytest.approx(shipped["threshold"], abs=1e-3)
    assert set(again["weights"]) == set(shipped["weights"])
    assert all(again["weights"][k] == pytest.approx(v, abs=1e-3) for k, v in shipped["weights"].items())


# -- shapes of notes the decision was built for -------------------------------------------------------


@pytest.mark.parametrize(
    "body, expected",
    [
        # A word processor curls the apostrophe (a TAC's minutes from a shared document).
        ("- Priya: I’ll draft the release notes.\n", [(("Priya Raman",), "Draft the release notes")]),
        # The serial comma before "and" (a TSC's bold action lines).
        (
            "- Lee, Sam, and Priya: update the install guide.\n",
            [(("Lee Chen", "Samuel Okafor", "Priya Raman"), "Update the install guide")],
        ),
    ],
    ids=["curled-apostrophe", "serial-comma"],
)
def test_a_promise_in_a_shape_other_teams_write(items_of: ItemsOf, body: str, expected: object) -> None:
    assert owners_and_tasks(items_of, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # Who means to come, as a community call's notes open.
        "Intend to attend: Lee Chen, Samuel Okafor, Priya Raman\n",
        "Attending: Lee, Sam, Priya (10:02)\n",
        # A reST committee's roll: names under "Apologies".
        "* Apologies\n\n  - Lee Chen, Priya Raman, Dana Whitfield\n",
        # Under a person's heading, a sentence with a subject of its own is not theirs.
        "## Priya\n\n- GitHub will also render the notebooks, like it renders Markdown.\n",
        # A working group's status under each person's heading: reports and topics, no rule's find.
        "## Updates\n\n### Priya\n\n- A community event proposal\n- Can't make it to the next meeting.\n"
        "- Needs review or advice on how to proceed.\n- Small accessibility win; hopefully more to come\n",
        # Bullets going on from someone's line, with nothing that makes them theirs.
        "- Lee looked at the cache.\n  - Further discussion about the eviction order\n"
        "  - The third tab is inside the sidebar\n",
        # A committee's action list: the people a request is about are not who it asks.
        "Action items\n\n- Add Lee & Sam to the infrastructure channel\n"
        "- Set up a call with Dana, Priya and Lee\n"
        "- Create an issue template to help Sam manage the accounts\n",
    ],
    ids=[
        "intend-to-attend",
        "attending",
        "apologies",
        "own-subject-under-a-heading",
        "status-under-person-headings",
        "bullets-under-someones-line",
        "people-a-request-is-about",
    ],
)
def test_a_line_naming_people_that_promises_nothing(items_of: ItemsOf, body: str) -> None:
    assert owners_and_tasks(items_of, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "## Updates\n\n### Priya\n\n- A community event proposal\n- Can't make it to the next meeting.\n",
        "- Lee looked at the cache.\n  - Further discussion about the eviction order\n",
        "Action items\n\n- Add Lee & Sam to the infrastructure channel\n"
        "- Set up a call with Dana, Priya and Lee\n- Set up a call with Oliver, Ralf and Lee\n",
        # A foundation's call notes: a question to someone, without its question mark.
        "- Dana Whitfield can you confirm that the proposal was ready for stage 3\n",
        # A field whose value is only names: who holds something, not what anyone will do.
        "## Elections\n\nNominees: Priya Raman, Lee Chen\n\nRelease manager: Dana\n",
    ],
    ids=[
        "status-under-person-headings",
        "bullets-under-someones-line",
        "people-a-request-is-about",
        "question-without-its-mark",
        "a-field-of-names",
    ],
)
def test_some_people_own_nothing_whatever_the_decision_weighs(extractor: Extractor, body: str) -> None:
    # Whom the heading or the text before names, with no rule finding them, and the people a request
    # is about: an exact rule says no, so even a decision that accepts every option adds nothing.
    anything = Decision({"bias": 10.0})
    meeting = parse_note("2026-05-06.md", "---\ndate: 2026-05-06\n---\n\n" + body)
    assert extractor.items(meeting, extractor.readings(meeting), anything) == []
    # And the same decision does accept someone the sentence names as its subject.
    promise = parse_note("2026-05-06.md", "---\ndate: 2026-05-06\n---\n\nLee on the cache fix tomorrow\n")
    accepted = extractor.items(promise, extractor.readings(promise), anything)
    assert [i.owners[0].name for i in accepted] == ["Lee Chen"]
