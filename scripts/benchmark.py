"""Measure every questionnaire page against the performance budget: first answer, live, re-score, weight.

Usage: python scripts/benchmark.py [--runs 5] [--out _build/benchmark.json] [--skip-build] _build/html

A measurement, not a test: a budget that does not hold is reported, and the exit status stays 0.
The script fails only when it cannot measure (no Chromium, no Pyodide, a page that never goes live).
What each figure means is in docs/performance.md ("The benchmark").
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bench_servers import (
    PYODIDE_FILES,
    installed_pyodide,
    nginx_serving,
    nginx_version,
    pyodide_site,
    pyscript_pyodide_pin,
)
from browser import CHROMIUM_ARGS, chromium_path
from serve import serving

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
RISK_PAGE = "risk-assessment/index.html"
#: Pages without a questionnaire, checked for runtime requests (those that exist in the site).
READING_PAGES = ("index.html", "introduction/index.html", "glossary.html", "principles/index.html")
#: The Markdown page the rebuild timing edits (in a copy of content/).
EDITED_PAGE = "introduction/index.md"
#: Pyodide's cold start here is about 3 s; a page still not live after this has failed.
READY_TIMEOUT_MS = 60_000
#: How many answer changes are timed per form and load.
RESCORE_CHANGES = 10
KB = 1000
RUNTIME_URL = re.compile(r"micropython|pyodide|pyscript", re.IGNORECASE)
QUESTIONNAIRE_FORM = re.compile(r"<form\b[^>]*\bdata-questionnaire=\"([^\"]+)\"")


@dataclass(frozen=True)
class Budget:
    """One promise of the performance issue: a figure, how it compares and its limit."""

    key: str
    label: str
    compare: str  # "≤" or "≥"
    limit: float
    unit: str

    def text(self) -> str:
        """``Clean build ≤ 30 s``: the budget as the summary states it."""
        space = "" if self.unit == "×" else " "
        return f"{self.label} {self.compare} {self.limit:g}{space}{self.unit}"


#: The budget, in one place; docs/performance.md carries the same table.
BUDGETS = (
    Budget("first_answer", "First answer possible, cold, median, every questionnaire page", "≤", 250, "ms"),
    Budget("risk_live", "Live with MicroPython, cold, median, risk page", "≤", 450, "ms"),
    Budget("risk_ratio", "Pyodide live ÷ MicroPython live (medians, same run), risk page", "≥", 6, "×"),
    Budget("risk_rescore", "Re-score with every item answered, median, risk page", "≤", 5, "ms"),
    Budget("page_gzip", "Questionnaire page weight, gzip, each page", "≤", 300, "KB"),
    Budget("reading_runtime", "Reading pages that request a Python runtime", "≤", 0, "pages"),
    Budget("clean_build", "Clean build", "≤", 30, "s"),
    Budget("rebuild", "Rebuild after editing one page", "≤", 5, "s"),
)

# Runs in every document before its own scripts. It polls once per frame until the page has painted
# and every form's first named control exists and is enabled: from then on a reader could answer.
ANSWERABLE_JS = """
(() => {
  const controls = "input[name], select[name], textarea[name]";
  const state = { paint: null, controls: {}, done: false };
  window.__aitkAnswerable = state;
  function poll() {
    const now = performance.now();
    if (state.paint === null) {
      const paint = performance.getEntriesByType("paint").find((entry) => entry.name === "first-paint");
      if (paint) state.paint = paint.startTime;
    }
    const forms = [...document.querySelectorAll("form[data-questionnaire]")];
    for (const form of forms) {
      const id = form.getAttribute("data-questionnaire");
      const first = form.querySelector(controls);
      if (!(id in state.controls) && first && !first.matches(":disabled")) state.controls[id] = now;
    }
    state.done = document.readyState === "complete" && state.paint !== null
      && forms.every((form) => form.getAttribute("data-questionnaire") in state.controls);
    if (!state.done) requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);
})();
"""

# Each form's data-ready ("false" while starting, "true" when live, "failed"), keyed by questionnaire id.
FORM_STATES_JS = """ids => Object.fromEntries(ids.map(id =>
  [id, document.querySelector(`form[data-questionnaire="${id}"]`)?.getAttribute("data-ready") ?? "missing"]))"""

# The states once every form is live or one has failed; false (keep waiting) until then.
SETTLED_JS = f"""ids => {{
  const states = ({FORM_STATES_JS})(ids);
  const values = Object.values(states);
  return (values.every((state) => state === "true") || values.includes("failed")) && states;
}}"""

ALL_LIVE_JS = f"""ids => Object.values(({FORM_STATES_JS})(ids)).every((state) => state === "true")"""

# Times since navigation start, and the bytes of every response (Resource Timing) of this load.
LOAD_FIGURES_JS = """ids => {
  const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
  const sum = (key) => entries.reduce((total, entry) => total + (entry[key] || 0), 0);
  const ready = {};
  for (const id of ids) ready[id] = performance.getEntriesByName("aitk:ready:" + id).at(-1)?.startTime ?? null;
  const answerable = window.__aitkAnswerable;
  return { ready, paint: answerable.paint, controls: answerable.controls, entries: entries.length,
           transfer_bytes: sum("transferSize"), encoded_bytes: sum("encodedBodySize"),
           decoded_bytes: sum("decodedBodySize"),
           uncompressed_bytes: entries.filter((e) => e.encodedBodySize === e.decodedBodySize)
             .reduce((total, entry) => total + entry.encodedBodySize, 0) };
}"""

# Answers every radio group with its first option, each with its own change event, as a click
# would (the glue keeps the answers one change at a time, so an unannounced tick is not seen).
# Returns the group to toggle: the last one with two options (a rated item on the risk page),
# else the first checkbox.
ANSWER_ALL_JS = """id => {
  const form = document.querySelector(`form[data-questionnaire="${id}"]`);
  const groups = new Map();
  for (const radio of form.querySelectorAll('input[type="radio"][name]')) {
    if (!groups.has(radio.name)) groups.set(radio.name, []);
    groups.get(radio.name).push(radio);
  }
  const before = performance.getEntriesByName("aitk:rescore:" + id).length;
  for (const radios of groups.values()) {
    radios[0].checked = true;
    radios[0].dispatchEvent(new Event("change", { bubbles: true }));
  }
  const pairs = [...groups.values()].filter((radios) => radios.length > 1);
  const box = form.querySelector('input[type="checkbox"][name]');
  let toggle = null;
  if (pairs.length) {
    const radios = pairs.at(-1);
    toggle = { kind: "radio", name: radios[0].name, values: [radios[0].value, radios[1].value] };
  } else if (box) {
    toggle = { kind: "checkbox", name: box.name, values: [box.value] };
  }
  return { answered: groups.size, before, toggle };
}"""

NEW_RESCORE_JS = """([name, seen]) => {
  const entries = performance.getEntriesByName(name, "measure");
  return entries.length > seen ? { duration: entries.at(-1).duration } : false;
}"""


class LoadFailed(RuntimeError):
    """A questionnaire page did not go live: the benchmark cannot measure it and stops."""


@dataclass(frozen=True)
class Target:
    """One way the pages are served: the name used in the report, its base URL and the folder behind it."""

    name: str
    base: str
    root: Path


@dataclass
class PageLog:
    """What one browser page requested and complained about, for the weight and for failure reports."""

    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))
        page.on("requestfailed", lambda request: self.failed.append(f"failed {request.url}"))
        page.on("response", self._response)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.console.append(message.text)

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def script_errors(self) -> list[str]:
        """Console errors other than failed loads (Chromium logs its own favicon request's 404 there)."""
        return [text for text in self.console if not text.startswith("Failed to load resource")]

    def describe(self) -> str:
        lines = [*self.console, *self.failed] or ["(no console error and no failed request)"]
        return "\n  ".join(lines)


# --- finding pages ------------------------------------------------------------------------------


def questionnaire_pages(site: Path) -> dict[str, list[str]]:
    """Every built page holding at least one questionnaire form, with the ids of its forms."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        ids = QUESTIONNAIRE_FORM.findall(path.read_text(encoding="utf-8"))
        if ids:
            pages[path.relative_to(site).as_posix()] = ids
    return pages


def reading_pages(site: Path, questionnaires: dict[str, list[str]]) -> list[str]:
    """The fixed reading pages that exist, plus the first principle page (they move less than content does)."""
    principles = sorted(p.relative_to(site).as_posix() for p in (site / "principles").glob("*.html"))
    candidates = [*READING_PAGES, *[p for p in principles if not p.endswith("/index.html")][:1]]
    return [p for p in candidates if (site / p).is_file() and p not in questionnaires]


# --- one load, used by every runtime and server ------------------------------------------------------


def _wait_until_live(page: Any, target: Target, page_path: str, forms: list[str], log: PageLog) -> None:
    """Navigate and wait until every form is live and answerable; a page that is not fails the benchmark.

    A form that fails with a script error stops the wait at once. watchdog.js also marks a form
    failed after 20 s without any error; such a slow start may still succeed, so the wait goes on.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    deadline = time.monotonic() + READY_TIMEOUT_MS / 1000
    where = f"{page_path} ({target.name}, {target.base})"

    def left_ms() -> float:
        return max(1.0, (deadline - time.monotonic()) * 1000)

    try:
        page.goto(target.base + page_path, timeout=left_ms())
        states = page.wait_for_function(SETTLED_JS, arg=forms, timeout=left_ms(), polling=50).json_value()
        if "failed" in states.values() and log.script_errors():
            raise LoadFailed(f"{where}: a form failed to start (data-ready {states})\n  {log.describe()}")
        page.wait_for_function(ALL_LIVE_JS, arg=forms, timeout=left_ms(), polling=50)
        page.wait_for_function("() => window.__aitkAnswerable?.done", timeout=left_ms(), polling=50)
    except PlaywrightTimeout as error:
        states = page.evaluate(FORM_STATES_JS, forms)
        live = all(state == "true" for state in states.values())
        what = "live but never answerable (no first paint, or a first control stayed disabled)" if live else "not live"
        raise LoadFailed(
            f"{where}: {what} within {READY_TIMEOUT_MS // 1000} s (data-ready {states})\n  {log.describe()}"
        ) from error


def _visit(page: Any, target: Target, page_path: str, forms: list[str], log: PageLog) -> dict[str, Any]:
    """One navigation: wait until the page is live, then read this load's figures."""
    _wait_until_live(page, target, page_path, forms, log)
    figures: dict[str, Any] = page.evaluate(LOAD_FIGURES_JS, forms)
    # A page is live when its last form is; a reader can answer when the page has painted and the
    # last form's first control is there and enabled.
    figures["live_ms"] = max(figures["ready"].values())
    figures["first_answer_ms"] = max(figures["paint"], *figures["controls"].values())
    return figures


def _toggle_locator(page: Any, form: str, toggle: dict[str, Any], value: str) -> Any:
    kind, name = toggle["kind"], toggle["name"]
    return page.locator(f'form[data-questionnaire="{form}"] input[type="{kind}"][name="{name}"][value="{value}"]')


def _rescore_times(page: Any, form: str) -> list[float]:
    """Answer every radio question, then time RESCORE_CHANGES changes of one answer."""
    name = f"aitk:rescore:{form}"
    answered = page.evaluate(ANSWER_ALL_JS, form)
    if answered["answered"]:
        page.wait_for_function(NEW_RESCORE_JS, arg=[name, answered["before"]], timeout=READY_TIMEOUT_MS)
    toggle = answered["toggle"]
    if toggle is None:
        return []
    durations = []
    for change in range(RESCORE_CHANGES):
        seen = page.evaluate("name => performance.getEntriesByName(name, 'measure').length", name)
        if toggle["kind"] == "radio":
            _toggle_locator(page, form, toggle, toggle["values"][(change + 1) % 2]).check()
        else:
            _toggle_locator(page, form, toggle, toggle["values"][0]).set_checked(change % 2 == 0)
        entry = page.wait_for_function(NEW_RESCORE_JS, arg=[name, seen], timeout=READY_TIMEOUT_MS).json_value()
        durations.append(float(entry["duration"]))
    return durations


def load(browser: Any, target: Target, page_path: str, forms: list[str]) -> dict[str, Any]:
    """A cold load, a warm load in the same context, then re-score timings on the warm page.

    The re-score comes last because answering fills the browser's storage, which the warm load
    would otherwise restore.
    """
    context = browser.new_context()
    try:
        context.add_init_script(ANSWERABLE_JS)
        page = context.new_page()
        log = PageLog()
        log.attach(page)
        cold = _visit(page, target, page_path, forms, log)
        cold_requests = list(log.requests)
        warm = _visit(page, target, page_path, forms, log)
        rescore = [duration for form in forms for duration in _rescore_times(page, form)]
    finally:
        context.close()
    return {
        "cold": cold,
        "warm": warm,
        "rescore_ms": rescore,
        "requests": cold_requests,
        "console_errors": log.console,
        "failed_requests": log.failed,
    }


# --- weight -------------------------------------------------------------------------------------------


@functools.cache
def _file_sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 6))


