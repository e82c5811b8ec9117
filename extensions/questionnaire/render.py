"""Turn a validated :class:`Definition` into docutils nodes: the form and "How this is scored"."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from json_data import json_data
from sphinx import addnodes

from .model import NOT_ASSESSED, Definition
from .nodes import element, text_element
from .strings import catalogue, text


class FormRenderer:
    """Builds one questionnaire's nodes; ``prefix`` keeps ids unique on the page."""

    def __init__(self, definition: Definition, prefix: str, language: str = "en") -> None:
        self.d = definition
        self.spec = definition.spec
        self.prefix = prefix
        self.lang = language

    def t(self, key: str, **values: Any) -> str:
        return text(key, self.lang, **values)

    def id(self, *parts: str) -> str:
        return "-".join((self.prefix, *parts))

    # --- the form -------------------------------------------------------------
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
            ),
            element(
                "div",
                text_element("p", self.t("report.title", title=spec["title"]), classes=["print-title"]),
                text_element(
                    "p",
                    self.t("report.questionnaire")
                    + ": "
                    + spec["title"]
                    + " ("
                    + spec["id"]
                    + ", "
                    + spec["version"]
                    + ")",
                    classes=["print-meta"],
                ),
                text_element("p", "", classes=["print-date"], data_role="print-date"),
                classes=["questionnaire-print-header"],
            ),
            element("noscript", text_element("p", self.t("status.noscript"), classes=["questionnaire-status"])),
            text_element("p", self.t("privacy"), classes=["questionnaire-privacy"]),
        ]
        number = 0
        for section in spec["sections"]:
            section_children: list[nodes.Node] = [
                text_element("legend", section["title"], classes=["questionnaire-section-title"]),
            ]
            if section.get("intro"):
                section_children.append(text_element("p", section["intro"], classes=["questionnaire-section-intro"]))
            scored = [q for q in section["questions"] if q["scored"]]
            section_children.append(
                text_element(
                    "p",
                    self.t("progress", answered=0, total=len(scored)),
                    classes=["questionnaire-progress"],
                    data_progress=section["id"],
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
                section_children.append(self.question(question, number))
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
                element("textarea", id=general, name="note:general", rows="3", data_note="general"),
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

    def question(self, q: dict[str, Any], number: int) -> nodes.Node:
        qid = self.id("q", q["id"])
        legend = element(
            "legend", text_element("span", f"{number}. ", classes=["question-number"]), nodes.Text(q["text"])
        )
        children: list[nodes.Node] = [legend]
        described = []
        if q.get("help"):
            described.append(qid + "-help")
            children.append(text_element("p", q["help"], classes=["question-help"], id=qid + "-help"))
        if q["type"] == "text":
            children = [
                element(
                    "div",
                    element(
                        "label",
                        text_element("span", f"{number}. ", classes=["question-number"]),
                        nodes.Text(q["text"]),
                        for_=qid + "-input",
                    ),
                    *children[1:],
                    element(
                        "textarea",
                        id=qid + "-input",
                        name=q["id"],
                        rows="4",
                        aria_describedby=" ".join(described) or False,
                    ),
                    classes=["questionnaire-question", "question-text"],
                    id=qid,
                )
            ]
            return children[0]
        if q["type"] == "rating":
            for part in q["parts"]:
                name = f"{q['id']}.{part['id']}"
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
                        element("input", type="checkbox", id=box, name=f"{q['id']}.na", value="na"),
                        text_element("label", self.t("na.label"), for_=box),
                        classes=["question-option", "question-na"],
                    )
                )
        else:
            kind = "radio" if q["type"] == "single" else "checkbox"
            children.append(self.options(qid, q["id"], q["options"], kind))
        note = qid + "-note"
        children.append(
            element(
                "details",
                text_element("summary", self.t("note.summary")),
                text_element("label", self.t("note.label"), for_=note),
                element("textarea", id=note, name="note:" + q["id"], rows="2", data_note=q["id"]),
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
            aria_live="polite",
            aria_atomic="true",
        )
        rows = []
        for section in self.spec["sections"]:
            if not any(q["scored"] for q in section["questions"]):
                continue
            rows.append(self._result_row(section["title"], data_result_section=section["id"]))
            rows.extend(
                self._result_row(group["title"], classes=["result-group"], data_result_group=group["id"])
                for group in section["groups"]
            )
        parts: list[nodes.Node] = [
            text_element("p", self.t("result.title"), classes=["result-title"], id=title_id),
            overall,
        ]
        if len(rows) > 1:
            parts.append(element("ul", *rows, classes=["result-breakdown"]))
        parts.append(
            element(
                "details",
                text_element("summary", self.t("result.why")),
                element("div", classes=["result-why"], data_role="why"),
                classes=["result-why-box"],
                open=True,
            )
        )
        parts.append(self.recommendations())
        return element("section", *parts, classes=["questionnaire-result"], aria_labelledby=title_id)

    def _result_row(self, title: str, **attributes: Any) -> nodes.Node:
        """One line of the per-section or per-group breakdown: its name and its level."""
        return element(
            "li",
            text_element("span", title, classes=["result-name"]),
            nodes.Text(": "),
            text_element("span", self.t("level.not-assessed"), classes=["result-value"], data_role="value"),
            data_level=NOT_ASSESSED,
            **attributes,
        )

    def recommendations(self) -> nodes.Node:
        items = []
        for rec in self.d.recommendations:
            paragraph = nodes.paragraph()
            paragraph += nodes.Text(rec["text"])
            if rec["refs"]:
                paragraph += nodes.Text(" " + self.t("recommendations.see") + " ")
            for index, label in enumerate(rec["refs"]):
                if index:
                    paragraph += nodes.Text("; ")
                ref = addnodes.pending_xref(
                    "", refdomain="std", reftype="ref", reftarget=label, refexplicit=False, refwarn=True
                )
                ref += nodes.inline("", label)
                paragraph += ref
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
            # The input comes first so that its keyboard focus can be drawn on the label after it.
            element(
                "input",
                type="file",
                id=file_id,
                accept="application/json,.json",
                data_action="load",
                classes=["visually-hidden-file"],
            ),
            text_element("label", self.t("actions.load"), for_=file_id, classes=["button-like"]),
            text_element("button", self.t("actions.print"), type="button", data_action="print"),
            text_element("button", self.t("actions.markdown"), type="button", data_action="markdown"),
            text_element("button", self.t("actions.csv"), type="button", data_action="csv"),
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
        spec, params = self.spec, self.spec["params"]
        box = nodes.container(classes=["questionnaire-how"])
        box += nodes.rubric("", self.t("how.title"))
        label = {lv["id"]: lv["label"] for lv in spec["levels"]}
        if spec["method"] == "any-yes":
            first = next(q for s in spec["sections"] for q in s["questions"] if q["id"] == params["questions"][0])
            yes = next(o["label"] for o in first["options"] if o["id"] == params["yes"])
            box += nodes.paragraph(
                "",
                self.t(
                    "how.any-yes", yes=yes, any_level=label[params["any_level"]], none_level=label[params["none_level"]]
                ),
            )
        elif spec["method"] == "matrix-max":
            rating = next(q for s in spec["sections"] for q in s["questions"] if q["type"] == "rating")
            part1, part2 = rating["parts"]
            box += nodes.paragraph("", self.t("how.matrix-max", part1=part1["label"], part2=part2["label"]))
            for part in rating["parts"]:
                box += self._table(
                    part["label"],
                    [self.t("how.col.answer"), self.t("how.col.value")],
                    [[o["label"], str(o["value"])] for o in part["options"]],
                )
            box += self._table(
                self.t("how.bands"),
                [self.t("how.col.score"), self.t("how.col.level")],
                [[self.t("how.band.range", min=b["min"], max=b["max"]), label[b["level"]]] for b in params["bands"]],
            )
        else:
            priority = params.get("priority_below")
            box += nodes.paragraph("", self.t("how.banded-mean", priority_level=label.get(priority, "")))
            first = next(q for s in spec["sections"] for q in s["questions"] if q["scored"])
            box += self._table(
                self.t("how.values"),
                [self.t("how.col.answer"), self.t("how.col.value")],
                [
                    [o["label"] + (" " + self.t("how.unknown") if o["unknown"] else ""), str(o["value"])]
                    for o in first["options"]
                ],
            )
            rows, previous = [], None
            for band in params["bands"]:
                if "below" in band:
                    rows.append([self.t("how.band.below", below=band["below"]), label[band["level"]]])
                else:
                    rows.append([self.t("how.band.rest", min=previous), label[band["level"]]])
                previous = band.get("below")
            box += self._table(self.t("how.bands"), [self.t("how.col.score"), self.t("how.col.level")], rows)
        box += self._table(
            self.t("how.levels"),
            [self.t("how.col.level"), self.t("how.col.meaning")],
            [[lv["label"], lv["meaning"]] for lv in spec["levels"]],
        )
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
