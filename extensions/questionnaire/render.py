"""Turn a validated :class:`Definition` into docutils nodes: the form and "How this is scored"."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from json_data import json_data
from sphinx import addnodes

from .engine import charts, proposals, report, scoring
from .engine import spec as specs
from .model import NOT_ASSESSED, Definition
from .nodes import element, text_element
from .strings import catalogue, text


def _ref(label: str, title: str | None = None) -> nodes.inline:
    """A link to a Sphinx label, resolved (and checked) by Sphinx; its title, or the label's own.

    Wrapped in an inline: HTML writers need a link's parent to be a text element.
    """
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="ref", reftarget=label, refexplicit=title is not None, refwarn=True
    )
    ref += nodes.inline("", title or label)
    return nodes.inline("", "", ref)


#: What "Load from file" and "Compare with a saved file" take: answers files and report documents.
ACCEPT = ",".join(
    (
        "application/json",
        ".json",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
        "application/vnd.oasis.opendocument.text",
        ".odt",
    )
)


def _file_picker(element_id: str, action: str, label: str) -> list[nodes.Node]:
    """A file input for answers files and report documents, visually hidden, and the button-like
    label that opens it.

    The input comes first so that its keyboard focus can be drawn on the label after it.
    """
    return [
        element(
            "input",
            type="file",
            id=element_id,
            accept=ACCEPT,
            data_action=action,
            classes=["visually-hidden-file"],
        ),
        text_element("label", label, for_=element_id, classes=["button-like"]),
    ]


def tree_node(node: dict[str, Any] | str) -> nodes.Node:
    """An engine element tree (``engine/tree.py``) as escaping element nodes: text stays text."""
    if isinstance(node, str):
        return nodes.Text(node)
    attributes = dict(node["attrs"])
    classes = attributes.pop("class", "").split()
    children = [tree_node(child) for child in node["children"]]
    return element(node["tag"], *children, classes=classes, **attributes)


class FormRenderer:
    """Builds one questionnaire's nodes; ``prefix`` keeps ids unique on the page."""

    def __init__(self, definition: Definition, prefix: str, language: str = "en") -> None:
        self.d = definition
        self.spec = definition.spec
        self.prefix = prefix
        self.lang = language
        #: The result before any answer: totals for progress lines, the views' first drawing.
        self.empty = scoring.score(definition.spec, {})

    def t(self, key: str, **values: Any) -> str:
        return text(key, self.lang, **values)

    def id(self, *parts: str) -> str:
        return "-".join((self.prefix, *parts))

    # --- the form -------------------------------------------------------------
    def print_header(self) -> nodes.Node:
        """The head of a printed report (title, questionnaire, record, date, verification code):
        hidden on screen, first on paper, before the interpretation box; the glue fills it in."""
        spec = self.spec
        meta = self.t("report.questionnaire") + ": " + spec["title"] + " (" + spec["id"] + ", " + spec["version"] + ")"
        return element(
            "div",
            text_element("p", self.t("report.title", title=spec["title"]), classes=["print-title"]),
            text_element("p", meta, classes=["print-meta"]),
            text_element("p", "", classes=["print-meta"], data_role="print-record"),
            text_element("p", "", classes=["print-meta"], data_role="print-date"),
            text_element("p", "", classes=["print-meta"], data_role="print-code"),
            classes=["questionnaire-print-header"],
            data_print_header=self.prefix,
        )

    def form(self) -> nodes.Node:
        spec = self.spec
        payload = {"spec": spec, "strings": catalogue(self.lang)}
        children: list[nodes.Node] = [
            json_data("", payload=payload, classes=["questionnaire-spec"]),
            text_element(
                "p",
                self.t("status.loading"),
                classes=["questionnaire-status"],
                role="status",
                data_role="status",
                data_failed=self.t("status.failed"),
                data_file=self.t("status.file"),
            ),
            element("noscript", text_element("p", self.t("status.noscript"), classes=["questionnaire-status"])),
            text_element("p", self.t("privacy"), classes=["questionnaire-privacy"]),
            self.records(),
        ]
        if proposals.tables(spec):
            children.append(self.imports())
        number = 0
        # Totals as the engine counts them (scored questions, or every expected field for progress).
        totals = {entry["id"]: entry["total"] for entry in self.empty["sections"]}
        for section in spec["sections"]:
            section_children: list[nodes.Node] = [
                text_element("legend", section["title"], classes=["questionnaire-section-title"]),
            ]
            if section.get("intro"):
                section_children.append(text_element("p", section["intro"], classes=["questionnaire-section-intro"]))
            # A section with nothing to count (an unscored intake) has no progress line.
            total = totals.get(section["id"], 0)
            if total:
                section_children.append(
                    text_element(
                        "p",
                        self.t("progress", answered=0, total=total),
                        classes=["questionnaire-progress"],
                        data_progress_section=section["id"],
                        data_progress="0",
                    )
                )
            groups = {g["id"]: g for g in section["groups"]}
            current_group = None
            for question in section["questions"]:
                if question.get("group") and question["group"] != current_group:
                    current_group = question["group"]
                    section_children.append(
                        text_element("p", groups[current_group]["title"], classes=["questionnaire-group-title"])
                    )
                number += 1
                section_children.append(
                    self.question(
                        question,
                        number,
                        specs.question_dimensions(spec, section, question),
                        groups.get(question.get("group") or ""),
                    )
                )
            children.append(
                element(
                    "fieldset",
                    *section_children,
                    classes=["questionnaire-section"],
                    id=self.id("section", section["id"]),
                )
            )
        general = self.id("note", "general")
        children.append(
            element(
                "div",
                text_element("label", self.t("general_note.label"), for_=general),
                element(
                    "textarea",
                    id=general,
                    name=specs.note_control(specs.GENERAL_NOTE),
                    rows="3",
                    data_note=specs.GENERAL_NOTE,
                ),
                classes=["questionnaire-note", "questionnaire-general-note"],
            )
        )
        children.append(self.result_panel())
        children.append(self.actions())
        return element(
            "form",
            *children,
            classes=["questionnaire-form"],
            id=self.prefix,
            data_questionnaire=spec["id"],
            data_version=spec["version"],
            data_ready="false",
            aria_label=spec["title"],
            novalidate=True,
        )

    def question(
        self, q: dict[str, Any], number: int, dimensions: list[tuple[str, str]], group: dict[str, Any] | None = None
    ) -> nodes.Node:
        qid = self.id("q", q["id"])
        # data-<kind>="<id>" for each dimension the question belongs to (its section, its group).
        marks = {"data_" + kind: value for kind, value in dimensions}
        legend = element(
            "legend", text_element("span", f"{number}. ", classes=["question-number"]), nodes.Text(q["text"])
        )
        children: list[nodes.Node] = [legend]
        described = []
        if q.get("help"):
            described.append(qid + "-help")
            children.append(text_element("p", q["help"], classes=["question-help"], id=qid + "-help"))
        if q.get("example"):
            described.append(qid + "-example")
            children.append(
                element(
                    "p",
                    text_element("strong", self.t("question.example") + " "),
                    nodes.Text(q["example"]),
                    classes=["question-example"],
                    id=qid + "-example",
                )
            )
        if q["type"] in ("text", "long-text", "date"):
            return self.text_question(q, number, described, children[1:], marks)
        if group and group.get("ref"):
            children.append(self.group_link(group))
        if q["type"] == "rating":
            for part in q["parts"]:
                name = specs.part_control(q["id"], part["id"])
                children.append(
                    element(
                        "fieldset",
                        text_element("legend", part["label"], classes=["question-part-title"]),
                        self.options(qid + "-" + part["id"], name, part["options"], "radio"),
                        classes=["question-part"],
                    )
                )
            if q.get("not_applicable"):
                box = qid + "-na"
                children.append(
                    element(
                        "div",
                        element(
                            "input",
                            type="checkbox",
                            id=box,
                            name=specs.not_applicable_control(q["id"]),
                            value=specs.NOT_APPLICABLE_VALUE,
                        ),
                        text_element("label", self.t("na.label"), for_=box),
                        classes=["question-option", "question-na"],
                    )
                )
        elif q["type"] == "table":
            children.append(self.table(q))
        else:
            kind = "radio" if q["type"] == "single" else "checkbox"
            children.append(self.options(qid, q["id"], q["options"], kind))
        if q.get("suggest"):
            # Filled in by the browser from the other questionnaire's saved records, if any.
            children.append(element("div", classes=["question-suggest"], data_suggest=q["id"], hidden=True))
        note = qid + "-note"
        children.append(
            element(
                "details",
                text_element("summary", self.t("note.summary")),
                text_element("label", self.t("note.label"), for_=note),
                element("textarea", id=note, name=specs.note_control(q["id"]), rows="2", data_note=q["id"]),
                classes=["questionnaire-note"],
            )
        )
        return element(
            "fieldset",
            *children,
            classes=["questionnaire-question", f"question-{q['type']}"],
            id=qid,
            aria_describedby=" ".join(described) or False,
            data_question=q["id"],
            **marks,
        )

    def group_label(self) -> str:
        """What a group is called ("Principle:"), from the definition's dimensions, else "See:"."""
        label = (self.spec.get("dimensions", {}).get("groups") or {}).get("label")
        return label + ":" if label else self.t("recommendations.see")

    def group_link(self, group: dict[str, Any]) -> nodes.Node:
        """ "Principle: <link>": where a question's group (say, its principle) is explained."""
        paragraph = element("p", text_element("span", self.group_label() + " "), classes=["question-group-link"])
        paragraph += _ref(group["ref"], group["title"])
        return paragraph

    def flagged(self) -> nodes.Node:
        """The items the result flags (at or above ``flag_from``): one hidden line per item, shown by the browser."""
        flag_from = specs.level_label(self.spec, self.spec["params"]["flag_from"], catalogue(self.lang))
        title = self.id("flagged-title")
        lines = []
        groups = {g["id"]: g for _s, g in specs.groups(self.spec)}
        for _section, q in specs.questions(self.spec):
            if q["type"] != "rating":
                continue
            line = element(
                "li",
                element("a", nodes.Text(q["text"]), href="#" + self.id("q", q["id"])),
                nodes.Text(" — "),
                text_element("span", "", classes=["result-value"], data_role="value"),
                data_flag_item=q["id"],
                hidden=True,
            )
            group = groups.get(q.get("group") or "")
            if group and group.get("ref"):
                line += nodes.Text(" (" + self.group_label() + " ")
                line += _ref(group["ref"], group["title"])
                line += nodes.Text(")")
            lines.append(line)
        return element(
            "div",
            text_element("p", self.t("result.flagged", level=flag_from), classes=["result-flagged-title"], id=title),
            text_element("p", self.t("result.flagged.none"), data_role="flagged-none"),
            element("ul", *lines, aria_labelledby=title),
            classes=["result-flagged"],
        )

    def priorities(self) -> nodes.Node:
        """The sections the result makes priorities: one hidden line per scored section, with its advice.

        The browser shows the priorities' lines, puts them in the result's order (lowest score
        first) and shows each one's advice for its level.
        """
        strings = catalogue(self.lang)
        below = self.spec["params"].get("priority_below")
        title = self.id("priorities-title")
        lines = []
        for entry in self.empty["sections"]:  # the scored sections, in the author's order
            section = specs.section(self.spec, entry["id"]) or {}
            name = _ref(section["ref"], section["title"]) if section.get("ref") else nodes.Text(section["title"])
            line = element(
                "li",
                element("span", name, classes=["result-name"]),
                nodes.Text(": "),
                text_element("span", "", classes=["result-value"], data_role="value"),
                data_priority=section["id"],
                data_level=NOT_ASSESSED,
                hidden=True,
            )
            for advice in section["advice"]:
                paragraph = self._advice(advice)
                paragraph["classes"].append("priority-advice")
                line += element("div", paragraph, data_advice_level=advice["level"], hidden=True)
            lines.append(line)
        heading = self.t("result.priorities.title", level=specs.level_label(self.spec, below, strings))
        return element(
            "div",
            text_element("p", heading, classes=["result-priorities-title"], id=title),
            text_element(
                "p",
                self.t("result.priorities.none", level=specs.level_label(self.spec, below, strings)),
                data_role="priorities-none",
                hidden=True,
            ),
            element("ol", *lines, aria_labelledby=title, data_role="priority-list"),
            classes=["result-priorities"],
            data_role="priorities",
            hidden=True,
        )

    def to_find_out(self) -> list[nodes.Node]:
        """The statements answered "don't know": one hidden line per statement that offers such an answer."""
        title = self.id("find-out-title")
        lines = []
        for section, q in specs.find_out_questions(self.spec):
            lines.append(
                element(
                    "li",
                    element("a", nodes.Text(q["text"]), href="#" + self.id("q", q["id"])),
                    nodes.Text(" (" + section["title"] + ")"),
                    data_find_out=q["id"],
                    hidden=True,
                )
            )
        if not lines:
            return []
        return [
            element(
                "div",
                text_element("p", self.t("result.to_find_out.title"), classes=["result-find-out-title"], id=title),
                element("ul", *lines, aria_labelledby=title),
                classes=["result-find-out"],
                data_role="to-find-out",
                hidden=True,
            )
        ]

    def text_question(
        self, q: dict[str, Any], number: int, described: list[str], help_: list[nodes.Node], marks: dict[str, str]
    ) -> nodes.Node:
        """A text, long text or date field: one labelled control (no fieldset, no separate note)."""
        qid = self.id("q", q["id"])
        attributes: dict[str, Any] = {
            "id": qid + "-input",
            "name": q["id"],
            "aria_describedby": " ".join(described) or False,
        }
        if q["type"] == "long-text":
            control = element("textarea", rows="5", maxlength=q["max_length"], **attributes)
        elif q["type"] == "date":
            control = element("input", type="date", **attributes)
        else:
            control = element("input", type="text", maxlength=q["max_length"], **attributes)
        return element(
            "div",
            element(
                "label",
                text_element("span", f"{number}. ", classes=["question-number"]),
                nodes.Text(q["text"]),
                for_=qid + "-input",
            ),
            *help_,
            control,
            classes=["questionnaire-question", "question-" + q["type"]],
            id=qid,
            data_question=q["id"],
            **marks,
        )

    def table(self, q: dict[str, Any]) -> nodes.Node:
        """A table's rows (drawn by the browser from ``form.table_row``) and its "add a row" button.

        A table of people signing, while it has no rows, prints a blank block to fill in by hand.
        """
        if q.get("signature"):
            blanks = [text_element("p", c["label"] + ":", classes=["signature-blank"]) for c in q["columns"]]
            blanks.append(text_element("p", self.t("table.signature"), classes=["signature-line"]))
            empty = element(
                "div",
                text_element("p", self.t("table.empty"), classes=["screen-only"]),
                *blanks,
                classes=["question-table-empty"],
                data_role="table-empty",
            )
        else:
            empty = text_element("p", self.t("table.empty"), classes=["question-table-empty"], data_role="table-empty")
        return element(
            "div",
            element("div", classes=["question-table-rows"], data_rows=q["id"]),
            empty,
            text_element(
                "button",
                self.t("table.add"),
                type="button",
                classes=["question-table-add"],
                data_action="add-row",
                data_question=q["id"],
                hidden=True,
            ),
            classes=["question-table"],
            data_table=q["id"],
            data_max_rows=q["max_rows"],
        )

    def imports(self) -> nodes.Node:
        """Actions proposed by other questionnaires' saved records: where to put them, and one button per record.

        The browser fills in the offers from the records kept in this browser (``proposals.offers``).
        """
        title = self.id("imports-title")
        target = self.id("imports-target")
        choices = []
        for section, question in specs.questions(self.spec):
            if question.get("type") == "table" and question.get("import"):
                choices.append(text_element("option", section["title"], value=question["id"]))
        return element(
            "section",
            text_element("p", self.t("import.title"), classes=["imports-title"], id=title),
            text_element("p", self.t("import.intro")),
            element(
                "div",
                text_element("label", self.t("import.target"), for_=target),
                element("select", *choices, id=target, data_import="target"),
                classes=["records-field"],
            ),
            element("div", data_role="import-offers"),
            classes=["questionnaire-imports"],
            aria_labelledby=title,
            data_role="imports",
            hidden=True,
        )

    def options(self, base: str, name: str, options: list[dict[str, Any]], kind: str) -> nodes.Node:
        items = []
        for option in options:
            oid = f"{base}-o-{option['id']}"
            items.append(
                element(
                    "div",
                    element("input", type=kind, id=oid, name=name, value=option["id"]),
                    text_element("label", option["label"], for_=oid),
                    classes=["question-option"],
                )
            )
        return element("div", *items, classes=["question-options"])

    # --- records ----------------------------------------------------------------
    def records(self) -> nodes.Node:
        """The record bar: which record is on screen, its name, a new one, delete this one.

        Its controls have no ``name``: they are not answers. The browser fills in the list and
        shows the bar once the engine has started (records need storage and the engine).
        """
        chooser, name = self.id("record"), self.id("record-name")
        return element(
            "div",
            element(
                "div",
                text_element("label", self.t("records.label"), for_=chooser),
                element("select", id=chooser, data_records="choose"),
                classes=["records-field"],
            ),
            element(
                "div",
                text_element("label", self.t("records.name"), for_=name),
                element("input", type="text", id=name, maxlength=200, autocomplete="off", data_records="name"),
                classes=["records-field"],
            ),
            element(
                "div",
                text_element("button", self.t("records.new"), type="button", data_action="new-record"),
                text_element("button", self.t("records.delete"), type="button", data_action="delete-record"),
                classes=["questionnaire-buttons"],
            ),
            text_element("p", self.t("records.hint"), classes=["records-hint"]),
            classes=["questionnaire-records"],
            role="group",
            aria_label=self.t("records.label"),
            data_role="records",
            hidden=True,
        )

    # --- result panel ---------------------------------------------------------
    def result_panel(self) -> nodes.Node:
        title_id = self.id("result-title")
        not_assessed = self.t("level.not-assessed")
        overall = element(
            "div",
            text_element("p", not_assessed, classes=["result-level"], data_role="level"),
            text_element("p", "", classes=["result-summary"], data_role="summary"),
            classes=["result-overall"],
            data_result="overall",
            data_level=NOT_ASSESSED,
            data_complete="false",
            data_progress="0",
            aria_live="polite",
            aria_atomic="true",
        )
        rows = []
        section_kind = specs.dimension(self.spec, "sections")["result"]
        group_kind = specs.dimension(self.spec, "groups")["result"]
        totals = {entry["id"]: entry["total"] for entry in self.empty["sections"]}
        for section in self.spec["sections"]:
            if not totals.get(section["id"]):
                continue
            rows.append(self._result_row(section["title"], section_kind, section["id"]))
            rows.extend(
                self._result_row(group["title"], group_kind, group["id"], classes=["result-group"])
                for group in section["groups"]
            )
        # The verdict first, then what to do about it; the detail after, "why" folded away.
        parts: list[nodes.Node] = [
            text_element("p", self.t("result.title"), classes=["result-title"], id=title_id),
            overall,
            self.recommendations(),
        ]
        if len(rows) > 1:
            parts.append(element("ul", *rows, classes=["result-breakdown"]))
        if self.spec["params"].get("flag_from"):
            parts.append(self.flagged())
        if self.spec["params"].get("priority_below"):
            parts.append(self.priorities())
        parts.extend(self.to_find_out())
        parts.extend(self.view(view) for view in self.spec["views"])
        parts.append(
            element(
                "details",
                text_element("summary", self.t("result.why")),
                element("div", classes=["result-why"], data_role="why"),
                classes=["result-why-box"],
            )
        )
        return element("section", *parts, classes=["questionnaire-result"], aria_labelledby=title_id)

    def view(self, view: dict[str, Any]) -> nodes.Node:
        """One declared view, drawn for the empty result: the browser draws it again after each change.

        The picture is hidden from assistive technology; its summary and its table (in a
        disclosure) say the same in words.
        """
        kind, dimension = view["type"], view["dimension"]
        chart = charts.render(self.spec, view, self.empty, catalogue(self.lang))
        title = self.id("view", kind, dimension)
        children: list[nodes.Node] = [text_element("p", self.t("view." + kind), classes=["view-title"], id=title)]
        if kind == "comparison":
            children.append(self.compare_controls())
        children.append(
            element(
                "div",
                *([tree_node(chart["svg"])] if chart["svg"] else []),
                classes=["view-chart"],
                data_role="chart",
                hidden=chart["svg"] is None,
            )
        )
        children.append(text_element("p", chart["summary"], classes=["view-summary"], data_role="chart-summary"))
        # A wide table scrolls inside its own box, which keyboard users can focus and scroll.
        table = element(
            "div",
            *([tree_node(chart["table"])] if chart["table"] else []),
            classes=["view-table"],
            data_role="chart-table",
            hidden=chart["table"] is None,
            tabindex="0",
            role="region",
            aria_label=self.t("view." + kind) + " (" + self.t("view.table.label") + ")",
        )
        if kind == "comparison":
            children.append(table)
        else:
            children.append(
                element("details", text_element("summary", self.t("view.table")), table, classes=["view-table-box"])
            )
        return element(
            "section",
            *children,
            classes=["questionnaire-view"],
            aria_labelledby=title,
            data_view=kind,
            data_view_dimension=dimension,
        )

    def compare_controls(self) -> nodes.Node:
        """What to compare with: another record of this browser, or a saved file (read, never loaded)."""
        chooser, picker = self.id("compare-record"), self.id("compare-file")
        return element(
            "div",
            element(
                "div",
                text_element("label", self.t("compare.with"), for_=chooser),
                element(
                    "select",
                    text_element("option", self.t("compare.nothing"), value=""),
                    id=chooser,
                    data_compare="choose",
                ),
                classes=["records-field"],
            ),
            element(
                "div", *_file_picker(picker, "compare-file", self.t("compare.file")), classes=["questionnaire-buttons"]
            ),
            classes=["compare-controls"],
            data_role="compare-controls",
            hidden=True,
        )

    def _result_row(self, title: str, kind: str, entry_id: str, classes: list[str] | None = None) -> nodes.Node:
        """One line of the breakdown: its name and its level, marked ``data-result-<kind>="<id>"``."""
        return element(
            "li",
            text_element("span", title, classes=["result-name"]),
            nodes.Text(": "),
            text_element("span", self.t("level.not-assessed"), classes=["result-value"], data_role="value"),
            classes=classes,
            data_level=NOT_ASSESSED,
            **{"data_result_" + kind: entry_id},
        )

    def _advice(self, rec: dict[str, Any]) -> nodes.paragraph:
        """One recommendation's text and its "See:" links."""
        paragraph = nodes.paragraph()
        paragraph += nodes.Text(rec["text"])
        if rec["refs"]:
            paragraph += nodes.Text(" " + self.t("recommendations.see") + " ")
        for index, label in enumerate(rec["refs"]):
            if index:
                paragraph += nodes.Text("; ")
            paragraph += _ref(label)
        return paragraph

    def recommendations(self) -> nodes.Node:
        items = []
        for rec in self.spec["recommendations"]:
            paragraph = self._advice(rec)
            items.append(
                element(
                    "div",
                    paragraph,
                    classes=["result-recommendation"],
                    data_level=rec["level"],
                    hidden=rec["level"] != NOT_ASSESSED,
                )
            )
        return element(
            "div",
            text_element("p", self.t("result.recommendations"), classes=["result-recommendations-title"]),
            *items,
            classes=["result-recommendations"],
            data_role="recommendations",
        )

    def actions(self) -> nodes.Node:
        file_id = self.id("load")
        buttons = [
            text_element("button", self.t("actions.save"), type="button", data_action="save"),
            *_file_picker(file_id, "load", self.t("actions.load")),
            text_element("button", self.t("actions.print"), type="button", data_action="print"),
            text_element("button", self.t("actions.markdown"), type="button", data_action="markdown"),
            text_element("button", self.t("actions.csv"), type="button", data_action="csv"),
            text_element("button", self.t("actions.docx"), type="button", data_action="docx"),
            text_element("button", self.t("actions.odt"), type="button", data_action="odt"),
            *(
                [text_element("button", self.t("actions.plan"), type="button", data_action="plan-csv")]
                if report.plan_tables(self.spec)
                else []
            ),
            text_element("button", self.t("actions.clear"), type="button", data_action="clear"),
        ]
        return element(
            "div",
            element(
                "div", *buttons, classes=["questionnaire-buttons"], role="group", aria_label=self.t("actions.label")
            ),
            text_element("p", "", classes=["questionnaire-message"], data_role="message", aria_live="polite"),
            text_element("p", "", classes=["questionnaire-storage"], data_role="storage", aria_live="polite"),
            classes=["questionnaire-actions"],
            hidden=True,
        )

    # --- "How this is scored" (ordinary nodes: shown by every builder) -----------
    def how_scored(self) -> nodes.Node:
        """The method's rule and tables, from the same data every report prints."""
        box = nodes.container(classes=["questionnaire-how"])
        box += nodes.rubric("", self.t("how.title"))
        for block in report.how(self.spec, catalogue(self.lang)):
            if block["type"] == "paragraph":
                box += nodes.paragraph("", block["text"])
            else:
                box += self._table(block["title"], block["header"], block["rows"])
        advice = [rec for rec in self.spec["recommendations"] if rec["level"] != NOT_ASSESSED]
        if advice:
            box += nodes.rubric("", self.t("how.advice"))
            listing = nodes.definition_list()
            for rec in advice:
                item = nodes.definition_list_item()
                item += nodes.term("", specs.level_label(self.spec, rec["level"], catalogue(self.lang)))
                item += nodes.definition("", self._advice(rec))
                listing += item
            box += listing
        return box

    @staticmethod
    def _table(title: str, header: list[str], rows: list[list[str]]) -> nodes.table:
        table = nodes.table(classes=["questionnaire-how-table"])
        table += nodes.title("", title)
        group = nodes.tgroup(cols=len(header))
        table += group
        for _ in header:
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        group += head
        head += nodes.row("", *[nodes.entry("", nodes.paragraph("", cell)) for cell in header])
        body = nodes.tbody()
        group += body
        for row in rows:
            body += nodes.row("", *[nodes.entry("", nodes.paragraph("", cell)) for cell in row])
        return table


