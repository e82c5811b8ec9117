"""Score answers against a normalized definition: the one entry point, pure and deterministic.

``context`` carries what scoring may not look up for itself, such as today's date
(``{"today": "2026-11-29"}``), so the same answers always give the same result.
"""

from . import items as items_
from . import methods

NOT_ASSESSED = items_.NOT_ASSESSED


def score(spec: dict, answers: dict | None, context: dict | None = None) -> dict:
    """The result for ``answers`` (control name -> option id, list of ids or text); plain data."""
    method = methods.get(spec.get("method"))
    found = items_.read_items(spec, answers or {})
    result = method.score(spec, found, context or {})
    for item in result["items"]:
        del item["question"]
    return result
