"""matrix-max: each item's two ratings multiply into a score, a band gives its level, the highest level counts.

Used by risk assessments: one serious risk decides, an average would hide it.
"""

from .. import items as items_
from .. import spec as specs
from .. import text
from ..errors import SpecError, check_level

NAME = "matrix-max"

PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["bands"],
    "properties": {
        "bands": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["min", "max", "level"],
                "properties": {
                    "min": {"type": "integer", "minimum": 1},
                    "max": {"type": "integer", "minimum": 1},
                    "level": {"type": "string"},
                },
            },
        },
        # The part ids every rating question must have (for instance likelihood and impact);
        # without it, each question's score is the product of its own two parts.
        "parts": {"type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "string"}},
        # The lowest level whose items the result lists as ``flagged`` (highest score first).
        "flag_from": {"type": "string"},
    },
}


def rating_questions(spec: dict) -> list:
    """``(section index, question index, question)`` of every rating question."""
    out = []
    for si, section in enumerate(spec.get("sections", [])):
        for qi, question in enumerate(section.get("questions", [])):
            if question.get("type") == "rating":
                out.append((si, qi, question))
    return out


def band_level(bands: list, value: int) -> str | None:
    """The level of the band holding ``value``, or None when no band does."""
    for band in bands:
        if band["min"] <= value <= band["max"]:
            return band["level"]
    return None


def validate(spec: dict) -> None:
    """Bands sorted out and gap-free for every product; rating parts with positive whole values."""
    params = spec["params"]
    bands = params["bands"]
    for index, band in enumerate(bands):
        where = ("params", "bands", index)
        if band["min"] > band["max"]:
            raise SpecError(where, "min %d is above max %d" % (band["min"], band["max"]))
        check_level(spec, band["level"], where + ("level",))
    ordered = sorted(range(len(bands)), key=lambda i: bands[i]["min"])
    for before, after in zip(ordered, ordered[1:]):
        low, high = bands[before], bands[after]
        if high["min"] <= low["max"]:
            raise SpecError(
                ("params", "bands", after),
                "band %d–%d overlaps band %d–%d" % (high["min"], high["max"], low["min"], low["max"]),
            )
    ratings = rating_questions(spec)
    if not ratings:
        raise SpecError(("sections",), "matrix-max needs at least one rating question")
    declared = params.get("parts")
    for si, qi, question in ratings:
        at = ("sections", si, "questions", qi)
        part_ids = specs.option_ids(question["parts"])
        if declared and part_ids != list(declared):
            raise SpecError(
                at + ("parts",),
                "parts must be '"
                + "', '".join(declared)
                + "' as params.parts says (got '"
                + "', '".join(part_ids)
                + "')",
            )
        values = []
        for pi, part in enumerate(question["parts"]):
            part_values = [o.get("value") for o in part["options"]]
            if not all(isinstance(v, int) and v is not True and v > 0 for v in part_values):
                raise SpecError(
                    at + ("parts", pi), "every option of a rating part needs a positive whole-number 'value'"
                )
            values.append(part_values)
        for a in values[0]:
            for b in values[1]:
                if band_level(bands, a * b) is None:
                    raise SpecError(
                        ("params", "bands"),
                        "gap: score %d (%d × %d, from question '%s') falls in no band" % (a * b, a, b, question["id"]),
                    )


def normalize(spec: dict) -> dict:
    """Nothing to fill in."""
    return dict(spec["params"])


def levels(spec: dict) -> list:
    """The bands' levels."""
    return [band["level"] for band in spec["params"]["bands"]]


def _rate(item: dict, bands: list) -> None:
    if item["status"] != "rated":
        return
    value = 1
    for part in item["parts"]:
        value *= part["value"]
    item["score"] = value
    level = band_level(bands, value)
    if level is None:
        # A gap is a definition error caught at build time; hiding a rated risk would be worse than stopping.
        raise ValueError("no band contains score %d" % value)
    item["level"] = level


