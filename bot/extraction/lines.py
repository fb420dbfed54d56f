"""Line shapes: how minute-takers mark who a line is about, as a table of patterns with ids.

People are found with the roster first; in a `Masked` line every mention becomes a run of `¤` of the
same length, so a shape can say "names" (`NAMES`) without knowing any name, and offsets still point
into the line as written.

- Leading shapes: `ACTION: ...`, `ACTION DW: ...`, `TODO(sam): ...` (the writer's own mark), and
  labels: "Name: ...", "Name - ...", "Name, ...", "[Name] ...", "Name's update: ..." (who speaks or
  who is addressed; what the rest says decides which).
- Trailing shapes: the owner after the task: "(Ines)", "(Dana and Kofi)", "(Ines to Sam)"
  (only Ines owns it), "— Lee", "task: Owner", "**Ana Reyes**", a closing "@handle".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.extraction import words
from bot.notes.sentences import CHAT_SPEAKER, CLOCK, TIME_STAMP
from bot.people import Mention, Person

MASK = "¤"
# What joins the names of a run: "Lee, Dana, and Kofi" (the serial comma before "and" too),
# "David/Lindsay", "Jory & Jenn", "Josh + Jackson", "@lee @sam".
JOINER = r"(?:\s*(?:,\s*(?:and\b|&)?|/|&|\+|\band\b)\s*|\s+)"
NAMES = rf"{MASK}+(?:{JOINER}{MASK}+)*"

# The rules that read what the writer marked, not the grammar of the words, by id: the benchmark
# counts what each finds, and each has a test note in its style.
SHAPE_RULES: dict[str, str] = {
    "action-line": '"ACTION: ...", "ACTION DW: ...", "TODO(sam): ...", "Sam -> ..." name their owner',
    "owner-after": 'the owner after the task: "(Ines)", "— Lee", "task: Owner", "**Ana**", "@lee"',
    "label-imperative": '"Priya: try out libvirt": a name, a colon, a request',
    "label-in-actions": '"Sam: fixing the ring query" in a list of actions: the line is the named person\'s',
    "owner-header": '"- Omar" with "- Call Sam about pandas" nested under it, in a list of actions',
    "request-answered": '"Lee, can you update the changelog?" answered "Sure, will do."',
    "volunteer-list": '"Folks with time to review: Ines, Sam": who will do something, then names',
    "table-row": "a row of a table with an owner column and a task column",
    "owner-field": 'a field under an item: "- Post the job offer" with "- Person responsible: Yorik"',
}

# "Rok -> ping Valentin", "Write down the plan -> Rok": an arrow between a person and a task.
_ARROW = r"(?:->|=>|→|⇒)"
# "Seal the trait after the crater run. <- Amanieu": the task points at whose it is.
_BACK_ARROW = r"(?:<-|<=|←|⇐)"
# An agenda's time box after a name: "**Erik** (3 min): Lower Dependabot's frequency" names who
# presents a topic, not whose task it is.
_TIMEBOX = r"(?P<timebox>\(\s*\d{1,3}\s*(?:m|mins?|minutes)\.?\s*\))"
# The writer's own marks of an action: "TODO", "AI", "Action item".
# "Action", "Action item", "action_items", "Action point" (as British minutes write it).
_ACTION = r"action(?:[\s_-]*(?:items?|points?))?"
_MARK = rf"(?:todo|to-do|ais?|{_ACTION})\b"
# A transcript's time stamp before a speaker: "[00:12:34] Lee: ...", "10:32 Lee Chen: ...";
# or an empty box typed outside a list ("[] Lee: organize a subgroup"), which Markdown leaves as text.
# A status the writer tags an action with, in capitals: "NEW Felix: move future TSC meetings".
_STATUS = r"(?:(?-i:NEW|OPEN|ONGOING|CARRIED(?: OVER)?|PENDING|WIP)\s+)?"
_STAMP = rf"\s*(?:\[\s?\]\s+)?{TIME_STAMP}{_STATUS}"
# A chat log's speaker: "12:01:30 <lee> ...", "[12:01] <@lee> ..." (a status sign before the nick).
_CHAT = rf"{_STAMP}{CHAT_SPEAKER}\s*"
# What a line refers to before its words: the agenda item "[2]", "[1.a]".
_REFERENCE = r"(?:\[\d{1,2}(?:\.\w{1,2})?\]\s*)?"
# An aside between a label's name and its colon: "Nick (regarding Denoise):", "Scott (chat):".
_LABEL_ASIDE = r"\([^()¤]{1,40}\)\s*:"
# Emphasis CommonMark left as text: "**John: **I'll try", its closer after a space.
_STRAY = r"(?:[*_]{1,3}\s*)?"
# What a request cannot open with: an auxiliary ("Lee will"), a preposition ("Lee with Sam to").
_NOT_A_REQUEST = "|".join((*words.AUXILIARIES, "with", "from", "for", "of", "on", "in", "at", "by"))
# A verb with a tense of its own after a name, so a sentence, not a request: "Lee fixed", "Sam owns".
_TENSED = r"[a-z]+ed\b|[a-z]*[^\Wsu]s\b"
# (id, pattern): the first that matches the start of a line wins.
LEADING: tuple[tuple[str, re.Pattern[str]], ...] = (
    # A line that only assigns, its task the item it is nested under: "=> TODO @jay", "TODO =>
    # @lee + @sam", "2025-01-13: => @dduportal", "AI: Jeff Mendoza", "Owner: Mei".
    (
        "assigned",
        re.compile(
            rf"^\W*(?:\d{{4}}-\d{{2}}-\d{{2}}\s*:?\s*)?(?:(?:{words.OWNER_FIELDS})\s*:\s*|(?=(?:{_MARK}|{_ARROW})))(?:{_MARK}\s*:?\s*)?(?:{_ARROW}\s*)?"
            rf"(?:{_MARK}\s*:?\s*)?(?P<names>{NAMES})(?=\W*$|\s*\()",
            re.IGNORECASE,
        ),
    ),
    # "Action on Roger to set up the group", "Action item for Lee to ...", "ACTION by Lee to ...",
    # "There is an action on Paul and Graeme to follow up", "Action on HC by 2022-01-28 to determine",
    # "Action on EBB, JJ will work on this", "action @mloning, @aiwalter to look at it": the mark,
    # then its owner. Before the mark with a colon, which "Action on EBB to check in with Diane:
    # make sure ..." would otherwise be read as.
    (
        "action-line",
        re.compile(
            rf"^(?:{_CHAT})?\s*(?:there\s+(?:is|was)\s+an?\s+)?{_ACTION}\s+(?:(?:on|for|by)\s+)?"
            rf"(?P<names>{NAMES})\s+(?:by\s+[^,;:]{{1,30}}?\s+)?(?=to\b|will\b)",
            re.IGNORECASE,
        ),
    ),
    # "ACTION - Lee: update the agendas", "[Action - Dana, Sam] Alpha version", "[Lee] [Action - Lee]
    # Give feedback", "Lee: ACTION - Dana, Sam, and everyone else: go into this PR": the mark, a dash,
    # then its owners, whoever speaks the line.
    (
        "action-line",
        re.compile(
            rf"^(?:{_CHAT})?{_STAMP}(?:\[{NAMES}\]\s*|{NAMES}\s*:\s*)?\[?{_ACTION}\s*[-–—]+\s*"
            rf"(?P<names>{NAMES})(?:,?\s+(?:and|&)\s+[a-z][a-z ]{{0,20}}?)?"
            r"\s*\]?\s*(?::|[-–—]+|(?=\s))\s*(?:to\s+)?",
            re.IGNORECASE,
        ),
    ),
    (
        "action-line",
        re.compile(
            rf"^(?:{_CHAT})?\s*{_REFERENCE}[#*]?(?:decisions?\s*[/&]\s*)?"
            rf"(?:(?:{_ACTION}s?|ais?|todo|to-do|follow[- ]?ups?)\b|\((?:action|todo)\))"
            r"\s*(?:\((?P<paren>[^)]*)\)(?:\s*:|\s*[-—–]\s|\s+)|(?P<bare>[^:—–()]{0,30}?)\s*(?::|\s[-—–]\s))\s*",
            re.IGNORECASE,
        ),
    ),
    # "AI Martin create a bug against CDT", "AI Martin and Dave to hook up on Skype": the mark, its
    # owners and the request, with nothing between them.
    (
        "action-line",
        re.compile(
            rf"^(?:{_CHAT})?\s*{_REFERENCE}(?:{_ACTION}|ais?|todo)\s+(?P<names>{NAMES})"
            rf"\s+(?:to\s+)?(?!(?:{_NOT_A_REQUEST})\b|{_TENSED})(?=[a-z])",
            re.IGNORECASE,
        ),
    ),
    # A meeting bot's command, in its log: "#action lee to update the docs", "#action-item @lee
    # will test it"; a sentence follows.
    ("action-line", re.compile(rf"^(?:{_CHAT})?\s*#action(?:[-_]items?)?\b:?\s*", re.IGNORECASE)),
    # "[Kris] todo: to propose a new repo", "Lee: ACTION: book the room", "BS: Action item to follow
    # up with AR": who speaks, then the writer's mark of an action for them.
    (
        "label-mark",
        re.compile(
            rf"^{_STAMP}(?:\[(?P<names>{NAMES})\]\s*[:\-–—]?|(?P<said>{NAMES})\s*:)\s*{_MARK}"
            rf"(?:\s*:\s*(?:to\s+)?|\s+to\s+)(?=\S)",
            re.IGNORECASE,
        ),
    ),
    # A chat log's line: "12:01:30 <lee> ...", "[12:01] <lee> ...": who speaks, as a label says it.
    ("label", re.compile(rf"^{_STAMP}<\s?[@+%]?(?P<names>{MASK}+)>\s*")),
    # "[Kris] ...", and HackMD's signature "[name=Julien] I will review this PR".
    ("label-bracket", re.compile(rf"^{_STAMP}\[(?:name=)?(?P<names>{NAMES})\]\s*[:\-–—]?\s*")),
    # "- [ ] (Pavithra) Submit the application by Friday", "(Ruth) Get Lola and Schalk to discuss".
    ("label-bracket", re.compile(rf"^{_STAMP}{_STRAY}\((?P<names>{NAMES})\){_STRAY}\s*[:\-–—]?\s*(?=\S)")),
    ("label-update", re.compile(rf"^{_STAMP}(?P<names>{NAMES})['’]s\s+\w+\s*:\s*")),
    # In a list of actions only: "- [ ] @priyar write the migration guide", "@lee Send the device to
    # Rick" (a name, then the request; not a vote: "Denny Second."), "@lee 6.0 docs" (a release's
    # part); "Lee and Sam agreed to ...", "bcoca owns the tests" are sentences with their subject.
    (
        "label-bare",
        re.compile(
            rf"^\s*(?P<names>{NAMES})\s+(?!(?i:{_NOT_A_REQUEST})\b|(?i:{_TENSED}))"
            r"(?=[a-z]|[A-Z][a-z]+\s+[\w@#]|\d+(?:\.\d+)+\s+[a-z])"
        ),
    ),
    # "Rok -> ping Valentin": the writer's arrow assigns what follows, as an action mark does.
    ("label-arrow", re.compile(rf"^{_STAMP}(?P<names>{NAMES})\s*{_ARROW}\s*(?=\S)")),
    # The comma of "Priya, will formulate" ends a label; that of "Priya, Sam and Lee can" lists names.
    (
        "label",
        re.compile(
            rf"^{_STAMP}{_STRAY}(?P<names>{NAMES})\s*(?:(?:\({CLOCK}\)\s*|{_TIMEBOX}\s*)?"
            rf"(?::|,(?!\s*(?:{MASK}|and\b|&))|\s?[-–—]+)|{_LABEL_ASIDE})\s*{_STRAY}(?=\S)"
        ),
    ),
    # "Feature catalog: Lee, Sam and Dana will provide updates": the topic, then a sentence whose
    # subject is a run of names. The topic names no one.
    # "Tl;dr -- Josh to add ...": a dash ends such a topic too; an issue's number may open it
    # ("#77 - dag docs - @mikeal to fix this one").
    ("topic", re.compile(rf"^\W*[A-Za-z#\d][^:{MASK}]{{2,60}}?(?::|\s[-–—]{{1,2}})\s*(?={NAMES}\s+[a-z])")),
)
# "Ryan / xarray multiscale", "**Erik** (3 min): BinderHub 1.0": who presents, then their topic.
PRESENTER = re.compile(rf"^\s*{_STRAY}(?P<names>{NAMES})(?:\s+/\s+|{_STRAY}\s*{_TIMEBOX}\s*:\s*)(?=\w)")
# After an action mark, whom it is for: "@lee - Make ...", "@lee: make ...", "@lee create ...",
# "[Kurt] to verify ..." (not "Lee will").
_OWNER_LABEL = re.compile(
    rf"\[?(?P<names>{NAMES})\]?"
    rf"(?:\s*(?::|\s[-–—]+)\s*(?=\S)|\s+(?!(?:{'|'.join(words.AUXILIARIES)})\b)(?=[a-z]))"
)
# What may close a line after the owner: punctuation, an emoji or its ":shortcode:", an aside
# without names ("— Priya (by 2026-05-06)"), or a clause that says why or when ("(Dana and Kofi)
# so we can tell its status").
_END = r"(?:[\s.!]|:[\w+-]+:|[^\w\s()¤])*"
_CLOSE = (
    rf"(?:{_END}$|\s+(?=(?:so|because|once|when|if|until|as soon as|since|while)\b)"
    # "Ask the community for a liaison => Gael does that": the owner's own word that it is theirs.
    rf"|\s+(?:does|do|will do|to do|takes?|will take)\s+(?:it|that|this)\b{_END}$)"
)
_ASIDE = rf"(?:\s*(?:\([^()¤]*\)|\[[^\[\]¤]*\]))?{_CLOSE}"
# "(action item @a and @b)", "(AI: Lee)", "(converter and infra, Todo, Prasanth)": an action mark
# before the owners in brackets.
_ACTION_MARK = rf"{_ACTION}(?:\s+for)?|ais?|todo"
# An owner after the task that the writer assigned it to, whatever it says: an arrow, an action
# mark in the brackets, a field ("- Assigned to Kevin", "Owner: @lee").
# "landuse debate > todo Joost", "update the wiki - TODO Lee": a separator, then the writer's mark.
_MARK_AFTER = rf"\s*(?:>|[-–—]+|[,;])\s*(?:{_ACTION_MARK})\b"
_ASSIGNING = re.compile(
    rf"\s*(?:{_ARROW}|{_BACK_ARROW})|\(.*\b(?:{_ACTION_MARK})\b|{_MARK_AFTER}"
    rf"|.*\b(?:{words.OWNER_FIELDS})\b",
    re.IGNORECASE,
)
# The owner written after the task ("owner-after"), each way it is written; `rest` is what follows
# the names inside the brackets. The first that matches wins.
TRAILING: tuple[re.Pattern[str], ...] = (
    # "Triage the reports — Assigned to: Jun", "Draft the notes, owner: @lee; due: Friday": a field;
    # "Issue 43 needs attention – Assigned to Kevin".
    re.compile(
        rf"(?P<mark>(?:\s[-–—]+|[.,;|])?\s*\b(?:(?:{words.OWNER_FIELDS})\s*:|assigned\s+to)\s*(?P<names>{NAMES}))"
        rf"(?:\s*[.,;|]?\s*(?:due|deadline)\b.*)?{_ASIDE}",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?P<mark>\(\s*(?:(?:[^()¤]*?[,;]\s*)?(?:owners?|assignee|assigned to|who|{_ACTION_MARK})"
        rf"\s*[:,]?\s*)?"
        rf"(?P<names>{NAMES})(?P<rest>[^()]*)\)){_ASIDE}",
        re.IGNORECASE,
    ),
    re.compile(rf"(?P<mark>\s(?:{_ARROW}|{_BACK_ARROW}|[-–—]+)\s*(?P<names>{NAMES})){_ASIDE}"),
    # "landuse debate > todo Joost", "update the wiki - TODO Lee": the writer's mark, then its owner.
    re.compile(
        rf"(?P<mark>{_MARK_AFTER}\s*:?\s*(?P<names>{NAMES})){_ASIDE}",
        re.IGNORECASE,
    ),
    # "Prepare minimal examples [Lee, Dana]", and "Who will host next meeting? [Kofi]": the answer
    # in brackets after the question; HackMD's signature "TODO: the pydot plan [name=Lee]".
    re.compile(rf"(?P<mark>\s*\[(?:name=)?(?P<names>{NAMES})\]){_ASIDE}"),
    # "Update the install docs: Lee" (a field label such as "Director: Kofi" has one word before it).
    re.compile(rf"(?P<mark>\s*:\s*(?P<names>{NAMES})){_ASIDE}"),
)
# What may follow the names inside "(...)" and still leave them owners: nothing, "to someone"
# (a message to pass on), or a short qualifier ("post-3.0").
_OWNER_REST = re.compile(r"^\s*(?:$|(?:to|->|→|with|[-–—,;:])\s.*|[\w.-]*\d[\w.-]*\s*)$")
# "(Isabela to create and tag people)": the owner's own clause, which says the task itself.
_CLAUSE_REST = re.compile(rf"^\s*to\s+(?P<task>(?!{MASK})\w+\s+\S.*?)\s*$")
_FIELD_OF_NAMES = re.compile(
    rf"^\W*(?!{_MARK}|(?:{words.OWNER_FIELDS})\s*:)[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?\s*:\s*{NAMES}[\s.*_]*$",
    re.IGNORECASE,
)
_BARE_CLOSING = re.compile(rf"\w\s+\w+\s+(?P<word>\w+)\s+(?P<names>{NAMES})[\s.!]*$")
_CLOSING_EMPHASIS = re.compile(r"(?:\*\*|__|\*|_)[^*_]+(?:\*\*|__|\*|_)[\s.!]*$")


@dataclass(frozen=True)
class Masked:
    """A line with every mention of a person replaced by a run of `MASK`."""

    text: str
    mentions: tuple[Mention, ...]

    @classmethod
    def of(cls, text: str, mentions: Sequence[Mention]) -> Masked:
        chars = list(text)
        for mention in mentions:
            chars[mention.start : mention.end] = MASK * (mention.end - mention.start)
        return cls("".join(chars), tuple(mentions))

    def people(self, start: int, end: int) -> tuple[Person, ...]:
        found = (m.person for m in self.mentions if start <= m.start and m.end <= end)
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Leading:
    shape: str
    end: int  # where the rest of the line starts
    people: tuple[Person, ...]  # the names of the label or mark ("ACTION DW:" -> DW)
    explicit: bool  # the writer marked the line as an action


@dataclass(frozen=True)
class Trailing:
    shape: str
    start: int  # where the owner mark starts; the task is before it
    people: tuple[Person, ...]
    listed: bool = False  # the names are all that follows a colon: "Folks with time to review: A, B"
    task: tuple[int, int] | None = None  # where the brackets say the task: "(Lee to tag it)"
    # The writer's arrow or action mark assigns it, whatever it says: "Certificates expire - #4477
    # => @lee", "Adding Li to the groups upon approval. (Todo, Prasanth)".
    marked: bool = False


def leading(line: Masked) -> Leading | None:
    for shape, pattern in LEADING:
        match = pattern.match(line.text)
        if match is None:
            continue
        if shape == "label-bare" and re.search(r"\sand\s|&", match["names"]):
            continue  # "Jonathan and Christian explain ...": a plural subject and its verb
        if shape == "action-line" and "names" in match.groupdict():
            return Leading(shape, match.end(), line.people(match.start("names"), match.end("names")), True)
        if shape == "action-line":
            paren, bare = match.groupdict().get("paren"), match.groupdict().get("bare")
            named = paren if paren is not None else bare or ""
            start = match.start("paren" if paren is not None else "bare") if named else match.end()
            # "Action item for Mike:", "Action on Dana:": whom the mark is for.
            whom = re.match(r"\s*(?:for|on)\s+", named, flags=re.IGNORECASE)
            if whom is not None:
                named, start = named[whom.end() :], start + whom.end()
            people = line.people(start, start + len(named)) if named.strip() else ()
            if named.strip() and not _only_names(named):
                people = ()  # "ACTION ALL:", "Action for the group:" name no one
            label = _OWNER_LABEL.match(line.text, match.end()) if not named.strip() else None
            if label is not None:  # "DECISION/ACTION: @lee - Make a repo": the owner labels the rest
                return Leading(
                    shape, label.end(), line.people(label.start("names"), label.end("names")), True
                )
            return Leading(shape, match.end(), people, explicit=True)
        if shape == "topic":
            return Leading(shape, match.end(), (), explicit=False)
        if match.groupdict().get("timebox"):
            return Leading("topic", match.end(), (), explicit=False)
        people = line.people(match.start("names"), match.end("names"))
        if shape == "label-arrow":
            return Leading("action-line", match.end(), people, explicit=True)
        if shape == "label-mark":
            named = "names" if match["names"] is not None else "said"
            people = line.people(match.start(named), match.end(named))
            return Leading("action-line", match.end(), people, explicit=True)
        if shape == "assigned":
            return Leading(shape, match.end(), people, explicit=True)
        return Leading(shape, match.end(), people, False)
    return None


def trailing(line: Masked, source: str = "") -> Trailing | None:
    for pattern in TRAILING:
        match = pattern.search(line.text)
        if match is None:
            continue
        task = line.text[: match.start("mark")].strip(" :(-–—")
        if len(task.split()) < (2 if match.group("mark").lstrip().startswith(":") else 1):
            continue  # "Director: Kris" is a field, not a task and its owner
        rest = match.groupdict().get("rest")
        clause = _CLAUSE_REST.match(rest) if rest is not None else None
        if rest is not None and clause is None and not _OWNER_REST.match(rest):
            continue  # "(Kofi tested it!)" says something about Kofi
        # Only the names before "to": in "(Ines to Sam)" Sam is who the message is for.
        people = line.people(match.start("names"), match.end("names"))
        listed = match.group("mark").lstrip().startswith(":")
        rest_at = match.start("rest") if clause else 0
        own = (rest_at + clause.start("task"), rest_at + clause.end("task")) if clause else None
        marked = _ASSIGNING.match(match.group("mark")) is not None
        return Trailing("owner-after", match.start("mark"), people, listed, own, marked)
    closing = _CLOSING_EMPHASIS.search(source) if source else None
    if closing is not None:
        # "Draft the grant report **Ana Reyes**": emphasis is gone from the plain line, the names are not.
        names = [m for m in line.mentions if line.text[m.end :].strip(" .!*_") == ""]
        if names:
            return Trailing("owner-after", names[0].start, tuple(m.person for m in names))
    handles = _closing_handles(line)
    if handles:
        return Trailing("owner-after", handles[0].start, tuple(m.person for m in handles))
    bare = _BARE_CLOSING.search(line.text)
    if bare is not None and bare["word"].lower() not in words.FUNCTION_WORDS:
        # "Generate sphinx skeleton Nabil Freij": names closing a request, right after its object
        # (not "a call with Lee", "send it to Sam": those name whom the task is about).
        return Trailing(
            "owner-after", bare.start("names"), line.people(bare.start("names"), bare.end("names"))
        )
    return None


def _closing_handles(line: Masked) -> list[Mention]:
    """ "- [ ] update the docs @lee @sam": @handles closing the line own it."""
    found: list[Mention] = []
    end = len(line.text.rstrip(" .!"))
    for mention in reversed(line.mentions):
        if not mention.handle or line.text[mention.end : end].strip(" ,&") not in ("", "and"):
            break
        found.insert(0, mention)
        end = mention.start
    # "Agree with @jgraham", "follow up with @reconbot", "opened by @lorena": the preposition's object.
    before = line.text[: found[0].start].split() if found else []
    if before and before[-1].lower() in (*words.OBJECT_PREPOSITIONS, "to", "for", "cc"):
        return []
    return found if found and found[0].start > 0 else []


def _only_names(text: str) -> bool:
    return re.fullmatch(rf"\s*{NAMES}\s*", text) is not None


def is_a_field_of_names(line: Masked) -> bool:
    """ "Nominees: Bob, Aeva", "Director: Kofi": a field of one or two words whose value is only
    names says who holds something, not what anyone will do."""
    return _FIELD_OF_NAMES.match(line.text) is not None


# "Matthew volunteered to do the following:", "Lee will:", "Dana and Sam agreed to:": a promise
# whose task is the list it leads.
_PROMISE_OVER_LIST = re.compile(
    rf"^\W*{NAMES}\s+(?:will|(?:is|are)\s+going\s+to|(?:agreed|volunteered|offered|promised)(?:\s+to)?|to)"
    r"(?:\s+(?:do|handle|take\s+care\s+of|work\s+on))?(?:\s+the\s+following(?:\s+\w+)?)?\s*:\W*$",
    re.IGNORECASE,
)


def promises_what_follows(line: Masked) -> tuple[Person, ...]:
    """Who promises the tasks of the list the line leads, if it is such a promise."""
    return line.people(0, len(line.text)) if _PROMISE_OVER_LIST.match(line.text) else ()


def words_of(text: str) -> str:
    """The words of a text in lower case, one space apart, punctuation gone: how role nouns are
    written, and how an item is compared with the heading or agenda topic it may restate."""
    return " ".join(re.sub(r"[^\w\s-]", " ", text).lower().split())


def is_only_names(line: Masked) -> bool:
    """ "Ines", "Omar:", "**Omar**": a line that only names people heads what is nested under it."""
    stripped = line.text.strip().strip("*_:.- ").strip()
    return bool(stripped) and _only_names(stripped)
