"""The vetoes of the promise rules (`bot.extraction.patterns`), also `DependencyMatcher` patterns with
ids: a promise whose anchor or task one of its rule's vetoes hits is not one ("won't", "would
rather", "Mark to scribe", "can use httperf"). Each names the token it vetoes as "target"."""

from __future__ import annotations

from bot.extraction import words
from bot.extraction.depmatch import Pattern, child, node, none_of, one_of

# Asking, finding out or talking over: "reach out to Dan to know if Nicolò can join", "It was
# discussed whether Joel should wait for Christian".
_ASKING = words.ASKING_VERBS | frozenset(
    ("check", "see", "confirm", "wonder", "know", "find", "learn", "verify", "discuss", "debate")
)
# What is said in the meeting itself.
_TALK = ("context", "info", "information", "update", "overview", "background")
# Doubt about it: "is unsure if he can fill the role", "not sure whether Lee can join".
_DOUBTING = frozenset({"sure", "unsure", "certain", "uncertain", "clear", "unclear"})
# "don't think I can", "doesn't expect he will": what someone does not believe will happen.
_BELIEVING = ("think", "believe", "expect", "guess", "suppose", "reckon", "feel", "imagine")
# Telling the room about something, which a chair asks for during the call.
_EXPLAINING = ("clarify", "present", "explain", "introduce", "describe", "summarize", "summarise")
_ASKED_THEN = {"LEMMA": one_of(("ask", "invite", "request")), "TAG": "VBD"}
_PREPOSITIONS = (*words.OBJECT_PREPOSITIONS, "between", "among", "alongside")
_PERMITTING = ("authorize", "authorise", "allow", "permit", "empower", "entitle")
_WH = {"TAG": one_of(("WP", "WRB", "WDT"))}

_MODALS = words.FUTURE_MODALS | words.OFFER_MODALS
# What the one who takes the minutes takes. Not notes: "will take notes at the summit" can be a task.
_MINUTES = {"DEP": "dobj", "LEMMA": one_of(("minute", "minutes"))}

