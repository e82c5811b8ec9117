"""Sphinx configuration for the web edition of the AI Toolkit.

The source pages live in ``content/``; our own extensions live in ``extensions/``.
Build with ``make html`` (or ``make serve``), never by calling sphinx-build by hand
without ``-c .``: the Makefile keeps the flags in one place.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "extensions"))

project = "AI Toolkit: web edition"
author = "Web edition maintainers"
copyright = "2026, the web edition maintainers; toolkit content based on INTERPOL and UNICRI"
language = "en"

extensions = [
    "myst_parser",
    "sphinx_design",
    "site_a11y",
    "pyscript_runtime",
    "questionnaire",
    "glossary_popover",
    "glossary_letters",
]

myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "attrs_inline",
    "attrs_block",
    "fieldlist",
]
myst_heading_anchors = 3

exclude_patterns = ["_build", "questionnaires/**/*.md"]
root_doc = "index"

# --- HTML output -------------------------------------------------------------
# Furo: every asset ships in the wheel and it uses the system font stack, so a
# built page loads nothing from another host. See docs/theme.md for the choice.
html_theme = "furo"
html_title = "AI Toolkit: web edition"
html_short_title = "AI Toolkit"
html_static_path = ["content/_static"]
html_css_files = ["site.css"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "navigation_with_keys": False,  # arrow keys must keep scrolling for keyboard users
    "top_of_page_buttons": [],
}

# --- Vendored runtime ---------------------------------------------------------
# Front-end runtime installed by `npm ci` from the committed lock file.
pyscript_node_modules = str(ROOT / "node_modules")
