"""Load a questionnaire definition, validate it, and normalize it into the scoring spec.

No Sphinx import here: the model is plain data so that tests and scripts can use it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import jsonschema

from .errors import DefinitionError
from .loader import Located, Path_, load_located

SCHEMA_PATH = Path(__file__).parent / "schema" / "questionnaire.schema.json"
NOT_ASSESSED = "not-assessed"

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
    recommendations: list[dict[str, Any]] = field(default_factory=list)
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


@cache
def _schema_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _schema_error(doc: Located) -> DefinitionError | None:
    errors = sorted(
        _schema_validator().iter_errors(doc.data), key=lambda e: (list(doc.where(tuple(e.absolute_path))), e.validator)
    )
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
    if kind == "minItems":
        return doc.error(path, f"must have at least {error.validator_value} item(s)")
    if kind == "maxItems":
        return doc.error(path, f"must have at most {error.validator_value} item(s)")
    if kind == "minLength":
        return doc.error(path, "must not be empty")
    return doc.error(path, error.message)


def _check_unique(doc: Located, items: list[dict[str, Any]], path: Path_, key: str = "id") -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item[key] in seen:
            raise doc.error(path, f"duplicate id '{item[key]}'", at=(*path, index, key))
        seen.add(item[key])


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _exact(number: float | int) -> Fraction:
    # From the decimal text the author wrote, so 0.7 means exactly 7/10.
    return Fraction(str(number))


def _options(doc: Located, raw: dict[str, Any], path: Path_) -> list[dict[str, Any]]:
    """The options of a question or part, from ``options`` or a named ``scale``."""
    if "options" in raw and "scale" in raw:
        raise doc.error((*path, "scale"), "give either 'options' or 'scale', not both")
    opt_path: Path_
    if "scale" in raw:
        scales = doc.data.get("scales", {})
        if raw["scale"] not in scales:
            known = ", ".join(sorted(scales)) or "none"
            raise doc.error((*path, "scale"), f"unknown scale '{raw['scale']}' (scales: {known})")
        options, opt_path = scales[raw["scale"]], ("scales", raw["scale"])
    elif "options" in raw:
        options, opt_path = raw["options"], (*path, "options")
    else:
        raise doc.error(path, "needs 'options' or 'scale'")
    _check_unique(doc, options, opt_path)
    return [
        {"id": o["id"], "label": o["label"], "value": o.get("value"), "unknown": bool(o.get("unknown", False))}
        for o in options
    ]


def _question(doc: Located, raw: dict[str, Any], path: Path_, group_ids: set[str]) -> dict[str, Any]:
    qtype = raw["type"]
    question: dict[str, Any] = {
        "id": raw["id"],
        "type": qtype,
        "group": raw.get("group"),
        "text": raw["text"],
        "help": raw.get("help"),
        "scored": raw.get("scored", qtype != "text"),
    }
    if question["group"] is not None and question["group"] not in group_ids:
        raise doc.error((*path, "group"), f"unknown group '{question['group']}' (not among this section's groups)")
    if qtype == "text":
        if question["scored"]:
            raise doc.error((*path, "scored"), "a text question cannot be scored")
        for key in ("options", "scale", "parts"):
            if key in raw:
                raise doc.error((*path, key), f"a text question takes no '{key}'")
    elif qtype == "rating":
        if "parts" not in raw:
            raise doc.error(path, "a rating question needs 'parts'")
        _check_unique(doc, raw["parts"], (*path, "parts"))
        question["parts"] = [
            {"id": p["id"], "label": p["label"], "options": _options(doc, p, (*path, "parts", i))}
            for i, p in enumerate(raw["parts"])
        ]
        question["not_applicable"] = bool(raw.get("not_applicable", False))
    else:
        if "parts" in raw:
            raise doc.error((*path, "parts"), f"a {qtype} question takes 'options', not 'parts'")
        question["options"] = _options(doc, raw, path)
    return question


def _levels_used(doc: Located, level_ids: list[str], level: str, path: Path_) -> None:
    if level not in level_ids:
        raise doc.error(path, f"unknown level '{level}' (levels: {', '.join(level_ids)})")


def _check_any_yes(doc: Located, spec: dict[str, Any], params: dict[str, Any]) -> None:
    level_ids = [lv["id"] for lv in spec["levels"]]
    # Authors write `yes_option` because YAML 1.1 reads a bare `yes` key as the boolean true.
    if "yes_option" in params:
        params["yes"] = params.pop("yes_option")
    for key in ("yes", "any_level", "none_level"):
        if not isinstance(params.get(key), str):
            name = "yes_option" if key == "yes" else key
            raise doc.error(("params",), f"missing required field '{name}'")
    _levels_used(doc, level_ids, params["any_level"], ("params", "any_level"))
    _levels_used(doc, level_ids, params["none_level"], ("params", "none_level"))
    questions = {q["id"]: q for s in spec["sections"] for q in s["questions"]}
    listed = params.get("questions") or [q["id"] for s in spec["sections"] for q in s["questions"] if q["scored"]]
    for index, qid in enumerate(listed):
        where = ("params", "questions", index) if "questions" in params else ("params",)
        question = questions.get(qid)
        if question is None:
            raise doc.error(where, f"unknown question '{qid}'")
        if question["type"] != "single" or params["yes"] not in [o["id"] for o in question["options"]]:
            raise doc.error(
                where, f"question '{qid}' must be a single-choice question with an option '{params['yes']}'"
            )
    params["questions"] = list(listed)


def _check_matrix_max(doc: Located, spec: dict[str, Any], params: dict[str, Any]) -> None:
    level_ids = [lv["id"] for lv in spec["levels"]]
    bands = params.get("bands")
    if not isinstance(bands, list) or not bands:
        raise doc.error(("params",), "missing required field 'bands'")
    for index, band in enumerate(bands):
        where = ("params", "bands", index)
        if not isinstance(band, dict) or not all(isinstance(band.get(k), int) for k in ("min", "max")):
            raise doc.error(where, "a band needs whole-number 'min' and 'max' and a 'level'")
        if band["min"] > band["max"]:
            raise doc.error(where, f"min {band['min']} is above max {band['max']}")
        _levels_used(doc, level_ids, str(band.get("level")), (*where, "level"))
    ordered = sorted(range(len(bands)), key=lambda i: bands[i]["min"])
    for before, after in pairwise(ordered):
        low, high = bands[before], bands[after]
        if high["min"] <= low["max"]:
            raise doc.error(
                ("params", "bands", after),
                f"band {high['min']}–{high['max']} overlaps band {low['min']}–{low['max']}",
            )
    ratings = [
        (si, qi, q)
        for si, s in enumerate(spec["sections"])
        for qi, q in enumerate(s["questions"])
        if q["type"] == "rating"
    ]
    if not ratings:
        raise doc.error(("sections",), "matrix-max needs at least one rating question")
    for si, qi, question in ratings:
        values = []
        for pi, part in enumerate(question["parts"]):
            part_values = [o["value"] for o in part["options"]]
            if not all(isinstance(v, int) and v > 0 for v in part_values):
                raise doc.error(
                    ("sections", si, "questions", qi, "parts", pi),
                    "every option of a rating part needs a positive whole-number 'value'",
                )
            values.append(part_values)
        for a in values[0]:
            for b in values[1]:
                if not any(band["min"] <= a * b <= band["max"] for band in bands):
                    raise doc.error(
                        ("params", "bands"),
                        f"gap: score {a * b} ({a} × {b}, from question '{question['id']}') falls in no band",
                    )
    params["parts"] = [p["id"] for p in ratings[0][2]["parts"]]


def _check_banded_mean(doc: Located, spec: dict[str, Any], params: dict[str, Any]) -> None:
    level_ids = [lv["id"] for lv in spec["levels"]]
    bands = params.get("bands")
    if not isinstance(bands, list) or len(bands) < 2:
        raise doc.error(("params",), "banded-mean needs 'bands' with at least two stages")
    previous: Fraction | None = None
    for index, band in enumerate(bands):
        where = ("params", "bands", index)
        if not isinstance(band, dict):
            raise doc.error(where, "a band needs a 'level' and, except the last, a 'below' threshold")
        _levels_used(doc, level_ids, str(band.get("level")), (*where, "level"))
        last = index == len(bands) - 1
        if last and "below" in band:
            raise doc.error((*where, "below"), "the last band takes no 'below': it holds every higher score")
        if not last:
            if not isinstance(band.get("below"), (int, float)):
                raise doc.error(where, "every band but the last needs a numeric 'below'")
            below = _exact(band["below"])
            if previous is not None and below <= previous:
                raise doc.error(
                    (*where, "below"), f"thresholds must rise: {band['below']} is not above the previous one"
                )
            previous = below
    if "priority_below" in params:
        _levels_used(doc, level_ids, params["priority_below"], ("params", "priority_below"))
    for si, section in enumerate(spec["sections"]):
        for qi, question in enumerate(section["questions"]):
            if question["scored"] and question["type"] != "single":
                raise doc.error(
                    ("sections", si, "questions", qi, "type"), "banded-mean scores single-choice statements only"
                )
            if question["scored"] and not all(isinstance(o["value"], (int, float)) for o in question["options"]):
                raise doc.error(
                    ("sections", si, "questions", qi), "every option of a scored statement needs a numeric 'value'"
                )


METHOD_CHECKS = {"any-yes": _check_any_yes, "matrix-max": _check_matrix_max, "banded-mean": _check_banded_mean}


def _references(doc: Located, data: dict[str, Any]) -> list[Reference]:
    refs = []
    for path, mark in sorted(doc.marks.items(), key=lambda item: item[1]):
        if len(path) >= 2 and (path[-1] == "ref" or (len(path) >= 3 and path[-2] == "refs")):
            value: Any = data
            for part in path:
                value = value[part]
            if isinstance(value, str):
                refs.append(
                    Reference(
                        value,
                        mark[0],
                        mark[1],
                        "".join(
                            f"[{p}]" if isinstance(p, int) else (("." if i else "") + p) for i, p in enumerate(path)
                        ),
                    )
                )
    return refs


def _producible_levels(spec: dict[str, Any]) -> set[str]:
    """Levels the method's rules can reach."""
    params = spec["params"]
    if spec["method"] == "any-yes":
        return {params["any_level"], params["none_level"]}
    return {band["level"] for band in params["bands"]}


