"""The answers file: building, checking, refusing and migrating saved answers."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
from questionnaire.engine import answers, scoring
from questionnaire.engine import spec as specs

FIXTURES = Path(__file__).parent / "fixtures"
CASES: list[dict[str, Any]] = json.loads((FIXTURES / "answers_cases.json").read_text(encoding="utf-8"))
BY_NAME = {case["name"]: case for case in CASES}


def options(*ids: str) -> list[dict[str, Any]]:
    return [{"id": oid, "label": oid, "value": value, "unknown": False} for value, oid in enumerate(ids, 1)]


def make_spec(version: str = "2.0.0", migrations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A spec with one control of every kind; rating r1 allows N/A, r2 does not."""
    scale = options("one", "two", "three")
    return {
        "id": "risk",
        "version": version,
        "title": "Risk",
        "method": "matrix-max",
        "params": {"parts": ["likelihood", "impact"], "bands": [{"min": 1, "max": 9, "level": "low"}]},
        "levels": [{"id": "low"}],
        "sections": [
            {
                "id": "main",
                "title": "Main",
                "groups": [],
                "questions": [
                    {"id": "q1", "type": "single", "group": None, "scored": True, "options": options("yes", "no")},
                    {"id": "q2", "type": "multiple", "group": None, "scored": True, "options": options("a", "b", "c")},
                    {
                        "id": "r1",
                        "type": "rating",
                        "group": None,
                        "scored": True,
                        "parts": [
                            {"id": "likelihood", "label": "L", "options": scale},
                            {"id": "impact", "label": "I", "options": scale},
                        ],
                        "not_applicable": True,
                    },
                    {"id": "notes1", "type": "text", "group": None, "scored": False},
                ],
            },
            {
                "id": "other",
                "title": "Other",
                "groups": [],
                "questions": [
                    {
                        "id": "r2",
                        "type": "rating",
                        "group": None,
                        "scored": True,
                        "parts": [{"id": "likelihood", "label": "L", "options": scale}],
                        "not_applicable": False,
                    }
                ],
            },
        ],
        "migrations": migrations or [],
    }


GOOD_ANSWERS = {"q1": "yes", "q2": ["a", "c"], "r1.likelihood": "two", "r1.impact": "three", "notes1": "Seen."}


