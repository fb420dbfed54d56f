"""Every extraction rule, tested on a note written in the style the rule comes from.

Each rule id (a dependency pattern, a line shape, a veto) must appear here: a rule added without a
note in its style fails `test_every_rule_has_a_note_in_its_style`. The notes are our own, written in
the shapes real minutes use; the people are the test roster's, never a corpus's.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from bot.extraction.extractor import Extractor
from bot.extraction.lines import SHAPE_RULES
from bot.extraction.patterns import RULES
from bot.extraction.vetoes import VETOES
from bot.notes.meeting import parse_note
from bot.people import Person, Roster
from tests.conftest import ItemsOf

HEAD = "---\ndate: 2026-05-06\n---\n\n"
Found = list[tuple[tuple[str, ...], str, str]]  # (owners, title, rule)

# (rule id, the style it comes from, note body, expected items)
STYLES: list[tuple[str, str, str, Found]] = [
    (
        "will",
        "prose",
        "## Build\n\nPriya will rotate the signing key.\n",
        [(("Priya Raman",), "Rotate the signing key", "will")],
    ),
    (
        "can",
        "prose: an offer",
        "TomL can try the patch on ARM.\n",
        [(("Tom Lindqvist",), "Try the patch on ARM", "can")],
    ),
    (
        "should",
        "prose: an assignment",
        "Dana should send the patch upstream.\n",
        [(("Dana Whitfield",), "Send the patch upstream", "should")],
    ),
    (
        "have-a-look",
        "prose",
        "Lee will have a look at the flaky test.\n",
        [(("Lee Chen",), "Look at the flaky test", "have-a-look")],
    ),
    (
        "let-me",
        "a community group's telecon minutes: a speaker's offer in the first person, not the call's own",
        "## Storage access\n\nLee: I think the draft is fine. Yes, let me check on the details.\n\n"
        "Dana: It is hard to say. Let me take that feedback back to the review group.\n\n"
        "Sam: We should ask them. Let me know what is involved. Let me start with the first issue.\n",
        [
            (("Lee Chen",), "Check on the details", "let-me"),
            (("Dana Whitfield",), "Take the feedback back to the review group", "let-me"),
        ],
    ),
    (
        "to",
        "bullet minutes",
        "- Sam to update the changelog\n",
        [(("Samuel Okafor",), "Update the changelog", "to")],
    ),
    (
        "to",
        "ACTION lines the parser reads as a noun phrase",
        "ACTION: Sam to send the survey & update the wiki.\n",
        [(("Samuel Okafor",), "Send the survey & update the wiki", "to")],
    ),
    (
        "going-to",
        "prose",
        "Dana is going to draft the release notes.\n",
        [(("Dana Whitfield",), "Draft the release notes", "going-to")],
    ),
    (
        "commitment",
        "prose",
        "Lee offered to review the parser rewrite.\n",
        [(("Lee Chen",), "Review the parser rewrite", "commitment")],
    ),
    (
        "commitment",
        "a working group's minutes: what someone 'is to' do",
        "- Lee is to create a proposal for the dense format.\n"
        "- Priya and Dana are to copy the tracker issues to the new repo.\n",
        [
            (("Lee Chen",), "Create a proposal for the dense format", "commitment"),
            (("Priya Raman", "Dana Whitfield"), "Copy the tracker issues to the new repo", "commitment"),
        ],
    ),
    (
        "happy-to",
        "prose",
        "Priya is happy to look into a proposal for a slower cadence.\n",
        [(("Priya Raman",), "Look into a proposal for a slower cadence", "happy-to")],
    ),
    (
        "happy-to",
        "a review call's speaker lines: consent given in the meeting, or feedback to receive, is no offer",
        "## Open PRs\n\n- Dana: Happy to approve.\n- Lee: Happy to get feedback on the draft.\n"
        "- Sam: I'm happy to leave that to the chair's discretion.\n- Priya: happy to review the parser PR\n",
        [(("Priya Raman",), "Review the parser PR", "happy-to")],
    ),
    (
        "takes-action",
        "agenda bullets with discussion nested under each item",
        "## Approving PRs\n\n* Draft staging process [#23](https://example.org/23)\n"
        "  - Lee proposes moving forward\n  - Lee takes action to land\n",
        [(("Lee Chen",), "Land Draft staging process #23", "takes-action")],
    ),
    (
        "takes-action",
        "a user group's agenda with the chair's notes in the first person",
        "## Repository access\n\nDana: I have an action item to figure out why Lee got no invitation. "
        "I'm on it.\n",
        [(("Dana Whitfield",), "Figure out why Lee got no invitation", "takes-action")],
    ),
    (
        "has-the-action",
        "agenda bullets",
        "## Reviews\n\n* Annual review process for projects #592\n  - Priya and Sam have this action.\n",
        [
            (
                ("Priya Raman", "Samuel Okafor"),
                "Follow up on Annual review process for projects #592",
                "has-the-action",
            )
        ],
    ),
    (
        "volunteers",
        "agenda bullets: a run of names volunteering under a request",
        "## Audit\n\n* Docs audit of every working group\n  * Priya, TomG, Sam volunteer.\n",
        [
            (
                ("Priya Raman", "Tom Garcia", "Samuel Okafor"),
                "Follow up on Docs audit of every working group",
                "volunteers",
            )
        ],
    ),
    (
        "volunteers",
        "a transcript: a call for volunteers, then who volunteered",
        "## Blog post\n\nPriya: Looking for volunteers for the release post.\n\nSam and Lee volunteered.\n",
        [(("Samuel Okafor", "Lee Chen"), "Follow up on Blog post", "volunteers")],
    ),
    (
        "volunteer-list",
        "agenda bullets: a call for volunteers and who answered it, on one line",
        "## Co-leads\n\n- Any volunteers for the docs co-lead: Lee\n",
        [(("Lee Chen",), "Volunteer for the docs co-lead", "volunteer-list")],
    ),
    (
        "says-what",
        "prose: a volunteer's own task is read by the commitment rule",
        "Dana volunteered to write the release blog post.\n",
        [(("Dana Whitfield",), "Write the release blog post", "commitment")],
    ),
    (
        "says-what",
        "a steering committee's minutes: 'volunteers' read as a noun still says what the volunteer will do",
        "## Elections\n\nPriya volunteers to review the election rules.\n",
        [(("Priya Raman",), "Review the election rules", "commitment")],
    ),
    (
        "volunteers",
        "nested bullets: a show of hands under a question to the room",
        "## Test calls\n\n- Who wants to host the test calls?\n    - [Priya and Dana raise hands]\n",
        [(("Priya Raman", "Dana Whitfield"), "Follow up on Test calls", "volunteers")],
    ),
    (
        "to",
        "an Action items list: one person with another",
        "## Action items\n\n- Dana with TomG to get a quote from the hosting vendor\n",
        [(("Dana Whitfield", "Tom Garcia"), "Get a quote from the hosting vendor", "to")],
    ),
    (
        "to",
        "a board's decision summary: two owners, each with a clause of their own",
        "## Decision summary\n\n- Priya to take the membership role and Dana to draft the welcome letter.\n"
        "- Sam to take the lead from Lee, Dana to join the working group.\n"
        "- TomG will work with Lee and Dana to plan the sprint.\n"
        "- [ACTION] Lee to write L1 V2, Priya to work on the list of rules.\n",
        [
            (("Priya Raman",), "Take the membership role", "to"),
            (("Dana Whitfield",), "Draft the welcome letter", "to"),
            (("Samuel Okafor",), "Take the lead from Lee", "to"),
            (("Dana Whitfield",), "Join the working group", "to"),
            (("Tom Garcia",), "Work with Lee and Dana to plan the sprint", "will"),
            (("Lee Chen",), "Write L1 V2", "to"),
            (("Priya Raman",), "Work on the list of rules", "to"),
        ],
    ),
    (
        "to",
        "minutes pasted from a word processor: the number glued to the owner's name",
        "8.Action Items\n\na.Lee to send the registration code to the members\n\n"
        "1.Dana to introduce the storage vendor to Sam\n",
        [
            (("Lee Chen",), "Send the registration code to the members", "to"),
            (("Dana Whitfield",), "Introduce the storage vendor to Sam", "to"),
        ],
    ),
    (
        "label-imperative",
        "a steering committee's checklist of actions: a status in capitals before the owner",
        "## Action items\n\n- [x] Dana: update the charter\n- [ ] NEW Lee: finish the CLI project\n"
        "- [ ] CARRIED OVER Sam: move the meetings to Thursdays\n",
        [
            (("Lee Chen",), "Finish the CLI project", "label-imperative"),
            (("Samuel Okafor",), "Move the meetings to Thursdays", "label-imperative"),
        ],
    ),
    (
        "for-to",
        "bullet minutes: a second owner given part of the task",
        "* Lee to open a tracking issue for Dana to fill in with the results.\n",
        [
            (("Lee Chen",), "Open a tracking issue for Dana to fill in with the results", "to"),
            (("Dana Whitfield",), "Fill in with the results", "for-to"),
        ],
    ),
    (
        "to",
        "bullet minutes: a run of names as the subject",
        "* Priya/Lee to draft the changelog entry\n* TomG, DanB, Sam, and Dana to triage the backlog\n",
        [
            (("Priya Raman", "Lee Chen"), "Draft the changelog entry", "to"),
            (("Tom Garcia", "Daniel Brooks", "Samuel Okafor", "Dana Whitfield"), "Triage the backlog", "to"),
        ],
    ),
    (
        "to",
        "an Actions list: a topic, then a run of names as the subject",
        "Actions:\n - Mirror health checks: Dana, TomG, and Lee to report on the probes\n",
        [(("Dana Whitfield", "Tom Garcia", "Lee Chen"), "Report on the probes", "to")],
    ),
    (
        "commitment",
        "summary prose under a heading that names action items",
        "### Triage and new action items\n\nPriya Raman and Lee Chen agreed to start sorting the backlog.\n",
        [(("Priya Raman", "Lee Chen"), "Start sorting the backlog", "commitment")],
    ),
    (
        "label-imperative",
        "chat minutes: two @handles as the label",
        "@priyar @leechen: Go through the open PRs this week\n",
        [(("Priya Raman", "Lee Chen"), "Go through the open PRs", "label-imperative")],
    ),
    (
        "passive-by",
        "agenda bullets",
        "* First pass at the process #7\n  - New PR to be opened by Dana on the README\n",
        [(("Dana Whitfield",), "Open new PR on the README (#7)", "passive-by")],
    ),
    (
        "asked-to",
        "prose",
        "We asked Lee to review the cache patch.\n",
        [(("Lee Chen",), "Review the cache patch", "asked-to")],
    ),
    (
        "asked-to",
        "a TSC's minutes: the chair's request for a later meeting",
        "Priya asked Lee to present the roadmap at the next meeting.\n",
        [(("Lee Chen",), "Present the roadmap", "asked-to")],
    ),
    (
        "next-step-is",
        "status prose",
        "Next step for Dana is to write the migration guide. Lee's next plan is to port the scheduler.\n",
        [
            (("Dana Whitfield",), "Write the migration guide", "next-step-is"),
            (("Lee Chen",), "Port the scheduler", "next-step-is"),
        ],
    ),
    (
        "has-to",
        "prose",
        "Sam has to rebase the release branch first.\n",
        [(("Samuel Okafor",), "Rebase the release branch", "has-to")],
    ),
    (
        "that-subjunctive",
        "formal minutes",
        "It was suggested that Priya check the mirror status.\n",
        [(("Priya Raman",), "Check the mirror status", "that-subjunctive")],
    ),
    (
        "action-line",
        "ACTION lines with the owner's initials",
        "ACTION DW: send the minutes to the board after call today.\n",
        [(("Dana Whitfield",), "Send the minutes to the board", "action-line")],
    ),
    (
        "owner-after",
        "a Next steps list with the owner after the task",
        "## Next steps\n\n- Review the parser PR (Dana)\n- 3.0 Release! (Lee and Sam)\n"
        "- Follow up on the survey (Priya to Lee)\n- Refresh the changelog — Priya (by 2026-05-08)\n"
        "- Update the install docs: TomG\n- Publish the wheels **Daniel Brooks**\n",
        [
            (("Dana Whitfield",), "Review the parser PR", "owner-after"),
            (("Lee Chen", "Samuel Okafor"), "3.0 Release!", "owner-after"),
            (("Priya Raman",), "Follow up on the survey", "owner-after"),
            (("Priya Raman",), "Refresh the changelog", "owner-after"),
            (("Tom Garcia",), "Update the install docs", "owner-after"),
            (("Daniel Brooks",), "Publish the wheels", "owner-after"),
        ],
    ),
    (
        "owner-after",
        "bullet minutes: the names close the request, without a mark",
        "- Generate the sphinx skeleton Dana Whitfield\n- Filter more resumes on the board TomG, Lee\n"
        "- Set up a call with Priya and Sam\n",
        [
            (("Dana Whitfield",), "Generate the sphinx skeleton", "owner-after"),
            (("Tom Garcia", "Lee Chen"), "Filter more resumes on the board", "owner-after"),
        ],
    ),
    (
        "owner-after",
        "a society's telecon action list: the owners' initials in brackets, then a status aside",
        "## Actions\n\n- Contact the member lists about new applications. (DW/TL) (drafted 10/24)\n"
        "- Clean out the namespace list (DW/TL) (see the wiki)\n",
        [
            (
                ("Dana Whitfield", "Tom Lindqvist"),
                "Contact the member lists about new applications",
                "owner-after",
            ),
            (("Dana Whitfield", "Tom Lindqvist"), "Clean out the namespace list", "owner-after"),
        ],
    ),
    (
        "owner-after",
        "a conference team's checklist: the owner in brackets, then a note in square ones",
        "## 9/3\n\n- [ ] reserve the dim sum for sunday (Lee) [this can be done closer to the event]\n",
        [(("Lee Chen",), "Reserve the dim sum for sunday", "owner-after")],
    ),
    (
        "owner-after",
        "a developer meeting's HackMD notes: the signature closing a request",
        "## Deprecations\n\n- Organize a deprecation sprint to expire the old calls [name=Dana]\n",
        [(("Dana Whitfield",), "Organize a deprecation sprint to expire the old calls", "owner-after")],
    ),
    (
        "owner-after",
        "checkbox minutes with @handles closing the line",
        "- [ ] update the docs for the new flags @leechen\n",
        [(("Lee Chen",), "Update the docs for the new flags", "owner-after")],
    ),
    (
        "volunteer-list",
        "agenda bullets: who will do what the topic needs, as a list of names",
        "## Agenda\n\n* Release process write-up\n  * People who will work on this: Priya, Sam, Lee,\n"
        "  * Folks with time to review: DanB, TomG\n",
        [
            (
                ("Priya Raman", "Samuel Okafor", "Lee Chen"),
                "Work on Release process write-up",
                "volunteer-list",
            ),
            (("Daniel Brooks", "Tom Garcia"), "Review Release process write-up", "volunteer-list"),
        ],
    ),
    (
        "label-imperative",
        "bullet minutes: a name, a colon, a request",
        "- Sam: try out the new runner\n",
        [(("Samuel Okafor",), "Try out the new runner", "label-imperative")],
    ),
    (
        "label-in-actions",
        "an Action items list",
        "## Action items\n\n- Lee: fixing the cache eviction bug\n",
        [(("Lee Chen",), "Fix the cache eviction bug", "label-in-actions")],
    ),
    (
        "label-in-actions",
        "a monthly call's Action items: a handle, then the release part it owns",
        "### ✅ Action items\n\n- @leechen 6.0 release\n- @priyar 6.1 perf benchmarks / rfc\n",
        [
            (("Lee Chen",), "6.0 release", "label-in-actions"),
            (("Priya Raman",), "6.1 perf benchmarks / rfc", "label-in-actions"),
        ],
    ),
    (
        "owner-header",
        "an owner as a list header with requests nested under",
        "## Next steps\n\n- Priya\n  - Call Lee about the release\n  - Will draft the announcement\n",
        [
            (("Priya Raman",), "Call Lee about the release", "owner-header"),
            (("Priya Raman",), "Draft the announcement", "will"),
        ],
    ),
    (
        "request-answered",
        "a transcript with speaker labels",
        "Priya: Lee, can you update the changelog?\n\nLee: Sure, will do.\n",
        [(("Lee Chen",), "Update the changelog", "request-answered")],
    ),
    (
        "responsible-for",
        "prose",
        "TomL will be responsible for the office hours rota.\n",
        [(("Tom Lindqvist",), "Be responsible for the office hours rota", "responsible-for")],
    ),
    (
        "table-row",
        "an action table",
        "| Owner | Action | Due |\n|---|---|---|\n| Lee | Write the FAQ | 2026-05-20 |\n",
        [(("Lee Chen",), "Write the FAQ", "table-row")],
    ),
    (
        "table-row",
        "a student team's deliverables: only the deadline column says it is a list of tasks",
        "## Deliverables\n\nName  | Assigned To | Deadline | Notes\n------|-------------|----------|------\n"
        "Example 1 | @username2 | Feb 30th | Explanation\n"
        "Priya | @priya | May 8th | Ask Lee if the newsletter will be done by Friday\n"
        "Order the stickers for the fair | Sam | May 9th |\n\n"
        "## Decisions\n\n| ID | Added | Passed by | Decision |\n|---|---|---|---|\n"
        "| D1 | Dana | consensus | Adopt the new accounting software |\n",
        [
            (("Priya Raman",), "Ask Lee if the newsletter will be done", "table-row"),
            (("Samuel Okafor",), "Order the stickers for the fair", "table-row"),
        ],
    ),
    # What a rule must not take: each veto in the style it guards.
    ("negated", "prose", "Lee won't fix the cache.\n", []),
    (
        "negated",
        "a working group's transcript: doubt in the verb above the promise",
        "Lee: don't think I can implement the cache without major changes.\n\n"
        "Dana: I'll re-check; don't usually pin the version.\n",
        [(("Dana Whitfield",), "Re-check", "will")],
    ),
    (
        "will",
        "a consortium's call transcript: a gerund is the subject, not the speaker",
        "Sam: Agree. Scaling down the website will help with that. Giving them feedback will also help.\n",
        [],
    ),
    ("hedged", "prose", "Dana will hopefully test it.\n", []),
    (
        "permitted",
        "a foundation board's minutes: leave to do something is not a task",
        "In the interim, the board has authorized Dana and Sam to work up to 40 hours per week on it.\n",
        [],
    ),
    (
        "object",
        "a steering committee's minutes: the people one liaises with are not the ones to act",
        "* Priya to liaise with Lee and Dana to consider the options:\n"
        "* Coordinate with Sam and Dana to begin publicity for the docs sprint.\n",
        [(("Priya Raman",), "Liaise with Lee and Dana to consider the options", "to")],
    ),
    ("preference", "prose", "Priya would rather wait for the release.\n", []),
    ("role", "bullet minutes: roles in the meeting itself", "- Lee to scribe\n", []),
    (
        "role",
        "a language committee's minutes: a turn to speak or a member going, not a task",
        "Priya will start. Sam needs to leave. Lee will start on the docs.\n",
        [(("Lee Chen",), "Start on the docs", "will")],
    ),
    (
        "role",
        "a steering committee's minutes: who takes the minutes, however the parser reads 'volunteers'",
        "## Opening\n\nDana volunteers to take minutes.\n\nSam volunteered to take the minutes.\n",
        [],
    ),
    (
        "role",
        "a core developers' call transcript: the speaker taking the floor",
        "## Fees\n\nLee: Thank you, Dana, so today I will present to you the fee proposal.\n\n"
        "Lee: I'm going to talk about the two open questions first.\n\n"
        "Dana: Let me give a brief overview of the cap. I'll give an update on the ARM build.\n\n"
        "Sam: I'll discuss the fee cap with the board. I will present the numbers next time.\n",
        [
            (("Samuel Okafor",), "Discuss the fee cap with the board", "will"),
            (("Samuel Okafor",), "Present the numbers", "will"),
        ],
    ),
    ("possibility", "prose", "Sam can use httperf for this. Lee and Dana can speak to that.\n", []),
    (
        "possibility",
        "an executive council's minutes: what limits someone is no offer",
        "The call is set for 8 AM PT; Lee can only stay for the first 30 minutes.\n\n"
        "Dana can only travel after the end of March.\n",
        [],
    ),
    (
        "possibility",
        "a community call's transcript: what a speaker offers to say goes on in the meeting itself",
        "## Errors\n\n- Lee: I can provide context. The browsers report these errors differently.\n"
        "- Sam: Yeah, I can give a super quick update on that.\n",
        [],
    ),
    (
        "yet-to-ask",
        "chat handles: who will ask owns the asking, not who is to be asked",
        "- @sokafor will ask Lee to rebase the branch.\n",
        [(("Samuel Okafor",), "Ask Lee to rebase the branch", "will")],
    ),
    (
        "reached",
        "a call's standing lines: whom to reach, read by the parser as a name's first word",
        "Email Dana to sign up if it's your first time.\n\n- Ping Lee to review the draft\n",
        [],
    ),
    (
        "asked-whether",
        "a committee's action list: whom a question is about",
        "- Priya will ask Dana if Lee can join the weekly check-in\n"
        "- Sam asked what Lee will work on, and how Dana will handle the release.\n"
        "- Sam asked if Dana would be an appropriate choice.\n"
        "- AI: Sam reach out to Lee to know if Priya can join\n"
        "- Dana is unsure if she can fill the chair role this year.\n"
        "- It was discussed whether Lee should wait for Dana to make the playback interface.\n",
        [
            (("Priya Raman",), "Ask Dana if Lee can join the weekly check-in", "will"),
            (("Samuel Okafor",), "Reach out to Lee to know if Priya can join", "action-line"),
        ],
    ),
    (
        "hypothetical",
        "a working group's bracketed speakers: 'I would' is a hypothetical, unless it is a go at something",
        "## Notes\n\n* [Lee] I would try to get the release workflow working this week\n"
        "* [Sam] I'd call unwrap there, but I'd get flagged\n",
        [(("Lee Chen",), "Get the release workflow working", "can")],
    ),
    (
        "motion",
        "a governance log of motions: whom a motion proposes to invite is asked nothing yet",
        "- 2026-02-27 Dana moved that Lee and Priya be invited to join the project as members.\n"
        "- 2026-03-02 Sam asked Lee to draft the charter.\n",
        [(("Lee Chen",), "Draft the charter", "asked-to")],
    ),
    (
        "habitual",
        "a working group's prose minutes: what someone does as a rule is no promise",
        "Worth mentioning that Lee will usually fix the rchk issues. Sam can always ask the list.\n"
        "Dana will fix the CI tomorrow.\n",
        [(("Dana Whitfield",), "Fix the CI", "will")],
    ),
    (
        "past-plan",
        "a community call's notes: a plan of the past is no promise; asking about one is a request",
        "Priya was going to present today but could not attend.\n\n"
        "* [Lee] Sam, were you also going to create a proposal template?\n* [Sam] Yes, will do.\n",
        [(("Samuel Okafor",), "Create a proposal template", "request-answered")],
    ),
    (
        "owner-field",
        "an association's template: each action, and a field under it naming whose it is",
        "**5. Action Items:**\n- Share the image template with the team.\n    - Person responsible: Lee\n"
        "- Meet online to discuss the CI budget.\n    - Owner: Sam, Dana\n- Book the venue.\n",
        [
            (("Lee Chen",), "Share the image template with the team", "owner-field"),
            (("Samuel Okafor", "Dana Whitfield"), "Meet online to discuss the CI budget", "owner-field"),
        ],
    ),
]

# Shapes read by the rules above that are not rules of their own, each in its style.
SHAPES: list[tuple[str, str, Found]] = [
    (
        "a pipeline group's action summary: whom each row is for under 'For'",
        "## Action summary\n\n| Issue | For | Action | Timescale |\n|---|---|---|---|\n"
        "| #31 | Sam | Move the nightly job to 6am | Next week |\n\n"
        "| Reason for change | Notes |\n|---|---|\n| Lee asked for it | Ready in May |\n",
        [(("Samuel Okafor",), "Move the nightly job to 6am", "table-row")],
    ),
    (
        "a steering committee's next-week actions: a handle, then the request with a capital",
        "## Action Items for Next Week:\n\n- @leechen Send the spare board to Dana\n- Sam Second.\n",
        [(("Lee Chen",), "Send the spare board to Dana", "label-imperative")],
    ),
    (
        "a steering committee's '#action-item' marks before each promise",
        "- #action-item @leechen get the bot working\n"
        "- #action-item Dana and Sam will test out the review process\n",
        [
            (("Lee Chen",), "Get the bot working", "action-line"),
            (("Dana Whitfield", "Samuel Okafor"), "Test out the review process", "will"),
        ],
    ),
    (
        "a follow-up meeting of several institutes: each attendee after their institute",
        "Participants: ACME - Dana Whitfield, INITECH - Lee Chen, Sam Okafor (UMBR)\n\n"
        "* ACME proposal: general hooks - will be worked by ACME and INITECH\n"
        "* INITECH will answer later.\n* UMBR will try to test it.\n"
        "* Dana will present the hooks at the next meeting.\n",
        [(("Dana Whitfield",), "Present the hooks", "will")],
    ),
    (
        "a collaboration's action table converted from HTML: an empty header, then the column names",
        "|   |   |   |\n|---|---|---|\n| ITEM | DESCRIPTION | ASSIGNED |\n"
        "| 83.0 | Circulate the diagrams of the download protocols | Dana |\n"
        "| 83.1 | Invite the representatives to the sprint reviews | Lee |\n",
        [
            (("Dana Whitfield",), "Circulate the diagrams of the download protocols", "table-row"),
            (("Lee Chen",), "Invite the representatives to the sprint reviews", "table-row"),
        ],
    ),
    (
        "a Jekyll telco's minutes: a styled action, its kramdown attributes on the next line",
        "> ***Action #1: update the syntax with the resolution (Dana)***\n{: #action1 .action}\n",
        [(("Dana Whitfield",), "Update the syntax with the resolution", "action-line")],
    ),
    (
        "an automation group's action items: an empty box typed before each, outside a list",
        "## Action Items\n\n[] Dana: organize a subgroup to discuss the design.\n\n"
        "[] Lee (Acme): Perform an analysis of the user stories.\n",
        [
            (("Dana Whitfield",), "Organize a subgroup to discuss the design", "label-imperative"),
            (("Lee Chen",), "Perform an analysis of the user stories", "label-imperative"),
        ],
    ),
    (
        "a community group's IRC log: the scribe types each speaker's words after their name",
        "[20:04] <lee> Scribe: sam\n[20:05] <sam> Dana: I can review the parser PR\n"
        "[20:06] <sam> ... and will send a note to the list\n[20:07] <sam> +1\n"
        "[20:08] <sam> I will tag the release\n",
        [
            (("Dana Whitfield",), "Review the parser PR", "can"),
            (("Dana Whitfield",), "Send a note to the list", "will"),
            (("Samuel Okafor",), "Tag the release", "will"),
        ],
    ),
    (
        "a chat client's saved log: each line's time in brackets before its speaker",
        "(03:00:31 PM) priya: Hi everyone, welcome to the November meeting\n"
        "(03:02:58 PM) priya: We're 2 weeks from release with a tag freeze tomorrow\n"
        "(03:05:08 PM) priya: I'll be doing an unsigned release of the installer\n"
        "(03:06:25 PM) lee: yes. There's a good summary of the release on the forum\n"
        "(03:25:30 PM) dana: I'll order more stickers\n",
        [
            (("Priya Raman",), "Do an unsigned release of the installer", "will"),
            (("Dana Whitfield",), "Order more stickers", "will"),
        ],
    ),
    (
        "a chat bridged from another network: a relay bot posts its writers' lines",
        "20:00:24 <bridge> [Slack/priya] Hi, plane lands in 20 mins\n"
        "20:01:10 <lee> welcome priya\n"
        "20:03:06 <bridge> [Slack/priya] I'll make time this weekend for fixing the mail issue\n"
        "20:04:00 <bridge> {-_Matrix} <dana> and I will update the wiki\n",
        [
            (("Priya Raman",), "Make time for fixing the mail issue", "will"),
            (("Dana Whitfield",), "Update the wiki", "will"),
        ],
    ),
    (
        "an IRC log posted as Markdown: '**nick** : text', each paragraph a turn addressing someone",
        "## Casual IRC discussion\n\n**Lee** : hey Priya, one quick question about the index\n\n"
        "**Priya** : Lee, I will check the indexer tonight\n\n**Lee** : thanks. Will send the logs\n",
        [
            (("Priya Raman",), "Check the indexer", "will"),
            (("Lee Chen",), "Send the logs", "will"),
        ],
    ),
    (
        "a packaging group's minutes: 'Name: to V' under a discussion point, outside any action list",
        "- Agenda items should be created for them to be discussed during the next meeting.\n"
        "  - Priya: to groom the backlog and update the invites\n"
        "  - Lee: to chat with Sam about possible changes to the client\n",
        [
            (("Priya Raman",), "Groom the backlog and update the invites", "to"),
            (("Lee Chen",), "Chat with Sam about possible changes to the client", "to"),
        ],
    ),
    (
        "a working group's next steps: the owners in square brackets after the task",
        "## Next steps\n\n- Apply the compiler settings for the simplified format [Dana]\n"
        "- Prepare a few minimal examples of the new features [Dana, Lee]\n",
        [
            (("Dana Whitfield",), "Apply the compiler settings for the simplified format", "owner-after"),
            (
                ("Dana Whitfield", "Lee Chen"),
                "Prepare a few minimal examples of the new features",
                "owner-after",
            ),
        ],
    ),
    (
        "a committer call's wiki minutes: 'AI Name' then the request, at the start or after a dash",
        "*   **AI Lee and Sam** to hook up on the chat later.\n"
        "*   bug 4711 Files truncated on exit -- **AI Dana** prioritize the bug\n"
        "*   Streams on the storage layer: **AI Priya** file a defect\n"
        "*   Action items Lee raised last week are closed\n",
        [
            (("Lee Chen", "Samuel Okafor"), "Hook up on the chat", "action-line"),
            (("Dana Whitfield",), "Prioritize the bug", "action-line"),
            (("Priya Raman",), "File a defect", "action-line"),
        ],
    ),
    (
        "a council's minutes: numbered actions, then a heading of completed ones",
        "### Open Action Items\n\n1. **[Dana]** Draft the escalation process.\n\n"
        "### Completed Action Items\n\n1. **[Sam]** Update the dependency sheet.\n",
        [(("Dana Whitfield",), "Draft the escalation process", "label-imperative")],
    ),
    (
        "a bullet 'Next steps:' opening a list",
        "- Discussion of the release\n- Next steps:\n  - Lee - tag the release candidate\n",
        [(("Lee Chen",), "Tag the release candidate", "label-imperative")],
    ),
    (
        "a paragraph 'Action Items (AIs):' introducing a list",
        "Action Items (AIs):\n\n- Review the parser PR (Dana)\n",
        [(("Dana Whitfield",), "Review the parser PR", "owner-after")],
    ),
    (
        "a bold line '**Action items**' opening a list",
        "**Action items**\n\n- Priya\n  - Call Lee about the release\n",
        [(("Priya Raman",), "Call Lee about the release", "owner-header")],
    ),
    (
        "an owner as a heading with requests under it, in a list of actions",
        "## Next steps\n\n### Dana\n\n- Book the venue\n- Draft the invitation\n",
        [
            (("Dana Whitfield",), "Book the venue", "owner-header"),
            (("Dana Whitfield",), "Draft the invitation", "owner-header"),
        ],
    ),
    (
        "checkbox minutes: a handle, then the request, with no separator",
        "## Action items\n\n- [ ] @priyar write the migration guide\n- [x] @sokafor update the changelog\n",
        [(("Priya Raman",), "Write the migration guide", "label-imperative")],
    ),
    (
        "a follow-up nested under an item says it is done",
        "## Next steps\n\n- Lee - review the parser PR\n  - Actually took another look and approved\n"
        "- Sam - update the docs\n  - will be merged once approved\n",
        [(("Samuel Okafor",), "Update the docs", "label-imperative")],
    ),
    (
        "a speaker label and first person",
        "Sam: I'll write the announcement.\n",
        [(("Samuel Okafor",), "Write the announcement", "will")],
    ),
    (
        "initials with a dash, then a sentence without a subject",
        "DW - will send the survey to the list\n",
        [(("Dana Whitfield",), "Send the survey to the list", "will")],
    ),
    (
        "a status, then a sentence without a subject",
        "- Dana\n  - Looked at the cache.\n  - Will be looking at performance next.\n",
        [(("Dana Whitfield",), "Look at performance", "will")],
    ),
    (
        "struck-through lines are done",
        "- ~~Lee will fix the cache~~\n- Sam will fix the docs\n",
        [(("Samuel Okafor",), "Fix the docs", "will")],
    ),
    (
        "agenda: a bare topic list is not items, discussion under an item is",
        "## Agenda\n\n- Dana: libvirt status\n- Release planning\n  - Sam will cut the release candidate\n",
        [(("Samuel Okafor",), "Cut the release candidate", "will")],
    ),
    (
        "an @first-name that is not a login",
        "@priya will tag the release.\n",
        [(("Priya Raman",), "Tag the release", "will")],
    ),
    (
        "a hard-wrapped sentence",
        "Priya will rotate the\nsigning key before the\nnext call.\n",
        [(("Priya Raman",), "Rotate the signing key", "will")],
    ),
    (
        "people inside the task are not owners",
        "## Next steps\n\n- Sam - send Lee the email about the release\n",
        [(("Samuel Okafor",), "Send Lee the email about the release", "label-imperative")],
    ),
    (
        "owners inside markup: table cells, '(action item @a and @b)', '<Action for X to ...>', '(AI: X)'",
        "| Topic | Notes |\n|---|---|\n"
        "| Budget | **ACTION**: Sam to send the budget draft to the board |\n"
        "| Website | Priya showed the design. Collect feedback on the mockups (action item "
        "[@priyar](https://github.com/priyar) and [@leechen](https://github.com/leechen)) |\n\n"
        "- <Action for Dana to update the CI matrix>\n"
        "- Review the parser PR (AI: TomL)\n"
        "- <details>Lee will not be read here</details>\n",
        [
            (("Samuel Okafor",), "Send the budget draft to the board", "to"),
            (("Priya Raman", "Lee Chen"), "Collect feedback on the mockups", "owner-after"),
            (("Dana Whitfield",), "Update the CI matrix", "action-line"),
            (("Tom Lindqvist",), "Review the parser PR", "owner-after"),
        ],
    ),
    (
        "minutes' forms: 'going to' without 'is', 'gonna', 'supposed to', 'so will', 'plan on'",
        "- Sam going to rewrite the install guide.\n"
        "- Lee is supposed to contact the sponsors.\n"
        "- Dana has reviewed the fixes, so will tag the release too.\n"
        "- Priya: gonna fix the broken links tomorrow\n"
        "- _TomG:_ I plan on removing the message field from the payment proofs.\n",
        [
            (("Samuel Okafor",), "Rewrite the install guide", "going-to"),
            (("Lee Chen",), "Contact the sponsors", "commitment"),
            (("Dana Whitfield",), "Tag the release", "will"),
            (("Priya Raman",), "Fix the broken links", "going-to"),
            (("Tom Garcia",), "Remove the message field from the payment proofs", "commitment"),
        ],
    ),
    (
        "a design meeting's agenda: a promise after a link, and a writer who names themself",
        "## Open PRs\n\nhttps://github.com/org/repo/pull/390 (Lee will check it again before the merge)\n\n"
        "5. Can be done in a follow-up PR. I (Priya) will take the blame for breaking the public API.\n",
        [
            (("Lee Chen",), "Check Open PRs", "will"),
            (("Priya Raman",), "Take the blame for breaking the public API", "will"),
        ],
    ),
    (
        "a transcript: a turn goes on over paragraphs without a label, not over another's list item",
        "## Governance\n\nSam: I went over the notes last time. The write-up is here:\n\n"
        "https://example.org/governance\n\n"
        "There is interest, but open questions remain. My next step would be to ping the maintainers.\n\n"
        "## Mirrors\n\nLee: the mirror is behind.\n\n- @kim I'll restart the sync job.\n",
        [
            (("Samuel Okafor",), "Ping the maintainers", "next-step-is"),
            (("kim",), "Restart the sync job", "will"),
        ],
    ),
    (
        "a progressive promise with 'I'm' left out, and what someone will have done",
        "- Lee: Planning to cut the release candidate on Monday.\n"
        "- Priya will have the docs updated before the release.\n",
        [
            (("Lee Chen",), "Cut the release candidate", "commitment"),
            (("Priya Raman",), "Update the docs", "will"),
        ],
    ),
    (
        "a task in title case still opens with its verb",
        "## Next steps\n\n- Create Detailed Cost Estimate for the Mirror **Dana Whitfield**\n",
        [(("Dana Whitfield",), "Create Detailed Cost Estimate for the Mirror", "owner-after")],
    ),
    (
        "a summit's notes: '##ACTION ITEMS' without a space, bullets indented as code, 'owns V-ing'",
        "##ACTION ITEMS\n\nTesting:\n\n    * Dana owns separating the module tests into their repos\n"
        "    * Lee set up a working group on versioning\n\nCode:\n\n    make test\n    make docs\n",
        [
            (("Dana Whitfield",), "Separate the module tests into their repos", "commitment"),
            (("Lee Chen",), "Set up a working group on versioning", "label-imperative"),
        ],
    ),
    (
        "names in lower case where only a name can stand, before a promise",
        "* pandera -- lee will merge the PR\n* docs -- dana can look into the search index!\n"
        "* sam is happy to review the first draft\n* the max will be ten\n",
        [
            (("Lee Chen",), "Merge the PR", "will"),
            (("Dana Whitfield",), "Look into the search index", "can"),
            (("Samuel Okafor",), "Review the first draft", "happy-to"),
        ],
    ),
    (
        "an assistant's summary: a request, a semicolon, and a clause about others",
        "## ➡️ Next Steps\n\n- Lee: Share the benchmark docs for review; members are invited to edit them.\n",
        [(("Lee Chen",), "Share the benchmark docs for review", "label-imperative")],
    ),
    (
        "arrows between a person and a task, either way round, escaped or not",
        "## Survey\n\n* Lee -> ping Dana about the survey\n* Write down the plan and publish it -> Sam\n"
        "* Priya \\-\\> book the room\n* TomL → draft the agenda\n",
        [
            (("Lee Chen",), "Ping Dana about the survey", "action-line"),
            (("Samuel Okafor",), "Write down the plan and publish the plan", "owner-after"),
            (("Priya Raman",), "Book the room", "action-line"),
            (("Tom Lindqvist",), "Draft the agenda", "action-line"),
        ],
    ),
    (
        "a bare link nested under an item says no task of its own",
        "## Next steps\n\n- Lee: email the venue about the booth\n  - https://example.org/venues/booth/\n",
        [(("Lee Chen",), "Email the venue about the booth", "label-imperative")],
    ),
    (
        "a topic with its presenter after it: what is right under it is theirs",
        "## Agenda\n\n* Summer of Code (Dana)\n    * We were accepted! Mentors will need to help. "
        "Will try to take care of the CLA questions.\n",
        [(("Dana Whitfield",), "Take care of the CLA questions", "will")],
    ),
    (
        "a call for an owner, then who is volunteering",
        "## Docs sprint\n\n* The style guide doesn't have an owner... Lee is volunteering.\n",
        [(("Lee Chen",), "Follow up on Docs sprint", "volunteers")],
    ),
    (
        "an infra team's issue list: a line that only assigns the item it is under, an arrow after a report",
        "## New issues\n\n* [Update the manifest for the AMI](https://example.org/issues/80)\n"
        "    * => TODO @priyar\n* [Set up a pull through cache](https://example.org/issues/81)\n"
        "    * TODO => @leechen + @sokafor\n* Archive the old images\n    * AI: Dana\n"
        "* Certificates expire soon - https://example.org/issues/82 => @leechen\n",
        [
            (("Priya Raman",), "Follow up on the manifest for the AMI", "action-line"),
            (("Lee Chen", "Samuel Okafor"), "Follow up on a pull through cache", "action-line"),
            (("Dana Whitfield",), "Follow up on the old images", "action-line"),
            (("Lee Chen",), "Certificates expire soon", "owner-after"),
        ],
    ),
    (
        "a board's actions: the owner after a request owns it, not the people the request is about",
        "**Actions:**\n\n- Connect Priya with Lee to figure out a plan for the repo (Dana)\n"
        "- Doodle poll for the exit criteria call (Sam)\n\n## Status\n\n- Team sync\n"
        "    - ACTION: Dana to complete the draft by May 5th\n\n  - TomL to set up the mirror repo\n\n"
        "  - - ACTION: Will write the mirror docs by Friday\n",
        [
            (("Dana Whitfield",), "Connect Priya with Lee to figure out a plan for the repo", "owner-after"),
            (("Samuel Okafor",), "Doodle poll for the exit criteria call", "owner-after"),
            (("Dana Whitfield",), "Complete the draft of Team sync", "to"),
            (("Tom Lindqvist",), "Set up the mirror repo", "to"),
            (("Tom Lindqvist",), "Write the mirror docs", "will"),
        ],
    ),
    (
        "wrapped prose bullets: 'Action item for X:', on its line or over the tasks it gives",
        "## Infra\n\n* Action item for Lee: Check if we want the list to be a mailman group\n"
        "* Action item for Dana/Sam:\n  * Create the new repo\n  * Then migrate the README\n"
        "* action item (Priya): start a list of documented workflows\n",
        [
            (("Lee Chen",), "Check if we want the list to be a mailman group on Infra", "action-line"),
            (("Dana Whitfield", "Samuel Okafor"), "Create the new repo", "owner-header"),
            (("Dana Whitfield", "Samuel Okafor"), "Migrate the README", "owner-header"),
            (("Priya Raman",), "Start a list of documented workflows", "action-line"),
        ],
    ),
    (
        "a speaker's past commitment without its subject; a gerund, '@everyone' are no one",
        "- Priya: agreed to own the reporting\n- TL: agreed, e.g. to enable parallel writes\n"
        "- Removing will free up CI resources\n- @everyone will post their goals for the year\n",
        [(("Priya Raman",), "Own the reporting", "commitment")],
    ),
    (
        "a wiki's export: the minutes as one HTML table, its actions in list items",
        "## Minutes\n\n<table><thead><tr><th>Discussion</th><th>Actions: Responsible</th></tr></thead>"
        "<tbody><tr><td>1. Glossary</td><td><ol><li>Dana &#x26; Lee to review the glossary</li>"
        "<li>Priya to share the inventory on Discord</li></ol></td></tr></tbody></table>\n",
        [
            (("Dana Whitfield", "Lee Chen"), "Review the glossary", "to"),
            (("Priya Raman",), "Share the inventory on Discord", "to"),
        ],
    ),
    (
        "in a list of actions, a plural subject and its verb are a sentence, not a label and a request",
        "## Action items\n\n- Dana and Lee explain it is a script that saves admin time.\n"
        "- @priyar write the migration guide\n",
        [(("Priya Raman",), "Write the migration guide", "label-imperative")],
    ),
    (
        "a speaker's label, then the writer's action mark",
        "## Installers\n\n- [Priya] todo: to propose a new repo for the installers\n"
        "- Lee: ACTION: book the room for the summit\n- Dana: action items are in the doc\n",
        [
            (("Priya Raman",), "Propose a new repo for the installers", "action-line"),
            (("Lee Chen",), "Book the room for the summit", "action-line"),
        ],
    ),
    (
        "a need foreseen for a named person is a task, as 'needs to' is",
        "Dana will need to rebase the branch.\n",
        [(("Dana Whitfield",), "Rebase the branch", "commitment")],
    ),
    (
        "a speaker's turn that leaves the subject out: an offer, a phrase before the comma, a plan",
        "* [Lee] Happy to provide an initial review of the spec.\n"
        "* [Sam] Ready for review now, will post a link in the chat.\n"
        "* [Dana] Not sure what the cache does here. Will need to profile the build.\n"
        "* [Priya] My next step would be to ping the other maintainers.\n",
        [
            (("Lee Chen",), "Review the spec", "happy-to"),
            (("Samuel Okafor",), "Post a link in the chat", "will"),
            (("Dana Whitfield",), "Profile the build", "commitment"),
            (("Priya Raman",), "Ping the other maintainers", "next-step-is"),
        ],
    ),
    (
        "a template's fields: the owner after the task or on a line under it, and when it is due",
        "## Next steps\n\n- Update the roadmap page. Owner: @leechen. Due: 2026-05-15\n"
        "- Triage the regression reports — Assigned to: Dana\n- Write the migration guide\n  - Owner: Sam\n"
        "\n### Migrate the CI runners\n\n"
        "Owner(s): TomL, DanB\nDue: May 20\n",
        [
            (("Lee Chen",), "Update the roadmap page", "action-line"),
            (("Dana Whitfield",), "Triage the regression reports", "owner-after"),
            (("Samuel Okafor",), "Write the migration guide", "owner-field"),
            (("Tom Lindqvist", "Daniel Brooks"), "Follow up on the CI runners", "action-line"),
        ],
    ),
    (
        "a transcript under a heading that names action items: each speaker's paragraph is a turn",
        "## Review of action items from prior meeting\n\n"
        "Lee: I did this before but perhaps misunderstood the purpose of the item.\n\n"
        "Sam: We'll land our limits changes in one big chunk\n\nDana: You were nodding along\n\n"
        "Priya: All implementers should be in this call.\n\nLee: I will file a bug about the cache today.\n\n"
        "Sam: Action item to follow up with Dana\n",
        [
            (("Lee Chen",), "File a bug about the cache", "will"),
            (("Samuel Okafor",), "Follow up with Dana", "action-line"),
        ],
    ),
    (
        "a steering committee's bullets: whom the plan has do it, not whom it had do it",
        "- Update 4/1: next step is to have Lee follow up with the rest of the SIG.\n"
        "- We had Sam review the draft.\n",
        [(("Lee Chen",), "Follow up with the rest of the SIG", "asked-to")],
    ),
    (
        "a line the parser misreads: the names opening it, then 'to' and a verb",
        "- Lee to sync with Dana on the budget.\n"
        "- *AI:* Sam to ping tooling people, as well as Brotli people.\n- Priya to the rescue.\n",
        [
            (("Lee Chen",), "Sync with Dana on the budget", "to"),
            (("Samuel Okafor",), "Ping tooling people, as well as Brotli people", "action-line"),
        ],
    ),
    (
        "a wiki's status bullets: a name's clause after a comma, and items marked done",
        "- Second meeting is still to be scheduled, Lee to announce date.\n\n## Action Items\n\n"
        "- Dana- Transfer document (.pdf) back to WIKI. DONE\n"
        "- Sam - Update zlib based on the spec IN PROCESS\n"
        "- Action item for Priya: Make an announcement on Slack. [done]\n",
        [
            (("Lee Chen",), "Announce date", "to"),
            (("Samuel Okafor",), "Update zlib based on the spec", "label-imperative"),
        ],
    ),
    (
        "a board's minutes: a company after an attendee's comma is no request; an emphasis left as text",
        "Berthold Gunreben, SUSE (BG)\n\nMarcel Mitran, IBM (MM)\n\n## Notes\n\n"
        "**Lee: **I'll try to resurrect the thread.\n",
        [(("Lee Chen",), "Resurrect the thread", "will")],
    ),
    (
        "a working group's log: 'Assigned to X' after the task, under a 'To-Do's:' lead",
        "To-Do's:\n- review existing survey work (Lee)\n- mentorship for the report (Dana and Sam)\n\n"
        "## Issues\n\n* New Issue - fix metrics folder links - Assigned to Priya\n",
        [
            (("Lee Chen",), "Review existing survey work", "owner-after"),
            (("Dana Whitfield", "Samuel Okafor"), "Mentorship for the report", "owner-after"),
            (("Priya Raman",), "Fix metrics folder links", "owner-after"),
        ],
    ),
    (
        "HackMD minutes: the '[name=X]' signature labels a line; '=> X does that' takes an item",
        "## PRs\n\n- [name=Lee] I will review the release PR.\n"
        "- Ask our community if someone wants to be a liaison officer => Dana does that\n",
        [
            (("Lee Chen",), "Review the release PR", "will"),
            (
                ("Dana Whitfield",),
                "Ask our community if someone wants to be a liaison officer",
                "owner-after",
            ),
        ],
    ),
    (
        "a release task list in the agenda, a 'Notes' section after it: its owners after a dash are read",
        "### Agenda Items:\n\n- Status of the user stories\n"
        "    * Review and add any comments on the trust store proposal - Lee/Dana. InProgress\n\n"
        "### Meeting Notes\n\n- We agreed to create separate issues for the release.\n",
        [
            (
                ("Lee Chen", "Dana Whitfield"),
                "Review and add any comments on the trust store proposal",
                "owner-after",
            )
        ],
    ),
    (
        "a marked line with its owner after it, whose verb the tagger reads as a past tense",
        "* Separating the optimizer\n  * Action: broadcast the meeting invite to the community (Lee)\n"
        "* Actions: Dana and Sam confirmed for the roles of Chair and Director\n",
        [(("Lee Chen",), "Broadcast the meeting invite to the community", "action-line")],
    ),
    (
        "a board's wiki minutes: HTML line breaks end sentences, and a roll call's subheading and "
        "introductions are no list of actions",
        "## Attendees\n\n### Steering Committee\n\n- [ ] Dana Whitfield - SAP\n\n## Introductions\n\n"
        "- [ ] Sam, software engineer intern at Acme. Joined Monday\n\n## Actions\n\n"
        "Lee to look over the governance and propose edits<BR>\n"
        "The current process makes decisions harder.\n",
        [(("Lee Chen",), "Look over the governance and propose edits", "to")],
    ),
    (
        "a log whose writer put each day's sections under '## Attending': its action items are read",
        "## Attending\n\n* Dana\n* Sam\n\n### Action items\n\n"
        "* Explain the GMD in the README – assigned to Sam\n",
        [(("Samuel Okafor",), "Explain the GMD in the README", "owner-after")],
    ),
    (
        "a speaker's infinitive says what they are to do; one broken off does not",
        "## Call\n\n- Sam: I think this requires a vote.\n- Priya: We store them in parquet now.\n"
        "- Lee: To check governance.\n- Sam: It does not scale up.\n- Dana: To deal with the scaling -\n",
        [(("Lee Chen",), "Check governance", "label-imperative")],
    ),
    (
        "under someone's item, a line that leads a list, or a noun and its verb, is no request of theirs",
        "## Action items\n\n- Lee: update the infra page\n  - add links to:\n    - the dashboards\n"
        "- Dana: invite the candidates\n  - Offer applies to all potential candidates.\n",
        [
            (("Lee Chen",), "Update the infra page", "label-imperative"),
            (("Dana Whitfield",), "Invite the candidates", "label-imperative"),
        ],
    ),
    (
        "a relative clause's 'who' is the person it follows",
        "Lee will follow up with Sam, who will send the email.\n",
        [
            (("Lee Chen",), "Follow up with Sam", "will"),
            (("Samuel Okafor",), "Send the email", "will"),
        ],
    ),
    (
        "a roll call's section goes on to the minutes when no heading ends it",
        "### Attendance:\n\n| Name | Present |\n|---|---|\n| Lee Chen | Yes |\n\n"
        "* Sam is leaving his job this month.\n  - Lee will update the GitHub files for the committee\n",
        [(("Lee Chen",), "Update the GitHub files for the committee", "will")],
    ),
    (
        "an agenda item a heading restates is a topic, at any depth",
        "## Agenda items\n\n1. Proposals\n    1. Propose we create a js-types repo (Sam).\n"
        "        1. POLL: We should create a js-types repo.\n\n## Meeting notes\n\n"
        "#### Propose we create a js-types repo\n\nSam presented the proposal. Lee will write the summary.\n",
        [(("Lee Chen",), "Write the summary of the proposal", "will")],
    ),
    (
        "an agenda's topic restated as a numbered line over what was said of it is a topic there too",
        "## Agenda\n\n1. Welcome\n1. Approve [README.md](https://example.org/README.md) (Lee, Dana)\n\n"
        "## Minutes\n\n### Welcome\n\nDana opened the meeting.\n\n"
        "1. Approve [README.md](https://example.org/README.md) (Lee, Dana)\n\n"
        "Lee reviewed the policies in the README. Dana will publish it on the website.\n",
        [(("Dana Whitfield",), "Publish the policies on the website", "will")],
    ),
    (
        "a community call's sections, each heading naming who presents it: 'I' there is the presenter",
        "### Update on content team projects (@priyar)\n\nWe have one month of data from March and I will "
        "be looking at the April data as well.\n",
        [(("Priya Raman",), "Look at the April data", "will")],
    ),
    (
        "a steering committee's team reports, each heading naming the lead after a dash",
        "### Routing - Lee Chen\n\n- Working on 3 tracks\n- I will send a PR to the CLI next week\n"
        "- Will benchmark the relational store against the HA deployment\n\n### Docs - Dana\n\n"
        "- Published the guide\n",
        [
            (("Lee Chen",), "Send a PR to the CLI", "will"),
            (("Lee Chen",), "Benchmark the relational store against the HA deployment", "will"),
        ],
    ),
    (
        "a heading for notes and action items together heads the minutes: a speaker's view there is no task",
        "## Notes / action items / misc talk\n\nReaching our backers\n"
        "  * Dana - seems like a good idea to keep the discussions in one place\n"
        "  * Sam - the repo has 20 watchers, they would be interested\n"
        "  * Lee \u2014 yes.\n  * ACTION \u2014 Priya to write a proposal for this\n",
        [(("Priya Raman",), "Write a proposal for Reaching our backers", "action-line")],
    ),
    (
        "a heading for the agenda and its actions together heads the minutes: a chat's replies are no tasks",
        "## Agenda points & Actions\n\n### 2. Release planning\n\n"
        "* _Dana:_ How solid do we feel the plan is?\n   * _Sam:_ Sounds good.\n"
        "   * _Lee:_ Might be cool to have a comparison table.\n"
        "   * _Priya:_ I will update the wiki page today.\n",
        [(("Priya Raman",), "Update the wiki page", "will")],
    ),
    (
        "under someone's action, a speaker's line is talk of it, unless it names who is to do what",
        "## Review action items\n\n* ACTION: Dana to reach out to contacts in Lisbon\n  * Dana not present\n"
        "* ACTION: Lee to gather feedback from the users\n  * Sam: feedback would be about access control\n"
        "  * Priya volunteering from the board, Priya to draft the survey\n",
        [
            (("Dana Whitfield",), "Reach out to contacts in Lisbon", "to"),
            (("Lee Chen",), "Gather feedback from the users", "to"),
            (("Priya Raman",), "Draft the survey", "to"),
        ],
    ),
    (
        "a council's minutes: the action mark, 'by' or nothing, then its owners",
        "## Discussion\n\nACTION by Dana to prepare the polls for the next retreat\n\n"
        "* action @leechen, @sokafor to look at the benchmark results\n",
        [
            (("Dana Whitfield",), "Prepare the polls", "action-line"),
            (("Lee Chen", "Samuel Okafor"), "Look at the benchmark results", "action-line"),
        ],
    ),
    (
        "a triage list: an arrow back from the task to whose it is",
        "- Seal the extension trait after the crater run. <- Lee\n",
        [(("Lee Chen",), "Seal the extension trait", "owner-after")],
    ),
    (
        "a council's prose summary: who is tasked with something is asked to do it",
        "## Updates\n\nPriya is tasked with setting up the volunteer forms.\n",
        [(("Priya Raman",), "Set up the volunteer forms", "asked-to")],
    ),
    (
        "a heading naming the forge's CI service, 'GitHub Actions', heads no list of actions",
        "## CI infrastructure (Travis to GitHub Actions?)\n\n"
        "* Lee: We don't necessarily need to move directly.\n* Sam: Not a super high bar.\n"
        "* Dana: I'll add the QEMU build to the CI config.\n",
        [(("Dana Whitfield",), "Add the QEMU build to the CI config", "will")],
    ),
    (
        "a steering committee's bullets: an offer in the perfect is still to be carried out",
        "- Priya has offered to represent the lab at the summit.\n- Lee has needed to restart it twice.\n",
        [(("Priya Raman",), "Represent the lab at the summit", "commitment")],
    ),
    (
        "a bullet 'Name to V' that the parser reads as a past ('pointed' as the main verb)",
        "- Dana to fix the typos pointed out in the spec issue\n"
        "- Went to last call a long time ago, parked it.\n",
        [(("Dana Whitfield",), "Fix the typos pointed out in the spec issue", "to")],
    ),
    (
        "a status round: whose turn it is, with when they spoke, heads their list; a label may open a line",
        "## Status updates\n\n@leechen (text only) 20:58\n* Last week: submitted two drivers\n"
        "* This week: Will wrap up the current round of bundle submissions\n\n@sokafor 22:35\n"
        "* Will work on the ESP32 issue this week.\n",
        [
            (("Lee Chen",), "Wrap up the current round of bundle submissions", "will"),
            (("Samuel Okafor",), "Work on the ESP32 issue", "will"),
        ],
    ),
    (
        "a weekly sync's action boxes: the owner in brackets before the task",
        "## Actions\n- [ ] **(Lee) Look into keeping the OTP token on for npm**\n"
        "- [x] (Sam) Set up the project calendar\n- [ ] (Dana) Submit the application by Friday\n",
        [
            (("Lee Chen",), "Look into keeping the OTP token on for npm", "label-imperative"),
            (("Dana Whitfield",), "Submit the application", "label-imperative"),
        ],
    ),
    (
        "who volunteers for a role in the meeting takes the role, not a task",
        "#### Find volunteers for note taking\n\n*Lee volunteers*\n",
        [],
    ),
    (
        "an action mark with the owner closing the brackets",
        "- Logistics: Adding Lee Chen to the right security groups upon approval. (Todo, Priya)\n"
        "- Action item: make changes for security groups (converter, and infra, Todo, Sam)\n",
        [
            (("Priya Raman",), "Adding Lee Chen to the right security groups upon approval", "owner-after"),
            (("Samuel Okafor",), "Make changes for security groups", "action-line"),
        ],
    ),
    (
        "initials defined by the attendee list",
        "## Present\n\nPQ: Priya Raman\nLC: Lee Chen\n\n## Notes\n\nPQ: I will draft the plan.\n",
        [(("Priya Raman",), "Draft the plan", "will")],
    ),
]

NOT_ITEMS = [
    # A chat's or a call's "let me ..." done there and then, not an offer of work after it.
    "Priya: So let me re-read :)",
    "Dana: I am seeing the PDF, let me re-share it again.",
    "Sam: Let me first talk about the background.",
    "Lee: Let me pause for a moment; there are a few questions at hand.",
    # A speaker's "to ..." that breaks off or asks is their turn of phrase, not "Name to V".
    "Priya: to add to Dana's question, in the browser we get quieter notifications",
    "Dana: to what extent is it realistic to build APIs for this",
    "Sam: to drive this (it will be contentious) should we create a proposal?",
    # Not what someone "is to" do: a verdict, what is yet to come, the speaker's reason to speak.
    "Lee is OK to merge for now.",
    "Priya: I am still to see the threads.",
    "Dana is here to say that the train is leaving the station.",
    "Sam: ok, will merge the PR … (merged)",  # a status in brackets says it is done (a WG's call)
    "Dana: Will happen.",  # an event, with no one to do it (a working group's transcript)
    # Roll calls under headings that say so: who attends, with their employer or seat.
    "## Attended by\n\n### TSC voting members\n\n* [ ] [Lee Chen](https://github.com/leechen), Acme",
    "### Voting members of the TAC\n\n* **Acme** - Lee Chen / Dana Whitfield\n* **Initech** - Priya Raman",
    "Intend to attend: Priya, Lee, Sam",  # who attends, not who will do something
    "## Attendees\n\nPriya Raman, Lee Chen, Samuel Okafor, Dana Whitfield",  # names only: who, not what
    "Nominees: Priya Raman, Lee Chen",  # no verb: who, not what
    "Introducing the new release team: Priya/Lee",  # a topic and its presenters
    "It was about time for me to push the release.",  # "for me to" says when, not whose task
    "Priya: Let's look at the flaky tests first.",  # a suggestion to the room
    "Lee: Also I'm going to be out next week.",  # a state, not an action
    "Dana: Let me give a brief overview of the cap.",  # the speaker's turn, not a request to her
    "Lee: note that the cache is cold.",  # a remark, not a request
    "Priya would be overjoyed if the docs were done.",
    "Lee: I'd call unwrap here, but I'd get flagged.",  # the speaker's hypothetical
    "Lee volunteered to take the minutes.",  # a role in the meeting itself
    "Lee: What I can share now is that the survey ran in June.",  # what she is able to say
    "Lee (regarding Denoise): OSF could maintain a plugin for it.",  # the foundation's offer
    "Lee: the demo shows where I can present the scenario to customers.",  # where he is able to
    # A community call's icebreaker and its remarks: where she is able to go, a turn of phrase.
    "- [name=Lee] Anywhere I can go for a long hike and see more nature than people.",
    "- [name=Dana] Downton. I must admit",
    "Sam: I have to confess I have not read the draft yet.",
    # The chair's requests in a TSC's and a consortium's minutes, met there and then.
    "Priya asked Dana to clarify the distinction between adopters and practitioners.",
    "DW requested that Lee and Sam provide an update.",
    "@leechen had an action item to find out why the invitation failed.",  # last meeting's, reported
    "AI: Sam to write a blog post [done]",  # a review of actions: done
    "AI: Dana to respond to the comments on the design PR (#182) Done",  # done, as the review says
    "(Lee) Coordination needs to happen. This meeting is a good place for it.",  # who spoke, of a thing
    "- **Lee** (3 min): Lower the bot's frequency to update the actions",  # a time-boxed topic's presenter
    "Dana: I would tend to advise consistency across the namespaces.",  # an opinion
    "We hope someone else will pick it up.",
    "Dana: libvirt status",
    "JB: also please help get the word out!",  # the speaker asks the room
    "Sam, need to dig into the references.",  # "need" agrees with we or I, not Sam
    "Lee has pushed all the images. Had to pin the old release.",
    "Director: Dana Whitfield",
    "[Lee] Happy to hear that.",  # a reaction to news, not an offer
    "Dana: I can imagine cases where the cache is cold.",  # what someone can think of
    "Sam: a delay I can live with.",
    "Priya: the maintainers are the people I'd expect to be most interested.",
    "Sam: I'll share my screen.",  # the meeting itself
    "- Release Engineering Group (REG) - Dana Whitfield & Lee Chen",  # a group's name and its leads
    "Priya: I would suggest bucketing the reviews by quarter.",  # advice, not an offer
    "Lee: I am not at all keen to merge the extras modules.",  # the copula's "not"
    "Lee was supposed to contact the sponsors.",  # not done, and past
    "Sam planned on attending but fell ill.",  # a plan of the past
    "- @leechen at this point we should move on with a proper RFC",  # the handle opens it, "we" speak
    "If Lee merges it, will tag the release.",  # the condition's subject is not who tags
    "Agenda\n\n* Update on the website move! (Dana)\n* Release Train Discussion (Lee)",  # topics, presenters
    "- Quickstart Discussion: Priya Raman\n- Github Handle: Sam",  # headlines, not tasks
    # A roll call with boxes: who is there, never what anyone will do.
    "## Voting member attendance\n\n* [ ] Priya Raman, Example Studios\n* [x] Lee Chen, Acme Inc.\n\n"
    "## Other Attendees\n\n* Dana Whitfield (Acme)",
    "## Next meeting\n\n- cairo with X11 (Dana & Lee)",  # outside a list of actions a task opens with a verb
    # Who holds a role in the meeting itself is not a task.
    "- Scribe - Lee\n- Facilitator - Sam\n- Note taker: Dana",
    # A stative verb says how things will stand, not what someone will do.
    "Dana will depend on how the amendments play out.",
]


def found(items_of: ItemsOf, body: str) -> Found:
    return [(tuple(o.name for o in i.owners), i.task, i.rule) for i in items_of(HEAD + body)]


def owned(items_of: ItemsOf, body: str) -> list[tuple[tuple[str, ...], str]]:
    """Who owns each item, and by which rule: for notes whose titles another test covers."""
    return [(owners, rule) for owners, _, rule in found(items_of, body)]


@pytest.mark.parametrize(
    ("rule", "style", "body", "expected"), STYLES, ids=[f"{r}: {s}" for r, s, _, _ in STYLES]
)
def test_rule_in_its_style(items_of: ItemsOf, rule: str, style: str, body: str, expected: Found) -> None:
    assert found(items_of, body) == expected


@pytest.mark.parametrize(("shape", "body", "expected"), SHAPES, ids=[s for s, _, _ in SHAPES])
def test_shape_in_its_style(items_of: ItemsOf, shape: str, body: str, expected: Found) -> None:
    assert found(items_of, body) == expected


@pytest.mark.parametrize("sentence", NOT_ITEMS)
def test_not_an_item(items_of: ItemsOf, sentence: str) -> None:
    assert found(items_of, sentence + "\n") == []


def test_every_rule_has_a_note_in_its_style() -> None:
    rules = {rule.id for rule in RULES} | set(SHAPE_RULES) | set(VETOES)
    assert rules - {rule for rule, *_ in STYLES} == set()


def test_the_request_is_quoted_with_its_answer_and_dated_from_the_question(items_of: ItemsOf) -> None:
    """Minute-takers point at either line for what was agreed; the item's line is the question's."""
    body = "Priya: Lee, can you update the changelog by Friday?\n\nLee: Yes, I'll do it.\n"
    [item] = items_of(HEAD + body)
    assert item.text == "Priya: Lee, can you update the changelog by Friday? Lee: Yes, I'll do it."
    assert (item.line, item.due) == (5, dt.date(2026, 5, 8))


def test_a_struck_line_in_restructuredtext_is_marked_done(items_of: ItemsOf) -> None:
    body = "Actions\n=======\n\n* DONE Lee will fix the cache.\n* Sam will fix the docs.\n"
    items = items_of(body, name="2026-05-06.rst")
    assert [(i.owners[0].name, i.task) for i in items] == [("Samuel Okafor", "Fix the docs")]


def test_a_quote_keeps_the_links_as_written(items_of: ItemsOf) -> None:
    body = "## Next steps\n\n- Review [#129](https://github.com/org/repo/pull/129). (Dana)\n"
    [item] = items_of(HEAD + body)
    assert item.text == "Review [#129](https://github.com/org/repo/pull/129). (Dana)"
    assert (item.owners[0].name, item.task) == ("Dana Whitfield", "Review #129")


def test_a_parsed_meeting_keeps_its_attendee_keys() -> None:
    meeting = parse_note("2026-05-06.md", HEAD + "## Present\n\nQX: Priya Raman\nLee Chen (@leechen)\n")
    assert meeting.attendees == ("QX: Priya Raman", "Lee Chen (@leechen)")


def test_restructuredtext_minutes_with_the_owner_after_a_colon(items_of: ItemsOf) -> None:
    body = (
        "Weekly sync 2026-05-06\n======================\n\nAction items\n------------\n\n"
        "* Ping the infra team about the mirror: Samuel Okafor\n* Review the grant draft: Lee, Dana\n"
        "* DONE Rotate the signing key: Priya\n"
    )
    found = [(tuple(o.name for o in i.owners), i.task, i.rule) for i in items_of(body, name="sync.rst")]
    assert found == [
        (("Samuel Okafor",), "Ping the infra team about the mirror", "owner-after"),
        (("Lee Chen", "Dana Whitfield"), "Review the grant draft", "owner-after"),
    ]


def test_a_transcript_with_speaker_labels(items_of: ItemsOf) -> None:
    body = (
        "Priya: Let's look at the flaky tests first. Sam, could you take the CI ones?\n"
        "Sam: Sure, I'll take those.\nLee: I can write up the summary for the blog.\n"
        "Dana: We should probably also update the docs.\nPriya: Dana, can you own that?\nDana: Yes.\n"
    )
    found = [(tuple(o.name for o in i.owners), i.task, i.rule) for i in items_of(body, name="2026-05-06.txt")]
    # The same lines time-stamped, and without full stops: each line is still its own utterance.
    lines = [line.rstrip(".") for line in body.splitlines()]
    stamped = "".join(f"[00:0{n}:1{n}] {line}\n" for n, line in enumerate(lines))
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(stamped, name="2026-05-06.txt")] == [
        (owners, task) for owners, task, _ in found
    ]
    assert found == [
        (("Samuel Okafor",), "Take the CI ones", "will"),
        (("Lee Chen",), "Write up the summary for the blog", "can"),
        (("Dana Whitfield",), "Own the docs", "request-answered"),
    ]


def test_a_speakers_advice_in_a_transcript_is_not_an_assignment(items_of: ItemsOf) -> None:
    # A TSC's running notes: the labels introduce what each person said, so an imperative after one
    # is advice to the room; the same line in the note's action list is an assignment.
    discussion = (
        "## Discussion\n\n- Priya: I think the roadmap is too long for one release\n"
        "- Lee: emphasize the stability of the project in the announcement\n"
        "- Sam: the vote can wait until the next call\n- Dana: we had the same problem last year\n"
    )
    assert found(items_of, discussion) == []
    action = "- Lee: emphasize the stability of the project in the announcement\n"
    listed = f"{discussion}\n## Action items\n\n{action}"
    assert found(items_of, listed) == [
        (("Lee Chen",), "Emphasize the stability of the project in the announcement", "label-imperative")
    ]


def test_labels_that_mostly_ask_are_a_list_of_assignments(items_of: ItemsOf) -> None:
    body = "- Lee: tag the release candidate\n- Sam: update the install guide\n- Priya: the mirror is back\n"
    assert owned(items_of, body) == [
        (("Lee Chen",), "label-imperative"),
        (("Samuel Okafor",), "label-imperative"),
    ]


def test_who_presents_an_agenda_topic_does_not_own_it(items_of: ItemsOf) -> None:
    # A TAC's agenda: each topic names its presenters at the end; the requests under it are items.
    body = (
        "## Agenda\n\n* Ratify the release charter (Lee/Sam)\n"
        "    * Draft the announcement for the blog (Priya)\n* The 2027 roadmap (Dana)\n"
    )
    assert found(items_of, body) == [(("Priya Raman",), "Draft the announcement for the blog", "owner-after")]


def test_a_speaker_and_topic_item_owns_what_is_nested_under_it(items_of: ItemsOf) -> None:
    # A community call's round of updates: "Name / topic", then what they said, without a subject.
    body = (
        "## Updates\n\n-   Lee / release tooling\n\n    -   Just a matter of time to rebase.\n\n"
        "    -   will synchronize with Dana on the schedule.\n\n-   Conda / packaging\n\n"
        "    -   will move to the new channel.\n"
    )
    assert owned(items_of, body) == [(("Lee Chen",), "will")]


def test_taking_the_action_in_a_transcript_is_the_speakers(items_of: ItemsOf) -> None:
    # A TSC's running notes: someone asks for an owner, a speaker's next line takes it.
    body = (
        "## Release checklist for 1.4\n\n* Priya: Action item - someone to own the checklist this time\n"
        "* Lee: Takes the action item\n"
    )
    assert owned(items_of, body) == [(("Lee Chen",), "has-the-action")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A TSC's bold decision-and-action lines: the mark, then the owner as a label.
        (
            "* **DECISION/ACTION**: @leechen - Make a new governance repo with the docs\n",
            [(("Lee Chen",), "Make a new governance repo with the docs", "action-line")],
        ),
        # "Action on <name> to ...": the mark names its owner before the request.
        (
            "* **Action** on Sam to set up the group and send out invitations.\n",
            [(("Samuel Okafor",), "Set up the group and send out invitations", "action-line")],
        ),
        # An all-hands' TODO line: the mark, a handle, the request.
        (
            "- TODO: @leechen create this issue at org/community\n",
            [(("Lee Chen",), "Create this issue at org/community", "action-line")],
        ),
        # An RFC call's bullets, each after the number of the agenda item it is about: the mark in
        # brackets, or the owner's login in brackets after it with no colon.
        (
            "- [2] (ACTION): Dana to open a ticket for this work\n"
            "- [3] ACTION(sokafor) write up the lockfile considerations\n"
            "- **ACTION** (carryover) - Priya to write an RFC for profiling\n",
            [
                (("Dana Whitfield",), "Open a ticket for this work", "to"),
                (("Samuel Okafor",), "Write up the lockfile considerations", "action-line"),
                (("Priya Raman",), "Write an RFC for profiling", "to"),
            ],
        ),
        # A working group's 2009 teleconference minutes, in British English: "action point".
        (
            "Extract the terminal classes for these (Action point: Lee)\n",
            [(("Lee Chen",), "Extract the terminal classes", "owner-after")],
        ),
        # A steering group's prose minutes: the mark inside the sentence.
        (
            "There is an action on Lee and Dana to draft the survey.\n",
            [(("Lee Chen", "Dana Whitfield"), "Draft the survey", "action-line")],
        ),
        # A standards council's teleconference: the owners in bold, then a date, "will" or a colon.
        (
            "* **Action on Lee** by **2026-05-28** to determine where the page goes\n"
            "* **Action on Dana, Sam** will work on this by the next meeting.\n"
            "* **Action on Priya** to also get started on the customization.\n"
            "* **Action on Lee** to check in with Kofi: make sure nominations are posted\n",
            [
                (("Lee Chen",), "Determine where the page goes", "action-line"),
                (("Dana Whitfield", "Samuel Okafor"), "Work on this by the next meeting", "will"),
                (("Priya Raman",), "Also get started on the customization", "action-line"),
                (("Lee Chen",), "Check in with Kofi make sure nominations are posted", "action-line"),
            ],
        ),
        # A consortium TAC's minutes: the owners in brackets after the mark.
        (
            "ACTION: [Lee] to verify that the services are listed\n\n"
            "ACTION: [Dana, Sam] to schedule the board review\n",
            [
                (("Lee Chen",), "Verify that the services are listed", "to"),
                (("Dana Whitfield", "Samuel Okafor"), "Schedule the board review", "to"),
            ],
        ),
        # A specification working group's bullets: the mark, a dash, then its owners, in bold or in
        # brackets, after the speaker's own label; "and everyone else" adds no one.
        (
            "- Lee: **ACTION - Dana, Sam, and everyone else**: go through the draft and comment.\n"
            "- ACTION - TomL: rename the flag\n"
            "- **ACTION** - DanB / Priya - tag the implementers and check the change is safe.\n"
            "- [Lee] **[Action - Lee]** Grant repository access to the new editors\n",
            [
                (("Dana Whitfield", "Samuel Okafor"), "Go through the draft and comment", "action-line"),
                (("Tom Lindqvist",), "Rename the flag", "action-line"),
                (
                    ("Daniel Brooks", "Priya Raman"),
                    "Tag the implementers and check the change is safe",
                    "action-line",
                ),
                (("Lee Chen",), "Grant repository access to the new editors", "action-line"),
            ],
        ),
        # A workflow project's video-call summaries: a bold action line, its owners after it.
        (
            "## Next release\n\n**ACTION: release the 2.4.1 packages by end of week** (Priya)\n\n"
            "**ACTION: Dana and Lee to look at the spawner in due course.** (No hurry)\n",
            [
                (("Priya Raman",), "Release the 2.4.1 packages", "action-line"),
                (("Dana Whitfield", "Lee Chen"), "Look at the spawner", "to"),
            ],
        ),
    ],
    ids=[
        "decision-action-label",
        "action-on-name",
        "todo-then-handle",
        "agenda-reference",
        "action-point",
        "there-is-an-action",
        "action-on-then-date-will-or-colon",
        "names-in-brackets",
        "mark-dash-names",
        "bold-mark-owner-after",
    ],
)
def test_an_action_mark_with_its_owner_after_it(items_of: ItemsOf, body: str, expected: Found) -> None:
    assert found(items_of, body) == expected


def test_a_request_nested_under_an_item_names_no_owner(items_of: ItemsOf) -> None:
    # A project manager's notes: an owned request with the steps of the work nested under it, which
    # the team shares out later. Off the two corpora it was written for, reading such steps as the
    # owner's found 3 items and 15 false ones in 78 communities.
    body = (
        "## Agenda\n\n* Ratify the vision\n    * Coordinate with Dana to add it to the website (Lee)\n"
        "        * Create a durable URL for the values as well\n        * Invite all speakers to the call\n"
    )
    assert owned(items_of, body) == [(("Lee Chen",), "owner-after")]


def test_a_request_going_on_after_someones_names_no_owner(items_of: ItemsOf) -> None:
    # A developer call's notes: "also" or "then" goes on with the work, not with who takes it.
    body = (
        "## Discussion\n\n- Sam: move the old issues to the archive. Also close the duplicates.\n"
        "- Lee will run the linter on the package. Then compare its report with the old one.\n"
    )
    assert found(items_of, body) == [
        (("Samuel Okafor",), "Move the old issues to the archive", "label-imperative"),
        (("Lee Chen",), "Run the linter on the package", "will"),
    ]


def test_what_is_nested_under_a_speakers_line_goes_on_with_their_words(items_of: ItemsOf) -> None:
    # A community call's notes: each speaker's line, with the rest of what they said nested under it.
    body = (
        "## Updates\n\n-   Lee: C library slotted for this month. Writes to S3 work.\n\n"
        "    -   Supporting files? Yes. Zip files? Don't know. Will find out.\n\n"
        "-   Lindsay: the mirror is back\n\n    -   will move it to the new host.\n"
    )
    assert owned(items_of, body) == [(("Lee Chen",), "will")]


def test_a_request_to_whoever_is_addressed_is_the_answerers(items_of: ItemsOf) -> None:
    # A community call's notes: a question to the presenter, without their name, answered by them;
    # the asker's own "yes" to a question of theirs is no answer.
    body = (
        "Priya: Would you share some cloud-backed example?\n\nLee: Sure, can do!\n\n"
        "Dana: Could you post the slides?\n\nDana: Yes, I think so.\n"
    )
    assert found(items_of, body) == [(("Lee Chen",), "Share some cloud-backed example", "request-answered")]


@pytest.mark.parametrize(
    "body",
    [
        # A working group's weekly: a handle alone before each person's list of updates.
        "#### Mount\n\n@leechen\n\n- Read is working but slow\n- Will be checking in with users\n",
        # The person in brackets before their update, the rest of it nested under it.
        "- (@leechen) Proposed changes to node sharing\n    - Posted to the forum\n"
        "    - Will be checking in with users\n",
        # A maker community's weekly status round: the handle with an aside, no time stamp.
        "@leechen (missing meeting)\n\n* Bought some arcade buttons\n"
        "* This week I will be checking in with users\n",
    ],
    ids=["handle-before-the-list", "handle-in-brackets-opening-the-item", "handle-with-an-aside"],
)
def test_whose_updates_a_list_holds_by_its_layout(items_of: ItemsOf, body: str) -> None:
    assert owned(items_of, body) == [(("Lee Chen",), "will")]


def test_a_chat_line_opens_with_who_writes_it(items_of: ItemsOf) -> None:
    # A team's chat log pasted into the notes: the handle, then what they wrote in the first person.
    body = "## Release tooling\n\n@leechen I'll spend some time with the signing script.\n"
    assert owned(items_of, body) == [(("Lee Chen",), "will")]


@pytest.mark.parametrize(
    "body",
    [
        # A community call's summary line: a bold topic, a double dash, then the promise.
        "- **Tl;dr** -- Lee to add a contributor team to the governance page\n",
        # A spec team's triage of open issues: the number and title, then whose it is.
        "- #77 - governance docs - @leechen to add a contributor team to the governance page\n",
    ],
    ids=["bold-topic", "issue-number-and-title"],
)
def test_a_topic_before_a_dash_names_no_one(items_of: ItemsOf, body: str) -> None:
    assert found(items_of, body) == [(("Lee Chen",), "Add a contributor team to the governance page", "to")]


def test_a_name_and_i_are_the_named_person_and_the_speaker(items_of: ItemsOf) -> None:
    # A community call's transcript: the speaker offers something with someone else.
    body = "Priya: That's a bit easier. Lee and I could try to get the mirror started at the summit.\n"
    assert owned(items_of, body) == [(("Lee Chen", "Priya Raman"), "can")]


CHAT_LOG = """12:00:05 <priyar> #topic mirrors
12:01:10 <Lee> the EU mirror is behind again
12:01:40 <@sokafor> I'll look at the rsync job after the meeting
12:02:15 <priyar> Dana: can you write up the outage timeline?
12:02:30 <Dana> sure, will do by Friday
12:03:00 <priyar> #action Lee to ask upstream about the lag
12:03:20 <Lee> I can't make it next week
"""


LOWER_CASE_CHAT = """priya: lee: can you send the link to the draft?
lee: sure, will do
dana: I'll restart the sync job tonight
"""


def test_a_chat_without_brackets_labels_each_line_by_nick_in_any_case(items_of: ItemsOf) -> None:
    items = items_of(LOWER_CASE_CHAT, name="infra.2026-05-06.log.txt")
    assert [(tuple(o.name for o in i.owners), i.task, i.line) for i in items] == [
        (("Lee Chen",), "Send the link to the draft", 1),
        (("Dana Whitfield",), "Restart the sync job", 3),
    ]


def test_a_chat_log_line_by_line(items_of: ItemsOf) -> None:
    """Each line of a log is one utterance by its speaker, named by nick or login (an operator's "@"
    before it); a meeting bot's "#action" marks an item; an answer's "by Friday" dates the request."""
    items = items_of(CHAT_LOG, name="infra.2026-05-06-12.00.log.txt")
    assert [(tuple(o.name for o in i.owners), i.task, i.line, i.due) for i in items] == [
        (("Samuel Okafor",), "Look at the rsync job", 3, dt.date(2026, 5, 6)),
        (("Dana Whitfield",), "Write up the outage timeline", 4, dt.date(2026, 5, 8)),
        (("Lee Chen",), "Ask upstream about the lag", 6, None),
    ]


def test_whom_a_line_gets_to_do_something_is_not_vetoed_as_someone_to_reach(items_of: ItemsOf) -> None:
    """ "Email Lee to sign up" names whom to reach; "(Ruth) Get Lola and Schalk to discuss" gives
    Lola and Schalk the task, though the parser reads "Get" as a name's first word too."""
    [item] = items_of(HEAD + "(Priya) Get Dana and Sam to discuss the budget.\n")
    assert {"Dana Whitfield", "Samuel Okafor"} <= {o.name for o in item.owners}


