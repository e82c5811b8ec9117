"""scripts/benchmark.py runs end to end and reports every figure the budget names (no timing is asserted)."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from numbers import Real
from typing import Any

import pytest
from bench_servers import pyscript_pyodide_pin, to_pyodide_page
from benchmark import BUDGETS
from bs4 import BeautifulSoup
from conftest import ROOT, BuiltSite

#: Pages the site has today; the benchmark must find them (and any added later) by itself.
KNOWN_QUESTIONNAIRE_PAGES = {"overview/index.html", "risk-assessment/index.html"}
PER_LOAD_FIGURES = ("first_answer_ms", "live_ms", "warm_live_ms", "rescore_ms")


@dataclass
class BenchRun:
    """One run of the script: its report, the Markdown table beside it and what it printed."""

    report: dict[str, Any]
    table: str
    stdout: str


@pytest.fixture(scope="module")
def bench(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> BenchRun:
    """Run the benchmark once, as `make bench` does, in a separate process (Playwright's sync API
    allows one event loop per thread, and pytest-playwright holds this one)."""
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    script = str(ROOT / "scripts" / "benchmark.py")
    command = [sys.executable, script, str(built_site.path), "--runs", "1", "--skip-build", "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    return BenchRun(report, out.with_suffix(".md").read_text(encoding="utf-8"), result.stdout)


def _is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


@pytest.mark.browser
def test_benchmark_finds_every_questionnaire_page(bench: BenchRun, built_site: BuiltSite) -> None:
    found = set(bench.report["questionnaire_pages"])
    assert found, "the benchmark found no questionnaire page"
    assert found >= KNOWN_QUESTIONNAIRE_PAGES
    with_forms = {
        path.relative_to(built_site.path).as_posix()
        for path in built_site.path.rglob("*.html")
        if BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("form[data-questionnaire]")
    }
    assert found == with_forms
    assert set(bench.report["pages"]) == found


@pytest.mark.browser
def test_benchmark_reports_every_figure_under_both_runtimes(bench: BenchRun) -> None:
    assert bench.report["pyodide"]["ran"] is True
    runtimes = ["micropython", "pyodide"] + (["nginx"] if bench.report["nginx"]["ran"] else [])
    for page, figures in bench.report["pages"].items():
        assert _is_number(figures["pyodide_ratio"]), page
        for runtime in runtimes:
            measured = figures[runtime]
            for name in PER_LOAD_FIGURES:
                assert _is_number(measured[name]["median"]), (page, runtime, name)
                assert len(measured[name]["values"]) >= 1, (page, runtime, name)
            for name in ("requests", "raw_bytes", "gzip_bytes"):
                # Zero would mean the served files were not found, not that the page is light.
                assert _is_number(measured["weight"][name]) and measured["weight"][name] > 0, (page, runtime, name)
            for name in ("transfer_bytes", "encoded_bytes"):
                assert _is_number(measured[name]["median"]), (page, runtime, name)


@pytest.mark.browser
def test_benchmark_prints_a_row_per_page_and_every_budget_line(bench: BenchRun) -> None:
    assert bench.stdout.startswith(bench.table)
    rows = [line for line in bench.table.splitlines() if line.startswith("| ")]
    for page in bench.report["pages"]:
        assert any(row.startswith(f"| {page} |") for row in rows), page
    budget_lines = [line for line in bench.table.splitlines() if line.startswith("- ")]
    for budget in BUDGETS:
        assert any(line.startswith(f"- {budget.text()}: ") for line in budget_lines), budget.key
    assert [checked["key"] for checked in bench.report["budgets"]] == [budget.key for budget in BUDGETS]
    assert "nginx" in bench.table


@pytest.mark.browser
def test_reading_pages_load_no_python_runtime(bench: BenchRun) -> None:
    reading = bench.report["reading_pages"]
    assert "index.html" in reading and "introduction/index.html" in reading
    for page, figures in reading.items():
        assert figures["runtime_requests"] == [], page


# --- no browser ------------------------------------------------------------------------------------


def test_pyodide_dev_dependency_is_the_version_pyscript_core_pins() -> None:
    # A PyScript upgrade that moves its Pyodide pin must move ours, or the comparison measures
    # a Pyodide that the core was not built for.
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["devDependencies"]["pyodide"] == pyscript_pyodide_pin(ROOT / "node_modules")


@pytest.mark.parametrize(
    ("page", "prefix"), [("risk-assessment/index.html", "../"), ("a/b/form.html", "../../"), ("form.html", "")]
)
def test_pyodide_page_changes_only_the_runtime(page: str, prefix: str) -> None:
    config = {
        "files": {f"{prefix}_static/questionnaire/engine/spec.py": "./engine/spec.py"},
        "interpreter": f"{prefix}_static/micropython/micropython.mjs",
    }
    preload = f'<link rel="modulepreload" href="{prefix}_static/micropython/micropython.mjs">'
    tag = f'<script config="{html.escape(json.dumps(config))}" type="mpy" src="{prefix}_static/glue.py?v=1">'
    before = (
        f'<html><head>{preload}\n<link rel="stylesheet" href="{prefix}_static/site.css">\n{tag}</script>\n'
        '</head><body><form data-questionnaire="risk"></form></body></html>'
    )
    after = to_pyodide_page(before, page)
    script = BeautifulSoup(after, "html.parser").select_one("script[src]")
    assert script is not None and script["type"] == "py"
    assert json.loads(str(script["config"])) == {**config, "interpreter": f"{prefix}_static/pyodide/pyodide.mjs"}
    # Apart from that one tag, the page is the same, byte for byte, less the MicroPython preload.
    rewritten = re.search(r"<script [^>]*>", after)
    assert rewritten is not None
    assert after.replace(rewritten.group(0), tag) == before.replace(preload, "")
