"""Browser controller (MicroPython in PyScript): wire each form's DOM events to the pure engine.

Every decision lives in the ``engine`` package, which pytest imports as ``questionnaire.engine``:
``form`` reads and writes controls, ``scoring`` scores, ``bind`` says what the result changes,
``store`` keeps answers in this browser, ``answers`` checks files, ``report`` writes reports.
This module only touches the DOM. A failure is logged to the console and shown to the reader.
"""

import binascii
import json

from engine import answers as answers_file
from engine import bind, dates, form, report, scoring, store, suggest, verify
from engine import spec as specs
from pyscript import document, window
from pyscript.ffi import create_proxy, to_js

_proxies: list = []  # event-handler proxies, kept alive for the page's lifetime


def _now_iso() -> str:
    return str(window.Date.new().toISOString())


def _today() -> str:
    """Today's date on this device, ``YYYY-MM-DD`` (local time, as the reader's calendar says)."""
    now = window.Date.new()
    return "%04d-%02d-%02d" % (int(now.getFullYear()), int(now.getMonth()) + 1, int(now.getDate()))


def _moment() -> dict:
    """Now on this device's clock, as ``dates.readable`` takes it."""
    now = window.Date.new()
    return {
        "year": int(now.getFullYear()),
        "month": int(now.getMonth()) + 1,
        "day": int(now.getDate()),
        "hour": int(now.getHours()),
        "minute": int(now.getMinutes()),
        "offset": -int(now.getTimezoneOffset()),
    }


class FileSource:
    """A browser file's bytes as the engine's zipper reads them: only the parts asked for cross
    into MicroPython (as hex text), so a large document never has to fit its heap."""

    def __init__(self, buffer) -> None:  # an ArrayBuffer
        self.buffer = buffer
        self.size = int(buffer.byteLength)

    def read(self, offset: int, length: int) -> bytes:
        return binascii.unhexlify(str(window.aitkDom.sliceHex(self.buffer, offset, length)))

    def text(self):  # str, or None when the file is not UTF-8
        found = window.aitkDom.text(self.buffer)
        return None if found is None else str(found)


def build(tree: dict):  # -> a DOM element
    """A DOM element from an engine element tree (``engine/tree.py``), built by watchdog.js in one call."""
    return window.aitkDom.build(json.dumps(tree))


def _as_control(found: list) -> dict:  # [name, type, value, checked] from aitkDom -> a snapshot
    return {"name": found[0], "type": found[1], "value": found[2], "checked": found[3]}


def _control(element) -> dict:  # the form control that changed -> its snapshot
    return _as_control(json.loads(str(window.aitkDom.snapshot(element))))


class BrowserStorage:
    """watchdog.js's storage wrapper as the engine's store expects it (``list_keys`` as a list)."""

    def __init__(self, wrapper) -> None:  # window.aitkStorage
        self.wrapper = wrapper

    def get(self, key: str):  # text, None (nothing stored) or False (storage unavailable)
        return self.wrapper.get(key)

    def set(self, key: str, text: str) -> bool:
        return bool(self.wrapper.set(key, text))

    def remove(self, key: str) -> bool:
        return bool(self.wrapper.remove(key))

    def list_keys(self) -> list:
        return json.loads(str(self.wrapper.listKeys()))


def _clear(element) -> None:  # a DOM element
    while element.firstChild:
        element.removeChild(element.firstChild)


def _fill(chooser, choices: list, chosen: str) -> None:  # a <select>
    """Append an option per ``[value, label]`` and select ``chosen``."""
    for value, label in choices:
        option = document.createElement("option")
        option.value = value
        option.textContent = label
        chooser.appendChild(option)
    chooser.value = chosen


