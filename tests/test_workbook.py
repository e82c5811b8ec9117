"""The Workbook: its definition, progress, the actions other records propose (kept with their
summaries, imported without duplicates), the action plan CSV and the sign-off rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, BuiltSite
from questionnaire.engine import bind, form, proposals, report, scoring, store
from questionnaire.engine import spec as specs
from questionnaire.errors import DefinitionError
from questionnaire.model import load_definition
from questionnaire.strings import catalogue
from sitemap import soup
from toolkit_ids import LIFE_CYCLE_STAGES, PRINCIPLES

STRINGS = catalogue("en")
QUESTIONNAIRES = ROOT / "content" / "questionnaires"
FIELDS = ("objectives", "team", "decisions", "principles", "risks", "evidence", "actions")


def load(name: str) -> dict[str, Any]:
    return load_definition(QUESTIONNAIRES / f"{name}.yaml", f"{name}.yaml").spec


@pytest.fixture(scope="module")
def workbook() -> dict[str, Any]:
    return load("workbook")


@pytest.fixture(scope="module")
def risk() -> dict[str, Any]:
    return load("risk")


@pytest.fixture(scope="module")
def readiness() -> dict[str, Any]:
    return load("readiness")


# --- the definition ------------------------------------------------------------------------


def test_every_stage_holds_the_same_seven_fields(workbook: dict[str, Any]) -> None:
    for stage in LIFE_CYCLE_STAGES:
        section = specs.section(workbook, stage)
        assert section is not None
        assert [q["id"] for q in section["questions"]] == [f"{stage}-{field}" for field in FIELDS]
        principles = specs.question(workbook, f"{stage}-principles")
        instrumental = [p for groups in PRINCIPLES.values() for p in groups]
        assert principles["type"] == "checklist"
        assert [o["id"] for o in principles["options"]] == instrumental
        actions = specs.question(workbook, f"{stage}-actions")
        assert [c["id"] for c in actions["columns"]] == ["action", "owner", "due", "status", "source"]
        assert actions["due"] == {"column": "due", "done": {"column": "status", "options": ["done", "declined"]}}
        assert actions["import"]["from"] == ["risk", "readiness"]
    sign_off = specs.question(workbook, "sign-off")
    assert sign_off["signature"] is True and sign_off["expected"] is False
    assert [c["id"] for c in sign_off["columns"]] == ["name", "role", "date"]


def test_progress_is_the_share_of_fields_written_down(workbook: dict[str, Any]) -> None:
    answers = {
        "system": "Face matching",
        "decide-objectives": "Decide.",
        "decide-actions": [{}, {"action": "Ask"}],
        "test-principles": ["accuracy"],
        "sign-off": [{"name": "R. Okafor"}],  # not expected: not counted
    }
    result = scoring.score(workbook, answers, {"today": "2026-11-29"})
    by_id = {entry["id"]: entry for entry in result["sections"]}
    assert (by_id["decide"]["answered"], by_id["decide"]["total"], by_id["decide"]["percent"]) == (2, 7, 29)
    assert (by_id["test"]["percent"], by_id["deploy"]["percent"]) == (14, 0)
    assert (result["answered"], result["total"], result["percent"], result["level"]) == (4, 47, 9, "in-progress")
    assert "sign-off" not in by_id


def test_overdue_actions_are_judged_against_today(workbook: dict[str, Any]) -> None:
    rows = [
        {"action": "Late", "due": "2026-11-28"},
        {"action": "Done late", "due": "2026-01-01", "status": "done"},
        {"action": "Declined", "due": "2026-01-01", "status": "declined"},
        {"action": "Due today", "due": "2026-11-29"},
    ]
    result = scoring.score(workbook, {"deploy-actions": rows}, {"today": "2026-11-29"})
    table = next(t for t in result["tables"] if t["question"] == "deploy-actions")
    assert table["overdue"] == [{"row": 0, "due": "2026-11-28"}]


# --- proposals -------------------------------------------------------------------------------


def _rate(spec: dict[str, Any], level_pairs: list[tuple[str, str]]) -> dict[str, str]:
    items = [q["id"] for _s, q in specs.questions(spec) if q["type"] == "rating"]
    answers = {}
    for item, (likelihood, impact) in zip(items, level_pairs, strict=False):
        answers[f"{item}.likelihood"] = likelihood
        answers[f"{item}.impact"] = impact
    return answers


def test_a_risk_result_proposes_its_flagged_items_with_their_principles(risk: dict[str, Any]) -> None:
    answers = _rate(risk, [("likely", "severe"), ("rare", "minor"), ("possible", "major")])
    answers["system"] = "Face matching"
    result = scoring.score(risk, answers)
    summary = store.summary(risk, result, STRINGS, answers, "risk-assessment/index.html#q-risk")
    items = [q for _s, q in specs.questions(risk) if q["type"] == "rating"]
    first, third = items[0], items[2]
    group = next(g for _s, g in specs.groups(risk) if g["id"] == first["group"])
    assert summary["headlines"] == [["System", "Face matching"]]
    assert summary["title"] == "Risk Assessment Questionnaire"
    assert [p["key"] for p in summary["proposals"]] == [f"q-risk-q-{first['id']}", f"q-risk-q-{third['id']}"]
    proposal = summary["proposals"][0]
    assert proposal["source"] == f"risk-assessment/index.html#q-risk-q-{first['id']}"
    assert proposal["text"] == (
        f"Reduce the risk: {first['text']} (rated Extremely high (20); principle: {group['title']})"
    )
    # Without a page the summary stays as small as before: no proposals to place.
    assert "proposals" not in store.summary(risk, result, STRINGS, answers)
    assert store.summary(risk, result, STRINGS) == {"level": "extremely-high", "label": "Extremely high (20.00)"}


def test_a_readiness_result_proposes_its_priority_areas(readiness: dict[str, Any]) -> None:
    result = scoring.score(readiness, {"ai-inventory": "not-in-place", "datasets-listed": "initial"})
    placed = proposals.placed(proposals.of_result(readiness, result, STRINGS), "readiness/index.html#q-readiness")
    assert placed == [
        {
            "key": "q-readiness-section-governance-and-accountability",
            "text": "Raise readiness in Governance and accountability (now Starting (0.00))",
            "source": "readiness/index.html#q-readiness-section-governance-and-accountability",
        },
        {
            "key": "q-readiness-section-data-management-and-protection",
            "text": "Raise readiness in Data management and protection (now Developing (1.00))",
            "source": "readiness/index.html#q-readiness-section-data-management-and-protection",
        },
    ]


PROPOSED = [
    {"key": "q-risk-q-a", "text": "Reduce A", "source": "risk-assessment/index.html#q-risk-q-a"},
    {"key": "q-risk-q-b", "text": "Reduce B", "source": "risk-assessment/index.html#q-risk-q-b"},
]


def test_importing_adds_proposed_rows_once_across_the_record(workbook: dict[str, Any]) -> None:
    before = {"test-actions": [{"action": "Mine", "owner": "Ana"}]}
    merged = proposals.merge(workbook, before, "test-actions", PROPOSED)
    assert (merged["added"], merged["skipped"], merged["full"]) == (2, 0, 0)
    assert merged["answers"]["test-actions"] == [
        {"action": "Mine", "owner": "Ana"},
        {"action": "Reduce A", "source": "risk-assessment/index.html#q-risk-q-a", "status": "proposed"},
        {"action": "Reduce B", "source": "risk-assessment/index.html#q-risk-q-b", "status": "proposed"},
    ]
    assert before == {"test-actions": [{"action": "Mine", "owner": "Ana"}]}, "the answers given are not changed"
    # Again, into the same table or another stage's: nothing new. An edited row keeps its source.
    edited = merged["answers"]
    edited["test-actions"][1]["action"] = "Test A on local images"
    again = proposals.merge(workbook, edited, "deploy-actions", PROPOSED)
    assert (again["added"], again["skipped"]) == (0, 2)
    assert again["answers"].get("deploy-actions") == []
    # A removed row can be proposed again.
    removed = form.without_row(edited, "test-actions", 2)
    back = proposals.merge(workbook, removed, "deploy-actions", PROPOSED)
    assert (back["added"], back["skipped"]) == (1, 1)


def test_importing_stops_at_a_full_table(workbook: dict[str, Any]) -> None:
    rows = [{"action": str(n)} for n in range(99)]
    merged = proposals.merge(workbook, {"use-and-monitor-actions": rows}, "use-and-monitor-actions", PROPOSED)
    assert (merged["added"], merged["full"]) == (1, 1)
    assert len(merged["answers"]["use-and-monitor-actions"]) == 100


def _index(records: list[dict[str, Any]]) -> dict[str, Any]:
    return {"current": records[0]["id"], "next": len(records) + 1, "records": records}


def test_offers_put_the_same_system_first_then_the_latest(workbook: dict[str, Any]) -> None:
    summary = {"level": "high", "label": "High (12.00)", "title": "Risk Assessment Questionnaire"}
    risk_index = _index(
        [
            {"id": "r1", "name": "Old", "updated": "2026-01-01T00:00:00Z", "summary": {**summary, "proposals": []}},
            {
                "id": "r2",
                "name": "Same",
                "updated": "2025-06-01T00:00:00Z",
                "summary": {**summary, "headlines": [["System", "Face  Matching"]], "proposals": PROPOSED},
            },
            {"id": "r3", "name": "Newest", "updated": "2026-11-01T00:00:00Z", "summary": summary},
            {"id": "r4", "name": "Never scored", "updated": "2026-11-02T00:00:00Z"},
        ]
    )
    found = proposals.offers(workbook, {"risk": risk_index, "readiness": None}, [("System", "face matching")], STRINGS)
    assert [(o["record"], o["same"], o["count"]) for o in found] == [
        ("r2", True, 2),
        ("r3", False, 0),
        ("r1", False, 0),
    ]
    assert found[0]["label"] == (
        "Risk Assessment Questionnaire: “Same”, High (12.00), 2025-06-01: 2 proposed action(s) (the same system)"
    )
    tree = proposals.tree(found, STRINGS)
    buttons = [item["children"][0] for item in tree["children"]]
    assert ["disabled", "disabled"] not in buttons[0]["attrs"]
    assert ["disabled", "disabled"] in buttons[1]["attrs"], "a record that proposes nothing cannot be imported"
    assert proposals.tree([], STRINGS)["attrs"] == [["data-role", "import-none"]]
    assert proposals.proposals_of(proposals.entry_of(risk_index, "r2")) == PROPOSED
    assert proposals.proposals_of(proposals.entry_of(risk_index, "r3")) == []
    assert proposals.entry_of(risk_index, "r9") is None
    assert proposals.proposals_of(None) == []


# --- what the page and the reports show -----------------------------------------------------------


def test_an_imported_row_links_to_where_it_came_from(workbook: dict[str, Any]) -> None:
    answers = proposals.merge(workbook, {"test-actions": [{"action": "Mine"}]}, "test-actions", PROPOSED)["answers"]
    result = scoring.score(workbook, answers, {"today": "2026-11-29"})
    updates = {u["selector"]: u for u in bind.updates(workbook, result, STRINGS, None, "../")}
    row = form.row_selector("test-actions", 1)
    assert updates[row + ' [data-role="row-source"]']["attributes"] == [
        ["href", "../risk-assessment/index.html#q-risk-q-a"]
    ]
    assert updates[row + ' [data-role="row-source-cell"]']["hidden"] is False
    assert updates[form.row_selector("test-actions", 0) + ' [data-role="row-source-cell"]']["hidden"] is True


def test_the_action_plan_csv_lists_every_stages_actions(workbook: dict[str, Any]) -> None:
    answers = {
        "decide-actions": [{"action": "Ask legal", "owner": "Legal", "due": "2026-01-31", "status": "open"}],
        "test-actions": [{"action": "=cmd", "status": "done", "due": "2026-01-01"}, {}],
    }
    result = scoring.score(workbook, answers, {"today": "2026-11-29"})
    lines = report.to_plan_csv(workbook, answers, result, STRINGS).split("\r\n")
    assert lines[0] == "Stage,Row,Action,Owner,Due date,Status,From,Overdue"
    assert lines[1] == 'Stage 1: Decision and planning,1,Ask legal,Legal,2026-01-31,"Agreed, not started",,overdue'
    assert lines[2] == "Stage 3: Testing and validation,1,'=cmd,,2026-01-01,Done,,"
    assert lines[3] == "Stage 3: Testing and validation,2,,,,,,"
    assert lines[4:] == [""]


def test_the_system_and_owner_head_the_markdown_report(workbook: dict[str, Any]) -> None:
    answers = {"system": "Face matching", "owner": "Deputy chief", "current-stage": "test"}
    markdown = report.to_markdown(workbook, answers, {}, scoring.score(workbook, answers), STRINGS, "2026-11-29")
    head = markdown.split("\n## ")[0]
    assert "- System: Face matching\n" in head
    assert "- Senior owner: Deputy chief\n" in head
    assert "- Current stage: Testing and validation\n" in head
    assert "- Path: not given\n" in head


def test_sign_off_rows_carry_a_signature_line(workbook: dict[str, Any]) -> None:
    row = form.table_row(specs.question(workbook, "sign-off"), 0, "q-workbook", STRINGS)
    lines = [
        child for child in row["children"] if isinstance(child, dict) and ["class", "signature-line"] in child["attrs"]
    ]
    assert len(lines) == 1
    plain = form.table_row(specs.question(workbook, "decide-team"), 0, "q-workbook", STRINGS)
    assert not [c for c in plain["children"] if isinstance(c, dict) and ["class", "signature-line"] in c["attrs"]]


def test_the_workbook_page_offers_imports_and_a_blank_sign_off_block(built_site: BuiltSite) -> None:
    page = soup(built_site.path / "workbook" / "index.html")
    form_ = page.select_one('form[data-questionnaire="workbook"]')
    assert form_ is not None
    targets = [o["value"] for o in form_.select('select[data-import="target"] option')]
    assert targets == [f"{stage}-actions" for stage in LIFE_CYCLE_STAGES]
    blank = form_.select_one('[data-table="sign-off"] [data-role="table-empty"]')
    assert [p.get_text() for p in blank.select(".signature-blank")] == ["Name:", "Role:", "Date:"]
    assert form_.select_one('button[data-action="plan-csv"]') is not None
    for stage in LIFE_CYCLE_STAGES:
        assert form_.select_one(f'[data-progress-section="{stage}"]') is not None
        assert len(form_.select(f'[data-stage="{stage}"][data-question]')) == len(FIELDS)


# --- the definition's checks ----------------------------------------------------------------------

TABLE = """id: demo
version: 1.0.0
title: Demo
method: progress
params: {not_started: a, in_progress: b, complete: c}
levels:
  - {id: a, label: A, meaning: m}
  - {id: b, label: B, meaning: m}
  - {id: c, label: C, meaning: m}
sections:
  - id: only
    title: Only
    questions:
      - id: actions
        type: table
        text: Actions
        columns:
          - {id: action, label: Action}
          - {id: state, label: State, type: choice, options: [{id: new, label: New}, {id: done, label: Done}]}
          - {id: from, label: From, type: source}
        IMPORT
"""


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("import: {from: [risk], text: state, source: from}", "import.text: 'state' is not a text column"),
        ("import: {from: [risk], text: action, source: action}", "import.source: 'action' is not a source column"),
        (
            "import: {from: [risk], text: action, source: from, status: {column: state, option: old}}",
            "import.status.option: unknown option 'old' (column 'state' offers: new, done)",
        ),
        ("import: {from: [], text: action, source: from}", "import.from: must have at least 1 item(s)"),
        ("expected: true", "columns: a source column is filled by 'import': this table has no 'import'"),
    ],
)
def test_an_import_rule_must_name_the_right_columns(tmp_path: Path, rule: str, message: str) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(TABLE.replace("IMPORT", rule), encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_definition(path, "q.yaml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("q.yaml:")
