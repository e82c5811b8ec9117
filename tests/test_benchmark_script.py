"""scripts/benchmark.py runs end to end and reports what the budget names (no timing is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, BuiltSite


@pytest.mark.browser
def test_benchmark_reports_weights_and_timings(built_site: BuiltSite, tmp_path: Path) -> None:
    # A separate process, as `make bench` runs it (and Playwright's sync API allows one loop per thread).
    out = tmp_path / "bench.json"
    command = [
        sys.executable,
        str(ROOT / "scripts" / "benchmark.py"),
        str(built_site.path),
        "--runs",
        "1",
        "--skip-build",
        "--out",
        str(out),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "questionnaire page: ready" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    questionnaire, plain = report["questionnaire_page"], report["plain_page"]
    assert questionnaire["ready_ms"]["median"] > 0
    assert questionnaire["rescore_ms"]["median"] > 0
    assert questionnaire["gzip_bytes"] < questionnaire["raw_bytes"]
    assert plain["loads_python_runtime"] is False, "a page without a questionnaire must not load Python"