VETOES: dict[str, tuple[Pattern, ...]] = {
    # "Sam won't have time", "Lee will not chase it", "never".
    "negated": (
        [node("target", {}), child("target", "neg", {"DEP": "neg"})],
        [node("target", {}), child("target", "neg", {"LOWER": one_of(("not", "n't", "never"))})],
        # "I am not at all keen to merge them": the "not" is the copula's, the promise the adjective's.
        [
            node("target", {"DEP": "acomp"}),
            child("target", "be", {"LEMMA": "be"}, "<"),
            child("be", "neg", {"DEP": "neg"}),
        ],
        # "don't think I can implement it without major changes": the doubt is the governing verb's.
        [
            node("target", {"DEP": "ccomp"}),
            child("target", "think", {"LEMMA": one_of(_BELIEVING)}, "<"),
            child("think", "neg", {"DEP": "neg"}),
        ],
    ),
    # "Mei will hopefully ...", "Maybe Omar should use ...": hopes and suggestions.
    "hedged": (
        [node("target", {}), child("target", "hedge", {"DEP": "advmod", "LOWER": one_of(words.HEDGES)})],
    ),
    # "I'd call unwrap, but ...", "I would tend to advise ...": a speaker's hypothetical or opinion; an
    # offer in the first person says "can", "will" or "happy to", and "he'd" is reported, so firm.
    "hypothetical": (
        [
            node("target", {"LEMMA": none_of(words.ATTEMPT_VERBS)}),  # "I would try to ..." is a go at it
            child("target", "modal", {"DEP": "aux", "LOWER": one_of(("would", "'d", "\u2019d"))}),
            child("target", "speaker", {"DEP": "nsubj", "LOWER": "i"}),
        ],
    ),
    # "Shaun moved that Rui be invited to join as a member": what a motion proposes, in the
    # subjunctive, not a request made of Rui.
    "motion": (
        [
            node("target", {}),
            child("target", "be", {"DEP": "auxpass", "LOWER": "be", "TAG": "VB"}),
            child("target", "that", {"DEP": "mark", "LOWER": "that"}),
        ],
    ),
    # "Tomas will usually fix the rchk issues": what someone does as a rule, not a promise.
    "habitual": (
        [node("target", {}), child("target", "often", {"DEP": "advmod", "LOWER": one_of(words.HABITUAL)})],
    ),
    # "Jason was going to present today but fell ill": a plan of the past, not one still to carry out.
    # (Not the question "Simeon, were you going to create a template?", which asks it of him.)
    "past-plan": (
        [
            node("target", {}),
            child("target", "subject", {"DEP": "nsubj"}),
            child("subject", "was", {"DEP": "aux", "TAG": "VBD"}, "$+"),
        ],
        # "Lee: was actually going to ask about that", the subject left to the speaker's label.
        [node("target", {"LOWER": "going"}), child("target", "was", {"DEP": "aux", "LOWER": "was"})],
    ),
    # "Ayşe would rather wait".
    "preference": (
        [node("target", {}), child("target", "rather", {"LOWER": one_of(words.PREFERENCE_WORDS)})],
    ),
    # "Mark to scribe": a role in the meeting itself.
    # "I'll share my screen", "Matt volunteered to take the minutes": what happens in the meeting itself.
    "role": (
        [node("target", {"LEMMA": one_of(words.MEETING_ROLES)})],
        [node("target", {}), child("target", "screen", {"DEP": "dobj", "LEMMA": "screen"})],
        # "I'm going to end the recording", "I'll start the stream".
        [
            node("target", {"LEMMA": one_of(("start", "stop", "end", "pause", "resume"))}),
            child("target", "recording", {"DEP": "dobj", "LEMMA": one_of(("recording", "record", "stream"))}),
        ],
        # "I'll note that it is coming", "I'm going to suggest we shift it", "I'll argue that it is
        # needed": the speaker's own words, said in the meeting ("Lee will suggest to the team that
        # ..." is still a task).
        [
            node("target", {"LEMMA": one_of(words.SAYING_VERBS)}),
            child("target", "i", {"DEP": "nsubj", "LOWER": "i"}),
            child("target", "said", {"DEP": "ccomp"}),
        ],
        [
            node("target", {"LEMMA": one_of(words.SAYING_VERBS)}),
            child("target", "said", {"DEP": "ccomp"}),
            child("target", "going", {"DEP": "ROOT", "LOWER": "going"}, "<"),
            child("going", "i", {"DEP": "nsubj", "LOWER": "i"}),
        ],
        # "who would present his background later in the meeting": in this meeting, not a later one
        # ("in the following session": the determiner right before the meeting, nothing between).
        [
            node("target", {}),
            child("target", "in", {"DEP": "prep", "LOWER": one_of(("in", "during"))}),
            child("in", "meeting", {"DEP": "pobj", "LEMMA": one_of(("meeting", "call", "session"))}),
            child("meeting", "the", {"LOWER": one_of(("the", "this", "today", "today's"))}, ";"),
        ],
        # "Eugene will start.", "Josh needs to leave.": the speaker's turn or their going, in the
        # meeting itself (not "will start on the docs").
        [
            node("target", {"LEMMA": one_of(("start", "begin", "leave", "join"))}),
            child("target", "end", {"IS_PUNCT": True}, "."),
        ],
        # "I must admit", "I have to confess": the speaker's turn of phrase, with or without what
        # they admit.
        [
            node("target", {"LEMMA": one_of(("admit", "confess"))}),
            child("target", "i", {"DEP": "nsubj", "LOWER": "i"}),
        ],
        [
            node("target", {"LEMMA": one_of(("admit", "confess")), "DEP": "xcomp"}),
            child("target", "have", {}, "<"),
            child("have", "i", {"DEP": "nsubj", "LOWER": "i"}),
        ],
        # "David asked Daniel to clarify the distinction", "Aayush invited Rian to provide updates":
        # what the chair asked for was said there and then ("asked Lee to present it next time" is
        # for another occasion).
        [
            node("target", {"LEMMA": one_of(_EXPLAINING)}),
            child("target", "asked", _ASKED_THEN, "<"),
        ],
        [
            node("target", {"LEMMA": one_of(("provide", "give"))}),
            child("target", "asked", _ASKED_THEN, "<"),
            child("target", "what", {"DEP": "dobj", "LEMMA": one_of((*_TALK, "recap", "summary"))}),
        ],
        # "So today I will present to you the application fees", "I'm going to talk about 82", "I
        # am going to dive into each of these": the speaker's turn in the call ("I'll talk to
        # Lee", "I'll discuss it with the board" are conversations to have, "I'll present it next
        # time" another occasion: `grammar.with_someone`, `grammar.for_another_occasion`).
        [
            node("target", {"LEMMA": one_of(words.PRESENTING)}),
            child("target", "i", {"DEP": "nsubj", "LOWER": "i"}),
        ],
        # "let me give a brief overview", "I'll give an update on the ARM build".
        [
            node("target", {"LEMMA": one_of(("give", "provide"))}),
            child("target", "i", {"DEP": "nsubj", "LOWER": one_of(("i", "me"))}),
            child(
                "target",
                "what",
                {"DEP": "dobj", "LEMMA": one_of((*_TALK, "introduction", "recap", "summary"))},
            ),
        ],
        [
            node("target", {"LEMMA": one_of(words.PRESENTING), "DEP": "xcomp"}),
            child("target", "going", {"LEMMA": "go"}, "<"),
            child("going", "i", {"DEP": "nsubj", "LOWER": "i"}),
        ],
        # "Matt volunteered to take the minutes".
        [node("target", {"LEMMA": "take"}), child("target", "minutes", _MINUTES)],
        # "Basil volunteers to take minutes", the volunteering a noun the parser makes the root or
        # the subject of "take".
        [
            node("target", {"LEMMA": "volunteer"}),
            child("target", "take", {"DEP": one_of(("xcomp", "advcl")), "LEMMA": "take"}),
            child("take", "minutes", _MINUTES),
        ],
        [
            node("target", {"LEMMA": "volunteer", "DEP": "nsubj"}),
            child("target", "take", {"LEMMA": "take"}, op="<"),
            child("take", "minutes", _MINUTES),
        ],
    ),
    # "Martin to liaise with Jerome and Matt to consider": the parser makes the names after "with"
    # the subject of what follows; they are the object of the preposition ("for Aeva to seed" is
    # the for-to rule's).
    "object": (
        [
            node("target", {}),
            child("target", "subject", {"DEP": "nsubj"}),
            child("subject", "prep", {"LOWER": one_of(_PREPOSITIONS)}, ";"),
        ],
    ),
    # "the board has authorized Sarah and Kelly to work up to 40 hours": leave to do it, not a task.
    "permitted": (
        [
            node("target", {}),
            child("target", "allow", {"LEMMA": one_of(_PERMITTING)}, "<"),
        ],
    ),
    # "Lee will ask Sam to rebase it": the asking is Lee's task; Sam has not been asked yet.
    "yet-to-ask": (
        [
            node("target", {"LEMMA": one_of(words.ASKING_VERBS)}),
            child(
                "target", "modal", {"DEP": "aux", "LOWER": one_of(words.FUTURE_MODALS | words.OFFER_MODALS)}
            ),
        ],
        [
            node("target", {"LEMMA": one_of(words.ASKING_VERBS)}),
            child("target", "to", {"DEP": "aux", "TAG": "TO"}),
        ],
    ),
    # "Email Lee to sign up": Lee is to be reached, not to act.
    "reached": (
        [
            node("target", {}),
            child("target", "subject", {"DEP": "nsubj"}),
            child("subject", "reach", {"DEP": "compound", "LOWER": one_of(words.REACHING_VERBS)}),
        ],
    ),
    # "Lee volunteered to chair": the promise says what, and the commitment rule reads it.
    "says-what": (
        [node("target", {"LEMMA": "volunteer"}), child("target", "what", {"DEP": "xcomp"})],
        [
            node("target", {"LEMMA": "volunteer"}),
            child("target", "what", {"DEP": "advcl"}),
            child("what", "to", {"DEP": "aux", "TAG": "TO"}),
        ],
    ),
    # "Omar can use httperf": a possibility, not an offer.
    # "Joel and Luke can speak to this": can say something about it, in the meeting itself.
    "possibility": (
        [node("target", {"LEMMA": one_of(words.POSSIBILITY_VERBS)})],
        # "I can provide context", "I can share some info": what the speaker goes on to say in the
        # meeting itself, as "can speak to this" is.
        [
            node("target", {"LEMMA": one_of(("share", "provide", "give"))}),
            child("target", "i", {"DEP": "nsubj", "LOWER": "i"}),
            child("target", "can", {"DEP": "aux", "LOWER": "can"}),
            child("target", "what", {"DEP": "dobj", "LEMMA": one_of(_TALK)}),
        ],
        # "a resource he can incorporate into his practice": what a thing is good for, not an offer
        # ("Lee, who can review it," still offers; a name there is more often the parser lost in a
        # run-on line).
        [
            node("target", {"DEP": "relcl"}),
            child("target", "subject", {"DEP": "nsubj", "TAG": "PRP"}),
        ],
        # "Rick can only stay for the first 30 minutes": a limit on someone, not an offer.
        [
            node("target", {}),
            child("target", "can", {"DEP": "aux", "LOWER": one_of(("can", "could"))}),
            child("target", "only", {"DEP": "advmod", "LOWER": "only"}),
        ],
        # "What I can share now is ...", "where I can present it", an icebreaker's "Anywhere I can go
        # for a long hike": what or where someone is able to, not an offer.
        [
            node("target", {}),
            child("target", "can", {"DEP": "aux", "LOWER": "can"}),
            child("target", "wh", {"DEP": one_of(("dobj", "advmod")), "TAG": one_of(("WP", "WRB"))}),
        ],
        [
            node("target", {}),
            child("target", "can", {"DEP": "aux", "LOWER": "can"}),
            child(
                "target", "where", {"DEP": "advmod", "LOWER": one_of(("anywhere", "everywhere", "somewhere"))}
            ),
        ],
        [
            node("target", {"LEMMA": one_of(("speak", "talk"))}),
            child("target", "to", {"DEP": "prep", "LOWER": "to"}),
            child("to", "this", {"DEP": "pobj", "LOWER": one_of(("this", "that", "it"))}),
        ],
    ),
    # "Kofi will ask Jim if Andy can join", "to know if Andy can join": what someone asks or finds
    # out about, not an offer ("It would be good if Lee can look" still is one).
    "asked-whether": (
        [
            node("target", {}),
            child("target", "if", {"DEP": "mark", "LOWER": one_of(("if", "whether"))}),
            child("target", "asker", {"LEMMA": one_of(_ASKING | _DOUBTING)}, "<"),
        ],
        # "discussed whether Joel should wait for Christian to make it": what is asked about goes
        # on inside the clause.
        [
            node("target", {}),
            child("target", "clause", {}, "<<"),
            child("clause", "if", {"DEP": "mark", "LOWER": one_of(("if", "whether"))}),
            child("clause", "asker", {"LEMMA": one_of(_ASKING)}, "<"),
        ],
        # "Basil is unsure if he can fill the role", the "if" clause hung off "is".
        [
            node("target", {}),
            child("target", "if", {"DEP": "mark", "LOWER": one_of(("if", "whether"))}),
            child("target", "be", {}, "<"),
            child("be", "doubt", {"DEP": "acomp", "LEMMA": one_of(_DOUBTING)}),
        ],
        # "Stu asked what James will work on", "asked how Lee will handle it": a question about it.
        # Not a relative clause deeper down: "confirmed that she would add a document with the
        # information, which is also on the website".
        [
            node("target", {}),
            child("target", "wh", _WH),
            child("target", "asker", {"LEMMA": one_of(_ASKING)}, "<"),
        ],
        [
            node("target", {}),
            child("target", "part", {}),
            child("part", "wh", _WH),
            child("target", "asker", {"LEMMA": one_of(_ASKING)}, "<"),
        ],
    ),
}
