"""Answers read into items, and the result skeleton every scoring method fills in.

An item is one scored question: its status (``answered``, ``rated``, ``incomplete``,
``not-applicable``, ``unanswered``), the chosen parts in the spec's order, and the score and
level a method gives it. A result entry is one section or group: ``dimension`` (``sections``
or ``groups``), ``kind`` (what it stands for, from the definition's ``dimensions``), ``id``,
``level``, ``score``, ``percent``, ``answered`` and ``total``.
"""

from . import rational
from . import spec as specs

NOT_ASSESSED = specs.NOT_ASSESSED
DONE = ("answered", "rated", "not-applicable")


def is_scored(question: dict) -> bool:
    """Whether a question counts towards a scored result (texts, dates, checklists and tables never do)."""
    if question.get("type") in specs.UNSCORED_TYPES:
        return False
    return question.get("scored", True) is not False


def is_expected(question: dict) -> bool:
    """Whether a field counts towards progress (every field unless marked ``expected: false``)."""
    return question.get("expected", True) is not False


def _part_entry(part_id: str | None, option: dict) -> dict:
    return {"part": part_id, "option": option["id"], "value": option.get("value")}


def _read_question(question: dict, answers: dict) -> tuple:
    """``(status, parts)`` for one scored question; parts follow the spec's order."""
    kind = question.get("type")
    qid = question["id"]
    if kind == "rating":
        if specs.is_not_applicable(question, answers):
            return "not-applicable", []
        parts = []
        for part in question.get("parts", []):
            option = specs.option(part.get("options", []), answers.get(specs.part_control(qid, part["id"])))
            if option is not None:
                parts.append(_part_entry(part["id"], option))
        if not parts:
            return "unanswered", parts
        if len(parts) < len(question.get("parts", [])):
            return "incomplete", parts
        return "rated", parts
    if kind == "multiple":
        chosen = answers.get(qid)
        chosen = chosen if isinstance(chosen, list) else []
        parts = [_part_entry(None, option) for option in question.get("options", []) if option["id"] in chosen]
    else:
        option = specs.option(question.get("options", []), answers.get(qid))
        parts = [] if option is None else [_part_entry(None, option)]
    return ("answered" if parts else "unanswered"), parts


def read_items(spec: dict, answers: dict) -> list:
    """One item per scored question, in the spec's order; ``question`` is removed before returning."""
    items = []
    for section, question in specs.questions(spec):
        if not is_scored(question):
            continue
        status, parts = _read_question(question, answers)
        items.append(
            {
                "id": question["id"],
                "section": section["id"],
                "group": question.get("group"),
                "status": status,
                "score": None,
                "level": None,
                "parts": parts,
                "question": question,
            }
        )
    return items


def read_fields(spec: dict, answers: dict) -> list:
    """One item per expected field, for methods that measure progress rather than score answers:
    its status is ``answered`` when the reader has filled it in, else ``unanswered``."""
    items = []
    for section, question in specs.questions(spec):
        if not is_expected(question):
            continue
        items.append(
            {
                "id": question["id"],
                "section": section["id"],
                "group": question.get("group"),
                "status": "answered" if specs.is_filled(question, answers) else "unanswered",
                "score": None,
                "level": None,
                "parts": [],
                "question": question,
            }
        )
    return items


def is_done(item: dict) -> bool:
    """Answered, fully rated, or marked not applicable."""
    return item["status"] in DONE


def _entry_key(dimension: str, entry_id: str, section_id: str | None) -> tuple:
    return (dimension, section_id, entry_id)


def by_entry(items: list) -> dict:
    """Items grouped, in one pass, by the result entries they belong to (a section, and a group
    within its section): pass to :func:`entry_items`."""
    grouped: dict = {}
    for item in items:
        for key in (
            _entry_key("sections", item["section"], None),
            _entry_key("groups", item["group"], item["section"]),
        ):
            grouped.setdefault(key, []).append(item)
    return grouped


def entry_items(grouped: dict, entry: dict) -> list:
    """The items of one result entry, in the author's order, from :func:`by_entry`."""
    return grouped.get(_entry_key(entry["dimension"], entry["id"], entry.get("section")), [])


def set_score(target: dict, score: tuple | None, top: tuple | None = None) -> None:
    """Store an exact score on a result or entry: two-decimal text, its exact parts, and a percent of ``top``."""
    target["score"] = None if score is None else rational.format2(score)
    target["score_num"] = None if score is None else score[0]
    target["score_den"] = None if score is None else score[1]
    target["percent"] = None if score is None or top is None else rational.percent(score, top)


def highest(levels: list, ranks: dict) -> str:
    """The highest-ranked level of a list (None entries ignored), or not-assessed."""
    best = None
    for level in levels:
        if level is None:
            continue
        if best is None or ranks.get(level, -1) > ranks.get(best, -1):
            best = level
    return NOT_ASSESSED if best is None else best


def _entry(dimension: str, kind: str, entry_id: str, section_id: str | None, grouped: dict) -> dict:
    entry = {
        "dimension": dimension,
        "kind": kind,
        "id": entry_id,
        "level": NOT_ASSESSED,
        "answered": 0,
        "total": 0,
    }
    if section_id is not None:
        entry["section"] = section_id
    found = entry_items(grouped, entry)
    entry["answered"] = len([item for item in found if is_done(item)])
    entry["total"] = len(found)
    set_score(entry, None)
    return entry


def empty_result(spec: dict, items: list) -> dict:
    """The result before a method fills it in: every entry not assessed."""
    section_kind = specs.dimension(spec, "sections")["result"]
    group_kind = specs.dimension(spec, "groups")["result"]
    # A section or group with no items of its own (an unscored intake, say) is not a result.
    grouped = by_entry(items)
    sections = [_entry("sections", section_kind, s["id"], None, grouped) for s in spec.get("sections", [])]
    groups = [_entry("groups", group_kind, g["id"], s["id"], grouped) for s, g in specs.groups(spec)]
    sections = [entry for entry in sections if entry["total"]]
    groups = [entry for entry in groups if entry["total"]]
    result = {
        "questionnaire": spec.get("id"),
        "version": spec.get("version"),
        "method": spec.get("method"),
        "level": NOT_ASSESSED,
        "complete": False,
        "answered": len([item for item in items if is_done(item)]),
        "total": len(items),
        "sections": sections,
        "groups": groups,
        "items": items,
        "reasons": [],
        "priorities": [],
        "to_find_out": [],
        "flagged": [],
        "incomplete": [item["id"] for item in items if item["status"] in ("incomplete", "unanswered")],
    }
    set_score(result, None)
    return result


def entries(result: dict) -> list:
    """Every result entry: the sections, then the groups."""
    return result["sections"] + result["groups"]