def test_a_templates_due_field_dates_the_item_it_follows(items_of: ItemsOf) -> None:
    body = (
        "## Next steps\n\n- Update the roadmap. Owner: Lee. Due: 2026-05-15\n\n"
        "### Migrate CI\n\nOwner: Dana\nDue: May 20\n"
    )
    assert [(i.task, i.due) for i in items_of(HEAD + body)] == [
        ("Update the roadmap", dt.date(2026, 5, 15)),
        ("Follow up on Migrate CI", dt.date(2026, 5, 20)),
    ]


PLAIN_ACTIONS = """Core team meeting, 6 May 2026

ACTIONS
  Lee - measure the cache hit rate
  Dana & Sam - review the caching proposal
"""


def test_plain_text_lines_each_name_their_owners_before_a_dash(items_of: ItemsOf) -> None:
    items = items_of(PLAIN_ACTIONS, name="2026-05-06.txt")
    assert [(tuple(o.name for o in i.owners), i.task) for i in items] == [
        (("Lee Chen",), "Measure the cache hit rate"),
        (("Dana Whitfield", "Samuel Okafor"), "Review the caching proposal"),
    ]


def test_an_html_tables_item_quotes_its_own_words(items_of: ItemsOf) -> None:
    """A wiki's table is one line of tags: each item quotes its piece as read, not the whole line."""
    body = (
        "<table><tbody><tr><td><ol><li>Lee to share the inventory on Discord</li></ol></td></tr>"
        "<tr><td>2. Prototypes</td><td><ol><li>Dana &#x26; Sam to review the glossary</li></ol></td></tr>"
        "</tbody></table>\n"
    )
    items = items_of(HEAD + body)
    assert [(i.text, i.line) for i in items] == [
        ("Lee to share the inventory on Discord", 5),
        ("Dana & Sam to review the glossary", 5),
    ]


