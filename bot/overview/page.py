"""The overview page as one self-contained HTML file: styles, charts and the filter script inline.

Note text is escaped by Jinja's autoescaping. The page's Content-Security-Policy allows its own
style and script only (by their hashes) and no fetch of any kind, so what a note says can neither
run nor make the page load anything.
"""

from __future__ import annotations

import base64
import hashlib
from importlib.resources import files

import jinja2

from bot.overview import charts
from bot.overview.content import Overview, display_date

_ASSETS = files("bot.overview") / "assets"


def render(page: Overview) -> str:
    css = _asset("page.css")
    script = _asset("filters.js")
    policy = "; ".join(
        (
            "default-src 'none'",
            f"style-src {_hash(css)}",
            f"script-src {_hash(script)}",
            "img-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    environment = jinja2.Environment(
        loader=jinja2.FunctionLoader(_asset),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )
    environment.filters["day"] = display_date
    return environment.get_template("page.html.j2").render(
        page=page,
        css=css,
        script=script,
        policy=policy,
        owners_chart=charts.owner_bars(page.owners),
        trend_chart=charts.trend_lines(page.trend),
    )


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"
