"""The letter bar node: a ``<nav>`` landmark holding a list of links to the letter sections."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class glossary_letters(nodes.General, nodes.Element):
    """Placeholder left by the directive; the transform fills it with the list of letters.

    ``label`` is the navigation landmark's accessible name.
    """


def visit_glossary_letters_html(self: HTML5Translator, node: glossary_letters) -> None:
    """Open the landmark; the list inside is rendered by the ordinary visitors."""
    self.body.append(self.starttag(node, "nav", CLASS="glossary-letters", **{"aria-label": node["label"]}))


def depart_glossary_letters_html(self: HTML5Translator, node: glossary_letters) -> None:
    """Close the landmark."""
    self.body.append("</nav>\n")


def visit_glossary_letters_plain(self: object, node: glossary_letters) -> None:
    """Other builders show the list of letters as an ordinary list."""


def setup_nodes(app: Sphinx) -> None:
    """Register the node with an HTML visitor, and a pass-through for the other builders."""
    plain = (visit_glossary_letters_plain, visit_glossary_letters_plain)
    app.add_node(
        glossary_letters,
        html=(visit_glossary_letters_html, depart_glossary_letters_html),
        latex=plain,
        text=plain,
        man=plain,
        texinfo=plain,
    )
