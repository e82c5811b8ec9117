"""Browser controller (MicroPython in PyScript): wire each form's DOM events to the pure engine.

Every decision lives in the ``engine`` package, which pytest imports as ``questionnaire.engine``:
``form`` reads and writes controls, ``scoring`` scores, ``bind`` says what the result changes,
``store`` keeps answers in this browser, ``answers`` checks files, ``report`` writes reports.
This module only touches the DOM. A failure is logged to the console and shown to the reader.
"""

import json

from engine import answers as answers_file
from engine import bind, form, report, scoring, store
from pyscript import document, window
from pyscript.ffi import create_proxy, to_js

_proxies: list = []  # event-handler proxies, kept alive for the page's lifetime


def _now_iso() -> str:
    return str(window.Date.new().toISOString())


def _clear(element) -> None:  # a DOM element
    while element.firstChild:
        element.removeChild(element.firstChild)


def _download(name: str, text: str, mime: str) -> None:
    blob = window.Blob.new(to_js([text]), to_js({"type": mime}))
    url = window.URL.createObjectURL(blob)
    link = document.createElement("a")
    link.setAttribute("href", url)
    link.setAttribute("download", name)
    document.body.appendChild(link)
    link.click()
    link.remove()
    window.setTimeout(create_proxy(lambda: window.URL.revokeObjectURL(url)), 1000)


