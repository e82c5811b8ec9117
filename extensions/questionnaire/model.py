"""Load a questionnaire definition: validate it, then normalize it into the spec the engine scores.

Three steps, kept apart: :func:`validate` checks the author's data (the JSON Schema, with each
method's ``params`` schema, then what a schema cannot say) and raises located errors;
:func:`normalize` turns valid data into the spec without changing the data; the method then
checks the spec (``engine/methods``) and fills in its defaults. No Sphinx import here.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from .engine import charts, methods
from .engine import spec as specs
from .engine.errors import SpecError
from .errors import DefinitionError, format_path
from .loader import Located, Path_, load_located

SCHEMA_PATH = Path(__file__).parent / "schema" / "questionnaire.schema.json"
NOT_ASSESSED = specs.NOT_ASSESSED

_TYPE_WORDS = {
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
    "object": "a mapping",
    "array": "a list",
    "boolean": "true or false",
    "null": "empty",
}
_PATTERN_WORDS = {
    "^[a-z][a-z0-9]*(-[a-z0-9]+)*$": "a lowercase kebab-case id such as 'data-quality'",
    "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$": "a semantic version such as '1.0.0'",
    "^[A-Za-z0-9][A-Za-z0-9_.:-]*$": "a Sphinx reference label such as 'risk-assessment'",
}


@dataclass(frozen=True)
class Reference:
    """A Sphinx label a definition points at, and where the author wrote it."""

    label: str
    line: int
    column: int
    path: str


@dataclass
class Definition:
    """A validated questionnaire: the scoring spec plus what only the page needs."""

    spec: dict[str, Any]
    source: str
    intro: str | None = None
    interpretation: str | None = None
    references: list[Reference] = field(default_factory=list)
    #: Oddities that do not stop the build: ``(subtype, located message)``.
    notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The questionnaire's permanent id."""
        return str(self.spec["id"])

    @property
    def version(self) -> str:
        """The definition's semantic version."""
        return str(self.spec["version"])


# --- the schema: the file's grammar plus each registered method's params -----------------


