"""The overview page without a browser: its model from plain values, its charts, its HTML, and what
building it costs against the GitHub emulator."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import itertools
import math
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.action_item import ActionItem, Owner
from bot.commands import site, status
from bot.followup import checklist
from bot.issues import Issue
from bot.overview import charts, page
from bot.overview.content import CLOSED, NOT_SYNCED, OPEN, Overview, OwnerLoad, TrendPoint, overview
from bot.syncplan.links import NoteLinks
from bot.wiring import make_tracker
from tests import clibed
from tests.github_emulator import GitHubEmulator
from tests.syncbed import (
    FIVE_ITEMS,
    RAISED_AGAIN,
    REPO,
    extract,
    make_config,
    seed_busy_repository,
    sync,
    token,
)

FIRST, SECOND, THIRD, NEXT = (
    dt.date(2026, 5, 6),
    dt.date(2026, 5, 20),
    dt.date(2026, 6, 3),
    dt.date(2026, 6, 17),
)
TODAY = dt.date(2026, 6, 10)
LINKS = NoteLinks(root=Path("/notes-repo"), repo="team/notes", ref="main")
OKABE_ITO = {"#0072B2", "#009E73", "#D55E00"}


def item(
    key: str, day: dt.date, owners: tuple[str, ...], task: str, due: dt.date | None = None
) -> ActionItem:
    return ActionItem(
        id=key,
        note=f"notes/{day.isoformat()}.md",
        meeting_date=day,
        line=7,
        text=f"{' and '.join(owners)} will {task.lower()}.",
        owners=tuple(Owner(name) for name in owners),
        task=task,
        due=due,
        section="Build",
    )


def issue(number: int, closed: dt.date | None = None) -> Issue:
    return Issue(
        repo="team/notes",
        number=number,
        title=f"Issue {number}",
        body="",
        state="closed" if closed else "open",
        author="bot",
        url=f"https://github.com/team/notes/issues/{number}",
        closed_at=dt.datetime.combine(closed, dt.time(12), dt.UTC) if closed else None,
    )


# Three meetings. a: overdue, carried over twice. b: closed before the previous meeting (gone from the
# report, kept in the history). c: two owners. d: closed since the previous meeting. e: not synced.
# a2: a later mention folded into a's issue, never a second item.
ITEMS = [
    item("a", FIRST, ("Priya Raman",), "Rotate the signing key", due=dt.date(2026, 5, 10)),
    item("b", FIRST, ("Samuel Okafor",), "Update the changelog"),
    item("c", SECOND, ("Lee Chen", "Priya Raman"), "Write the FAQ"),
    item("d", SECOND, ("Samuel Okafor",), "Tag the release"),
    item("e", THIRD, ("Lee Chen",), "Proofread the FAQ"),
    item("a2", THIRD, ("Priya Raman",), "Rotate the signing key"),
]
ISSUES = {
    "a": issue(1),
    "a2": issue(1),
    "b": issue(2, closed=dt.date(2026, 5, 15)),
    "c": issue(3),
    "d": issue(4, closed=dt.date(2026, 6, 5)),
}
DATES = [FIRST, SECOND, THIRD]


def the_page(items: list[ActionItem] = ITEMS, issues: dict[str, Issue] = ISSUES) -> Overview:
    history = checklist.statuses(NEXT, items, DATES, issues, {})
    follow_up = checklist.follow_up(NEXT, DATES, history)
    return overview("Moorhen", follow_up, history, DATES, TODAY, LINKS, "team/notes")


# -- the model -----------------------------------------------------------------------------------


def test_the_figures_are_the_reports() -> None:
    shown = the_page()
    listed = checklist.as_json(
        checklist.follow_up(NEXT, DATES, checklist.statuses(NEXT, ITEMS, DATES, ISSUES, {}))
    )["items"]
    assert sorted(i["id"] for i in listed) == list("acde")
    assert shown.counts.items == len(listed) == 4
    assert shown.counts.open == sum(i["state"] != "closed" for i in listed) == 3
    assert shown.counts.overdue == sum(i["overdue"] for i in listed) == 1
    assert shown.counts.closed == sum(i["state"] == "closed" for i in listed) == 1
    assert shown.counts.carried_over == sum(i["carried_over"] > 0 and i["state"] != "closed" for i in listed)
    assert shown.counts.carried_over == 2
    assert {i.id for i in shown.open_items} == {"a", "c", "e"}


def test_open_items_by_owner_count_a_shared_item_for_each_owner() -> None:
    assert the_page().owners == (OwnerLoad("Priya Raman", 2, 1), OwnerLoad("Lee Chen", 2, 0))


def test_each_item_has_its_age_in_meetings_and_days_and_its_links() -> None:
    by_id = {i.id: i for i in the_page().meetings[0].items + the_page().meetings[2].items}
    rotate = by_id["a"]
    assert (rotate.carried_over, rotate.age_days, rotate.overdue, rotate.state) == (2, 35, True, OPEN)
    assert rotate.issue is not None and rotate.issue.label == "#1"
    assert rotate.issue.url == "https://github.com/team/notes/issues/1"
    assert rotate.note.url == "https://github.com/team/notes/blob/main/notes/2026-05-06.md#L7"
    changelog = by_id["b"]
    assert (changelog.state, changelog.closed_on, changelog.age_days) == (CLOSED, dt.date(2026, 5, 15), 9)
    proofread = by_id["e"]
    assert (proofread.state, proofread.issue, proofread.carried_over, proofread.age_days) == (
        NOT_SYNCED,
        None,
        0,
        7,
    )


def test_an_issue_in_another_repository_is_named_with_it_and_a_local_issue_has_no_url() -> None:
    elsewhere = {**ISSUES, "c": Issue(**{**ISSUES["c"].__dict__, "repo": "team/docs"})}
    local = {**ISSUES, "a": Issue(**{**ISSUES["a"].__dict__, "url": "team/notes#1"})}
    moved = {i.id: i for i in the_page(issues=elsewhere).open_items}["c"]
    assert moved.issue is not None and moved.issue.label == "team/docs#3"
    rotate = {i.id: i for i in the_page(issues=local).open_items}["a"]
    assert rotate.issue is not None and rotate.issue.url is None


def test_slipping_lists_the_most_carried_over_first() -> None:
    assert [i.id for i in the_page().slipping] == ["a", "c"]


def test_the_trend_counts_promised_and_closed_after_each_meeting_and_now() -> None:
    assert [(p.day, p.now, p.promised, p.closed, p.open) for p in the_page().trend] == [
        (FIRST, False, 2, 0, 2),
        (SECOND, False, 4, 1, 3),  # b closed on 15 May
        (THIRD, False, 5, 1, 4),  # d closes on 5 June, after this meeting
        (TODAY, True, 5, 2, 3),
    ]


def test_each_meeting_shows_what_it_promised_newest_first() -> None:
    meetings = the_page().meetings
    assert [(m.day, [i.id for i in m.items], m.closed, m.overdue) for m in meetings] == [
        (THIRD, ["e"], 0, 0),
        (SECOND, ["c", "d"], 1, 0),
        (FIRST, ["a", "b"], 1, 1),
    ]
    assert the_page().people == ("Lee Chen", "Priya Raman", "Samuel Okafor")


# -- the charts ----------------------------------------------------------------------------------


def svg(text: str) -> ET.Element:
    return ET.fromstring(text)


def texts(root: ET.Element) -> list[str]:
    return [e.text or "" for e in root.iter("{http://www.w3.org/2000/svg}text")]


def colours(root: ET.Element) -> set[str]:
    found = {e.get(name, "") for e in root.iter() for name in ("fill", "stroke")}
    return {c.upper() for c in found if c.startswith("#")} - {
        "#FFFFFF",
        charts.INK.upper(),
        charts.GRID.upper(),
    }


@pytest.mark.parametrize("chart", ["owners", "trend"])
def test_a_chart_is_an_image_with_a_title_and_a_description(chart: str) -> None:
    shown = the_page()
    drawn = svg(charts.owner_bars(shown.owners) if chart == "owners" else charts.trend_lines(shown.trend))
    ns = "{http://www.w3.org/2000/svg}"
    assert drawn.get("role") == "img"
    assert drawn.get("aria-labelledby") == f"{chart}-title {chart}-desc"
    title = drawn.find(f"{ns}title")
    assert title is not None and title.get("id") == f"{chart}-title"
    description = drawn.find(f"{ns}desc")
    assert description is not None and description.get("id") == f"{chart}-desc" and description.text


def test_the_owner_bars_write_their_numbers_and_hatch_the_overdue_part() -> None:
    drawn = svg(charts.owner_bars(the_page().owners))
    assert {"Priya Raman", "2 open, 1 overdue", "Lee Chen", "2 open"} <= set(texts(drawn))
    bars = {
        g.get("data-owner"): g for g in drawn.iter("{http://www.w3.org/2000/svg}g") if g.get("data-owner")
    }
    hatched = {name for name, g in bars.items() if any(r.get("class") == "hatch" for r in g)}
    assert hatched == {"Priya Raman"}
    tooltips = {name: g.findtext("{http://www.w3.org/2000/svg}title") for name, g in bars.items()}
    assert tooltips == {"Priya Raman": "Priya Raman: 2 open, 1 overdue", "Lee Chen": "Lee Chen: 2 open"}
    assert colours(drawn) <= OKABE_ITO


def test_the_owner_bars_are_as_long_as_the_counts() -> None:
    loads = (OwnerLoad("A", 6, 0), OwnerLoad("B", 3, 3), OwnerLoad("C", 1, 0))
    drawn = svg(charts.owner_bars(loads))
    width: dict[str, float] = {}
    for group in drawn.iter("{http://www.w3.org/2000/svg}g"):
        if group.get("data-owner"):
            filled = [r for r in group if r.get("class") in ("bar-open", "bar-overdue")]
            width[group.get("data-owner", "")] = sum(float(r.get("width", "0")) for r in filled)
    assert width["A"] == pytest.approx(2 * width["B"], abs=0.3)
    assert width["B"] == pytest.approx(3 * width["C"], abs=0.3)


def test_the_trend_lines_differ_by_colour_dash_and_marker_and_are_labelled_at_their_ends() -> None:
    drawn = svg(charts.trend_lines(the_page().trend))
    ns = "{http://www.w3.org/2000/svg}"
    lines = list(drawn.iter(f"{ns}polyline"))
    assert len(lines) == 3
    assert len({(line.get("stroke"), line.get("stroke-dasharray")) for line in lines}) == 3
    assert len({line.get("stroke-dasharray") for line in lines}) == 3
    assert all(len(line.get("points", "").split()) == 4 for line in lines)
    assert {"Promised 5", "Closed 2", "Open 3", "today", "6 May 2026"} <= set(texts(drawn))
    marks = {g.get("class"): {m.tag for m in g if m.get("class") == "mark"} for g in drawn.iter(f"{ns}g")}
    assert [marks[f"series line-{name}"] for name in ("promised", "closed", "open")] == [
        {f"{ns}circle"},
        {f"{ns}rect"},
        {f"{ns}polygon"},
    ]
    assert colours(drawn) <= OKABE_ITO | {c.upper() for c in charts.TEXT_OF.values()}


def test_end_labels_that_would_overlap_are_moved_apart() -> None:
    close = (TrendPoint(FIRST, False, 40, 1), TrendPoint(SECOND, False, 41, 2))  # open 39, promised 41
    drawn = svg(charts.trend_lines(close))
    ys = sorted(
        float(t.get("y", "0"))
        for t in drawn.iter("{http://www.w3.org/2000/svg}text")
        if "end-label" in (t.get("class") or "")
    )
    assert len(ys) == 3 and all(b - a >= 14.9 for a, b in itertools.pairwise(ys))


def test_charts_of_nothing_say_so() -> None:
    assert "No open action items." in texts(svg(charts.owner_bars(())))
    assert "No meetings yet." in texts(svg(charts.trend_lines(())))


# -- the HTML ------------------------------------------------------------------------------------


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: dict[str, str] = {}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = tag

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open in ("script", "style"):
            self.data[self._open] = self.data.get(self._open, "") + data


def parsed(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def test_note_text_cannot_inject_markup_or_script() -> None:
    hostile = item("x", THIRD, ('Eve "><img src=x onerror=alert(1)>',), "<script>alert(1)</script> now")
    html = page.render(the_page(items=[*ITEMS, hostile]))
    tags = parsed(html)
    assert [t for t, _ in tags.tags if t in ("script", "img", "iframe", "link")] == ["script"]
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not [attrs for _, attrs in tags.tags if any(name.startswith("on") for name in attrs)]


def test_the_page_loads_nothing_and_allows_only_its_own_style_and_script() -> None:
    html = page.render(the_page())
    tags = parsed(html)
    policy = next(
        a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy is not None and "default-src 'none'" in policy

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"script-src {digest(tags.data['script'])}" in policy
    assert f"style-src {digest(tags.data['style'])}" in policy
    assert not [a for _, a in tags.tags if "src" in a]  # no image, script or frame from anywhere
    links = [href for t, a in tags.tags if t == "a" and (href := a.get("href"))]
    assert all(h.startswith(("#", "https://github.com/team/notes/")) for h in links), links


def test_every_item_row_carries_what_the_filters_read() -> None:
    tags = parsed(page.render(the_page()))
    rows = [a for _, a in tags.tags if "data-item" in a]
    assert {r["data-item"] for r in rows} == {"a", "b", "c", "d", "e"}
    assert {r["data-state"] for r in rows} == {"open", "closed", "not synced"}
    assert all(r["data-overdue"] in ("true", "false") for r in rows)
    assert {r["data-owners"] for r in rows if r["data-item"] == "c"} == {'["Lee Chen", "Priya Raman"]'}
    selects = {a["id"]: a for t, a in tags.tags if t == "select"}
    labels = {a.get("for") for t, a in tags.tags if t == "label"}
    assert set(selects) == {"owner-filter", "state-filter"} and set(selects) <= labels
    owners = [a["value"] for t, a in tags.tags if t == "option"][:4]
    assert owners == ["", "Lee Chen", "Priya Raman", "Samuel Okafor"]


# -- the edge: one listing, whatever the items -----------------------------------------------------


@pytest.fixture
def emu(github_emulator: GitHubEmulator) -> GitHubEmulator:
    github_emulator.add_repo(REPO, collaborators=["priyar", "sokafor", "leechen", "olga"])
    return github_emulator


def test_the_page_costs_one_listing_and_no_request_per_item(emu: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text(FIVE_ITEMS, encoding="utf-8")
    (notes / "2026-05-20.md").write_text(RAISED_AGAIN, encoding="utf-8")
    config = make_config(emu, tmp_path / "state")
    extraction = extract(config, notes)
    assert sync(emu, config, extraction, tmp_path).error is None
    seed_busy_repository(emu, bot_issues=250, other_issues=0)  # the listing takes three pages
    opened = [i for i in emu.issues(REPO) if i.user.login == emu.login][:5]
    for closed in opened[:3]:
        emu.close_issue(REPO, closed.number, as_user="priyar")
    emu.reset_log()

    now = dt.datetime.now(dt.UTC)
    with token(emu):
        shown = site.build(config, extraction, make_tracker(config), NEXT, now, tmp_path)

    listing = f"/repos/{REPO}/issues"
    assert [(r.method, r.canonical_path) for r in emu.requests] == [("GET", "/user")] + [("GET", listing)] * 3
    assert math.ceil((len(emu.issues(REPO))) / 100) == 3
    closed_items = [i for m in shown.meetings for i in m.items if i.state == CLOSED]
    assert len(closed_items) == 3
    emu.assert_healthy()

    # The report, by contrast, reads who closed each closed issue it shows: the page must not.
    emu.reset_log()
    with token(emu):
        status.follow_up(config, extraction, make_tracker(config), NEXT, tmp_path)
    assert len(emu.requests) > 4


def test_the_page_is_written_as_one_file(tmp_path: Path) -> None:
    written = site.write(tmp_path / "site", page.render(the_page()))
    assert written == tmp_path / "site" / "index.html"
    assert re.search(r"<dd data-count=\"open\">3</dd>", written.read_text(encoding="utf-8"))


# -- the command ---------------------------------------------------------------------------------


def site_command(workspace: Path, *args: str) -> clibed.Ran:
    notes = workspace / "notes"
    notes.mkdir(exist_ok=True)
    (notes / "2026-05-06.md").write_text(FIVE_ITEMS, encoding="utf-8")
    (notes / "broken.md").write_text("---\ntitle: [oops\n---\nLee will write.\n", encoding="utf-8")
    (workspace / "actionbot.yaml").write_text(
        "people:\n  - {name: Lee Chen, github: leechen, aliases: [Lee]}\n", encoding="utf-8"
    )
    return clibed.actionbot("site", *args, "notes", "--now", "2026-05-10T12:00", cwd=workspace)


def test_a_bad_note_is_one_error_line_and_the_page_is_still_written(tmp_path: Path) -> None:
    run = site_command(tmp_path, "out")
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "broken.md" in errors[0]
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    # The good note's items: Lee's, and those of Priya and Olga, whom the config does not list.
    assert '<dd data-count="open">3</dd>' in html and "Write the FAQ" in html
    assert "Written to out/index.html" in run.stdout


def test_a_page_that_cannot_be_written_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file, not a folder", encoding="utf-8")
    run = site_command(tmp_path, "out")
    assert run.returncode == 2
    assert run.stderr.splitlines()[0].startswith("error: out: cannot write the page")


def test_open_shows_inside_promised_while_nothing_is_closed() -> None:
    """Until something closes, Open equals Promised: Promised is drawn first, as a wide pale band
    with rings wider than Open's triangles, so both lines and both marks stay in sight."""
    nothing_closed = (TrendPoint(FIRST, False, 3, 0), TrendPoint(SECOND, False, 5, 0))
    drawn = svg(charts.trend_lines(nothing_closed))
    ns = "{http://www.w3.org/2000/svg}"
    groups = [g for g in drawn.iter(f"{ns}g") if (g.get("class") or "").startswith("series")]
    assert [g.get("class") for g in groups] == [
        "series line-promised",
        "series line-closed",
        "series line-open",
    ]
    promised, open_ = (next(g.iter(f"{ns}polyline")) for g in (groups[0], groups[2]))
    assert promised.get("points") == open_.get("points")  # the same values, the same place
    assert float(promised.get("stroke-width", "0")) > 2 * float(open_.get("stroke-width", "0"))
    assert float(promised.get("stroke-opacity", "1")) < 0.5
    rings = [m for m in groups[0] if m.get("class") == "mark"]
    assert all(m.get("fill") == "none" and float(m.get("r", "0")) > 5.5 for m in rings)  # a triangle is 5.5
