"""Declared dimensions: what sections and groups stand for, on the form, in results and across pages."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

DIMENSIONS = pytest.mark.sphinx(
    "html", testroot="q-dimensions", confoverrides={"pyscript_node_modules": str(ROOT / "node_modules")}
)


def _page(app: Any, name: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / name).read_text(encoding="utf-8"), "html.parser")


@DIMENSIONS
def test_each_question_carries_the_dimension_values_it_belongs_to(app: Any) -> None:
    app.build()
    form = _page(app).select_one('form[data-questionnaire="risk"]')
    marks = {
        q["data-question"]: (q["data-core-principle"], q["data-principle"])
        for q in form.select("fieldset.questionnaire-question")
    }
    assert marks == {
        "unequal-errors": ("fairness", "equality"),
        "biased-data": ("fairness", "equality"),
        "stale-model": ("fairness", "accuracy"),
        "no-legal-basis": ("lawfulness", "legality"),
    }


@DIMENSIONS
def test_result_elements_are_named_by_their_result_kind(app: Any) -> None:
    app.build()
    form = _page(app).select_one('form[data-questionnaire="risk"]')
    marked = [(el["data-result-principle"], el["data-level"]) for el in form.select("[data-result-principle]")]
    assert marked == [
        ("fairness", "not-assessed"),
        ("equality", "not-assessed"),
        ("accuracy", "not-assessed"),
        ("lawfulness", "not-assessed"),
        ("legality", "not-assessed"),
    ]
    assert form.select("[data-result-section], [data-result-group]") == []
    progress = form.select("[data-progress-section]")
    assert [(p["data-progress-section"], p["data-progress"]) for p in progress] == [
        ("fairness", "0"),
        ("lawfulness", "0"),
    ]


@DIMENSIONS
def test_rating_controls_use_each_question_s_own_part_ids(app: Any) -> None:
    app.build()
    form = _page(app).select_one('form[data-questionnaire="risk"]')
    names = sorted({i["name"] for i in form.select("input[name]")})
    assert names == [
        "biased-data.probability",
        "biased-data.severity",
        "no-legal-basis.chance",
        "no-legal-basis.harm",
        "stale-model.impact",
        "stale-model.likelihood",
        "unequal-errors.impact",
        "unequal-errors.likelihood",
        "unequal-errors.not-applicable",
    ]
    box = form.select_one('input[name="unequal-errors.not-applicable"]')
    assert (box["type"], box["value"]) == ("checkbox", "yes")


@DIMENSIONS
def test_item_list_shows_the_items_of_one_dimension_value_linked_to_their_questions(app: Any) -> None:
    app.build()
    listing = _page(app, "principle.html").select_one("ul.questionnaire-item-list")
    links = [(a.get_text(), a["href"]) for a in listing.select("a")]
    assert links == [
        (
            "The system makes more errors for some groups of people than for others.",
            "index.html#q-risk-q-unequal-errors",
        ),
        ("The training data under-represents some communities.", "index.html#q-risk-q-biased-data"),
    ]
    page = _page(app)
    for _text, href in links:
        assert page.find(id=href.split("#")[1]) is not None


@DIMENSIONS
def test_item_role_links_to_one_item(app: Any) -> None:
    app.build()
    refs = [(a.get_text(), a["href"]) for a in _page(app, "principle.html").select("p a.reference")]
    assert (
        "The system makes more errors for some groups of people than for others.",
        "index.html#q-risk-q-unequal-errors",
    ) in refs
    assert ("this one", "index.html#q-risk-q-biased-data") in refs


def test_unknown_item_and_empty_list_are_located_warnings(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-q-dimensions", src)
    page = src / "principle.rst"
    page.write_text(
        page.read_text(encoding="utf-8")
        .replace("principle equality", "principle kindness")
        .replace("risk.unequal-errors", "risk.no-such-item"),
        encoding="utf-8",
    )
    warnings = StringIO()
    make_app(
        "html", srcdir=src, warning=warnings, confoverrides={"pyscript_node_modules": str(ROOT / "node_modules")}
    ).build()
    text = warnings.getvalue()
    assert (
        "principle.rst:8: WARNING: no questionnaire item has principle 'kindness' [questionnaire.unknown-item]" in text
    )
    assert "unknown questionnaire item 'risk.no-such-item'" in text


def test_editing_the_yaml_updates_the_lists_on_other_pages(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-q-dimensions", src)
    overrides = {"pyscript_node_modules": str(ROOT / "node_modules")}
    make_app("html", srcdir=src, confoverrides=overrides).build()
    yaml_file = src / "risk.yaml"
    yaml_file.write_text(
        yaml_file.read_text(encoding="utf-8").replace("under-represents some communities", "leaves out rural areas"),
        encoding="utf-8",
    )
    app = make_app("html", srcdir=src, confoverrides=overrides)
    app.build()
    listing = _page(app, "principle.html").select_one("ul.questionnaire-item-list").get_text()
    assert "leaves out rural areas" in listing
    assert "under-represents" not in listing


def test_a_parallel_build_merges_the_domain(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    # Sphinx reads in parallel only with more than five pages to read, so add some.
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-q-dimensions", src)
    extra = [f"extra{n}" for n in range(8)]
    for name in extra:
        (src / f"{name}.rst").write_text(f"{name}\n{'=' * len(name)}\n\n.. questionnaire:items:: principle accuracy\n")
    index = src / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + "".join(f"   {name}\n" for name in extra), encoding="utf-8")
    app = make_app("html", srcdir=src, parallel=2, confoverrides={"pyscript_node_modules": str(ROOT / "node_modules")})
    app.build()
    assert app.parallel == 2
    assert len(_page(app, "principle.html").select("ul.questionnaire-item-list a")) == 2
    for name in extra:
        assert [a["href"] for a in _page(app, f"{name}.html").select("ul.questionnaire-item-list a")] == [
            "index.html#q-risk-q-stale-model"
        ]
    assert _page(app).select_one('script[type="mpy"]') is not None
