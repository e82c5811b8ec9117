"""The node that carries a page's glossary definitions to the browser, and its HTML visitor.

The visitor writes the element with ``starttag`` and the JSON escaped so it can never close the script
element or open a comment; no HTML is assembled by hand.
"""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

#: The id the browser script looks for.
DATA_ID = "glossary-definitions"


class glossary_definitions(nodes.Element, nodes.General):
    """``<script type="application/json" id="glossary-definitions">`` holding ``node["payload"]``.

    The payload maps each linked anchor id to ``{"term": ..., "definition": ...}``.
    """


def script_safe_json(payload: Any) -> str:
    """JSON in which ``<``, ``>`` and ``&`` are escaped, so it is inert inside a script element."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def visit_glossary_definitions(self: HTML5Translator, node: glossary_definitions) -> None:
    self.body.append(self.starttag(node, "script", "", type="application/json", ids=[DATA_ID]))
    self.body.append(script_safe_json(node["payload"]))
    self.body.append("</script>\n")
    raise nodes.SkipNode


def skip(self: Any, node: nodes.Node) -> None:
    """Other formats have no pop-overs: the glossary itself carries the definitions."""
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    """Register the node with its HTML visitor and a skip for every other format."""
    others: dict[str, Any] = {fmt: (skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(glossary_definitions, html=(visit_glossary_definitions, None), **others)
