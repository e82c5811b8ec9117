"""Checking a report: which questionnaire an answers file is for, the result it gives and its code.

The "Check a report" page holds the specs of every questionnaire on the site. A reader gives it
an answers file or a report document; this module says what the answers give, as rows of a
definition list, so a printed or edited report can be held against them.
"""

from . import answers as answers_file
from . import report, tree, verify
from . import spec as specs
from .text import fmt


def spec_for(specs_on_site: list, data: object) -> dict | None:
    """The spec whose questionnaire id the parsed file names, or None."""
    if not isinstance(data, dict) or not isinstance(data.get("questionnaire"), dict):
        return None
    wanted = data["questionnaire"].get("id")
    for spec in specs_on_site:
        if spec["id"] == wanted:
            return spec
    return None


def check(specs_on_site: list, data: dict, today: str | None, strings: dict) -> dict:
    """``{"ok": True, "rows", "code", "level"}`` for a good file, else ``{"ok": False, "errors"}``.

    A file for none of the site's questionnaires is refused as ``unknown-questionnaire``; any
    other fault is refused as "Load from file" refuses it (``answers.check_file``).
    """
    spec = spec_for(specs_on_site, data)
    if spec is None:
        if isinstance(data, dict) and isinstance(data.get("questionnaire"), dict):
            found = str(data["questionnaire"].get("id"))[:80]
            return {"ok": False, "errors": [{"code": "unknown-questionnaire", "detail": {"found": found}}]}
        # Not an answers file at all: the same reasons as anywhere else (format, fields, shape).
        return {"ok": False, "errors": answers_file.check_file({"id": "", "version": "0"}, data)["errors"]}
    checked = answers_file.check_file(spec, data)
    if not checked["ok"]:
        return {"ok": False, "errors": checked["errors"]}
    record = checked["record"] or ""
    result = _score(spec, checked["answers"], today)
    code = verify.of_spec(spec, record, checked["answers"], checked["notes"])
    rows = [
        [strings["report.questionnaire"], spec["title"] + " (" + spec["id"] + ", " + spec["version"] + ")"],
        [strings["report.record"], record or strings["report.not-given"]],
        [strings["check.saved"], _saved(data.get("saved_at"), strings)],
        [strings["report.result"], specs.level_label(spec, result["level"], strings)],
    ]
    for label, answer in report.headlines(spec, checked["answers"]):
        rows.append([label, answer or strings["report.not-given"]])
    rows.append([strings["report.code"], code])
    if checked["migrated_from"]:
        values = {"from": checked["migrated_from"], "to": spec["version"]}
        rows.append([strings["check.migrated.label"], fmt(strings, "check.migrated", values)])
    return {"ok": True, "rows": rows, "code": code, "level": result["level"], "questionnaire": spec["id"]}


def _saved(value: object, strings: dict) -> str:
    """When the file says it was saved: ISO 8601 as "2026-12-02 21:57 UTC", other text as given."""
    if not isinstance(value, str) or not value:
        return strings["report.not-given"]
    if len(value) >= 16 and value[10] == "T" and value.endswith("Z"):
        return value[:10] + " " + value[11:16] + " UTC"
    return value[:40]


def _score(spec: dict, answers: dict, today: str | None) -> dict:
    from . import scoring

    return scoring.score(spec, answers, {"today": today})


def rows_tree(rows: list) -> dict:
    """The rows as a definition list (``tree.py``): every word a text node."""
    children = []
    for label, value in rows:
        children.append(tree.el("dt", [], [label]))
        children.append(tree.el("dd", [], [value]))
    return tree.el("dl", [["class", "check-rows"]], children)
