"""Measure what the budget in the questionnaire issue promises: size, time to interactive, re-score time.

Usage: python scripts/benchmark.py [--runs 5] [--out _build/benchmark.json] _build/html

Numbers, not pass/fail: compare runs over time. Each load uses a fresh browser context, so the
HTTP cache is cold; the server is local, so network time is close to zero and what is measured
is parsing, starting MicroPython and running our code on this machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from browser import CHROMIUM_ARGS, chromium_path
from serve import serving

ROOT = Path(__file__).resolve().parent.parent
QUESTIONNAIRE_PAGE = "overview/index.html"
QUESTIONNAIRE = "applicability"
PLAIN_PAGE = "introduction/index.html"


def build_seconds() -> float:
    """Wall time of a clean, non-incremental HTML build."""
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-c", str(ROOT), str(ROOT / "content"), out],
            check=True,
        )
        return time.perf_counter() - started


def _weight(site: Path, urls: list[str]) -> dict[str, int]:
    raw = gz = 0
    for url in urls:
        path = site / urlsplit(url).path.lstrip("/")
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            gz += len(gzip.compress(data, 6))
    return {"requests": len(urls), "raw_bytes": raw, "gzip_bytes": gz}


def _load(browser: Any, base: str, page_path: str, interactive: bool) -> dict[str, Any]:
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base + page_path)
    result: dict[str, Any] = {"urls": urls}
    if interactive:
        form = f'form[data-questionnaire="{QUESTIONNAIRE}"]'
        page.wait_for_selector(f'{form}[data-ready="true"]', timeout=30000)
        result["ready_ms"] = page.evaluate(
            f"() => performance.getEntriesByName('aitk:ready:{QUESTIONNAIRE}')[0].startTime"
        )
        timings = []
        for option in ("yes", "no") * 5:
            before = page.evaluate(f"() => performance.getEntriesByName('aitk:rescore:{QUESTIONNAIRE}').length")
            page.locator(f'{form} input[name="core-functions"][value="{option}"]').check()
            page.wait_for_function(
                f"n => performance.getEntriesByName('aitk:rescore:{QUESTIONNAIRE}').length > n", arg=before
            )
            timings.append(
                page.evaluate(f"() => performance.getEntriesByName('aitk:rescore:{QUESTIONNAIRE}').at(-1).duration")
            )
        result["rescore_ms"] = timings
    else:
        page.wait_for_load_state("networkidle")
    context.close()
    return result


def _summary(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2), "max": round(max(values), 2)}


def measure(site: Path, runs: int) -> dict[str, Any]:
    """Run every measurement and return the numbers."""
    from playwright.sync_api import sync_playwright

    chromium = chromium_path()
    if not chromium:
        raise SystemExit("No Chromium: install Debian's chromium package or set CHROMIUM.")
    report: dict[str, Any] = {"runs": runs, "machine_cpus": os.cpu_count()}
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        loads = [_load(browser, base, QUESTIONNAIRE_PAGE, True) for _ in range(runs)]
        plain = _load(browser, base, PLAIN_PAGE, False)
        browser.close()
    report["questionnaire_page"] = {
        "page": QUESTIONNAIRE_PAGE,
        "ready_ms": _summary([load["ready_ms"] for load in loads]),
        "rescore_ms": _summary([t for load in loads for t in load["rescore_ms"]]),
        **_weight(site, loads[0]["urls"]),
    }
    report["plain_page"] = {
        "page": PLAIN_PAGE,
        "loads_python_runtime": any("micropython" in u or "pyscript" in u for u in plain["urls"]),
        **_weight(site, plain["urls"]),
    }
    report["site"] = {
        "files": sum(1 for p in site.rglob("*") if p.is_file()),
        "raw_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }
    return report


def main(argv: list[str] | None = None) -> int:
    """Measure, print a summary and write the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "benchmark.json")
    parser.add_argument("--skip-build", action="store_true", help="do not time a clean build")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"No built site in {args.site}: run `make html` first.", file=sys.stderr)
        return 1
    report = measure(args.site, args.runs)
    if not args.skip_build:
        report["build_seconds"] = round(build_seconds(), 2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    q, p = report["questionnaire_page"], report["plain_page"]
    print(
        f"questionnaire page: ready {q['ready_ms']['median']} ms median (min {q['ready_ms']['min']}, "
        f"max {q['ready_ms']['max']}) over {args.runs} cold loads; re-score {q['rescore_ms']['median']} ms median"
    )
    print(f"questionnaire page weight: {q['requests']} requests, {q['raw_bytes']} B raw, {q['gzip_bytes']} B gzip")
    print(
        f"plain page weight: {p['requests']} requests, {p['raw_bytes']} B raw, {p['gzip_bytes']} B gzip; "
        f"Python runtime loaded: {p['loads_python_runtime']}"
    )
    if "build_seconds" in report:
        print(f"clean build: {report['build_seconds']} s")
    print(f"site: {report['site']['files']} files, {report['site']['raw_bytes']} B; full report in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
