"""Reading answers from a form's controls and writing them back, free of the DOM.

The browser glue turns each named control into a snapshot ``{"name", "type", "value",
"checked"}`` (``type`` is the input's type, or ``textarea``) and applies the states this module
returns; everything that decides what a control means lives here, tested in CPython.
"""

from . import spec as specs


def read(spec: dict, snapshot: list) -> tuple:
    """``(answers, notes)`` from the controls' snapshot; empty texts and unknown names are left out."""
    controls = specs.controls(spec)
    answers: dict = {}
    notes: dict = {}
    for control in snapshot:
        name = control["name"]
        note = specs.note_key(name)
        if note is not None:
            if control["value"]:
                notes[note] = control["value"]
            continue
        known = controls.get(name)
        if known is None:
            continue
        kind = known["kind"]
        if kind == "text":
            if control["value"]:
                answers[name] = control["value"]
        elif kind == "multiple":
            if control["checked"]:
                answers.setdefault(name, []).append(control["value"])
        elif control["checked"]:
            answers[name] = control["value"]
    return answers, notes


def states(spec: dict, answers: dict, notes: dict, snapshot: list) -> list:
    """For each control of the snapshot, in order: ``{"value": text}`` or ``{"checked": bool}``."""
    controls = specs.controls(spec)
    out = []
    for control in snapshot:
        name = control["name"]
        note = specs.note_key(name)
        known = controls.get(name)
        if note is not None:
            out.append({"value": notes.get(note, "")})
        elif known is not None and known["kind"] == "text":
            out.append({"value": answers.get(name, "")})
        elif known is not None and known["kind"] == "multiple":
            chosen = answers.get(name) or []
            out.append({"checked": control["value"] in chosen})
        else:
            out.append({"checked": answers.get(name) == control["value"]})
    return out
