"""The overview page in a real browser: headless Chromium driven by playwright, on
the page built by `actionbot site` from examples/notes after `actionbot sync`, with a few issues
closed in the local tracker.

A machine without Chromium gets one first (tests/browserbed.py); where none can be installed these
tests fail, saying what was tried: a page nobody has loaded is not tested.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, expect, sync_playwright

from bot.trackers.local import LocalTracker
from tests import clibed
from tests.browserbed import (
    CHROMIUM_ARGS,
    CHROMIUM_ENV,
    ChromiumMissing,
    Installer,
    chromium,
    find_chromium,
    installers,
    obtain_chromium,
)

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-03-25T12:00:00+00:00"  # a week after the last example meeting
# Issues closed by people, by number, and when: one before the 18 March meeting (gone from the
# report), two after it (in the report as closed since the previous meeting).
CLOSED = {3: dt.datetime(2026, 2, 20, 9, tzinfo=dt.UTC), 16: dt.datetime(2026, 3, 20, 9, tzinfo=dt.UTC)}
CLOSED[2] = dt.datetime(2026, 3, 21, 9, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Built:
    page: Path
    report: dict[str, Any]  # `actionbot report --format json` for the same time


def actionbot(workspace: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    done = clibed.actionbot(*args, cwd=workspace, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    workspace = tmp_path_factory.mktemp("workspace")
    shutil.copytree(ROOT / "examples", workspace / "examples")
    config = ("-c", "examples/config.yaml")
    actionbot(workspace, "sync", "examples/notes", *config)
    tracker = workspace / ".actionbot" / "tracker.sqlite"
    issues = {issue.number: issue for issue in LocalTracker(tracker).issues("local/notes")}
    for number, when in CLOSED.items():
        LocalTracker(tracker, now=when).close(issues[number], "completed")
    said = actionbot(workspace, "site", "site", "examples/notes", *config, "--now", NOW)
    assert "Written to site/index.html" in said
    report = json.loads(
        actionbot(workspace, "report", "examples/notes", *config, "--format", "json", "--now", NOW)
    )
    return Built(workspace / "site" / "index.html", report)


@pytest.mark.browser
def test_chromium_is_found_or_installed() -> None:
    """Fails, rather than skips, where the browser tests cannot run, saying what was tried."""
    try:
        chromium()
    except ChromiumMissing as missing:
        pytest.fail(str(missing), pytrace=False)


def fake_chromium(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    binary = folder / "chromium"
    binary.write_text("#!/bin/sh\n", encoding="utf-8")
    binary.chmod(0o755)
    return binary


def test_chromium_is_looked_for_in_order(tmp_path: Path) -> None:
    named, on_path, own = (fake_chromium(tmp_path / d) for d in ("named", "bin", "own"))
    path = str(on_path.parent)
    assert find_chromium({CHROMIUM_ENV: str(named), "PATH": path}, own) == named
    assert find_chromium({"PATH": path}, own) == on_path
    assert find_chromium({"PATH": str(tmp_path / "empty")}, own) == own
    with pytest.raises(ChromiumMissing, match=f"\\${CHROMIUM_ENV} names .*nothing, which is not"):
        find_chromium({CHROMIUM_ENV: str(tmp_path / "nothing"), "PATH": path}, own)
    with pytest.raises(ChromiumMissing, match="none of chromium, chromium-browser is on the PATH"):
        find_chromium({"PATH": str(tmp_path / "empty")}, tmp_path / "no-download")


def test_a_missing_chromium_is_installed_the_first_way_that_works(tmp_path: Path) -> None:
    folder = tmp_path / "bin"

    def find() -> Path:
        return find_chromium({"PATH": str(folder)})

    install = f"mkdir -p {folder} && printf '#!/bin/sh\\n' > {folder}/chromium && chmod +x {folder}/chromium"
    ways = [
        Installer("playwright", ["sh", "-c", "echo 'Error: Failed to download Chrome' >&2; exit 1"]),
        Installer("does-nothing", ["true"]),
        Installer("apt-get", ["sh", "-c", install]),
        Installer("never-tried", ["sh", "-c", f"touch {tmp_path}/tried"]),
    ]
    said: list[str] = []
    assert obtain_chromium(find, ways, said.append) == folder / "chromium"
    assert [line.split(" (")[0] for line in said] == [
        "Chromium for the page tests: trying playwright",
        "Chromium for the page tests: trying does-nothing",
        "Chromium for the page tests: trying apt-get",
    ]
    assert not (tmp_path / "tried").exists()


def test_without_any_way_to_install_it_says_what_was_tried_and_what_is_missing(tmp_path: Path) -> None:
    ways = [
        Installer("playwright", ["sh", "-c", "echo 'Error: Failed to download Chrome' >&2; exit 1"]),
        Installer(
            "apt-get", ["sh", "-c", "echo 'Reading package lists...'; echo 'E: no chromium' >&2; exit 100"]
        ),
    ]
    with pytest.raises(ChromiumMissing) as missing:
        obtain_chromium(lambda: find_chromium({"PATH": str(tmp_path)}), ways, lambda _: None)
    assert str(missing.value) == (
        f"no Chromium: ${CHROMIUM_ENV} is not set, none of chromium, chromium-browser is on the PATH, and "
        "playwright has not downloaded its own; playwright: exit 1 (Error: Failed to download Chrome); "
        "apt-get: exit 100 (E: no chromium). To run the page tests, install Chromium (`apt-get install -y "
        f"chromium` on Debian or Ubuntu) or set ${CHROMIUM_ENV} to a Chromium binary, then rerun."
    )


def test_the_installers_end_with_the_system_package_where_the_user_may_install(tmp_path: Path) -> None:
    bare = installers({"PATH": str(tmp_path)})
    assert [way.name for way in bare] == ["playwright"]
    assert list(bare[0].command[1:]) == ["-m", "playwright", "install", "chromium"]
    fake_chromium(tmp_path).rename(tmp_path / "apt-get")
    with_apt = installers({"PATH": str(tmp_path)})
    # Without sudo on the PATH, only root may install packages.
    root = os.geteuid() == 0
    assert [way.name for way in with_apt] == (["playwright", "apt-get"] if root else ["playwright"])
    assert all("apt-get install -y -q chromium" in way.command[-1] for way in with_apt[1:])


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    try:
        executable = chromium()
    except ChromiumMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Loaded:
    page: Page
    console: list[ConsoleMessage]
    errors: list[str]
    requests: list[Request]


@pytest.fixture
def loaded(browser: Browser, built: Built) -> Iterator[Loaded]:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, color_scheme="light")
    page = context.new_page()
    result = Loaded(page, [], [], [])
    page.on("console", lambda message: result.console.append(message))
    page.on("pageerror", lambda error: result.errors.append(str(error)))
    page.on("request", lambda request: result.requests.append(request))
    page.goto(built.page.as_uri())
    page.wait_for_load_state("load")
    yield result
    context.close()


def open_items(report: dict[str, Any], owner: str | None = None) -> list[dict[str, Any]]:
    return [
        item
        for item in report["items"]
        if item["state"] != "closed" and (owner is None or owner in [o["name"] for o in item["owners"]])
    ]


@pytest.mark.browser
def test_the_page_loads_with_no_console_error_and_fetches_nothing(loaded: Loaded, built: Built) -> None:
    problems = [f"{m.type}: {m.text}" for m in loaded.console if m.type in ("error", "warning")]
    assert problems == [] and loaded.errors == []
    assert [r.url for r in loaded.requests] == [built.page.as_uri()]
    # The script ran (the Content-Security-Policy let it): it shows the filters and counts the items.
    assert loaded.page.locator("#filters").is_visible()
    assert loaded.page.locator("#shown").inner_text().startswith("Showing all ")


@pytest.mark.browser
def test_the_counts_shown_equal_the_report(loaded: Loaded, built: Built) -> None:
    page, items = loaded.page, built.report["items"]
    shown = {
        key: int(page.locator(f'dd[data-count="{key}"]').inner_text())
        for key in ("open", "overdue", "closed", "carried_over")
    }
    assert shown == {
        "open": len(open_items(built.report)),
        "overdue": sum(item["overdue"] for item in items),
        "closed": sum(item["state"] == "closed" for item in items),
        "carried_over": sum(item["carried_over"] > 0 for item in open_items(built.report)),
    }
    assert shown["closed"] == 2 and shown["overdue"] > 0  # the data exercises every figure
    assert page.locator("#owners tbody tr").count() == len(open_items(built.report))
    owners = {o["name"] for item in open_items(built.report) for o in item["owners"]}
    for owner in owners:
        label = page.locator(f'#owners svg g.bar[data-owner="{owner}"] text.value').text_content()
        mine = open_items(built.report, owner)
        overdue = sum(item["overdue"] for item in mine)
        assert label == f"{len(mine)} open" + (f", {overdue} overdue" if overdue else ""), owner
    assert page.locator("#owners svg g.bar").count() == len(owners)


@pytest.mark.browser
def test_a_filter_narrows_the_list(loaded: Loaded, built: Built) -> None:
    page = loaded.page
    rows = page.locator("#owners tbody tr")
    everyone = rows.count()
    owner = "Tomasz Kowalczyk"
    page.select_option("#owner-filter", owner)
    visible = page.locator("#owners tbody tr:visible")
    # expect() waits for the page to apply the filter, however busy the machine is.
    expect(visible).to_have_count(len(open_items(built.report, owner)))
    assert 0 < visible.count() < everyone
    assert all(owner in text for text in visible.all_inner_texts())
    meetings = page.locator("#meetings li[data-item]:visible")
    assert all(owner in json.loads(m.get_attribute("data-owners") or "[]") for m in meetings.all())
    assert owner in page.locator("#shown").inner_text()

    page.select_option("#owner-filter", "")
    page.select_option("#state-filter", "closed")
    expect(page.locator("#owners tbody tr:visible")).to_have_count(0)
    assert page.locator("#owners [data-empty]").is_visible()
    closed = page.locator("#meetings li[data-item]:visible")
    expect(closed).to_have_count(len(CLOSED))
    assert all(m.get_attribute("data-state") == "closed" for m in closed.all())

    page.click("button[type=reset]")
    # expect() polls from outside the page: a wait_for_function string would be eval'd inside it,
    # which the page's content-security policy rightly refuses (the failure seen under load).
    expect(page.locator("#owners tbody tr:visible")).to_have_count(everyone)
    assert rows.count() == everyone


@pytest.mark.browser
def test_the_filters_work_from_the_keyboard(loaded: Loaded, built: Built) -> None:
    page = loaded.page
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "owner-filter":
            break
    assert page.evaluate("document.activeElement.id") == "owner-filter"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "state-filter"
    page.keyboard.press("ArrowDown")  # Any state -> Open
    assert page.locator("#state-filter").input_value() == "open"
    assert page.locator("#meetings li[data-item]:visible").count() == len(open_items(built.report))


@pytest.mark.browser
def test_a_screenshot_is_written(loaded: Loaded, tmp_path: Path) -> None:
    shot = tmp_path / "overview.png"
    loaded.page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


@pytest.fixture
def phone(browser: Browser, built: Built) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 400, "height": 800}, color_scheme="light")
    page = context.new_page()
    page.goto(built.page.as_uri())
    page.wait_for_load_state("load")
    yield page
    context.close()


@pytest.mark.browser
def test_on_a_phone_nothing_scrolls_sideways_and_every_cell_is_in_sight(phone: Page) -> None:
    assert phone.evaluate("document.documentElement.scrollWidth") <= 400
    wrap = phone.locator("#owners .table-wrap")
    assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth")
    rows = phone.locator("#owners tbody tr")
    assert rows.count() > 3
    for row in rows.all():
        for label in ("Due", "State", "Issue"):
            box = row.locator(f'td[data-label="{label}"]').bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 400, label
    for caption in phone.locator("caption, figcaption").all():
        assert caption.evaluate("e => e.scrollWidth <= e.clientWidth"), caption.inner_text()
        box = caption.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 400


@pytest.mark.browser
def test_on_a_phone_chart_text_is_at_least_10_px(phone: Page) -> None:
    sizes = phone.evaluate(
        """() => Array.from(document.querySelectorAll("svg.chart")).flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return Array.from(svg.querySelectorAll("text")).map(
                t => parseFloat(getComputedStyle(t).fontSize) * scale);
        })"""
    )
    assert len(sizes) > 10 and min(sizes) >= 10, min(sizes)


@pytest.mark.browser
def test_the_figures_and_the_chart_follow_the_filters(loaded: Loaded, built: Built) -> None:
    page = loaded.page
    owner = "Tomasz Kowalczyk"
    first_row = page.locator("#owners svg g.bar").first.bounding_box()["y"]  # type: ignore[index]
    assert page.locator("#owners svg g.bar").first.get_attribute("data-owner") != owner
    page.select_option("#owner-filter", owner)
    mine = open_items(built.report, owner)
    closed = [i for i in built.report["items"] if i["state"] == "closed" and owner in str(i["owners"])]
    expect(page.locator('dd[data-count="open"]')).to_have_text(str(len(mine)))
    figures = {
        key: int(page.locator(f'dd[data-count="{key}"]').inner_text())
        for key in ("open", "overdue", "closed", "carried_over")
    }
    assert figures == {
        "open": len(mine),
        "overdue": sum(item["overdue"] for item in mine),
        "closed": len(closed),
        "carried_over": sum(item["carried_over"] > 0 for item in mine),
    }
    bars = page.locator("#owners svg g.bar:visible")
    expect(bars).to_have_count(1)
    overdue = sum(item["overdue"] for item in mine)
    said = f"{len(mine)} open" + (f", {overdue} overdue" if overdue else "")
    assert bars.first.get_attribute("data-owner") == owner
    assert bars.first.locator("text.value").text_content() == said
    # The one bar left moves up to the first row.
    assert bars.first.bounding_box()["y"] == pytest.approx(first_row, abs=1)  # type: ignore[index]

    page.select_option("#owner-filter", "")
    page.select_option("#state-filter", "closed")
    expect(page.locator('dd[data-count="open"]')).to_have_text("0")
    assert page.locator('dd[data-count="closed"]').inner_text() == str(
        sum(i["state"] == "closed" for i in built.report["items"])
    )
    expect(page.locator("#owners svg g.bar:visible")).to_have_count(0)
    page.click("button[type=reset]")
    expect(page.locator('dd[data-count="open"]')).to_have_text(str(len(open_items(built.report))))
    expect(page.locator("#owners svg g.bar:visible")).to_have_count(
        len({o["name"] for i in open_items(built.report) for o in i["owners"]})
    )
