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


# --- reports worth reading (issue 13) ---------------------------------------------------------


def _md_tables(markdown: str) -> list[list[str]]:
    """The header row of each Markdown table, as cells."""
    lines = markdown.splitlines()
    return [
        [cell.strip() for cell in lines[i].strip("|").split("|")]
        for i in range(len(lines) - 1)
        if lines[i].startswith("|") and lines[i + 1].startswith("|---")
    ]


@pytest.mark.parametrize("name", ["applicability", "risk", "readiness", "workbook"])
def test_every_report_table_heads_every_column(name: str) -> None:
    from report_samples import scored

    spec, given, notes, result = scored(name)
    markdown = report.to_markdown(spec, given, notes, result, STRINGS, "1 December 2026, 10:00 (UTC+00:00)")
    headers = _md_tables(markdown)
    assert headers, "the report has its answers tables"
    assert all(all(cell for cell in header) for header in headers), headers


def test_the_general_note_is_labelled(applicability: Any) -> None:
    from questionnaire.engine import scoring

    text = report.to_markdown(
        applicability, {}, {"general": "Pilot in the north"}, scoring.score(applicability, {}), STRINGS, "d"
    )
    assert "## General notes\n\nPilot in the north\n" in text


def test_why_this_result_names_each_question_once(applicability: Any) -> None:
    from questionnaire.engine import scoring

    values = {"core-functions": "yes", "medium-or-higher-risk": "no"}
    result = scoring.score(applicability, values)
    why = report.explain(applicability, result, STRINGS)
    first = applicability["sections"][0]["questions"][0]["text"]
    assert sum(line.count(first) for line in why) == 1
    second = applicability["sections"][0]["questions"][1]["text"]
    assert sum(line.count(second) for line in why) == 1
    # A question not answered yet says nothing about the result; the answers table lists it.
    third = applicability["sections"][0]["questions"][2]["text"]
    assert not any(third in line for line in why)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (
            {"year": 2026, "month": 12, "day": 2, "hour": 21, "minute": 7, "offset": 60},
            "2 December 2026, 21:07 (UTC+01:00)",
        ),
        (
            {"year": 2027, "month": 1, "day": 31, "hour": 0, "minute": 0, "offset": -330},
            "31 January 2027, 00:00 (UTC-05:30)",
        ),
        ({"year": 2026, "month": 6, "day": 9, "hour": 9, "minute": 59, "offset": 0}, "9 June 2026, 09:59 (UTC+00:00)"),
    ],
)
def test_the_report_date_is_a_readable_local_time(moment: dict[str, int], expected: str) -> None:
    from questionnaire.engine import dates

    assert dates.readable(moment, STRINGS) == expected


def test_the_csv_carries_the_record_and_the_verification_code(applicability: Any) -> None:
    import csv

    from questionnaire.engine import scoring, verify

    values = {"core-functions": "yes"}
    text = report.to_csv(applicability, values, {}, scoring.score(applicability, values), STRINGS, "North pilot")
    rows = {row[1]: row for row in csv.reader(text.splitlines())}
    assert rows["record"][4] == "North pilot"
    assert rows["verification"][4] == verify.of_spec(applicability, "North pilot", values, {})