def definition_schema() -> dict[str, Any]:
    """The JSON Schema of a definition, with ``method`` and ``params`` taken from the method registry."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    schema["properties"]["method"] = {"enum": methods.names()}
    schema["allOf"] = []
    for name in methods.names():
        params = methods.get(name).PARAMS
        then: dict[str, Any] = {"properties": {"params": params}}
        if params.get("required"):
            then["required"] = ["params"]
        schema["allOf"].append({"if": {"properties": {"method": {"const": name}}}, "then": then})
    return schema


@cache
def _schema_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(definition_schema())


def _schema_error(doc: Located) -> DefinitionError | None:
    errors = sorted(
        _schema_validator().iter_errors(doc.data), key=lambda e: (list(doc.where(tuple(e.absolute_path))), e.validator)
    )
    # YAML 1.1 reads a bare `yes` key as true: asking for the field's real name (say
    # `yes_option`) helps more than "unknown field 'True'".
    if any(e.validator == "required" for e in errors):
        errors = [e for e in errors if not (e.validator == "additionalProperties" and _has_bool_key(e.instance))]
    if not errors:
        return None
    error = jsonschema.exceptions.best_match(errors)
    path: Path_ = tuple(error.absolute_path)
    value = error.instance
    kind = error.validator
    if kind == "required":
        missing = [name for name in error.validator_value if name not in value]
        return doc.error(path, f"missing required field '{missing[0]}'")
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        return doc.error((*path, extra[0]), f"unknown field '{extra[0]}'")
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(_TYPE_WORDS.get(str(w), str(w)) for w in wanted)
        return doc.error(path, f"must be {words} (got {value!r})")
    if kind == "enum":
        choices = ", ".join(repr(c) for c in error.validator_value)
        return doc.error(path, f"must be one of {choices} (got {value!r})")
    if kind == "pattern":
        return doc.error(
            path, f"must be {_PATTERN_WORDS.get(error.validator_value, error.validator_value)} (got {value!r})"
        )
    if kind == "minimum":
        return doc.error(path, f"must be at least {error.validator_value} (got {value!r})")
    if kind == "minItems":
        return doc.error(path, f"must have at least {error.validator_value} item(s)")
    if kind == "maxItems":
        return doc.error(path, f"must have at most {error.validator_value} item(s)")
    if kind == "minLength":
        return doc.error(path, "must not be empty")
    return doc.error(path, error.message)


def _has_bool_key(value: Any) -> bool:
    return isinstance(value, dict) and any(isinstance(key, bool) for key in value)


# --- validation: the author's data, before anything is built from it ----------------------


def _check_unique(doc: Located, items: list[dict[str, Any]], path: Path_) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item["id"] in seen:
            raise doc.error(path, f"duplicate id '{item['id']}'", at=(*path, index, "id"))
        seen.add(item["id"])


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _check_options(doc: Located, raw: dict[str, Any], path: Path_) -> None:
    """A question or part gives ``options`` or a known ``scale``, never both."""
    if "options" in raw and "scale" in raw:
        raise doc.error((*path, "scale"), "give either 'options' or 'scale', not both")
    if "scale" in raw:
        scales = doc.data.get("scales", {})
        if raw["scale"] not in scales:
            known = ", ".join(sorted(scales)) or "none"
            raise doc.error((*path, "scale"), f"unknown scale '{raw['scale']}' (scales: {known})")
    elif "options" in raw:
        _check_unique(doc, raw["options"], (*path, "options"))
    else:
        raise doc.error(path, "needs 'options' or 'scale'")


#: What each question type may carry besides id, type, group, text, help and expected.
_TYPE_KEYS = {
    "single": {"options", "scale", "scored", "suggest"},
    "multiple": {"options", "scale", "scored"},
    "rating": {"parts", "not_applicable", "scored"},
    "text": {"max_length"},
    "long-text": {"max_length"},
    "date": set(),
    "checklist": {"options", "scale"},
    "table": {"columns", "max_rows", "due", "import", "signature"},
}
_ALL_TYPE_KEYS = set().union(*_TYPE_KEYS.values())


def _check_keys(doc: Located, raw: dict[str, Any], path: Path_) -> None:
    kind = raw["type"]
    for key in sorted(_ALL_TYPE_KEYS - _TYPE_KEYS[kind]):
        if key in raw:
            raise doc.error((*path, key), f"a {kind} question takes no '{key}'")


def _check_table(doc: Located, raw: dict[str, Any], path: Path_) -> None:
    if "columns" not in raw:
        raise doc.error(path, "a table question needs 'columns'")
    columns = raw["columns"]
    _check_unique(doc, columns, (*path, "columns"))
    by_id = {}
    for index, column in enumerate(columns):
        at = (*path, "columns", index)
        kind = column.get("type", "text")
        by_id[column["id"]] = column
        if kind == "choice":
            _check_options(doc, column, at)
            continue
        for key in ("options", "scale"):
            if key in column:
                raise doc.error((*at, key), f"a {kind} column takes no '{key}'")
        if kind in ("date", "source") and "max_length" in column:
            raise doc.error((*at, "max_length"), f"a {kind} column takes no 'max_length'")
    if "import" in raw:
        _check_import(doc, raw, path, by_id)
    elif any(column.get("type") == "source" for column in columns):
        raise doc.error((*path, "columns"), "a source column is filled by 'import': this table has no 'import'")
    due = raw.get("due")
    if due is None:
        return
    found = by_id.get(due["column"])
    if found is None or found.get("type", "text") != "date":
        raise doc.error((*path, "due", "column"), f"'{due['column']}' is not a date column of this table")
    done = due.get("done")
    if done is None:
        return
    found = by_id.get(done["column"])
    if found is None or found.get("type") != "choice":
        raise doc.error((*path, "due", "done", "column"), f"'{done['column']}' is not a choice column of this table")
    offered = [o["id"] for o in _options(doc.data, found)]
    for index, option in enumerate(done["options"]):
        if option not in offered:
            raise doc.error(
                (*path, "due", "done", "options", index),
                f"unknown option '{option}' (column '{done['column']}' offers: {', '.join(offered)})",
            )


def _check_import(doc: Located, raw: dict[str, Any], path: Path_, by_id: dict[str, Any]) -> None:
    rule = raw["import"]
    at = (*path, "import")
    for key, wanted in (("text", "text"), ("source", "source")):
        found = by_id.get(rule[key])
        kind = found.get("type", "text") if found else None
        if kind != wanted and not (wanted == "text" and kind == "long-text"):
            raise doc.error((*at, key), f"'{rule[key]}' is not a {wanted} column of this table")
    status = rule.get("status")
    if status is None:
        return
    found = by_id.get(status["column"])
    if found is None or found.get("type") != "choice":
        raise doc.error((*at, "status", "column"), f"'{status['column']}' is not a choice column of this table")
    offered = [o["id"] for o in _options(doc.data, found)]
    if status["option"] not in offered:
        raise doc.error(
            (*at, "status", "option"),
            f"unknown option '{status['option']}' (column '{status['column']}' offers: {', '.join(offered)})",
        )


def _check_question(doc: Located, raw: dict[str, Any], path: Path_, group_ids: set[str]) -> None:
    kind = raw["type"]
    if raw.get("group") is not None and raw["group"] not in group_ids:
        raise doc.error((*path, "group"), f"unknown group '{raw['group']}' (not among this section's groups)")
    _check_keys(doc, raw, path)
    if kind == "rating":
        if "parts" not in raw:
            raise doc.error(path, "a rating question needs 'parts'")
        _check_unique(doc, raw["parts"], (*path, "parts"))
        for index, part in enumerate(raw["parts"]):
            _check_options(doc, part, (*path, "parts", index))
    elif kind == "table":
        _check_table(doc, raw, path)
    elif kind in ("single", "multiple", "checklist"):
        _check_options(doc, raw, path)
    if "suggest" in raw:
        offered = [o["id"] for o in _options(doc.data, raw)]
        for level, option in raw["suggest"]["options"].items():
            if option not in offered:
                raise doc.error(
                    (*path, "suggest", "options", level),
                    f"unknown option '{option}' (this question offers: {', '.join(offered)})",
                )


#: ``data-*`` names the form and its results already use: a dimension cannot take them.
RESERVED_KINDS = frozenset(
    {"action", "complete", "failed", "find-out", "level", "note", "percent", "priority", "progress", "question"}
    | {"questionnaire", "ready", "result", "role", "score", "version"}
)


def validate(doc: Located) -> None:
    """Raise a located :class:`DefinitionError` for the first problem in the author's data."""
    error = _schema_error(doc)
    if error:
        raise error
    data = doc.data
    for name, dim in data.get("dimensions", {}).items():
        for key in ("kind", "result"):
            if dim.get(key) in RESERVED_KINDS:
                raise doc.error(("dimensions", name, key), f"'{dim[key]}' is reserved for the form's own attributes")
    for name, options in data.get("scales", {}).items():
        _check_unique(doc, options, ("scales", name))
    _check_unique(doc, data["levels"], ("levels",))
    if NOT_ASSESSED in [lv["id"] for lv in data["levels"]]:
        raise doc.error(("levels",), f"'{NOT_ASSESSED}' is reserved: the engine adds it")
    _check_unique(doc, data["sections"], ("sections",))
    seen_questions: set[str] = set()
    for si, section in enumerate(data["sections"]):
        groups = section.get("groups", [])
        _check_unique(doc, groups, ("sections", si, "groups"))
        for qi, question in enumerate(section["questions"]):
            path = ("sections", si, "questions", qi)
            if question["id"] in seen_questions:
                raise doc.error((*path, "id"), f"duplicate id '{question['id']}'")
            seen_questions.add(question["id"])
            _check_question(doc, question, path, {g["id"] for g in groups})
    current = _version_tuple(data["version"])
    for index, migration in enumerate(data.get("migrations", [])):
        for key in ("from", "to"):
            if not re.fullmatch(r"\d+\.\d+\.\d+", migration[key]):
                raise doc.error(
                    ("migrations", index, key), f"must be a semantic version such as '1.0.0' (got {migration[key]!r})"
                )
        if not _version_tuple(migration["from"]) < _version_tuple(migration["to"]) <= current:
            raise doc.error(
                ("migrations", index), "a migration must go from an older version to a newer one, up to this version"
            )
    level_ids = [lv["id"] for lv in data["levels"]]
    for index, rec in enumerate(data.get("recommendations", [])):
        if rec["level"] not in [*level_ids, NOT_ASSESSED]:
            raise doc.error(
                ("recommendations", index, "level"), f"unknown level '{rec['level']}' (levels: {', '.join(level_ids)})"
            )
    for si, section in enumerate(data["sections"]):
        advice = section.get("advice", [])
        for index, rec in enumerate(advice):
            at: Path_ = ("sections", si, "advice", index, "level")
            if rec["level"] not in level_ids:
                raise doc.error(at, f"unknown level '{rec['level']}' (levels: {', '.join(level_ids)})")
            if rec["level"] in [other["level"] for other in advice[:index]]:
                raise doc.error(at, f"this section already has advice for '{rec['level']}'")


