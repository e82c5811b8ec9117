"""engine/verify.py: a short code that follows every answer, note, the record and the version."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from typing import Any

import pytest
from questionnaire.engine import verify
from report_samples import INSTRUMENTS, sample_answers, spec_of

CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$")


def _independent(questionnaire: str, version: str, record: str, answers: dict[str, Any], notes: dict[str, str]) -> str:
    """The documented rule written again with CPython's own tools."""
    text = json.dumps(
        {"questionnaire": questionnaire, "version": version, "record": record, "answers": answers, "notes": notes},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    bits = int.from_bytes(hashlib.sha256(text.encode()).digest()[:7], "big") >> 6
    chars = "".join(verify.ALPHABET[(bits >> shift) & 31] for shift in range(45, -1, -5))
    return chars[:5] + "-" + chars[5:]


@pytest.mark.parametrize("name", INSTRUMENTS)
def test_the_code_follows_the_documented_rule(name: str) -> None:
    spec = spec_of(name)
    answers, notes = sample_answers(spec)
    code = verify.of_spec(spec, "North “pilot”\n", answers, notes)
    assert CODE.match(code)
    assert code == _independent(spec["id"], spec["version"], "North “pilot”\n", answers, notes)


def test_the_canonical_text_is_json_with_sorted_keys_and_escaped_controls() -> None:
    value = {"b": [1, True, None, 'x"\\\n\x01é'], "a": {"z": False}}
    assert verify.canonical(value) == '{"a":{"z":false},"b":[1,true,null,"x\\"\\\\\\n\\u0001é"]}'
    assert json.loads(verify.canonical(value)) == value
    with pytest.raises(TypeError):
        verify.canonical(1.5)


@pytest.mark.parametrize("name", INSTRUMENTS)
def test_the_code_changes_when_any_answer_note_record_or_version_changes(name: str) -> None:
    spec = spec_of(name)
    answers, notes = sample_answers(spec)
    base = verify.of_spec(spec, "R", answers, notes)
    seen = {base}
    for key in sorted(answers):
        changed = copy.deepcopy(answers)
        value = changed[key]
        if isinstance(value, str):
            changed[key] = value + "x"
        elif value and isinstance(value[0], dict):
            changed[key] = value[:-1]
        else:
            changed[key] = value[:-1]
        seen.add(verify.of_spec(spec, "R", changed, notes))
        dropped = {k: v for k, v in answers.items() if k != key}
        seen.add(verify.of_spec(spec, "R", dropped, notes))
    for key in sorted(notes):
        seen.add(verify.of_spec(spec, "R", answers, {**notes, key: notes[key] + "."}))
    seen.add(verify.of_spec(spec, "R2", answers, notes))
    seen.add(verify.of_spec({**spec, "version": spec["version"] + ".1"}, "R", answers, notes))
    expected = 1 + 2 * len(answers) + len(notes) + 2
    assert len(seen) == expected


def test_the_code_does_not_depend_on_key_order() -> None:
    spec = spec_of("applicability")
    one = {"core-functions": "yes", "other-rights-effects": "no"}
    other = dict(reversed(list(one.items())))
    assert verify.of_spec(spec, "", one, {}) == verify.of_spec(spec, "", other, {})
