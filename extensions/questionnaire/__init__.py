"""Questionnaires: YAML definitions rendered as accessible forms and scored in the browser."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .assets import setup_assets
from .directive import QuestionnaireDirective
from .nodes import setup_nodes
from .registry import setup_registry

__version__ = "1.0.0"


def _default_display_root(app: Sphinx, config: Config) -> None:
    # Paths in error messages are relative to the project (conf.py's folder) unless set.
    if not config.questionnaire_display_root:
        config.questionnaire_display_root = str(app.confdir)


def setup(app: Sphinx) -> dict[str, Any]:
    """Wire the directive, nodes, bookkeeping and browser assets."""
    app.setup_extension("pyscript_runtime")
    app.setup_extension("json_data")
    app.add_config_value("questionnaire_language", "en", "env", types=[str])
    app.add_config_value("questionnaire_display_root", "", "env", types=[str])
    app.connect("config-inited", _default_display_root)
    app.add_directive("questionnaire", QuestionnaireDirective)
    setup_nodes(app)
    setup_registry(app)
    setup_assets(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
