"""Reading answers from a form's controls and writing them back, free of the DOM.

The browser glue turns each named control into a snapshot ``{"name", "type", "value",
"checked"}`` (``type`` is the input's type, or ``textarea`` or ``select``) and applies the
states this module returns; everything that decides what a control means lives here, tested in
CPython. A table's rows are drawn from :func:`table_row` by the same generic tree builder that
draws charts, so the glue knows nothing of any field type.
"""

from . import spec as specs
from .text import fmt
from .tree import el


def _set_cell(answers: dict, cell: tuple, value: str) -> None:
    question, row, column = cell
    rows = answers.setdefault(question, [])
    while len(rows) <= row:
        rows.append({})
    if value:
        rows[row][column] = value
    elif column in rows[row]:
        del rows[row][column]


def _take(controls: dict, answers: dict, notes: dict, control: dict) -> None:
    """Bring ``answers`` and ``notes`` in line with one control's state.

    The one rule for a whole snapshot and for a single change: a filled text or a ticked box
    sets its answer, an emptied text or an unticked box removes it. An unticked radio button
    changes nothing: its group's answer is set by the button that is now checked.
    """
    name = control["name"]
    note = specs.note_key(name)
    if note is not None:
        _set_or_drop(notes, note, control["value"])
        return
    cell = specs.cell_of(name)
    if cell is not None:
        known = controls.get(cell[0])
        if known is not None and known["kind"] == "table":
            _set_cell(answers, cell, control["value"])
        return
    known = controls.get(name)
    if known is None:
        return
    kind = known["kind"]
    if kind in specs.TEXT_TYPES:
        _set_or_drop(answers, name, control["value"])
    elif kind in specs.LIST_TYPES:
        chosen = answers.get(name) or []
        if control["checked"] and control["value"] not in chosen:
            chosen = chosen + [control["value"]]
        elif not control["checked"]:
            chosen = [option for option in chosen if option != control["value"]]
        # The author's option order, whatever order the boxes were ticked in.
        _set_or_drop(answers, name, [option for option in known["options"] if option in chosen])
    elif control["checked"]:
        answers[name] = control["value"]
    elif control["type"] == "checkbox" and answers.get(name) == control["value"]:
        del answers[name]


def _set_or_drop(mapping: dict, key: str, value: object) -> None:
    if value:
        mapping[key] = value
    elif key in mapping:
        del mapping[key]


def read(spec: dict, snapshot: list) -> tuple:
    """``(answers, notes)`` from the controls' snapshot; empty texts and unknown names are left out.

    A table's answer is its list of rows, each ``{column: text}``; a row the reader added and has
    not filled in yet is kept as ``{}``.
    """
    controls = specs.controls(spec)
    answers: dict = {}
    notes: dict = {}
    for control in snapshot:
        _take(controls, answers, notes, control)
    return answers, notes


def change(spec: dict, answers: dict, notes: dict, control: dict, controls: dict | None = None) -> tuple:
    """``(answers, notes)`` after one control changed (new dicts): what :func:`read` would give
    for the whole form, without reading it again. ``controls`` is ``spec.controls(spec)``, passed
    by a caller that keeps it.
    """
    answers = dict(answers)
    notes = dict(notes)
    cell = specs.cell_of(control["name"])
    if cell is not None and isinstance(answers.get(cell[0]), list):
        # The rows are changed in place below: copy them first.
        answers[cell[0]] = [dict(row) for row in answers[cell[0]]]
    _take(controls if controls is not None else specs.controls(spec), answers, notes, control)
    return answers, notes


def _state(controls: dict, answers: dict, notes: dict, control: dict) -> dict:
    name = control["name"]
    note = specs.note_key(name)
    if note is not None:
        return {"value": notes.get(note, "")}
    cell = specs.cell_of(name)
    if cell is not None:
        rows = specs.table_rows(answers, cell[0])
        row = rows[cell[1]] if cell[1] < len(rows) else {}
        return {"value": row.get(cell[2], "")}
    known = controls.get(name)
    if known is not None and known["kind"] in specs.TEXT_TYPES:
        return {"value": answers.get(name, "")}
    if known is not None and known["kind"] in specs.LIST_TYPES:
        return {"checked": control["value"] in (answers.get(name) or [])}
    return {"checked": answers.get(name) == control["value"]}


