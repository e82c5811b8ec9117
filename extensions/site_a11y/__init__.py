"""Accessibility fixes to Sphinx's own HTML that a theme cannot make from its templates."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .tables import setup_tables
from .translator import AccessibleHTML5Translator

__version__ = "1.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Use the accessible translator for every HTML builder; make table boxes scroll regions."""
    setup_tables(app)
    for builder in ("html", "dirhtml", "singlehtml"):
        app.set_translator(builder, AccessibleHTML5Translator, override=True)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
