"""One answer at a time: form.change must give what reading the whole form gives, and answers a
reader gave before the engine started must win over stored ones (store.Records.adopt)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import ROOT
from questionnaire.engine import form, store
from questionnaire.model import load_definition
from questionnaire.strings import catalogue

STRINGS = catalogue("en")
NOW = "2026-11-29T10:00:00Z"


def _spec(path: str) -> dict[str, Any]:
    return load_definition(ROOT / path, path.rpartition("/")[2]).spec


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    """Text, date, long text, checklist and a table with text, date and choice columns."""
    return _spec("tests/roots/test-q-fields/record.yaml")


@pytest.fixture(scope="module")
def risk() -> dict[str, Any]:
    """The risk assessment itself: rating parts, not-applicable boxes, an intake checklist and notes."""
    return _spec("content/questionnaires/risk.yaml")


class Form:
    """A form as the browser holds it: every control with its current state."""

    def __init__(self, controls: list[tuple[str, str, str]]) -> None:
        self.controls = [{"name": n, "type": t, "value": v, "checked": False} for n, t, v in controls]

    def find(self, name: str, value: str | None = None) -> dict[str, Any]:
        return next(c for c in self.controls if c["name"] == name and (value is None or c["value"] == value))

    def type_text(self, name: str, text: str) -> dict[str, Any]:
        control = self.find(name)
        control["value"] = text
        return control

    def tick(self, name: str, value: str, on: bool = True) -> dict[str, Any]:
        control = self.find(name, value)
        if control["type"] == "radio":
            for other in self.controls:
                if other["name"] == name:
                    other["checked"] = False
        control["checked"] = on
        return control


def _replay(spec: dict[str, Any], page: Form, steps: list[Any]) -> None:
    """After every step, the answers kept one change at a time equal a full read of the form.

    As in the glue, the first answers come from a full read (a drawn table row is an answer)."""
    answers, notes = form.read(spec, page.controls)
    for step in steps:
        changed = step(page)
        answers, notes = form.change(spec, answers, notes, changed)
        assert (answers, notes) == form.read(spec, page.controls), changed


def test_one_change_at_a_time_matches_a_full_read_for_texts_lists_and_tables(record: dict[str, Any]) -> None:
    page = Form(
        [
            ("system", "text", ""),
            ("started", "date", ""),
            ("objectives", "textarea", ""),
            ("principles", "checkbox", "fairness"),
            ("principles", "checkbox", "privacy"),
            ("principles", "checkbox", "accountability"),
            ("actions.0.action", "text", ""),
            ("actions.0.due", "date", ""),
            ("actions.0.status", "select", ""),
            ("note:system", "textarea", ""),
        ]
    )
    _replay(
        record,
        page,
        [
            lambda f: f.type_text("system", "Number-plate reader"),
            lambda f: f.tick("principles", "accountability"),
            lambda f: f.tick("principles", "fairness"),  # ticked after, listed before: the author's order
            lambda f: f.tick("principles", "accountability", on=False),
            lambda f: f.type_text("actions.0.action", "Check the error rates"),
            lambda f: f.type_text("actions.0.status", "open"),
            lambda f: f.type_text("actions.0.action", ""),  # emptied: the row stays, without the cell
            lambda f: f.type_text("note:system", "Bought in 2025"),
            lambda f: f.type_text("system", ""),
            lambda f: f.type_text("note:system", ""),
            lambda f: f.tick("principles", "fairness", on=False),
        ],
    )


def test_one_change_at_a_time_matches_a_full_read_for_ratings(risk: dict[str, Any]) -> None:
    item = "purpose-drift"
    controls = [(f"{item}.likelihood", "radio", v) for v in ("rare", "likely", "almost-certain")]
    controls += [(f"{item}.impact", "radio", v) for v in ("minor", "severe")]
    controls += [(f"{item}.not-applicable", "checkbox", "yes"), ("data-kinds", "checkbox", "location")]
    page = Form(controls)
    _replay(
        risk,
        page,
        [
            lambda f: f.tick(f"{item}.likelihood", "rare"),
            lambda f: f.tick(f"{item}.likelihood", "likely"),  # another button of the same group
            lambda f: f.tick(f"{item}.impact", "severe"),
            lambda f: f.tick(f"{item}.not-applicable", "yes"),
            lambda f: f.tick(f"{item}.not-applicable", "yes", on=False),
            lambda f: f.tick("data-kinds", "location"),
        ],
    )


def test_change_leaves_the_answers_it_was_given_untouched(record: dict[str, Any]) -> None:
    before = {"actions": [{"action": "Check"}], "system": "Reader"}
    kept = json.dumps(before, sort_keys=True)
    cell = {"name": "actions.0.action", "type": "text", "value": "", "checked": False}
    after, _notes = form.change(record, before, {}, cell)
    assert after == {"actions": [{}], "system": "Reader"}
    assert json.dumps(before, sort_keys=True) == kept


# --- answers given before the engine started ----------------------------------------------


def _records(spec: dict[str, Any], storage: store.MemoryStorage) -> store.Records:
    records = store.Records(spec, storage, STRINGS)
    records.open(NOW)
    return records


def test_nothing_given_early_means_the_stored_record_is_shown(record: dict[str, Any]) -> None:
    records = _records(record, store.MemoryStorage())
    assert records.adopt({}, {}, NOW)["action"] == "none"


def test_early_answers_go_into_an_empty_record(record: dict[str, Any]) -> None:
    records = _records(record, store.MemoryStorage())
    adopted = records.adopt({"system": "Reader"}, {}, NOW)
    assert adopted["action"] == "kept"
    assert [entry["name"] for entry in records.records()] == ["First record"]


def test_early_answers_equal_to_the_stored_ones_change_nothing(record: dict[str, Any]) -> None:
    storage = store.MemoryStorage()
    records = _records(record, storage)
    records.save({"system": "Reader"}, {"system": "a note"}, NOW)
    assert _records(record, storage).adopt({"system": "Reader"}, {"system": "a note"}, NOW)["action"] == "kept"


def test_early_answers_never_overwrite_other_stored_answers(record: dict[str, Any]) -> None:
    storage = store.MemoryStorage()
    _records(record, storage).save({"system": "Reader"}, {}, NOW)
    records = _records(record, storage)
    adopted = records.adopt({"system": "Drone"}, {}, NOW)
    assert adopted["action"] == "new-record"
    assert adopted["earlier"]["name"] == "First record"
    assert records.current()["id"] == adopted["record"]["id"]
    assert records.read()["answers"] == {"system": "Drone"}
    assert records.read(adopted["earlier"]["id"])["answers"] == {"system": "Reader"}


def test_early_answers_never_overwrite_a_record_that_cannot_be_read(record: dict[str, Any]) -> None:
    storage = store.MemoryStorage()
    first = _records(record, storage)
    storage.set(store.record_key(record, first.current()["id"]), "{not json")
    records = _records(record, storage)
    adopted = records.adopt({"system": "Drone"}, {}, NOW)
    assert adopted["action"] == "new-record"
    assert storage.get(store.record_key(record, adopted["earlier"]["id"])) == "{not json"
