"""The form a questionnaire directive renders: structure, accessibility wiring, data for the browser."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from questionnaire.assets import OPTIONAL_MODULES

TWO_FORMS = pytest.mark.sphinx(
    "html", testroot="q-two-forms", confoverrides={"pyscript_node_modules": str(ROOT / "node_modules")}
)


def _page(app: Any, name: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / name).read_text(encoding="utf-8"), "html.parser")


@TWO_FORMS
def test_two_forms_carry_their_automation_attributes(app: Any) -> None:
    app.build()
    forms = _page(app).select("form.questionnaire-form")
    assert [(f["data-questionnaire"], f["data-version"], f["data-ready"]) for f in forms] == [
        ("check", "1.2.0", "false"),
        ("risk", "1.0.0", "false"),
    ]
    risk = forms[1]
    overall = risk.select_one('[data-result="overall"]')
    assert (overall["data-level"], overall["data-complete"], overall["aria-live"]) == (
        "not-assessed",
        "false",
        "polite",
    )
    assert risk.select_one('[data-result-section="lawfulness"]')["data-level"] == "not-assessed"
    assert risk.select_one('[data-result-group="legitimacy"]')["data-level"] == "not-assessed"


@TWO_FORMS
def test_ids_are_unique_and_every_reference_to_an_id_resolves(app: Any) -> None:
    app.build()
    page = _page(app)
    ids = Counter(tag["id"] for tag in page.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == []
    for label in page.select("form label[for]"):
        assert label["for"] in ids, label
    for tag in page.select("form [aria-describedby], form [aria-labelledby], section[aria-labelledby]"):
        for ref in (tag.get("aria-describedby", "") + " " + tag.get("aria-labelledby", "")).split():
            assert ref in ids, (tag.name, ref)


@TWO_FORMS
def test_every_control_has_a_label_and_every_question_a_legend(app: Any) -> None:
    app.build()
    page = _page(app)
    for control in page.select("form.questionnaire-form input, form.questionnaire-form textarea"):
        assert page.select_one(f'label[for="{control["id"]}"]') is not None, control
    for question in page.select("fieldset.questionnaire-question"):
        assert question.find("legend", recursive=False).get_text(strip=True)
    help_text = page.select_one("#q-check-q-first-help")
    assert help_text.get_text() == "Think about it."
    assert page.select_one("#q-check-q-first")["aria-describedby"] == "q-check-q-first-help"


@TWO_FORMS
def test_control_names_and_values_follow_the_automation_interface(app: Any) -> None:
    app.build()
    risk = _page(app).select_one('form[data-questionnaire="risk"]')
    names = sorted({i["name"] for i in risk.select("input[name]")})
    assert names == [
        "less-intrusive-option.impact",
        "less-intrusive-option.likelihood",
        "less-intrusive-option.not-applicable",
        "no-legal-basis.impact",
        "no-legal-basis.likelihood",
        "no-legal-basis.not-applicable",
    ]
    values = [i["value"] for i in risk.select('input[name="no-legal-basis.likelihood"]')]
    assert values == ["rare", "unlikely", "possible", "likely", "almost-certain"]


@TWO_FORMS
def test_author_text_is_escaped_and_the_spec_block_cannot_break_out(app: Any) -> None:
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "Is the &lt;b&gt;first&lt;/b&gt; thing true?" in html
    assert "<b>first</b>" not in html
    block = _page(app).select_one('form[data-questionnaire="check"] script.questionnaire-spec')
    raw = block.string
    assert "<" not in raw and "&" not in raw
    payload = json.loads(raw)
    assert payload["spec"]["title"] == 'Check <with> "markup" & quotes'
    assert payload["strings"]["actions.save"] == "Save to file"


@TWO_FORMS
def test_runtime_and_glue_load_once_and_only_on_questionnaire_pages(app: Any) -> None:
    app.build()
    page = _page(app)
    glue = page.select('script[type="mpy"]')
    assert len(glue) == 1
    config = json.loads(glue[0]["config"])
    assert config["interpreter"] == "_static/micropython/micropython.mjs"
    # The engine package, mapped to the same paths it has in the source tree; without views or
    # proposals on the page, all of it but the optional modules (charts, comparison, proposals).
    # Each URL is stamped (?v=), so an upgrade is refetched.
    files = {url.split("?v=")[0]: target for url, target in config["files"].items()}
    assert files["_static/questionnaire/engine/scoring.py"] == "./engine/scoring.py"
    assert files["_static/questionnaire/engine/methods/any_yes.py"] == "./engine/methods/any_yes.py"
    everything = len(list((ROOT / "extensions" / "questionnaire" / "engine").rglob("*.py")))
    assert len(files) == everything - len(OPTIONAL_MODULES)
    assert all("?v=" in url for url in config["files"])
    for source in files:
        assert (Path(app.outdir) / source).is_file(), source
    assert len(page.select('script[src^="_static/pyscript/core.js"]')) == 1
    plain = _page(app, "plain.html")
    assert plain.select('script[type="mpy"]') == []
    assert [s for s in plain.select("script[src]") if "pyscript" in s["src"] or "questionnaire" in s["src"]] == []


@TWO_FORMS
def test_how_this_is_scored_lets_a_person_score_on_paper(app: Any) -> None:
    app.build()
    how = _page(app).select(".questionnaire-how")
    assert len(how) == 2
    risk_tables = how[1].select("table")
    captions = [t.select_one("caption .caption-text").get_text(strip=True) for t in risk_tables]
    assert captions == [
        "Likelihood",
        "Impact",
        "Bands",
        "Every pair of ratings: score and level",
        "What each result means",
    ]
    bands = [[c.get_text(strip=True) for c in row.select("td")] for row in risk_tables[2].select("tbody tr")]
    assert bands == [["1 to 4", "Low"], ["5 to 9", "Medium"], ["10 to 16", "High"], ["20 to 25", "Extremely high"]]


@TWO_FORMS
def test_question_text_is_in_the_search_index(app: Any) -> None:
    app.build()
    index = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    assert '"intrus' in index  # stem of "intrusive", from a risk item's text


def test_editing_the_yaml_rebuilds_the_page_that_uses_it(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    import shutil
    from io import StringIO

    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-q-two-forms", src)
    overrides = {"pyscript_node_modules": str(ROOT / "node_modules")}
    make_app("html", srcdir=src, confoverrides=overrides).build()
    definition = src / "check.yaml"
    definition.write_text(definition.read_text(encoding="utf-8").replace("Is the second thing true?", "Is it new?"))
    status = StringIO()
    app = make_app("html", srcdir=src, confoverrides=overrides, status=status)
    app.build()
    assert "Is it new?" in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "1 changed" in status.getvalue(), status.getvalue()
    assert "Is it new?" not in (Path(app.outdir) / "plain.html").read_text(encoding="utf-8")


@TWO_FORMS
def test_a_fresh_build_stamps_every_engine_and_runtime_file_for_cache_busting(app: Any) -> None:
    # Stamps (?v=checksum) exist only if the files were in _static/ when the page was written.
    app.build()
    page = _page(app)
    sources = [s["src"] for s in page.select("script[src]") if "questionnaire/" in s["src"] or "pyscript/" in s["src"]]
    styles = [link["href"] for link in page.select('link[rel="stylesheet"]') if "questionnaire/" in link["href"]]
    preloads = [link["href"] for link in page.select('link[rel="preload"]') if "questionnaire/" in link["href"]]
    config = json.loads(page.select_one('script[type="mpy"]')["config"])
    assert len(sources) == 3 and len(styles) == 1
    assert preloads == []  # measured slower with them (docs/performance.md); the runtime is preloaded
    assert len(config["files"]) > 10
    assert [url for url in sources + styles + list(config["files"]) if "?v=" not in url] == []
