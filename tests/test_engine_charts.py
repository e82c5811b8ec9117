"""Charts and comparisons in CPython: cell counts, axis order, escaping, radar geometry, views, exact changes."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
import trees
from conftest import ROOT
from questionnaire.engine import charts, compare, rational, scoring, tree
from questionnaire.engine.errors import SpecError
from questionnaire.model import load_definition
from questionnaire.strings import catalogue

STRINGS = catalogue("en")
HOSTILE = '<script>&"'
#: Every element a chart or table may hold: anything else would be markup smuggled in.
TAGS = {"svg", "g", "rect", "text", "tspan", "line", "polygon", "circle"} | {
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def _load(*parts: str) -> dict[str, Any]:
    path = ROOT.joinpath(*parts)
    return load_definition(path, path.name).spec


@pytest.fixture(scope="module")
def risk() -> dict[str, Any]:
    """matrix-max with 5 × 5 parts whose ids differ from question to question."""
    return _load("tests", "roots", "test-q-dimensions", "risk.yaml")


@pytest.fixture(scope="module")
def readiness() -> dict[str, Any]:
    """banded-mean with five areas, three groups and a section title full of markup characters."""
    return _load("tests", "roots", "test-q-views", "readiness.yaml")


@pytest.fixture(scope="module")
def applicability() -> dict[str, Any]:
    return _load("content", "questionnaires", "applicability.yaml")


def rate(question: str, first: str, second: str, parts: tuple[str, str] = ("likelihood", "impact")) -> dict[str, str]:
    return {f"{question}.{parts[0]}": first, f"{question}.{parts[1]}": second}


RISK_ANSWERS = {
    **rate("unequal-errors", "four", "five"),
    **rate("biased-data", "four", "five", ("probability", "severity")),
    **rate("stale-model", "one", "two"),
    # Half a rating counts nowhere.
    "no-legal-basis.chance": "five",
}


def walk(node: dict[str, Any] | str) -> Iterator[dict[str, Any]]:
    """Every element of a tree, in document order."""
    if isinstance(node, dict):
        yield node
        for child in node["children"]:
            yield from walk(child)


def classes(node: dict[str, Any]) -> list[str]:
    return (trees.attr(node, "class") or "").split()


def table_rows(table: dict[str, Any]) -> list[list[str]]:
    """The table's text, a list per row, header row first."""
    return [[trees.text_of(cell) for cell in row["children"]] for row in trees.find_all(table, "tr")]


# --- the tree --------------------------------------------------------------------------------


def test_serialize_escapes_text_and_attribute_values() -> None:
    node = tree.el("p", [["title", HOSTILE]], [HOSTILE, tree.el("b", [], ["&amp;"])])
    assert trees.serialize(node) == (
        '<p title="&lt;script&gt;&amp;&quot;">&lt;script&gt;&amp;&quot;<b>&amp;amp;</b></p>'
    )
    assert trees.text_of(node) == HOSTILE + "&amp;"


@pytest.mark.parametrize("value", [1.5, 3, None])
def test_attribute_values_must_be_strings(value: object) -> None:
    with pytest.raises(TypeError, match="must be a string"):
        tree.el("rect", [["x", value]])


@pytest.mark.parametrize(("tenths", "text"), [(123, "12.3"), (120, "12"), (0, "0"), (-45, "-4.5"), (-5, "-0.5")])
def test_lengths_are_written_in_tenths(tenths: int, text: str) -> None:
    assert charts.num(tenths) == text


@pytest.mark.parametrize(
    ("text", "limit", "most", "lines"),
    [
        ("Likely", 9, 2, ["Likely"]),
        ("Almost certain", 9, 2, ["Almost", "certain"]),
        ("Community engagement and transparency", 14, 3, ["Community", "engagement and", "transparency"]),
        ("Community engagement and transparency", 14, 2, ["Community", "engagement and transparency"]),
        ("Extraordinarily", 5, 2, ["Extraordinarily"]),
    ],
)
def test_labels_wrap_at_word_boundaries(text: str, limit: int, most: int, lines: list[str]) -> None:
    assert charts.wrap(text, limit, most) == lines


# --- heat map --------------------------------------------------------------------------------


