"""The published JSON Schema of the answers file matches what answers.make_file writes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from questionnaire.engine import answers, scoring
from questionnaire.model import load_definition

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "extensions" / "questionnaire" / "schema" / "answers.schema.json"
DEFINITION = ROOT / "content" / "questionnaires" / "applicability.yaml"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return load_definition(DEFINITION, "applicability.yaml").spec


@pytest.fixture
def saved(spec: dict[str, Any]) -> dict[str, Any]:
    values = {"core-functions": "no", "medium-or-higher-risk": "yes"}
    notes = {"core-functions": "Only rota planning.", "general": "Checked with the project lead."}
    result = scoring.score(spec, values)
    data = answers.make_file(spec, values, notes, result, "2025-01-31T10:00:00.000Z")
    # Exactly what the browser writes: a JSON round trip.
    return json.loads(json.dumps(data))


def test_saved_file_is_valid_and_accepted(
    validator: jsonschema.Draft202012Validator, saved: dict[str, Any], spec: dict[str, Any]
) -> None:
    assert list(validator.iter_errors(saved)) == []
    assert answers.check_file(spec, saved)["ok"] is True


def test_file_without_result_and_with_a_list_answer_is_valid(
    validator: jsonschema.Draft202012Validator, spec: dict[str, Any]
) -> None:
    data = answers.make_file(spec, {"a": "x", "b": ["c", "d"]}, None, None, "")
    assert data["result"] is None
    validator.validate(data)


def test_minimal_hand_made_file_is_valid(validator: jsonschema.Draft202012Validator, saved: dict[str, Any]) -> None:
    for field in ("notes", "saved_at", "result"):
        del saved[field]
    validator.validate(saved)


def broken(saved: dict[str, Any], change: str) -> dict[str, Any]:
    data = copy.deepcopy(saved)
    if change == "format":
        data["format"] = "aitk-other"
    elif change == "format_version":
        data["format_version"] = 2
    elif change == "format_version_string":
        data["format_version"] = "1"
    elif change == "missing answers":
        del data["answers"]
    elif change == "missing questionnaire version":
        del data["questionnaire"]["version"]
    elif change == "questionnaire version":
        data["questionnaire"]["version"] = "1.0.0-beta"
    elif change == "answer type":
        data["answers"]["core-functions"] = 1
    elif change == "list item type":
        data["answers"]["core-functions"] = ["yes", 2]
    elif change == "note type":
        data["notes"]["general"] = ["x"]
    elif change == "result type":
        data["result"] = "full-toolkit"
    elif change == "saved_at type":
        data["saved_at"] = 20250131
    return data


@pytest.mark.parametrize(
    "change",
    [
        "format",
        "format_version",
        "format_version_string",
        "missing answers",
        "missing questionnaire version",
        "questionnaire version",
        "answer type",
        "list item type",
        "note type",
        "result type",
        "saved_at type",
    ],
)
def test_wrong_file_is_rejected(validator: jsonschema.Draft202012Validator, saved: dict[str, Any], change: str) -> None:
    data = broken(saved, change)
    assert data != saved
    assert list(validator.iter_errors(data)) != []
