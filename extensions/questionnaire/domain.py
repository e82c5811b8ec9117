"""The ``questionnaire`` domain: every questionnaire and item across the site, indexed by dimension.

Per page it keeps the questionnaires shown there, their items (with their anchors and the
dimension values each belongs to, such as ``principle: fairness``) and any definition errors.
With that index:

- ``{questionnaire:items} <kind> <id>`` lists, on any page, the items of one dimension value
  (on a principle's page, the risk items that test it), each linked to its question;
- ``{questionnaire:item}`<questionnaire>.<item>``` links to one item.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from doc_data import DocDataDomain, doc_data
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from .engine import spec as specs
from .errors import WARNING_TYPE
from .model import Definition

logger = logging.getLogger(__name__)


class questionnaire_item_list(nodes.General, nodes.Element):
    """Where ``questionnaire:items`` puts its list once every page has been read."""


class ItemListDirective(SphinxDirective):
    """List the items of one dimension value: ``{questionnaire:items} principle fairness``.

    Option ``:questionnaire:`` keeps the items of one questionnaire only; ``:numbered:`` makes
    a numbered list (statements a reader can also score on paper, by number).
    """

    required_arguments = 2
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "questionnaire": directives.unchanged_required,
        "numbered": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        node = questionnaire_item_list(
            "",
            kind=self.arguments[0],
            value=self.arguments[1],
            questionnaire=self.options.get("questionnaire"),
            numbered="numbered" in self.options,
        )
        self.set_source_info(node)
        domain(self.env).note_list(self.env.docname)
        return [node]


class QuestionnaireDomain(DocDataDomain):
    """Questionnaires, their items and their errors, per page."""

    name = "questionnaire"
    label = "Questionnaire"
    #: Raised when the shape of the data changes, so Sphinx rebuilds an older environment
    #: (1: views; 2: the optional modules each use needs; 3: check panels).
    data_version = 3
    object_types: ClassVar[dict[str, ObjType]] = {"item": ObjType("item", "item")}
    directives: ClassVar[dict[str, Any]] = {"items": ItemListDirective}
    roles: ClassVar[dict[str, Any]] = {"item": XRefRole()}

    def _page(self, docname: str) -> dict[str, Any]:
        return self.docs.setdefault(docname, {"uses": [], "items": [], "errors": [], "lists": False, "checks": 0})

    # --- while reading ---------------------------------------------------------------------
    def note_use(self, docname: str, definition: Definition, modules: list[str]) -> str:
        """Remember a questionnaire on a page and the optional engine modules it needs; return an id
        prefix unique on that page."""
        page = self._page(docname)
        prefix = f"q-{definition.id}"
        taken = {use["prefix"] for use in page["uses"]}
        count = 1
        while prefix in taken:
            count += 1
            prefix = f"q-{definition.id}-{count}"
        page["uses"].append(
            {
                "source": definition.source,
                "prefix": prefix,
                "references": definition.references,
                "modules": list(modules),
            }
        )
        spec = definition.spec
        for section, question in specs.questions(spec):
            page["items"].append(
                {
                    "questionnaire": definition.id,
                    "id": question["id"],
                    "text": question["text"],
                    "anchor": f"{prefix}-q-{question['id']}",
                    "dimensions": specs.question_dimensions(spec, section, question),
                }
            )
        return prefix

    def note_check(self, docname: str) -> None:
        """Remember a "check a report" panel on a page: it runs the engine, with no optional module."""
        self._page(docname)["checks"] += 1

    def checks(self, docname: str) -> range:
        """The check panels noted on a page so far (their count numbers the next one's id)."""
        return range(self.docs.get(docname, {}).get("checks", 0))

    def note_error(self, docname: str, message: str) -> None:
        """Remember a definition error so this and later builds fail until it is fixed."""
        self._page(docname)["errors"].append(message)

    def note_list(self, docname: str) -> None:
        """Remember that a page lists items, so it is rebuilt when questionnaires change."""
        self._page(docname)["lists"] = True

    # --- queries ---------------------------------------------------------------------------
    def modules(self, docname: str) -> set[str]:
        """The optional engine modules the questionnaires and check panels on a page need."""
        page = self.docs.get(docname, {})
        found = {name for use in page.get("uses", []) for name in use["modules"]}
        if page.get("checks"):
            found |= {"engine/check.py"}
        return found

    def has_questionnaires(self, docname: str) -> bool:
        """Whether a page runs the engine: it shows a questionnaire or a "check a report" panel."""
        page = self.docs.get(docname, {})
        return bool(page.get("uses") or page.get("checks"))

    def errors(self) -> list[str]:
        """Every pending definition error, in document order."""
        return [message for _doc, page in self.doc_items() for message in page["errors"]]

    def uses(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """``(docname, use)`` for every questionnaire shown on a page."""
        for docname, page in self.doc_items():
            for use in page["uses"]:
                yield docname, use

    def items(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """``(docname, item)`` for every item, the first page that shows it only."""
        seen: set[tuple[str, str]] = set()
        for docname, page in self.doc_items():
            for item in page["items"]:
                key = (item["questionnaire"], item["id"])
                if key not in seen:
                    seen.add(key)
                    yield docname, item

    def pages_with_lists(self) -> list[str]:
        """The pages that list items."""
        return [docname for docname, page in self.doc_items() if page["lists"]]

    # --- cross-references --------------------------------------------------------------------
    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        for docname, item in self.items():
            name = f"{item['questionnaire']}.{item['id']}"
            yield name, item["text"], "item", docname, item["anchor"], 1

    def _find(self, target: str) -> tuple[str, dict[str, Any]] | None:
        for docname, item in self.items():
            if f"{item['questionnaire']}.{item['id']}" == target:
                return docname, item
        return None

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        found = self._find(target)
        if found is None:
            logger.warning(
                "unknown questionnaire item '%s' (write <questionnaire>.<item>)",
                target,
                location=node,
                type=WARNING_TYPE,
                subtype="unknown-item",
            )
            return None
        docname, item = found
        if not node.get("refexplicit"):
            contnode = nodes.inline("", item["text"])
        return make_refnode(builder, fromdocname, docname, item["anchor"], contnode, item["text"])

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        found = self._find(target)
        if found is None:
            return []
        docname, item = found
        return [("questionnaire:item", make_refnode(builder, fromdocname, docname, item["anchor"], contnode))]


def domain(env: BuildEnvironment) -> QuestionnaireDomain:
    """This environment's questionnaire domain."""
    found = doc_data(env, QuestionnaireDomain.name)
    assert isinstance(found, QuestionnaireDomain)
    return found


# --- build events -----------------------------------------------------------------------------


def _fill_item_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each ``questionnaire:items`` placeholder with its list of linked items."""
    qdomain = domain(app.env)
    for node in list(doctree.findall(questionnaire_item_list)):
        kind, value, only = node["kind"], node["value"], node["questionnaire"]
        if node.get("numbered"):
            listing: nodes.Element = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        else:
            listing = nodes.bullet_list()
        listing["classes"].append("questionnaire-item-list")
        for item_doc, item in qdomain.items():
            if only and item["questionnaire"] != only:
                continue
            if [kind, value] not in [list(pair) for pair in item["dimensions"]]:
                continue
            ref = make_refnode(app.builder, docname, item_doc, item["anchor"], nodes.Text(item["text"]))
            listing += nodes.list_item("", nodes.paragraph("", "", ref))
        if not listing.children:
            logger.warning(
                "no questionnaire item has %s '%s'",
                kind,
                value,
                location=node,
                type=WARNING_TYPE,
                subtype="unknown-item",
            )
        node.replace_self(listing)


def _outdated_lists(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    # A page that lists items shows data from other pages: read it again whenever pages change.
    if not (added or changed or removed):
        return []
    return domain(env).pages_with_lists()


def _check_references(app: Sphinx, env: BuildEnvironment) -> None:
    """Every ``ref``/``refs`` label in a definition must be a label some page defines."""
    labels = env.domaindata["std"]["labels"]
    anon = env.domaindata["std"]["anonlabels"]
    reported = set()
    for docname, use in domain(env).uses():
        for ref in use["references"]:
            key = (use["source"], ref.label, ref.line)
            if ref.label in labels or ref.label in anon or key in reported:
                continue
            reported.add(key)
            logger.warning(
                "%s:%d:%d: %s: unknown page label '%s'",
                use["source"],
                ref.line,
                ref.column,
                ref.path,
                ref.label,
                type=WARNING_TYPE,
                subtype="unknown-ref",
                location=docname,
            )


def _fail_on_definition_errors(app: Sphinx, exception: Exception | None) -> None:
    pending = domain(app.env).errors()
    if exception is None and pending:
        app.statuscode = 1
        logger.info(
            "questionnaire: the build failed: %d invalid questionnaire definition(s), listed above", len(pending)
        )


def _skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup_domain(app: Sphinx) -> None:
    """Register the domain and the events that keep its lists and checks right."""
    app.add_domain(QuestionnaireDomain)
    # Replaced at doctree-resolved; a builder that meets one anyway skips it.
    skip = (_skip, None)
    app.add_node(questionnaire_item_list, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.connect("doctree-resolved", _fill_item_lists)
    app.connect("env-get-outdated", _outdated_lists)
    app.connect("env-check-consistency", _check_references)
    app.connect("build-finished", _fail_on_definition_errors)
