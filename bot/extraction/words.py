"""Every word list extraction uses, in one place: the English the rules are written in.

The lists are about English and about how minutes are written, never about one team: a new community
should need a roster, not a new word here. Patterns (`bot.extraction.patterns`) and line shapes
(`bot.extraction.lines`) refer to these by name.
"""

from __future__ import annotations

# -- modals ---------------------------------------------------------------------------------------
# A future "will" promises, and carries the promise to a following sentence without a subject
# ("Will try and ..."); "can/could" offer only when someone is named; "should/must" assign.
FUTURE_MODALS = frozenset({"will", "'ll", "ll", "wil", "shall"})
OFFER_MODALS = frozenset({"can", "could", "'d", "would"})
ASSIGNING_MODALS = frozenset({"should", "must"})
HEDGES = frozenset({"maybe", "perhaps", "possibly", "hopefully", "probably"})
PREFERENCE_WORDS = frozenset({"rather", "sooner"})  # "would rather wait": a preference

# -- verbs ----------------------------------------------------------------------------------------
# How often someone does something: "will usually fix", "can always ask" say what they do as a rule.
HABITUAL = frozenset(
    {"usually", "normally", "typically", "generally", "always", "often", "sometimes", "regularly"}
)
# Saying one will do something: still a promise in the perfect ("has offered to"), unlike "has needed to".
PROMISE_VERBS = frozenset({"offer", "agree", "volunteer", "promise", "commit", "undertake"})
# "X offered to V", "X plans to V": the verb of commitment and the promised action after it.
COMMITMENT_VERBS = frozenset(
    {
        "offer",
        "agree",
        "volunteer",
        "promise",
        "plan",
        "intend",
        "undertake",
        "commit",
        "need",
        "decide",
        "aim",
    }
)
# "X is happy to V", "X is willing to V".
COMMITMENT_ADJECTIVES = frozenset({"happy", "willing", "glad", "keen", "eager"})
# "We asked X to V": the one asked owns it.
ASKING_VERBS = frozenset({"ask", "request", "invite", "remind", "task", "assign", "nominate", "get", "need"})
# "Email Lee to sign up", "Ping Sam to review it": whom to reach, read by the parser as a name's
# first word; the one to act is whoever reaches them.
# ("Get Lola and Schalk to discuss", "Need Domenic and Raf to work it out" give them the task.)
REACHING_VERBS = frozenset(
    {"email", "ping", "contact", "message", "tell", "poke", "dm", "ask", "remind", "invite"}
)
# "suggested that X check": a suggestion about one named person, in the subjunctive.
SUGGESTING_VERBS = frozenset(
    {"suggest", "propose", "recommend", "ask", "request", "agree", "decide", "insist"}
)
# "Next step for X is to V", "X's next plan is to V".
PLAN_NOUNS = frozenset({"step", "steps", "plan", "plans", "action", "task", "job", "todo"})
# "X takes action to V", "X has this action".
ACTION_NOUNS = frozenset({"action", "ai", "item", "todo", "task"})
# Wishes and states, not actions: "would like to", "will be away", "will need to".
# Stative verbs: "will depend on the amendments", "will remain open" say how things stand.
NOT_ACTIONS = frozenset(
    {"be", "like", "love", "prefer", "appreciate", "mind", "welcome", "want", "wish", "seem", "need", "hope"}
    | {"depend", "remain", "belong", "consist", "matter", "exist", "deserve", "know", "expect"}
    | {"happen", "occur"}  # "Will happen.": an event, with no one to do it
)
# "will have a look" is an action; "will have more time" is not.
HAVE_ACTIONS = frozenset({"look", "go", "chat", "word", "think", "call", "try", "stab", "crack", "meeting"})
# What a role's object is when the role is in the meeting itself: "host the call", "chair it".
THIS_MEETING = frozenset({"meeting", "call", "session", "discussion", "it", "this", "that", "today"})
# What someone does during the meeting itself: "Mark to scribe".
MEETING_ROLES = frozenset({"scribe", "chair", "moderate", "facilitate", "minute", "timekeep", "host"})
# The speaker taking the floor: "I will present to you the fees", "I'm going to talk about 82".
PRESENTING = frozenset({"present", "talk", "introduce", "discuss", "cover", "dive"})
# Who listens in the call: "I will present to you the fees".
AUDIENCE = frozenset({"you", "us", "everyone", "everybody", "all", "y'all"})
# A name right after one of these is its object, not the subject of what follows: "take lead from
# Lyndsey, Stef to join", "liaise with Jerome and Matt to consider".
OBJECT_PREPOSITIONS = ("from", "with", "by", "about", "after", "than", "of")
# Who holds a role in the meeting itself: "Scribe - Mark", "Note taker: Dana" name no task.
MEETING_ROLE_NOUNS = frozenset(
    {"scribe", "scribes", "scribing", "chair", "chairs", "co-chair", "co-chairs", "host", "hosts"}
    | {"facilitator", "facilitators", "moderator", "timekeeper", "time keeper", "secretary", "recorder"}
    | {"note taker", "note takers", "notetaker", "note-taker", "note taking", "notes", "minutes"}
    | {"minute taker", "minutes taker"}
)
# "X can use httperf": a possibility open to someone, not an offer; "I can imagine", "a delay I can
# live with", "I would suggest": what someone is able to think, bear or say.
POSSIBILITY_VERBS = frozenset(
    {"use", "reuse", "leverage", "benefit", "rely", "access", "see", "find"}
    | {"imagine", "think", "understand", "live", "guess", "suggest", "argue", "say", "recommend"}
)
# "Happy to hear that", "glad to report": a reaction to news, not an offer.
REACTION_VERBS = frozenset({"hear", "see", "report", "announce", "say", "learn", "know"})
# "Happy to approve", "happy to get feedback", "happy to leave that to the chair": consent given in
# the meeting, or something to receive, not work offered.
CONSENT_VERBS = frozenset({"approve", "accept", "select", "answer", "get", "receive", "consider", "leave"})
# "X: note that ...", "X: agree": a remark, not a request.
REMARK_VERBS = frozenset(
    {"note", "agree", "think", "mention", "say", "suggest", "wonder", "feel", "believe", "recap", "read"}
)

