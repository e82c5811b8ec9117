"""A tiny element tree shared by the build and the browser: charts and tables as plain data.

A node is ``{"tag": str, "attrs": [[name, value], ...], "children": [node or text, ...]}``.
Attributes are a list of pairs, so their order is the same in MicroPython (whose dicts do not
keep insertion order); every attribute value is a string, so no float can slip into the page.
Words from a definition only ever become text children: the build turns a tree into docutils
nodes and the browser into DOM nodes (``createElementNS``, ``createTextNode``), and neither
parses markup. Helpers that read trees or write them out as markup are for tests only and live
in ``tests/parity/trees.py``, so the browser is not sent them.
"""

SVG_NS = "http://www.w3.org/2000/svg"


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
