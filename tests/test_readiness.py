"""The Organizational Readiness Assessment Questionnaire: its definition, its scoring on
hand-computed cases, its reports, and the built pages (each Roadmap page lists exactly its area's
statements from the same YAML; the stages are defined once)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, BuiltSite
from questionnaire.engine import bind, report, scoring
from questionnaire.engine import spec as specs
from questionnaire.model import load_definition
from questionnaire.strings import catalogue
from toolkit_ids import BUILDING_BLOCKS

STRINGS = catalogue("en")
READINESS = ROOT / "content" / "questionnaires" / "readiness.yaml"
VALUES = {"not-in-place": 0, "initial": 1, "partial": 2, "full": 3, "dont-know": 0}
BY_VALUE = {0: "not-in-place", 1: "initial", 2: "partial", 3: "full"}


@pytest.fixture(scope="module")
def readiness() -> dict[str, Any]:
    return load_definition(READINESS, "readiness.yaml").spec


def statements(spec: dict[str, Any], area: str) -> list[str]:
    section = specs.section(spec, area)
    assert section is not None, area
    return [q["id"] for q in section["questions"]]


def values(spec: dict[str, Any], area: str, *given: int) -> dict[str, str]:
    """Answers for an area's first statements, by value (0 to 3); the rest left unanswered."""
    return {qid: BY_VALUE[value] for qid, value in zip(statements(spec, area), given, strict=False)}


def area(result: dict[str, Any], area_id: str) -> dict[str, Any]:
    return next(e for e in result["sections"] if e["id"] == area_id)


# --- the definition ------------------------------------------------------------------------


def test_the_areas_are_the_building_blocks_with_five_statements_each(readiness: dict[str, Any]) -> None:
    scored = [s for s in readiness["sections"] if any(q.get("scored") for q in s["questions"])]
    assert [s["id"] for s in scored] == BUILDING_BLOCKS
    assert specs.dimension(readiness, "sections")["kind"] == "area"
    for section in scored:
        assert len(section["questions"]) == 5, section["id"]
        assert section["ref"] == section["id"], "each area links to its Roadmap page"
        for question in section["questions"]:
            assert question["type"] == "single"
            assert {o["id"]: o["value"] for o in question["options"]} == VALUES
            assert [o["id"] for o in question["options"] if o["unknown"]] == ["dont-know"]
        assert {a["level"] for a in section["advice"]} == {"starting", "developing"}, section["id"]


def test_the_scoring_rules_are_the_published_ones(readiness: dict[str, Any]) -> None:
    params = readiness["params"]
    assert params["bands"] == [
        {"below": 0.75, "level": "starting"},
        {"below": 1.5, "level": "developing"},
        {"below": 2.25, "level": "established"},
        {"level": "advanced"},
    ]
    assert params["priority_below"] == "established"
    assert params["max_priorities"] >= len(BUILDING_BLOCKS), "every area below Established is a priority"
    assert [v["type"] for v in readiness["views"]] == ["radar", "comparison"]


def test_the_group_and_date_are_recorded_and_head_the_reports(readiness: dict[str, Any]) -> None:
    about = specs.section(readiness, "about")
    assert about is not None
    kinds = {q["id"]: (q["type"], q.get("headline")) for q in about["questions"]}
    assert kinds["assessment-date"] == ("date", "Date of the session")
    assert kinds["participants"] == ("table", "Participants")
    assert [c["id"] for c in specs.question(readiness, "participants")["columns"]] == ["name", "role"]
    assert not any(q["scored"] for q in about["questions"])


# --- scoring, computed by hand ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "score", "stage", "percent"),
    [
        ((0, 0, 0, 0, 0), "0.00", "starting", 0),
        ((1, 1, 1, 0, 0), "0.60", "starting", 20),  # 3/5
        ((1, 1, 1, 0), "0.75", "developing", 25),  # 3/4: exactly on the cut-point, so the higher stage
        ((2, 1, 1, 1, 1), "1.20", "developing", 40),  # 6/5
        ((2, 2, 1, 1), "1.50", "established", 50),  # 6/4
        ((3, 2, 2, 2, 2), "2.20", "established", 73),  # 11/5, 73.3 %
        ((3, 2, 2, 2), "2.25", "advanced", 75),  # 9/4
        ((3, 3, 3, 3, 3), "3.00", "advanced", 100),
        ((1,), "1.00", "developing", 33),  # one answered statement is enough to assess an area
        ((0, 0, 1), "0.33", "starting", 11),  # 1/3, 11.1 %
        ((2, 2, 3), "2.33", "advanced", 78),  # 7/3, 77.8 %
    ],
)
def test_stage_edges(readiness: dict[str, Any], given: tuple[int, ...], score: str, stage: str, percent: int) -> None:
    result = scoring.score(readiness, values(readiness, "leadership-and-strategy", *given))
    leadership = area(result, "leadership-and-strategy")
    assert (leadership["score"], leadership["level"], leadership["percent"]) == (score, stage, percent)
    assert (leadership["answered"], leadership["total"]) == (len(given), 5)
    # One area assessed: the overall is that area.
    assert (result["score"], result["level"], result["percent"]) == (score, stage, percent)


