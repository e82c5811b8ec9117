"""progress: no score, the share of expected fields filled in (the workbook's record).

Every field counts unless the definition marks it ``expected: false``; a table counts once it
has a row with something in it. Sections and the whole take a whole-number percent and a
level: ``not_started`` with nothing filled, ``complete`` with everything, else ``in_progress``.
Overdue table rows (see ``dates.py``) are listed in every result, whatever the method.
"""

from .. import items as items_
from .. import rational, text
from .. import spec as specs
from ..errors import SpecError, check_level

NAME = "progress"
#: Read every expected field, not only scored questions (see scoring.score).
READS = "fields"

PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["not_started", "in_progress", "complete"],
    "properties": {
        "not_started": {"type": "string"},
        "in_progress": {"type": "string"},
        "complete": {"type": "string"},
    },
}

_KEYS = ("not_started", "in_progress", "complete")


def validate(spec: dict) -> None:
    """Three known, different levels; at least one expected field."""
    params = spec["params"]
    for key in _KEYS:
        check_level(spec, params[key], ("params", key))
    if len(set(params[key] for key in _KEYS)) != len(_KEYS):
        raise SpecError(("params",), "not_started, in_progress and complete need three different levels")
    if not any(items_.is_expected(question) for _section, question in specs.questions(spec)):
        raise SpecError(("sections",), "progress needs at least one field that is expected")


def normalize(spec: dict) -> dict:
    """Nothing to fill in."""
    return dict(spec["params"])


def levels(spec: dict) -> list:
    """The three progress levels."""
    return [spec["params"][key] for key in _KEYS]


def _measure(target: dict, answered: int, total: int, params: dict) -> None:
    if total == 0:
        return
    if answered == 0:
        target["level"] = params["not_started"]
    elif answered == total:
        target["level"] = params["complete"]
    else:
        target["level"] = params["in_progress"]
    target["percent"] = rational.percent((answered, total), (1, 1))


def score(spec: dict, found: list, context: dict) -> dict:
    """Each section and the whole: the share of their expected fields that hold an answer."""
    params = spec["params"]
    result = items_.empty_result(spec, found)
    _measure(result, result["answered"], result["total"], params)
    result["complete"] = result["answered"] == result["total"]
    for entry in items_.entries(result):
        _measure(entry, entry["answered"], entry["total"], params)
    return result


def _rule(spec: dict, strings: dict) -> str:
    params = spec["params"]
    return text.fmt(
        strings,
        "how.progress",
        {
            "not_started": specs.level_label(spec, params["not_started"], strings),
            "in_progress": specs.level_label(spec, params["in_progress"], strings),
            "complete": specs.level_label(spec, params["complete"], strings),
        },
    )


def how(spec: dict, strings: dict) -> list:
    """The rule, the overdue rule when a table has due dates, what each level means."""
    blocks = [text.paragraph(_rule(spec, strings))]
    if any(question.get("due") for _section, question in specs.questions(spec)):
        blocks.append(text.paragraph(strings["how.overdue"]))
    blocks.append(text.levels_table(spec, strings))
    return blocks


def explain(spec: dict, result: dict, strings: dict) -> list:
    """How much is filled in (the rule is in "how")."""
    lines = []
    if result["total"]:
        values = {"answered": result["answered"], "total": result["total"], "percent": result["percent"]}
        lines.append(text.fmt(strings, "why.progress", values))
    return lines