def _served_file(root: Path, url: str) -> Path:
    path = root / unquote(urlsplit(url).path).lstrip("/")
    return path / "index.html" if path.is_dir() else path


def weight(target: Target, urls: list[str]) -> dict[str, Any]:
    """Requests, raw bytes and gzip bytes (level 6) of the files behind ``urls`` as the server has them."""
    own = [url for url in urls if url.startswith(target.base)]
    files = [_served_file(target.root, url) for url in own]
    sizes = [_file_sizes(path) if path.is_file() else (0, 0) for path in files]
    return {
        "requests": len(urls),
        "raw_bytes": sum(raw for raw, _ in sizes),
        "gzip_bytes": sum(gz for _, gz in sizes),
        "files": [url[len(target.base) :] for url in own],
        "other_hosts": [url for url in urls if not url.startswith(target.base)],
    }


# --- summaries ------------------------------------------------------------------------------------------


def summary(values: list[float]) -> dict[str, Any] | None:
    """Median, min and max of ``values`` with the values themselves; None when nothing was measured."""
    if not values:
        return None
    return {
        "median": round(statistics.median(values), 2),
        "min": round(min(values), 2),
        "max": round(max(values), 2),
        "values": [round(v, 2) for v in values],
    }


def summarize(target: Target, loads: list[dict[str, Any]]) -> dict[str, Any]:
    """One target's figures for one page: medians over its loads, the weight of its first load, raw loads."""

    def over(phase: str, key: str) -> dict[str, Any] | None:
        return summary([load[phase][key] for load in loads])

    return {
        "first_answer_ms": over("cold", "first_answer_ms"),
        "live_ms": over("cold", "live_ms"),
        "warm_first_answer_ms": over("warm", "first_answer_ms"),
        "warm_live_ms": over("warm", "live_ms"),
        "rescore_ms": summary([t for load in loads for t in load["rescore_ms"]]),
        "weight": weight(target, loads[0]["requests"]),
        "transfer_bytes": over("cold", "transfer_bytes"),
        "encoded_bytes": over("cold", "encoded_bytes"),
        "uncompressed_bytes": over("cold", "uncompressed_bytes"),
        "warm_transfer_bytes": over("warm", "transfer_bytes"),
        "console_errors": sorted({e for load in loads for e in load["console_errors"]}),
        "failed_requests": sorted({e for load in loads for e in load["failed_requests"]}),
        "loads": [{k: v for k, v in load.items() if k != "requests"} for load in loads],
    }


