"""Scoring rules of the three methods, checked under CPython (parity with MicroPython is test_parity.py)."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
from questionnaire.engine import methods, rational, scoring

FIXTURES = Path(__file__).parent / "fixtures"
CASES: list[dict[str, Any]] = json.loads((FIXTURES / "scoring_cases.json").read_text(encoding="utf-8"))

LIKELIHOOD = ["rare", "unlikely", "possible", "likely", "almost-certain"]
IMPACT = ["minimal", "minor", "moderate", "major", "severe"]
RISK_LEVELS = ["low", "medium", "high", "extremely-high"]
STAGES = ["starting", "developing", "established", "advanced"]


# ---------------------------------------------------------------------------
# Spec builders: small normalized specs, in the shape model.py produces.


def rating(qid: str, group: str | None = None, na: bool = True) -> dict[str, Any]:
    def options(ids: list[str]) -> list[dict[str, Any]]:
        return [{"id": oid, "label": oid, "value": value} for value, oid in enumerate(ids, 1)]

    return {
        "id": qid,
        "type": "rating",
        "group": group,
        "text": qid,
        "help": None,
        "scored": True,
        "parts": [
            {"id": "likelihood", "label": "Likelihood", "options": options(LIKELIHOOD)},
            {"id": "impact", "label": "Impact", "options": options(IMPACT)},
        ],
        "not_applicable": na,
    }


def text(qid: str) -> dict[str, Any]:
    return {"id": qid, "type": "text", "group": None, "text": qid, "help": None, "scored": False}


def single(qid: str, values: dict[str, Any], group: str | None = None, unknown: tuple[str, ...] = ()) -> dict[str, Any]:
    options = [{"id": oid, "label": oid, "value": value, "unknown": oid in unknown} for oid, value in values.items()]
    return {"id": qid, "type": "single", "group": group, "text": qid, "help": None, "scored": True, "options": options}


def section(sid: str, questions: list[dict[str, Any]], groups: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"id": sid, "title": sid, "groups": [{"id": g, "title": g} for g in groups], "questions": questions}


def risk_spec(sections: list[dict[str, Any]] | None = None, levels: list[str] | None = None) -> dict[str, Any]:
    if sections is None:
        sections = [
            section("lawfulness", [rating("r1", "a"), rating("r2", "a", na=False), rating("r3", "b")], ("a", "b")),
            section("fairness", [rating("r4"), text("notes")]),
        ]
    return {
        "id": "risk",
        "version": "1.0.0",
        "title": "Risk",
        "method": "matrix-max",
        "params": {
            "parts": ["likelihood", "impact"],
            "bands": [
                {"min": 1, "max": 4, "level": "low"},
                {"min": 5, "max": 9, "level": "medium"},
                {"min": 10, "max": 16, "level": "high"},
                {"min": 20, "max": 25, "level": "extremely-high"},
            ],
        },
        "levels": [{"id": level, "label": level, "meaning": ""} for level in (levels or RISK_LEVELS)],
        "sections": sections,
        "migrations": [],
    }


def rate(qid: str, likelihood: int, impact: int) -> dict[str, str]:
    return {qid + ".likelihood": LIKELIHOOD[likelihood - 1], qid + ".impact": IMPACT[impact - 1]}


def yes_no(qid: str) -> dict[str, Any]:
    return single(qid, {"yes": 1, "no": 0})


def triage_spec(listed: list[str] | None = None) -> dict[str, Any]:
    return {
        "id": "triage",
        "version": "1.0.0",
        "title": "Triage",
        "method": "any-yes",
        "params": {
            "yes_option": "yes",
            "questions": listed or ["q1", "q2", "q3"],
            "any_level": "full-toolkit",
            "none_level": "core-principles",
        },
        "levels": [{"id": "core-principles"}, {"id": "full-toolkit"}],
        "sections": [
            section("purpose", [yes_no("q1"), yes_no("q2"), yes_no("extra")]),
            section("capability", [yes_no("q3")]),
        ],
        "migrations": [],
    }


STATEMENT = {"not-yet": 0, "partly": 1, "mostly": 2, "fully": 3, "dont-know": 0}


def statement(qid: str, group: str | None = None, values: dict[str, Any] | None = None) -> dict[str, Any]:
    return single(qid, values or STATEMENT, group=group, unknown=("dont-know",))


def readiness_spec(sections: list[dict[str, Any]] | None = None, max_priorities: int = 3) -> dict[str, Any]:
    if sections is None:
        sections = [
            section(
                "governance",
                [statement("g1", "oversight"), statement("g2", "oversight"), statement("g3")],
                ("oversight",),
            ),
            section("data", [statement("d1"), statement("d2")]),
            section("people", [statement("p1"), text("p-notes")]),
            section("technology", [statement("t1")]),
        ]
    return {
        "id": "readiness",
        "version": "1.0.0",
        "title": "Readiness",
        "method": "banded-mean",
        "params": {
            "bands": [
                {"below": 0.75, "level": "starting"},
                {"below": 1.5, "level": "developing"},
                {"below": 2.25, "level": "established"},
                {"level": "advanced"},
            ],
            "priority_below": "established",
            "max_priorities": max_priorities,
        },
        "levels": [{"id": stage} for stage in STAGES],
        "sections": sections,
        "migrations": [],
    }


def one_statement_spec(value: Any) -> dict[str, Any]:
    """A banded-mean spec whose only statement has one option worth `value`."""
    return readiness_spec([section("area", [statement("s1", values={"x": value})])])


def item(result: dict[str, Any], qid: str) -> dict[str, Any]:
    return next(entry for entry in result["items"] if entry["id"] == qid)


def by_id(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in entries}


def contains_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(contains_float(v) for v in value.values())
    if isinstance(value, list):
        return any(contains_float(v) for v in value)
    return False


# ---------------------------------------------------------------------------
# The fixture cases (shared with the MicroPython parity run)

EXPECTED_LEVELS = {
    "matrix: nothing answered": "not-assessed",
    "matrix: score 4 is low": "low",
    "matrix: score 5 is medium": "medium",
    "matrix: score 9 is medium": "medium",
    "matrix: score 10 is high": "high",
    "matrix: score 16 is high": "high",
    "matrix: score 20 is extremely high": "extremely-high",
    "matrix: score 25 in the fairness section": "extremely-high",
    "matrix: N/A wins over ratings": "low",
    "matrix: one rating only is incomplete": "not-assessed",
    "matrix: all rated or N/A is complete": "high",
    "matrix: unknown option id counts as unanswered": "low",
    "matrix: na ignored where not allowed": "high",
    "matrix: non-ASCII text and escapes are ignored by scoring": "medium",
    "any-yes: nothing answered": "not-assessed",
    "any-yes: one yes is decisive while others are unanswered": "full-toolkit",
    "any-yes: all no": "core-principles",
    "any-yes: some no, some unanswered": "not-assessed",
    "any-yes: reasons in spec order": "full-toolkit",
    "banded: nothing answered": "not-assessed",
    "banded: two thirds rounds to 0.67": "starting",
    "banded: overall 0.125 rounds half up to 0.13": "starting",
    "banded: mean of area means, not of statements": "established",
    "banded: 0.75 exactly is developing": "developing",
    "banded: 1.5 exactly is established": "established",
    "banded: 2.25 exactly is advanced, 2.0 is established": "established",
    "banded: unknown option scores 0 and is to find out": "developing",
    "banded: priorities lowest first, ties in spec order, at most three": "developing",
    "banded: everything answered": "established",
}
RAISING_CASES = {"unknown method raises"}
SCORED_CASES = [case for case in CASES if case["name"] not in RAISING_CASES]
RESULT_KEYS = {
    "settled",
    "questionnaire",
    "version",
    "method",
    "level",
    "complete",
    "answered",
    "total",
    "sections",
    "groups",
    "items",
    "reasons",
    "priorities",
    "to_find_out",
    "incomplete",
    "score",
    "score_num",
    "score_den",
    "percent",
    "tables",
    "today",
    "flagged",
}
#: What every section and group entry carries, whatever the method (the declared dimensions' contract).
ENTRY_KEYS = {"dimension", "kind", "id", "level", "score", "score_num", "score_den", "percent", "answered", "total"}


def test_fixture_cases_cover_all_three_methods_and_every_case_has_an_expectation() -> None:
    assert len(CASES) >= 15
    assert {case["spec"]["method"] for case in SCORED_CASES} == {"any-yes", "matrix-max", "banded-mean"}
    assert {case["name"] for case in CASES} == set(EXPECTED_LEVELS) | RAISING_CASES


@pytest.mark.parametrize("case", SCORED_CASES, ids=lambda case: case["name"])
def test_fixture_case_level(case: dict[str, Any]) -> None:
    assert scoring.score(case["spec"], case["answers"])["level"] == EXPECTED_LEVELS[case["name"]]


@pytest.mark.parametrize("case", SCORED_CASES, ids=lambda case: case["name"])
def test_result_has_the_shared_shape_and_no_floats(case: dict[str, Any]) -> None:
    result = scoring.score(case["spec"], case["answers"])
    assert set(result) == RESULT_KEYS
    assert result["questionnaire"] == case["spec"]["id"]
    assert result["version"] == case["spec"]["version"]
    assert result["method"] == case["spec"]["method"]
    assert not contains_float(result)
    json.dumps(result, allow_nan=False)
    assert [entry["id"] for entry in result["sections"]] == [s["id"] for s in case["spec"]["sections"]]
    for entry in result["items"]:
        assert set(entry) == {"id", "section", "group", "status", "score", "level", "parts"}
    for entry in result["sections"]:
        assert set(entry) == ENTRY_KEYS
        assert (entry["dimension"], entry["kind"]) == ("sections", "section")
    for entry in result["groups"]:
        assert set(entry) == ENTRY_KEYS | {"section"}
        assert (entry["dimension"], entry["kind"]) == ("groups", "group")


@pytest.mark.parametrize("case", SCORED_CASES, ids=lambda case: case["name"])
def test_scoring_leaves_spec_and_answers_unchanged(case: dict[str, Any]) -> None:
    spec, answers = copy.deepcopy(case["spec"]), copy.deepcopy(case["answers"])
    scoring.score(spec, answers)
    assert spec == case["spec"]
    assert answers == case["answers"]


@pytest.mark.parametrize("case", SCORED_CASES, ids=lambda case: case["name"])
def test_result_does_not_depend_on_answer_insertion_order(case: dict[str, Any]) -> None:
    expected = json.dumps(scoring.score(case["spec"], case["answers"]), sort_keys=True)
    shuffler = random.Random(case["name"])
    for _ in range(5):
        keys = list(case["answers"])
        shuffler.shuffle(keys)
        shuffled = {}
        for key in keys:
            value = case["answers"][key]
            if isinstance(value, list):
                value = shuffler.sample(value, len(value))
            shuffled[key] = value
        assert json.dumps(scoring.score(case["spec"], shuffled), sort_keys=True) == expected


def test_unknown_method_raises_value_error() -> None:
    spec = triage_spec()
    spec["method"] = "most-yes"
    with pytest.raises(ValueError, match="most-yes"):
        scoring.score(spec, {})


def test_methods_are_dispatched_through_a_dict() -> None:
    assert set(methods.METHODS) == {"any-yes", "matrix-max", "banded-mean", "progress"}


# ---------------------------------------------------------------------------
# matrix-max


@pytest.mark.parametrize(
    ("likelihood", "impact", "score", "level"),
    [
        (1, 1, 1, "low"),
        (2, 2, 4, "low"),
        (1, 4, 4, "low"),
        (5, 1, 5, "medium"),
        (3, 3, 9, "medium"),
        (2, 5, 10, "high"),
        (4, 4, 16, "high"),
        (4, 5, 20, "extremely-high"),
        (5, 5, 25, "extremely-high"),
    ],
)
def test_matrix_score_is_the_product_banded_inclusively(likelihood: int, impact: int, score: int, level: str) -> None:
    result = scoring.score(risk_spec(), rate("r1", likelihood, impact))
    rated = item(result, "r1")
    assert (rated["status"], rated["score"], rated["level"]) == ("rated", score, level)
    assert rated["parts"] == [
        {"part": "likelihood", "option": LIKELIHOOD[likelihood - 1], "value": likelihood},
        {"part": "impact", "option": IMPACT[impact - 1], "value": impact},
    ]
    assert result["level"] == level


def test_matrix_not_applicable_wins_over_ratings() -> None:
    result = scoring.score(risk_spec(), {**rate("r1", 5, 5), "r1.not-applicable": "yes"})
    na = item(result, "r1")
    assert (na["status"], na["score"], na["level"], na["parts"]) == ("not-applicable", None, None, [])
    assert result["level"] == "not-assessed"
    assert result["answered"] == 1
    assert "r1" not in result["incomplete"]


def test_matrix_na_is_ignored_when_the_question_does_not_allow_it() -> None:
    result = scoring.score(risk_spec(), {**rate("r2", 3, 4), "r2.not-applicable": "yes"})
    assert item(result, "r2")["status"] == "rated"
    assert result["level"] == "high"


@pytest.mark.parametrize("answers", [{"r1.likelihood": "likely"}, {"r1.impact": "major"}])
def test_matrix_one_rating_only_is_incomplete(answers: dict[str, str]) -> None:
    result = scoring.score(risk_spec(), answers)
    half = item(result, "r1")
    assert (half["status"], half["score"], half["level"]) == ("incomplete", None, None)
    assert len(half["parts"]) == 1
    assert "r1" in result["incomplete"]
    assert result["level"] == "not-assessed"
    assert result["answered"] == 0
    assert result["complete"] is False


def test_matrix_unanswered_items_are_listed_as_incomplete_in_spec_order() -> None:
    result = scoring.score(risk_spec(), rate("r2", 1, 1))
    assert result["incomplete"] == ["r1", "r3", "r4"]
    assert item(result, "r1")["status"] == "unanswered"


def test_matrix_complete_when_every_rating_is_rated_or_not_applicable() -> None:
    answers = {**rate("r1", 1, 1), **rate("r2", 1, 1), "r3.not-applicable": "yes", **rate("r4", 1, 2)}
    result = scoring.score(risk_spec(), answers)
    assert result["complete"] is True
    assert (result["answered"], result["total"]) == (4, 4)
    assert result["incomplete"] == []
    without_r4 = {key: value for key, value in answers.items() if not key.startswith("r4.")}
    assert scoring.score(risk_spec(), without_r4)["complete"] is False


def test_matrix_levels_roll_up_to_groups_sections_and_overall() -> None:
    answers = {**rate("r1", 1, 2), **rate("r2", 3, 3), **rate("r3", 4, 4), **rate("r4", 1, 1)}
    result = scoring.score(risk_spec(), answers)
    assert {g["id"]: g["level"] for g in result["groups"]} == {"a": "medium", "b": "high"}
    assert result["groups"][0]["section"] == "lawfulness"
    assert {s["id"]: s["level"] for s in result["sections"]} == {"lawfulness": "high", "fairness": "low"}
    assert result["level"] == "high"


def test_matrix_highest_follows_the_levels_order_not_the_band_order() -> None:
    # Severity comes from the spec's "levels" list; here "medium" is declared the most severe.
    spec = risk_spec(levels=["low", "high", "extremely-high", "medium"])
    result = scoring.score(spec, {**rate("r1", 3, 3), **rate("r3", 5, 5)})
    assert result["level"] == "medium"


def test_matrix_group_of_only_not_applicable_items_is_not_assessed() -> None:
    result = scoring.score(risk_spec(), {"r3.not-applicable": "yes", **rate("r1", 2, 3)})
    assert by_id(result["groups"])["b"]["level"] == "not-assessed"
    assert by_id(result["sections"])["fairness"]["level"] == "not-assessed"
    assert result["level"] == "medium"


def test_matrix_unknown_option_ids_count_as_unanswered() -> None:
    result = scoring.score(risk_spec(), {"r1.likelihood": "often", "r1.impact": "huge"})
    assert item(result, "r1")["status"] == "unanswered"


def test_matrix_spec_without_groups_gives_empty_groups() -> None:
    spec = risk_spec([section("only", [rating("r1")])])
    assert scoring.score(spec, rate("r1", 2, 2))["groups"] == []


def test_matrix_text_questions_are_never_items() -> None:
    result = scoring.score(risk_spec(), {"notes": "anything"})
    assert "notes" not in [entry["id"] for entry in result["items"]]
    assert result["total"] == 4
    assert result["answered"] == 0


def test_matrix_section_counts() -> None:
    result = scoring.score(risk_spec(), {**rate("r1", 1, 1), "r3.not-applicable": "yes", "r2.likelihood": "rare"})
    lawfulness = by_id(result["sections"])["lawfulness"]
    # The entry's score is its highest item score (r1: 1 × 1); a product has no percent.
    assert (lawfulness["answered"], lawfulness["total"], lawfulness["score"], lawfulness["percent"]) == (
        2,
        3,
        "1.00",
        None,
    )


def test_matrix_score_outside_every_band_is_a_spec_error() -> None:
    spec = risk_spec()
    spec["params"]["bands"] = spec["params"]["bands"][:2]
    with pytest.raises(ValueError, match="no band"):
        scoring.score(spec, rate("r1", 5, 5))


# ---------------------------------------------------------------------------
# any-yes


def test_any_yes_is_decisive_even_when_others_are_unanswered() -> None:
    result = scoring.score(triage_spec(), {"q3": "yes"})
    assert result["level"] == "full-toolkit"
    assert result["complete"] is False
    assert result["reasons"] == ["q3"]
    assert result["incomplete"] == ["q1", "q2", "extra"]


def test_any_yes_all_no_gives_none_level_and_is_complete() -> None:
    result = scoring.score(triage_spec(), {"q1": "no", "q2": "no", "q3": "no"})
    assert result["level"] == "core-principles"
    assert result["complete"] is True
    assert result["reasons"] == []


def test_any_yes_some_no_and_some_unanswered_is_not_assessed() -> None:
    result = scoring.score(triage_spec(), {"q1": "no", "q2": "no"})
    assert result["level"] == "not-assessed"
    assert result["complete"] is False


def test_any_yes_nothing_answered_is_not_assessed() -> None:
    result = scoring.score(triage_spec(), {})
    assert (result["level"], result["complete"], result["answered"], result["total"]) == ("not-assessed", False, 0, 4)


def test_any_yes_reasons_follow_spec_order_not_params_or_answer_order() -> None:
    result = scoring.score(triage_spec(["q3", "q2", "q1"]), {"q3": "yes", "q2": "no", "q1": "yes"})
    assert result["reasons"] == ["q1", "q3"]


def test_any_yes_ignores_yes_on_unlisted_questions() -> None:
    result = scoring.score(triage_spec(), {"extra": "yes", "q1": "no", "q2": "no", "q3": "no"})
    assert result["level"] == "core-principles"
    assert result["reasons"] == []


def test_any_yes_section_levels_use_the_listed_questions_in_each_section() -> None:
    result = scoring.score(triage_spec(), {"q1": "no", "q2": "no"})
    assert {s["id"]: s["level"] for s in result["sections"]} == {
        "purpose": "core-principles",
        "capability": "not-assessed",
    }


def test_any_yes_items_report_the_chosen_option() -> None:
    result = scoring.score(triage_spec(), {"q1": "yes"})
    assert item(result, "q1")["parts"] == [{"part": None, "option": "yes", "value": 1}]
    assert item(result, "q1")["status"] == "answered"
    assert item(result, "q2") == {
        "id": "q2",
        "section": "purpose",
        "group": None,
        "status": "unanswered",
        "score": None,
        "level": None,
        "parts": [],
    }


# ---------------------------------------------------------------------------
# banded-mean: exact arithmetic


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.75, (3, 4)),
        (1.5, (3, 2)),
        (2.25, (9, 4)),
        (0.1, (1, 10)),
        (2, (2, 1)),
        (0, (0, 1)),
        ("0.74", (37, 50)),
        (1e-05, (1, 100000)),
        (-0.5, (-1, 2)),
    ],
)
def test_to_rational_is_exact(value: Any, expected: tuple[int, int]) -> None:
    assert rational.to_rational(value) == expected


@pytest.mark.parametrize("value", [True, False, None, "abc", [1], "\u0661.5", ""])
def test_to_rational_refuses_non_numbers(value: Any) -> None:
    with pytest.raises(ValueError):
        rational.to_rational(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ((2, 3), "0.67"),
        ((1, 3), "0.33"),
        ((1, 8), "0.13"),
        ((5, 8), "0.63"),
        ((201, 200), "1.01"),
        ((11, 6), "1.83"),
        ((5, 2), "2.50"),
        ((3, 1), "3.00"),
        ((0, 1), "0.00"),
        ((-1, 8), "-0.13"),
        ((-1, 1000), "0.00"),
    ],
)
def test_format_rational_rounds_half_up_to_two_decimals(value: tuple[int, int], text: str) -> None:
    assert rational.format2(value) == text


@pytest.mark.parametrize(
    ("value", "stage"),
    [
        (0, "starting"),
        (0.74, "starting"),
        (0.75, "developing"),
        (1.49, "developing"),
        (1.5, "established"),
        (2.24, "established"),
        (2.25, "advanced"),
        (3, "advanced"),
    ],
)
def test_banded_stage_is_the_first_band_the_score_is_strictly_below(value: Any, stage: str) -> None:
    result = scoring.score(one_statement_spec(value), {"s1": "x"})
    assert result["level"] == stage
    assert result["sections"][0]["level"] == stage


def test_banded_means_are_exact_where_floats_are_not() -> None:
    # 0.1 + 0.2 is 0.30000000000000004 in floating point; the exact mean is 0.15.
    spec = readiness_spec([section("area", [statement("a", values={"x": 0.1}), statement("b", values={"x": 0.2})])])
    result = scoring.score(spec, {"a": "x", "b": "x"})
    assert (result["score"], result["score_num"], result["score_den"]) == ("0.15", 3, 20)


def test_banded_area_score_is_the_mean_of_its_answered_statements() -> None:
    result = scoring.score(readiness_spec(), {"g1": "partly", "g2": "partly", "d1": "fully"})
    governance = by_id(result["sections"])["governance"]
    assert (governance["score"], governance["score_num"], governance["score_den"]) == ("1.00", 1, 1)
    assert (governance["answered"], governance["total"]) == (2, 3)
    assert governance["level"] == "developing"


def test_banded_overall_is_the_mean_of_assessed_area_scores() -> None:
    # governance 2/3, data 3: the area mean is 11/6, where a mean of all statements would be 5/4.
    result = scoring.score(readiness_spec(), {"g1": "partly", "g2": "partly", "g3": "not-yet", "d1": "fully"})
    assert (result["score"], result["score_num"], result["score_den"]) == ("1.83", 11, 6)
    assert result["level"] == "established"
    assert by_id(result["sections"])["governance"]["score"] == "0.67"


def test_banded_nothing_answered_is_not_assessed_everywhere() -> None:
    result = scoring.score(readiness_spec(), {})
    assert (result["level"], result["score"], result["score_num"], result["score_den"]) == (
        "not-assessed",
        None,
        None,
        None,
    )
    assert {s["level"] for s in result["sections"]} == {"not-assessed"}
    assert {s["score"] for s in result["sections"]} == {None}
    assert result["priorities"] == []


def test_banded_area_without_answers_is_not_assessed_and_left_out_of_the_mean() -> None:
    result = scoring.score(readiness_spec(), {"t1": "fully"})
    sections = by_id(result["sections"])
    assert sections["governance"]["level"] == "not-assessed"
    assert sections["governance"]["score"] is None
    assert result["score"] == "3.00"


def test_banded_unknown_option_scores_zero_and_is_to_find_out() -> None:
    result = scoring.score(readiness_spec(), {"d1": "dont-know", "d2": "fully", "g1": "dont-know", "t1": "not-yet"})
    assert result["to_find_out"] == ["g1", "d1"]
    assert by_id(result["sections"])["data"]["score"] == "1.50"
    assert item(result, "d1")["score"] == 0


def test_banded_group_level_uses_the_group_statements() -> None:
    result = scoring.score(readiness_spec(), {"g1": "fully", "g2": "fully", "g3": "not-yet"})
    [group] = result["groups"]
    assert (group["id"], group["section"], group["kind"], group["level"]) == (
        "oversight",
        "governance",
        "group",
        "advanced",
    )
    assert (group["score"], group["percent"]) == ("3.00", 100)


def test_banded_complete_when_every_statement_is_answered() -> None:
    answers = {"g1": "fully", "g2": "fully", "g3": "fully", "d1": "fully", "d2": "fully", "p1": "fully"}
    assert scoring.score(readiness_spec(), answers)["complete"] is False
    result = scoring.score(readiness_spec(), {**answers, "t1": "dont-know"})
    assert result["complete"] is True
    assert (result["answered"], result["total"]) == (7, 7)


def test_banded_priorities_lowest_first_ties_in_spec_order_capped() -> None:
    answers = {"g1": "partly", "g2": "partly", "g3": "partly", "d1": "not-yet", "d2": "partly", "p1": "not-yet"}
    result = scoring.score(readiness_spec(max_priorities=3), {**answers, "t1": "partly"})
    assert [(p["id"], p["score"], p["level"]) for p in result["priorities"]] == [
        ("people", "0.00", "starting"),
        ("data", "0.50", "starting"),
        ("governance", "1.00", "developing"),
    ]
    assert result["priorities"][1]["score_num"] == 1
    assert result["priorities"][1]["score_den"] == 2
    capped = scoring.score(readiness_spec(max_priorities=1), answers)
    assert [p["id"] for p in capped["priorities"]] == ["people"]


def test_banded_priorities_ties_keep_spec_order() -> None:
    answers = {"g1": "partly", "d1": "partly", "p1": "partly", "t1": "partly"}
    result = scoring.score(readiness_spec(max_priorities=3), answers)
    assert [p["id"] for p in result["priorities"]] == ["governance", "data", "people"]


def test_banded_priorities_leave_out_areas_at_or_above_priority_below() -> None:
    result = scoring.score(readiness_spec(), {"g1": "mostly", "d1": "fully", "p1": "partly"})
    assert [p["id"] for p in result["priorities"]] == ["people"]


def test_a_result_is_settled_when_the_answers_left_cannot_change_it() -> None:
    from conftest import ROOT
    from questionnaire.model import load_definition

    applicability = load_definition(ROOT / "content" / "questionnaires" / "applicability.yaml", "a.yaml").spec
    assert scoring.score(applicability, {"core-functions": "yes"})["settled"] is True
    assert scoring.score(applicability, {"core-functions": "no"})["settled"] is False
    all_no = {"core-functions": "no", "medium-or-higher-risk": "no", "other-rights-effects": "no"}
    assert scoring.score(applicability, all_no)["settled"] is True  # complete
    risk = load_definition(ROOT / "content" / "questionnaires" / "risk.yaml", "r.yaml").spec
    top = {"no-specific-legal-basis.likelihood": "almost-certain", "no-specific-legal-basis.impact": "severe"}
    high = {"no-specific-legal-basis.likelihood": "likely", "no-specific-legal-basis.impact": "major"}
    assert (scoring.score(risk, top)["level"], scoring.score(risk, top)["settled"]) == ("extremely-high", True)
    assert (scoring.score(risk, high)["level"], scoring.score(risk, high)["settled"]) == ("high", False)
    readiness = load_definition(ROOT / "content" / "questionnaires" / "readiness.yaml", "q.yaml").spec
    assert scoring.score(readiness, {"executive-lead": "full"})["settled"] is False
