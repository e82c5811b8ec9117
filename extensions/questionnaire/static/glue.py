"""Browser glue (MicroPython in PyScript): read the form, call the scorer, write the result.

All decisions live in scoring.py, answers.py and report.py, which pytest also imports.
Each form is set up by its own call of setup(), so forms on one page never share state.
"""

import json

import answers as answers_file
import report
import scoring
from pyscript import document, window
from pyscript.ffi import create_proxy, to_js

_proxies = []  # keep event-handler proxies alive for the page's lifetime


def _on(element, event, handler):
    proxy = create_proxy(handler)
    _proxies.append(proxy)
    element.addEventListener(event, proxy)


def _clear(element):
    while element.firstChild:
        element.removeChild(element.firstChild)


def _download(name, text, mime):
    blob = window.Blob.new(to_js([text]), to_js({"type": mime}))
    url = window.URL.createObjectURL(blob)
    link = document.createElement("a")
    link.setAttribute("href", url)
    link.setAttribute("download", name)
    document.body.appendChild(link)
    link.click()
    link.remove()
    window.setTimeout(create_proxy(lambda: window.URL.revokeObjectURL(url)), 1000)


def setup(form):
    """Make one questionnaire form live."""
    payload = json.loads(form.querySelector("script.questionnaire-spec").textContent)
    spec = payload["spec"]
    strings = payload["strings"]
    key = "aitk:questionnaire:" + spec["id"] + "@" + spec["version"]
    storage = window.aitkStorage  # defined by watchdog.js: storage access that cannot throw
    state = {"storage_ok": True}

    def find(selector):
        return form.querySelector(selector)

    def say(role, text):
        find('[data-role="' + role + '"]').textContent = text

    def controls():
        """(element, name, type) of every named input and text area of this form."""
        found = form.querySelectorAll("input[name], textarea[name]")
        items = [found.item(i) for i in range(found.length)]
        return [(el, el.getAttribute("name"), el.getAttribute("type")) for el in items]

    def read():
        values, notes = {}, {}
        for el, name, kind in controls():
            if el.tagName == "TEXTAREA":
                if el.value:
                    if name.startswith("note:"):
                        notes[name[5:]] = el.value
                    else:
                        values[name] = el.value
            elif kind == "radio" and el.checked:
                values[name] = el.value
            elif kind == "checkbox" and el.checked:
                if name.endswith(".na"):
                    values[name] = "na"
                else:
                    values.setdefault(name, []).append(el.value)
        return values, notes

    def write(values, notes):
        for el, name, kind in controls():
            if el.tagName == "TEXTAREA":
                text = notes.get(name[5:], "") if name.startswith("note:") else values.get(name, "")
                el.value = text
                parent = el.closest("details")
                if parent and text:
                    parent.open = True
            elif kind == "radio":
                el.checked = values.get(name) == el.value
            elif kind == "checkbox":
                chosen = values.get(name)
                el.checked = chosen == "na" if name.endswith(".na") else bool(chosen) and el.value in chosen

    def level_text(level, score=None):
        label = report.level_label(spec, level, strings)
        return label if score is None or level == "not-assessed" else label + " (" + str(score) + ")"

    def render(result):
        overall = find('[data-result="overall"]')
        overall.setAttribute("data-level", result["level"])
        overall.setAttribute("data-complete", "true" if result["complete"] else "false")
        say("level", level_text(result["level"], result.get("score")))
        missing = result["total"] - result["answered"]
        say(
            "summary",
            strings["result.complete"] if result["complete"] else strings["result.incomplete"].format(count=missing),
        )
        for section in result["sections"]:
            el = find('[data-result-section="' + section["id"] + '"]')
            if el:
                el.setAttribute("data-level", section["level"])
                el.querySelector('[data-role="value"]').textContent = level_text(section["level"], section.get("score"))
            progress = find('[data-progress="' + section["id"] + '"]')
            if progress:
                progress.textContent = strings["progress"].format(answered=section["answered"], total=section["total"])
        for group in result["groups"]:
            el = find('[data-result-group="' + group["id"] + '"]')
            if el:
                el.setAttribute("data-level", group["level"])
                el.querySelector('[data-role="value"]').textContent = level_text(group["level"])
        why = find('[data-role="why"]')
        _clear(why)
        listing = document.createElement("ul")
        for line in report.explain(spec, result, strings):
            item = document.createElement("li")
            item.textContent = line
            listing.appendChild(item)
        why.appendChild(listing)
        found = form.querySelectorAll(".result-recommendation")
        for i in range(found.length):
            rec = found.item(i)
            rec.hidden = rec.getAttribute("data-level") != result["level"]

    def now_iso():
        return window.Date.new().toISOString()

    def store(values, notes):
        if not state["storage_ok"]:
            return
        if storage.set(key, json.dumps({"answers": values, "notes": notes, "saved_at": now_iso()})):
            say("storage", strings["storage.saved"].format(time=window.Date.new().toLocaleTimeString()))
        else:
            state["storage_ok"] = False
            say("storage", strings["storage.unavailable"])

    def rescore(store_it=True):
        started = window.performance.now()
        values, notes = read()
        result = scoring.score(spec, values)
        render(result)
        # User Timing entries: scripts/benchmark.py reads them; they cost nothing otherwise.
        window.performance.measure("aitk:rescore:" + spec["id"], to_js({"start": started}))
        if store_it:
            store(values, notes)
        return values, notes, result

    def refuse(name, errors):
        say("message", report.refusal_text(strings, name, errors))

    def load_text(name, text):
        try:
            data = json.loads(text)
        except ValueError:
            refuse(name, [{"code": "not-json"}])
            return
        checked = answers_file.check_file(spec, data)
        if not checked["ok"]:
            refuse(name, checked["errors"])
            return
        write(checked["answers"], checked["notes"])
        rescore()
        if checked.get("migrated_from"):
            say(
                "message",
                strings["file.loaded_migrated"].format(
                    name=name, **{"from": checked["migrated_from"], "to": spec["version"]}
                ),
            )
        else:
            say("message", strings["file.loaded"].format(name=name))

    def on_load(event):
        picker = event.target
        chosen = picker.files.item(0) if picker.files.length else None
        if not chosen:
            return
        name = chosen.name
        too_large = answers_file.check_size(chosen.size)
        picker.value = ""
        if too_large:
            refuse(name, [too_large])
            return
        chosen.text().then(create_proxy(lambda text: load_text(name, text)))

    def stamp():
        return now_iso()[:10]

    def on_action(event):
        target = event.target.closest("[data-action]")
        if not target or target.tagName != "BUTTON":
            return
        action = target.getAttribute("data-action")
        values, notes, result = rescore(False)
        if action == "save":
            name = spec["id"] + "-answers-" + stamp() + ".json"
            data = answers_file.make_file(spec, values, notes, result, now_iso())
            _download(name, json.dumps(data), "application/json")
            say("message", strings["file.saved"].format(name=name))
        elif action == "markdown":
            text = report.to_markdown(spec, values, notes, result, strings, now_iso())
            _download(spec["id"] + "-report-" + stamp() + ".md", text, "text/markdown")
        elif action == "csv":
            text = report.to_csv(spec, values, notes, result, strings)
            _download(spec["id"] + "-answers-" + stamp() + ".csv", text, "text/csv")
        elif action == "print":
            say("print-date", strings["report.date"] + ": " + now_iso()[:16].replace("T", " ") + " UTC")
            # Print this questionnaire alone (questionnaire.css hides the rest of the page),
            # with every note that has text shown open.
            for el, name, _kind in controls():
                if name.startswith("note:") and el.closest("details"):
                    el.closest("details").open = bool(el.value)
            document.body.setAttribute("data-printing-questionnaire", "true")
            form.closest(".questionnaire").setAttribute("data-printing", "true")
            window.print()
        elif action == "clear":
            if window.confirm(strings["clear.confirm"].format(title=spec["title"])):
                write({}, {})
                storage.remove(key)
                rescore(False)
                say("message", strings["clear.done"])

    def end_print():
        document.body.removeAttribute("data-printing-questionnaire")
        form.closest(".questionnaire").removeAttribute("data-printing")

    def restore():
        saved = storage.get(key)
        if saved is False:
            state["storage_ok"] = False
            say("storage", strings["storage.unavailable"])
            return
        if not saved:
            return
        try:
            data = json.loads(saved)
            checked = answers_file.check_file(
                spec,
                answers_file.make_file(spec, data["answers"], data.get("notes", {}), None, data.get("saved_at", "")),
            )
        except Exception:
            return
        if checked["ok"]:
            write(checked["answers"], checked["notes"])
            say("storage", strings["storage.restored"])

    restore()
    rescore(False)
    _on(form, "change", lambda event: rescore())
    _on(form, "input", lambda event: rescore() if event.target.tagName == "TEXTAREA" else None)
    _on(form, "submit", lambda event: event.preventDefault())
    _on(form, "click", on_action)
    # pyscript's `window` proxy cannot be the `this` of addEventListener; the document's view can.
    _on(document.defaultView, "afterprint", lambda event: end_print())
    _on(find('input[data-action="load"]'), "change", on_load)
    find(".questionnaire-actions").hidden = False
    say("status", strings["status.ready"])
    form.setAttribute("data-ready", "true")
    window.performance.mark("aitk:ready:" + spec["id"])


def main():
    """Set up every questionnaire on the page, each on its own."""
    forms = document.querySelectorAll("form[data-questionnaire]")
    for i in range(forms.length):
        setup(forms.item(i))


main()
