"""A tiny element tree shared by the build and the browser: charts and tables as plain data.

A node is ``{"tag": str, "attrs": [[name, value], ...], "children": [node or text, ...]}``.
Attributes are a list of pairs, so their order is the same in MicroPython (whose dicts do not
keep insertion order); every attribute value is a string, so no float can slip into the page.
Words from a definition only ever become text children: the build turns a tree into docutils
nodes and the browser into DOM nodes (``createElementNS``, ``createTextNode``), and neither
parses markup. ``serialize`` writes escaped markup for tests and documentation only.
"""

SVG_NS = "http://www.w3.org/2000/svg"

_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"))


def el(tag: str, attrs: list | None = None, children: list | None = None) -> dict:
    """One element; ``attrs`` is a list of ``[name, value]`` pairs whose values must be strings."""
    pairs = []
    for name, value in attrs or []:
        if not isinstance(value, str):
            # A number here would be formatted differently by CPython and MicroPython.
            raise TypeError("attribute " + name + " of <" + tag + "> must be a string, got " + repr(value))
        pairs.append([name, value])
    for child in children or []:
        if not isinstance(child, (str, dict)):
            raise TypeError("a child of <" + tag + "> must be a node or a string, got " + repr(child))
    return {"tag": tag, "attrs": pairs, "children": list(children or [])}


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


def table(caption: str, header: list, rows: list, class_name: str) -> dict:
    """A data table: its caption, a row of column headings, then rows whose first cell heads the row."""
    head = el("tr", [], [el("th", [["scope", "col"]], [heading]) for heading in header])
    body = []
    for row in rows:
        cells = [el("th", [["scope", "row"]], [row[0]])] + [el("td", [], [cell]) for cell in row[1:]]
        body.append(el("tr", [], cells))
    return el(
        "table",
        [["class", class_name]],
        [el("caption", [], [caption]), el("thead", [], [head]), el("tbody", [], body)],
    )