def test_heat_map_counts_only_fully_rated_items_in_their_cells(risk: dict[str, Any]) -> None:
    chart = charts.heat_map(risk, scoring.score(risk, RISK_ANSWERS), STRINGS)
    rows = table_rows(chart["table"])
    assert rows[0] == ["Impact (rows) by Likelihood (columns)", "One", "Two", "Three", "Four", "Five"]
    by_row = {row[0]: row[1:] for row in rows[1:]}
    assert by_row["Five"][3] == "2 · Extremely high"
    assert by_row["Two"][0] == "1 · Low"
    counted = sum(int(cell.split(" · ")[0]) for row in rows[1:] for cell in row[1:])
    assert counted == 3
    assert chart["summary"] == "3 item(s) rated; the highest cell is Four × Five (Extremely high) with 2 item(s)."
    filled = [g for g in walk(chart["svg"]) if "has-items" in classes(g)]
    assert sorted(trees.text_of(g) for g in filled) == ["1L", "2EH"]


def test_heat_map_puts_the_highest_part_one_value_on_top_and_values_rising_to_the_right(risk: dict[str, Any]) -> None:
    # Options declared highest first must still be drawn lowest first across and highest on top.
    shuffled = copy.deepcopy(risk)
    for section in shuffled["sections"]:
        for question in section["questions"]:
            for part in question["parts"]:
                part["options"].reverse()
    chart = charts.heat_map(shuffled, scoring.score(shuffled, RISK_ANSWERS), STRINGS)
    assert [row[0] for row in table_rows(chart["table"])[1:]] == ["Five", "Four", "Three", "Two", "One"]
    labels = [t for t in walk(chart["svg"]) if t["tag"] == "text" and "chart-label" in classes(t)]
    rows = {trees.text_of(t): float(trees.attr(t, "y") or 0) for t in labels if trees.attr(t, "text-anchor") == "end"}
    columns = {
        trees.text_of(t): float(trees.attr(t, "x") or 0) for t in labels if trees.attr(t, "text-anchor") == "middle"
    }
    assert rows["Five"] < rows["Four"] < rows["Three"] < rows["Two"] < rows["One"]
    assert columns["One"] < columns["Two"] < columns["Three"] < columns["Four"] < columns["Five"]
    cells = [g for g in walk(chart["svg"]) if "heat-cell" in classes(g) and g["children"][0]["tag"] == "rect"]
    assert "level-extremely-high" in classes(cells[4])  # top right: Five × Five
    assert "level-low" in classes(cells[20])  # bottom left: One × One


def test_heat_map_is_an_image_hidden_from_screen_readers_with_a_key(risk: dict[str, Any]) -> None:
    svg = charts.heat_map(risk, scoring.score(risk, {}), STRINGS)["svg"]
    assert trees.attr(svg, "aria-hidden") == "true"
    assert trees.attr(svg, "role") is None
    assert classes(svg) == ["chart", "chart-heat-map"]
    keys = [trees.text_of(t) for t in walk(svg) if "chart-key" in classes(t)]
    assert keys == ["L = Low", "M = Medium", "H = High", "EH = Extremely high"]


def test_level_abbreviations_lengthen_until_they_differ() -> None:
    spec = {
        "levels": [{"id": "m", "label": "Medium"}, {"id": "o", "label": "moderate"}, {"id": "h", "label": "Very high"}]
    }
    assert charts.abbreviations(spec) == [["m", "Me", "Medium"], ["o", "Mo", "moderate"], ["h", "VH", "Very high"]]
    same = {"levels": [{"id": "a", "label": "High"}, {"id": "b", "label": "High"}]}
    assert charts.abbreviations(same) == [["a", "1", "High"], ["b", "2", "High"]]


def test_hostile_labels_stay_text(risk: dict[str, Any], readiness: dict[str, Any]) -> None:
    spec = copy.deepcopy(risk)
    spec["levels"][3]["label"] = HOSTILE
    first = spec["sections"][0]["questions"][0]
    first["parts"][0]["label"] = HOSTILE
    first["parts"][1]["options"][4]["label"] = HOSTILE
    heat = charts.heat_map(spec, scoring.score(spec, RISK_ANSWERS), STRINGS)
    current = scoring.score(readiness, {"d1": "fully"})
    radar = charts.radar(readiness, current, STRINGS, previous=scoring.score(readiness, {"d1": "partly"}))
    comparison = compare.table(readiness, compare.compare(readiness, current, current), STRINGS)
    for drawn in (heat["svg"], heat["table"], radar["svg"], radar["table"], comparison):
        markup = trees.serialize(drawn)
        assert "<script>" not in markup and "<checks>" not in markup
        for node in walk(drawn):
            assert node["tag"] in TAGS
            assert all(HOSTILE not in value and "<checks>" not in value for _name, value in node["attrs"])
    assert HOSTILE in trees.text_of(heat["svg"]) and "&lt;script&gt;&amp;&quot;" in trees.serialize(heat["svg"])
    assert "Data &amp; &quot;quality&quot; &lt;checks&gt;" in trees.serialize(radar["table"])


