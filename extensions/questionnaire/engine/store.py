"""Answers kept in this browser between visits, as named records.

A record is one set of answers to one questionnaire: an AI system's risk assessment, or the
agency's readiness review of a given year. The reader creates, renames, switches between and
deletes records; each is kept on its own, so switching never mixes answers.

Keys (see docs/questionnaires.md):

- ``aitk:records:<questionnaire>``: the index ``{"current", "next", "records": [{"id", "name",
  "updated"}]}``;
- ``aitk:record:<questionnaire>:<record id>``: one record ``{"name", "version", "answers",
  "notes", "saved_at"}``. The version lets answers saved before an upgrade be migrated like a
  file.
- ``aitk:questionnaire:<questionnaire>@<version>``: where engine 2 and earlier kept the one set of
  answers; :meth:`Records.open` moves it into a first record.

The glue passes a storage object with ``get(key)`` (text, None when empty, False when storage is
unavailable), ``set(key, text)`` and ``remove(key)`` (True on success) and ``list_keys()`` (a list
of texts); tests pass a dict-backed one. When storage is blocked or full, records live in memory
for the rest of the visit and the reader is told.
"""

import json

from . import answers as answers_file
from . import spec as specs

INDEX_PREFIX = "aitk:records:"
RECORD_PREFIX = "aitk:record:"
LEGACY_PREFIX = "aitk:questionnaire:"
MAX_NAME = answers_file.MAX_NAME


class MemoryStorage:
    """A storage object kept in memory: the fallback when the browser's storage refuses."""

    def __init__(self) -> None:
        self.items: dict = {}

    def get(self, key: str) -> object:
        return self.items.get(key)

    def set(self, key: str, text: str) -> bool:
        self.items[key] = text
        return True

    def remove(self, key: str) -> bool:
        self.items.pop(key, None)
        return True

    def list_keys(self) -> list:
        return sorted(self.items)


def index_key(spec: dict) -> str:
    """Where the list of a questionnaire's records is kept."""
    return INDEX_PREFIX + spec["id"]


def record_key(spec: dict, record_id: str) -> str:
    """Where one record's answers are kept."""
    return RECORD_PREFIX + spec["id"] + ":" + record_id


def clean_name(name: object) -> str:
    """A record name as kept: spaces collapsed, at most MAX_NAME characters ('' when there is none)."""
    if not isinstance(name, str):
        return ""
    return " ".join(name.split())[:MAX_NAME]


def pack(spec: dict, name: str, answers: dict, notes: dict, saved_at: str) -> str:
    """The stored text of one record."""
    data = {"name": name, "version": spec["version"], "answers": answers, "notes": notes, "saved_at": saved_at}
    return json.dumps(data)


def unpack(spec: dict, stored: object) -> dict:
    """Read one stored record back: ``{"state", "answers", "notes", "errors"}``.

    ``state`` is ``empty`` (nothing stored), ``unavailable`` (storage blocked), ``ok``, or
    ``corrupt`` (the text cannot be read or no longer fits the questionnaire). Answers stored
    under an older version are migrated as a file would be.
    """
    if stored is False:
        return _state("unavailable")
    if stored is None or stored == "":
        return _state("empty")
    parsed = answers_file.parse(str(stored))
    if not parsed["ok"]:
        return _state("corrupt", parsed["errors"])
    data = parsed["data"]
    if not isinstance(data, dict):
        return _state("corrupt", [{"code": "not-an-object", "detail": {}}])
    answers, notes = data.get("answers", {}), data.get("notes", {})
    if not isinstance(answers, dict) or not isinstance(notes, dict):
        return _state("corrupt", [{"code": "wrong-type", "detail": {"field": "answers", "expected": "object"}}])
    saved = answers_file.make_file(spec, answers, notes, None, str(data.get("saved_at", "")))
    saved["questionnaire"]["version"] = data.get("version", spec["version"])
    checked = answers_file.check_file(spec, saved)
    if not checked["ok"]:
        return _state("corrupt", checked["errors"])
    out = _state("ok")
    out["answers"] = checked["answers"]
    out["notes"] = checked["notes"]
    return out


def _state(state: str, errors: list | None = None) -> dict:
    return {"state": state, "answers": {}, "notes": {}, "errors": errors or []}


def summary(spec: dict, result: dict, strings: dict, answers: dict | None = None, page: str = "") -> dict:
    """A result in a few words, kept in the index for other pages to offer.

    ``{"level", "label"}`` ("High (16.00)"), plus, with ``answers``, the questionnaire's title,
    its headline answers (``[label, answer]``, such as the system's name) and, with ``page``
    (this form's address from the site's root and its id, ``risk-assessment/index.html#q-risk``),
    the actions the result proposes (``proposals.placed``).
    """
    level = result["level"]
    out = {"level": level, "label": specs.level_text(spec, level, result.get("score"), strings)}
    if answers is not None:
        # Imported here: a visit that only shows restored answers never keeps a summary, and
        # proposals.py is sent only to pages whose questionnaires propose (assets.OPTIONAL_MODULES).
        from . import report

        out["title"] = spec["title"]
        out["headlines"] = [[label, text] for label, text in report.headlines(spec, answers) if text]
        if page and specs.proposes(spec):
            from . import proposals

            out["proposals"] = proposals.placed(proposals.of_result(spec, result, strings), page)
    return out


