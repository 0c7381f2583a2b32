"""The Jinja2 environment of the pages: autoescaping on for everything, the helpers templates use."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from quoth.serve.marks import highlight

env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,  # every value, whatever the template's extension
)


def link(path: str, params: dict | None = None, **changes) -> str:
    """``path?query`` from ``params`` with ``changes`` applied (``None`` drops a parameter)."""
    merged = {k: v for k, v in dict(params or {}, **changes).items() if v not in (None, "")}
    return path + ("?" + urlencode(merged) if merged else "")


def web_url(value: str | None) -> str | None:
    """An article's URL if it is http(s), else ``None``: a stored ``javascript:`` URL is never a link."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


env.filters["highlight"] = highlight
env.filters["web_url"] = web_url
env.globals["link"] = link
templates = Jinja2Templates(env=env)
