"""The promise shapes of English, as spaCy `DependencyMatcher` patterns: rules as data.

Each `Rule` has an id (the benchmark counts what each finds and gets wrong) and its dependency
patterns. Its owner is the pattern's own `owner` node where it has one ("asked SamO to", "opened
by Dana"), else the subject of the `anchor` node (followed along coordinated verbs, so "LeeC has
agreed ... and will add" gives LeeC for "add"), else, when the rule `carries`, the person the text
before was about ("Will try and ..." after a sentence about Priya).
The `task` node is the verb the title is made from; a rule without one takes its task from the
item's context ("Priya has this action").

`VETOES` are patterns too: a promise whose anchor or task is hit by one of its rule's vetoes is not
one ("won't", "would rather", "Mark to scribe", "can use httperf").

A new minute style is a pattern here (or a line shape in `bot.extraction.lines`) and a test note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.extraction import words

Pattern = list[dict[str, Any]]


def _child(parent: str, name: str, attrs: dict[str, Any], op: str = ">") -> dict[str, Any]:
    return {"LEFT_ID": parent, "REL_OP": op, "RIGHT_ID": name, "RIGHT_ATTRS": attrs}


def _node(name: str, attrs: dict[str, Any]) -> dict[str, Any]:
    return {"RIGHT_ID": name, "RIGHT_ATTRS": attrs}


def _in(values: frozenset[str] | tuple[str, ...]) -> dict[str, list[str]]:
    return {"IN": sorted(values)}


def _not_in(values: frozenset[str]) -> dict[str, list[str]]:
    return {"NOT_IN": sorted(values)}


_VERB = {"TAG": {"IN": ["VB", "VBG"]}}
# The promised action: a verb in its base form that acts ("be out next week" and "like to" do not).
_BASE_VERB = {"TAG": "VB", "LEMMA": _not_in(words.NOT_ACTIONS)}


@dataclass(frozen=True)
class Rule:
    id: str
    patterns: tuple[Pattern, ...]
    carries: bool = False  # a sentence without a subject goes on about the person before it
    vetoes: tuple[str, ...] = ("negated",)
    anchor: str = "verb"
    # No verb of its own says what is to be done ("Priya has this action", "Lee, Sam volunteer"):
    # the item is about what its context is about.
    task_from_context: bool = False


_MODAL_VERB = {**_VERB, "LEMMA": _not_in(words.NOT_ACTIONS | {"have"})}
_PLANNED_VERB = {**_VERB, "LEMMA": _not_in(words.NOT_ACTIONS)}
_FINITE = ("VBD", "VBZ", "VBP", "VBG")

RULES: tuple[Rule, ...] = (
    # "Priya will reply to the email", "Sam'll check", "Will try and work through it" (carried).
    Rule(
        "will",
        (
            [
                _node("verb", _MODAL_VERB),
                _child("verb", "modal", {"DEP": "aux", "LOWER": _in(words.FUTURE_MODALS)}),
            ],
            # "Priya will have it merged by Thursday": what she will have done.
            [
                _node("verb", {"LEMMA": "have", "TAG": "VB"}),
                _child("verb", "modal", {"DEP": "aux", "LOWER": _in(words.FUTURE_MODALS)}),
                _child("verb", "task", {"DEP": "ccomp", "TAG": "VBN", "LEMMA": _not_in(words.NOT_ACTIONS)}),
            ],
        ),
        carries=True,
        vetoes=("negated", "hedged", "role"),
    ),
    # "KofiM can try to test things today", "It would be good if TomL can take a look".
    Rule(
        "can",
        (
            [
                _node("verb", _MODAL_VERB),
                _child("verb", "modal", {"DEP": "aux", "LOWER": _in(words.OFFER_MODALS)}),
            ],
        ),
        vetoes=("negated", "preference", "role", "possibility", "asked-whether"),
    ),
    # "Sam should send the patch upstream".
    Rule(
        "should",
        (
            [
                _node("verb", _MODAL_VERB),
                _child("verb", "modal", {"DEP": "aux", "LOWER": _in(words.ASSIGNING_MODALS)}),
            ],
        ),
        vetoes=("negated", "hedged", "role"),
    ),
    # "will have a look", "can have a go".
    Rule(
        "have-a-look",
        (
            [
                _node("verb", {"LEMMA": "have", **_VERB}),
                _child(
                    "verb", "modal", {"DEP": "aux", "LOWER": _in(words.FUTURE_MODALS | words.OFFER_MODALS)}
                ),
                _child("verb", "object", {"DEP": "dobj", "LEMMA": _in(words.HAVE_ACTIONS)}),
            ],
        ),
        carries=True,
        vetoes=("negated", "hedged"),
    ),
    # Minute style: "Lee to check things work", "Ines to set up the list"; the parser may read
    # the name as the head of a noun phrase ("Kofi [who is] to update the issue").
    Rule(
        "to",
        (
            [
                _node("verb", {**_BASE_VERB, "DEP": _in(("ROOT", "conj", "parataxis", "ccomp"))}),
                _child("verb", "to", {"DEP": "aux", "TAG": "TO"}),
                _child("verb", "subject", {"DEP": "nsubj"}),
            ],
            # The parser leaves the name unattached ("dep") before some verbs: "Alex to ask the
            # foundation whether ...".
            [
                _node("verb", {**_BASE_VERB, "DEP": "ROOT"}),
                _child("verb", "to", {"DEP": "aux", "TAG": "TO"}),
                _child("verb", "owner", {"DEP": "dep", "POS": "PROPN"}),
            ],
            [
                _node("owner", {"DEP": "ROOT", "POS": "PROPN"}),
                _child("owner", "verb", {"DEP": _in(("relcl", "acl")), **_BASE_VERB}),
                _child("verb", "to", {"DEP": "aux", "TAG": "TO"}),
            ],
        ),
        vetoes=("negated", "role", "reached"),
    ),
    # "Priya is going to write it up", "Priya going to write it up", "gonna fix the links".
    Rule(
        "going-to",
        (
            [
                _node("verb", {"LEMMA": "go", "TAG": "VBG"}),
                _child("verb", "be", {"DEP": "aux", "LEMMA": "be"}),
                _child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
            ],
            # Minutes drop the "is": "Priya going to write it up", "gonna fix the links".
            [
                _node("verb", {"LEMMA": "go", "TAG": "VBG", "DEP": "ROOT"}),
                _child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
                _child("task", "to", {"DEP": "aux", "TAG": "TO"}),
            ],
        ),
        carries=True,
        vetoes=("negated", "hedged", "role"),
    ),
    # "Omar offered to redo the tutorial", "Dana needs to follow up", "Omar plans to review",
    # "Lee owns creating the makefile", "Lee is supposed to contact them".
    Rule(
        "commitment",
        (
            [
                _node("verb", {"LEMMA": _in(words.COMMITMENT_VERBS), "TAG": {"NOT_IN": ["VBN"]}}),
                _child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
            ],
            # "bcoca owns separating the tests": an activity someone owns.
            [
                _node("verb", {"LEMMA": "own", "TAG": _in(("VBZ", "VBP"))}),
                _child("verb", "task", {"DEP": "xcomp", "TAG": "VBG", "LEMMA": _not_in(words.NOT_ACTIONS)}),
            ],
            # "Lee is supposed to contact the sponsors" (not "was supposed to": that was not done).
            [
                _node("verb", {"LEMMA": "suppose", "TAG": "VBN"}),
                _child("verb", "be", {"DEP": "auxpass", "TAG": _in(("VBZ", "VBP"))}),
                _child("verb", "owner", {"DEP": "nsubjpass"}),
                _child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
            ],
        ),
        carries=True,
        vetoes=("negated", "hedged", "role"),
    ),
    # "Ines is happy to look into a proposal", "Lee is willing to chair".
    Rule(
        "happy-to",
        (
            [
                _node("verb", {"LEMMA": _in(words.COMMITMENT_ADJECTIVES)}),
                _child(
                    "verb",
                    "task",
                    {"DEP": "xcomp", "TAG": "VB", "LEMMA": _not_in(words.NOT_ACTIONS | words.REACTION_VERBS)},
                ),
            ],
        ),
        carries=True,
        vetoes=("negated", "role"),
    ),
    # "Lee takes action to land", "Dana took an action to start a thread".
    Rule(
        "takes-action",
        (
            [
                _node("verb", {"LEMMA": "take"}),
                _child("verb", "action", {"DEP": "dobj", "LEMMA": _in(words.ACTION_NOUNS)}),
                _child("action", "task", {"DEP": _in(("acl", "relcl")), **_BASE_VERB}),
            ],
            [
                _node("verb", {"LEMMA": "take"}),
                _child("verb", "action", {"DEP": "dobj", "LEMMA": _in(words.ACTION_NOUNS)}),
                _child("verb", "task", {"DEP": _in(("xcomp", "advcl")), **_BASE_VERB}),
            ],
        ),
        carries=True,
        vetoes=("negated",),
    ),
    # "Priya and Kofi have this action": the task is whatever the item is about.
    Rule(
        "has-the-action",
        (
            [
                _node("verb", {"LEMMA": _in(("have", "take", "own"))}),
                _child("verb", "action", {"DEP": "dobj", "LEMMA": _in(words.ACTION_NOUNS)}),
                _child("action", "det", {"DEP": "det", "LOWER": _in(("this", "that", "the"))}),
            ],
        ),
        carries=True,
        vetoes=("negated",),
        task_from_context=True,
    ),
    # "Jacques, Arnaud, Zach volunteer." under a request for help: they take on what it asks. The
    # tagger reads "volunteer" after a run of names as a noun ("Lee volunteers" as a compound).
    Rule(
        "volunteers",
        (
            [
                _node("verb", {"LEMMA": "volunteer", "DEP": "ROOT", "TAG": _in(("NN", "NNS"))}),
                _child("verb", "subject", {"DEP": "nsubj"}),
            ],
            [
                _node("verb", {"LEMMA": "volunteer", "DEP": "ROOT", "TAG": _in(("NN", "NNS"))}),
                _child("verb", "owner", {"DEP": "compound", "POS": "PROPN"}),
            ],
            # "Oli and James volunteered.", "mperz is volunteering" after a call for volunteers ("...
            # to V" is a commitment).
            [
                _node("verb", {"LEMMA": "volunteer", "DEP": "ROOT", "TAG": _in(_FINITE)}),
                _child("verb", "subject", {"DEP": "nsubj"}),
            ],
            # "[Lars and Jared raise hands]": the same, by a show of hands.
            [
                _node("verb", {"LEMMA": "raise", "TAG": _in(("VBP", "VBZ"))}),
                _child("verb", "subject", {"DEP": "nsubj"}),
                _child("verb", "hand", {"DEP": "dobj", "LEMMA": "hand"}),
            ],
        ),
        vetoes=("negated", "hedged", "says-what"),
        task_from_context=True,
    ),
    # "TomL will be responsible for the rota", "Lee to be responsible for the booth": what someone
    # is to answer for.
    Rule(
        "responsible-for",
        tuple(
            [
                _node("verb", {"LEMMA": "be", "TAG": "VB"}),
                _child("verb", "when", {"DEP": "aux", **when}),
                _child("verb", "role", {"DEP": "acomp", "LEMMA": _in(("responsible", "accountable"))}),
                _child("role", "for", {"DEP": "prep", "LOWER": "for"}),
            ]
            for when in ({"TAG": "TO"}, {"LOWER": _in(words.FUTURE_MODALS)})
        ),
        carries=True,
        vetoes=("negated", "hedged"),
    ),
    # "Jory to create a repo for Aeva to seed": the second person owns the part given to them.
    Rule(
        "for-to",
        (
            [
                _node("verb", _BASE_VERB),
                _child("verb", "to", {"DEP": "aux", "TAG": "TO"}),
                _child("verb", "for", {"DEP": "mark", "LOWER": "for"}),
                # A person named: "time for me to poke" says when, not who owns what.
                _child("verb", "owner", {"DEP": "nsubj", "POS": "PROPN"}),
            ],
        ),
        vetoes=("negated", "role"),
    ),
    # "New PR to be opened by Dana", "The release will be cut by Sam" (not "was created by").
    Rule(
        "passive-by",
        tuple(
            [
                _node("verb", {"TAG": "VBN"}),
                _child("verb", "be", {"DEP": "auxpass"}),
                _child("verb", "by", {"DEP": "agent"}),
                _child("by", "owner", {"DEP": "pobj"}),
                _child("verb", "when", {"DEP": "aux", **when}),
            ]
            for when in ({"TAG": "TO"}, {"LOWER": _in(words.FUTURE_MODALS | words.ASSIGNING_MODALS)})
        ),
        vetoes=("negated", "hedged"),
    ),
    # "We've asked SamO to take a look", "Sam was asked to chase it"; an imperative "Invite X to
    # advise" has no one asking and is a note to no one in particular.
    Rule(
        "asked-to",
        (
            [
                _node("verb", {"LEMMA": _in(words.ASKING_VERBS)}),
                _child("verb", "asker", {"DEP": "nsubj"}),
                _child("verb", "owner", {"DEP": _in(("dobj", "dative"))}),
                _child("verb", "task", {"DEP": _in(("xcomp", "ccomp")), **_BASE_VERB}),
            ],
            [
                _node("verb", {"LEMMA": _in(words.ASKING_VERBS)}),
                _child("verb", "asker", {"DEP": "nsubj"}),
                _child("verb", "task", {"DEP": _in(("xcomp", "ccomp")), **_BASE_VERB}),
                _child("task", "owner", {"DEP": "nsubj"}),
            ],
            [
                _node("verb", {"LEMMA": _in(words.ASKING_VERBS), "TAG": "VBN"}),
                _child("verb", "owner", {"DEP": "nsubjpass"}),
                _child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
            ],
            # "Next step is to have Gabe follow up", "We will have Sam review it" (not "had Sam").
            [
                _node("verb", {"LEMMA": "have", "TAG": "VB"}),
                _child("verb", "task", {"DEP": "ccomp", **_BASE_VERB}),
                _child("task", "owner", {"DEP": "nsubj", "POS": "PROPN"}),
            ],
        ),
        vetoes=("negated", "role", "yet-to-ask"),
    ),
    # "Next step for Ines is to write the guide", "Lee's next plan is to port it"; the tagger reads
    # some verbs after "would be to" as gerunds ("My next step would be to ping ...").
    Rule(
        "next-step-is",
        (
            [
                _node("verb", {"LEMMA": "be"}),
                _child("verb", "step", {"DEP": "nsubj", "LOWER": _in(words.PLAN_NOUNS)}),
                _child("step", "for", {"DEP": "prep", "LOWER": "for"}),
                _child("for", "owner", {"DEP": "pobj"}),
                _child("verb", "task", {"DEP": _in(("xcomp", "attr", "ccomp")), **_PLANNED_VERB}),
            ],
            [
                _node("verb", {"LEMMA": "be"}),
                _child("verb", "step", {"DEP": "nsubj", "LOWER": _in(words.PLAN_NOUNS)}),
                _child("step", "owner", {"DEP": "poss"}),
                _child("verb", "task", {"DEP": _in(("xcomp", "attr", "ccomp")), **_PLANNED_VERB}),
            ],
        ),
        vetoes=("negated",),
    ),
    # "Priya has to rebase first" (not "had to": that is done).
    Rule(
        "has-to",
        (
            [
                _node("verb", {"LEMMA": "have", "TAG": _in(("VBZ", "VBP"))}),
                _child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
                _child("task", "to", {"DEP": "aux", "TAG": "TO"}),
            ],
        ),
        carries=True,
        vetoes=("negated", "role"),
    ),
    # "suggested that Sam check the mirrors", "agreed that Lee submit the form".
    Rule(
        "that-subjunctive",
        (
            [
                _node("verb", {"LEMMA": _in(words.SUGGESTING_VERBS)}),
                _child("verb", "task", {"DEP": "ccomp", "TAG": _in(("VB", "VBP"))}),
                _child("task", "owner", {"DEP": "nsubj"}),
            ],
        ),
        vetoes=("negated", "role"),
    ),
)

# -- vetoes ---------------------------------------------------------------------------------------
# Each names the token it vetoes as "target".
VETOES: dict[str, tuple[Pattern, ...]] = {
    # "Sam won't have time", "Lee will not chase it", "never".
    "negated": (
        [_node("target", {}), _child("target", "neg", {"DEP": "neg"})],
        [_node("target", {}), _child("target", "neg", {"LOWER": _in(("not", "n't", "never"))})],
        # "I am not at all keen to merge them": the "not" is the copula's, the promise the adjective's.
        [
            _node("target", {"DEP": "acomp"}),
            _child("target", "be", {"LEMMA": "be"}, "<"),
            _child("be", "neg", {"DEP": "neg"}),
        ],
    ),
    # "Mei will hopefully ...", "Maybe Omar should use ...": hopes and suggestions.
    "hedged": (
        [_node("target", {}), _child("target", "hedge", {"DEP": "advmod", "LOWER": _in(words.HEDGES)})],
    ),
    # "Ayşe would rather wait".
    "preference": (
        [_node("target", {}), _child("target", "rather", {"LOWER": _in(words.PREFERENCE_WORDS)})],
    ),
    # "Mark to scribe": a role in the meeting itself.
    # "I'll share my screen": what happens in the meeting itself.
    "role": (
        [_node("target", {"LEMMA": _in(words.MEETING_ROLES)})],
        [_node("target", {}), _child("target", "screen", {"DEP": "dobj", "LEMMA": "screen"})],
    ),
    # "Lee will ask Sam to rebase it": the asking is Lee's task; Sam has not been asked yet.
    "yet-to-ask": (
        [
            _node("target", {"LEMMA": _in(words.ASKING_VERBS)}),
            _child("target", "modal", {"DEP": "aux", "LOWER": _in(words.FUTURE_MODALS | words.OFFER_MODALS)}),
        ],
        [
            _node("target", {"LEMMA": _in(words.ASKING_VERBS)}),
            _child("target", "to", {"DEP": "aux", "TAG": "TO"}),
        ],
    ),
    # "Email Lee to sign up": Lee is to be reached, not to act.
    "reached": (
        [
            _node("target", {}),
            _child("target", "subject", {"DEP": "nsubj"}),
            _child("subject", "reach", {"DEP": "compound", "LOWER": _in(words.REACHING_VERBS)}),
        ],
    ),
    # "Lee volunteered to chair": the promise says what, and the commitment rule reads it.
    "says-what": ([_node("target", {"LEMMA": "volunteer"}), _child("target", "what", {"DEP": "xcomp"})],),
    # "Omar can use httperf": a possibility, not an offer.
    "possibility": ([_node("target", {"LEMMA": _in(words.POSSIBILITY_VERBS)})],),
    # "Kofi will ask Jim if Andy can join": what someone asks about, not an offer ("It would be
    # good if Lee can look" still is one).
    "asked-whether": (
        [
            _node("target", {}),
            _child("target", "if", {"DEP": "mark", "LOWER": _in(("if", "whether"))}),
            _child("target", "asker", {"LEMMA": _in(words.ASKING_VERBS | {"check", "see", "confirm"})}, "<"),
        ],
    ),
}
