"""Shared fixtures: Sphinx test roots, the built site, an HTTP server and Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "extensions"))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "parity"))  # run_cases and trees: shared with the MicroPython runner

from browser import CHROMIUM_ARGS, chromium_path  # noqa: E402
from serve import serving  # noqa: E402

pytest_plugins = ["sphinx.testing.fixtures"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the tiny projects named by ``testroot=``."""
    return ROOT / "tests" / "roots"


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """The npm-installed runtime that test roots point ``pyscript_node_modules`` at."""
    return ROOT / "node_modules"


@dataclass
class BuiltSite:
    """The HTML output of the real site and the warnings its build printed."""

    path: Path
    warnings: str


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site as `make test` built it (AITK_SITE), or a fresh strict build."""
    given = os.environ.get("AITK_SITE")
    if given:
        site = Path(given).resolve()
        warnings_file = Path(os.environ.get("AITK_WARNINGS", site.parent / "warnings.txt"))
        assert (site / "index.html").is_file(), f"AITK_SITE={given} holds no built site"
        warnings = warnings_file.read_text(encoding="utf-8") if warnings_file.exists() else ""
        return BuiltSite(site, warnings)
    out = tmp_path_factory.mktemp("site")
    warnings_file = out / "warnings.txt"
    cmd = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-c",
        str(ROOT),
        "-q",
        "-d",
        str(out / "doctrees"),
        "-W",
        "--keep-going",
        "-n",
        "-w",
        str(warnings_file),
        str(ROOT / "content"),
        str(out / "html"),
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"site build failed:\n{result.stderr}"
    return BuiltSite(out / "html", warnings_file.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    """Serve the built site over HTTP on a free loopback port."""
    with serving(built_site.path) as url:
        yield url


@contextmanager
def serving_test_root(tmp_path_factory: pytest.TempPathFactory, name: str, *options: str) -> Iterator[str]:
    """Build ``tests/roots/test-<name>`` with the real runtime (and any ``-D`` options), serve it on
    loopback, and yield the URL of its index page."""
    from sphinx.cmd.build import build_main

    out = tmp_path_factory.mktemp(name)
    settings = [f"pyscript_node_modules={ROOT / 'node_modules'}", *options]
    arguments = ["-q", "-b", "html", *[part for setting in settings for part in ("-D", setting)]]
    assert build_main([*arguments, str(ROOT / "tests" / "roots" / f"test-{name}"), str(out)]) == 0
    with serving(out) as url:
        yield url + "index.html"


# --- Chromium through pytest-playwright ---------------------------------------


def require_chromium() -> str:
    """The system Chromium; a missing browser is a failure, never a skip."""
    path = chromium_path()
    if not path:
        pytest.fail("No Chromium found: run `make test` (it installs Debian's chromium) or set CHROMIUM=/path.")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium (never a Playwright download) with the closed-network flags."""
    return {**browser_type_launch_args, "executable_path": require_chromium(), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(site_url: str) -> str:
    """Relative ``page.goto()`` targets resolve against the served site."""
    return site_url


@dataclass
class PageGuard:
    """What a page did that an offline site must never do."""

    local_host: str
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        """No request left this machine, no script error, no missing local file."""
        assert self.external_requests == [], f"requests to other hosts: {self.external_requests}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"
        assert self.failed_requests == [], f"failed local requests: {self.failed_requests}"


@pytest.fixture
def guard(context: Any, page: Any, site_url: str) -> Iterator[PageGuard]:
    """Abort and record every request to another host; record console errors and 4xx/5xx."""
    guard = PageGuard(urlsplit(site_url).netloc)

    def route(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).netloc == guard.local_host or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            guard.external_requests.append(url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda msg: guard.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: guard.console_errors.append(str(exc)))
    page.on(
        "response",
        lambda response: (
            guard.failed_requests.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    yield guard


def start_print(page: Any, form: str) -> None:
    """Press a form's "Print or save as PDF" (the dialog stubbed out) and show the page as printed."""
    page.evaluate("() => { window.print = () => {}; }")
    page.locator(f'{form} button[data-action="print"]').click()
    page.emulate_media(media="print")


def wait_live(page: Any, *forms: str, timeout: int = 20000) -> None:
    """Wait until each form's scoring engine is live (``data-ready="true"``)."""
    from playwright.sync_api import expect

    for form in forms:
        expect(page.locator(form)).to_have_attribute("data-ready", "true", timeout=timeout)


def open_live(page: Any, url: str, *forms: str, guard: PageGuard | None = None) -> Any:
    """Go to a page and wait until each of the given forms is live; the page.

    With ``guard``, the page's host (a test root served on its own port) counts as local.
    """
    if guard is not None:
        guard.local_host = urlsplit(url).netloc
    page.goto(url)
    wait_live(page, *forms)
    return page


def rate(page: Any, form: str, item: str, likelihood: str, impact: str) -> None:
    """Rate one item of a rating questionnaire on both parts."""
    page.locator(f'{form} input[name="{item}.likelihood"][value="{likelihood}"]').check()
    page.locator(f'{form} input[name="{item}.impact"][value="{impact}"]').check()


# --- the fault corpora, counted ----------------------------------------------------------------


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say how large the hostile-input and broken-definition corpora are, per instrument."""
    import yaml
    from broken_definitions import breaks
    from hostile import cases
    from report_samples import INSTRUMENTS, spec_of

    hostile = []
    broken = []
    for name in INSTRUMENTS:
        hostile.append(f"{name} {len(cases(spec_of(name)))}")
        data = yaml.safe_load((ROOT / "content" / "questionnaires" / f"{name}.yaml").read_text(encoding="utf-8"))
        broken.append(f"{name} {len(breaks(data))}")
    terminalreporter.write_sep("-", "fault corpora")
    terminalreporter.write_line("hostile answer files (tests/hostile.py): " + ", ".join(hostile))
    terminalreporter.write_line("broken definitions (tests/broken_definitions.py): " + ", ".join(broken))