def file_for(spec: dict[str, Any], answer_map: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    data = answers.make_file(spec, GOOD_ANSWERS if answer_map is None else answer_map, {}, None, "2025-01-31T10:00Z")
    data.update(fields)
    return data


def version_file(version: str, answer_map: dict[str, Any], notes: dict[str, Any] | None = None) -> dict[str, Any]:
    data = file_for(make_spec(), answer_map)
    data["questionnaire"]["version"] = version
    data["notes"] = notes or {}
    return data


def codes(report: dict[str, Any]) -> list[str]:
    return [error["code"] for error in report["errors"]]


def assert_refused(report: dict[str, Any]) -> None:
    assert report["ok"] is False
    assert report["errors"]
    assert report["answers"] == {}
    assert report["notes"] == {}
    assert report["migrated_from"] is None


# ---------------------------------------------------------------------------
# Constants, controls and the file itself


def test_format_constants() -> None:
    assert answers.FORMAT == "aitk-questionnaire-answers"
    assert answers.FORMAT_VERSION == 1
    assert answers.MAX_BYTES == 1000000
    assert answers.MAX_TEXT == 10000


def test_control_names_cover_every_form_control() -> None:
    assert specs.controls(make_spec()) == {
        "q1": {"kind": "single", "question": "q1", "options": ["yes", "no"]},
        "q2": {"kind": "multiple", "question": "q2", "options": ["a", "b", "c"]},
        "r1.likelihood": {"kind": "part", "question": "r1", "options": ["one", "two", "three"]},
        "r1.impact": {"kind": "part", "question": "r1", "options": ["one", "two", "three"]},
        "r1.not-applicable": {"kind": "not-applicable", "question": "r1", "options": ["yes"]},
        "notes1": {"kind": "text", "question": "notes1", "options": []},
        "r2.likelihood": {"kind": "part", "question": "r2", "options": ["one", "two", "three"]},
    }


def test_make_file_has_the_documented_fields() -> None:
    result = scoring.score(make_spec(), GOOD_ANSWERS)
    data = answers.make_file(make_spec(), GOOD_ANSWERS, {"general": "Hi"}, result, "2025-01-31T10:00:00Z")
    assert data == {
        "format": "aitk-questionnaire-answers",
        "format_version": 1,
        "questionnaire": {"id": "risk", "version": "2.0.0"},
        "saved_at": "2025-01-31T10:00:00Z",
        "answers": GOOD_ANSWERS,
        "notes": {"general": "Hi"},
        "result": result,
    }


def test_a_saved_file_loads_back_through_json() -> None:
    notes = {"general": "Overall", "q1": "Because", "notes1": "On the text question too"}
    result = scoring.score(make_spec(), GOOD_ANSWERS)
    text = json.dumps(answers.make_file(make_spec(), GOOD_ANSWERS, notes, result, "now"))
    report = answers.check_file(make_spec(), json.loads(text))
    assert report == {
        "ok": True,
        "errors": [],
        "answers": GOOD_ANSWERS,
        "notes": notes,
        "migrated_from": None,
        "record": None,
    }


def test_check_file_does_not_change_the_callers_data() -> None:
    data = version_file("1.0.0", {"old": "y"}, {"old": "note"})
    spec = make_spec(
        migrations=[
            {"from": "1.0.0", "to": "2.0.0", "rename_questions": {"old": "q1"}, "rename_options": {"old": {"y": "yes"}}}
        ]
    )
    before = copy.deepcopy(data)
    report = answers.check_file(spec, data)
    assert report["ok"] is True
    assert data == before
    assert report["answers"] is not data["answers"]


@pytest.mark.parametrize(("size", "refused"), [(0, False), (1000000, False), (1000001, True)])
def test_check_size_refuses_files_over_max_bytes(size: int, refused: bool) -> None:
    error = answers.check_size(size)
    if refused:
        assert error == {"code": "too-large", "detail": {"size": size, "max": 1000000}}
    else:
        assert error is None


# ---------------------------------------------------------------------------
# Refusals: the envelope


@pytest.mark.parametrize("data", [[], "text", 3, None, True])
def test_not_an_object(data: Any) -> None:
    report = answers.check_file(make_spec(), data)
    assert_refused(report)
    assert codes(report) == ["not-an-object"]


@pytest.mark.parametrize("field", ["format", "format_version", "questionnaire", "answers"])
def test_missing_field(field: str) -> None:
    data = file_for(make_spec())
    del data[field]
    report = answers.check_file(make_spec(), data)
    assert_refused(report)
    assert report["errors"] == [{"code": "missing-field", "detail": {"field": field}}]


def test_missing_fields_are_all_reported() -> None:
    report = answers.check_file(make_spec(), {"answers": {}})
    assert [error["detail"]["field"] for error in report["errors"]] == ["format", "format_version", "questionnaire"]


@pytest.mark.parametrize("field", ["id", "version"])
def test_missing_questionnaire_field(field: str) -> None:
    data = file_for(make_spec())
    del data["questionnaire"][field]
    report = answers.check_file(make_spec(), data)
    assert report["errors"] == [{"code": "missing-field", "detail": {"field": "questionnaire." + field}}]


def test_notes_saved_at_and_result_are_optional() -> None:
    data = file_for(make_spec())
    for field in ("notes", "saved_at", "result"):
        del data[field]
    assert answers.check_file(make_spec(), data)["ok"] is True


def test_wrong_format() -> None:
    report = answers.check_file(make_spec(), file_for(make_spec(), format="aitk-other"))
    assert_refused(report)
    assert report["errors"] == [{"code": "wrong-format", "detail": {"found": "aitk-other"}}]


def test_newer_format_version() -> None:
    report = answers.check_file(make_spec(), file_for(make_spec(), format_version=2))
    assert_refused(report)
    assert report["errors"] == [{"code": "newer-format", "detail": {"found": 2, "supported": 1}}]


@pytest.mark.parametrize("value", ["1", 1.0, True, 0, None])
def test_format_version_must_be_a_positive_integer(value: Any) -> None:
    # True == 1 in CPython, so a boolean must be refused explicitly (MicroPython would refuse it anyway).
    report = answers.check_file(make_spec(), file_for(make_spec(), format_version=value))
    assert_refused(report)
    assert codes(report) == ["wrong-type"]
    assert report["errors"][0]["detail"]["field"] == "format_version"


def test_wrong_questionnaire() -> None:
    data = file_for(make_spec())
    data["questionnaire"]["id"] = "readiness"
    report = answers.check_file(make_spec(), data)
    assert_refused(report)
    assert report["errors"] == [{"code": "wrong-questionnaire", "detail": {"expected": "risk", "found": "readiness"}}]


def test_questionnaire_must_be_an_object() -> None:
    report = answers.check_file(make_spec(), file_for(make_spec(), questionnaire="risk"))
    assert codes(report) == ["wrong-type"]


@pytest.mark.parametrize("version", ["2.0.1", "2.1", "10.0.0", "2.0.0.1"])
def test_newer_questionnaire_version(version: str) -> None:
    report = answers.check_file(make_spec(), version_file(version, {}))
    assert_refused(report)
    assert report["errors"] == [{"code": "newer-version", "detail": {"found": version, "current": "2.0.0"}}]


@pytest.mark.parametrize("version", ["two", "", "2.0.0-beta", 2, "2..0", "\u0662.0.0"])
def test_questionnaire_version_must_be_dotted_numbers(version: Any) -> None:
    report = answers.check_file(make_spec(), version_file(version, {}))
    assert codes(report) == ["wrong-type"]


def test_older_version_without_migration() -> None:
    report = answers.check_file(make_spec(), version_file("1.0.0", {"q1": "yes"}))
    assert_refused(report)
    assert report["errors"] == [{"code": "no-migration", "detail": {"from": "1.0.0", "to": "2.0.0"}}]


def test_broken_migration_chain_is_no_migration() -> None:
    spec = make_spec(migrations=[{"from": "1.0.0", "to": "1.5.0"}, {"from": "1.6.0", "to": "2.0.0"}])
    assert codes(answers.check_file(spec, version_file("1.0.0", {}))) == ["no-migration"]


def test_envelope_errors_are_collected_together() -> None:
    data = {"format": answers.FORMAT, "format_version": 1}
    assert codes(answers.check_file(make_spec(), data)) == ["missing-field", "missing-field"]


def test_foreign_file_is_named_as_foreign_not_as_missing_fields() -> None:
    assert codes(answers.check_file(make_spec(), {"format": "something-else"})) == ["wrong-format"]


@pytest.mark.parametrize("field", ["answers", "notes"])
def test_answers_and_notes_must_be_objects(field: str) -> None:
    report = answers.check_file(make_spec(), file_for(make_spec(), **{field: ["q1"]}))
    assert_refused(report)
    assert report["errors"] == [{"code": "wrong-type", "detail": {"field": field, "expected": "object"}}]


# ---------------------------------------------------------------------------
# Refusals: the answers and notes


def test_unknown_control() -> None:
    report = answers.check_file(make_spec(), file_for(make_spec(), {"q9": "yes", "r2.na": "na", "q1.x": "yes"}))
    assert_refused(report)
    assert [(e["code"], e["detail"]["name"]) for e in report["errors"]] == [
        ("unknown-control", "q1.x"),
        ("unknown-control", "q9"),
        # The engine-1 name is read as today's, and r2 has no not-applicable box.
        ("unknown-control", "r2.not-applicable"),
    ]


def test_unknown_option() -> None:
    data = file_for(make_spec(), {"q1": "maybe", "q2": ["a", "z"], "r1.impact": "four", "r1.not-applicable": "no"})
    report = answers.check_file(make_spec(), data)
    assert_refused(report)
    assert [(e["code"], e["detail"]["name"], e["detail"]["option"]) for e in report["errors"]] == [
        ("unknown-option", "q1", "maybe"),
        ("unknown-option", "q2", "z"),
        ("unknown-option", "r1.impact", "four"),
        ("unknown-option", "r1.not-applicable", "no"),
    ]


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("q1", ["yes"], "string"),
        ("q1", 1, "string"),
        ("q1", None, "string"),
        ("r1.likelihood", 2, "string"),
        ("r1.not-applicable", True, "string"),
        ("q2", "a", "list of strings"),
        ("q2", ["a", 1], "list of strings"),
        ("q2", {"a": True}, "list of strings"),
        ("notes1", ["text"], "string"),
        ("notes1", 5, "string"),
    ],
)
def test_wrong_type(name: str, value: Any, expected: str) -> None:
    report = answers.check_file(make_spec(), file_for(make_spec(), {name: value}))
    assert_refused(report)
    assert report["errors"] == [
        {"code": "wrong-type", "detail": {"field": "answers", "name": name, "expected": expected}}
    ]


