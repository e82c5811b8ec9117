"""Every real definition, broken in 30-odd ways (tests/broken_definitions.py): each break fails with
one located error naming the file, a line and column inside it, and the field."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from broken_definitions import Break, breaks, dump
from conftest import ROOT
from questionnaire.errors import DefinitionError
from questionnaire.model import load_definition
from report_samples import INSTRUMENTS

LOCATED = re.compile(r"^questionnaires/(?P<id>[a-z-]+)\.yaml:(?P<line>\d+):(?P<column>\d+): (?P<path>.+?): \S")


def _definition(name: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / "content" / "questionnaires" / f"{name}.yaml").read_text(encoding="utf-8"))


def corpus() -> list[tuple[str, Break]]:
    """``(instrument, break)`` for every break of every instrument."""
    return [(name, found) for name in INSTRUMENTS for found in breaks(_definition(name))]


def _broken_text(name: str, found: Break) -> str:
    changed = found.change(_definition(name))
    return changed if isinstance(changed, str) else dump(changed)


@pytest.mark.parametrize(("name", "found"), corpus(), ids=[f"{n}-{b.name}" for n, b in corpus()])
def test_a_broken_definition_fails_with_an_error_located_in_the_file(tmp_path: Path, name: str, found: Break) -> None:
    text = _broken_text(name, found)
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DefinitionError) as raised:
        load_definition(path, f"questionnaires/{name}.yaml")
    error = raised.value
    located = LOCATED.match(str(error))
    assert located, str(error)
    assert located["id"] == name
    assert tuple(error.path[: len(found.path)]) == found.path, str(error)
    lines = text.splitlines()
    assert 1 <= error.line <= len(lines) + 1 and error.column >= 1, str(error)
    assert located["line"] == str(error.line)


def test_every_instrument_has_at_least_25_broken_definitions() -> None:
    counts = {name: len(breaks(_definition(name))) for name in INSTRUMENTS}
    assert all(count >= 25 for count in counts.values()), counts


def test_a_broken_real_definition_fails_the_sphinx_build(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-q-duplicate-option", src)
    unknown = next(b for b in breaks(_definition("risk")) if b.name == "unknown-question-type")
    (src / "q.yaml").write_text(_broken_text("risk", unknown), encoding="utf-8")
    warnings = StringIO()
    app = make_app("html", srcdir=src, warning=warnings)
    app.build()
    errors = [line for line in warnings.getvalue().splitlines() if "ERROR" in line]
    assert len(errors) == 1, warnings.getvalue()
    assert re.search(r"q\.yaml:\d+:\d+: sections\[0\]\.questions\[0\]\.type: ", errors[0]), errors[0]
    assert app.statuscode == 1
