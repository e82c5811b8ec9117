"""any-yes: a single "yes" to any listed question decides the result (the applicability check)."""

from .. import items as items_
from .. import spec as specs
from .. import text
from ..errors import SpecError, check_level

NAME = "any-yes"

# Authors write `yes_option`, not `yes`: YAML 1.1 reads a bare `yes` key as the boolean true.
PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["yes_option", "any_level", "none_level"],
    "properties": {
        "yes_option": {"type": "string"},
        "any_level": {"type": "string"},
        "none_level": {"type": "string"},
        "questions": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        # Other option ids that count as yes, such as "not assessed yet" (reported as chosen).
        "counts_as_yes": {"type": "array", "minItems": 1, "items": {"type": "string"}},
    },
}


def _listed(spec: dict) -> list:
    params = spec["params"]
    if params.get("questions"):
        return list(params["questions"])
    return [q["id"] for _s, q in specs.questions(spec) if items_.is_scored(q)]


def validate(spec: dict) -> None:
    """Levels must exist; every listed question must be single choice with the yes option."""
    params = spec["params"]
    for key in ("any_level", "none_level"):
        check_level(spec, params[key], ("params", key))
    offered = []
    for index, qid in enumerate(_listed(spec)):
        where = ("params", "questions", index) if params.get("questions") else ("params",)
        question = specs.find_question(spec, qid)
        if question is None:
            raise SpecError(where, "unknown question '" + qid + "'")
        if question["type"] != "single" or specs.option(question["options"], params["yes_option"]) is None:
            raise SpecError(
                where,
                "question '" + qid + "' must be a single-choice question with an option '" + params["yes_option"] + "'",
            )
        offered.extend(specs.option_ids(question["options"]))
    for index, option in enumerate(params.get("counts_as_yes", [])):
        if option not in offered:
            raise SpecError(("params", "counts_as_yes", index), "no listed question offers the option '" + option + "'")


def normalize(spec: dict) -> dict:
    """The params with ``questions`` filled in (default: every scored question)."""
    params = dict(spec["params"])
    params["questions"] = _listed(spec)
    params["counts_as_yes"] = list(params.get("counts_as_yes", []))
    return params


def levels(spec: dict) -> list:
    """any-yes produces its two levels."""
    return [spec["params"]["any_level"], spec["params"]["none_level"]]


def _yes_options(params: dict) -> list:
    return [params["yes_option"]] + params.get("counts_as_yes", [])


def _answers_yes(item: dict, params: dict) -> bool:
    return any(part["option"] in _yes_options(params) for part in item["parts"])


def _level(listed: list, params: dict) -> str:
    if not listed:
        return items_.NOT_ASSESSED
    if any(_answers_yes(item, params) for item in listed):
        return params["any_level"]
    if all(items_.is_done(item) for item in listed):
        return params["none_level"]
    return items_.NOT_ASSESSED


def score(spec: dict, found: list, context: dict) -> dict:
    """Any yes gives ``any_level``; all answered and none yes gives ``none_level``."""
    params = spec["params"]
    listed = [item for item in found if item["id"] in params["questions"]]
    result = items_.empty_result(spec, found)
    result["level"] = _level(listed, params)
    result["complete"] = all(items_.is_done(item) for item in listed)
    result["reasons"] = [item["id"] for item in listed if _answers_yes(item, params)]
    grouped = items_.by_entry(listed)
    for entry in items_.entries(result):
        entry["level"] = _level(items_.entry_items(grouped, entry), params)
    return result


def _rule(spec: dict, strings: dict) -> str:
    params = spec["params"]
    first = specs.question(spec, params["questions"][0])
    rule = text.fmt(
        strings,
        "how.any-yes",
        {
            "yes": specs.option_label(first["options"], params["yes_option"]),
            "any_level": specs.level_label(spec, params["any_level"], strings),
            "none_level": specs.level_label(spec, params["none_level"], strings),
        },
    )
    for option in params.get("counts_as_yes", []):
        values = {"option": _label(spec, option), "yes": specs.option_label(first["options"], params["yes_option"])}
        rule += " " + text.fmt(strings, "how.any-yes.counts", values)
    return rule


def _label(spec: dict, option_id: str) -> str:
    """The label of an option id in the first listed question that offers it."""
    for qid in spec["params"]["questions"]:
        found = specs.option(specs.question(spec, qid)["options"], option_id)
        if found is not None:
            return found["label"]
    return option_id


def how(spec: dict, strings: dict) -> list:
    """One paragraph stating the rule, then what each result means."""
    return [text.paragraph(_rule(spec, strings)), text.levels_table(spec, strings)]


def explain(spec: dict, result: dict, strings: dict) -> list:
    """The rule."""
    return []


def settled(spec: dict, result: dict) -> bool:
    """Whether answering the rest cannot change the result: a "yes" already decides it."""
    return result["level"] == spec["params"]["any_level"]