def score(spec: dict, found: list, context: dict) -> dict:
    """Items score likelihood × impact; entries and the whole take their highest item."""
    bands = spec["params"]["bands"]
    ranks = specs.level_rank(spec)
    ratings = [item for item in found if item["question"].get("type") == "rating"]
    for item in ratings:
        _rate(item, bands)
    result = items_.empty_result(spec, found)
    _summarize(result, ratings, ranks)
    result["complete"] = all(item["status"] in ("rated", "not-applicable") for item in ratings)
    result["flagged"] = _flagged(spec, ratings, ranks)
    grouped = items_.by_entry(ratings)
    for entry in items_.entries(result):
        _summarize(entry, items_.entry_items(grouped, entry), ranks)
    return result


def _flagged(spec: dict, ratings: list, ranks: dict) -> list:
    """The ids of the items at or above ``flag_from``, highest score first (ties in the author's order)."""
    bar = spec["params"].get("flag_from")
    if bar is None:
        return []
    found = []
    for index, item in enumerate(ratings):
        if item["level"] is not None and ranks[item["level"]] >= ranks[bar]:
            found.append((-item["score"], index, item["id"]))
    return [entry[2] for entry in sorted(found)]


def _summarize(target: dict, rated: list, ranks: dict) -> None:
    # The level is the highest item level; the score is the highest item score (no percent:
    # a product of two ratings is not a share of anything).
    target["level"] = items_.highest([item["level"] for item in rated], ranks)
    scores = [item["score"] for item in rated if item["score"] is not None]
    items_.set_score(target, (max(scores), 1) if scores else None)


def _parts_text(question: dict) -> tuple:
    parts = question["parts"]
    return parts[0]["label"], parts[1]["label"]


def _rule(spec: dict, strings: dict) -> str:
    part1, part2 = _parts_text(rating_questions(spec)[0][2])
    return text.fmt(strings, "how.matrix-max", {"part1": part1, "part2": part2})


def how(spec: dict, strings: dict) -> list:
    """The rule, the value of each rating, the bands, what each level means."""
    first = rating_questions(spec)[0][2]
    blocks = [text.paragraph(_rule(spec, strings))]
    for part in first["parts"]:
        blocks.append(
            text.table(
                part["label"],
                [strings["how.col.answer"], strings["how.col.value"]],
                [[o["label"], str(o["value"])] for o in part["options"]],
            )
        )
    blocks.append(text.bands_table(_band_rows(spec, strings), strings))
    blocks.append(_matrix(spec, first, strings))
    blocks.append(text.levels_table(spec, strings))
    return blocks


def _matrix(spec: dict, question: dict, strings: dict) -> dict:
    """Every pair of ratings with its score and level: the second part down (highest first), the first across."""
    across, down = question["parts"][0], question["parts"][1]
    bands = spec["params"]["bands"]
    columns = sorted(across["options"], key=lambda o: o["value"])
    rows = []
    for row in sorted(down["options"], key=lambda o: -o["value"]):
        cells = [row["label"]]
        for column in columns:
            value = row["value"] * column["value"]
            cells.append(str(value) + " " + specs.level_label(spec, band_level(bands, value) or "", strings))
        rows.append(cells)
    corner = text.fmt(strings, "how.matrix.corner", {"down": down["label"], "across": across["label"]})
    title = text.fmt(strings, "how.matrix", {"down": down["label"], "across": across["label"]})
    return text.table(title, [corner] + [o["label"] for o in columns], rows)


def _band_rows(spec: dict, strings: dict) -> list:
    return [
        [
            text.fmt(strings, "how.band.range", {"min": b["min"], "max": b["max"]}),
            specs.level_label(spec, b["level"], strings),
        ]
        for b in spec["params"]["bands"]
    ]


def explain(spec: dict, result: dict, strings: dict) -> list:
    """Nothing beyond the items: the rule and the bands are stated once, in "how this is scored"."""
    return []


def settled(spec: dict, result: dict) -> bool:
    """Whether rating the rest cannot change the result: it is already the highest level."""
    return result["level"] == spec["levels"][-1]["id"]
