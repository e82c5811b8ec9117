"""Per-document build data kept the Sphinx way: in a domain, cleared and merged by Sphinx itself.

Our extensions remember things about pages while they are read (which pages load the Python
runtime, the glossary's short definitions, the questionnaires on a page). A :class:`DocDataDomain`
keeps such data under ``env.domaindata[<name>]["docs"][docname]``: Sphinx calls ``clear_doc``
when a page is re-read and ``merge_domaindata`` after a parallel read, so no extension writes
its own purge and merge handlers (the pattern of ``sphinx.ext.todo``'s domain).
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import Any, ClassVar

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment


class DocDataDomain(Domain):
    """A domain whose data is a mapping ``docname -> value``; subclasses set ``name`` and ``label``."""

    initial_data: ClassVar[dict[str, Any]] = {"docs": {}}  # Sphinx deep-copies it per environment

    @property
    def docs(self) -> dict[str, Any]:
        """Every document's value."""
        return self.data.setdefault("docs", {})  # type: ignore[no-any-return]

    def clear_doc(self, docname: str) -> None:
        self.docs.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata.get("docs", {}):
                self.docs[docname] = otherdata["docs"][docname]

    def doc_items(self) -> Iterator[tuple[str, Any]]:
        """``(docname, value)`` in document order (sorted), so output never depends on read order."""
        for docname in sorted(self.docs):
            yield docname, self.docs[docname]


def doc_data(env: BuildEnvironment, name: str) -> DocDataDomain:
    """The domain called ``name`` of this environment."""
    domain = env.domains[name]
    assert isinstance(domain, DocDataDomain), name
    return domain