class Questionnaire:
    """One live form; each form has its own, so forms on a page never share state."""

    def __init__(self, element) -> None:  # a DOM element
        self.form = element
        payload = json.loads(element.querySelector("script.questionnaire-spec").textContent)
        self.spec = payload["spec"]
        self.strings = payload["strings"]
        # Defined by watchdog.js, a classic script that runs while the page is parsed, before
        # any module script such as PyScript's core.js: always there when this code runs.
        self.storage = window.aitkStorage
        self.key = store.key(self.spec)
        self.storage_ok = True

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
    def elements(self) -> list:
        found = self.form.querySelectorAll("input[name], textarea[name]")
        return [found.item(i) for i in range(found.length)]

    def snapshot(self, elements: list) -> list:
        out = []
        for el in elements:
            kind = "textarea" if el.tagName == "TEXTAREA" else el.getAttribute("type")
            # Only boxes and radio buttons have `checked` (MicroPython raises for a missing property).
            checked = bool(el.checked) if kind in ("checkbox", "radio") else False
            out.append({"name": el.getAttribute("name"), "type": kind, "value": el.value, "checked": checked})
        return out

    def read(self) -> tuple:
        return form.read(self.spec, self.snapshot(self.elements()))

    def write(self, answers: dict, notes: dict) -> None:
        elements = self.elements()
        for el, state in zip(elements, form.states(self.spec, answers, notes, self.snapshot(elements))):
            if "value" in state:
                el.value = state["value"]
                box = el.closest("details")
                if box and state["value"]:
                    box.open = True
            else:
                el.checked = state["checked"]

    # --- results ------------------------------------------------------------------
    def apply(self, update: dict) -> None:
        found = self.form.querySelectorAll(update["selector"])
        for i in range(found.length):
            el = found.item(i)
            for name, value in update["attributes"]:
                el.setAttribute(name, value)
            for child, text in update["texts"]:
                target = el.querySelector(child) if child else el
                if target:
                    target.textContent = text
            if update["hidden"] is not None:
                el.hidden = update["hidden"]
            if update["lines"] is not None:
                _clear(el)
                listing = document.createElement("ul")
                for line in update["lines"]:
                    item = document.createElement("li")
                    item.textContent = line
                    listing.appendChild(item)
                el.appendChild(listing)

    def rescore(self, store_it: bool = True) -> tuple:
        started = window.performance.now()
        answers, notes = self.read()
        result = scoring.score(self.spec, answers)
        for update in bind.updates(self.spec, result, self.strings):
            self.apply(update)
        # User Timing entries: scripts/benchmark.py reads them; they cost nothing otherwise.
        window.performance.measure("aitk:rescore:" + self.spec["id"], to_js({"start": started}))
        if store_it:
            self.keep(answers, notes)
        return answers, notes, result

    # --- storage ------------------------------------------------------------------
    def keep(self, answers: dict, notes: dict) -> None:
        if not self.storage_ok:
            return
        if self.storage.set(self.key, store.pack(answers, notes, _now_iso())):
            self.say("storage", self.strings["storage.saved"].format(time=window.Date.new().toLocaleTimeString()))
        else:
            self.storage_ok = False
            self.say("storage", self.strings["storage.unavailable"])

    def restore(self) -> None:
        stored = store.unpack(self.spec, self.storage.get(self.key))
        state = stored["state"]
        if state == "unavailable":
            self.storage_ok = False
            self.say("storage", self.strings["storage.unavailable"])
        elif state == "corrupt":
            window.console.error(
                "questionnaire " + self.spec["id"] + ": stored answers refused: " + str(stored["errors"])
            )
            self.say("storage", self.strings["storage.corrupt"])
        elif state == "ok":
            self.write(stored["answers"], stored["notes"])
            self.say("storage", self.strings["storage.restored"])

    # --- files ----------------------------------------------------------------------
    def refuse(self, name: str, errors: list) -> None:
        self.say("message", report.refusal_text(self.strings, name, errors))

    def load_text(self, name: str, text: str) -> None:
        try:
            data = json.loads(text)
        except ValueError:
            self.refuse(name, [{"code": "not-json"}])
            return
        checked = answers_file.check_file(self.spec, data)
        if not checked["ok"]:
            self.refuse(name, checked["errors"])
            return
        self.write(checked["answers"], checked["notes"])
        self.rescore()
        if checked["migrated_from"]:
            values = {"name": name, "from": checked["migrated_from"], "to": self.spec["version"]}
            self.say("message", self.strings["file.loaded_migrated"].format(**values))
        else:
            self.say("message", self.strings["file.loaded"].format(name=name))

    def on_load(self, event) -> None:
        picker = event.target
        chosen = picker.files.item(0) if picker.files.length else None
        if not chosen:
            return
        name = chosen.name
        too_large = answers_file.check_size(chosen.size)
        picker.value = ""
        if too_large:
            self.refuse(name, [too_large])
            return

        def loaded(text: str) -> None:
            try:
                self.load_text(name, text)
            except Exception as error:  # reported to the reader and the console
                self.report_failure(error)

        chosen.text().then(create_proxy(loaded))

    # --- buttons --------------------------------------------------------------------
    def on_action(self, event) -> None:
        target = event.target.closest("[data-action]")
        if not target or target.tagName != "BUTTON":
            return
        action = target.getAttribute("data-action")
        spec, strings = self.spec, self.strings
        answers, notes, result = self.rescore(False)
        stamp = _now_iso()[:10]
        if action == "save":
            name = spec["id"] + "-answers-" + stamp + ".json"
            data = answers_file.make_file(spec, answers, notes, result, _now_iso())
            _download(name, json.dumps(data), "application/json")
            self.say("message", strings["file.saved"].format(name=name))
        elif action == "markdown":
            text = report.to_markdown(spec, answers, notes, result, strings, _now_iso())
            _download(spec["id"] + "-report-" + stamp + ".md", text, "text/markdown")
        elif action == "csv":
            text = report.to_csv(spec, answers, notes, result, strings)
            _download(spec["id"] + "-answers-" + stamp + ".csv", text, "text/csv")
        elif action == "print":
            self.print_view()
        elif action == "clear" and window.confirm(strings["clear.confirm"].format(title=spec["title"])):
            self.write({}, {})
            self.storage.remove(self.key)
            self.rescore(False)
            self.say("message", strings["clear.done"])

    def print_view(self) -> None:
        self.say("print-date", self.strings["report.date"] + ": " + _now_iso()[:16].replace("T", " ") + " UTC")
        # Print this questionnaire alone (questionnaire.css hides the rest of the page),
        # with every note that has text shown open.
        for el in self.elements():
            box = el.closest("details")
            if box and el.tagName == "TEXTAREA":
                box.open = bool(el.value)
        document.body.setAttribute("data-printing-questionnaire", "true")
        self.form.closest(".questionnaire").setAttribute("data-printing", "true")
        window.print()

    def end_print(self) -> None:
        document.body.removeAttribute("data-printing-questionnaire")
        self.form.closest(".questionnaire").removeAttribute("data-printing")

    # --- start ----------------------------------------------------------------------
    def start(self) -> None:
        self.restore()
        self.rescore(False)
        self.on(self.form, "change", lambda event: self.rescore())
        self.on(self.form, "input", lambda event: self.rescore() if event.target.tagName == "TEXTAREA" else None)
        self.on(self.form, "submit", lambda event: event.preventDefault())
        self.on(self.form, "click", self.on_action)
        # PyScript's `window` proxy cannot be the `this` of addEventListener; the document's view can.
        self.on(document.defaultView, "afterprint", lambda event: self.end_print())
        self.on(self.find('input[data-action="load"]'), "change", self.on_load)
        self.find(".questionnaire-actions").hidden = False
        self.say("status", self.strings["status.ready"])
        self.form.setAttribute("data-ready", "true")
        window.performance.mark("aitk:ready:" + self.spec["id"])


def main() -> None:
    """Start every questionnaire on the page, each on its own; one that fails does not stop the others."""
    forms = document.querySelectorAll("form[data-questionnaire]")
    for i in range(forms.length):
        try:
            Questionnaire(forms.item(i)).start()
        except Exception as error:  # reported to the reader and the console
            window.console.error("questionnaire: start-up failed: " + type(error).__name__ + ": " + str(error))
            forms.item(i).setAttribute("data-ready", "failed")
            status = forms.item(i).querySelector('[data-role="status"]')
            if status:
                status.textContent = status.getAttribute("data-failed")


main()