def _oddities(doc: Located, spec: dict[str, Any], data: dict[str, Any]) -> list[tuple[str, str]]:
    """Warnings: levels no rule produces, and levels with no recommendation."""
    found = []
    producible = _producible_levels(spec)
    advised = {rec["level"] for rec in data.get("recommendations", [])}
    for index, level in enumerate(spec["levels"]):
        path = ("levels", index)
        if level["id"] not in producible:
            found.append(("unused-level", str(doc.error(path, f"level '{level['id']}' can never be the result"))))
        elif level["id"] not in advised:
            found.append(("no-recommendation", str(doc.error(path, f"level '{level['id']}' has no recommendation"))))
    return found


def build_definition(doc: Located) -> Definition:
    """Validate located YAML data and return the normalized definition."""
    error = _schema_error(doc)
    if error:
        raise error
    data = doc.data
    _check_unique(doc, data["levels"], ("levels",))
    if NOT_ASSESSED in [lv["id"] for lv in data["levels"]]:
        raise doc.error(("levels",), f"'{NOT_ASSESSED}' is reserved: the engine adds it")
    _check_unique(doc, data["sections"], ("sections",))
    seen_questions: dict[str, Path_] = {}
    sections = []
    for si, raw_section in enumerate(data["sections"]):
        groups = raw_section.get("groups", [])
        _check_unique(doc, groups, ("sections", si, "groups"))
        group_ids = {g["id"] for g in groups}
        questions = []
        for qi, raw_question in enumerate(raw_section["questions"]):
            path = ("sections", si, "questions", qi)
            if raw_question["id"] in seen_questions:
                raise doc.error((*path, "id"), f"duplicate id '{raw_question['id']}'")
            seen_questions[raw_question["id"]] = path
            questions.append(_question(doc, raw_question, path, group_ids))
        sections.append(
            {
                "id": raw_section["id"],
                "title": raw_section["title"],
                "intro": raw_section.get("intro"),
                "ref": raw_section.get("ref"),
                "groups": [{"id": g["id"], "title": g["title"], "ref": g.get("ref")} for g in groups],
                "questions": questions,
            }
        )
    spec: dict[str, Any] = {
        "id": data["id"],
        "version": data["version"],
        "title": data["title"],
        "method": data["method"],
        "params": dict(data.get("params", {})),
        "levels": [{"id": lv["id"], "label": lv["label"], "meaning": lv["meaning"]} for lv in data["levels"]],
        "sections": sections,
        "migrations": [dict(m) for m in data.get("migrations", [])],
    }
    METHOD_CHECKS[data["method"]](doc, spec, spec["params"])
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
            _levels_used(doc, level_ids, rec["level"], ("recommendations", index, "level"))
    return Definition(
        notes=_oddities(doc, spec, data),
        spec=spec,
        source=doc.filename,
        intro=data.get("intro"),
        interpretation=data.get("interpretation"),
        recommendations=[
            {"level": r["level"], "text": r["text"], "refs": list(r.get("refs", []))}
            for r in data.get("recommendations", [])
        ],
        references=_references(doc, data),
    )


def load_definition(path: Path, display_name: str) -> Definition:
    """Read, validate and normalize one questionnaire file."""
    doc = load_located(path, display_name)
    if not isinstance(doc.data, dict):
        raise doc.error((), "the file must hold a mapping (id, version, title, ...)")
    return build_definition(doc)
