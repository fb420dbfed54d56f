"""The promise shapes of English, as spaCy `DependencyMatcher` patterns: rules as data.

Each `Rule` has an id (the benchmark counts what each finds and gets wrong) and its dependency
patterns. Its owner is the pattern's own `owner` node where it has one ("asked SamO to", "opened
by Dana"), else the subject of the `anchor` node (followed along coordinated verbs, so "LeeC has
agreed ... and will add" gives LeeC for "add"), else, when the rule `carries`, the person the text
before was about ("Will try and ..." after a sentence about Priya).
The `task` node is the verb the title is made from; a rule without one takes its task from the
item's context ("Priya has this action").

Each rule names its vetoes, patterns too, in `bot.extraction.vetoes`.

A new minute style is a pattern here (or a line shape in `bot.extraction.lines`) and a test note.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.extraction import words
from bot.extraction.depmatch import Pattern, child, node, none_of, one_of

_VERB = {"TAG": {"IN": ["VB", "VBG"]}}
_ACTING = none_of(words.NOT_ACTIONS)
# The promised action: a verb in its base form that acts ("be out next week" and "like to" do not).
_BASE_VERB = {"TAG": "VB", "LEMMA": _ACTING}
_ASKING_OTHERS = one_of(words.ASKING_VERBS - words.REACHING_VERBS)
# "happy to help" acts; "happy to hear" reacts and "happy to approve" consents.
_NOT_ANSWERING = none_of(words.NOT_ACTIONS | words.REACTION_VERBS | words.CONSENT_VERBS)


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


_MODAL_VERB = {**_VERB, "LEMMA": none_of(words.NOT_ACTIONS | {"have"})}
_PLANNED_VERB = {**_VERB, "LEMMA": _ACTING}
_FINITE = ("VBD", "VBZ", "VBP", "VBG")

RULES: tuple[Rule, ...] = (
    # "Priya will reply to the email", "Sam'll check", "Will try and work through it" (carried).
    Rule(
        "will",
        (
            [
                node("verb", _MODAL_VERB),
                child("verb", "modal", {"DEP": "aux", "LOWER": one_of(words.FUTURE_MODALS)}),
            ],
            # "Priya will have it merged by Thursday": what she will have done.
            [
                node("verb", {"LEMMA": "have", "TAG": "VB"}),
                child("verb", "modal", {"DEP": "aux", "LOWER": one_of(words.FUTURE_MODALS)}),
                child("verb", "task", {"DEP": "ccomp", "TAG": "VBN", "LEMMA": _ACTING}),
            ],
        ),
        carries=True,
        vetoes=("negated", "hedged", "habitual", "role", "asked-whether"),
    ),
    # "KofiM can try to test things today", "It would be good if TomL can take a look".
    Rule(
        "can",
        (
            [
                node("verb", _MODAL_VERB),
                child("verb", "modal", {"DEP": "aux", "LOWER": one_of(words.OFFER_MODALS)}),
            ],
        ),
        vetoes=("negated", "preference", "hypothetical", "habitual", "role", "possibility", "asked-whether"),
    ),
    # "Sam should send the patch upstream".
    Rule(
        "should",
        (
            [
                node("verb", _MODAL_VERB),
                child("verb", "modal", {"DEP": "aux", "LOWER": one_of(words.ASSIGNING_MODALS)}),
            ],
        ),
        vetoes=("negated", "hedged", "role", "asked-whether"),
    ),
    # "will have a look", "can have a go".
    Rule(
        "have-a-look",
        (
            [
                node("verb", {"LEMMA": "have", **_VERB}),
                child(
                    "verb", "modal", {"DEP": "aux", "LOWER": one_of(words.FUTURE_MODALS | words.OFFER_MODALS)}
                ),
                child("verb", "object", {"DEP": "dobj", "LEMMA": one_of(words.HAVE_ACTIONS)}),
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
                node("verb", {**_BASE_VERB, "DEP": one_of(("ROOT", "conj", "parataxis", "ccomp"))}),
                child("verb", "to", {"DEP": "aux", "TAG": "TO"}),
                child("verb", "subject", {"DEP": "nsubj"}),
            ],
            # "... still to be scheduled, Rockett to announce date": a name's clause after a comma.
            [
                node("verb", {**_BASE_VERB, "DEP": "advcl"}),
                child("verb", "to", {"DEP": "aux", "TAG": "TO"}),
                child("verb", "subject", {"DEP": "nsubj", "POS": "PROPN"}),
                child("subject", "comma", {"ORTH": ","}, ";"),
            ],
            # The parser leaves the name unattached ("dep") before some verbs: "Alex to ask the
            # foundation whether ...".
            [
                node("verb", {**_BASE_VERB, "DEP": "ROOT"}),
                child("verb", "to", {"DEP": "aux", "TAG": "TO"}),
                child("verb", "owner", {"DEP": "dep", "POS": "PROPN"}),
            ],
            [
                node("owner", {"DEP": "ROOT", "POS": "PROPN"}),
                child("owner", "verb", {"DEP": one_of(("relcl", "acl")), **_BASE_VERB}),
                child("verb", "to", {"DEP": "aux", "TAG": "TO"}),
            ],
        ),
        vetoes=("negated", "role", "reached", "permitted", "object"),
    ),
    # "Priya is going to write it up", "Priya going to write it up", "gonna fix the links".
    Rule(
        "going-to",
        (
            [
                node("verb", {"LEMMA": "go", "TAG": "VBG"}),
                child("verb", "be", {"DEP": "aux", "LEMMA": "be"}),
                child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
            ],
            # Minutes drop the "is": "Priya going to write it up", "gonna fix the links"; a line
            # opening "Gonna" has the tagger read "Gon" as a base form.
            [
                node("verb", {"LOWER": one_of(("going", "gon")), "DEP": "ROOT"}),
                child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
                child("task", "to", {"DEP": "aux", "TAG": "TO"}),
            ],
        ),
        carries=True,
        vetoes=("negated", "hedged", "role", "past-plan"),
    ),
    # "Omar offered to redo the tutorial", "Dana needs to follow up", "Omar plans to review",
    # "Lee owns creating the makefile", "Lee is supposed to contact them".
    Rule(
        "commitment",
        (
            [
                node("verb", {"LEMMA": one_of(words.COMMITMENT_VERBS), "TAG": {"NOT_IN": ["VBN"]}}),
                child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
            ],
            # "Priya volunteers to review the draft", where the parser makes "volunteers" a noun and
            # "to review" a clause of its own.
            [
                node("verb", {"LEMMA": "volunteer", "TAG": one_of(("NN", "NNS"))}),
                child("verb", "owner", {"DEP": "compound", "POS": "PROPN"}),
                child("verb", "task", {"DEP": "advcl", **_BASE_VERB}),
                child("task", "to", {"DEP": "aux", "TAG": "TO"}),
            ],
            # "Offered to help with the tests": a summary's line under whose points it lists leaves
            # the subject out, and the tagger reads the opening verb as a participle. Not "Agreed to
            # schedule it on Tuesday": without a subject, what is agreed is the meeting's decision.
            [
                node(
                    "verb",
                    {"LEMMA": one_of(words.PROMISE_VERBS - {"agree"}), "TAG": "VBN", "IS_SENT_START": True},
                ),
                child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
            ],
            # "Vicente has offered to represent ORNL": the offer is made, the task is still to come.
            [
                node("verb", {"LEMMA": one_of(words.PROMISE_VERBS), "TAG": "VBN"}),
                child("verb", "have", {"DEP": "aux", "LOWER": one_of(("has", "have", "'s", "'ve"))}),
                child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
            ],
            # "I plan on removing the field", "Lee is planning on writing it up".
            [
                node("verb", {"LEMMA": "plan", "TAG": one_of(("VBP", "VBZ", "VBG"))}),
                child("verb", "on", {"DEP": "prep", "LOWER": "on"}),
                child("on", "task", {"DEP": "pcomp", "TAG": "VBG", "LEMMA": _ACTING}),
            ],
            # "bcoca owns separating the tests": an activity someone owns.
            [
                node("verb", {"LEMMA": "own", "TAG": one_of(("VBZ", "VBP"))}),
                child("verb", "task", {"DEP": "xcomp", "TAG": "VBG", "LEMMA": _ACTING}),
            ],
            # "Lee is supposed to contact the sponsors" (not "was supposed to": that was not done).
            [
                node("verb", {"LEMMA": "suppose", "TAG": "VBN"}),
                child("verb", "be", {"DEP": "auxpass", "TAG": one_of(("VBZ", "VBP"))}),
                child("verb", "owner", {"DEP": "nsubjpass"}),
                child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
            ],
            # "Ben is to create a proposal" (not "was to", "is OK to merge", "is still to see").
            [
                node("verb", {"LEMMA": "be", "TAG": one_of(("VBZ", "VBP")), "DEP": "ROOT"}),
                child("verb", "owner", {"DEP": "nsubj", "POS": "PROPN"}),
                child("verb", "to", {"DEP": "aux", "TAG": "TO"}, "."),
                child("to", "task", {"DEP": "xcomp", **_BASE_VERB}, "<"),
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
                node("verb", {"LEMMA": one_of(words.COMMITMENT_ADJECTIVES)}),
                child("verb", "task", {"DEP": "xcomp", "TAG": "VB", "LEMMA": _NOT_ANSWERING}),
            ],
        ),
        carries=True,
        vetoes=("negated", "role"),
    ),
    # "Lee takes action to land", "Dana took an action to start a thread", "I have an action item to
    # look into it" (not "had": last meeting's, reported).
    Rule(
        "takes-action",
        (
            *(
                [
                    node("verb", taking),
                    child("verb", "action", {"DEP": "dobj", "LEMMA": one_of(words.ACTION_NOUNS)}),
                    child("action", "task", {"DEP": one_of(("acl", "relcl")), **_BASE_VERB}),
                ]
                for taking in ({"LEMMA": "take"}, {"LEMMA": "have", "TAG": one_of(("VB", "VBP", "VBZ"))})
            ),
            [
                node("verb", {"LEMMA": "take"}),
                child("verb", "action", {"DEP": "dobj", "LEMMA": one_of(words.ACTION_NOUNS)}),
                child("verb", "task", {"DEP": one_of(("xcomp", "advcl")), **_BASE_VERB}),
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
                node("verb", {"LEMMA": one_of(("have", "take", "own"))}),
                child("verb", "action", {"DEP": "dobj", "LEMMA": one_of(words.ACTION_NOUNS)}),
                child("action", "det", {"DEP": "det", "LOWER": one_of(("this", "that", "the"))}),
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
                node("verb", {"LEMMA": "volunteer", "DEP": "ROOT", "TAG": one_of(("NN", "NNS"))}),
                child("verb", "subject", {"DEP": "nsubj"}),
            ],
            [
                node("verb", {"LEMMA": "volunteer", "DEP": "ROOT", "TAG": one_of(("NN", "NNS"))}),
                child("verb", "owner", {"DEP": "compound", "POS": "PROPN"}),
            ],
            # "Oli and James volunteered.", "mperz is volunteering" after a call for volunteers ("...
            # to V" is a commitment).
            [
                node("verb", {"LEMMA": "volunteer", "DEP": "ROOT", "TAG": one_of(_FINITE)}),
                child("verb", "subject", {"DEP": "nsubj"}),
            ],
            # "[Lars and Jared raise hands]": the same, by a show of hands.
            [
                node("verb", {"LEMMA": "raise", "TAG": one_of(("VBP", "VBZ"))}),
                child("verb", "subject", {"DEP": "nsubj"}),
                child("verb", "hand", {"DEP": "dobj", "LEMMA": "hand"}),
            ],
        ),
        vetoes=("negated", "hedged", "says-what", "role"),
        task_from_context=True,
    ),
    # "TomL will be responsible for the rota", "Lee to be responsible for the booth": what someone
    # is to answer for.
    Rule(
        "responsible-for",
        tuple(
            [
                node("verb", {"LEMMA": "be", "TAG": "VB"}),
                child("verb", "when", {"DEP": "aux", **when}),
                child("verb", "role", {"DEP": "acomp", "LEMMA": one_of(("responsible", "accountable"))}),
                child("role", "for", {"DEP": "prep", "LOWER": "for"}),
            ]
            for when in ({"TAG": "TO"}, {"LOWER": one_of(words.FUTURE_MODALS)})
        ),
        carries=True,
        vetoes=("negated", "hedged"),
    ),
    # "Jory to create a repo for Aeva to seed": the second person owns the part given to them.
    Rule(
        "for-to",
        (
            [
                node("verb", _BASE_VERB),
                child("verb", "to", {"DEP": "aux", "TAG": "TO"}),
                child("verb", "for", {"DEP": "mark", "LOWER": "for"}),
                # A person named: "time for me to poke" says when, not who owns what.
                child("verb", "owner", {"DEP": "nsubj", "POS": "PROPN"}),
            ],
        ),
        vetoes=("negated", "role", "asked-whether"),
    ),
    # "New PR to be opened by Dana", "The release will be cut by Sam" (not "was created by").
    Rule(
        "passive-by",
        tuple(
            [
                node("verb", {"TAG": "VBN"}),
                child("verb", "be", {"DEP": "auxpass"}),
                child("verb", "by", {"DEP": "agent"}),
                child("by", "owner", {"DEP": "pobj"}),
                child("verb", "when", {"DEP": "aux", **when}),
            ]
            for when in ({"TAG": "TO"}, {"LOWER": one_of(words.FUTURE_MODALS | words.ASSIGNING_MODALS)})
        ),
        vetoes=("negated", "hedged"),
    ),
    # "We've asked SamO to take a look", "Sam was asked to chase it"; an imperative "Invite X to
    # advise" has no one asking and is a note to no one in particular.
    Rule(
        "asked-to",
        (
            [
                node("verb", {"LEMMA": one_of(words.ASKING_VERBS)}),
                child("verb", "asker", {"DEP": "nsubj"}),
                child("verb", "owner", {"DEP": one_of(("dobj", "dative"))}),
                child("verb", "task", {"DEP": one_of(("xcomp", "ccomp")), **_BASE_VERB}),
            ],
            [
                node("verb", {"LEMMA": one_of(words.ASKING_VERBS)}),
                child("verb", "asker", {"DEP": "nsubj"}),
                child("verb", "task", {"DEP": one_of(("xcomp", "ccomp")), **_BASE_VERB}),
                child("task", "owner", {"DEP": "nsubj"}),
            ],
            [
                node("verb", {"LEMMA": one_of(words.ASKING_VERBS), "TAG": "VBN"}),
                child("verb", "owner", {"DEP": "nsubjpass"}),
                child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
            ],
            # "(Ruth) Get Lola and Schalk to discuss": a request that someone else act ("Invite
            # Daniel to advise", "Ask Sam to review it" only say whom to reach).
            [
                node("verb", {"LEMMA": _ASKING_OTHERS, "TAG": "VB", "DEP": "ROOT"}),
                child("verb", "owner", {"DEP": one_of(("dobj", "dative"))}),
                child("verb", "task", {"DEP": one_of(("xcomp", "ccomp", "advcl")), **_BASE_VERB}),
            ],
            # "Naomi is tasked with setting up the forms", "Chris was charged with drafting it".
            [
                node("verb", {"LOWER": one_of(("tasked", "charged"))}),
                child("verb", "owner", {"DEP": "nsubjpass"}),
                child("verb", "with", {"DEP": "prep", "LOWER": "with"}),
                child("with", "task", {"DEP": "pcomp", "TAG": "VBG"}),
            ],
            # "Next step is to have Gabe follow up", "We will have Sam review it" (not "had Sam").
            [
                node("verb", {"LEMMA": "have", "TAG": "VB"}),
                child("verb", "task", {"DEP": "ccomp", **_BASE_VERB}),
                child("task", "owner", {"DEP": "nsubj", "POS": "PROPN"}),
            ],
        ),
        vetoes=("negated", "role", "yet-to-ask", "asked-whether", "motion"),
    ),
    # "Next step for Ines is to write the guide", "Lee's next plan is to port it"; the tagger reads
    # some verbs after "would be to" as gerunds ("My next step would be to ping ...").
    Rule(
        "next-step-is",
        (
            [
                node("verb", {"LEMMA": "be"}),
                child("verb", "step", {"DEP": "nsubj", "LOWER": one_of(words.PLAN_NOUNS)}),
                child("step", "for", {"DEP": "prep", "LOWER": "for"}),
                child("for", "owner", {"DEP": "pobj"}),
                child("verb", "task", {"DEP": one_of(("xcomp", "attr", "ccomp")), **_PLANNED_VERB}),
            ],
            [
                node("verb", {"LEMMA": "be"}),
                child("verb", "step", {"DEP": "nsubj", "LOWER": one_of(words.PLAN_NOUNS)}),
                child("step", "owner", {"DEP": "poss"}),
                child("verb", "task", {"DEP": one_of(("xcomp", "attr", "ccomp")), **_PLANNED_VERB}),
            ],
        ),
        vetoes=("negated",),
    ),
    # A speaker's "Let me check on the details": an offer (not "let me know", "let me start with").
    Rule(
        "let-me",
        (
            [
                node("verb", {"LEMMA": "let", "TAG": "VB"}),
                child(
                    "verb", "task", {"DEP": "ccomp", "TAG": "VB", "LEMMA": none_of(words.NARRATED_AFTER_LET)}
                ),
                child("task", "owner", {"DEP": "nsubj", "LOWER": "me"}),
            ],
        ),
        vetoes=("negated", "hedged", "role"),
    ),
    # "Priya has to rebase first" (not "had to": that is done).
    Rule(
        "has-to",
        (
            [
                node("verb", {"LEMMA": "have", "TAG": one_of(("VBZ", "VBP"))}),
                child("verb", "task", {"DEP": "xcomp", **_BASE_VERB}),
                child("task", "to", {"DEP": "aux", "TAG": "TO"}),
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
                node("verb", {"LEMMA": one_of(words.SUGGESTING_VERBS)}),
                child("verb", "task", {"DEP": "ccomp", "TAG": one_of(("VB", "VBP")), "LEMMA": _ACTING}),
                child("task", "owner", {"DEP": "nsubj"}),
            ],
        ),
        vetoes=("negated", "role", "asked-whether"),
    ),
)
