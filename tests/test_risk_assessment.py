"""The Risk Assessment Questionnaire: its definition, its scoring on hand-computed cases, and the
built pages (every instrumental principle has items; every item links to its principle and back)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, BuiltSite
from questionnaire.engine import bind, report, scoring, store, suggest
from questionnaire.engine import spec as specs
from questionnaire.model import load_definition
from questionnaire.strings import catalogue
from toolkit_ids import PRINCIPLES

STRINGS = catalogue("en")
RISK = ROOT / "content" / "questionnaires" / "risk.yaml"
LIKELIHOOD = {"rare": 1, "unlikely": 2, "possible": 3, "likely": 4, "almost-certain": 5}
IMPACT = {"minimal": 1, "minor": 2, "moderate": 3, "major": 4, "severe": 5}


@pytest.fixture(scope="module")
def risk() -> dict[str, Any]:
    return load_definition(RISK, "risk.yaml").spec


def items_of(spec: dict[str, Any], principle: str) -> list[str]:
    return [q["id"] for _s, q in specs.questions(spec) if q.get("group") == principle]


def rate(item: str, likelihood: str, impact: str) -> dict[str, str]:
    return {f"{item}.likelihood": likelihood, f"{item}.impact": impact}


def entry(result: dict[str, Any], principle: str) -> dict[str, Any]:
    return next(e for e in result["sections"] + result["groups"] if e["id"] == principle)


# --- the definition ------------------------------------------------------------------------


def test_sections_are_the_core_principles_and_groups_the_instrumental_ones(risk: dict[str, Any]) -> None:
    scored = [s for s in risk["sections"] if any(q["type"] == "rating" for q in s["questions"])]
    assert [s["id"] for s in scored] == list(PRINCIPLES)
    for section in scored:
        assert [g["id"] for g in section["groups"]] == PRINCIPLES[section["id"]]
        assert section["ref"] == section["id"]
        assert all(g["ref"] == g["id"] for g in section["groups"])


def test_every_instrumental_principle_has_at_least_two_items(risk: dict[str, Any]) -> None:
    counts = {principle: len(items_of(risk, principle)) for groups in PRINCIPLES.values() for principle in groups}
    assert len(counts) == 17
    assert min(counts.values()) >= 2, counts
    assert sum(counts.values()) >= 34


def test_every_item_is_rated_on_the_two_scales_and_can_be_not_applicable(risk: dict[str, Any]) -> None:
    ratings = [q for _s, q in specs.questions(risk) if q["type"] == "rating"]
    for question in ratings:
        assert question["not_applicable"] is True, question["id"]
        assert question["help"] and question["example"], question["id"]
        likelihood, impact = question["parts"]
        assert {o["id"]: o["value"] for o in likelihood["options"]} == LIKELIHOOD
        assert {o["id"]: o["value"] for o in impact["options"]} == IMPACT
    assert risk["params"]["bands"] == [
        {"min": 1, "max": 4, "level": "low"},
        {"min": 5, "max": 9, "level": "medium"},
        {"min": 10, "max": 16, "level": "high"},
        {"min": 20, "max": 25, "level": "extremely-high"},
    ]


def test_the_intake_is_never_scored(risk: dict[str, Any]) -> None:
    about = next(s for s in risk["sections"] if s["id"] == "about")
    assert [q["scored"] for q in about["questions"]] == [False] * len(about["questions"])
    result = scoring.score(risk, {"system": "Face matching", "stage": "test", "data-kinds": ["biometric"]})
    assert result["level"] == "not-assessed"
    assert "about" not in [e["id"] for e in result["sections"]]


# --- scoring, computed by hand ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("likelihood", "impact", "score", "level"),
    [
        ("rare", "minimal", 1, "low"),
        ("unlikely", "minor", 4, "low"),
        ("almost-certain", "minimal", 5, "medium"),
        ("possible", "moderate", 9, "medium"),
        ("unlikely", "severe", 10, "high"),
        ("likely", "major", 16, "high"),
        ("likely", "severe", 20, "extremely-high"),
        ("almost-certain", "severe", 25, "extremely-high"),
    ],
    ids=["1", "4", "5", "9", "10", "16", "20", "25"],
)
def test_band_edges(risk: dict[str, Any], likelihood: str, impact: str, score: int, level: str) -> None:
    item = items_of(risk, "legitimacy")[0]
    result = scoring.score(risk, rate(item, likelihood, impact))
    rated = next(i for i in result["items"] if i["id"] == item)
    assert (rated["score"], rated["level"]) == (score, level)
    assert (result["level"], entry(result, "legitimacy")["level"], entry(result, "lawfulness")["level"]) == (
        level,
        level,
        level,
    )


def test_the_highest_level_decides_at_every_step(risk: dict[str, Any]) -> None:
    first, second = items_of(risk, "privacy")[:2]
    other = items_of(risk, "human-agency")[0]
    answers = rate(first, "rare", "minor") | rate(second, "likely", "major") | rate(other, "possible", "minor")
    result = scoring.score(risk, answers)
    assert entry(result, "privacy")["level"] == "high"  # 2 and 16: the highest, not the mean
    assert entry(result, "human-agency")["level"] == "medium"  # 6
    assert entry(result, "human-autonomy")["level"] == "high"
    assert entry(result, "fairness")["level"] == "not-assessed"
    assert result["level"] == "high"
    assert result["flagged"] == [second]


def test_not_applicable_and_incomplete_items_are_left_out(risk: dict[str, Any]) -> None:
    first, second = items_of(risk, "accuracy")[:2]
    answers = {f"{first}.likelihood": "almost-certain", f"{second}.not-applicable": "yes"}
    answers |= {f"{second}.likelihood": "likely", f"{second}.impact": "severe"}  # ignored: not applicable
    result = scoring.score(risk, answers)
    statuses = {i["id"]: i["status"] for i in result["items"]}
    assert (statuses[first], statuses[second]) == ("incomplete", "not-applicable")
    assert result["level"] == "not-assessed"
    assert entry(result, "accuracy")["level"] == "not-assessed"


def test_complete_only_when_every_item_is_rated_or_not_applicable(risk: dict[str, Any]) -> None:
    ratings = [q["id"] for _s, q in specs.questions(risk) if q["type"] == "rating"]
    answers: dict[str, str] = {}
    for index, item in enumerate(ratings):
        if index % 2:
            answers[f"{item}.not-applicable"] = "yes"
        else:
            answers |= rate(item, "rare", "minor")
    assert scoring.score(risk, answers)["complete"] is True
    del answers[f"{ratings[0]}.impact"]
    assert scoring.score(risk, answers)["complete"] is False
    assert scoring.score(risk, {})["level"] == "not-assessed"


def test_every_principle_gets_a_result_element_update(risk: dict[str, Any]) -> None:
    result = scoring.score(risk, {})
    selectors = {u["selector"] for u in bind.updates(risk, result, STRINGS)}
    for core, groups in PRINCIPLES.items():
        for principle in [core, *groups]:
            assert f'[data-result-principle="{principle}"]' in selectors


# --- answers offered to the applicability check ------------------------------------------------


def test_a_saved_risk_record_offers_its_level_to_the_applicability_check(risk: dict[str, Any]) -> None:
    applicability = load_definition(ROOT / "content" / "questionnaires" / "applicability.yaml", "a.yaml").spec
    storage = store.MemoryStorage()
    records = store.Records(risk, storage, STRINGS)
    records.open("2026-11-29T10:00:00Z")
    records.rename("r1", "Face matching")
    item = items_of(risk, "legitimacy")[0]
    result = scoring.score(risk, rate(item, "likely", "major"))
    summary = store.summary(risk, result, STRINGS)
    assert summary == {"level": "high", "label": "High (16.00)"}
    records.save(rate(item, "likely", "major"), {}, "2026-11-29T10:00:00Z", summary)
    records.create("Not started yet", "2026-11-29T11:00:00Z")
    records.save({}, {}, "2026-11-29T11:00:00Z", {"level": "not-assessed", "label": "Not assessed"})
    question = suggest.questions(applicability)[0]
    assert question["id"] == "medium-or-higher-risk"
    offers = suggest.offers(question, store.read_index(storage, "risk"), STRINGS)
    assert [(o["record"], o["option"]) for o in offers] == [("r1", "yes"), ("r2", "not-assessed-yet")]
    assert offers[0]["label"] == "Use “Face matching” (High (16.00), saved 2026-11-29): Yes"
    assert offers[0]["note"] == "Answered from the saved record “Face matching”: High (16.00), saved 2026-11-29."
    assert suggest.offers(question, store.read_index(storage, "nothing-saved"), STRINGS) == []


def test_not_assessed_yet_counts_as_yes_and_is_reported_as_given() -> None:
    applicability = load_definition(ROOT / "content" / "questionnaires" / "applicability.yaml", "a.yaml").spec
    answers = {"core-functions": "no", "medium-or-higher-risk": "not-assessed-yet", "other-rights-effects": "no"}
    result = scoring.score(applicability, answers)
    assert (result["level"], result["reasons"]) == ("full-toolkit", ["medium-or-higher-risk"])
    why = report.explain(applicability, result, STRINGS)
    assert why[0].endswith("for this system? (Not assessed yet)")
    # The rule is stated once, in "how this is scored", not again under "why".
    how = " ".join(block.get("text", "") for block in report.how(applicability, STRINGS))
    assert "The answer “Not assessed yet” counts as “Yes” and is reported as given." in how
    assert "counts as" not in " ".join(why)


# --- the built site -----------------------------------------------------------------------------


def _page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def test_every_item_links_to_its_principle_and_every_principle_lists_its_items(built_site: BuiltSite) -> None:
    risk = load_definition(RISK, "risk.yaml").spec
    page = _page(built_site.path, "risk-assessment/index.html")
    form = page.select_one('form[data-questionnaire="risk"]')
    items = form.select("fieldset.question-rating")
    assert len(items) == len([q for _s, q in specs.questions(risk) if q["type"] == "rating"])
    pages = {g: f"{core}.html#{g}" for core, groups in PRINCIPLES.items() for g in groups}
    for item in items:
        principle = item["data-principle"]
        assert item["data-core-principle"] in PRINCIPLES and principle in PRINCIPLES[item["data-core-principle"]]
        link = item.select_one(".question-group-link a")
        assert link is not None, item["data-question"]
        assert link["href"] == "../principles/" + pages[principle], item["data-question"]
        assert link.get_text() == next(g["title"] for _s, g in specs.groups(risk) if g["id"] == principle)
    # And back: each instrumental principle's section lists its items, linked to the form.
    for core, groups in PRINCIPLES.items():
        principle_page = _page(built_site.path, f"principles/{core}.html")
        for group in groups:
            section = principle_page.find(id=group)
            listed = section.select('a[href^="../risk-assessment/index.html#"]')
            expected = {f"../risk-assessment/index.html#q-risk-q-{qid}" for qid in items_of(risk, group)}
            assert {a["href"] for a in listed} >= expected, group
            assert len(expected) >= 2


def test_the_method_page_draws_from_the_same_definition(built_site: BuiltSite) -> None:
    page = _page(built_site.path, "risk-assessment/method.html")
    assert page.select("form[data-questionnaire]") == [], "the method page has no form and loads no runtime"
    assert "pyscript" not in str(page).lower()
    captions = [c.get_text().rstrip("¶") for c in page.select(".questionnaire-how-table caption")]
    assert "Every pair of ratings: score and level" in captions
    text = page.get_text(" ")
    assert "What to do at each level" in text
    assert "senior manager sign off" in text


def _shipped(site: Path, name: str) -> set[str]:
    """The engine modules a page's PyScript config sends to the browser."""
    import json

    glue = _page(site, name).select_one('script[type="mpy"]')
    return {target.removeprefix("./") for target in json.loads(glue["config"])["files"].values()}


def test_chart_modules_go_only_to_pages_whose_questionnaires_have_views(built_site: BuiltSite) -> None:
    views = {"engine/charts.py", "engine/compare.py"}
    risk = _shipped(built_site.path, "risk-assessment/index.html")
    applicability = _shipped(built_site.path, "overview/index.html")
    assert views <= risk
    assert not views & applicability
    # Proposals: the risk page's results propose actions, the applicability check's never do.
    proposing = {"engine/proposals.py"}
    assert proposing <= risk
    assert not proposing & applicability
    assert proposing <= _shipped(built_site.path, "readiness/index.html")
    assert proposing <= _shipped(built_site.path, "workbook/index.html")
    assert not views & _shipped(built_site.path, "workbook/index.html")
    assert risk - views - proposing == applicability, "every other module goes to both"
