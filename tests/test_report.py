"""report.py: the words users see for results and refusals (pure Python, also run in MicroPython)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from questionnaire.engine import answers, report
from questionnaire.model import load_definition
from questionnaire.strings import catalogue

STRINGS = catalogue("en")
ANSWERS_CASES = json.loads((ROOT / "tests" / "fixtures" / "answers_cases.json").read_text(encoding="utf-8"))


def _errors() -> list[dict[str, Any]]:
    found = [e for case in ANSWERS_CASES for e in answers.check_file(case["spec"], case["data"])["errors"]]
    return [*found, answers.check_size(answers.MAX_BYTES + 1)]


@pytest.mark.parametrize("error", _errors(), ids=lambda e: e["code"])
def test_every_refusal_reads_as_words_not_as_a_code(error: dict[str, Any]) -> None:
    text = report.refusal_text(STRINGS, "saved.json", [error])
    assert text.startswith("The file saved.json was not loaded and your answers on screen are unchanged: ")
    assert "could not be read" not in text, f"no template fits {error}"
    assert "{" not in text


def test_unknown_code_falls_back_to_a_generic_sentence() -> None:
    text = report.refusal_text(STRINGS, "x.json", [{"code": "mystery", "detail": {}}])
    assert text.endswith("it could not be read (mystery).")


@pytest.fixture(scope="module")
def applicability() -> Any:
    path = ROOT / "content" / "questionnaires" / "applicability.yaml"
    return load_definition(path, "applicability.yaml").spec


def test_markdown_report_holds_result_answers_notes_and_escapes_tables(applicability: Any) -> None:
    from questionnaire.engine import scoring

    values = {"core-functions": "yes"}
    result = scoring.score(applicability, values)
    text = report.to_markdown(applicability, values, {"general": "a | b"}, result, STRINGS, "2026-11-27")
    assert text.startswith("# Report: Does the full toolkit apply to this AI system?")
    assert "- Result: Apply the full toolkit" in text
    assert "- Questionnaire: Does the full toolkit apply to this AI system? (applicability, 1.1.0)" in text
    assert "a \\| b" in text


def test_csv_neutralizes_spreadsheet_formulas(applicability: Any) -> None:
    from questionnaire.engine import scoring

    result = scoring.score(applicability, {})
    text = report.to_csv(applicability, {}, {"general": '=HYPERLINK("x")'}, result, STRINGS)
    assert "'=HYPERLINK" in text
    assert text.splitlines()[0] == "section,question_id,question,part,answer,note"


def test_csv_quotes_commas_and_newlines(tmp_path: Path, applicability: Any) -> None:
    import csv

    from questionnaire.engine import scoring

    result = scoring.score(applicability, {})
    path = tmp_path / "a.csv"
    path.write_text(report.to_csv(applicability, {}, {"core-functions": "one, two\nthree"}, result, STRINGS))
    rows = list(csv.reader(path.open(newline="")))
    assert [row[5] for row in rows if row[1] == "core-functions"] == ["one, two\nthree"]


def test_markdown_report_carries_the_comparison_on_screen() -> None:
    from questionnaire.engine import scoring

    spec = load_definition(ROOT / "tests" / "roots" / "test-q-views" / "risk.yaml", "risk.yaml").spec
    now_answers = {"biased-data.likelihood": "likely", "biased-data.impact": "severe"}
    before = scoring.score(spec, {"biased-data.likelihood": "rare", "biased-data.impact": "minor"})
    result = scoring.score(spec, now_answers)
    plain = report.to_markdown(spec, now_answers, {}, result, STRINGS, "2026-11-29")
    assert "Compared with" not in plain
    text = report.to_markdown(
        spec, now_answers, {}, result, STRINGS, "2026-11-29", {"label": "the 2025 review", "result": before}
    )
    section = text.split("## Compared with the 2025 review\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert section[0] == "- Overall: Low (2.00) → Extremely high (20.00), Higher (+18.00); 3 level(s) up"
    assert text.index("## Compared with") < text.index("## Answers and notes")
