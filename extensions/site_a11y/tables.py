"""Wide tables scroll inside their own box: make that box a named region a keyboard can scroll.

Furo wraps every table in ``div.table-wrapper`` with ``overflow-x: auto``. On a phone, a table
wider than the screen scrolls inside it, but a keyboard user can only scroll a box that takes
focus, and a screen reader user needs to know what the focused box is.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

#: The class Furo gives the box around each table.
WRAPPER_CLASS = "table-wrapper"


def is_table_wrapper(node: nodes.Node) -> bool:
    """Whether a container is Furo's box around a table."""
    return isinstance(node, nodes.container) and WRAPPER_CLASS in node["classes"]


def scroll_region_label(wrapper: nodes.container) -> str:
    """The accessible name of a table's scroll box: its caption, or where it stands on the page.

    Without a caption the name is the enclosing section's title, numbered when that section (not
    counting its subsections) holds more than one table, so every region has a distinct name.
    """
    table = next(iter(wrapper.findall(nodes.table)), None)
    caption = table.next_node(nodes.title) if table is not None else None
    if caption is not None and caption.parent is table:
        return "Table: " + caption.astext()
    section = _section_of(wrapper)
    if section is None or not isinstance(section[0], nodes.title):
        return "Table"
    siblings = [
        node for node in section.findall(nodes.container) if is_table_wrapper(node) and _section_of(node) is section
    ]
    where = "“" + section[0].astext() + "”"
    if len(siblings) > 1:
        return f"Table {siblings.index(wrapper) + 1} in {where}"
    return "Table in " + where


def _ancestors(node: nodes.Node) -> list[nodes.Element]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def _section_of(node: nodes.Node) -> nodes.section | None:
    return next((parent for parent in _ancestors(node) if isinstance(parent, nodes.section)), None)


class scroll_region(nodes.General, nodes.Element):
    """A table's scroll box: ``label`` is its accessible name."""


class MarkTableScrollRegions(SphinxPostTransform):
    """Replace Furo's table wrappers with scroll regions (after Furo has wrapped the tables)."""

    formats = ("html",)
    default_priority = 510  # Furo wraps at 500

    def run(self, **kwargs: Any) -> None:
        """Each wrapper becomes a region with the same classes and ids, holding the same table."""
        wrappers = list(self.document.findall(is_table_wrapper))
        labels = [scroll_region_label(wrapper) for wrapper in wrappers]  # before any is replaced
        for wrapper, label in zip(wrappers, labels, strict=True):
            region = scroll_region(label=label)
            region.update_all_atts(wrapper)
            region.extend(wrapper.children)
            wrapper.replace_self(region)


def visit_scroll_region(self: HTML5Translator, node: scroll_region) -> None:
    """A ``div`` that takes focus (so arrow keys scroll it) and says what it holds."""
    attributes = {"tabindex": "0", "role": "region", "aria-label": node["label"]}
    self.body.append(self.starttag(node, "div", CLASS="docutils container", **attributes))


def depart_scroll_region(self: HTML5Translator, node: scroll_region) -> None:
    """Close the region."""
    self.body.append("</div>\n")


def setup_tables(app: Sphinx) -> None:
    """Register the region node and the post-transform that makes table wrappers into regions."""
    app.add_node(scroll_region, html=(visit_scroll_region, depart_scroll_region))
    app.add_post_transform(MarkTableScrollRegions)
