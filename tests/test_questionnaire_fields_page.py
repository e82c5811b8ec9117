"""The q-fields root as the build writes it: each field type's control, labels, rows, progress, records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

FIELDS = pytest.mark.sphinx(
    "html", testroot="q-fields", confoverrides={"pyscript_node_modules": str(ROOT / "node_modules")}
)


def _form(app: Any) -> Any:
    app.build()
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(encoding="utf-8"), "html.parser")
    return page.select_one('form[data-questionnaire="record"]')


@FIELDS
def test_each_field_type_has_its_own_labelled_control(app: Any) -> None:
    form = _form(app)
    system = form.select_one('input[name="system"]')
    assert (system["type"], system["maxlength"]) == ("text", "80")
    assert form.select_one('input[name="started"]')["type"] == "date"
    objectives = form.select_one('textarea[name="objectives"]')
    assert objectives["maxlength"] == "2000"
    assert objectives["aria-describedby"] == "q-record-q-objectives-help"
    assert [box["value"] for box in form.select('input[type="checkbox"][name="principles"]')] == [
        "fairness",
        "privacy",
        "accountability",
    ]
    for name in ("system", "started", "objectives"):
        control = form.select_one(f'[name="{name}"]')
        assert form.select_one(f'label[for="{control["id"]}"]') is not None, name
    # Author text is escaped, never markup.
    assert "Fairness <and> equality" in form.get_text()
    assert form.select("and") == []


@FIELDS
def test_a_table_starts_empty_with_its_add_button_hidden_until_the_engine_runs(app: Any) -> None:
    form = _form(app)
    table = form.select_one('[data-table="actions"]')
    assert table["data-max-rows"] == "3"
    assert table.select_one('[data-rows="actions"]').find_all(True) == []
    assert table.select_one('[data-role="table-empty"]').get_text() == "No rows yet."
    add = table.select_one('button[data-action="add-row"]')
    assert (add.get_text(), add.has_attr("hidden")) == ("Add a row", True)
    assert table.find_parent("fieldset")["data-question"] == "actions"


@FIELDS
def test_progress_counts_expected_fields_from_the_start(app: Any) -> None:
    form = _form(app)
    progress = [
        (p["data-progress-section"], p["data-progress"], p.get_text()) for p in form.select("[data-progress-section]")
    ]
    assert progress == [("plan", "0", "0 of 4 answered"), ("act", "0", "0 of 1 answered")]
    overall = form.select_one('[data-result="overall"]')
    assert (overall["data-progress"], overall["data-level"]) == ("0", "not-assessed")
    assert [row["data-result-section"] for row in form.select("[data-result-section]")] == ["plan", "act"]


@FIELDS
def test_the_record_bar_holds_no_answers_and_waits_for_the_engine(app: Any) -> None:
    form = _form(app)
    bar = form.select_one('[data-role="records"]')
    assert bar.has_attr("hidden")
    assert bar.select("[name]") == [], "record controls are not answers"
    for control in bar.select("select, input"):
        assert bar.select_one(f'label[for="{control["id"]}"]') is not None