# --- normalization: valid data becomes the engine's spec ----------------------------------


def _options(data: dict[str, Any], raw: dict[str, Any]) -> list[dict[str, Any]]:
    options = data["scales"][raw["scale"]] if "scale" in raw else raw["options"]
    out = []
    for o in options:
        option = {"id": o["id"], "label": o["label"], "value": o.get("value"), "unknown": bool(o.get("unknown", False))}
        if o.get("meaning"):
            option["meaning"] = o["meaning"]
        out.append(option)
    return out


def _column(data: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    column: dict[str, Any] = {"id": raw["id"], "label": raw["label"], "type": raw.get("type", "text")}
    if column["type"] == "choice":
        column["options"] = _options(data, raw)
    elif column["type"] in ("text", "long-text"):
        column["max_length"] = raw.get("max_length", specs.DEFAULT_MAX_LENGTH[column["type"]])
    elif column["type"] == "source":
        column["max_length"] = specs.DEFAULT_MAX_LENGTH["text"]
    return column


def _question(data: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    kind = raw["type"]
    question: dict[str, Any] = {
        "id": raw["id"],
        "type": kind,
        "group": raw.get("group"),
        "text": raw["text"],
        "help": raw.get("help"),
        "example": raw.get("example"),
        "scored": raw.get("scored", kind not in specs.UNSCORED_TYPES),
        "expected": raw.get("expected", True),
    }
    if kind == "rating":
        question["parts"] = [{"id": p["id"], "label": p["label"], "options": _options(data, p)} for p in raw["parts"]]
        question["not_applicable"] = bool(raw.get("not_applicable", False))
    elif kind in ("text", "long-text"):
        question["max_length"] = raw.get("max_length", specs.DEFAULT_MAX_LENGTH[kind])
    elif kind == "table":
        question["columns"] = [_column(data, c) for c in raw["columns"]]
        question["max_rows"] = raw.get("max_rows", specs.DEFAULT_MAX_ROWS)
        question["due"] = copy.deepcopy(raw.get("due"))
        if "import" in raw:
            question["import"] = copy.deepcopy(raw["import"])
        if raw.get("signature"):
            question["signature"] = True
    elif kind != "date":
        question["options"] = _options(data, raw)
    if "suggest" in raw:
        question["suggest"] = copy.deepcopy(raw["suggest"])
    if raw.get("headline"):
        question["headline"] = raw["headline"]
    return question


def _advice(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"level": r["level"], "text": r["text"], "refs": list(r.get("refs", []))} for r in raw]


def normalize(data: dict[str, Any]) -> dict[str, Any]:
    """The engine's spec for valid data: scales resolved, defaults filled in; ``data`` is not changed."""
    return {
        "id": data["id"],
        "version": data["version"],
        "title": data["title"],
        "method": data["method"],
        "params": copy.deepcopy(data.get("params", {})),
        "dimensions": {
            name: {"kind": dim["kind"], "result": dim.get("result", dim["kind"]), "label": dim.get("label")}
            for name, dim in data.get("dimensions", {}).items()
        },
        "levels": [{"id": lv["id"], "label": lv["label"], "meaning": lv["meaning"]} for lv in data["levels"]],
        "sections": [
            {
                "id": s["id"],
                "title": s["title"],
                "intro": s.get("intro"),
                "ref": s.get("ref"),
                "groups": [{"id": g["id"], "title": g["title"], "ref": g.get("ref")} for g in s.get("groups", [])],
                "advice": _advice(s.get("advice", [])),
                "questions": [_question(data, q) for q in s["questions"]],
            }
            for s in data["sections"]
        ],
        "views": [{"type": v["type"], "dimension": v.get("dimension", "sections")} for v in data.get("views", [])],
        "recommendations": _advice(data.get("recommendations", [])),
        "migrations": copy.deepcopy(data.get("migrations", [])),
    }


# --- the whole load -----------------------------------------------------------------------


def _references(doc: Located) -> list[Reference]:
    refs = []
    for path, (line, column) in sorted(doc.marks.items(), key=lambda item: item[1]):
        if len(path) >= 2 and (path[-1] == "ref" or (len(path) >= 3 and path[-2] == "refs")):
            value: Any = doc.data
            for part in path:
                value = value[part]
            if isinstance(value, str):
                refs.append(Reference(value, line, column, format_path(path)))
    return refs


def _oddities(doc: Located, spec: dict[str, Any]) -> list[tuple[str, str]]:
    """Warnings: levels no rule produces, and levels with no recommendation."""
    found = []
    producible = set(methods.get(spec["method"]).levels(spec))
    advised = {rec["level"] for rec in doc.data.get("recommendations", [])}
    for index, level in enumerate(spec["levels"]):
        path = ("levels", index)
        if level["id"] not in producible:
            found.append(("unused-level", str(doc.error(path, f"level '{level['id']}' can never be the result"))))
        elif level["id"] not in advised:
            found.append(("no-recommendation", str(doc.error(path, f"level '{level['id']}' has no recommendation"))))
    return found


def build_definition(doc: Located) -> Definition:
    """Validate located YAML data and return the normalized definition."""
    validate(doc)
    spec = normalize(doc.data)
    method = methods.get(spec["method"])
    try:
        method.validate(spec)
        spec["params"] = method.normalize(spec)
        for index, view in enumerate(spec["views"]):
            charts.validate_view(spec, view, ("views", index))
    except SpecError as error:
        raise doc.error(tuple(error.path), error.message) from None
    data = doc.data
    return Definition(
        notes=_oddities(doc, spec),
        spec=spec,
        source=doc.filename,
        intro=data.get("intro"),
        interpretation=data.get("interpretation"),
        references=_references(doc),
    )


def load_definition(path: Path, display_name: str) -> Definition:
    """Read, validate and normalize one questionnaire file."""
    doc = load_located(path, display_name)
    if not isinstance(doc.data, dict):
        raise doc.error((), "the file must hold a mapping (id, version, title, ...)")
    return build_definition(doc)
