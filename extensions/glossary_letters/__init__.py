"""Split a glossary into one section per initial letter and put an A–Z bar above it."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .directive import GlossaryLettersDirective
from .nodes import setup_nodes
from .transform import SplitGlossaryByLetter

__version__ = "1.0.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``glossary-letters`` directive, its node and the splitting transform."""
    setup_nodes(app)
    app.add_directive("glossary-letters", GlossaryLettersDirective)
    app.add_transform(SplitGlossaryByLetter)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
