"""A meeting's agenda issue on the tracker: found again by its marker among the bot's issues, opened
or refreshed, the earlier meetings' agenda issues closed once it is open, and the notices sent from
it recorded in it, so each channel has each notice once however often the bot runs, and wherever;
and what a reminder did, which the CLI prints and the daemon logs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from bot import notify
from bot.channels import Channel
from bot.followup import agenda
from bot.followup.meetings import NextMeeting
from bot.issues import Issue, NewIssue, Tracker, TrackerError
from bot.notify import Delivery, Notice

# What happened to the agenda issue; a dry run says what a run would do.
PostOutcome = Literal["created", "updated", "unchanged", "would create", "would update"]


@dataclass(frozen=True)
class Posted:
    outcome: PostOutcome
    issue: Issue | None
    body: str
    closed: tuple[Issue, ...] = ()  # earlier meetings' agenda issues closed in this run


@dataclass(frozen=True)
class Notified:
    deliveries: tuple[Delivery, ...] = ()
    pending: tuple[Channel, ...] = ()  # not sent yet: in a dry run, what a run would send
    unrecorded: str | None = None  # why the agenda issue could not record the sending, if it could not


# The agenda issue's outcome, or why there was none to post.
RemindOutcome = PostOutcome | Literal["not due", "no meeting"]


@dataclass(frozen=True)
class Reminder:
    """What a reminder (remind, or report --notify) did with the agenda issue and the channels."""

    outcome: RemindOutcome
    meeting: NextMeeting | None = None
    issue: Issue | None = None
    body: str = ""
    closed: tuple[Issue, ...] = ()  # earlier agenda issues closed as this one opened
    notified: Notified = field(default_factory=Notified)
    due_at: dt.datetime | None = None  # when the next reminder is due, where the cadence tells


# Recording what was sent is the same body written again, so trying again cannot do it twice; and
# not recording it means the next run sends the notice again.
RECORD_TRIES = 3


def post(
    tracker: Tracker,
    repo: str,
    meeting: NextMeeting,
    title: str,
    label: str,
    body_for: Callable[[agenda.Sent], str],
    dry_run: bool,
) -> Posted:
    login = tracker.login()
    ours = [i for i in tracker.issues(repo) if i.author == login and agenda.meeting_of(i)]
    date = meeting.date.isoformat()
    posted = next((i for i in ours if agenda.meeting_of(i) == date), None)
    body = body_for(agenda.sent_of(posted))
    if posted is not None:
        body = agenda.merged(posted.body, body)  # what people added around the bot's part stays
    if posted is None:
        if dry_run:
            return Posted("would create", None, body)
        outcome: PostOutcome = "created"
        posted = tracker.create_issue(NewIssue(repo, title, body, (label,)))
    elif posted.body == body:
        outcome = "unchanged"
    elif dry_run:
        return Posted("would update", posted, body)
    else:
        posted, outcome = tracker.edit_body(posted, body), "updated"
    # Every run, not only the one that opens the issue: a run stopped in between closes them next time.
    earlier = [i for i in ours if i.state == "open" and str(agenda.meeting_of(i)) < date]
    closed = tuple(tracker.close(issue, "completed") for issue in earlier)
    return Posted(outcome, posted, body, closed)


def notify_once(
    tracker: Tracker,
    posted: Posted,
    meeting: NextMeeting,
    kind: str,
    notice: Notice,
    channels: Iterable[Channel],
    environ: Mapping[str, str],
    dry_run: bool,
    deadline: float = notify.SEND_SECONDS,
) -> Notified:
    """Send `notice` to the channels that have not had this kind of notice for this meeting, and
    record the ones it reached. A channel that fails stays unrecorded: the next run tries it again."""
    issue = posted.issue
    sent = agenda.sent_of(issue)
    pending = tuple(c for c in channels if c.key not in sent.get(kind, ()))
    if dry_run or issue is None or not pending:
        return Notified(pending=pending)
    deliveries = tuple(notify.deliver(notice, pending, environ, deadline))
    failed = tuple(d.channel for d in deliveries if not d.sent)
    reached = tuple(d.channel.key for d in deliveries if d.sent)
    if not reached:
        return Notified(deliveries, failed)
    recorded = agenda.with_sent(issue.body, meeting, {**sent, kind: sent.get(kind, ()) + reached})
    error: TrackerError | None = None
    for _ in range(RECORD_TRIES):
        try:
            tracker.edit_body(issue, recorded)
            return Notified(deliveries, failed)
        except TrackerError as failure:
            error = failure
    return Notified(deliveries, failed, unrecorded=str(error))
