"""scripts/check_offline.py catches every way a page could load from another host."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_offline import main, scan_site
from conftest import BuiltSite


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "text", "url"),
    [
        (
            "cdn-script.html",
            '<script src="https://cdn.example.org/lib.js"></script>',
            "https://cdn.example.org/lib.js",
        ),
        (
            "protocol-relative.html",
            '<script src="//cdn.example.org/x.js"></script>',
            "//cdn.example.org/x.js",
        ),
        (
            "stylesheet.html",
            '<link rel="stylesheet" href="https://fonts.example.com/css">',
            "https://fonts.example.com/css",
        ),
        (
            "icon.html",
            '<link rel="icon" href="http://example.net/favicon.ico">',
            "http://example.net/favicon.ico",
        ),
        (
            "preload.html",
            '<link rel="preload" as="font" href="https://f.example/a.woff2">',
            "https://f.example/a.woff2",
        ),
        ("image.html", '<img alt="" src="https://img.example/a.png">', "https://img.example/a.png"),
        (
            "srcset.html",
            '<img alt="" src="a.png" srcset="https://img.example/b.png 2x">',
            "https://img.example/b.png",
        ),
        (
            "iframe.html",
            '<iframe title="x" src="https://video.example/embed"></iframe>',
            "https://video.example/embed",
        ),
        (
            "inline-style.html",
            "<style>@font-face{src:url(https://f.example/a.woff2)}</style>",
            "https://f.example/a.woff2",
        ),
        (
            "style-attr.html",
            "<div style=\"background:url('https://i.example/bg.png')\"></div>",
            "https://i.example/bg.png",
        ),
        (
            "inline-js.html",
            '<script>fetch("https://api.example/track")</script>',
            "https://api.example/track",
        ),
        (
            "pyscript.html",
            '<script type="mpy" config=\'{"interpreter": "https://cdn.example/mp.mjs"}\'></script>',
            "https://cdn.example/mp.mjs",
        ),
        (
            "font.css",
            "@font-face { src: url('https://fonts.example/x.woff2'); }",
            "https://fonts.example/x.woff2",
        ),
        (
            "import.css",
            '@import "https://fonts.example/css2?family=X";',
            "https://fonts.example/css2?family=X",
        ),
        ("ours.js", 'const u = "https://analytics.example/collect";', "https://analytics.example/collect"),
        (
            "pic.svg",
            '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://i.example/p.png"/></svg>',
            "https://i.example/p.png",
        ),
    ],
)
def test_external_load_is_caught(tmp_path: Path, name: str, text: str, url: str) -> None:
    findings = scan_site(_site(tmp_path, {name: text}))
    assert [(f.path, f.url) for f in findings] == [(name, url)]


def test_hyperlinks_data_urls_namespaces_and_comments_are_allowed(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "page.html": '<a href="https://unicri.it/">official page</a><img alt="" src="data:image/png;base64,AA">'
            '<svg xmlns="http://www.w3.org/2000/svg"></svg><link rel="stylesheet" href="_static/site.css">',
            "_static/site.css": "a { background: "
            "url(\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>\"); }",
            "_static/ours.js": "// see https://developer.mozilla.org/ for details\n/* https://x.example */\n"
            'document.createElementNS("http://www.w3.org/2000/svg", "g");',
            "_static/pyscript/core.js": 'const cdn = "https://cdn.example/fallback.mjs";',
        },
    )
    assert scan_site(site) == []


def test_command_fails_on_external_script_and_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, {"index.html": '<html><body>\n<script src="https://cdn.example/x.js"></script>'})
    assert main([str(site)]) == 1
    assert "index.html:2: <script src> loads https://cdn.example/x.js" in capsys.readouterr().out


def test_built_site_loads_nothing_from_other_hosts(built_site: BuiltSite) -> None:
    assert [str(f) for f in scan_site(built_site.path)] == []
