"""banded-mean: statements score their answer's value, areas their mean, bands give stages (readiness)."""

from .. import items as items_
from .. import rational, text
from .. import spec as specs
from ..errors import SpecError, check_level

NAME = "banded-mean"

PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["bands"],
    "properties": {
        "bands": {
            "type": "array",
            "minItems": 2,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["level"],
                "properties": {"level": {"type": "string"}, "below": {"type": "number"}},
            },
        },
        "priority_below": {"type": "string"},
        "max_priorities": {"type": "integer", "minimum": 1},
    },
}


def validate(spec: dict) -> None:
    """Known levels, rising thresholds, a last band without one; single-choice statements with numeric values."""
    params = spec["params"]
    bands = params["bands"]
    previous = None
    for index, band in enumerate(bands):
        where = ("params", "bands", index)
        check_level(spec, band["level"], where + ("level",))
        last = index == len(bands) - 1
        if last and "below" in band:
            raise SpecError(where + ("below",), "the last band takes no 'below': it holds every higher score")
        if not last:
            if "below" not in band:
                raise SpecError(where, "every band but the last needs a numeric 'below'")
            below = rational.to_rational(band["below"])
            if previous is not None and not rational.less(previous, below):
                raise SpecError(
                    where + ("below",), "thresholds must rise: %s is not above the previous one" % band["below"]
                )
            previous = below
    if "priority_below" in params:
        check_level(spec, params["priority_below"], ("params", "priority_below"))
    for si, section in enumerate(spec.get("sections", [])):
        for qi, question in enumerate(section.get("questions", [])):
            if not items_.is_scored(question):
                continue
            if question["type"] != "single":
                raise SpecError(
                    ("sections", si, "questions", qi, "type"), "banded-mean scores single-choice statements only"
                )
            if not all(_is_number(o.get("value")) for o in question["options"]):
                raise SpecError(
                    ("sections", si, "questions", qi), "every option of a scored statement needs a numeric 'value'"
                )


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and value is not True and value is not False


def normalize(spec: dict) -> dict:
    """Fill in ``max_priorities`` (3)."""
    params = dict(spec["params"])
    params["max_priorities"] = params.get("max_priorities", 3)
    return params


def levels(spec: dict) -> list:
    """The bands' levels."""
    return [band["level"] for band in spec["params"]["bands"]]


def _stage(bands: list, value: tuple) -> str:
    for band in bands:
        if band.get("below") is None or rational.less(value, rational.to_rational(band["below"])):
            return band["level"]
    raise ValueError("banded-mean needs a final band without 'below'")


def _value(item: dict) -> tuple | None:
    # A statement is a single question; its chosen option's value is its score.
    if item["question"].get("type") != "single" or item["status"] != "answered":
        return None
    return rational.to_rational(item["parts"][0]["value"])


def _mean(found: list) -> tuple | None:
    values = [value for value in [_value(item) for item in found] if value is not None]
    return rational.mean(values) if values else None


def scale_top(questions: list) -> tuple | None:
    """The highest value any of these statements offers (the 100 % mark of a percent), or None when not positive."""
    best = None
    for question in questions:
        for option in question.get("options", []):
            value = rational.to_rational(option["value"])
            if best is None or rational.less(best, value):
                best = value
    return best if best is not None and best[0] > 0 else None


def _lowest_first(candidates: list) -> list:
    # Insertion sort on exact rationals (tuples would compare numerators, not values);
    # it is stable, so equal scores keep the spec's order. The lists are a handful of areas.
    ordered: list = []
    for candidate in candidates:
        index = len(ordered)
        while index > 0 and rational.less(candidate[0], ordered[index - 1][0]):
            index -= 1
        ordered.insert(index, candidate)
    return ordered


def _priorities(spec: dict, sections: list, params: dict, top: tuple | None) -> list:
    ranks = specs.level_rank(spec)
    limit = ranks.get(params.get("priority_below"), 0)
    candidates = []
    for entry in sections:
        if entry["score"] is not None and ranks.get(entry["level"], limit) < limit:
            candidates.append(((entry["score_num"], entry["score_den"]), entry))
    out = []
    for value, entry in _lowest_first(candidates)[: params.get("max_priorities", 3)]:
        priority = {"id": entry["id"], "level": entry["level"]}
        items_.set_score(priority, value, top)
        out.append(priority)
    return out


