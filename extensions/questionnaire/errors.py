"""Errors and warnings of the questionnaire build: one message template, one subtype catalogue.

No Sphinx import: the model raises :class:`DefinitionError`, and the directive logs it as a
located build error. The pure engine raises its own ``SpecError`` (``engine/errors.py``),
which ``model.py`` locates in the author's file.
"""

from __future__ import annotations

#: Warning subtypes, for ``suppress_warnings = ["questionnaire.<subtype>"]``.
WARNING_SUBTYPES = {
    "definition": "an invalid questionnaire file (logged as an error; the build fails whatever the settings)",
    "unknown-ref": "a recommendation, section or group points at a label no page defines",
    "unused-level": "a level is declared but no band or rule can produce it",
    "no-recommendation": "a level has no recommendation",
    "unknown-item": "a questionnaire:item reference or item list names nothing the site defines",
}
WARNING_TYPE = "questionnaire"


def format_path(path: tuple[str | int, ...]) -> str:
    """``("sections", 2, "questions", 0)`` → ``sections[2].questions[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


class DefinitionError(Exception):
    """A questionnaire definition that cannot be built, located in the author's file."""

    def __init__(self, filename: str, line: int, column: int, path: tuple[str | int, ...], message: str) -> None:
        self.filename = filename
        self.line = line
        self.column = column
        self.path = path
        self.detail = message
        super().__init__(f"{filename}:{line}:{column}: {format_path(path)}: {message}")