# --- the browser part ---------------------------------------------------------------------------------------


def check_reading_page(browser: Any, target: Target, page_path: str) -> dict[str, Any]:
    """Load a page without a questionnaire until the network is idle; list any runtime it requested."""
    context = browser.new_context()
    try:
        page = context.new_page()
        log = PageLog()
        log.attach(page)
        page.goto(target.base + page_path, wait_until="networkidle", timeout=READY_TIMEOUT_MS)
    finally:
        context.close()
    found = weight(target, log.requests)
    return {**found, "runtime_requests": [url for url in log.requests if RUNTIME_URL.search(url)]}


@contextlib.contextmanager
def targets(site: Path, pages: list[str], use_pyodide: bool, nginx: str | None) -> Iterator[list[Target]]:
    """Serve the site as every compared target: MicroPython, Pyodide (a rewritten copy), nginx."""
    with contextlib.ExitStack() as stack:
        found = [Target("micropython", stack.enter_context(serving(site)), site)]
        if use_pyodide:
            copy = stack.enter_context(pyodide_site(site, pages, NODE_MODULES))
            found.append(Target("pyodide", stack.enter_context(serving(copy)), copy))
        if nginx:
            found.append(Target("nginx", stack.enter_context(nginx_serving(site, nginx)), site))
        yield found