def test_a_nick_that_irc_prefixed_with_an_underscore_still_opens_a_line(items_of: ItemsOf) -> None:
    # IRC gives a second login of the same person "_lee" or "lee_": the line is still theirs alone.
    body = "16:32 priya: I'll send the announcement after the release\n16:32 _lee: prepend fix now?\n"
    items = items_of(body, name="infra.2026-05-06.log.txt")
    assert [(tuple(o.name for o in i.owners), i.task) for i in items] == [
        (("Priya Raman",), "Send the announcement")
    ]


def test_a_speakers_will_is_the_modal_though_someone_is_called_will(nlp: Language) -> None:
    # A working group's minutes: "Name: Will V" is the speaker's promise, with a Will in the roster.
    roster = Roster((Person("Will Okoro", None, ("Will",)), Person("Lena Park", None, ("Lena",))))
    body = "Lena: Will send email out to the list pointing to the PR.\n\nWill: +1\n"
    items = Extractor(nlp, roster).extract(parse_note("2026-05-06.md", body))
    assert [(tuple(o.name for o in i.owners), i.task) for i in items] == [
        (("Lena Park",), "Send email out to the list pointing to the PR")
    ]


def test_a_roster_spelling_written_as_a_handle_closes_a_task_as_a_handle(nlp: Language) -> None:
    # A spec group's "Tasks until next time": each box closed by the owner's @name, which the roster
    # lists as a spelling ("@Ciaran") since the login is another; "with @X" names no owner.
    roster = Roster(
        (Person("Ciara Byrne", "cbyrne", ("Ciara", "@Ciara")), Person("Jonas Berg", None, ("@Jonas",)))
    )
    body = (
        "# Tasks until next time\n\n- [ ] Update specs @Ciara\n- [ ] Reference implementation @Jonas\n"
        "- [ ] Follow up with @Ciara about the schema\n\n# Discussion\n\n- @Jonas: Agree with @Ciara.\n"
    )
    items = Extractor(nlp, roster).extract(parse_note("2026-05-06.md", body))
    assert [(tuple(o.name for o in i.owners), i.task) for i in items] == [
        (("Ciara Byrne",), "Update specs"),
        (("Jonas Berg",), "Reference implementation"),
    ]


