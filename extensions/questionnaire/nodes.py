"""Docutils nodes for questionnaire forms and the HTML visitors that render them.

Every attribute value and text goes through the translator's ``starttag``/``encode``,
which escape. Data for the browser travels in ``json_data`` nodes (extensions/json_data).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

#: Elements that have no closing tag.
VOID = {"input", "br"}


class questionnaire_element(nodes.Element, nodes.General):
    """One HTML element of a form (``form``, ``fieldset``, ``input``, ...).

    ``node["tag"]`` is the element name, ``node["attributes"]`` its attributes
    (``True`` writes a boolean attribute, ``False`` leaves it out). Text children are escaped.
    """


def element(
    tag: str, *children: nodes.Node, classes: list[str] | None = None, **attributes: Any
) -> questionnaire_element:
    """Build an element node; ``data_x=...`` and ``aria_x=...`` become ``data-x``/``aria-x``."""
    attrs = {}
    for name, value in attributes.items():
        if value is False:
            continue
        key = name.rstrip("_").replace("_", "-")
        attrs[key] = key if value is True else str(value)  # boolean attribute: hidden="hidden"
    element_id = attrs.pop("id", None)
    node = questionnaire_element("", *children, tag=tag, attributes=attrs)
    node["classes"] = list(classes or [])
    if element_id:
        node["ids"] = [element_id]  # docutils writes ids itself and refuses an `id` attribute
    return node


def text_element(tag: str, text: str, **kwargs: Any) -> questionnaire_element:
    """An element holding plain (escaped) text."""
    return element(tag, nodes.Text(text), **kwargs)


def visit_questionnaire_element(self: HTML5Translator, node: questionnaire_element) -> None:
    tag = node["tag"]
    attrs = dict(node["attributes"])
    if tag in VOID:
        self.body.append(self.emptytag(node, tag, "", **attrs))
    else:
        self.body.append(self.starttag(node, tag, "", **attrs))


def depart_questionnaire_element(self: HTML5Translator, node: questionnaire_element) -> None:
    if node["tag"] not in VOID:
        self.body.append(f"</{node['tag']}>")


def skip(self: Any, node: nodes.Node) -> None:
    """Other builders (text, LaTeX, ...) show the generated "How this is scored" only."""
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    """Register the nodes with an HTML renderer and a skip for every other format."""
    others: dict[str, Any] = {fmt: (skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(questionnaire_element, html=(visit_questionnaire_element, depart_questionnaire_element), **others)