def measure_pages(site: Path, runs: int, use_pyodide: bool, nginx: str | None) -> dict[str, Any]:
    """Every questionnaire page under every target, interleaved load by load; then the reading pages."""
    from playwright.sync_api import sync_playwright

    chromium = chromium_path()
    if not chromium:
        raise SystemExit("No Chromium: install Debian's chromium package or set CHROMIUM.")
    pages = questionnaire_pages(site)
    if not pages:
        raise SystemExit(f"No questionnaire page in {site}: nothing to measure.")
    with targets(site, list(pages), use_pyodide, nginx) as served, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        loads: dict[tuple[str, str], list[dict[str, Any]]] = {(t.name, p): [] for t in served for p in pages}
        for run in range(runs):
            for page_path, forms in pages.items():
                # Load by load, so noise on this machine falls on every target alike; the order
                # alternates so that no target always follows the same one.
                for target in served if run % 2 == 0 else served[::-1]:
                    loads[target.name, page_path].append(load(browser, target, page_path, forms))
        reading = {p: check_reading_page(browser, served[0], p) for p in reading_pages(site, pages)}
        version = browser.version
        browser.close()
        # While the targets still exist: the weights are read from the files they served.
        measured: dict[str, dict[str, Any]] = {
            page_path: {"forms": forms, **{t.name: summarize(t, loads[t.name, page_path]) for t in served}}
            for page_path, forms in pages.items()
        }
    for figures in measured.values():
        if "pyodide" in figures:
            figures["pyodide_ratio"] = round(
                figures["pyodide"]["live_ms"]["median"] / figures["micropython"]["live_ms"]["median"], 2
            )
    return {"chromium": version, "questionnaire_pages": pages, "pages": measured, "reading_pages": reading}


