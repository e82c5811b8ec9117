"""Test helpers for the engine's element trees (``engine/tree.py``): read them, write them as markup.

Kept out of the engine because only tests use them; the parity runner copies this file into
MicroPython too, so markup is compared between the interpreters like everything else.
"""

_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"))


def attr(node: dict, name: str) -> str | None:
    """The value of one attribute, or None when the node has none."""
    for found, value in node["attrs"]:
        if found == name:
            return value
    return None


def text_of(node: dict | str) -> str:
    """All the text inside a node, in document order."""
    if isinstance(node, str):
        return node
    return "".join(text_of(child) for child in node["children"])


def find_all(node: dict, tag: str) -> list:
    """Every element with this tag inside ``node`` (itself included), in document order."""
    found = [node] if node["tag"] == tag else []
    for child in node["children"]:
        if isinstance(child, dict):
            found.extend(find_all(child, tag))
    return found


def escape(text: str) -> str:
    """Text safe inside an element or a double-quoted attribute value."""
    for char, entity in _ESCAPES:
        text = text.replace(char, entity)
    return text


def serialize(node: dict | str) -> str:
    """The node as markup, every text and attribute value escaped; ``<g></g>`` rather than ``<g/>``,
    which HTML and XML parsers both read the same way."""
    if isinstance(node, str):
        return escape(node)
    out = ["<", node["tag"]]
    for name, value in node["attrs"]:
        out.append(" " + name + '="' + escape(value) + '"')
    out.append(">")
    for child in node["children"]:
        out.append(serialize(child))
    out.append("</" + node["tag"] + ">")
    return "".join(out)