# "I'll argue that ...", "I'm going to suggest we ...": verbs of saying, which with a clause of what
# is said are the speaker's words in the meeting.
SAYING_VERBS = REMARK_VERBS | {
    "argue",
    "admit",
    "add",
    "explain",
    "clarify",
    "repeat",
    "claim",
    "guess",
    "propose",
}

# What a speaker's "let me ..." does in the call itself (talk, show, move on), not an offer of work.
NARRATED_AFTER_LET = (
    NOT_ACTIONS
    | SAYING_VERBS
    | {"know", "see", "start", "go", "move", "pull", "introduce", "read", "show", "jump", "switch", "turn"}
    | {"hand", "pass", "stop", "summarize", "recap", "ask", "answer", "respond", "try", "just", "be"}
    # In a chat or a call: "let me open it", "let me re-share it", "let me pause" ("re" is what the
    # tokenizer leaves of "re-read", "re-share").
    | {"summarise", "talk", "emphasize", "emphasise", "pause", "open", "share", "re"}
)

# "Also create a binder", "Then tag them": the sentence goes on with what was said before it.
CONTINUATIONS = frozenset({"also", "then", "and", "plus"})

# Words a line may open with that are not a bare request: "I will", "The docs are", "Will do".
NOT_IMPERATIVES = frozenset(
    {
        "i",
        "we",
        "he",
        "she",
        "they",
        "it",
        "this",
        "that",
        "will",
        "can",
        "could",
        "should",
        "would",
        "the",
        "a",
        "who",
    }
)
# "take a look", "have a go at": a light verb whose noun is the action, and the verb it means.
LIGHT_VERBS = frozenset({"take", "have", "give"})
LOOKS = {
    "look": "look",
    "peek": "look",
    "glance": "look",
    "go": "try",
    "stab": "try",
    "crack": "try",
    "shot": "try",
}

# "handle updating X", "continue moving X": the verb says how, its gerund what. Not "start
# writing X": starting it is the task.
ASPECT_VERBS = frozenset({"continue", "handle", "resume"})
# "provide a draft of X", "have a conversation with X", "own the drafting of X": a verb that lends
# its object the action, and the verb that object stands for.
NOUN_VERB_HOSTS = frozenset({"make", "do", "have", "provide", "give", "own", "create", "take"})
NOUN_VERBS = {
    "draft": "draft", "drafting": "draft", "diff": "diff", "conversation": "talk", "writeup": "write up",
    "write-up": "write up", "decision": "decide", "review": "review", "announcement": "announce",
    "comparison": "compare", "investigation": "investigate", "presentation": "present",
    "introduction": "introduce", "recommendation": "recommend", "summary": "summarise",
    "analysis": "analyse", "assessment": "assess", "evaluation": "evaluate", "proposal": "propose",
    "update": "report", "updates": "report",
}  # fmt: skip
# "keep the board informed", "let the board know": telling someone how the work goes.
INFORMED = frozenset({"inform", "informed", "post", "posted", "update", "updated", "know", "aware"})
# "make an issue": what one does to bring the thing made into being on a tracker.
MADE_OBJECTS = {"issue": "open", "pr": "open", "ticket": "open"}

