"""The block that carries a page's glossary definitions to the browser (a ``json_data`` node)."""

from __future__ import annotations

from docutils import nodes
from json_data import json_data

#: The id the browser script looks for.
DATA_ID = "glossary-definitions"


def definitions_block(payload: dict[str, dict[str, str]]) -> json_data:
    """``<script type="application/json" id="glossary-definitions">``: anchor id → term and definition."""
    return json_data("", payload=payload, ids=[DATA_ID])


def has_definitions(doctree: nodes.Node) -> bool:
    """Whether a page carries a definitions block (and so needs the pop-over script)."""
    return any(DATA_ID in node["ids"] for node in doctree.findall(json_data))


__all__ = ["DATA_ID", "definitions_block", "has_definitions"]