# --- build times ----------------------------------------------------------------------------------------------


def _sphinx(source: Path, out: Path, quiet: bool = True) -> tuple[float, str]:
    """Build ``source`` as HTML with the project's conf.py into ``out``; the seconds taken and the log."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(ROOT), "-d", str(out / "doctrees")]
    command += ["-q"] if quiet else []
    started = time.perf_counter()
    done = subprocess.run([*command, str(source), str(out / "html")], capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout


def build_times() -> dict[str, Any]:
    """A clean build of content/, then an incremental rebuild of a copy after editing one page.

    The repository's own files are never written: the edit happens in a temporary copy of content/.
    """
    with tempfile.TemporaryDirectory(prefix="aitk-bench-build-") as temp:
        clean, _ = _sphinx(ROOT / "content", Path(temp) / "clean")
        copy = Path(temp) / "content"
        shutil.copytree(ROOT / "content", copy)
        _sphinx(copy, Path(temp) / "edited")
        with (copy / EDITED_PAGE).open("a", encoding="utf-8") as page:
            page.write("\n<!-- bench -->\n")
        rebuild, log = _sphinx(copy, Path(temp) / "edited", quiet=False)
    # Which documents Sphinx read and wrote again: evidence that the edit was seen, and how far it spread.
    return {
        "clean_build_s": round(clean, 2),
        "rebuild_s": round(rebuild, 2),
        "edited_page": EDITED_PAGE,
        "rebuild_read": re.findall(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", log, re.MULTILINE),
        "rebuild_written": re.findall(r"^writing output\.\.\. \[\s*\d+%\] (\S+)", log, re.MULTILINE),
    }


# --- budgets ----------------------------------------------------------------------------------------------------


Figure = tuple[float, str]  # the value and where it was measured


def _worst(report: dict[str, Any], pick: Callable[[dict[str, Any]], float]) -> Figure:
    value, page = max((pick(figures), page) for page, figures in report["pages"].items())
    return value, f"worst: {page}"


def _risk(report: dict[str, Any], pick: Callable[[dict[str, Any]], float]) -> Figure | None:
    figures = report["pages"].get(RISK_PAGE)
    return None if figures is None else (pick(figures), RISK_PAGE)


def _reading_runtime(report: dict[str, Any]) -> Figure:
    loading = [page for page, figures in report["reading_pages"].items() if figures["runtime_requests"]]
    return len(loading), ", ".join(loading) or f"none of the {len(report['reading_pages'])} checked"


def _build(report: dict[str, Any], key: str) -> Figure | None:
    return (report["build"][key], "") if key in report.get("build", {}) else None


#: How each budget's figure is found in the report; None when it was not measured in this run.
FIGURES: dict[str, Callable[[dict[str, Any]], Figure | None]] = {
    "first_answer": lambda r: _worst(r, lambda f: f["micropython"]["first_answer_ms"]["median"]),
    "risk_live": lambda r: _risk(r, lambda f: f["micropython"]["live_ms"]["median"]),
    "risk_ratio": lambda r: _risk(r, lambda f: f["pyodide_ratio"]) if r["pyodide"]["ran"] else None,
    "risk_rescore": lambda r: _risk(r, lambda f: f["micropython"]["rescore_ms"]["median"]),
    "page_gzip": lambda r: _worst(r, lambda f: round(f["micropython"]["weight"]["gzip_bytes"] / KB, 1)),
    "reading_runtime": _reading_runtime,
    "clean_build": lambda r: _build(r, "clean_build_s"),
    "rebuild": lambda r: _build(r, "rebuild_s"),
}


def check_budgets(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Each budget with its figure and whether it holds (None: not measured in this run)."""
    checked = []
    for budget in BUDGETS:
        figure = FIGURES[budget.key](report)
        holds = None
        if figure is not None:
            holds = figure[0] <= budget.limit if budget.compare == "≤" else figure[0] >= budget.limit
        checked.append(
            {
                "key": budget.key,
                "budget": budget.text(),
                "figure": None if figure is None else figure[0],
                "unit": budget.unit,
                "where": None if figure is None else figure[1],
                "holds": holds,
            }
        )
    return checked


