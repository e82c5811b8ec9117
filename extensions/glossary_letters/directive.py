"""The ``glossary-letters`` directive: mark where the A–Z bar goes, just before a glossary."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .nodes import glossary_letters

#: The landmark's accessible name when the author gives none.
DEFAULT_LABEL = "Glossary by letter"


class GlossaryLettersDirective(SphinxDirective):
    """Leave a placeholder that :class:`~.transform.SplitGlossaryByLetter` turns into the bar."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"label": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        """A placeholder with the source position, so a misplaced bar is reported where it is."""
        node = glossary_letters(label=self.options.get("label", DEFAULT_LABEL))
        self.set_source_info(node)
        return [node]
