"""The browser glue's logic, tested in CPython: reading and writing controls, binding results, storage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from questionnaire.engine import bind, form, scoring, store
from questionnaire.model import load_definition
from questionnaire.strings import catalogue

STRINGS = catalogue("en")


@pytest.fixture(scope="module")
def risk() -> dict[str, Any]:
    """The two-dimension test definition: rating questions with different part ids, one not-applicable box."""
    return load_definition(ROOT / "tests" / "roots" / "test-q-dimensions" / "risk.yaml", "risk.yaml").spec


@pytest.fixture(scope="module")
def applicability() -> dict[str, Any]:
    return load_definition(ROOT / "content" / "questionnaires" / "applicability.yaml", "applicability.yaml").spec


def control(name: str, kind: str, value: str, checked: bool = False) -> dict[str, Any]:
    return {"name": name, "type": kind, "value": value, "checked": checked}


def test_read_takes_checked_radios_boxes_and_non_empty_texts(risk: dict[str, Any]) -> None:
    snapshot = [
        control("unequal-errors.likelihood", "radio", "two"),
        control("unequal-errors.likelihood", "radio", "four", checked=True),
        control("unequal-errors.impact", "radio", "five", checked=True),
        control("unequal-errors.not-applicable", "checkbox", "yes"),
        control("biased-data.probability", "radio", "one", checked=True),
        control("note:unequal-errors", "textarea", "seen in the pilot"),
        control("note:general", "textarea", ""),
        control("not-in-this-form", "radio", "x", checked=True),
    ]
    answers, notes = form.read(risk, snapshot)
    assert answers == {
        "unequal-errors.likelihood": "four",
        "unequal-errors.impact": "five",
        "biased-data.probability": "one",
    }
    assert notes == {"unequal-errors": "seen in the pilot"}


def test_read_collects_multiple_choice_and_the_not_applicable_box() -> None:
    spec = {
        "sections": [
            {
                "id": "s",
                "questions": [
                    {"id": "m", "type": "multiple", "options": [{"id": "a"}, {"id": "b"}, {"id": "c"}]},
                    {"id": "t", "type": "text"},
                    {"id": "r", "type": "rating", "not_applicable": True, "parts": []},
                ],
            }
        ]
    }
    snapshot = [
        control("m", "checkbox", "a", checked=True),
        control("m", "checkbox", "b"),
        control("m", "checkbox", "c", checked=True),
        control("t", "textarea", "free text"),
        control("r.not-applicable", "checkbox", "yes", checked=True),
    ]
    answers, _notes = form.read(spec, snapshot)
    assert answers == {"m": ["a", "c"], "t": "free text", "r.not-applicable": "yes"}
    states = form.states(spec, answers, {}, snapshot)
    assert states == [
        {"checked": True},
        {"checked": False},
        {"checked": True},
        {"value": "free text"},
        {"checked": True},
    ]


def test_states_written_back_read_the_same_answers(risk: dict[str, Any]) -> None:
    answers = {"unequal-errors.not-applicable": "yes", "no-legal-basis.chance": "three"}
    notes = {"general": "kept", "stale-model": "ask the vendor"}
    snapshot = [control(name, "radio", value) for name, value in [("no-legal-basis.chance", "two")] * 1]
    snapshot += [
        control("no-legal-basis.chance", "radio", "three"),
        control("unequal-errors.not-applicable", "checkbox", "yes"),
        control("note:general", "textarea", ""),
        control("note:stale-model", "textarea", ""),
    ]
    states = form.states(risk, answers, notes, snapshot)
    written = [
        {**c, **({"checked": s["checked"]} if "checked" in s else {"value": s["value"]})}
        for c, s in zip(snapshot, states, strict=True)
    ]
    assert form.read(risk, written) == (answers, notes)


def _by_selector(updates: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {update["selector"]: update for update in updates}


def test_updates_mark_every_entry_by_its_declared_dimension(risk: dict[str, Any]) -> None:
    answers = {"unequal-errors.likelihood": "four", "unequal-errors.impact": "four"}
    updates = _by_selector(bind.updates(risk, scoring.score(risk, answers), STRINGS))
    overall = updates['[data-result="overall"]']
    assert dict(overall["attributes"]) == {
        "data-level": "high",
        "data-complete": "false",
        "data-settled": "false",
        "data-progress": "25",
        "data-score": "16.00",
        "data-percent": "",
    }
    for principle in ("fairness", "lawfulness", "equality", "accuracy", "legality"):
        assert f'[data-result-principle="{principle}"]' in updates
    assert dict(updates['[data-result-principle="equality"]']["attributes"])["data-level"] == "high"
    assert dict(updates['[data-result-principle="legality"]']["attributes"])["data-level"] == "not-assessed"
    progress = updates['[data-progress-section="fairness"]']
    assert dict(progress["attributes"]) == {"data-progress": "33"}
    assert progress["texts"] == [["", "1 of 3 answered"]]
    assert updates['.result-recommendation[data-level="high"]']["hidden"] is False
    assert updates['.result-recommendation[data-level="low"]']["hidden"] is True
    assert updates['[data-role="why"]']["lines"][-1].startswith("Questionnaire “Risk by principle”, version 1.0.0")


def test_update_texts_show_the_level_with_its_score(applicability: dict[str, Any]) -> None:
    result = scoring.score(applicability, {"core-functions": "yes"})
    overall = _by_selector(bind.updates(applicability, result, STRINGS))['[data-result="overall"]']
    assert overall["texts"][0] == ['[data-role="level"]', "Apply the full toolkit"]
    # One "yes" decides the check: the page says the rest cannot change it, not "not complete yet".
    summary = "Answering the rest cannot change this result (2 question(s) not answered yet)."
    assert overall["texts"][1] == ['[data-role="summary"]', summary]
    assert ["data-settled", "true"] in overall["attributes"]
    undecided = scoring.score(applicability, {"core-functions": "no"})
    overall = _by_selector(bind.updates(applicability, undecided, STRINGS))['[data-result="overall"]']
    assert overall["texts"][1] == ['[data-role="summary"]', "Not complete yet: 2 question(s) still need an answer."]
    # The applicability check declares no dimensions: its section is a `section`.
    assert '[data-result-section="questions"]' in _by_selector(bind.updates(applicability, result, STRINGS))


class FakeStorage:
    """The glue's storage wrapper as a dict: get gives None when empty, False when blocked;
    ``full`` makes every write fail, as a full or read-only storage does."""

    def __init__(self, blocked: bool = False, full: bool = False) -> None:
        self.items: dict[str, str] = {}
        self.blocked = blocked
        self.full = full

    def get(self, key: str) -> str | bool | None:
        return False if self.blocked else self.items.get(key)

    def set(self, key: str, text: str) -> bool:
        if self.blocked or self.full:
            return False
        self.items[key] = text
        return True

    def remove(self, key: str) -> bool:
        self.items.pop(key, None)
        return not self.blocked

    def list_keys(self) -> list[str]:
        return [] if self.blocked else sorted(self.items)


NOW = "2026-11-29T10:00:00Z"


def opened(spec: dict[str, Any], storage: FakeStorage) -> tuple[store.Records, dict[str, Any]]:
    records = store.Records(spec, storage, STRINGS)
    return records, records.open(NOW)


def test_a_first_visit_gets_one_empty_record(applicability: dict[str, Any]) -> None:
    storage = FakeStorage()
    records, state = opened(applicability, storage)
    assert state == {"state": "ok", "moved": False}
    assert [entry["name"] for entry in records.records()] == ["First record"]
    assert records.read()["state"] == "ok"
    assert records.read()["answers"] == {} and records.read()["notes"] == {}
    assert sorted(storage.items) == ["aitk:record:applicability:r1", "aitk:records:applicability"]


def test_records_keep_their_answers_apart_and_survive_a_new_visit(applicability: dict[str, Any]) -> None:
    storage = FakeStorage()
    records, _state = opened(applicability, storage)
    records.save({"core-functions": "no"}, {"general": "system A"}, NOW)
    second = records.create("2026 review", NOW)
    assert second["name"] == "2026 review"
    assert records.current()["id"] == second["id"]
    assert records.read()["answers"] == {} and records.read()["notes"] == {}
    records.save({"core-functions": "yes"}, {}, NOW)
    # A new visit (reload): the same index, the same current record, each record its own answers.
    again, state = opened(applicability, storage)
    assert state["state"] == "ok"
    assert again.current()["name"] == "2026 review"
    assert again.read()["answers"] == {"core-functions": "yes"}
    first = again.records()[0]
    assert again.read(first["id"])["answers"] == {"core-functions": "no"}
    assert again.read(first["id"])["notes"] == {"general": "system A"}
    again.switch(first["id"])
    assert opened(applicability, storage)[0].current()["id"] == first["id"]


def test_rename_and_delete(applicability: dict[str, Any]) -> None:
    storage = FakeStorage()
    records, _state = opened(applicability, storage)
    first = records.current()
    records.save({"core-functions": "no"}, {}, NOW)
    assert records.rename(first["id"], "  Face   matching\n ") == {**first, "name": "Face matching"}
    assert records.rename(first["id"], "   ") is None
    assert json.loads(storage.items["aitk:record:applicability:r1"])["name"] == "Face matching"
    assert records.read(first["id"])["answers"] == {"core-functions": "no"}
    other = records.create("", NOW)
    assert other["name"] == "Record 2"
    assert records.delete(other["id"], NOW)["id"] == first["id"]
    assert "aitk:record:applicability:r2" not in storage.items
    # Deleting the last record leaves a new, empty one rather than none.
    replacement = records.delete(first["id"], NOW)
    assert replacement["name"] == "Record 3"
    assert [entry["id"] for entry in records.records()] == ["r3"]
    assert records.read()["answers"] == {} and records.read()["notes"] == {}


def test_answers_saved_by_engine_2_become_the_first_record(applicability: dict[str, Any]) -> None:
    storage = FakeStorage()
    legacy = json.dumps({"answers": {"core-functions": "no"}, "notes": {"general": "g"}, "saved_at": NOW})
    storage.items["aitk:questionnaire:applicability@1.0.0"] = legacy
    storage.items["aitk:questionnaire:other@1.0.0"] = "{}"
    records, state = opened(applicability, storage)
    assert state == {"state": "ok", "moved": True}
    assert records.current()["name"] == "First record"
    assert records.read() == {
        "state": "ok",
        "answers": {"core-functions": "no"},
        "notes": {"general": "g"},
        "errors": [],
    }
    assert "aitk:questionnaire:applicability@1.0.0" not in storage.items
    assert "aitk:questionnaire:other@1.0.0" in storage.items  # another questionnaire's answers stay


def test_unreadable_old_answers_are_moved_as_they_are_and_reported(applicability: dict[str, Any]) -> None:
    storage = FakeStorage()
    storage.items["aitk:questionnaire:applicability@1.0.0"] = "{broken"
    records, state = opened(applicability, storage)
    assert state["moved"] is True
    assert records.read()["state"] == "corrupt"
    assert storage.items["aitk:questionnaire:applicability@1.0.0"] == "{broken"  # kept, never thrown away


def test_a_damaged_index_is_rebuilt_from_the_records(applicability: dict[str, Any]) -> None:
    storage = FakeStorage()
    records, _state = opened(applicability, storage)
    records.save({"core-functions": "no"}, {}, NOW)
    records.create("Second", NOW)
    storage.items["aitk:records:applicability"] = "{not json"
    again, state = opened(applicability, storage)
    assert state["state"] == "rebuilt"
    assert [entry["name"] for entry in again.records()] == ["First record", "Second"]
    assert again.read("r1")["answers"] == {"core-functions": "no"}
    assert again.create("Third", NOW)["id"] == "r3"


def test_blocked_or_full_storage_keeps_records_in_memory(applicability: dict[str, Any]) -> None:
    records, state = opened(applicability, FakeStorage(blocked=True))
    assert state["state"] == "unavailable"
    assert records.save({"core-functions": "no"}, {}, NOW) is False  # kept, but in memory for this visit only
    assert records.read()["answers"] == {"core-functions": "no"}
    full = FakeStorage()
    records, _state = opened(applicability, full)
    full.full = True
    assert records.save({"core-functions": "yes"}, {}, NOW) is False
    assert records.available is False
    assert records.read()["answers"] == {"core-functions": "yes"}


def test_records_from_an_older_version_are_migrated(applicability: dict[str, Any]) -> None:
    stored = json.dumps({"version": "0.9.0", "answers": {"core-functions": "no"}, "notes": {}})
    got = store.unpack(applicability, stored)
    assert (got["state"], [e["code"] for e in got["errors"]]) == ("corrupt", ["no-migration"])


@pytest.mark.parametrize(
    ("stored", "state", "code"),
    [
        (None, "empty", None),
        ("", "empty", None),
        (False, "unavailable", None),
        ("{broken", "corrupt", "not-json"),
        ("[1, 2]", "corrupt", "not-an-object"),
        (json.dumps({"answers": ["x"]}), "corrupt", "wrong-type"),
        (json.dumps({"answers": {"core-functions": "perhaps"}}), "corrupt", "unknown-option"),
        (json.dumps({"answers": {"gone": "yes"}}), "corrupt", "unknown-control"),
    ],
    ids=["nothing", "empty-text", "blocked", "not-json", "not-object", "answers-not-object", "bad-option", "bad-name"],
)
def test_unreadable_storage_is_named_never_loaded(
    applicability: dict[str, Any], stored: object, state: str, code: str | None
) -> None:
    got = store.unpack(applicability, stored)
    assert (got["state"], got["answers"], got["notes"]) == (state, {}, {})
    assert [e["code"] for e in got["errors"]][:1] == ([code] if code else [])


def test_the_glue_has_no_logic_of_its_own_to_hide() -> None:
    # Every decision is in the engine; the glue must not grow its own copies of control names.
    glue = (ROOT / "extensions" / "questionnaire" / "static" / "glue.py").read_text(encoding="utf-8")
    for literal in ('".na"', '"not-applicable"', '"note:"', "data-result-section", "data-progress"):
        assert literal not in glue, literal


def test_engine_imports_neither_sphinx_nor_pyscript() -> None:
    engine = Path(ROOT / "extensions" / "questionnaire" / "engine")
    for path in engine.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        banned_imports = ("sphinx", "pyscript", "typing", "__future__", "dataclasses", "enum", "fractions")
        for banned in [f"import {name}" for name in banned_imports] + [f"from {name}" for name in banned_imports]:
            assert banned not in text, f"{path.name} uses {banned}"
