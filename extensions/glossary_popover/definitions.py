"""Collect each glossary term's short definition (the first sentence of its entry) while pages are read."""

from __future__ import annotations

import re
from collections.abc import Iterable

from doc_data import DocDataDomain, doc_data
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


class GlossaryDefinitionsDomain(DocDataDomain):
    """Short definitions per glossary page: ``{docname: {anchor id: [term, short definition]}}``."""

    name = "glossary-popover"
    label = "Glossary pop-over definitions"


#: A sentence ends at . ! or ? followed by space and a capital, digit or opening quote or bracket.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘(])")


def first_sentence(text: str) -> str:
    """The first sentence of a definition, with its white space collapsed."""
    flat = " ".join(text.split())
    return SENTENCE_END.split(flat, maxsplit=1)[0]


def definitions(env: BuildEnvironment) -> dict[str, dict[str, list[str]]]:
    """The collected definitions."""
    return doc_data(env, GlossaryDefinitionsDomain.name).docs


def glossary_terms(doctree: nodes.Node) -> Iterable[tuple[str, str, str]]:
    """``(anchor id, term, short definition)`` for every term line of every glossary in a doctree."""
    for glossary in doctree.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            definition = next(iter(item.findall(nodes.definition)), None)
            if definition is None:
                continue
            paragraph = next(iter(definition.findall(nodes.paragraph)), definition)
            short = first_sentence(paragraph.astext())
            for term in item.findall(nodes.term):
                for anchor in term["ids"]:
                    yield anchor, term.astext(), short


def _collect(app: Sphinx, doctree: nodes.document) -> None:
    found = {anchor: [term, short] for anchor, term, short in glossary_terms(doctree) if short}
    if found:
        definitions(app.env)[app.env.docname] = found


def lookup(env: BuildEnvironment, docname: str, anchor: str) -> list[str] | None:
    """``[term, short definition]`` for the glossary entry ``anchor`` on page ``docname``, if there is one."""
    return definitions(env).get(docname, {}).get(anchor)


def setup_definitions(app: Sphinx) -> None:
    """Collect definitions as pages are read, into a domain that Sphinx clears and merges."""
    app.add_domain(GlossaryDefinitionsDomain)
    app.connect("doctree-read", _collect)
