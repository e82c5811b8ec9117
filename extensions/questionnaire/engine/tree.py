"""A tiny element tree shared by the build and the browser (placeholder until the charts branch lands)."""


def el(tag: str, attrs: list | None = None, children: list | None = None) -> dict:
    """One element: ``{"tag", "attrs": [[name, value], ...], "children": [element or text, ...]}``."""
    return {"tag": tag, "attrs": attrs or [], "children": children or []}