def test_dont_know_scores_zero_and_is_listed_to_find_out(readiness: dict[str, Any]) -> None:
    ids = statements(readiness, "legal-and-policy-framework")
    answers = {ids[0]: "full", ids[1]: "full", ids[2]: "dont-know"}
    result = scoring.score(readiness, answers)
    legal = area(result, "legal-and-policy-framework")
    assert (legal["score"], legal["answered"], legal["level"]) == ("2.00", 3, "established")  # (3 + 3 + 0) / 3
    assert result["to_find_out"] == [ids[2]]
    assert scoring.score(readiness, {ids[0]: "full", ids[1]: "full"})["to_find_out"] == []


def test_unanswered_statements_and_empty_areas_are_left_out(readiness: dict[str, Any]) -> None:
    answers = values(readiness, "governance-and-accountability", 3, 3) | values(
        readiness, "technology-and-infrastructure", 0
    )
    result = scoring.score(readiness, answers)
    assert area(result, "governance-and-accountability")["score"] == "3.00"  # not (3 + 3) / 5
    for other in set(BUILDING_BLOCKS) - {"governance-and-accountability", "technology-and-infrastructure"}:
        assert (area(result, other)["level"], area(result, other)["score"]) == ("not-assessed", None)
    # (3 + 0) / 2 areas, not (3 + 3 + 0) / 3 statements.
    assert (result["score"], result["level"], result["percent"]) == ("1.50", "established", 50)
    assert result["complete"] is False


def test_nothing_answered_is_not_assessed(readiness: dict[str, Any]) -> None:
    result = scoring.score(readiness, {})
    assert (result["level"], result["score"], result["priorities"], result["to_find_out"]) == (
        "not-assessed",
        None,
        [],
        [],
    )
    assert {e["level"] for e in result["sections"]} == {"not-assessed"}


def test_the_overall_is_the_mean_of_the_area_scores(readiness: dict[str, Any]) -> None:
    answers = (
        values(readiness, "leadership-and-strategy", 3, 2, 1, 0)  # 1.50
        | values(readiness, "governance-and-accountability", 0, 0, 0, 0, 1)  # 0.20
        | values(readiness, "legal-and-policy-framework", 2, 2, 2)  # 2.00
        | values(readiness, "people-skills-and-culture", 3, 3, 3, 2, 3)  # 2.80
        | values(readiness, "data-management-and-protection", 1, 1)  # 1.00
    )
    result = scoring.score(readiness, answers)
    assert (result["score"], result["score_num"], result["score_den"]) == ("1.50", 3, 2)  # 7.5 / 5
    assert result["level"] == "established"
    assert [(p["id"], p["level"], p["score"]) for p in result["priorities"]] == [
        ("governance-and-accountability", "starting", "0.20"),
        ("data-management-and-protection", "developing", "1.00"),
    ]


def test_priorities_are_every_area_below_established_lowest_first_ties_in_order(readiness: dict[str, Any]) -> None:
    answers: dict[str, str] = {}
    for index, block in enumerate(BUILDING_BLOCKS):
        answers |= values(readiness, block, [1, 0, 1, 2, 1, 0, 1, 3, 1][index])
    result = scoring.score(readiness, answers)
    # Scores 1, 0, 1, 2, 1, 0, 1, 3, 1: the two zeros first, then the ones in definition order.
    assert [p["id"] for p in result["priorities"]] == [
        "governance-and-accountability",
        "technology-and-infrastructure",
        "leadership-and-strategy",
        "legal-and-policy-framework",
        "data-management-and-protection",
        "procurement-and-partnerships",
        "public-engagement-and-transparency",
    ]


def test_complete_only_when_all_45_statements_are_answered(readiness: dict[str, Any]) -> None:
    every = {qid: "partial" for block in BUILDING_BLOCKS for qid in statements(readiness, block)}
    assert len(every) == 45
    last = statements(readiness, BUILDING_BLOCKS[-1])[-1]
    assert scoring.score(readiness, {k: v for k, v in every.items() if k != last})["complete"] is False
    result = scoring.score(readiness, every | {last: "dont-know"})
    assert result["complete"] is True
    assert (result["answered"], result["total"]) == (45, 45)


# --- what the page and the reports show -----------------------------------------------------------


def test_the_result_puts_priorities_in_order_and_shows_their_advice(readiness: dict[str, Any]) -> None:
    answers = values(readiness, "people-skills-and-culture", 1) | values(readiness, "procurement-and-partnerships", 0)
    result = scoring.score(readiness, answers)
    updates = {u["selector"]: u for u in bind.updates(readiness, result, STRINGS)}
    assert updates['[data-role="priority-list"]']["order"] == [
        '[data-priority="procurement-and-partnerships"]',
        '[data-priority="people-skills-and-culture"]',
    ]
    people = '[data-priority="people-skills-and-culture"]'
    assert updates[people]["hidden"] is False
    assert updates[people]["texts"] == [['[data-role="value"]', "Developing (1.00)"]]
    assert updates[people + ' [data-advice-level="developing"]']["hidden"] is False
    assert updates[people + ' [data-advice-level="starting"]']["hidden"] is True
    assert updates['[data-priority="leadership-and-strategy"]']["hidden"] is True
    assert updates['[data-role="priorities"]']["hidden"] is False
    assert updates['[data-role="priorities-none"]']["hidden"] is True