def score(spec: dict, found: list, context: dict) -> dict:
    """Means of answered statements per entry; the overall is the mean of the assessed sections."""
    params = spec["params"]
    bands = params["bands"]
    for item in found:
        if _value(item) is not None:
            item["score"] = item["parts"][0]["value"]
    statements = [item for item in found if item["question"].get("type") == "single"]
    top = scale_top([item["question"] for item in statements])
    result = items_.empty_result(spec, found)
    grouped = items_.by_entry(statements)
    for entry in items_.entries(result):
        value = _mean(items_.entry_items(grouped, entry))
        entry["level"] = items_.NOT_ASSESSED if value is None else _stage(bands, value)
        items_.set_score(entry, value, top)
    assessed = [(e["score_num"], e["score_den"]) for e in result["sections"] if e["score"] is not None]
    overall = rational.mean(assessed) if assessed else None
    result["level"] = items_.NOT_ASSESSED if overall is None else _stage(bands, overall)
    items_.set_score(result, overall, top)
    result["complete"] = all(items_.is_done(item) for item in statements)
    result["priorities"] = _priorities(spec, result["sections"], params, top)
    result["to_find_out"] = [item["id"] for item in statements if item["status"] == "answered" and _unknown(item)]
    return result


def _unknown(item: dict) -> bool:
    option = specs.option(item["question"].get("options", []), item["parts"][0]["option"])
    return bool(option and option.get("unknown"))


def _band_rows(spec: dict, strings: dict) -> list:
    rows = []
    previous = None
    for band in spec["params"]["bands"]:
        if "below" in band:
            span = text.fmt(strings, "how.band.below", {"below": band["below"]})
        else:
            span = text.fmt(strings, "how.band.rest", {"min": previous})
        rows.append([span, specs.level_label(spec, band["level"], strings)])
        previous = band.get("below")
    return rows


def _rule(spec: dict, strings: dict) -> str:
    priority = spec["params"].get("priority_below", "")
    return text.fmt(strings, "how.banded-mean", {"priority_level": specs.level_label(spec, priority, strings)})


def how(spec: dict, strings: dict) -> list:
    """The rule, the value of each answer, the bands, what each level means."""
    blocks = [text.paragraph(_rule(spec, strings))]
    first = None
    for _section, question in specs.questions(spec):
        if items_.is_scored(question):
            first = question
            break
    if first is not None:
        options = first["options"]
        header = [strings["how.col.answer"], strings["how.col.value"]]
        # A third column when the author says what the answers mean.
        meanings = any(option.get("meaning") for option in options)
        if meanings:
            header.append(strings["how.col.meaning"])
        rows = []
        for option in options:
            label = option["label"] + (" " + strings["how.unknown"] if option.get("unknown") else "")
            row = [label, str(option["value"])]
            if meanings:
                row.append(option.get("meaning") or "")
            rows.append(row)
        blocks.append(text.table(strings["how.values"], header, rows))
    blocks.append(text.bands_table(_band_rows(spec, strings), strings))
    blocks.append(text.levels_table(spec, strings))
    return blocks


def explain(spec: dict, result: dict, strings: dict) -> list:
    """Section scores, priorities and statements to find out about (the rule is in "how")."""
    lines = []
    for entry in result["sections"]:
        if entry["score"] is not None:
            level = specs.level_label(spec, entry["level"], strings)
            lines.append(specs.title_of(spec, "sections", entry["id"]) + ": " + entry["score"] + " → " + level)
    if result["priorities"]:
        names = [specs.title_of(spec, "sections", p["id"]) + " (" + p["score"] + ")" for p in result["priorities"]]
        lines.append(strings["result.priorities"] + ": " + "; ".join(names))
    if result["to_find_out"]:
        texts = [specs.question(spec, qid)["text"] for qid in result["to_find_out"]]
        lines.append(strings["result.to_find_out"] + ": " + "; ".join(texts))
    return lines