# --- radar -----------------------------------------------------------------------------------


def view_box(svg: dict[str, Any]) -> tuple[float, float, float, float]:
    x, y, width, height = (float(v) for v in (trees.attr(svg, "viewBox") or "").split())
    return x, y, x + width, y + height


def corners(polygon: dict[str, Any]) -> list[tuple[float, float]]:
    pairs = (trees.attr(polygon, "points") or "").split()
    return [(float(p.split(",")[0]), float(p.split(",")[1])) for p in pairs]


def by_class(svg: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [node for node in walk(svg) if name in classes(node)]


READINESS_NOW = {"g1": "fully", "g2": "mostly", "d1": "partly", "d2": "not-yet", "p1": "mostly", "t1": "fully"}
READINESS_BEFORE = {"g1": "partly", "g2": "partly", "d1": "partly", "d2": "partly", "p1": "fully", "e1": "mostly"}


def test_radar_draws_everything_inside_its_view_box(readiness: dict[str, Any]) -> None:
    now = scoring.score(readiness, READINESS_NOW)
    svg = charts.radar(readiness, now, STRINGS, previous=scoring.score(readiness, READINESS_BEFORE))["svg"]
    left, top, right, bottom = view_box(svg)
    for polygon in [n for n in walk(svg) if n["tag"] == "polygon"]:
        for x, y in corners(polygon):
            assert left <= x <= right and top <= y <= bottom
    for text in [n for n in walk(svg) if n["tag"] in ("text", "tspan") and trees.attr(n, "x")]:
        x, y = float(trees.attr(text, "x") or 0), float(trees.attr(text, "y") or 0)
        width = max(len(line) for line in [trees.text_of(text)]) * 11 * 0.6
        anchor = trees.attr(text, "text-anchor") or "start"
        if text["tag"] == "text" and any(isinstance(c, dict) for c in text["children"]):
            continue  # its lines are checked as tspans, which inherit its anchor
        start = {"start": x, "middle": x - width / 2, "end": x - width}.get(anchor, x - width / 2)
        assert left <= start and start + width <= right + 0.1, trees.text_of(text)
        assert top <= y - 11 and y <= bottom


def test_radar_plots_each_area_at_its_share_of_the_top_of_the_scale(readiness: dict[str, Any]) -> None:
    chart = charts.radar(readiness, scoring.score(readiness, READINESS_NOW), STRINGS)
    (current,) = by_class(chart["svg"], "radar-current")
    points = corners(current)
    outer = corners(by_class(chart["svg"], "radar-ring-top")[0])
    # Technology scores 3.00 of 3: on the outer ring; governance 2.50: five sixths of the way.
    assert points[3] == outer[3]
    assert points[0] == (0.0, pytest.approx(outer[0][1] * 5 / 6, abs=0.1))
    # Engagement is not assessed: at the centre, with no marker, and said so in words.
    assert points[4] == (0.0, 0.0)
    assert len(by_class(chart["svg"], "radar-point")) == 4
    assert table_rows(chart["table"])[5] == ["Community engagement and transparency", "Not assessed"]
    assert "Not assessed" in trees.text_of(chart["svg"])
    # Rings at 0.75, 1.5 and 2.25 of 3 and at the top, each stage named once.
    assert len(by_class(chart["svg"], "radar-ring")) == 4
    stages = [trees.text_of(t) for t in by_class(chart["svg"], "radar-stage")]
    assert stages == ["Starting", "Developing", "Established", "Advanced"]


def test_radar_draws_the_previous_result_only_when_given(readiness: dict[str, Any]) -> None:
    now = scoring.score(readiness, READINESS_NOW)
    alone = charts.radar(readiness, now, STRINGS)
    assert by_class(alone["svg"], "radar-previous") == []
    assert table_rows(alone["table"])[0] == ["Area", "Now"]
    both = charts.radar(readiness, now, STRINGS, previous=scoring.score(readiness, READINESS_BEFORE))
    (dashed,) = [n for n in by_class(both["svg"], "radar-previous") if n["tag"] == "polygon"]
    assert trees.attr(dashed, "stroke-dasharray") == "6 4"
    assert table_rows(both["table"])[1] == ["Governance and oversight", "Advanced (2.50)", "Developing (1.00)"]
    assert both["summary"].endswith("Compared with the previous result, 1 went up, 2 went down and 0 stayed the same.")


def test_radar_by_groups_uses_the_group_titles(readiness: dict[str, Any]) -> None:
    chart = charts.radar(readiness, scoring.score(readiness, READINESS_NOW), STRINGS, "groups")
    assert [row[0] for row in table_rows(chart["table"])[1:]] == ["Oversight", "Records management", "Security"]
    assert len(corners(by_class(chart["svg"], "radar-current")[0])) == 3


def test_radar_with_fewer_than_three_areas_is_a_table_only(readiness: dict[str, Any]) -> None:
    spec = copy.deepcopy(readiness)
    spec["sections"] = spec["sections"][:2]
    chart = charts.radar(spec, scoring.score(spec, READINESS_NOW), STRINGS)
    assert chart["svg"] is None
    assert len(table_rows(chart["table"])) == 3
    assert chart["summary"].startswith("2 of 2 areas assessed")


# --- views -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("definition", "view", "path", "message"),
    [
        ("readiness", {"type": "heat-map"}, ("views", 0, "type"), "a heat map needs the matrix-max method"),
        ("risk", {"type": "radar"}, ("views", 0, "type"), "a radar chart needs the banded-mean method"),
        ("readiness", {"type": "pie"}, ("views", 0, "type"), "unknown view 'pie'"),
        ("readiness", {"type": "radar", "dimension": "areas"}, ("views", 0, "dimension"), "must be 'sections' or"),
        ("readiness", {"type": "radar", "dimenson": "groups"}, ("views", 0, "dimenson"), "unknown field 'dimenson'"),
        ("readiness", "radar", ("views", 0), "a view must be a mapping"),
    ],
)
def test_views_that_do_not_fit_are_refused_at_their_path(
    request: pytest.FixtureRequest, definition: str, view: object, path: tuple[object, ...], message: str
) -> None:
    with pytest.raises(SpecError) as raised:
        charts.validate_view(request.getfixturevalue(definition), view, ("views", 0))
    assert raised.value.path == path
    assert raised.value.message.startswith(message)


