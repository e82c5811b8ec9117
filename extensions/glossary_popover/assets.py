"""Ship the pop-over script and styles, and add them only to pages that link at least one term."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from static_files import copy_to_static

from .nodes import has_definitions

STATIC = Path(__file__).parent / "static"
#: Folder under ``_static`` the files are copied to.
TARGET = "glossary-popover"


def _copy_static(app: Sphinx) -> None:
    copy_to_static(app, [(path, f"{TARGET}/{path.name}") for path in sorted(STATIC.iterdir()) if path.is_file()])


def _page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    if doctree is None or not has_definitions(doctree):
        return
    # Called per page: add_css_file/add_js_file here affect this page only.
    app.add_css_file(f"{TARGET}/glossary-popover.css")
    app.add_js_file(f"{TARGET}/glossary-popover.js", defer="defer")


def setup_assets(app: Sphinx) -> None:
    """Copy the files before pages are written; link them from the pages that need them."""
    app.connect("builder-inited", _copy_static)
    app.connect("html-page-context", _page_assets)
