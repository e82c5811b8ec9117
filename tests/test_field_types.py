"""Field types beyond choices and ratings (long text, date, checklist, table), the progress method
and today's date as an input of scoring, all in CPython against the q-fields test root."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import trees
from conftest import ROOT
from questionnaire.engine import answers, bind, dates, form, report, scoring
from questionnaire.errors import DefinitionError
from questionnaire.model import load_definition
from questionnaire.strings import catalogue

STRINGS = catalogue("en")
RECORD = ROOT / "tests" / "roots" / "test-q-fields" / "record.yaml"
TODAY = {"today": "2026-11-29"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return load_definition(RECORD, "record.yaml").spec


def file_of(spec: dict[str, Any], given: dict[str, Any], version: str | None = None) -> dict[str, Any]:
    data = answers.make_file(spec, given, {}, None, "2026-11-29T10:00:00Z")
    if version:
        data["questionnaire"]["version"] = version
    return data


def codes(report_: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["code"], e["detail"].get("name", "")) for e in report_["errors"]]


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "real"),
    [
        ("2026-11-29", True),
        ("2024-02-29", True),
        ("2000-02-29", True),
        ("1900-02-29", False),
        ("2026-02-29", False),
        ("2026-04-31", False),
        ("2026-13-01", False),
        ("2026-00-10", False),
        ("2026-1-01", False),
        ("26-11-29", False),
        ("2026/11/29", False),
        ("２０２６-11-29", False),
        ("0999-01-01", False),
        (20261129, False),
        (None, False),
    ],
)
def test_only_real_iso_dates_are_dates(text: object, real: bool) -> None:
    assert dates.is_date(text) is real


# --- the saved file: every new shape is checked, each refusal named --------------------------


def test_every_new_field_type_loads_back(spec: dict[str, Any]) -> None:
    given = {
        "system": "Face matching",
        "started": "2024-02-29",
        "objectives": "Line one\nLine two",
        "principles": ["privacy", "fairness"],
        "actions": [{"action": "Audit", "owner": "DPO", "due": "2027-01-15", "status": "open"}, {}],
    }
    checked = answers.check_file(spec, file_of(spec, given))
    assert (checked["ok"], checked["answers"]) == (True, given)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"started": "2026-02-30"}, [("impossible-date", "started")]),
        ({"started": 20260101}, [("wrong-type", "started")]),
        ({"actions": [{"due": "2026-06-31"}]}, [("impossible-date", "actions.0.due")]),
        ({"system": "x" * 81}, [("text-too-long", "system")]),
        ({"objectives": "x" * 2001}, [("text-too-long", "objectives")]),
        ({"actions": [{"action": "x" * 201}]}, [("text-too-long", "actions.0.action")]),
        ({"actions": [{}, {}, {}, {}]}, [("too-many-rows", "actions")]),
        ({"actions": {"action": "a"}}, [("wrong-type", "actions")]),
        ({"actions": ["a"]}, [("wrong-type", "actions.0")]),
        ({"actions": [{"owner": 3}]}, [("wrong-type", "actions.0.owner")]),
        ({"actions": [{"colour": "red"}]}, [("unknown-control", "actions.0.colour")]),
        ({"actions": [{"status": "maybe"}]}, [("unknown-option", "actions.0.status")]),
        ({"principles": ["privacy", "speed"]}, [("unknown-option", "principles")]),
        ({"principles": "privacy"}, [("wrong-type", "principles")]),
        ({"objectives": ["a"]}, [("wrong-type", "objectives")]),
    ],
    ids=lambda value: None if isinstance(value, dict) else str(value[0][0]),
)
def test_wrong_shapes_are_refused_with_their_reason(
    spec: dict[str, Any], given: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    checked = answers.check_file(spec, file_of(spec, given))
    assert checked["ok"] is False
    assert codes(checked) == expected
    said = report.refusal_text(STRINGS, "bad.json", checked["errors"])
    assert "could not be read" not in said, "every refusal has words of its own"


def test_a_record_name_travels_with_the_file(spec: dict[str, Any]) -> None:
    data = answers.make_file(spec, {}, {}, None, "now", "Face matching")
    assert data["record"] == {"name": "Face matching"}
    assert answers.check_file(spec, data)["record"] == "Face matching"
    data["record"] = {"name": 3}
    assert codes(answers.check_file(spec, data)) == [("wrong-type", "")]
    data["record"] = {"name": "x" * 201}
    assert codes(answers.check_file(spec, data)) == [("text-too-long", "record.name")]


def test_migrations_rename_tables_columns_and_choices(spec: dict[str, Any]) -> None:
    old = {"todo": [{"task": "Audit", "state": "finished", "colour": "red"}, {"task": "Train"}]}
    checked = answers.check_file(spec, file_of(spec, old, "1.0.0"))
    assert checked["ok"] is True, checked["errors"]
    assert checked["answers"] == {"actions": [{"action": "Audit", "status": "done"}, {"action": "Train"}]}
    assert checked["migrated_from"] == "1.0.0"


# --- progress and today's date --------------------------------------------------------------


def test_progress_is_the_share_of_expected_fields_filled(spec: dict[str, Any]) -> None:
    empty = scoring.score(spec, {}, TODAY)
    assert (empty["level"], empty["percent"], empty["answered"], empty["total"]) == ("not-started", 0, 0, 5)
    partial = scoring.score(spec, {"system": "S", "aside": "not expected", "actions": [{}]}, TODAY)
    # An optional field does not count; a table with only empty rows is not filled in yet.
    assert (partial["level"], partial["percent"], partial["answered"]) == ("in-progress", 20, 1)
    assert [(e["id"], e["percent"], e["level"]) for e in partial["sections"]] == [
        ("plan", 25, "in-progress"),
        ("act", 0, "not-started"),
    ]
    full = {
        "system": "S",
        "started": "2026-01-01",
        "objectives": "O",
        "principles": ["privacy"],
        "actions": [{"owner": "A"}],
    }
    done = scoring.score(spec, full, TODAY)
    assert (done["level"], done["percent"], done["complete"]) == ("complete", 100, True)


def test_progress_is_written_as_a_whole_percent_on_every_progress_element(spec: dict[str, Any]) -> None:
    result = scoring.score(spec, {"system": "S", "started": "2026-01-01"}, TODAY)
    updates = {u["selector"]: dict(u["attributes"]) for u in bind.updates(spec, result, STRINGS)}
    assert updates['[data-result="overall"]']["data-progress"] == "40"
    assert updates['[data-progress-section="plan"]']["data-progress"] == "50"
    assert updates['[data-progress-section="act"]']["data-progress"] == "0"
    for attributes in updates.values():
        if "data-progress" in attributes:
            assert re.fullmatch(r"\d{1,3}", attributes["data-progress"])


ROWS = [
    {"action": "late and open", "due": "2026-11-28", "status": "open"},
    {"action": "late and done", "due": "2026-01-01", "status": "done"},
    {"action": "due today", "due": "2026-11-29"},
    {"action": "no date"},
    {"action": "late, no status", "due": "2025-12-31"},
]


def test_overdue_rows_are_judged_against_the_date_given(spec: dict[str, Any]) -> None:
    result = scoring.score(spec, {"actions": ROWS}, TODAY)
    assert result["today"] == "2026-11-29"
    assert result["tables"] == [
        {
            "question": "actions",
            "rows": 5,
            "overdue": [{"row": 0, "due": "2026-11-28"}, {"row": 4, "due": "2025-12-31"}],
        }
    ]
    later = scoring.score(spec, {"actions": ROWS}, {"today": "2026-11-30"})
    assert [found["row"] for found in later["tables"][0]["overdue"]] == [0, 2, 4]
    # Scoring never reads the clock: without a date, nothing can be judged overdue.
    assert scoring.score(spec, {"actions": ROWS})["tables"][0]["overdue"] == []
    assert scoring.score(spec, {"actions": ROWS}, {"today": "2026-02-30"})["tables"][0]["overdue"] == []


def test_overdue_rows_are_flagged_in_words_and_in_why(spec: dict[str, Any]) -> None:
    result = scoring.score(spec, {"actions": ROWS}, TODAY)
    rows = {u["selector"]: u for u in bind.updates(spec, result, STRINGS) if "data-row" in u["selector"]}
    first = rows[form.row_selector("actions", 0)]
    assert first["attributes"] == [["data-overdue", "true"]]
    assert first["texts"] == [['[data-role="row-status"]', "Overdue: it was due on 2026-11-28."]]
    assert rows[form.row_selector("actions", 1)]["attributes"] == [["data-overdue", "false"]]
    assert "Overdue in “Actions”: row 1, 5." in report.explain(spec, result, STRINGS)


# --- reading controls and drawing rows ----------------------------------------------------


def _control(name: str, kind: str, value: str, checked: bool = False) -> dict[str, Any]:
    return {"name": name, "type": kind, "value": value, "checked": checked}


def test_table_cells_read_into_rows_and_write_back(spec: dict[str, Any]) -> None:
    snapshot = [
        _control("system", "text", "S"),
        _control("started", "date", "2026-01-01"),
        _control("principles", "checkbox", "fairness"),
        _control("principles", "checkbox", "privacy", checked=True),
        _control("actions.0.action", "text", "Audit"),
        _control("actions.0.status", "select", "open"),
        _control("actions.1.action", "text", ""),
        _control("actions.1.status", "select", ""),
        _control("actions.9", "text", "not a cell"),
    ]
    read, notes = form.read(spec, snapshot)
    assert read == {
        "system": "S",
        "started": "2026-01-01",
        "principles": ["privacy"],
        "actions": [{"action": "Audit", "status": "open"}, {}],
    }
    states = form.states(spec, read, notes, snapshot)
    assert [state.get("value", state.get("checked")) for state in states] == [
        "S",
        "2026-01-01",
        False,
        True,
        "Audit",
        "open",
        "",
        "",
        False,
    ]
    assert form.row_counts(spec, read) == [["actions", 2]]


def test_rows_are_added_to_the_limit_and_removed_in_place(spec: dict[str, Any]) -> None:
    given: dict[str, Any] = {"actions": [{"action": "a"}, {"action": "b"}]}
    grown = form.with_row(spec, given, "actions")
    assert grown is not None and grown["actions"] == [{"action": "a"}, {"action": "b"}, {}]
    assert form.with_row(spec, grown, "actions") is None  # max_rows is 3
    assert form.without_row(grown, "actions", 0)["actions"] == [{"action": "b"}, {}]
    assert given == {"actions": [{"action": "a"}, {"action": "b"}]}, "the caller's answers are not changed"


def test_a_row_is_a_fieldset_of_labelled_typed_cells(spec: dict[str, Any]) -> None:
    question = next(q for s in spec["sections"] for q in s["questions"] if q["id"] == "actions")
    row = form.table_row(question, 1, "q-record", STRINGS)
    controls = trees.find_all(row, "input") + trees.find_all(row, "select")
    labels = {trees.attr(label, "for") for label in trees.find_all(row, "label")}
    assert [trees.attr(n, "name") for n in controls] == [
        "actions.1.action",
        "actions.1.owner",
        "actions.1.due",
        "actions.1.status",
    ]
    assert {trees.attr(n, "id") for n in controls} == labels, "every cell has its own label"
    assert [trees.attr(n, "type") for n in controls] == ["text", "text", "date", None]
    assert trees.text_of(trees.find_all(row, "legend")[0]) == "Row 2"
    assert "Remove row 2" in [trees.text_of(button) for button in trees.find_all(row, "button")]


# --- the definition ---------------------------------------------------------------------------


def _table_error(tmp_path: Path, change: str, old: str) -> str:
    text = RECORD.read_text(encoding="utf-8").replace(old, change)
    path = tmp_path / "record.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DefinitionError) as error:
        load_definition(path, "record.yaml")
    return str(error.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "due: {column: due,",
            "due: {column: owner,",
            "record.yaml:49:23: sections[1].questions[0].due.column: 'owner' is not a date column of this table",
        ),
        (
            "done: {column: status, options: [done]}",
            "done: {column: status, options: [closed]}",
            "sections[1].questions[0].due.done.options[0]: unknown option 'closed'"
            " (column 'status' offers: open, done)",
        ),
        (
            "{id: due, label: Due date, type: date}",
            "{id: due, label: Due date, type: date, options: [{id: a, label: A}, {id: b, label: B}]}",
            "sections[1].questions[0].columns[2].options: a date column takes no 'options'",
        ),
        (
            "max_rows: 3",
            "max_rows: 3\n        max_length: 5",
            "sections[1].questions[0].max_length: a table question takes no 'max_length'",
        ),
        (
            "type: checklist",
            "type: checklist\n        scored: true",
            "sections[0].questions[3].scored: a checklist question takes no 'scored'",
        ),
    ],
    ids=["due-not-a-date", "unknown-done-option", "options-on-a-date", "max-length-on-a-table", "scored-checklist"],
)
def test_table_and_field_mistakes_are_located(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert message in _table_error(tmp_path, new, old)


def test_the_record_definition_normalizes_every_field(spec: dict[str, Any]) -> None:
    questions = {q["id"]: q for s in spec["sections"] for q in s["questions"]}
    assert questions["system"]["max_length"] == 80
    assert questions["objectives"]["max_length"] == 2000
    assert questions["aside"]["expected"] is False
    assert [c["type"] for c in questions["actions"]["columns"]] == ["text", "text", "date", "choice"]
    assert questions["actions"]["columns"][1]["max_length"] == 500
    assert all(not q["scored"] for q in questions.values())
    assert json.loads(json.dumps(spec)) == spec, "the spec is plain JSON data: it travels to the browser as is"