def check_panel(specs_on_site: list[dict[str, Any]], panel_id: str, lang: str) -> nodes.Node:
    """The "check a report" panel: the questionnaires' specs for the engine, a file picker, and
    the place where the glue writes what the chosen file gives."""
    t = lambda key: text(key, lang)  # noqa: E731
    file_id = panel_id + "-file"
    return element(
        "div",
        json_data("", payload={"specs": specs_on_site, "strings": catalogue(lang)}, classes=["questionnaire-spec"]),
        text_element(
            "p",
            t("status.loading.check"),
            classes=["questionnaire-status"],
            role="status",
            data_role="status",
            data_failed=t("status.failed.check"),
            data_file=t("status.file"),
        ),
        element("noscript", text_element("p", t("status.noscript.check"), classes=["questionnaire-status"])),
        element(
            "div",
            *_file_picker(file_id, "check", t("check.choose")),
            classes=["check-controls"],
            data_role="check-controls",
            hidden=True,
        ),
        text_element("p", "", classes=["questionnaire-message"], data_role="message", aria_live="polite"),
        element(
            "div",
            text_element("h3", t("check.title"), classes=["check-title"]),
            element("div", data_role="check-rows"),
            classes=["check-result"],
            data_role="check-result",
            hidden=True,
        ),
        classes=["questionnaire-check"],
        id=panel_id,
        data_questionnaire_check="true",
        data_ready="false",
    )