def test_a_radar_needs_three_areas(readiness: dict[str, Any]) -> None:
    spec = copy.deepcopy(readiness)
    technology = spec["sections"][3]
    technology["groups"] = []
    technology["questions"][0]["group"] = None
    charts.validate_view(spec, {"type": "radar"}, ("views", 0))
    with pytest.raises(SpecError, match=r"at least 3 groups \(this questionnaire has 2\)"):
        charts.validate_view(spec, {"type": "radar", "dimension": "groups"}, ("views", 0))


def test_a_heat_map_needs_every_rating_on_the_same_scales(risk: dict[str, Any]) -> None:
    charts.validate_view(risk, {"type": "heat-map"}, ("views", 0))
    spec = copy.deepcopy(risk)
    spec["sections"][1]["questions"][0]["parts"][1]["options"][0]["value"] = 2
    with pytest.raises(SpecError, match="'no-legal-basis' differs"):
        charts.validate_view(spec, {"type": "heat-map"}, ("views", 0))


def test_render_dispatches_by_view_type(risk: dict[str, Any], applicability: dict[str, Any]) -> None:
    result = scoring.score(risk, RISK_ANSWERS)
    assert charts.render(risk, {"type": "heat-map"}, result, STRINGS) == charts.heat_map(risk, result, STRINGS)
    alone = charts.render(applicability, {"type": "comparison"}, scoring.score(applicability, {}), STRINGS)
    assert alone == {"svg": None, "table": None, "summary": "There is no earlier result to compare with."}
    with pytest.raises(ValueError, match="unknown view"):
        charts.render(risk, {"type": "pie"}, result, STRINGS)


# --- comparison ------------------------------------------------------------------------------


def entry(comparison: dict[str, Any], dimension: str, entry_id: str) -> dict[str, Any]:
    (found,) = [e for e in comparison["entries"] if (e["dimension"], e["id"]) == (dimension, entry_id)]
    return found


