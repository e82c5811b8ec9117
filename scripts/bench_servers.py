"""Where the benchmark loads pages from, besides the built site itself: a Pyodide copy of it, and nginx.

Both exist only for the length of a benchmark run, in temporary directories. Nothing here changes
the built site or what the Sphinx build ships: Pyodide is an npm devDependency that only this
comparison uses.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

#: The files PyScript's Pyodide loader fetches for a page without packages (seen in the request log;
#: ``pyodide-lock.json`` is fetched even when no package is loaded).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")

# How @pyscript/core names the Pyodide release it loads by default: `type:"pyodide",module:(e="314.0.2")`.
# The variable name is the minifier's, so it is not part of the pattern.
_CORE_PYODIDE_PIN = re.compile(r'type:"pyodide",module:\(\w+="([^"]+)"\)')
# A start tag whose quoted attribute values may hold any character but their own quote.
_TAG = r"""(?:[^>"']|"[^"]*"|'[^']*')*>"""
_SCRIPT = re.compile(r"<script\b" + _TAG)
_LINK = re.compile(r"<link\b" + _TAG)
_CONFIG = re.compile(r'\sconfig="([^"]*)"')

#: The hosting guide's nginx configuration (docs/hosting.md explains it).
HOSTING_GUIDE = Path(__file__).resolve().parent.parent / "docs" / "hosting" / "nginx-ai-toolkit.conf"


def nginx_gzip_types(guide: Path = HOSTING_GUIDE) -> str:
    """The ``gzip_types`` of the guide's nginx configuration: the benchmark compresses what operators do."""
    found = re.search(r"^\s*gzip_types\s+([^;]+);", guide.read_text(encoding="utf-8"), re.MULTILINE)
    if found is None:
        raise RuntimeError(f"{guide}: the nginx configuration has no gzip_types line")
    return " ".join(found.group(1).split())


# --- Pyodide --------------------------------------------------------------------------------------


def pyscript_pyodide_pin(node_modules: Path) -> str:
    """The Pyodide version the installed @pyscript/core loads by default (read from its core chunk)."""
    found = {
        match
        for chunk in sorted((node_modules / "@pyscript" / "core" / "dist").glob("core-*.js"))
        for match in _CORE_PYODIDE_PIN.findall(chunk.read_text(encoding="utf-8"))
    }
    if len(found) != 1:
        raise RuntimeError(f"expected one Pyodide version in @pyscript/core's core chunk, found {sorted(found)}")
    return found.pop()


def installed_pyodide(node_modules: Path) -> str | None:
    """The version of the npm package ``pyodide`` in ``node_modules``, or None when it is missing."""
    manifest = node_modules / "pyodide" / "package.json"
    if not manifest.is_file():
        return None
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])


def to_pyodide_tag(tag: str, interpreter: str) -> str:
    """One ``<script type="mpy">`` start tag as ``type="py"`` with ``interpreter`` in its JSON config.

    Every other attribute, and every other key of the config, is kept as it was.
    """
    found = _CONFIG.search(tag)
    config = json.loads(html.unescape(found.group(1))) if found else {}
    config["interpreter"] = interpreter
    value = html.escape(json.dumps(config), quote=True)
    tag = tag[: found.start(1)] + value + tag[found.end(1) :] if found else tag[:-1] + f' config="{value}">'
    return tag.replace('type="mpy"', 'type="py"', 1)


def to_pyodide_page(text: str, page: str) -> str:
    """A questionnaire page's HTML rewritten to start Pyodide instead of MicroPython.

    ``page`` is the page's path inside the site (``risk-assessment/index.html``): PyScript resolves
    the interpreter URL against the page, so it gets the same relative prefix as the page's other
    ``_static`` URLs. Links to MicroPython files (preloads) are dropped, and the page's
    ``<py-config>`` (plugins off for the other interpreter type) becomes ``<mpy-config>``: left
    as it is, it would be the py script's config and send Pyodide to its default CDN. Nothing
    else changes.
    """
    interpreter = "../" * page.count("/") + "_static/pyodide/pyodide.mjs"

    def script(match: re.Match[str]) -> str:
        tag = match.group(0)
        return to_pyodide_tag(tag, interpreter) if 'type="mpy"' in tag else tag

    def link(match: re.Match[str]) -> str:
        href = re.search(r'\shref="([^"]*)"', match.group(0))
        return "" if href and "/micropython/" in href.group(1) else match.group(0)

    rewritten = _LINK.sub(link, _SCRIPT.sub(script, text))
    rewritten = rewritten.replace("<py-config>", "<mpy-config>").replace("</py-config>", "</mpy-config>")
    if 'type="py"' not in rewritten:
        raise RuntimeError(f'{page}: no <script type="mpy"> to rewrite for Pyodide')
    return rewritten