def test_a_plain_text_action_mark_may_carry_its_bullet_star(items_of: ItemsOf) -> None:
    # A committee's e-mailed minutes: outline numbers, then "*ACTION Name:" lines, no blank lines.
    body = (
        "1.6 Review of action items (Chair)\n"
        " *ACTION Priya: Rework the repository layout for agendas.\n"
        " *ACTION Lee: Reach out to the vendors about the licence terms.\n"
        "1.7 Roll call\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(body, name="2026-05-06.txt")] == [
        (("Priya Raman",), "Rework the repository layout for agendas"),
        (("Lee Chen",), "Reach out to the vendors about the licence terms"),
    ]


def test_an_action_whose_status_below_it_says_done_is_not_an_item(items_of: ItemsOf) -> None:
    # A review of last meeting's actions, each status in a bullet under its action.
    body = (
        "## Review of action items\n\n"
        "* ACTION on Lee to add the roadmap review to the agenda\n  * COMPLETE\n"
        "* ACTION on Dana to keep pushing the registry listing\n  * ONGOING\n"
        "* ACTION on Sam to send the errata to the editors\n  * Done, merged in #41\n"
        "* ACTION on Priya to check with the registry team\n  * almost done??\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Dana Whitfield",), "Keep pushing the registry listing"),
        (("Priya Raman",), "Check with the registry team"),
    ]


