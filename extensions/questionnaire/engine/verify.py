"""The verification code a report carries: a short fingerprint of the answers it was made from.

The code is the SHA-256 of a canonical text of the questionnaire id and version, the record name,
every answer and every note, cut to 50 bits and written as ten characters of Crockford's base 32
in two groups (``7KQ2M-XW4TB``): no I, L, O or U, so it can be read aloud and typed back. It shows
that a report matches a set of answers; it says nothing about who gave them.

The canonical text is JSON with keys sorted, no spaces and only ``"``, ``\\`` and control
characters escaped (what ``json.dumps(value, sort_keys=True, separators=(",", ":"),
ensure_ascii=False)`` writes), made here because MicroPython's ``json`` has no ``sort_keys``.
"""

import hashlib

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
_HEX = "0123456789abcdef"
#: The short escapes JSON has, as CPython's json.dumps writes them.
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _string(text: str) -> str:
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"' or char == "\\":
            out.append("\\" + char)
        elif char in _SHORT:
            out.append(_SHORT[char])
        elif code < 0x20:
            out.append("\\u00" + _HEX[code >> 4] + _HEX[code & 15])
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def canonical(value: object) -> str:
    """``value`` (dicts, lists, strings, whole numbers, booleans, None) as canonical JSON text."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value)
        return "{" + ",".join(_string(str(key)) + ":" + canonical(value[key]) for key in keys) + "}"
    # Answers are strings, lists and rows of strings; anything else has no canonical form here.
    raise TypeError("no canonical form for " + type(value).__name__)


def fingerprint(questionnaire: str, version: str, record: str, answers: dict, notes: dict) -> str:
    """The canonical text the code is computed from."""
    return canonical(
        {"questionnaire": questionnaire, "version": version, "record": record, "answers": answers, "notes": notes}
    )


def code(questionnaire: str, version: str, record: str, answers: dict, notes: dict) -> str:
    """The verification code of these answers: ``XXXXX-XXXXX``."""
    digest = hashlib.sha256(fingerprint(questionnaire, version, record, answers, notes).encode()).digest()
    number = 0
    for byte in digest[:7]:
        number = (number << 8) | byte
    number >>= 56 - 5 * LENGTH
    chars = []
    for _ in range(LENGTH):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    chars.reverse()
    return "".join(chars[:5]) + "-" + "".join(chars[5:])


def of_spec(spec: dict, record: str, answers: dict, notes: dict) -> str:
    """The code for answers to the questionnaire of ``spec``."""
    return code(spec["id"], spec["version"], record or "", answers, notes)