# Words after a name that make it the subject of a sentence, not the label of a line.
AUXILIARIES = (
    "will", "'ll", "can", "could", "should", "would", "to", "is", "are", "was", "were", "has", "have",
    "had", "and", "or", "might", "may", "must", "shall", "does", "did", "do", "needs", "wants", "said",
)  # fmt: skip

# -- people -------------------------------------------------------------------------------------
THIRD_PERSON = frozenset({"he", "she"})
# "reach out to her" names someone to act towards; "talk to me" is the speaker's voice, which an
# issue list read by others cannot resolve.
PERSON_OBJECTS = frozenset({"him", "her"})
FIRST_PERSON = frozenset({"i", "me", "my"})
# "Sam: Can you update X?" answered "Sure." on the next line.
AGREEMENTS = (
    "yes",
    "yep",
    "yeah",
    "ok",
    "okay",
    "sure",
    "will do",
    "can do",
    "on it",
    "absolutely",
    "definitely",
)

# -- titles ---------------------------------------------------------------------------------------
# Words a title can do without: fillers before the verb, and the glue a phrase may hang on.
FILLERS = frozenset(
    {"then", "also", "just", "probably", "hopefully", "perhaps", "maybe", "soon", "now", "still", "properly",
     "too", "already", "first", "again", "really", "anyway", "only", "actually", "definitely", "both",
     "please", "go", "ahead"}
)  # fmt: skip
# "once it is merged" says when, not what; "check if we need a release" keeps its "if": it is the object.
SUBORDINATORS = frozenset(
    {"when", "once", "as", "because", "after", "before", "until", "since", "while", "so"}
)
# Objects that only mean something with the item's context: "Look over it".
VAGUE_OBJECTS = frozenset(
    {"it", "this", "that", "them", "these", "those", "something", "things", "stuff", "one", "there"}
)
# The preposition a verb takes before a topic named from context: "Comment on the SLA issue".
VERB_PREPOSITIONS = {
    "comment": "on", "report": "on", "follow": "on", "work": "on", "reply": "to", "respond": "to",
    "think": "about", "talk": "about", "speak": "about", "look": "at", "help": "with", "weigh": "on",
    "chime": "on", "check": "on", "catch": "on", "reach": "to", "get": "on", "report back": "on",
}  # fmt: skip
# Phrases that only say when: "for now", "in the meantime", "at some point", "in due course".
TIME_WORDS = frozenset(
    {"now", "meantime", "course", "point", "moment", "while", "today", "tonight", "tomorrow", "week",
     "month", "soon", "later", "asap", "eventually", "next", "weeks", "weekend", "months", "days"}
)  # fmt: skip
# Objects too generic to act on alone, and how the topic joins them: "Open an issue about X".
GENERIC_OBJECTS = {
    "issue": "about", "email": "about", "thread": "about", "post": "about", "question": "about",
    "discussion": "about", "proposal": "for", "comment": "on", "comments": "on", "review": "of",
    "feedback": "on", "pr": "for", "patch": "for", "draft": "of", "doc": "on", "plan": "for",
    "work": "on", "update": "on", "note": "on", "summary": "of", "decision": "on", "process": "for",
    "meeting": "on", "poll": "on", "session": "on",
}  # fmt: skip
# "a couple", "a bunch of", "a while": amounts, not things.
QUANTITY_NOUNS = frozenset(
    {"couple", "bunch", "lot", "few", "bit", "while", "number", "set", "list", "handful"}
)
# "try to test X" promises the test: the title is the verb tried.
ATTEMPT_VERBS = frozenset({"try", "attempt", "aim"})
# Section names that say nothing about a topic.
GENERIC_SECTIONS = frozenset(
    {"", "notes", "note", "minutes", "aob", "any other business", "other business", "other", "others",
     "misc", "miscellaneous", "discussion", "agenda", "general", "updates", "update", "action items",
     "action item", "actions", "action", "next steps", "todo", "todos", "to-do", "to-dos", "tasks",
     "attendees", "present", "other notes", "q&a", "q&a, other", "status", "round table", "roundtable"}
)  # fmt: skip