def test_markdown_and_csv_reports_carry_the_group_priorities_and_advice(readiness: dict[str, Any]) -> None:
    answers = {
        "assessment-date": "2026-11-20",
        "participants": [{"name": "Ana Ruiz", "role": "Deputy chief"}, {}, {"role": "Legal adviser"}],
        **values(readiness, "people-skills-and-culture", 0, 0),
        "executive-lead": "dont-know",
    }
    result = scoring.score(readiness, answers)
    markdown = report.to_markdown(readiness, answers, {}, result, STRINGS, "2026-11-29T10:00:00Z")
    head, rest = markdown.split("\n## ", 1)
    assert "- Date of the session: 2026-11-20\n" in head
    assert "- Participants: Ana Ruiz, Deputy chief; Legal adviser\n" in head
    assert "- Scope: not given\n" in head
    assert rest.startswith("What to do next\n")
    advice = next(
        a["text"] for a in specs.section(readiness, "people-skills-and-culture")["advice"] if a["level"] == "starting"
    )
    assert f"- People, skills and culture (Starting (0.00)): {advice}" in markdown
    assert "To find out: A named member of the executive team" in markdown
    csv = report.to_csv(readiness, answers, {}, result, STRINGS)
    assert ',headline,Participants,,"Ana Ruiz, Deputy chief; Legal adviser",\r\n' in csv


# --- the built pages ------------------------------------------------------------------------


def _page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def test_every_roadmap_page_shows_exactly_its_areas_statements(built_site: BuiltSite) -> None:
    readiness = load_definition(READINESS, "readiness.yaml").spec
    for block in BUILDING_BLOCKS:
        page = _page(built_site.path, f"roadmap/{block}.html")
        section = page.find(id=f"roadmap-{block}-statements")
        assert section is not None, block
        listed = section.select("ol.questionnaire-item-list > li")
        expected = [(q["id"], q["text"]) for q in specs.section(readiness, block)["questions"]]
        assert [li.get_text(" ", strip=True) for li in listed] == [text for _qid, text in expected], block
        hrefs = [li.select_one("a")["href"] for li in listed]
        assert hrefs == [f"../readiness/index.html#q-readiness-q-{qid}" for qid, _text in expected], block
        # The page's own text holds no other numbered statements.
        assert len(section.select("ol")) == 1, block
    form = _page(built_site.path, "readiness/index.html").select_one('form[data-questionnaire="readiness"]')
    for block in BUILDING_BLOCKS:
        fieldsets = form.select(f'fieldset[data-area="{block}"][data-question]')
        assert [f["data-question"] for f in fieldsets] == statements(readiness, block)
        assert form.select_one(f'[data-result-area="{block}"]') is not None
        assert form.select_one(f'[data-priority="{block}"] a[href$="roadmap/{block}.html#{block}"]') is not None


def test_no_page_writes_the_statements_by_hand() -> None:
    for block in BUILDING_BLOCKS:
        source = (ROOT / "content" / "roadmap" / f"{block}.md").read_text(encoding="utf-8")
        tail = source.split(f"(roadmap-{block}-statements)=", 1)[1]
        assert not re.search(r"^\d+\. ", tail, re.M), block
        assert f"{{questionnaire:items}} area {block}" in tail, block


def test_the_stages_are_defined_once_and_shown_on_the_roadmap(built_site: BuiltSite) -> None:
    readiness = load_definition(READINESS, "readiness.yaml").spec
    roadmap = _page(built_site.path, "roadmap/index.html")
    listing = roadmap.select_one("dl.questionnaire-levels")
    assert listing is not None
    shown = [
        (dt.get_text(), dd.get_text(" ", strip=True))
        for dt, dd in zip(listing.select("dt"), listing.select("dd"), strict=True)
    ]
    assert shown == [(level["label"], level["meaning"]) for level in readiness["levels"]]


def test_the_readiness_page_publishes_the_rules_as_this_editions_design(built_site: BuiltSite) -> None:
    page = _page(built_site.path, "readiness/index.html")
    how = page.select_one(".questionnaire-how")
    assert how is not None
    text = how.get_text(" ", strip=True)
    for cut in ("below 0.75", "below 1.5", "below 2.25", "2.25 or more"):
        assert cut in text
    assert "average of the assessed areas" in text
    assert "know (also listed as “to find out”)" in text
    box = page.select_one(".questionnaire .interpretation")
    assert box is not None and "designed for this web edition" in box.get_text()