# --- output -------------------------------------------------------------------------------------------------------


def quantity(value: float, unit: str) -> str:
    """A figure as people read it: whole milliseconds from 10 ms up, one decimal below and elsewhere."""
    if unit == "×":
        return f"{value:.1f}×"
    if unit == "pages":
        return f"{value:.0f} pages"
    digits = 0 if unit == "ms" and value >= 10 else 1
    return f"{value:.{digits}f} {unit}"


def _median(value: dict[str, Any] | None, unit: str = "ms") -> str:
    return "n/a" if value is None else quantity(value["median"], unit)


def page_row(page: str, figures: dict[str, Any]) -> str:
    """One table row: the page's medians over its cold loads (warm: the second load in a context)."""
    micropython, pyodide = figures["micropython"], figures.get("pyodide")
    cells = [
        page,
        _median(micropython["first_answer_ms"]),
        _median(micropython["live_ms"]),
        _median(pyodide["live_ms"]) if pyodide else "not run",
        quantity(figures["pyodide_ratio"], "×") if pyodide else "n/a",
        _median(micropython["warm_live_ms"]),
        _median(micropython["rescore_ms"]),
        str(micropython["weight"]["requests"]),
        f"{micropython['weight']['gzip_bytes'] / KB:.1f}",
    ]
    return "| " + " | ".join(cells) + " |"


