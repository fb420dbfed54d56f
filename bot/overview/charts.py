"""The overview page's charts, drawn as inline SVG at build time. Pure.

Hand-made rather than pygal or matplotlib: two plain charts need no plotting library, and this way
every mark carries what a screen reader and a colour-blind reader need — a title and description
on the chart, a tooltip title on each bar and point, numbers written next to the marks — with no
script, no font turned into paths and nothing fetched when the page is viewed.

Colours are from the Okabe–Ito palette, told apart by people with any common colour blindness, and
never the only cue: overdue bars are also hatched, and the lines also differ by dash and marker.
Classes let the page's stylesheet restyle the marks (dark mode); the attributes are the fallback.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from bot.overview.content import OwnerLoad, TrendPoint, display_date

BLUE = "#0072B2"
GREEN = "#009E73"
VERMILLION = "#D55E00"
INK = "#1f2328"
GRID = "#d0d7de"
# The same hues, darker, for text: small text needs more contrast than a line does.
TEXT_OF = {BLUE: BLUE, GREEN: "#00694d", VERMILLION: "#a84400"}
# Drawn narrow, for a phone: a 400 px screen shows a chart about 350 px wide, so 13 px text stays
# above 12 px there; the page caps how far a wide screen enlarges it.
WIDTH = 360
FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif"
CHAR_WIDTH = 7.4  # of a 13px system font, on average: enough to keep names clear of the bars


def owner_bars(loads: Sequence[OwnerLoad], chart_id: str = "owners") -> str:
    """Horizontal bars: open items per person, the overdue part hatched, the numbers written out."""
    title = "Open action items by owner"
    if not loads:
        return _svg(chart_id, title, "No open action items.", 40, [_text(8, 24, "No open action items.")])
    # Each owner's name on a line of its own above the bar: at this width, names beside the bars
    # would leave them no room.
    row, top, bottom = 40, 34, 30
    left = 8
    right = 128  # room for "12 open, 3 overdue"
    plot = WIDTH - left - right
    height = top + row * len(loads) + bottom
    most = max(load.open for load in loads)
    step = _step(most)
    scale = plot / (math.ceil(most / step) * step)
    marks: list[ET.Element] = [_hatch(f"{chart_id}-hatch")]
    marks += _legend(
        left, 14, [("Open", BLUE, "bar-open", None), ("Overdue", VERMILLION, "bar-overdue", chart_id)]
    )
    for tick in range(0, math.ceil(most / step) * step + 1, step):
        x = left + tick * scale
        marks.append(_line(x, top - 6, x, height - bottom + 4, "grid"))
        marks.append(_text(x, height - bottom + 18, str(tick), anchor="middle", cls="tick"))
    for index, load in enumerate(loads):
        y = top + index * row
        said = _owner_said(load)
        # What the page's filters need to redraw the bar for the items they show.
        drawn = {
            "data-unit": f"{scale:.4f}",
            "data-left": str(left),
            "data-row": str(row),
            "data-index": str(index),
        }
        group = ET.Element("g", {"class": "bar", "data-owner": load.name, **drawn})
        ET.SubElement(group, "title").text = f"{load.name}: {said}"
        group.append(_text(left, y + 12, load.name, cls="label"))
        overdue, rest = load.overdue * scale, (load.open - load.overdue) * scale
        bar_y, bar_h = y + 17, row - 22
        if overdue:
            group.append(_rect(left, bar_y, overdue, bar_h, VERMILLION, "bar-overdue"))
            group.append(_rect(left, bar_y, overdue, bar_h, f"url(#{chart_id}-hatch)", "hatch"))
        if rest:
            group.append(_rect(left + overdue, bar_y, rest, bar_h, BLUE, "bar-open"))
        group.append(_text(left + overdue + rest + 6, bar_y + bar_h - 4, said, cls="value"))
        marks.append(group)
    described = "; ".join(f"{load.name}: {_owner_said(load)}" for load in loads)
    return _svg(chart_id, title, described + ".", height, marks)


def trend_lines(points: Sequence[TrendPoint], chart_id: str = "trend") -> str:
    """Lines across meetings: items promised so far, closed so far, and open after each meeting."""
    title = "Action items promised, closed and open after each meeting"
    if not points:
        return _svg(chart_id, title, "No meetings yet.", 40, [_text(8, 24, "No meetings yet.")])
    top, bottom, left, right = 16, 44, 34, 96
    height = 280
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    most = max(max(p.promised for p in points), 1)
    step = _step(most)
    ceiling = math.ceil(most / step) * step

    def x_of(index: int) -> float:
        return left + (plot_w / 2 if len(points) == 1 else index * plot_w / (len(points) - 1))

    def y_of(value: int) -> float:
        return top + plot_h - value * plot_h / ceiling

    series = [
        _Series("Promised", BLUE, "line-promised", None, "circle", [p.promised for p in points]),
        _Series("Closed", GREEN, "line-closed", "8 4", "square", [p.closed for p in points]),
        _Series("Open", VERMILLION, "line-open", "2 3", "triangle", [p.open for p in points]),
    ]
    marks: list[ET.Element] = []
    for tick in range(0, ceiling + 1, step):
        marks.append(_line(left, y_of(tick), left + plot_w, y_of(tick), "grid"))
        marks.append(_text(left - 8, y_of(tick) + 4, str(tick), anchor="end", cls="tick"))
    every = max(1, math.ceil(len(points) / max(1, plot_w // 90)))
    for index, point in enumerate(points):
        if index % every == 0 or index == len(points) - 1:
            marks.append(_text(x_of(index), top + plot_h + 20, _label(point), anchor="middle", cls="tick"))
    ends: list[tuple[float, str, str, str]] = []
    for line in series:
        marks.append(_trend_series(line, points, [(x_of(i), y_of(v)) for i, v in enumerate(line.values)]))
        ends.append((y_of(line.values[-1]) + 4, f"{line.name} {line.values[-1]}", line.colour, line.cls))
    for y, label, colour, cls in _spread(ends, 15):
        marks.append(_text(left + plot_w + 12, y, label, cls=f"end-label {cls}", fill=TEXT_OF[colour]))
    last = points[-1]
    described = (
        f"{len(points)} points, from {_label(points[0])} to {_label(last)}. At {_label(last)}: "
        f"{last.promised} promised, {last.closed} closed, {last.open} open."
    )
    return _svg(chart_id, title, described, height, marks)


@dataclass(frozen=True)
class _Series:
    name: str
    colour: str
    cls: str
    dash: str | None
    marker: str
    values: list[int]


def _trend_series(series: _Series, points: Sequence[TrendPoint], at: list[tuple[float, float]]) -> ET.Element:
    """One line of the trend chart, with a marker at each point (`at`) saying its value."""
    group = ET.Element("g", {"class": f"series {series.cls}"})
    # Promised is drawn first, as a wide pale band with rings: until something closes, Open runs
    # along it, and shows inside it rather than hidden under it.
    wide = series.cls == "line-promised"
    attributes = {
        "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in at),
        "fill": "none",
        "stroke": series.colour,
        "stroke-width": "7" if wide else "2.5",
    }
    if wide:
        attributes["stroke-opacity"] = "0.3"
    if series.dash:
        attributes["stroke-dasharray"] = series.dash
    ET.SubElement(group, "polyline", {**attributes, "class": "stroke"})
    for (x, y), point, value in zip(at, points, series.values, strict=True):
        shape = _marker(series.marker, x, y, series.colour)
        ET.SubElement(shape, "title").text = f"{_label(point)}: {value} {series.name.lower()}"
        group.append(shape)
    return group


def _label(point: TrendPoint) -> str:
    return "today" if point.now else display_date(point.day)


def _owner_said(load: OwnerLoad) -> str:
    return f"{load.open} open" + (f", {load.overdue} overdue" if load.overdue else "")


def _step(most: int) -> int:
    """A round tick step giving at most six ticks."""
    magnitude = 1
    while True:
        for base in (1, 2, 5):
            if most <= 6 * base * magnitude:
                return base * magnitude
        magnitude *= 10


def _spread(ends: list[tuple[float, str, str, str]], gap: float) -> list[tuple[float, str, str, str]]:
    """End labels moved apart where lines end close together, so none covers another."""
    placed: list[tuple[float, str, str, str]] = []
    for y, *rest in sorted(ends, key=lambda end: end[0]):
        if placed and y < placed[-1][0] + gap:
            y = placed[-1][0] + gap
        placed.append((y, rest[0], rest[1], rest[2]))
    return placed


def _svg(chart_id: str, title: str, description: str, height: float, marks: list[ET.Element]) -> str:
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "id": chart_id,
            "class": "chart",
            "viewBox": f"0 0 {WIDTH} {height:.0f}",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "font-family": FONT,
            "font-size": "13",
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = description
    svg.extend(marks)
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)


def _hatch(pattern_id: str) -> ET.Element:
    defs = ET.Element("defs")
    pattern = ET.SubElement(
        defs,
        "pattern",
        {
            "id": pattern_id,
            "width": "6",
            "height": "6",
            "patternUnits": "userSpaceOnUse",
            "patternTransform": "rotate(45)",
        },
    )
    ET.SubElement(pattern, "rect", {"width": "2.5", "height": "6", "fill": "#ffffff", "opacity": "0.55"})
    return defs


def _legend(x: float, y: float, entries: list[tuple[str, str, str, str | None]]) -> list[ET.Element]:
    marks = []
    for name, colour, cls, hatched in entries:
        group = ET.Element("g", {"class": "legend"})
        group.append(_rect(x, y - 10, 14, 12, colour, cls))
        if hatched:
            group.append(_rect(x, y - 10, 14, 12, f"url(#{hatched}-hatch)", "hatch"))
        group.append(_text(x + 20, y, name, cls="label"))
        marks.append(group)
        x += 40 + len(name) * CHAR_WIDTH
    return marks


def _marker(kind: str, x: float, y: float, colour: str) -> ET.Element:
    if kind == "circle":
        # A ring wider than the other marks, so a square or triangle at the same place shows inside it.
        ring = {"r": "8", "fill": "none", "stroke": colour, "stroke-width": "2", "class": "mark"}
        return ET.Element("circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", **ring})
    if kind == "square":
        return _rect(x - 4, y - 4, 8, 8, colour, "mark")
    corners = f"{x:.1f},{y - 5.5:.1f} {x + 5.5:.1f},{y + 4:.1f} {x - 5.5:.1f},{y + 4:.1f}"
    return ET.Element("polygon", {"points": corners, "fill": colour, "class": "mark"})


def _rect(x: float, y: float, width: float, height: float, fill: str, cls: str) -> ET.Element:
    return ET.Element(
        "rect",
        {
            "x": f"{x:.1f}",
            "y": f"{y:.1f}",
            "width": f"{width:.1f}",
            "height": f"{height:.1f}",
            "fill": fill,
            "class": cls,
        },
    )


def _line(x1: float, y1: float, x2: float, y2: float, cls: str) -> ET.Element:
    return ET.Element(
        "line",
        {
            "x1": f"{x1:.1f}",
            "y1": f"{y1:.1f}",
            "x2": f"{x2:.1f}",
            "y2": f"{y2:.1f}",
            "stroke": GRID,
            "class": cls,
        },
    )


def _text(
    x: float, y: float, text: str, anchor: str = "start", cls: str = "label", fill: str = INK
) -> ET.Element:
    element = ET.Element(
        "text", {"x": f"{x:.1f}", "y": f"{y:.1f}", "text-anchor": anchor, "fill": fill, "class": cls}
    )
    element.text = text
    return element