def test_text_at_max_text_is_accepted_and_one_more_is_refused() -> None:
    at_limit = "x" * answers.MAX_TEXT
    ok = answers.check_file(make_spec(), file_for(make_spec(), {"notes1": at_limit}, notes={"general": at_limit}))
    assert ok["ok"] is True
    over = at_limit + "x"
    report = answers.check_file(make_spec(), file_for(make_spec(), {"notes1": over}, notes={"q1": over}))
    assert_refused(report)
    assert report["errors"] == [
        {"code": "text-too-long", "detail": {"field": "answers", "name": "notes1", "length": 10001, "max": 10000}},
        {"code": "text-too-long", "detail": {"field": "notes", "name": "q1", "length": 10001, "max": 10000}},
    ]


def test_notes_keys_are_question_ids_or_general() -> None:
    notes = {"general": "g", "q1": "a", "r2": "b", "notes1": "c"}
    assert answers.check_file(make_spec(), file_for(make_spec(), notes=notes))["ok"] is True
    report = answers.check_file(make_spec(), file_for(make_spec(), notes={"r1.likelihood": "x", "nobody": "y"}))
    assert report["errors"] == [
        {"code": "unknown-control", "detail": {"field": "notes", "name": "nobody"}},
        {"code": "unknown-control", "detail": {"field": "notes", "name": "r1.likelihood"}},
    ]