def test_a_label_in_a_list_of_actions_that_tells_or_asks_gives_no_task(items_of: ItemsOf) -> None:
    # A standards committee's review of actions: speakers' bullets report, thank and ask there too.
    body = (
        "## 6.3 Review of Action Items (Chair)\n\n"
        "* Lee: reported the schema ordering bug in #571\n"
        "* Dana: Are there any further issues on the errata bundle.\n"
        "* Sam: Kindly asks to convey thanks to the editors for the release.\n"
        "* Lee: think that we are able to get the numbers from the monitoring\n"
        "* Priya: errata page for the second ballot\n"
    )
    assert [(tuple(o.name for o in i.owners), i.rule) for i in items_of(HEAD + body)] == [
        (("Priya Raman",), "label-in-actions")
    ]


@pytest.mark.parametrize(
    "body",
    [
        # A TSC's prose minutes: the promise, then what it is as a list.
        "Priya volunteered to do the following:\n\n- Update the README of each package\n"
        "- Archive each repository when the above is done\n",
        "- Priya will:\n  - Update the README of each package\n"
        "  - Archive each repository when the above is done\n",
    ],
)
def test_a_promise_ending_in_a_colon_owns_the_list_it_leads(items_of: ItemsOf, body: str) -> None:
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Priya Raman",), "Update the README of each package"),
        (("Priya Raman",), "Archive each repository"),
    ]