def test_comparison_says_which_way_each_area_moved(readiness: dict[str, Any]) -> None:
    now = scoring.score(readiness, READINESS_NOW)
    before = scoring.score(readiness, READINESS_BEFORE)
    found = compare.compare(readiness, now, before)
    governance = entry(found, "sections", "governance")
    assert governance == {
        "dimension": "sections",
        "id": "governance",
        "section": None,
        "before": {"level": "developing", "score": "1.00"},
        "after": {"level": "advanced", "score": "2.50"},
        "level_change": 2,
        "score_change": "+1.50",
        "direction": "higher",
    }
    assert entry(found, "sections", "people")["score_change"] == "-1.00"
    assert entry(found, "sections", "people")["direction"] == "lower"
    assert entry(found, "sections", "technology")["direction"] == "not-comparable"
    assert entry(found, "sections", "technology")["level_change"] is None
    assert entry(found, "groups", "oversight")["section"] == "governance"
    assert [e["dimension"] for e in found["entries"]] == ["sections"] * 5 + ["groups"] * 3
    same = compare.compare(readiness, now, now)
    assert entry(same, "sections", "governance")["direction"] == "same"
    assert entry(same, "sections", "governance")["score_change"] == "0.00"


def test_score_changes_are_exact_not_differences_of_rounded_scores(readiness: dict[str, Any]) -> None:
    # Overall 1/3 ("0.33") before and 2/3 ("0.67") now: the change is 1/3, "+0.33", not 0.67 - 0.33.
    before = scoring.score(readiness, {"g1": "partly", "d1": "not-yet", "p1": "not-yet"})
    now = scoring.score(readiness, {"g1": "mostly", "d1": "not-yet", "p1": "not-yet"})
    assert (before["score"], now["score"]) == ("0.33", "0.67")
    overall = compare.compare(readiness, now, before)["overall"]
    assert overall["score_change"] == "+0.33"
    assert overall["direction"] == "higher" and overall["level_change"] == 0


@pytest.mark.parametrize(
    ("value", "text"), [((1, 2), "+0.50"), ((-5, 4), "-1.25"), ((0, 1), "0.00"), ((-1, 1000), "-0.00")]
)
def test_signed_changes_keep_the_sign_of_the_exact_value(value: tuple[int, int], text: str) -> None:
    assert rational.signed2(value) == text


def test_levels_without_scores_compare_by_rank(applicability: dict[str, Any]) -> None:
    before = scoring.score(
        applicability, {"core-functions": "no", "medium-or-higher-risk": "no", "other-rights-effects": "no"}
    )
    now = scoring.score(applicability, {"core-functions": "yes"})
    overall = compare.compare(applicability, now, before)["overall"]
    assert (overall["level_change"], overall["score_change"], overall["direction"]) == (1, None, "higher")


def test_a_result_of_another_questionnaire_is_refused(risk: dict[str, Any], readiness: dict[str, Any]) -> None:
    mine = scoring.score(readiness, READINESS_NOW)
    with pytest.raises(ValueError, match="cannot compare a result of 'risk'"):
        compare.compare(readiness, mine, scoring.score(risk, {}))
    with pytest.raises(ValueError, match="cannot compare"):
        compare.compare(risk, mine, mine)


def test_comparison_in_words_for_the_page_and_for_reports(risk: dict[str, Any]) -> None:
    before = scoring.score(risk, rate("stale-model", "two", "two"))
    found = compare.compare(risk, scoring.score(risk, RISK_ANSWERS), before)
    rows = table_rows(compare.table(risk, found, STRINGS))
    assert rows[0] == ["Entry", "Before", "Now", "Change"]
    assert rows[1] == ["Overall", "Low (4.00)", "Extremely high (20.00)", "Higher (+16.00); 3 level(s) up"]
    assert rows[6] == ["Legality", "Not assessed", "Not assessed", "Cannot compare"]
    lines = compare.lines(risk, found, STRINGS)
    assert lines[0] == "Overall: Low (4.00) → Extremely high (20.00), Higher (+16.00); 3 level(s) up"
    assert len(lines) == len(rows) - 1
    assert trees.find_all(compare.table(risk, found, STRINGS), "caption")[0]["children"] == [
        "This result compared with the previous one (questionnaire version 1.0.0 then 1.0.0)"
    ]


def test_entries_only_one_version_has_are_kept(readiness: dict[str, Any]) -> None:
    now = scoring.score(readiness, READINESS_NOW)
    before = copy.deepcopy(now)
    before["sections"].append({**before["sections"][0], "id": "retired"})
    found = compare.compare(readiness, now, before)
    retired = entry(found, "sections", "retired")
    assert (retired["after"], retired["direction"]) == (None, "not-comparable")
    assert table_rows(compare.table(readiness, found, STRINGS))[7] == [
        "retired",
        "Advanced (2.50)",
        "Not in this version",
        "Cannot compare",
    ]