def test_note_values_must_be_strings() -> None:
    report = answers.check_file(make_spec(), file_for(make_spec(), notes={"general": ["x"]}))
    assert report["errors"] == [
        {"code": "wrong-type", "detail": {"field": "notes", "name": "general", "expected": "string"}}
    ]


def test_all_errors_are_collected_not_just_the_first() -> None:
    data = file_for(make_spec(), {"zz": "1", "q1": "perhaps", "q2": "a", "notes1": 3}, notes={"nobody": "x"})
    assert codes(answers.check_file(make_spec(), data)) == [
        "wrong-type",
        "unknown-option",
        "wrong-type",
        "unknown-control",
        "unknown-control",
    ]


def test_errors_are_capped_at_twenty() -> None:
    data = file_for(make_spec(), {f"bad{index:02d}": "x" for index in range(30)})
    report = answers.check_file(make_spec(), data)
    assert len(report["errors"]) == 20
    assert report["errors"][0]["detail"]["name"] == "bad00"


def test_empty_answers_are_fine() -> None:
    assert answers.check_file(make_spec(), file_for(make_spec(), {}))["ok"] is True


# ---------------------------------------------------------------------------
# Versions and migrations


@pytest.mark.parametrize(
    ("a", "b", "order"),
    [
        ("1.10.0", "1.9.0", 1),
        ("1.9.0", "1.10.0", -1),
        ("1.0", "1.0.0", 0),
        ("2", "1.99.99", 1),
        ("0.9.0", "1.0.0", -1),
    ],
)
def test_versions_compare_numerically(a: str, b: str, order: int) -> None:
    assert answers.compare_versions(a, b) == order


