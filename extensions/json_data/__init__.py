"""Data from the build to the browser: a ``<script type="application/json">`` node, safely escaped.

Extensions pass data to their scripts declaratively with this node, never by templating code.
"""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

__version__ = "1.0.0"


class json_data(nodes.Element, nodes.General):
    """A JSON block holding ``node["payload"]``; ``ids`` and ``classes`` become its attributes."""


def script_safe_json(payload: Any) -> str:
    """JSON in which ``<``, ``>`` and ``&`` are escaped, so it cannot close its script element."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def visit_json_data(self: HTML5Translator, node: json_data) -> None:
    self.body.append(self.starttag(node, "script", "", type="application/json"))
    self.body.append(script_safe_json(node["payload"]))
    self.body.append("</script>\n")
    raise nodes.SkipNode


def skip(self: Any, node: nodes.Node) -> None:
    """Formats other than HTML have no scripts to feed."""
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the node: rendered in HTML, skipped everywhere else."""
    others: dict[str, Any] = {fmt: (skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(json_data, html=(visit_json_data, None), **others)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
