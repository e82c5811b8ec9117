"""Two results of one questionnaire side by side: what went up, what went down, by how much.

``compare`` gives plain data; ``table`` and ``lines`` put it into words for the page and for
Markdown reports. Scores are compared exactly (``score_num`` / ``score_den``), levels by their
rank in the definition's ``levels``. "Higher" and "lower" say nothing about better or worse: a
higher risk is worse, a higher readiness stage is better.
"""

from . import rational, tree
from . import spec as specs
from .text import fmt

DIRECTIONS = ("higher", "lower", "same", "not-comparable")
DIMENSIONS = ("sections", "groups")


def compare(spec: dict, current: dict, previous: dict) -> dict:
    """``{"questionnaire", "before_version", "after_version", "overall", "entries"}``; ValueError for a
    result of another questionnaire.

    ``overall`` and each entry hold ``before`` and ``after`` (``{"level", "score"}``, None for an
    entry that one version does not have), ``level_change``, ``score_change`` and ``direction``;
    entries also carry ``dimension``, ``id`` and ``section`` (None for a section). Sections come
    first, then groups, each in the current result's order, then any the earlier version had alone.
    """
    for result in (current, previous):
        if result.get("questionnaire") != spec.get("id"):
            raise ValueError(
                "cannot compare a result of '%s' with questionnaire '%s'"
                % (result.get("questionnaire"), spec.get("id"))
            )
    ranks = specs.level_rank(spec)
    entries = []
    for dimension in DIMENSIONS:
        for after, before in _pairs(current[dimension], previous[dimension]):
            found = after if after is not None else before
            change = _change(ranks, before, after)
            change["dimension"] = dimension
            change["id"] = found["id"]
            change["section"] = found.get("section")
            entries.append(change)
    return {
        "questionnaire": spec.get("id"),
        "before_version": previous.get("version"),
        "after_version": current.get("version"),
        "overall": _change(ranks, previous, current),
        "entries": entries,
    }


def matching(entries: list, entry: dict) -> dict | None:
    """The entry of ``entries`` that stands for the same section or group as ``entry``, or None."""
    for candidate in entries:
        # A group id is unique within its section only.
        if candidate["id"] == entry["id"] and candidate.get("section") == entry.get("section"):
            return candidate
    return None


def _pairs(after: list, before: list) -> list:
    """``(after, before)`` for every entry of either list: the current order, then entries only ``before`` has."""
    out = [(entry, matching(before, entry)) for entry in after]
    for entry in before:
        if matching(after, entry) is None:
            out.append((None, entry))
    return out


def _side(target: dict | None) -> dict | None:
    if target is None:
        return None
    return {"level": target["level"], "score": target.get("score")}


def score_of(target: dict | None) -> tuple | None:
    """The exact score of a result or entry (``score_num`` / ``score_den``), or None when it has none."""
    if target is None or target.get("score_num") is None:
        return None
    return (target["score_num"], target["score_den"])


def _change(ranks: dict, before: dict | None, after: dict | None) -> dict:
    level_change = None
    if before is not None and after is not None and before["level"] in ranks and after["level"] in ranks:
        level_change = ranks[after["level"]] - ranks[before["level"]]
    old, new = score_of(before), score_of(after)
    difference = None if old is None or new is None else rational.sub(new, old)
    if difference is not None:
        sign = difference[0]
    elif level_change is not None:
        sign = level_change
    else:
        sign = None
    return {
        "before": _side(before),
        "after": _side(after),
        "level_change": level_change,
        "score_change": None if difference is None else rational.signed2(difference),
        "direction": _direction(sign),
    }


def _direction(sign: int | None) -> str:
    if sign is None:
        return "not-comparable"
    if sign > 0:
        return "higher"
    if sign < 0:
        return "lower"
    return "same"


# ---------------------------------------------------------------------------
# Words


def _side_text(spec: dict, side: dict | None, strings: dict) -> str:
    if side is None:
        return strings["compare.missing"]
    return specs.level_text(spec, side["level"], side["score"], strings)


def change_text(change: dict, strings: dict) -> str:
    """The change in words: "Higher (+0.50); 1 level(s) up", "No change", "Cannot compare"."""
    said = strings["compare.direction." + change["direction"]]
    if change["score_change"] is not None:
        said = fmt(strings, "compare.change.score", {"direction": said, "change": change["score_change"]})
    moved = change["level_change"]
    if moved:
        key = "compare.level.up" if moved > 0 else "compare.level.down"
        said += "; " + fmt(strings, key, {"count": abs(moved)})
    return said


def _rows(spec: dict, comparison: dict, strings: dict) -> list:
    """``[name, before, now, change]`` for the overall result, then each entry."""
    rows = [[strings["compare.overall"]] + _texts(spec, comparison["overall"], strings)]
    for entry in comparison["entries"]:
        rows.append([specs.title_of(spec, entry["dimension"], entry["id"])] + _texts(spec, entry, strings))
    return rows


def _texts(spec: dict, change: dict, strings: dict) -> list:
    return [
        _side_text(spec, change["before"], strings),
        _side_text(spec, change["after"], strings),
        change_text(change, strings),
    ]


def table(spec: dict, comparison: dict, strings: dict) -> dict:
    """The comparison as a table tree: Entry | Before | Now | Change, the overall result first."""
    caption = fmt(
        strings,
        "compare.caption",
        {"before": comparison["before_version"], "after": comparison["after_version"]},
    )
    header = [
        strings[key] for key in ("compare.col.entry", "compare.col.before", "compare.col.now", "compare.col.change")
    ]
    return tree.table(caption, header, _rows(spec, comparison, strings), "chart-table compare-table")


def lines(spec: dict, comparison: dict, strings: dict) -> list:
    """One line per row of the table, for Markdown reports: "Fairness: Low (4.00) → High (16.00), Higher (+12.00)"."""
    out = []
    for name, before, after, change in _rows(spec, comparison, strings):
        out.append(fmt(strings, "compare.line", {"entry": name, "before": before, "after": after, "change": change}))
    return out


def summary(spec: dict, comparison: dict, strings: dict) -> str:
    """One sentence on the overall result: where it was, where it is, the change."""
    before, after, change = _texts(spec, comparison["overall"], strings)
    return fmt(strings, "compare.summary", {"before": before, "after": after, "change": change})
