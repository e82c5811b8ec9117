"""What a result changes on the page, as data: the glue applies every update the same way.

An update is ``{"selector", "attributes", "texts", "hidden", "lines", "tree", "order"}``: the
glue finds every element matching ``selector`` inside the form, sets each ``[name, value]`` of
``attributes``, writes each ``[child selector, text]`` of ``texts`` (an empty child selector
means the element itself), sets ``hidden`` when it is not None, and replaces the element's
content with a list of ``lines``, or with an element ``tree`` (``tree.py``: a chart, a table),
when they are given. ``order``, when given, is a list of child selectors: those children are
moved to the end of the element in that order, so what is read follows the result's ranking
(CSS ordering would leave screen readers in the old order). A new instrument needs no
browser-side code.
"""

from . import form, report
from . import spec as specs
from .text import fmt


def _update(selector: str, attributes: list, texts: list | None = None, hidden: bool | None = None) -> dict:
    return {
        "selector": selector,
        "attributes": attributes,
        "texts": texts or [],
        "hidden": hidden,
        "lines": None,
        "tree": None,
        "order": None,
    }


def _score_attributes(target: dict) -> list:
    # data-score has two decimals when the method gives a score; it is removed (empty) otherwise.
    return [["data-score", target.get("score") or ""], ["data-percent", _text(target.get("percent"))]]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def entry_selector(entry: dict) -> str:
    """The result element of one section or group: ``[data-result-<kind>="<id>"]``."""
    return "[data-result-" + entry["kind"] + '="' + entry["id"] + '"]'


def progress_selector(section_id: str) -> str:
    """The progress line of one section."""
    return '[data-progress-section="' + section_id + '"]'


