"""Questionnaires: YAML definitions rendered as accessible forms and scored in the browser.

Importing this package imports nothing else: the pure engine (``questionnaire.engine``) and
the model load without Sphinx. ``setup()`` pulls in the Sphinx side when Sphinx calls it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "3.2.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Wire the directive, nodes, domain and browser assets (see ``extension.py``)."""
    from .extension import setup_extension

    setup_extension(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
