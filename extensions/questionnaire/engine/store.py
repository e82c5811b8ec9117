"""Answers kept in the browser's storage between visits: the key, and what is written and read back.

The glue passes a storage object with ``get(key)`` (text, None when empty, False when storage is
unavailable), ``set(key, text)`` and ``remove(key)`` (True on success); tests pass a dict-backed one.
"""

import json

from . import answers as answers_file

PREFIX = "aitk:questionnaire:"


def key(spec: dict) -> str:
    """Where one questionnaire's answers are kept."""
    return PREFIX + spec["id"] + "@" + spec["version"]


def pack(answers: dict, notes: dict, saved_at: str) -> str:
    """The stored text."""
    return json.dumps({"answers": answers, "notes": notes, "saved_at": saved_at})


def unpack(spec: dict, stored: object) -> dict:
    """Read stored text back: ``{"state", "answers", "notes", "errors"}``.

    ``state`` is ``empty`` (nothing stored), ``unavailable`` (storage blocked), ``ok``, or
    ``corrupt`` (the text cannot be read or no longer fits the questionnaire).
    """
    if stored is False:
        return _state("unavailable")
    if stored is None or stored == "":
        return _state("empty")
    try:
        data = json.loads(str(stored))
    except ValueError:
        return _state("corrupt", [{"code": "not-json", "detail": {}}])
    if not isinstance(data, dict):
        return _state("corrupt", [{"code": "not-an-object", "detail": {}}])
    answers, notes = data.get("answers", {}), data.get("notes", {})
    if not isinstance(answers, dict) or not isinstance(notes, dict):
        return _state("corrupt", [{"code": "wrong-type", "detail": {"field": "answers", "expected": "object"}}])
    saved = answers_file.make_file(spec, answers, notes, None, str(data.get("saved_at", "")))
    checked = answers_file.check_file(spec, saved)
    if not checked["ok"]:
        return _state("corrupt", checked["errors"])
    out = _state("ok")
    out["answers"] = checked["answers"]
    out["notes"] = checked["notes"]
    return out


def _state(state: str, errors: list | None = None) -> dict:
    return {"state": state, "answers": {}, "notes": {}, "errors": errors or []}
