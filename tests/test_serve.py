"""scripts/serve.py: the local server sends the MIME types module scripts and WebAssembly need."""

from __future__ import annotations

import urllib.request

import pytest
from conftest import BuiltSite
from serve import main, serving


@pytest.mark.parametrize(
    ("path", "mime"),
    [
        ("index.html", "text/html"),
        ("_static/micropython/micropython.mjs", "text/javascript"),
        ("_static/micropython/micropython.wasm", "application/wasm"),
        ("_static/pyscript/core.js", "text/javascript"),
    ],
)
def test_served_types(built_site: BuiltSite, path: str, mime: str) -> None:
    with serving(built_site.path) as base, urllib.request.urlopen(base + path) as response:
        assert response.headers.get_content_type() == mime


def test_refuses_a_folder_without_a_built_site(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == 1
    assert "run `make html` first" in capsys.readouterr().err