def states(spec: dict, answers: dict, notes: dict, snapshot: list) -> list:
    """For each control of the snapshot, in order: ``{"value": text}`` or ``{"checked": bool}``."""
    controls = specs.controls(spec)
    return [_state(controls, answers, notes, control) for control in snapshot]


# ---------------------------------------------------------------------------
# Tables: rows the reader adds and removes


def tables(spec: dict) -> list:
    """Every table question, in the author's order."""
    return [question for _section, question in specs.questions(spec) if question.get("type") == "table"]


def row_counts(spec: dict, answers: dict) -> list:
    """``[question id, rows]`` for every table: how many rows the page must draw for these answers."""
    return [[question["id"], len(specs.table_rows(answers, question["id"]))] for question in tables(spec)]


def row_selector(question_id: str, index: int) -> str:
    """The element of one table row."""
    return '[data-row="' + question_id + "." + str(index) + '"]'


def _cell_input(column: dict, name: str, element_id: str, strings: dict) -> dict:
    kind = column.get("type", "text")
    if kind == "choice":
        options = [el("option", [["value", ""]], [strings["table.choose"]])]
        for option in column.get("options", []):
            options.append(el("option", [["value", option["id"]]], [option["label"]]))
        return el("select", [["id", element_id], ["name", name]], options)
    if kind == "long-text":
        limit = str(specs.max_length(column))
        return el("textarea", [["id", element_id], ["name", name], ["rows", "2"], ["maxlength", limit]])
    attrs = [["id", element_id], ["name", name], ["type", "date" if kind == "date" else "text"]]
    if kind != "date":
        attrs.append(["maxlength", str(specs.max_length(column))])
    return el("input", attrs)


def table_row(question: dict, index: int, prefix: str, strings: dict) -> dict:
    """One row of a table question as an element tree: a fieldset of labelled cells and a remove button."""
    qid = question["id"]
    number = {"n": index + 1}
    cells = []
    for column in question.get("columns", []):
        element_id = prefix + "-q-" + qid + "-r" + str(index) + "-" + column["id"]
        name = specs.cell_control(qid, index, column["id"])
        if column.get("type") == "source":
            cells.append(_source_cell(column, name, element_id, strings))
            continue
        cells.append(
            el(
                "div",
                [["class", "table-cell table-cell-" + column.get("type", "text")]],
                [el("label", [["for", element_id]], [column["label"]]), _cell_input(column, name, element_id, strings)],
            )
        )
    if question.get("signature"):
        # Printed only: the line a person signs on.
        cells.append(el("p", [["class", "signature-line"]], [strings["table.signature"]]))
    return el(
        "fieldset",
        [["class", "table-row"], ["data-row", qid + "." + str(index)], ["data-overdue", "false"]],
        [el("legend", [], [fmt(strings, "table.row", number)])]
        + cells
        + [
            el("p", [["class", "table-row-status"], ["data-role", "row-status"]]),
            el(
                "button",
                [["type", "button"], ["data-action", "remove-row"], ["data-question", qid], ["data-index", str(index)]],
                [fmt(strings, "table.remove", number)],
            ),
        ],
    )


def _source_cell(column: dict, name: str, element_id: str, strings: dict) -> dict:
    """Where an imported row came from: kept in a hidden control, shown as a link (``bind``).

    Hidden until the row has a source: rows the reader adds have none.
    """
    link = el("a", [["data-role", "row-source"], ["href", "#"]], [strings["table.source.link"]])
    return el(
        "div",
        [["class", "table-cell table-cell-source"], ["data-role", "row-source-cell"], ["hidden", "hidden"]],
        [
            el("span", [], [column["label"] + ": "]),
            link,
            el("input", [["id", element_id], ["name", name], ["type", "hidden"]]),
        ],
    )


def without_row(answers: dict, question_id: str, index: int) -> dict:
    """The answers with one row of a table removed (a new dict; the rows after it move up)."""
    out = dict(answers)
    rows = specs.table_rows(answers, question_id)
    out[question_id] = rows[:index] + rows[index + 1 :]
    return out


def with_row(spec: dict, answers: dict, question_id: str) -> dict | None:
    """The answers with an empty row added to a table, or None when the table is full."""
    rows = specs.table_rows(answers, question_id)
    if len(rows) >= specs.max_rows(specs.question(spec, question_id)):
        return None
    out = dict(answers)
    out[question_id] = rows + [{}]
    return out
