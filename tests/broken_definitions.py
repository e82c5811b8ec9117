"""Broken questionnaire definitions: each real definition broken in 30-odd ways.

A break is ``Break(name, change, path)``: ``change`` edits the definition (the parsed YAML, or its
text for syntax errors) and ``path`` is where the located error must point, as the start of its
field path. Every break must fail with ``questionnaires/<id>.yaml:<line>:<column>: <path>: ...``.
The same breaks apply to every instrument, aimed at its own sections, questions and levels.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

Definition = dict[str, Any]


@dataclass(frozen=True)
class Break:
    """One way to break a definition, and the field path its error must name (a prefix)."""

    name: str
    change: Callable[[Definition], Definition | str]
    path: tuple[str | int, ...]


def _first(data: Definition, kind: str) -> tuple[int, int]:
    """``(section, question)`` of the first question of ``kind``."""
    for s, section in enumerate(data["sections"]):
        for q, question in enumerate(section["questions"]):
            if question.get("type") == kind:
                return s, q
    raise LookupError(kind)


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[Definition], Definition]:
    def change(data: Definition) -> Definition:
        out = copy.deepcopy(data)
        target: Any = out
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return out

    return change


def _drop(path: tuple[str | int, ...]) -> Callable[[Definition], Definition]:
    def change(data: Definition) -> Definition:
        out = copy.deepcopy(data)
        target: Any = out
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
        return out

    return change


def _text(edit: Callable[[str], str]) -> Callable[[Definition], str]:
    return lambda data: edit(dump(data))


def dump(data: Definition) -> str:
    """A definition as YAML text, in its own key order."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def breaks(data: Definition) -> list[Break]:
    """Every break of the definition ``data`` (parsed YAML)."""
    single = _first(data, "single")
    single_path = ("sections", single[0], "questions", single[1])
    question = data["sections"][single[0]]["questions"][single[1]]
    first_question = ("sections", 0, "questions", 0)
    last = ("sections", len(data["sections"]) - 1, "questions", len(data["sections"][-1]["questions"]) - 1)
    uses_scale = "scale" in question
    found = [
        Break("no-id", _drop(("id",)), ()),
        Break("no-version", _drop(("version",)), ()),
        Break("no-title", _drop(("title",)), ()),
        Break("no-method", _drop(("method",)), ()),
        Break("no-levels", _drop(("levels",)), ()),
        Break("no-sections", _drop(("sections",)), ()),
        Break("version-a-word", _set(("version",), "one"), ("version",)),
        Break("version-a-number", _set(("version",), 2), ("version",)),
        Break("id-not-kebab-case", _set(("id",), "Not Kebab"), ("id",)),
        Break("title-a-list", _set(("title",), ["a title"]), ("title",)),
        Break("unknown-top-level-field", lambda d: {**d, "colour": "red"}, ("colour",)),
        Break("sections-a-mapping", _set(("sections",), {"a": 1}), ("sections",)),
        Break("sections-empty", _set(("sections",), []), ("sections",)),
        Break("section-id-not-kebab-case", _set(("sections", 0, "id"), "Bad Id"), ("sections", 0, "id")),
        Break(
            "duplicate-section",
            lambda d: {**d, "sections": [*d["sections"], copy.deepcopy(d["sections"][0])]},
            ("sections",),
        ),
        Break("question-id-with-a-space", _set((*first_question, "id"), "x y"), (*first_question, "id")),
        Break("duplicate-question-id", _set((*last, "id"), data["sections"][0]["questions"][0]["id"]), ("sections",)),
        Break("question-without-text", _drop((*first_question, "text")), first_question),
        Break("unknown-question-type", _set((*first_question, "type"), "slider"), (*first_question, "type")),
        Break("unknown-question-field", _set((*first_question, "colour"), "red"), first_question),
        Break("field-the-type-does-not-take", _set((*single_path, "max_length"), 5), single_path),
        Break(
            "duplicate-option" if not uses_scale else "unknown-scale",
            _set((*single_path, "options"), [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}])
            if not uses_scale
            else _set((*single_path, "scale"), "no-such-scale"),
            single_path,
        ),
        Break("duplicate-level-id", _set(("levels", 1, "id"), data["levels"][0]["id"]), ("levels",)),
        Break("one-level-only", _set(("levels",), data["levels"][:1]), ("levels",)),
        Break("reserved-level-id", _set(("levels", 0, "id"), "not-assessed"), ("levels",)),
        Break("level-without-label", _drop(("levels", 0, "label")), ("levels", 0)),
        Break(
            "recommendation-for-an-unknown-level",
            _set(("recommendations",), [{"level": "urgent", "text": "Act."}]),
            ("recommendations", 0, "level"),
        ),
        Break("unknown-method", _set(("method",), "weighted-sum"), ("method",)),
        Break("misspelt-parameter", _set(("params", "colour"), "red"), ("params",)),
        Break(
            "migration-from-the-future",
            _set(("migrations",), [{"from": "99.0.0", "to": "100.0.0"}]),
            ("migrations", 0),
        ),
        Break("tab-in-the-indentation", _text(lambda text: text.replace("\n  ", "\n\t", 1)), ()),
        Break("unclosed-bracket", _text(lambda text: text + "extra: [one, two\n"), ()),
        Break("unclosed-quote", _text(lambda text: text.replace("title: ", 'title: "', 1)), ()),
    ]
    return found