def test_version_1_10_is_newer_than_1_9_for_files_too() -> None:
    spec = make_spec(version="1.9.0")
    assert codes(answers.check_file(spec, version_file("1.10.0", {}))) == ["newer-version"]


def test_equal_version_in_another_spelling_needs_no_migration() -> None:
    report = answers.check_file(make_spec(), version_file("2.0", {"q1": "yes"}))
    assert report["ok"] is True
    assert report["migrated_from"] is None


MIGRATIONS = [
    # Listed out of order on purpose: the chain is followed by "from", not by list position.
    {"from": "1.10.0", "to": "2.0.0", "rename_questions": {"risk1": "r1"}, "rename_options": {"risk1": {"low": "one"}}},
    {
        "from": "1.9.0",
        "to": "1.10.0",
        "rename_questions": {"old-q1": "q1", "rating": "risk1"},
        "rename_options": {"old-q1": {"y": "yes", "n": "no"}, "q2": {"x": "a"}},
        "drop": ["gone"],
    },
]


def test_migration_chain_renames_questions_parts_options_and_notes() -> None:
    old = {
        "old-q1": "y",
        "q2": ["x", "b"],
        "rating.likelihood": "low",
        "rating.impact": "two",
        "rating.na": "na",
        "gone": "anything",
        "notes1": "kept",
    }
    notes = {"old-q1": "why", "gone": "dropped with its question", "rating": "rating note", "general": "g"}
    report = answers.check_file(make_spec(migrations=MIGRATIONS), version_file("1.9.0", old, notes))
    assert report == {
        "ok": True,
        "errors": [],
        "answers": {
            "q1": "yes",
            "q2": ["a", "b"],
            "r1.likelihood": "one",
            "r1.impact": "two",
            "r1.not-applicable": "yes",
            "notes1": "kept",
        },
        "notes": {"q1": "why", "r1": "rating note", "general": "g"},
        "migrated_from": "1.9.0",
        "record": None,
    }


def test_files_from_engine_1_load_their_not_applicable_boxes() -> None:
    # Engine 1 named the box <item>.na with the value na; engine 2 names it <item>.not-applicable = yes.
    report = answers.check_file(make_spec(), file_for(make_spec(), {"r1.na": "na", "r1.likelihood": "one"}))
    assert report["ok"] is True
    assert report["answers"] == {"r1.not-applicable": "yes", "r1.likelihood": "one"}
    assert scoring.score(make_spec(), report["answers"])["items"][2]["status"] == "not-applicable"


def test_migration_from_the_middle_of_the_chain() -> None:
    report = answers.check_file(make_spec(migrations=MIGRATIONS), version_file("1.10.0", {"risk1.likelihood": "low"}))
    assert report["ok"] is True
    assert report["answers"] == {"r1.likelihood": "one"}
    assert report["migrated_from"] == "1.10.0"


def test_options_are_validated_after_migration() -> None:
    report = answers.check_file(make_spec(migrations=MIGRATIONS), version_file("1.9.0", {"old-q1": "maybe"}))
    assert_refused(report)
    assert report["errors"] == [
        {"code": "unknown-option", "detail": {"field": "answers", "name": "q1", "option": "maybe"}}
    ]


def test_an_old_option_id_left_unmigrated_is_refused() -> None:
    # "y" was only renamed for old-q1; under its new name it is not an option.
    report = answers.check_file(make_spec(migrations=MIGRATIONS), version_file("1.10.0", {"q1": "y"}))
    assert codes(report) == ["unknown-option"]


