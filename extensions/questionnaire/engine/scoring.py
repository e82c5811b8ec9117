"""Score answers against a normalized definition: the one entry point, pure and deterministic.

``context`` carries what scoring may not look up for itself, such as today's date
(``{"today": "2026-11-29"}``), so the same answers always give the same result. Without a
date, rules that need one (overdue actions) find nothing.
"""

from . import dates, methods
from . import items as items_

NOT_ASSESSED = items_.NOT_ASSESSED


def score(spec: dict, answers: dict | None, context: dict | None = None) -> dict:
    """The result for ``answers`` (control name -> option id, list of ids, text or table rows); plain data."""
    method = methods.get(spec.get("method"))
    answers = answers or {}
    context = context or {}
    if getattr(method, "READS", "scored") == "fields":
        found = items_.read_fields(spec, answers)
    else:
        found = items_.read_items(spec, answers)
    result = method.score(spec, found, context)
    for item in result["items"]:
        del item["question"]
    settled = getattr(method, "settled", None)
    result["settled"] = bool(result["complete"] or (settled is not None and settled(spec, result)))
    result["tables"] = dates.tables(spec, answers, context.get("today"))
    result["today"] = context.get("today")
    return result
