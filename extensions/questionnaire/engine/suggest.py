"""Answers offered from another questionnaire's records kept in the same browser.

A question can say ``suggest: {questionnaire: risk, options: {<level>: <option>, ...}}``: for
each record of that questionnaire whose saved summary has one of those levels, the reader is
offered that option, with the record's name, result and date, as a button. Nothing is chosen
for the reader; the answer and a note saying where it came from are written only on request.
"""

from . import spec as specs
from .text import fmt
from .tree import el


def questions(spec: dict) -> list:
    """The questions that take suggestions, in the author's order."""
    return [question for _section, question in specs.questions(spec) if question.get("suggest")]


def offers(question: dict, index: dict | None, strings: dict) -> list:
    """``{"record", "option", "note", "label"}`` for each record of the other questionnaire that has a result."""
    if index is None:
        return []
    mapping = question["suggest"]["options"]
    out = []
    for entry in index["records"]:
        summary = entry.get("summary")
        if not isinstance(summary, dict) or summary.get("level") not in mapping:
            continue
        option = mapping[summary["level"]]
        values = {
            "name": entry["name"],
            "result": str(summary.get("label") or summary["level"]),
            "date": str(entry.get("updated", ""))[:10],
            "option": specs.option_label(question["options"], option),
        }
        out.append(
            {
                "record": entry["id"],
                "option": option,
                "note": fmt(strings, "suggest.note", values),
                "label": fmt(strings, "suggest.use", values),
            }
        )
    return out


def tree(question: dict, found: list, strings: dict) -> dict:
    """What the page shows under the question: a sentence and one button per offer."""
    buttons = []
    for offer in found:
        attrs = [
            ["type", "button"],
            ["data-action", "use-suggestion"],
            ["data-question", question["id"]],
            ["data-option", offer["option"]],
            ["data-note", offer["note"]],
        ]
        buttons.append(el("button", attrs, [offer["label"]]))
    intro = el("p", [], [strings["suggest.intro"]])
    return el("div", [["class", "question-suggestions"]], [intro] + buttons)