def test_a_speakers_line_opening_gonna_is_their_promise(items_of: ItemsOf) -> None:
    # A consortium's round of updates, written as said: "Gonna" opens the speaker's sentence.
    body = "- Lee: Desktop app is nearing a release. Gonna meet with the maintainers about the roadmap.\n"
    assert found(items_of, body) == [
        (("Lee Chen",), "Meet with the maintainers about the roadmap", "going-to")
    ]


def test_a_role_taken_on_for_a_later_meeting_is_a_promise(items_of: ItemsOf) -> None:
    # A database project's plain minutes: the chair is away, someone chairs the next call instead;
    # "Lee to scribe" is still a role in this meeting.
    body = "- Lee to scribe\n- Dana agreed to chair the next call.\n- Sam: I can facilitate next time.\n"
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Dana Whitfield",), "Chair the next call"),
        (("Samuel Okafor",), "Facilitate next time"),
    ]


def test_a_role_in_an_event_of_its_own_is_a_promise(items_of: ItemsOf) -> None:
    # A working group's Quarto minutes: hosting a hackathon is a task; hosting this call is not.
    body = (
        "- Priya & Dana volunteering to host a hackathon at the conference this week.\n"
        "- Lee will host the call.\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Priya Raman", "Dana Whitfield"), "Host a hackathon at the conference"),
    ]