def read_index(storage, questionnaire_id: str) -> dict | None:  # storage: as for Records
    """Another questionnaire's list of records in the same storage, or None when there is none readable."""
    stored = storage.get(INDEX_PREFIX + questionnaire_id)
    if not isinstance(stored, str) or not stored:
        return None
    data = answers_file.parse(stored)["data"]
    return data if _valid_index(data) else None


def _valid_index(data: object) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("records"), list) or not data["records"]:
        return False
    for entry in data["records"]:
        if not isinstance(entry, dict):
            return False
        if not isinstance(entry.get("id"), str) or not isinstance(entry.get("name"), str):
            return False
    ids = [entry["id"] for entry in data["records"]]
    return data.get("current") in ids and isinstance(data.get("next"), int)


class Records:
    """One questionnaire's records in one storage; every change is written at once."""

    def __init__(self, spec: dict, storage, strings: dict) -> None:  # storage: a JS object or a MemoryStorage
        self.spec = spec
        self.storage = storage
        self.strings = strings
        self.available = True
        self.index: dict = {"current": "", "next": 1, "records": []}

    # --- writing, with the memory fallback ---------------------------------------------------
    def _set(self, key: str, text: str) -> bool:
        """Write; when storage refuses, move everything to memory and write there."""
        if self.storage.set(key, text):
            return True
        self._fall_back()
        self.storage.set(key, text)
        return False

    def _fall_back(self) -> None:
        if not self.available:
            return
        memory = MemoryStorage()
        for entry in self.index["records"]:
            stored = self.storage.get(record_key(self.spec, entry["id"]))
            if isinstance(stored, str):
                memory.set(record_key(self.spec, entry["id"]), stored)
        self.storage = memory
        self.available = False
        self._write_index()

    def _write_index(self) -> bool:
        return self._set(index_key(self.spec), json.dumps(self.index))

    # --- opening ------------------------------------------------------------------------
    def open(self, now: str) -> dict:
        """Read the index, or make one: ``{"state", "moved"}``.

        ``state`` is ``ok``, ``unavailable`` (records kept in memory for this visit) or
        ``rebuilt`` (the index was unreadable and was made again from the records found).
        ``moved`` is True when answers saved by engine 2 became the first record.
        """
        stored = self.storage.get(index_key(self.spec))
        if stored is False:
            self._fall_back()
            self._create(self.strings["records.first"], now, {}, {})
            return {"state": "unavailable", "moved": False}
        if isinstance(stored, str) and stored:
            data = answers_file.parse(stored)["data"]
            if _valid_index(data):
                self.index = data
                return {"state": "ok", "moved": False}
            self._rebuild(now)
            return {"state": "rebuilt", "moved": False}
        moved = self._move_legacy(now)
        if not moved:
            self._create(self.strings["records.first"], now, {}, {})
        return {"state": "ok" if self.available else "unavailable", "moved": moved}

    def _keys(self, prefix: str) -> list:
        return sorted(key for key in self.storage.list_keys() if isinstance(key, str) and key.startswith(prefix))

    def _move_legacy(self, now: str) -> bool:
        """Answers saved by engine 2 (under any version) become a first record, then the old key goes."""
        found = self._keys(LEGACY_PREFIX + self.spec["id"] + "@")
        usable = [key for key in found if answers_file.parse_version(key.rpartition("@")[2]) is not None]
        if not usable:
            return False
        newest = usable[0]
        for key in usable[1:]:
            if answers_file.compare_versions(key.rpartition("@")[2], newest.rpartition("@")[2]) > 0:
                newest = key
        raw = str(self.storage.get(newest))
        data = answers_file.parse(raw)["data"]
        self._create(self.strings["records.first"], now, {}, {})
        key = record_key(self.spec, self.index["current"])
        if not isinstance(data, dict):
            # Unreadable: copied as it is, so that reading the record tells the reader; the old key stays.
            self._set(key, raw)
            return True
        data["version"] = newest.rpartition("@")[2]
        data["name"] = self.strings["records.first"]
        if self._set(key, json.dumps(data)):
            for old in usable:
                self.storage.remove(old)
        return True

    def _rebuild(self, now: str) -> None:
        prefix = RECORD_PREFIX + self.spec["id"] + ":"
        records = []
        highest = 0
        for key in self._keys(prefix):
            record_id = key[len(prefix) :]
            try:
                data = json.loads(str(self.storage.get(key)))
            except ValueError:
                data = {}
            name = clean_name(data.get("name")) if isinstance(data, dict) else ""
            records.append({"id": record_id, "name": name or record_id, "updated": now})
            if record_id[1:] and all(char in "0123456789" for char in record_id[1:]):
                highest = max(highest, int(record_id[1:]))
        if not records:
            self.index = {"current": "", "next": 1, "records": []}
            self._create(self.strings["records.first"], now, {}, {})
            return
        self.index = {"current": records[0]["id"], "next": highest + 1, "records": records}
        self._write_index()

    # --- the records --------------------------------------------------------------------
    def records(self) -> list:
        """Every record ``{"id", "name", "updated"}``, in the order they were made."""
        return list(self.index["records"])

    def current(self) -> dict:
        """The record on screen."""
        return self.find(self.index["current"]) or self.index["records"][0]

    def find(self, record_id: str) -> dict | None:
        """The record with this id, or None."""
        for entry in self.index["records"]:
            if entry["id"] == record_id:
                return entry
        return None

    def read(self, record_id: str | None = None) -> dict:
        """One record's answers (the current one by default), as :func:`unpack` gives them."""
        return unpack(self.spec, self.storage.get(record_key(self.spec, record_id or self.index["current"])))

    def save(self, answers: dict, notes: dict, now: str, summary: dict | None = None) -> bool:
        """Keep the current record's answers; False when they are kept in memory only (for this visit).

        ``summary`` (``{"level", "label"}``: the result in a few words) is kept in the index, where
        other questionnaires can read it without this one's definition (see ``suggest.py``).
        """
        entry = self.current()
        entry["updated"] = now
        if summary is not None:
            entry["summary"] = summary
        text = pack(self.spec, entry["name"], answers, notes, now)
        kept = self._set(record_key(self.spec, entry["id"]), text)
        return self._write_index() and kept and self.available

    def _create(self, name: str, now: str, answers: dict, notes: dict) -> dict:
        number = self.index["next"]
        self.index["next"] = number + 1
        entry = {"id": "r" + str(number), "name": clean_name(name) or self.untitled(number), "updated": now}
        record_id = entry["id"]
        self.index["records"].append(entry)
        self.index["current"] = record_id
        self._set(record_key(self.spec, record_id), pack(self.spec, entry["name"], answers, notes, now))
        self._write_index()
        return entry

    def adopt(self, answers: dict, notes: dict, now: str) -> dict:
        """Take the answers a reader gave before the engine started: they always win.

        Returns ``{"action", "record", "earlier"}``. ``action`` is ``none`` (nothing was given:
        show the stored record), ``kept`` (the current record was empty or held the same answers:
        they become its answers once saved), or ``new-record``: the current record holds other
        answers (or ones that cannot be read), so the new answers get a record of their own,
        made current, and ``earlier`` names the record left as it was.
        """
        if not answers and not notes:
            return {"action": "none", "record": self.current(), "earlier": None}
        stored = self.read()
        same = stored["answers"] == answers and stored["notes"] == notes
        empty = not stored["answers"] and not stored["notes"]
        if stored["state"] != "corrupt" and (same or empty):
            return {"action": "kept", "record": self.current(), "earlier": None}
        earlier = self.current()
        return {"action": "new-record", "record": self._create("", now, answers, notes), "earlier": earlier}

    def untitled(self, number: int) -> str:
        """The name of a record the reader did not name: "Record <n>"."""
        return self.strings["records.untitled"].format(n=number)

    def create(self, name: str, now: str, answers: dict | None = None, notes: dict | None = None) -> dict:
        """A new record, made current; empty unless answers are given (a loaded file)."""
        return self._create(name, now, answers or {}, notes or {})

    def rename(self, record_id: str, name: str) -> dict | None:
        """Give a record a new name (blank names are refused: None)."""
        entry = self.find(record_id)
        cleaned = clean_name(name)
        if entry is None or not cleaned:
            return None
        entry["name"] = cleaned
        stored = self.read(record_id)
        text = pack(self.spec, cleaned, stored["answers"], stored["notes"], entry["updated"])
        self._set(record_key(self.spec, record_id), text)
        self._write_index()
        return entry

    def switch(self, record_id: str) -> dict | None:
        """Make another record current; None when there is no such record."""
        entry = self.find(record_id)
        if entry is None:
            return None
        self.index["current"] = record_id
        self._write_index()
        return entry

    def delete(self, record_id: str, now: str) -> dict:
        """Delete a record and its answers; the first remaining one (or a new, empty one) becomes current."""
        self.index["records"] = [entry for entry in self.index["records"] if entry["id"] != record_id]
        self.storage.remove(record_key(self.spec, record_id))
        if not self.index["records"]:
            return self._create("", now, {}, {})
        if self.index["current"] == record_id:
            self.index["current"] = self.index["records"][0]["id"]
        self._write_index()
        return self.current()


def slug(name: str) -> str:
    """A record name made safe for a file name: lowercase ASCII letters, digits and hyphens."""
    out = []
    for char in name.lower():
        if char in "abcdefghijklmnopqrstuvwxyz0123456789":
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")[:60].strip("-")