@contextlib.contextmanager
def pyodide_site(site: Path, pages: list[str], node_modules: Path) -> Iterator[Path]:
    """A temporary copy of ``site`` whose questionnaire ``pages`` run under Pyodide.

    A copy, so the built site (which may be the one being published) is never touched.
    """
    source = node_modules / "pyodide"
    with tempfile.TemporaryDirectory(prefix="aitk-bench-pyodide-") as temp:
        copy = Path(temp) / "html"
        shutil.copytree(site, copy)
        runtime = copy / "_static" / "pyodide"
        runtime.mkdir(parents=True)
        for name in PYODIDE_FILES:
            shutil.copy2(source / name, runtime / name)
        for page in pages:
            path = copy / page
            path.write_text(to_pyodide_page(path.read_text(encoding="utf-8"), page), encoding="utf-8")
        yield copy


# --- nginx --------------------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _mime_types(nginx: str) -> Path:
    """The mime.types beside the nginx binary's compiled-in configuration file."""
    built = subprocess.run([nginx, "-V"], capture_output=True, text=True, check=False).stderr
    conf = re.search(r"--conf-path=(\S+)", built)
    return Path(conf.group(1)).parent / "mime.types" if conf else Path("/etc/nginx/mime.types")


def nginx_config(site: Path, prefix: Path, port: int, mime_types: Path) -> str:
    """An nginx configuration that serves ``site`` on loopback as docs/hosting.md does (types, gzip).

    Every file nginx writes (pid, logs, temporary bodies) goes under ``prefix``. As root the workers
    run as root too, so they can read a site in a private temporary directory.
    """
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp_paths = "".join(
        f"    {kind}_temp_path {prefix / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        f"    include {mime_types};\n"
        "    types { text/javascript mjs; }\n"
        "    gzip on;\n"
        f"    gzip_types {nginx_gzip_types()};\n"
        f"    access_log {prefix / 'access.log'};\n"
        f"{temp_paths}"
        "    server {\n"
        f"        listen 127.0.0.1:{port};\n"
        f"        root {site};\n"
        "        index index.html;\n"
        "    }\n"
        "}\n"
    )


def wait_for_port(process: subprocess.Popen[bytes], port: int, log: Path, timeout: float = 10.0) -> None:
    """Return once ``process`` listens on ``port``; raise with its ``log`` if it exits or never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited ({process.returncode}): {log.read_text(errors='replace')}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.05)
    raise RuntimeError(f"the server did not listen on port {port} within {timeout} s")


@contextlib.contextmanager
def running(command: list[str], port: int, log: Path, timeout: float = 10.0) -> Iterator[None]:
    """Run a server in the foreground while the block runs, once it listens on ``port``; stop it after."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(process, port, log, timeout)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def nginx_serving(site: Path, nginx: str) -> Iterator[str]:
    """Serve ``site`` with the ``nginx`` executable in the foreground; yield its base URL (ending in /)."""
    with tempfile.TemporaryDirectory(prefix="aitk-bench-nginx-") as temp:
        prefix = Path(temp)
        port = free_port()
        conf = prefix / "nginx.conf"
        conf.write_text(nginx_config(site.resolve(), prefix, port, _mime_types(nginx)), encoding="utf-8")
        # -e: the error log before the configuration is read, which would otherwise go to the system's.
        command = [nginx, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
        with running(command, port, prefix / "error.log"):
            yield f"http://127.0.0.1:{port}/"


def nginx_version(nginx: str) -> str:
    """``nginx/1.22.1``: what ``nginx -v`` prints, without its label."""
    said = subprocess.run([nginx, "-v"], capture_output=True, text=True, check=False).stderr.strip()
    return said.removeprefix("nginx version: ")
