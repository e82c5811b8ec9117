"""The engine's UI strings: one catalogue per language, English first."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LOCALES = Path(__file__).parent / "locales"


@cache
def catalogue(language: str = "en") -> dict[str, str]:
    """All strings for ``language``, falling back to English for missing keys."""
    strings = json.loads((LOCALES / "en.json").read_text(encoding="utf-8"))
    localized = LOCALES / f"{language}.json"
    if language != "en" and localized.is_file():
        strings.update(json.loads(localized.read_text(encoding="utf-8")))
    return strings


def text(key: str, language: str = "en", **values: object) -> str:
    """One string with ``{placeholders}`` filled in."""
    return catalogue(language)[key].format(**values)