def test_a_request_under_a_topic_of_its_own_is_the_owners_after_it(items_of: ItemsOf) -> None:
    # A standards working group's wiki minutes: a word or two of topic, a colon, the request, its
    # owner in bold brackets; a topic with only a name after it is who presents it.
    body = (
        "- Specification: complete by mid-Feb\n"
        "  - summary: add flow diagram (**Dana**)\n"
        "  - Replacement survey? (**Lee**)\n"
    )
    assert found(items_of, body) == [(("Dana Whitfield",), "Add flow diagram", "owner-after")]


def test_a_can_describing_a_thing_is_no_offer(items_of: ItemsOf) -> None:
    # A community's monthly notes in the third person: "a resource he can incorporate" says what the
    # survey is to him, and offers nothing of Dana's, whom the text before was about.
    body = (
        "Dana is drafting the survey.\n\n"
        "Lee: Wants to volunteer to help test the survey because he sees it as a resource he can "
        "incorporate into his practice.\n"
    )
    assert items_of(HEAD + body) == []


def test_a_name_to_a_verb_the_parser_lost_is_still_a_promise(items_of: ItemsOf) -> None:
    # A community group's and a sync's minutes: a second "X to V" read as a clause of the first, a
    # verb read as a clause of what follows it, after a topic and its dashes, or as an adjective.
    body = (
        "- Lee to update the repo with the status, and Dana to update the tracking issue.\n"
        "- Sam to change, it should not require the host to be present.\n"
        "- #153 - linking in the docs - more controversial than expected - Priya to close and split it\n"
        "- TomG and Daniel to Present API design for embedded (see issue 4)\n"
        "- logging: Dana to check fluentd, how can it integrate with the journal\n"
    )
    assert [(tuple(o.name for o in i.owners), i.rule) for i in items_of(HEAD + body)] == [
        (("Lee Chen",), "to"),
        (("Dana Whitfield",), "to"),
        (("Samuel Okafor",), "to"),
        (("Priya Raman",), "to"),
        (("Tom Garcia", "Daniel Brooks"), "to"),
        (("Dana Whitfield",), "to"),
    ]


