"""Give each page the short definitions of the glossary terms it links, and only those."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from docutils import nodes
from sphinx.application import Sphinx

from .definitions import definitions, lookup
from .nodes import definitions_block

#: The class Sphinx gives the text of a resolved ``{term}`` reference.
TERM_CLASS = "std-term"


def linked_anchors(doctree: nodes.Node) -> list[tuple[str, str]]:
    """``(target page path or "", anchor id)`` of every resolved ``{term}`` reference, in page order."""
    found = []
    for reference in doctree.findall(nodes.reference):
        if not any(TERM_CLASS in child.get("classes", []) for child in reference.findall(nodes.Element)):
            continue
        if reference.get("refid"):
            found.append(("", reference["refid"]))
        elif reference.get("refuri"):
            parts = urlsplit(reference["refuri"])
            if parts.fragment:
                found.append((unquote(parts.path), unquote(parts.fragment)))
    return found


def _add_definitions(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    glossary_pages = list(definitions(app.env))
    payload: dict[str, dict[str, str]] = {}
    for _path, anchor in linked_anchors(doctree):
        # Anchor ids are unique within a page; term anchors ("term-...") are unique across the glossaries too.
        for page in [docname, *glossary_pages]:
            entry = lookup(app.env, page, anchor)
            if entry:
                payload[anchor] = {"term": entry[0], "definition": entry[1]}
                break
    if payload:
        doctree.append(definitions_block(payload))


def setup_pages(app: Sphinx) -> None:
    """Append the definitions block once cross-references are resolved."""
    app.connect("doctree-resolved", _add_definitions)
