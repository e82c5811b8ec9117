"""The ``questionnaire`` directive: a YAML definition becomes a form on the page.

``questionnaire:levels`` shows the same file's levels and what each means, so a page that
explains the stages and the form that gives them share one text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from pyscript_runtime import require_pyscript
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .assets import optional_modules
from .domain import domain
from .errors import WARNING_TYPE, DefinitionError
from .model import Definition, load_definition
from .nodes import element
from .render import FormRenderer, check_panel
from .strings import text

logger = logging.getLogger(__name__)


class _DefinitionDirective(SphinxDirective):
    """A directive whose argument is a definition file, relative to the page."""

    required_arguments = 1
    optional_arguments = 0
    has_content = False

    def load(self, argument: str | None = None) -> Definition | None:
        """The validated definition of ``argument`` (the directive's argument by default), or None
        after logging its located error (the build then fails)."""
        given = argument or self.arguments[0]
        rel_path, abs_path = self.env.relfn2path(given, self.env.docname)
        path = Path(abs_path)
        self.env.note_dependency(rel_path)
        if not path.is_file():
            raise self.error(f"questionnaire file not found: {given}")
        display = os.path.relpath(path, self.config.questionnaire_display_root)
        try:
            definition = load_definition(path, Path(display).as_posix())
        except DefinitionError as error:
            # Logged (not raised) so the message is one clean located line; the build still
            # fails: the domain remembers the error and sets the exit status at the end.
            logger.error(str(error), location=self.get_location(), type=WARNING_TYPE, subtype="definition")
            domain(self.env).note_error(self.env.docname, str(error))
            return None
        return definition


class QuestionnaireDirective(_DefinitionDirective):
    """Render the questionnaire defined in the YAML file named by the argument.

    Options: ``:how-scored:`` (``show``, the default, or ``hide``); ``:form:`` (``show``, the
    default, or ``hide``: only "How this is scored", for a page that explains the method).
    """

    option_spec: ClassVar[dict[str, Any]] = {
        "how-scored": lambda value: directives.choice(value, ("show", "hide")),
        "form": lambda value: directives.choice(value, ("show", "hide")),
    }

    def run(self) -> list[nodes.Node]:
        definition = self.load()
        if definition is None:
            return []
        for subtype, message in definition.notes:
            logger.warning(message, location=self.get_location(), type=WARNING_TYPE, subtype=subtype)
        container = nodes.container(classes=["questionnaire"])
        if self.options.get("form", "show") == "hide":
            # The method alone: no form, so no runtime and no item anchors on this page.
            container += FormRenderer(definition, "", self.config.questionnaire_language).how_scored()
            self.set_source_info(container)
            return [container]
        prefix = domain(self.env).note_use(self.env.docname, definition, optional_modules(definition.spec))
        require_pyscript(self.env)
        renderer = FormRenderer(definition, prefix, self.config.questionnaire_language)
        container += renderer.print_header()
        if definition.interpretation:
            note = nodes.admonition(classes=["interpretation"])
            note += nodes.title("", text("interpretation.title", self.config.questionnaire_language))
            note += nodes.paragraph("", definition.interpretation)
            container += note
        if definition.intro:
            container += nodes.paragraph("", definition.intro)
        container += renderer.form()
        if self.options.get("how-scored", "show") == "show":
            container += renderer.how_scored()
        else:
            # Kept for when the engine cannot start: the page then scores on paper, so watchdog.js
            # shows the rules ("How this is scored" below, as the status line says).
            container += element("div", renderer.how_scored(), classes=["questionnaire-how-fallback"], hidden=True)
        self.set_source_info(container)
        return [container]


class LevelsDirective(_DefinitionDirective):
    """``{questionnaire:levels} <file>``: the definition's levels as a definition list (label, meaning)."""

    def run(self) -> list[nodes.Node]:
        definition = self.load()
        if definition is None:
            return []
        listing = nodes.definition_list(classes=["questionnaire-levels"])
        for level in definition.spec["levels"]:
            item = nodes.definition_list_item()
            item += nodes.term("", level["label"])
            item += nodes.definition("", nodes.paragraph("", level["meaning"]))
            listing += item
        self.set_source_info(listing)
        return [listing]


class CheckDirective(_DefinitionDirective):
    """``{questionnaire:check}``: check a report against its answers file, for the questionnaires
    whose definition files the content lists (one path per line, relative to the page).

    A reader gives an answers file or a report document; the page says which questionnaire and
    record it holds, the result it gives and its verification code (``engine/check.py``).
    """

    required_arguments = 0
    has_content = True

    def run(self) -> list[nodes.Node]:
        paths = [line.strip() for line in self.content if line.strip()]
        if not paths:
            raise self.error("questionnaire:check lists no definition file")
        definitions = [self.load(path) for path in paths]
        if any(definition is None for definition in definitions):
            return []
        domain(self.env).note_check(self.env.docname)
        require_pyscript(self.env)
        lang = self.config.questionnaire_language
        specs = [definition.spec for definition in definitions if definition is not None]
        node = check_panel(specs, f"check-{len(domain(self.env).checks(self.env.docname))}", lang)
        self.set_source_info(node)
        return [node]