def _download(name: str, content, mime: str) -> None:  # content: text, or bytes
    if isinstance(content, bytes):
        # Bytes cross to JavaScript as hex text: native on both sides, where a Python bytes
        # object would cross as a proxy and a list of numbers one number at a time.
        content = window.aitkDom.fromHex(binascii.hexlify(content).decode())
    blob = window.Blob.new(to_js([content]), to_js({"type": mime}))
    url = window.URL.createObjectURL(blob)
    link = document.createElement("a")
    link.setAttribute("href", url)
    link.setAttribute("download", name)
    document.body.appendChild(link)
    link.click()
    link.remove()
    window.setTimeout(create_proxy(lambda: window.URL.revokeObjectURL(url)), 1000)


#: The file types of the report documents.
DOCUMENT_MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


class Questionnaire:
    """One live form; each form has its own, so forms on a page never share state."""

    def __init__(self, element) -> None:  # a DOM element
        self.form = element
        payload = json.loads(element.querySelector("script.questionnaire-spec").textContent)
        self.spec = payload["spec"]
        self.strings = payload["strings"]
        # window.aitkStorage is defined by watchdog.js, a classic script that runs while the page
        # is parsed, before any module script such as PyScript's core.js.
        self.storage = BrowserStorage(window.aitkStorage)
        self.records = store.Records(self.spec, self.storage, self.strings)
        self.storage_told = False
        # What the comparison views compare with: None, or {"source", "label", "result"};
        # the last file compared with stays on offer in the list.
        self.previous: dict | None = None
        self.compared_file: dict | None = None
        # The answers on screen, kept up to date one change at a time (form.change), so an answer
        # costs one control's read, not the whole form's.
        self.known = specs.controls(self.spec)
        self.answers: dict = {}
        self.notes: dict = {}
        # What each result element was last given (selector -> update): only changes are applied.
        self.applied: dict = {}
        # The way to the site's root from this page ("../"), and this form's address from the root
        # ("risk-assessment/index.html#q-risk"): links between pages, and where proposals came from.
        self.root = str(document.documentElement.getAttribute("data-content_root") or "")
        root_path = str(window.URL.new(self.root or "./", window.location.href).pathname)
        here = str(window.location.pathname)
        self.page = (here[len(root_path) :] if here.startswith(root_path) else here) + "#" + str(self.form.id)
        self.headline_ids = [q["id"] for _s, q in specs.questions(self.spec) if q.get("headline")]
        self.imports_drawn: dict | None = None
        self.writing = False

    # --- small helpers --------------------------------------------------------
    def find(self, selector: str):  # a DOM element or None
        return self.form.querySelector(selector)

    def say(self, role: str, text: str) -> None:
        self.find('[data-role="' + role + '"]').textContent = text

    def on(self, target, event: str, handler) -> None:
        """Listen to ``event``; an exception in the handler is reported, never swallowed."""

        def guarded(evt) -> None:
            try:
                handler(evt)
            except Exception as error:  # reported to the reader and the console
                self.report_failure(error)

        proxy = create_proxy(guarded)
        _proxies.append(proxy)
        target.addEventListener(event, proxy)

    def report_failure(self, error: Exception) -> None:
        message = type(error).__name__ + ": " + str(error)
        window.console.error("questionnaire " + self.spec["id"] + ": " + message)
        self.say("status", self.strings["status.error"].format(error=message))

    # --- controls ---------------------------------------------------------------
    def controls(self, filled_only: bool) -> list:
        """Snapshots of the form's controls, in document order (only those holding something)."""
        return [_as_control(found) for found in json.loads(str(window.aitkDom.controls(self.form, filled_only)))]

    def read(self) -> tuple:
        """The whole form's answers and notes (only the controls holding something cross over)."""
        self.answers, self.notes = form.read(self.spec, self.controls(True))
        return self.answers, self.notes

    def write(self, answers: dict, notes: dict) -> None:
        """Put answers on screen. Events the writing itself fires are ignored: removing a row whose
        box has the focus fires its "change", which would otherwise be taken as the reader's answer
        and kept, over the answers being written, in the record now shown."""
        self.writing = True
        try:
            for question_id, count in form.row_counts(self.spec, answers):
                self.draw_rows(question_id, count)
            states = form.states(self.spec, answers, notes, self.controls(False))
            window.aitkDom.write(self.form, json.dumps(states))
        finally:
            self.writing = False
        self.answers, self.notes = answers, notes

    # --- results ------------------------------------------------------------------
    def show(self, updates: list) -> None:
        """Apply the updates that differ from what their elements were last given, in one call."""
        changed = []
        for update in updates:
            if self.applied.get(update["selector"]) != update:
                self.applied[update["selector"]] = update
                changed.append(update)
        if changed:
            window.aitkDom.apply(self.form, json.dumps(changed))

    def score(self, answers: dict) -> dict:
        """The result for these answers, judged against today's date on this device."""
        return scoring.score(self.spec, answers, {"today": _today()})

    def rescore(self, store_it: bool = True, control: dict | None = None) -> tuple:
        """Score and show the answers: the whole form read again, or one ``control`` that changed."""
        started = window.performance.now()
        if control is None:
            answers, notes = self.read()
        else:
            answers, notes = form.change(self.spec, self.answers, self.notes, control, self.known)
            self.answers, self.notes = answers, notes
        result = self.score(answers)
        previous = self.previous["result"] if self.previous else None
        self.show(bind.updates(self.spec, result, self.strings, previous, self.root))
        # User Timing entries: scripts/benchmark.py reads them; they cost nothing otherwise.
        window.performance.measure("aitk:rescore:" + self.spec["id"], to_js({"start": started}))
        if store_it:
            self.keep(answers, notes, result)
        # The offers mark records of the same system: drawn again when the whole form was read
        # (start, another record, a file) or a headline answer (the system's name) changed.
        if control is None or control["name"] in self.headline_ids:
            self.draw_imports()
        return answers, notes, result

    # --- storage and records ------------------------------------------------------
    def keep(self, answers: dict, notes: dict, result: dict) -> None:
        summary = store.summary(self.spec, result, self.strings, answers, self.page)
        if self.records.save(answers, notes, _now_iso(), summary):
            self.say("storage", self.strings["storage.saved"].format(time=window.Date.new().toLocaleTimeString()))
        elif not self.storage_told:
            self.storage_told = True
            self.say("storage", self.strings["storage.unavailable"])

    def show_record(self, stored: dict) -> None:
        """Put one record's stored answers on screen; stored answers that cannot be read are reported."""
        if stored["state"] == "corrupt":
            window.console.error(
                "questionnaire " + self.spec["id"] + ": stored answers refused: " + str(stored["errors"])
            )
            self.say("storage", self.strings["storage.corrupt"])
        self.write(stored["answers"], stored["notes"])
        self.draw_records()

    def restore(self, early: tuple) -> bool:
        """Open the records and show the current one, unless the reader has already begun.

        ``early`` is ``(answers, notes)`` given before the engine started. They are never
        overwritten: they stay on screen, in the current record if it was empty, else in a new
        one (the reader is told where the saved answers are). True when they need saving.
        """
        opened = self.records.open(_now_iso())
        adopted = self.records.adopt(early[0], early[1], _now_iso())
        if adopted["action"] == "new-record":
            self.draw_records()
            values = {"record": adopted["record"]["name"], "earlier": adopted["earlier"]["name"]}
            # "message", not "storage": saving these answers rewrites the storage line at once.
            self.say("message", self.strings["records.early"].format(**values))
            return True
        if adopted["action"] == "kept":
            self.draw_records()
            return True
        stored = self.records.read()
        if stored["answers"] or stored["notes"] or stored["state"] == "corrupt":
            self.show_record(stored)
        else:
            self.draw_records()  # an empty record on an untouched form: nothing to write
        if opened["state"] == "unavailable":
            self.storage_told = True
            self.say("storage", self.strings["storage.unavailable"])
        elif opened["state"] == "rebuilt":
            self.say("storage", self.strings["records.rebuilt"])
        elif opened["moved"] and stored["state"] == "ok":
            self.say("storage", self.strings["records.moved"].format(name=self.records.current()["name"]))
        elif stored["state"] == "ok" and (stored["answers"] or stored["notes"]):
            self.say("storage", self.strings["storage.restored"])
        return False

    def draw_records(self) -> None:
        chooser = self.find('[data-records="choose"]')
        _clear(chooser)
        current = self.records.current()
        _fill(chooser, [[entry["id"], entry["name"]] for entry in self.records.records()], current["id"])
        self.find('[data-records="name"]').value = current["name"]
        self.draw_compare()

    def on_records_change(self, target) -> None:  # the record list or the name box
        role = target.getAttribute("data-records")
        if role == "choose":
            entry = self.records.switch(target.value)
            if entry is None:
                return
            self.show_record(self.records.read())
            self.rescore(False)
            self.say("message", self.strings["records.switched"].format(name=entry["name"]))
        elif role == "name":
            entry = self.records.rename(self.records.current()["id"], target.value)
            self.draw_records()
            if entry is None:
                self.say("message", self.strings["records.name.blank"])
            else:
                self.say("message", self.strings["records.renamed"].format(name=entry["name"]))

    def new_record(self) -> None:
        entry = self.records.create("", _now_iso())
        self.show_record(self.records.read())
        self.rescore(False)
        self.say("message", self.strings["records.created"].format(name=entry["name"]))
        self.find('[data-records="name"]').focus()

    def delete_record(self) -> None:
        entry = self.records.current()
        if not window.confirm(self.strings["records.delete.confirm"].format(name=entry["name"])):
            return
        self.records.delete(entry["id"], _now_iso())
        self.show_record(self.records.read())
        self.rescore(False)
        self.say("message", self.strings["records.deleted"].format(name=entry["name"]))
        self.find('[data-records="choose"]').focus()

    # --- comparison -----------------------------------------------------------------
    def draw_compare(self) -> None:
        """The records one can compare with: every other record, and the file chosen, if any."""
        chooser = self.find('[data-compare="choose"]')
        if not chooser:
            return
        current = self.records.current()["id"]
        if self.previous and self.previous["source"] == current:
            self.previous = None  # a record is never compared with itself
        chosen = self.previous["source"] if self.previous else ""
        while chooser.options.length > 1:
            chooser.remove(1)
        choices = [[entry["id"], entry["name"]] for entry in self.records.records() if entry["id"] != current]
        if self.compared_file:
            choices.append(["file", self.compared_file["label"]])
        _fill(chooser, choices, chosen)

    def compare_with_record(self, record_id: str) -> None:
        if not record_id:
            self.previous = None
        elif record_id == "file":
            self.previous = self.compared_file
        else:
            stored = self.records.read(record_id)
            entry = self.records.find(record_id)
            if stored["state"] != "ok" or entry is None:
                self.previous = None
                self.say("message", self.strings["storage.corrupt"])
            else:
                result = self.score(stored["answers"])
                self.previous = {"source": record_id, "label": entry["name"], "result": result}
                self.say("message", self.strings["compare.record"].format(name=entry["name"]))
        self.draw_compare()
        self.rescore(False)

    def compare_with_text(self, name: str, text: str) -> None:
        """Compare with a saved file's answers: read and scored, never put on screen."""
        checked = self.check_text(name, text)
        if checked is None:
            return
        result = self.score(checked["answers"])
        label = self.strings["compare.file.option"].format(name=name)
        self.compared_file = {"source": "file", "label": label, "result": result}
        self.previous = self.compared_file
        self.draw_compare()
        self.rescore(False)
        self.say("message", self.strings["compare.loaded"].format(name=name))

    # --- answers offered from other questionnaires' records ---------------------------
    def draw_suggestions(self) -> None:
        for question in suggest.questions(self.spec):
            # Read from the browser's storage itself, even when this form's records fell back to memory.
            index = store.read_index(self.storage, question["suggest"]["questionnaire"])
            found = suggest.offers(question, index, self.strings)
            box = self.find('[data-suggest="' + question["id"] + '"]')
            _clear(box)
            if found:
                box.appendChild(build(suggest.tree(question, found, self.strings)))
            box.hidden = not found

    def use_suggestion(self, target) -> None:  # the button
        question_id = target.getAttribute("data-question")
        answers, notes = self.read()
        answers[question_id] = target.getAttribute("data-option")
        notes[question_id] = target.getAttribute("data-note")
        self.write(answers, notes)
        self.rescore()
        self.say("message", target.getAttribute("data-note"))

    # --- actions proposed by other questionnaires' records ---------------------------
    def draw_imports(self) -> None:
        """Offer each saved record of the questionnaires this form's tables import from."""
        box = self.find('[data-role="import-offers"]')
        if not box:
            return
        # Imported here: only a form whose tables import compiles the module at start-up.
        from engine import proposals

        indexes = {}
        for questionnaire in proposals.sources(self.spec):
            indexes[questionnaire] = store.read_index(self.storage, questionnaire)
        headlines = report.headlines(self.spec, self.answers)
        drawn = proposals.tree(proposals.offers(self.spec, indexes, headlines, self.strings), self.strings)
        # Drawn again only when it changed: a button replaced under the pointer loses its click
        # (leaving the system's name box fires "change" as the button is pressed).
        if drawn == self.imports_drawn:
            return
        self.imports_drawn = drawn
        _clear(box)
        box.appendChild(build(drawn))

    def import_proposals(self, target) -> None:  # the button
        from engine import proposals

        questionnaire = target.getAttribute("data-questionnaire")
        record = target.getAttribute("data-record")
        entry = proposals.entry_of(store.read_index(self.storage, questionnaire), record)
        if entry is None:
            self.say("message", self.strings["import.gone"])
            self.draw_imports()
            return
        chooser = self.find('[data-import="target"]')
        question_id = chooser.value
        answers, notes = self.read()
        merged = proposals.merge(self.spec, answers, question_id, proposals.proposals_of(entry))
        self.write(merged["answers"], notes)
        self.rescore()
        said = self.strings["import.done"].format(
            added=merged["added"], name=entry.get("name", ""), target=chooser.options.item(chooser.selectedIndex).text
        )
        if merged["skipped"]:
            said += " " + self.strings["import.skipped"].format(skipped=merged["skipped"])
        if merged["full"]:
            said += " " + self.strings["import.full"].format(full=merged["full"])
        self.say("message", said)

    # --- tables ---------------------------------------------------------------------
    def draw_rows(self, question_id: str, count: int) -> None:
        """Give a table exactly ``count`` rows, each drawn from the engine's row tree."""
        box = self.find('[data-rows="' + question_id + '"]')
        question = specs.question(self.spec, question_id)
        if box.children.length != count:
            self.applied = {}  # new rows have none of the attributes given before
        while box.children.length > count:
            box.removeChild(box.lastElementChild)
        while box.children.length < count:
            row = form.table_row(question, box.children.length, self.form.id, self.strings)
            box.appendChild(build(row))

    def add_row(self, question_id: str) -> None:
        answers, _notes = self.read()
        grown = form.with_row(self.spec, answers, question_id)
        if grown is None:
            limit = specs.max_rows(specs.question(self.spec, question_id))
            self.say("message", self.strings["table.full"].format(max=limit))
            return
        count = len(grown[question_id])
        self.draw_rows(question_id, count)
        self.rescore()
        self.find(form.row_selector(question_id, count - 1)).querySelector("input, select").focus()

    def remove_row(self, question_id: str, index: int) -> None:
        answers, notes = self.read()
        self.write(form.without_row(answers, question_id, index), notes)
        self.rescore()
        self.say("message", self.strings["table.removed"].format(n=index + 1))
        self.find('[data-action="add-row"][data-question="' + question_id + '"]').focus()

    # --- files ----------------------------------------------------------------------
    def refuse(self, name: str, errors: list) -> None:
        self.say("message", report.refusal_text(self.strings, name, errors))

    def check_text(self, name: str, text: str) -> dict | None:
        """A file's checked answers, or None after telling the reader why it was refused."""
        parsed = answers_file.parse(text)
        if not parsed["ok"]:
            self.refuse(name, parsed["errors"])
            return None
        checked = answers_file.check_file(self.spec, parsed["data"])
        if not checked["ok"]:
            self.refuse(name, checked["errors"])
            return None
        return checked

    def load_text(self, name: str, text: str) -> None:
        checked = self.check_text(name, text)
        if checked is None:
            return
        on_screen, on_screen_notes = self.read()
        if on_screen or on_screen_notes:
            # The answers on screen stay in their record; the file's answers get a record of their own.
            current = self.records.current()["name"]
            entry = self.records.create(checked["record"] or "", _now_iso(), checked["answers"], checked["notes"])
            self.show_record(self.records.read())
            self.rescore(False)
            values = {"name": name, "record": entry["name"], "current": current}
            self.say("message", self.strings["file.loaded_new_record"].format(**values))
            return
        if checked["record"]:
            self.records.rename(self.records.current()["id"], checked["record"])
        self.write(checked["answers"], checked["notes"])
        self.draw_records()
        self.rescore()
        if checked["migrated_from"]:
            values = {"name": name, "from": checked["migrated_from"], "to": self.spec["version"]}
            self.say("message", self.strings["file.loaded_migrated"].format(**values))
        else:
            self.say("message", self.strings["file.loaded"].format(name=name))

    def on_load(self, event) -> None:
        self.read_file(event.target, self.load_text)

    def on_compare_file(self, event) -> None:
        self.read_file(event.target, self.compare_with_text)

    def read_file(self, picker, then) -> None:  # a file input, and what to do with (name, text)
        chosen = picker.files.item(0) if picker.files.length else None
        if not chosen:
            return
        name = chosen.name
        too_large = answers_file.check_size(chosen.size, answers_file.MAX_DOCUMENT_BYTES)
        picker.value = ""
        if too_large:
            self.refuse(name, [too_large])
            return

        def loaded(buffer) -> None:  # an ArrayBuffer
            try:
                found = answers_file.read_source(FileSource(buffer))
                if found["ok"]:
                    then(name, found["text"])
                else:
                    self.refuse(name, found["errors"])
            except Exception as error:  # reported to the reader and the console
                self.report_failure(error)

        chosen.arrayBuffer().then(create_proxy(loaded))

    # --- buttons --------------------------------------------------------------------
    def on_action(self, event) -> None:
        target = event.target.closest("[data-action]")
        if not target or target.tagName != "BUTTON":
            return
        action = target.getAttribute("data-action")
        if action == "add-row":
            self.add_row(target.getAttribute("data-question"))
            return
        if action == "remove-row":
            self.remove_row(target.getAttribute("data-question"), int(target.getAttribute("data-index")))
            return
        if action == "new-record":
            self.new_record()
            return
        if action == "use-suggestion":
            self.use_suggestion(target)
            return
        if action == "import-proposals":
            self.import_proposals(target)
            return
        if action == "delete-record":
            self.delete_record()
            return
        spec, strings = self.spec, self.strings
        answers, notes, result = self.rescore(False)
        saved_at = _now_iso()
        stamp = saved_at[:10]
        readable = dates.readable(_moment(), strings)
        record = self.records.current()["name"]
        base = spec["id"] + "-" + (store.slug(record) + "-" if store.slug(record) else "")
        if action == "save":
            name = base + "answers-" + stamp + ".json"
            data = answers_file.make_file(spec, answers, notes, result, saved_at, record)
            _download(name, json.dumps(data), "application/json")
            self.say("message", strings["file.saved"].format(name=name))
        elif action == "markdown":
            text = report.to_markdown(spec, answers, notes, result, strings, readable, self.previous, record)
            _download(base + "report-" + stamp + ".md", text, "text/markdown")
        elif action in DOCUMENT_MIME:
            data = report.to_document(
                action, spec, answers, notes, result, strings, readable, saved_at, self.previous, record
            )
            name = base + "report-" + stamp + "." + action
            _download(name, data, DOCUMENT_MIME[action])
            self.say("message", strings["file.document"].format(name=name))
        elif action == "csv":
            text = report.to_csv(spec, answers, notes, result, strings, record)
            _download(base + "answers-" + stamp + ".csv", text, "text/csv")
        elif action == "plan-csv":
            text = report.to_plan_csv(spec, answers, result, strings)
            _download(base + "action-plan-" + stamp + ".csv", text, "text/csv")
        elif action == "print":
            self.print_view()
        elif action == "clear" and window.confirm(strings["clear.confirm"].format(title=spec["title"])):
            self.write({}, {})
            self.rescore()
            self.say("message", strings["clear.done"])

    def on_change(self, event) -> None:
        if self.writing:
            return
        if event.target.hasAttribute("data-records"):
            self.on_records_change(event.target)
        elif event.target.hasAttribute("data-compare"):
            self.compare_with_record(event.target.value)
        elif event.target.hasAttribute("name"):
            self.rescore(True, _control(event.target))

    def on_input(self, event) -> None:
        # Typed text is kept as it is typed; choices, dates and boxes are kept on "change".
        if self.writing:
            return
        target = event.target
        if target.hasAttribute("name") and (target.tagName == "TEXTAREA" or target.getAttribute("type") == "text"):
            self.rescore(True, _control(target))

    def print_view(self) -> None:
        strings = self.strings
        header = self.form.closest(".questionnaire").querySelector('[data-print-header="' + str(self.form.id) + '"]')
        record = self.records.current()["name"]
        code = verify.of_spec(self.spec, record, self.answers, self.notes)
        header.querySelector('[data-role="print-record"]').textContent = strings["report.record"] + ": " + record
        header.querySelector('[data-role="print-date"]').textContent = (
            strings["report.date"] + ": " + dates.readable(_moment(), strings)
        )
        header.querySelector('[data-role="print-code"]').textContent = strings["report.code"] + ": " + code
        # Print this questionnaire alone (questionnaire.css hides the rest of the page),
        # with every note that has text shown open.
        notes = self.form.querySelectorAll("details textarea")
        for i in range(notes.length):
            note = notes.item(i)
            note.closest("details").open = bool(note.value)
        # A printed report explains its result: "why this result" is printed open.
        self.find(".result-why-box").open = True
        document.body.setAttribute("data-printing-questionnaire", "true")
        self.form.closest(".questionnaire").setAttribute("data-printing", "true")
        window.print()

    def end_print(self) -> None:
        document.body.removeAttribute("data-printing-questionnaire")
        self.form.closest(".questionnaire").removeAttribute("data-printing")

    # --- start ----------------------------------------------------------------------
    def start(self) -> None:
        # Whatever the reader entered while the engine was loading is read first and kept.
        given = self.restore(self.read())
        self.draw_suggestions()
        self.rescore(given)
        self.on(self.form, "change", self.on_change)
        self.on(self.form, "input", self.on_input)
        self.on(self.form, "submit", lambda event: event.preventDefault())
        self.on(self.form, "click", self.on_action)
        # PyScript's `window` proxy cannot be the `this` of addEventListener; the document's view can.
        self.on(document.defaultView, "afterprint", lambda event: self.end_print())
        self.on(self.find('input[data-action="load"]'), "change", self.on_load)
        comparing = self.find('input[data-action="compare-file"]')
        if comparing:
            self.on(comparing, "change", self.on_compare_file)
            self.find('[data-role="compare-controls"]').hidden = False
        self.find(".questionnaire-actions").hidden = False
        self.find('[data-role="records"]').hidden = False
        imports = self.find('[data-role="imports"]')
        if imports:
            imports.hidden = False
        adders = self.form.querySelectorAll('[data-action="add-row"]')
        for i in range(adders.length):
            adders.item(i).hidden = False
        self.say("status", self.strings["status.ready"])
        self.form.setAttribute("data-ready", "true")
        window.performance.mark("aitk:ready:" + self.spec["id"])