def _progress(answered: int, total: int) -> str:
    # Whole-number percent, half rounded up; an empty section counts as done.
    if total == 0:
        return "100"
    return str((answered * 200 + total) // (total * 2))


def item_selector(item_id: str) -> str:
    """The container of one scored item (its fieldset)."""
    return '[data-question="' + item_id + '"]'


def flag_selector(item_id: str) -> str:
    """The line of one item in the list of flagged items."""
    return '[data-flag-item="' + item_id + '"]'


def _item_updates(spec: dict, result: dict, strings: dict) -> list:
    """Each scored item: its own ``data-level`` and ``data-score``; its line in the flagged list."""
    out = []
    flagged = result.get("flagged", [])
    for item in result["items"]:
        level = item["level"] or specs.NOT_ASSESSED
        score = "" if item["score"] is None else str(item["score"])
        out.append(_update(item_selector(item["id"]), [["data-level", level], ["data-score", score]]))
    if not spec.get("params", {}).get("flag_from"):
        return out
    for item in result["items"]:
        if item["id"] in flagged:
            words = specs.level_text(spec, item["level"], str(item["score"]), strings)
            out.append(
                _update(
                    flag_selector(item["id"]), [["data-level", item["level"]]], [['[data-role="value"]', words]], False
                )
            )
        else:
            out.append(_update(flag_selector(item["id"]), [], hidden=True))
    out.append(_update('[data-role="flagged-none"]', [], hidden=bool(flagged)))
    return out


def priority_selector(section_id: str) -> str:
    """The line of one section in the list of priorities."""
    return '[data-priority="' + section_id + '"]'


def _priority_updates(spec: dict, result: dict, strings: dict) -> list:
    """The priorities: which lines show, in the result's order, each with its advice for its level."""
    if not spec.get("params", {}).get("priority_below"):
        return []
    ranked = {}
    for priority in result["priorities"]:
        ranked[priority["id"]] = priority
    out = []
    for entry in result["sections"]:
        section = specs.section(spec, entry["id"]) or {}
        found = ranked.get(entry["id"])
        level = found["level"] if found else specs.NOT_ASSESSED
        words = specs.level_text(spec, level, found["score"], strings) if found else ""
        line = priority_selector(entry["id"])
        out.append(_update(line, [["data-level", level]], [['[data-role="value"]', words]], found is None))
        for advice in section.get("advice", []):
            selector = line + ' [data-advice-level="' + advice["level"] + '"]'
            out.append(_update(selector, [], hidden=advice["level"] != level))
    order = _update('[data-role="priority-list"]', [])
    order["order"] = [priority_selector(p["id"]) for p in result["priorities"]]
    out.append(order)
    assessed = result["level"] != specs.NOT_ASSESSED
    out.append(_update('[data-role="priorities"]', [], hidden=not assessed))
    out.append(_update('[data-role="priorities-none"]', [], hidden=bool(result["priorities"])))
    return out


def _find_out_updates(spec: dict, result: dict) -> list:
    """The statements to find out about: each line shown or hidden, the list hidden when empty."""
    questions = specs.find_out_questions(spec)
    if not questions:
        return []
    out = []
    for _section, question in questions:
        selector = '[data-find-out="' + question["id"] + '"]'
        out.append(_update(selector, [], hidden=question["id"] not in result["to_find_out"]))
    out.append(_update('[data-role="to-find-out"]', [], hidden=not result["to_find_out"]))
    return out


def _row_updates(result: dict, strings: dict, root: str) -> list:
    """Each table row: ``data-overdue`` and its status text (words, not colour alone); for an
    imported row, the link to where it came from (``root``: this page's way to the site's root)."""
    out = []
    for table in result.get("tables", []):
        linked = {}
        for index, source in table.get("sources", []):
            linked[index] = source
        if "sources" in table:
            for index in range(table["rows"]):
                row = form.row_selector(table["question"], index)
                source = linked.get(index)
                cell = _update(row + ' [data-role="row-source-cell"]', [], hidden=source is None)
                out.append(cell)
                if source is not None:
                    out.append(_update(row + ' [data-role="row-source"]', [["href", root + source]]))
        late = {}
        for found in table["overdue"]:
            late[found["row"]] = found["due"]
        selector = '[data-table="' + table["question"] + '"] [data-role="table-empty"]'
        out.append(_update(selector, [], hidden=table["rows"] > 0))
        for index in range(table["rows"]):
            due = late.get(index)
            words = "" if due is None else fmt(strings, "table.overdue", {"due": due})
            out.append(
                _update(
                    form.row_selector(table["question"], index),
                    [["data-overdue", "false" if due is None else "true"]],
                    [['[data-role="row-status"]', words]],
                )
            )
    return out


def view_selector(view: dict) -> str:
    """The element of one declared view (a chart or the comparison)."""
    return '[data-view="' + view["type"] + '"][data-view-dimension="' + view.get("dimension", "sections") + '"]'


def _view_updates(spec: dict, result: dict, strings: dict, previous: dict | None) -> list:
    """Each declared view drawn again: its picture (hidden when it has none), its table, its summary."""
    if not spec.get("views"):
        return []
    # Imported here: a questionnaire without views never compiles the chart modules (start-up time).
    from . import charts

    out = []
    for view in spec.get("views", []):
        chart = charts.render(spec, view, result, strings, previous)
        where = view_selector(view) + " "
        picture = _update(where + '[data-role="chart"]', [], hidden=chart["svg"] is None)
        picture["tree"] = chart["svg"]
        table = _update(where + '[data-role="chart-table"]', [], hidden=chart["table"] is None)
        table["tree"] = chart["table"]
        out.extend([picture, table, _update(where + '[data-role="chart-summary"]', [], [["", chart["summary"]]])])
    return out


def updates(spec: dict, result: dict, strings: dict, previous: dict | None = None, root: str = "") -> list:
    """Every change the result makes: the overall verdict, each entry, progress, views, advice, "why".

    ``previous`` is an earlier result of the same questionnaire (another record, or a file) for
    the views that compare; ``root`` is the page's way to the site's root (``../``), for links to
    other pages.
    """
    missing = result["total"] - result["answered"]
    if result["complete"]:
        summary = strings["result.complete"]
    elif result["settled"]:
        summary = fmt(strings, "result.settled", {"count": missing})
    else:
        summary = fmt(strings, "result.incomplete", {"count": missing})
    out = [
        _update(
            '[data-result="overall"]',
            [
                ["data-level", result["level"]],
                ["data-complete", "true" if result["complete"] else "false"],
                ["data-settled", "true" if result["settled"] else "false"],
                ["data-progress", _progress(result["answered"], result["total"])],
            ]
            + _score_attributes(result),
            [
                ['[data-role="level"]', specs.level_text(spec, result["level"], result.get("score"), strings)],
                ['[data-role="summary"]', summary],
            ],
        )
    ]
    for entry in result["sections"] + result["groups"]:
        out.append(
            _update(
                entry_selector(entry),
                [["data-level", entry["level"]]] + _score_attributes(entry),
                [['[data-role="value"]', specs.level_text(spec, entry["level"], entry.get("score"), strings)]],
            )
        )
    for entry in result["sections"]:
        out.append(
            _update(
                progress_selector(entry["id"]),
                [["data-progress", _progress(entry["answered"], entry["total"])]],
                [["", fmt(strings, "progress", {"answered": entry["answered"], "total": entry["total"]})]],
            )
        )
    for level in [specs.NOT_ASSESSED] + [lv["id"] for lv in spec["levels"]]:
        out.append(_update('.result-recommendation[data-level="' + level + '"]', [], hidden=level != result["level"]))
    out.extend(_item_updates(spec, result, strings))
    out.extend(_priority_updates(spec, result, strings))
    out.extend(_find_out_updates(spec, result))
    out.extend(_row_updates(result, strings, root))
    out.extend(_view_updates(spec, result, strings, previous))
    why = _update('[data-role="why"]', [])
    why["lines"] = report.explain(spec, result, strings)
    out.append(why)
    return out