def test_control_names_unknown_after_migration_are_refused() -> None:
    report = answers.check_file(make_spec(migrations=MIGRATIONS), version_file("1.9.0", {"never-existed": "x"}))
    assert codes(report) == ["unknown-control"]


def test_migrated_result_scores_like_a_current_file() -> None:
    spec = make_spec(migrations=MIGRATIONS)
    report = answers.check_file(spec, version_file("1.9.0", {"rating.likelihood": "low", "rating.impact": "three"}))
    assert scoring.score(spec, report["answers"])["items"][2]["score"] == 3


# ---------------------------------------------------------------------------
# Fixture cases (shared with the MicroPython parity run) and order independence

EXPECTED_CODES = {
    "valid current file": [],
    "not an object": ["not-an-object"],
    "a string is not an object": ["not-an-object"],
    "missing fields": ["missing-field", "missing-field"],
    "missing questionnaire id": ["missing-field"],
    "wrong format": ["wrong-format"],
    "newer format version": ["newer-format"],
    "format version is not an integer": ["wrong-type"],
    "another questionnaire": ["wrong-questionnaire"],
    "newer questionnaire version": ["newer-version"],
    "version 1.10 equals 1.10.0": [],
    "older version without migration path": ["no-migration"],
    "migration from 1.9.0": [],
    "migration chain from 1.8.0": [],
    "option validated after migration": ["unknown-option", "unknown-option"],
    "unknown controls, options and wrong types together": [
        "wrong-type",
        "unknown-option",
        "unknown-control",
        "wrong-type",
        "wrong-type",
        "unknown-option",
        "unknown-control",
        "unknown-control",
    ],
    "text too long": ["text-too-long", "text-too-long"],
    "text at the limit": [],
    "notes problems": ["unknown-control", "wrong-type"],
    "notes not an object": ["wrong-type"],
    "errors are capped at twenty": ["unknown-control"] * 20,
    "answers not an object": ["wrong-type"],
    "non-ASCII digits in the version": ["wrong-type"],
}


def test_fixture_cases_cover_migrations_and_every_case_has_an_expectation() -> None:
    assert len(CASES) >= 10
    assert set(BY_NAME) == set(EXPECTED_CODES)
    migrated = [case for case in CASES if answers.check_file(case["spec"], case["data"])["migrated_from"]]
    assert len(migrated) >= 2


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["name"])
def test_fixture_case_error_codes(case: dict[str, Any]) -> None:
    report = answers.check_file(case["spec"], case["data"])
    assert codes(report) == EXPECTED_CODES[case["name"]]
    assert report["ok"] is (not EXPECTED_CODES[case["name"]])
    if not report["ok"]:
        assert_refused(report)


def test_every_error_code_is_exercised_by_the_fixtures() -> None:
    seen = set()
    for case in CASES:
        seen.update(codes(answers.check_file(case["spec"], case["data"])))
    assert seen == {
        "not-an-object",
        "missing-field",
        "wrong-format",
        "newer-format",
        "wrong-questionnaire",
        "newer-version",
        "no-migration",
        "unknown-control",
        "unknown-option",
        "wrong-type",
        "text-too-long",
    }


def shuffled_dict(mapping: dict[str, Any], shuffler: random.Random) -> dict[str, Any]:
    keys = list(mapping)
    shuffler.shuffle(keys)
    return {key: mapping[key] for key in keys}


@pytest.mark.parametrize("case", [c for c in CASES if isinstance(c["data"], dict)], ids=lambda case: case["name"])
def test_check_file_does_not_depend_on_insertion_order(case: dict[str, Any]) -> None:
    expected = json.dumps(answers.check_file(case["spec"], case["data"]), sort_keys=True)
    shuffler = random.Random(case["name"])
    for _ in range(5):
        data = shuffled_dict(case["data"], shuffler)
        for field in ("answers", "notes"):
            if isinstance(data.get(field), dict):
                data[field] = shuffled_dict(data[field], shuffler)
        assert json.dumps(answers.check_file(case["spec"], data), sort_keys=True) == expected