def budget_line(checked: dict[str, Any]) -> str:
    """``- <budget>: <figure> (<where>): holds | does not hold``, or that it was not measured."""
    if checked["holds"] is None:
        return f"- {checked['budget']}: not measured in this run"
    where = f" ({checked['where']})" if checked["where"] else ""
    verdict = "holds" if checked["holds"] else "does not hold"
    return f"- {checked['budget']}: {quantity(checked['figure'], checked['unit'])}{where}: {verdict}"


def nginx_lines(report: dict[str, Any]) -> list[str]:
    """What the MicroPython pages cost over the wire when nginx compresses them as docs/hosting.md does."""
    if not report["nginx"]["ran"]:
        return [f"nginx: {report['nginx']['reason']}; skipped."]
    lines = [f"Served by {report['nginx']['version']} with gzip (MicroPython, medians of cold loads):", ""]
    for page, figures in report["pages"].items():
        served = figures["nginx"]
        lines.append(
            f"- {page}: live {_median(served['live_ms'])}, "
            f"{quantity(served['transfer_bytes']['median'] / KB, 'KB')} transferred, of which "
            f"{quantity(served['uncompressed_bytes']['median'] / KB, 'KB')} in responses sent uncompressed"
        )
    return lines


def markdown(report: dict[str, Any]) -> str:
    """The short table people read; the JSON beside it has every load."""
    header = (
        "| Page | First answer | Live (MicroPython) | Live (Pyodide) | Pyodide ÷ MicroPython | Warm live "
        "| Re-score | Requests | KB gzip |"
    )
    reading = report["reading_pages"]
    loading = [page for page, figures in reading.items() if figures["runtime_requests"]]
    lines = [
        f"Medians of {report['runs']} cold loads per page and runtime; Chromium {report['chromium']}, "
        f"{report['machine']['cpus']} CPUs.",
        "",
        header,
        "| --- |" + " ---: |" * 8,
        *[page_row(page, figures) for page, figures in report["pages"].items()],
        "",
        *nginx_lines(report),
        "",
        f"Reading pages checked ({', '.join(reading)}): "
        + (f"runtime requested by {', '.join(loading)}." if loading else "none requested a Python runtime."),
        "",
        "Budgets:",
        "",
        *[budget_line(checked) for checked in report["budgets"]],
    ]
    return "\n".join(lines) + "\n"


# --- command line ---------------------------------------------------------------------------------------------------


def check_pyodide() -> str:
    """The installed Pyodide version, after making sure it is the one @pyscript/core pins."""
    pinned, installed = pyscript_pyodide_pin(NODE_MODULES), installed_pyodide(NODE_MODULES)
    if installed != pinned:
        raise SystemExit(
            f"node_modules has pyodide {installed}, @pyscript/core pins {pinned}: "
            "run `npm ci` (and keep package.json's pin equal to the core's)."
        )
    return pinned


def main(argv: list[str] | None = None) -> int:
    """Measure, write the JSON and the Markdown table, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=5, help="cold loads per page and runtime (default 5)")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "benchmark.json")
    parser.add_argument("--skip-build", action="store_true", help="do not time the clean build and the rebuild")
    parser.add_argument("--no-pyodide", action="store_true", help="skip the Pyodide comparison (quick local runs)")
    parser.add_argument("--no-nginx", action="store_true", help="skip nginx even when it is installed")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"No built site in {args.site}: run `make html` first.", file=sys.stderr)
        return 1
    nginx = None if args.no_nginx else shutil.which("nginx")
    report: dict[str, Any] = {
        "runs": args.runs,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "pyodide": {
            "ran": not args.no_pyodide,
            "version": None if args.no_pyodide else check_pyodide(),
            "files": [] if args.no_pyodide else list(PYODIDE_FILES),
        },
        "nginx": {"ran": bool(nginx), "version": nginx_version(nginx) if nginx else None},
    }
    if not nginx:
        report["nginx"]["reason"] = "not run (--no-nginx)" if args.no_nginx else "nginx was not found on PATH"
    try:
        report.update(measure_pages(args.site, args.runs, not args.no_pyodide, nginx))
    except LoadFailed as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    report["build"] = {} if args.skip_build else build_times()
    report["budgets"] = check_budgets(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table = markdown(report)
    args.out.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table, end="")
    print(f"\nEvery figure, load by load: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