# Words that carry no content: for judging titles, and for cutting one where a phrase ends.
FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "to", "and", "or", "but", "for", "with", "in", "on", "at", "by", "from", "into",
     "onto", "about", "as", "than", "that", "this", "these", "those", "it", "its", "them", "they", "their",
     "he", "she", "his", "her", "we", "our", "us", "you", "your", "i", "me", "my", "be", "is", "are", "was",
     "were", "been", "being", "will", "would", "can", "could", "should", "shall", "may", "might", "must",
     "do", "does", "did", "have", "has", "had", "not", "no", "so", "if", "whether", "when", "once", "then",
     "also", "just", "up", "out", "over", "off", "some", "any", "all", "each", "every", "there", "here",
     "which", "who", "what", "how", "why", "where", "while", "until", "after", "before", "since", "because",
     "via", "per", "s", "re", "something", "things", "stuff", "one", "etc", "e", "g", "ie"}
)  # fmt: skip

# -- structure ------------------------------------------------------------------------------------
# Headings, labels and list leads under which every line is an assignment.
ACTION_HEADINGS = (
    "action items", "action item", "action points", "action point", "actions", "action", "ais", "ai",
    "next steps", "next step", "to-do's", "todo's", "to do's", "to-dos", "todos", "to-do", "todo", "to do",
    "tasks", "assignments", "follow-ups", "follow ups", "followups", "follow-up", "owners",
)  # fmt: skip
# Lines that say who attends or holds a role in the meeting: "Present: ...", "Scribe: Nadia".
ROLL_LABELS = (
    "(?:intend(?:s|ing)? to |will |also )?attend(?:ing|ees?|ance)?", "present", "participants",
    "people present", "in attendance", "regrets",
    "apologies", "absent", "scribe", "chair", "note-?takers?", "notes", "minutes", "facilitator", "host",
    "moderator", "timekeeper",
)  # fmt: skip
# A field that names whom an item is for, after its task or on a line under it: "Owner: @lee",
# "Assigned to: Sam", "Owner(s): Priya, Jun", "Person responsible: Yorik". ("Who:" is left out: it
# also heads who attends.)
OWNER_FIELDS = r"owners?(?:\(s\))?|assignees?|assigned\s+to|(?:person\s+)?responsible(?:\s+person)?"
# The columns of an action table.
OWNER_COLUMNS = ("owner", "who", "assignee", "assigned", "responsible", "person")
# In the order a column's header names the task most surely: "| Item | Description |" numbers the
# items in the first and says them in the second.
TASK_COLUMNS = ("action", "task", "description", "what", "item")
DUE_COLUMNS = ("due", "when", "deadline", "by", "timescale", "timeline", "target date")
# A follow-up nested under an item that says it is done: "- approved", "- merged yesterday".
# A status mark on the line itself says the work is done in these: "(done)", "[fixed]", "(merged)".
FINISHED = ("done", "completed", "finished", "closed", "merged", "fixed", "resolved")
COMPLETED = (*FINISHED, "approved", "landed", "shipped")

# The everyday words of minutes: what every note says, so never what an item is about (progress
# on an item shares a topic word with it, not one of these).
MINUTE_WORDS = frozenset(
    {"able", "add", "added", "agreed", "around", "back", "bit", "blog", "call", "chance", "check",
     "checked", "code", "discuss", "discussion", "doc", "docs", "done", "first", "get", "going", "good",
     "got", "help", "him", "issue", "issues", "it's", "know", "last", "list", "look", "looked",
     "looking", "lot", "lots", "made", "make", "meeting", "mentioned", "more", "need", "needs", "new",
     "next", "notes", "now", "offered", "other", "others", "ours", "patch", "patches", "people", "plan",
     "planning", "plans", "post", "posts", "release", "releases", "report", "said", "says", "soon",
     "still", "support", "sure", "take", "test", "testing", "tests", "thing", "think", "thinks", "time",
     "today", "tried", "try", "trying", "two", "update", "updated", "updates", "use", "used", "using",
     "version", "very", "week", "well", "work", "working", "write", "written", "wrote", "yet"}
)  # fmt: skip

# Verbs written with a hyphenated prefix, read as one word (see nlp.load_model).
PREFIXED_VERBS = (
    "co-author", "co-chair", "co-host", "co-lead", "co-maintain", "co-mentor", "co-organise", "co-organize",
    "co-present", "co-sign", "co-write", "re-check", "re-open", "re-review", "re-run", "re-submit",
    "re-test", "re-upload",
)  # fmt: skip
