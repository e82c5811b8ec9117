"""The hosting guide's nginx and Apache httpd configurations, run for real: the `make dist` package
served under /ai-toolkit/ by each server, every questionnaire page live in Chromium with no
Content-Security-Policy violation, no console error and the right headers.

The servers include the guide's files (docs/hosting/*-ai-toolkit.conf) unchanged; the wrapper
configuration written here supplies only what an operator's machine does: a port, the folder that
holds the site, the MIME table and, for Apache, the modules.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bench_servers import free_port, running
from conftest import ROOT, BuiltSite, PageGuard, open_live
from make_dist import build_dist
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

GUIDE = ROOT / "docs" / "hosting"
SUB_PATH = "ai-toolkit"
#: Every page that runs the engine, and what goes live on it.
PAGES = [
    ("overview/index.html", 'form[data-questionnaire="applicability"]', 'input[name="core-functions"][value="yes"]'),
    ("risk-assessment/index.html", 'form[data-questionnaire="risk"]', 'input[name="path"][value="procure"]'),
    ("readiness/index.html", 'form[data-questionnaire="readiness"]', 'input[name="executive-lead"][value="full"]'),
    ("workbook/index.html", 'form[data-questionnaire="workbook"]', 'input[name="path"][value="build"]'),
    ("check-report.html", "[data-questionnaire-check]", None),
]
#: What each kind of file must be sent as.
TYPES = {
    "index.html": "text/html",
    "_static/micropython/micropython.mjs": "text/javascript",
    "_static/micropython/micropython.wasm": "application/wasm",
    "_static/questionnaire/watchdog.js": ("text/javascript", "application/javascript"),
    "_static/questionnaire/questionnaire.css": "text/css",
}
#: Every CSP violation the page sees, gathered before any script of the page runs.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def _executable(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/local/sbin:/sbin")
    if not found:
        pytest.fail(f"No {name} found: run `make test` (it installs Debian's package when you are root).")
    return found


@pytest.fixture(scope="module")
def unpacked(built_site: BuiltSite) -> Iterator[Path]:
    """The `make dist` zip unpacked as an operator would, as <root>/ai-toolkit/; readable by any user
    (Apache's and nginx's workers may run as another user than the test)."""
    root = Path(tempfile.mkdtemp(prefix="aitk-www-"))
    try:
        zipped = build_dist(built_site.path, root / "dist")
        with zipfile.ZipFile(zipped) as archive:
            archive.extractall(root)
        (root / "ai-toolkit-site").rename(root / SUB_PATH)
        shutil.rmtree(root / "dist")
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def _running(command: list[str], port: int, log: Path) -> Iterator[str]:
    with running(command, port, log, timeout=15):
        yield f"http://127.0.0.1:{port}/{SUB_PATH}/"


def nginx_wrapper(root: Path, prefix: Path, port: int) -> str:
    """nginx's main configuration: an http block and a server on loopback including the guide's file."""
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "".join(
        f"    {kind}_temp_path {prefix / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\nevents {{ worker_connections 64; }}\n"
        f"http {{\n    access_log {prefix / 'access.log'};\n{temp}"
        f"    server {{\n        listen 127.0.0.1:{port};\n        root {root};\n"
        f"        include {GUIDE / 'nginx-ai-toolkit.conf'};\n    }}\n}}\n"
    )


# mod_unixd is built into Debian's apache2; the rest are what the guide's file and a document root need.
APACHE_MODULES = ("mpm_event", "authz_core", "mime", "dir", "headers", "filter", "deflate")


def apache_wrapper(root: Path, prefix: Path, port: int) -> str:
    """Apache's configuration: modules, a loopback listener and a document root including the guide's file."""
    modules = "".join(f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so\n" for name in APACHE_MODULES)
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    return (
        f"{modules}{user}ServerName 127.0.0.1\nListen 127.0.0.1:{port}\n"
        f"ServerRoot {prefix}\nDefaultRuntimeDir {prefix}\nPidFile {prefix / 'httpd.pid'}\n"
        f"ErrorLog {prefix / 'error.log'}\nTypesConfig /etc/mime.types\nDocumentRoot {root}\n"
        f"<Directory {root}>\n    Require all granted\n</Directory>\n"
        f"Include {GUIDE / 'apache-ai-toolkit.conf'}\n"
    )


@contextlib.contextmanager
def nginx_serving(root: Path) -> Iterator[str]:
    nginx = _executable("nginx")
    with tempfile.TemporaryDirectory(prefix="aitk-nginx-") as temp:
        prefix, port = Path(temp), free_port()
        conf = prefix / "nginx.conf"
        conf.write_text(nginx_wrapper(root, prefix, port), encoding="utf-8")
        command = [nginx, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
        with _running(command, port, prefix / "error.log") as url:
            yield url


@contextlib.contextmanager
def apache_serving(root: Path) -> Iterator[str]:
    apache = _executable("apache2")
    with tempfile.TemporaryDirectory(prefix="aitk-apache-") as temp:
        prefix, port = Path(temp), free_port()
        prefix.chmod(0o755)
        conf = prefix / "httpd.conf"
        conf.write_text(apache_wrapper(root, prefix, port), encoding="utf-8")
        check = subprocess.run([apache, "-t", "-f", str(conf)], capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stderr
        with _running([apache, "-f", str(conf), "-DFOREGROUND"], port, prefix / "error.log") as url:
            yield url


SERVERS = {"nginx": nginx_serving, "apache": apache_serving}


@pytest.fixture(scope="module", params=sorted(SERVERS))
def served(request: pytest.FixtureRequest, unpacked: Path) -> Iterator[str]:
    """The unpacked distribution served under /ai-toolkit/ by nginx, then by Apache httpd."""
    with SERVERS[request.param](unpacked) as url:
        yield url


def _head(url: str) -> Any:
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})) as response:
        return response.headers


def test_the_guides_headers_and_types_are_sent(served: str) -> None:
    policy = None
    for path, expected in TYPES.items():
        headers = _head(served + path)
        kind = headers["Content-Type"].split(";")[0].strip()
        assert kind in (expected if isinstance(expected, tuple) else (expected,)), (path, kind)
        assert headers["X-Content-Type-Options"] == "nosniff", path
        policy = policy or headers["Content-Security-Policy"]
        assert headers["Content-Security-Policy"] == policy, path
    assert policy and policy.startswith("default-src 'self'; script-src 'self' 'unsafe-eval'")
    assert _head(served + "index.html")["Cache-Control"] == "no-cache"
    assert "max-age=86400" in _head(served + "_static/questionnaire/watchdog.js")["Cache-Control"]
    # Compressed as the guide says: the engine's .py files and the runtime too.
    assert _head(served + "_static/questionnaire/engine/report.py").get("Content-Encoding") == "gzip"
    assert _head(served + "_static/micropython/micropython.wasm").get("Content-Encoding") == "gzip"


@pytest.mark.parametrize(("path", "selector", "answer"), PAGES, ids=[p[0].split("/")[0] for p in PAGES])
def test_every_questionnaire_page_runs_with_no_csp_violation_or_console_error(
    page: Any, guard: PageGuard, served: str, path: str, selector: str, answer: str | None
) -> None:
    page.add_init_script(CSP_WATCH)
    open_live(page, served + path, selector, guard=guard)
    if answer:
        page.locator(f"{selector} {answer}").check()
        expect(page.locator(f'{selector} [data-role="storage"]')).to_contain_text("Saved in this browser")
    assert page.evaluate("() => window.__cspViolations") == []
    guard.assert_clean()


def test_the_engines_python_files_are_plain_text_on_both_servers(served: str) -> None:
    headers = _head(served + "_static/questionnaire/engine/scoring.py")
    assert headers["Content-Type"].split(";")[0] == "text/plain"
