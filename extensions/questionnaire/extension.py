"""The Sphinx side of the questionnaire extension, wired in one place (imported by ``setup()`` only)."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from .assets import setup_assets
from .directive import CheckDirective, LevelsDirective, QuestionnaireDirective
from .domain import setup_domain
from .nodes import setup_nodes


def _default_display_root(app: Sphinx, config: Config) -> None:
    # Paths in error messages are relative to the project (conf.py's folder) unless set.
    if not config.questionnaire_display_root:
        config.questionnaire_display_root = str(app.confdir)


def setup_extension(app: Sphinx) -> None:
    """Register config values, the directive, nodes, domain and assets."""
    app.setup_extension("pyscript_runtime")
    app.setup_extension("json_data")
    app.add_config_value("questionnaire_language", "en", "env", types=[str])
    app.add_config_value("questionnaire_display_root", "", "env", types=[str])
    app.connect("config-inited", _default_display_root)
    app.add_directive("questionnaire", QuestionnaireDirective)
    setup_nodes(app)
    setup_domain(app)
    app.add_directive_to_domain("questionnaire", "levels", LevelsDirective)
    app.add_directive_to_domain("questionnaire", "check", CheckDirective)
    setup_assets(app)
