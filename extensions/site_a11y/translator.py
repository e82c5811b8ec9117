"""An HTML5 translator that completes ARIA attributes Sphinx leaves out."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.writers.html5 import HTML5Translator

#: Navigation captions ("Primary guidance", ...) sit under the page's h1.
CAPTION_LEVEL = "2"


class AccessibleHTML5Translator(HTML5Translator):
    """Sphinx 9 marks toctree captions ``role="heading"`` without the required ``aria-level``."""

    def visit_title(self, node: nodes.title) -> None:
        if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
            self.body.append(
                self.starttag(node, "p", "", CLASS="caption", ROLE="heading", **{"aria-level": CAPTION_LEVEL})
            )
            self.body.append('<span class="caption-text">')
            self.context.append("</span></p>\n")
            return
        super().visit_title(node)