def test_names_ending_a_list_before_to_are_not_its_owners(items_of: ItemsOf) -> None:
    # A core developers' call: whom to follow up with are not who follows up; nor is a capitalised
    # past tense a person.
    body = (
        "- Sam to follow up with Open Ethereum, Lee, and Dana to discuss the EIP after this call\n"
        "- Went to last call a long time ago, parked it.\n"
    )
    assert [(tuple(o.name for o in i.owners), i.rule) for i in items_of(HEAD + body)] == [
        (("Samuel Okafor",), "to")
    ]


def test_he_after_a_label_that_leaves_its_subject_out_is_the_labels(items_of: ItemsOf) -> None:
    # A steering committee's minutes told in the third person: "Lee: Says he will ..." is Lee's
    # promise, not that of Dana, whom the paragraph before was about.
    body = (
        "Dana is drafting the plan.\n\nLee: Says he will be deleting everything and starting from scratch.\n"
    )
    assert [(tuple(o.name for o in i.owners), i.rule) for i in items_of(HEAD + body)] == [
        (("Lee Chen",), "will")
    ]


def test_another_persons_to_v_is_no_part_of_a_title(items_of: ItemsOf) -> None:
    # A community group's minutes: the parser hangs Dana's "to update" on Lee's promise; whom a
    # session is for stays in its title.
    body = (
        "- Lee to update the repo with the status, and Dana to update the tracking issue.\n"
        "- Sam will set up a session for Priya, Lee, and Dana to draft a policy\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)][:3] == [
        (("Lee Chen",), "Update the repo with the status"),
        (("Dana Whitfield",), "Update the tracking issue"),
        (("Samuel Okafor",), "Set up a session for Priya and Lee and Dana to draft a policy"),
    ]


def test_a_name_and_comma_after_an_action_mark_is_who_promises(items_of: ItemsOf) -> None:
    # A special interest group's plain minutes: the mark, the owner and a comma, then "will".
    body = "TODO: Lee, will submit a PR for the MIT license.\n"
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Lee Chen",), "Submit a PR for the MIT license")
    ]


def test_a_summarys_subjectless_offer_is_whose_points_it_lists(items_of: ItemsOf) -> None:
    # A meeting assistant's summary: each speaker's bold name over what they said, the subject left
    # out; what they offered or promised to do is theirs, what they did or said is not. In a
    # contributor meeting's minutes, a subjectless "Agreed to ..." is what the meeting decided.
    body = (
        "## Meeting notes\n\n- **Lee Chen**\n  - Shared experience with migrating the SDK.\n"
        "  - Offered to help with writing integration tests for the client.\n"
        "- **Dana Whitfield**\n  - Promised to coordinate with Lee on further testing.\n"
        "\n## Release sync\n\n- Sam: the next sync should be on a Tuesday.\n"
        "- Agreed to schedule it on Tuesday May 18 at this call.\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Lee Chen",), "Help with writing integration tests for the client"),
        (("Dana Whitfield",), "Coordinate with Lee on further testing"),
    ]


def test_reported_promises_through_a_relative_clause_and_a_shared_they(items_of: ItemsOf) -> None:
    # A coalition's committee minutes, in reported speech: a "which" deep in the object is no
    # question about the task; "they" after two people's words is both of them, after one person's
    # or a group's it may be anyone; "asked what" still asks.
    body = (
        "Dana confirmed that she would add the event list to the shared drive, which Lee noted is also "
        "on the website.\n\nLee and Sam said that they would draft a position paper on agent security.\n\n"
        "Priya noted that they will ship the fix.\n\nTomL asked what Daniel will work on next.\n\n"
        "Dana: Lee & I posted some feedback - and the requester said they would work on it.\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Dana Whitfield",), "Add the event list to the shared drive"),
        (("Lee Chen", "Samuel Okafor"), "Draft a position paper on agent security"),
    ]


def test_who_will_take_a_later_role_answered_by_a_name_is_theirs(items_of: ItemsOf) -> None:
    # A storage project's meeting template: the roles of the next meeting asked, the name after the
    # question in brackets or after a dash. This meeting's own note taker is a role, not a task.
    body = (
        "## Host\n\n* Who will host next meeting? [Sam]\n"
        "* Who will take notes for the next meeting? - Dana Whitfield\n"
        "* Who will take notes? [Lee]\n\n## Sprint\n\n* Who can make it? (TomL, Priya)\n"
    )
    # "Who can make it?" asks who is free, not who will do something (an image library's call).
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Samuel Okafor",), "Host next meeting"),
        (("Dana Whitfield",), "Take notes for the next meeting"),
    ]


def test_a_chat_copy_with_twelve_hour_stamps_is_read_line_by_line(items_of: ItemsOf) -> None:
    # A community group's telecon, copied from a chat client: "11:22 AM" before each line, no blank
    # lines. Each line is its own utterance; a plan that "was going to" happen is no promise.
    body = (
        "## Popup naming\n\n11:21 AM <Sam> we need a name for the popup\n"
        "11:22 AM Lee: was actually going to ask about that, text-only is fine by me\n"
        "11:23 AM Priya: I will open an issue for the popup naming.\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Priya Raman",), "Open an issue for the popup naming"),
    ]


def test_what_a_note_writes_as_code_is_no_handle(items_of: ItemsOf) -> None:
    # A query language's working group: "@defer" is a directive, written as code in the agenda and
    # bare in a heading; a handle no one writes as code is still someone the roster lacks.
    body = (
        "## Agenda\n\n1. `@defer`/`@stream` (15m, Lee)\n\n## @defer and @stream\n\n"
        "- I'm going to present it at some meetups.\n- @rkumar will draft the examples.\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("rkumar",), "Draft the examples"),
    ]


def test_what_a_transcript_says_of_the_call_itself_is_no_task(items_of: ItemsOf) -> None:
    # A blockchain network's call transcript: the host ends the recording, remarks "I'll note that",
    # someone will present later in this meeting; a later meeting's presentation is still a task, in
    # the working group's minutes too ("in the following session").
    body = (
        "## Transcript\n\nLee: Other thing, I will note that the docs are moving to a new site. "
        "Dana, who would present her background later in the meeting, joined. "
        "I am going to end the recording.\n\nSam will present the roadmap at the next meeting.\n\n"
        "Priya will suggest to the team that Dana gives the intro.\n\n"
        "*Swap options*: Lee to present an example of the JSON output in the following session.\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Samuel Okafor",), "Present the roadmap"),
        (("Priya Raman",), "Suggest to the team that Dana gives the intro"),
        (("Lee Chen",), "Present an example of the JSON output"),
    ]


def test_a_todo_mark_and_a_name_after_the_task_assign_it(items_of: ItemsOf) -> None:
    # A local chapter's board minutes: the task, an arrow-like ">" or a dash, then "todo" and whose.
    body = (
        "## Events\n\n- Road mapping workshop at the hub > todo Dana\n"
        "- update the wiki page - TODO Lee\n- we need an action plan for the sprint\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Dana Whitfield",), "Road mapping workshop at the hub"),
        (("Lee Chen",), "Update the wiki page"),
    ]


def test_a_speakers_i_will_argue_that_is_said_in_the_meeting(items_of: ItemsOf) -> None:
    # A protocol working group's session minutes: what the speaker is about to say is no task.
    body = (
        "## Migration\n\nLee: The use cases matter -- I'll argue that this is needed.\n\n"
        "Dana: I'm going to suggest we shift this to the PR authors.\n\nSam: I'll file the issue.\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Samuel Okafor",), "File the issue about Migration"),
    ]


def test_an_action_mark_keeps_its_request_when_another_promise_is_inside(items_of: ItemsOf) -> None:
    # A cloud stack's SIG minutes: "AI @login:" marks a request, also after a comma mid-line; a
    # promise inside it in brackets is another person's item, not the request's.
    body = (
        "## Housekeeping\n\n- The call on March 23rd is skipped, AI @leechen: remove the calendar item\n"
        "- AI @sokafor: open a tracking issue for the backports (Dana will send a table of PRs)\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Lee Chen",), "Remove the calendar item"),
        (("Samuel Okafor",), "Open a tracking issue for the backports"),
        (("Dana Whitfield",), "Send a table of PRs"),
    ]


def test_a_list_under_a_bold_action_heading_that_runs_on_is_a_list_of_actions(items_of: ItemsOf) -> None:
    # A storage project's weekly minutes: the bold heading, with no blank line, the owner's name
    # and a colon, then the owner's tasks as a list.
    body = (
        "Notes of the call.\n\n**ACTION ITEMS/RESOLUTIONS:**  \nDana:\n"
        "- Create list of successor tasks\n- Raise the billing limit for Lee\n"
    )
    assert [(tuple(o.name for o in i.owners), i.task) for i in items_of(HEAD + body)] == [
        (("Dana Whitfield",), "Create list of successor tasks"),
        (("Dana Whitfield",), "Raise the billing limit for Lee"),
    ]