class Checker:
    """One "check a report" panel: a file in, what its answers give out (``engine/check.py``)."""

    def __init__(self, element) -> None:  # the panel's DOM element
        self.panel = element
        payload = json.loads(element.querySelector("script.questionnaire-spec").textContent)
        self.specs = payload["specs"]
        self.strings = payload["strings"]

    def find(self, selector: str):  # a DOM element or None
        return self.panel.querySelector(selector)

    def on_file(self, event) -> None:
        picker = event.target
        chosen = picker.files.item(0) if picker.files.length else None
        if not chosen:
            return
        name = chosen.name
        picker.value = ""
        too_large = answers_file.check_size(chosen.size, answers_file.MAX_DOCUMENT_BYTES)
        if too_large:
            self.refuse(name, [too_large])
            return

        def loaded(buffer) -> None:  # an ArrayBuffer
            try:
                self.show(name, FileSource(buffer))
            except Exception as error:  # reported to the reader and the console
                window.console.error("check: " + type(error).__name__ + ": " + str(error))
                self.find('[data-role="message"]').textContent = self.strings["status.error"].format(error=error)

        chosen.arrayBuffer().then(create_proxy(loaded))

    def refuse(self, name: str, errors: list) -> None:
        # A refused file leaves what was shown before: the reader may still be comparing it.
        self.find('[data-role="message"]').textContent = report.refusal_text(
            self.strings, name, errors, "file.refused.check"
        )

    def show(self, name: str, source: FileSource) -> None:
        from engine import check

        found = answers_file.read_source(source)
        if not found["ok"]:
            self.refuse(name, found["errors"])
            return
        parsed = answers_file.parse(found["text"])
        if not parsed["ok"]:
            self.refuse(name, parsed["errors"])
            return
        checked = check.check(self.specs, parsed["data"], _today(), self.strings)
        if not checked["ok"]:
            self.refuse(name, checked["errors"])
            return
        rows = self.find('[data-role="check-rows"]')
        _clear(rows)
        rows.appendChild(build(check.rows_tree(checked["rows"])))
        box = self.find('[data-role="check-result"]')
        box.setAttribute("data-code", checked["code"])
        box.setAttribute("data-level", checked["level"])
        box.setAttribute("data-questionnaire", checked["questionnaire"])
        box.hidden = False
        self.find('[data-role="message"]').textContent = self.strings["check.done"].format(name=name)

    def start(self) -> None:
        proxy = create_proxy(self.on_file)
        _proxies.append(proxy)
        self.find('input[data-action="check"]').addEventListener("change", proxy)
        self.find('[data-role="check-controls"]').hidden = False
        self.find('[data-role="status"]').textContent = ""
        self.panel.setAttribute("data-ready", "true")


def _start(element, kind) -> None:  # a form or panel, and its class
    """Start one form or panel; one that fails is marked and says so, and stops nothing else."""
    try:
        kind(element).start()
    except Exception as error:  # reported to the reader and the console
        window.console.error("questionnaire: start-up failed: " + type(error).__name__ + ": " + str(error))
        element.setAttribute("data-ready", "failed")
        status = element.querySelector('[data-role="status"]')
        if status:
            status.textContent = status.getAttribute("data-failed")
        # Scoring on paper needs the rules: a page that keeps them elsewhere shows them now.
        box = element.closest(".questionnaire")
        rules = box.querySelector(".questionnaire-how-fallback") if box else None
        if rules:
            rules.hidden = False


def main() -> None:
    """Start every questionnaire and check panel on the page, each on its own."""
    forms = document.querySelectorAll("form[data-questionnaire]")
    for i in range(forms.length):
        _start(forms.item(i), Questionnaire)
    panels = document.querySelectorAll("[data-questionnaire-check]")
    for i in range(panels.length):
        _start(panels.item(i), Checker)


main()
