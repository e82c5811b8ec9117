"""Glossary pop-overs: a linked term shows its short definition on hover or focus, without leaving the page."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .assets import setup_assets
from .definitions import setup_definitions
from .pages import setup_pages

__version__ = "1.0.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Wire the definition collector, the per-page data block and the browser assets."""
    setup_definitions(app)
    app.setup_extension("json_data")
    setup_pages(app)
    setup_assets(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
