"""engine/check.py and the Check a report page: the result and code an answers file gives."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from questionnaire.engine import answers, check, report, verify
from questionnaire.strings import catalogue
from report_samples import INSTRUMENTS, scored, spec_of

STRINGS = catalogue("en")
SPECS = [spec_of(name) for name in INSTRUMENTS]


def _file(name: str, record: str = "North") -> tuple[dict, str, str]:
    spec, given, notes, result = scored(name)
    data = answers.make_file(spec, given, notes, result, "2026-12-02T10:00:00.000Z", record)
    return (
        data,
        verify.of_spec(spec, record, given, notes),
        report.to_markdown(spec, given, notes, result, STRINGS, "d", None, record),
    )


def test_each_instruments_file_gives_the_result_and_code_its_report_prints() -> None:
    for name in INSTRUMENTS:
        data, code, markdown = _file(name)
        found = check.check(SPECS, data, "2026-12-02", STRINGS)
        assert found["ok"] and found["questionnaire"] == name
        assert found["code"] == code
        assert f"- Verification code: {code}" in markdown
        rows = dict(found["rows"])
        assert f"- Result: {rows['Result']}" in markdown
        assert rows["Record"] == "North"
        assert rows["Saved"] == "2026-12-02 10:00 UTC"


def test_a_file_for_no_questionnaire_of_the_site_is_refused_by_name() -> None:
    data, _code, _md = _file("applicability")
    data["questionnaire"] = {"id": "elsewhere", "version": "1.0.0"}
    found = check.check(SPECS, data, None, STRINGS)
    assert found == {"ok": False, "errors": [{"code": "unknown-questionnaire", "detail": {"found": "elsewhere"}}]}
    assert "not a questionnaire on this site" in report.refusal_text(
        STRINGS, "x", found["errors"], "file.refused.check"
    )


def test_a_file_that_is_not_an_answers_file_is_refused_as_load_refuses_it() -> None:
    assert check.check(SPECS, [1, 2], None, STRINGS)["errors"][0]["code"] == "not-an-object"
    assert check.check(SPECS, {"format": "other"}, None, STRINGS)["errors"][0]["code"] == "wrong-format"
    data, _code, _md = _file("risk")
    data["answers"] = {"nope": "x"}
    assert check.check(SPECS, data, None, STRINGS)["errors"][0]["code"] == "unknown-control"


def test_the_rows_are_text_in_a_definition_list() -> None:
    tree = check.rows_tree([["Result", "<b>High</b>"]])
    assert tree == {
        "tag": "dl",
        "attrs": [["class", "check-rows"]],
        "children": [
            {"tag": "dt", "attrs": [], "children": ["Result"]},
            {"tag": "dd", "attrs": [], "children": ["<b>High</b>"]},
        ],
    }


def test_the_check_page_holds_every_questionnaire_and_a_labelled_picker(built_site) -> None:  # type: ignore[no-untyped-def]
    import json

    page = BeautifulSoup((Path(built_site.path) / "check-report.html").read_text(encoding="utf-8"), "html.parser")
    panel = page.select_one("[data-questionnaire-check]")
    assert panel is not None and panel["data-ready"] == "false"
    payload = json.loads(panel.select_one("script.questionnaire-spec").string)
    assert [spec["id"] for spec in payload["specs"]] == list(INSTRUMENTS)
    picker = panel.select_one('input[type="file"][data-action="check"]')
    label = panel.select_one(f'label[for="{picker["id"]}"]')
    assert label is not None and label.get_text() == "Choose an answers file or report document"
    assert ".docx" in picker["accept"] and ".odt" in picker["accept"] and ".json" in picker["accept"]
    # The engine runs here, with no optional module (charts, comparison, proposals).
    config = page.select_one('script[type="mpy"]')["config"]
    assert "engine/check.py" in config and "engine/charts.py" not in config


def test_only_the_check_page_is_sent_the_check_module(built_site) -> None:  # type: ignore[no-untyped-def]
    for page in ("overview/index.html", "risk-assessment/index.html", "readiness/index.html", "workbook/index.html"):
        html = BeautifulSoup((Path(built_site.path) / page).read_text(encoding="utf-8"), "html.parser")
        config = html.select_one('script[type="mpy"]')["config"]
        assert "engine/check.py" not in config, page
        assert "engine/office.py" in config and "engine/zipper.py" in config, page
