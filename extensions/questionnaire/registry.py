"""What the build knows about questionnaires across documents: uses per page and references."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .errors import WARNING_TYPE
from .model import Definition, Reference

logger = logging.getLogger(__name__)


def _uses(env: BuildEnvironment) -> dict[str, list[tuple[str, str, list[Reference]]]]:
    if not hasattr(env, "questionnaire_uses"):
        env.questionnaire_uses = {}  # type: ignore[attr-defined]
    return env.questionnaire_uses  # type: ignore[attr-defined,no-any-return]


def has_questionnaires(env: BuildEnvironment, docname: str) -> bool:
    """Whether a page shows at least one questionnaire."""
    return docname in _uses(env)


def record_use(env: BuildEnvironment, definition: Definition) -> str:
    """Remember a questionnaire on the current page; return an id prefix unique on that page."""
    uses = _uses(env).setdefault(env.docname, [])
    prefix = f"q-{definition.id}"
    taken = {p for _source, p, _refs in uses}
    count = 1
    while prefix in taken:
        count += 1
        prefix = f"q-{definition.id}-{count}"
    uses.append((definition.source, prefix, definition.references))
    return prefix


def _errors(env: BuildEnvironment) -> dict[str, list[str]]:
    if not hasattr(env, "questionnaire_errors"):
        env.questionnaire_errors = {}  # type: ignore[attr-defined]
    return env.questionnaire_errors  # type: ignore[attr-defined,no-any-return]


def record_error(env: BuildEnvironment, message: str, location: str) -> None:
    """Log a definition error now and remember it, so this and later builds fail until it is fixed."""
    logger.error(message, location=location, type=WARNING_TYPE, subtype="definition")
    _errors(env).setdefault(env.docname, []).append(message)


def _fail_on_definition_errors(app: Sphinx, exception: Exception | None) -> None:
    pending = [m for docname in sorted(_errors(app.env)) for m in _errors(app.env)[docname]]
    if exception is None and pending:
        app.statuscode = 1
        logger.info(
            "questionnaire: the build failed: %d invalid questionnaire definition(s), listed above", len(pending)
        )


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _uses(env).pop(docname, None)
    _errors(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    for docname in docnames:
        if docname in _uses(other):
            _uses(env)[docname] = _uses(other)[docname]
        if docname in _errors(other):
            _errors(env)[docname] = _errors(other)[docname]


def _check_references(app: Sphinx, env: BuildEnvironment) -> None:
    """Every ``ref``/``refs`` label in a definition must be a label some page defines."""
    labels = env.domaindata["std"]["labels"]
    anon = env.domaindata["std"]["anonlabels"]
    reported = set()
    for docname in sorted(_uses(env)):
        for source, _prefix, references in _uses(env)[docname]:
            for ref in references:
                key = (source, ref.label, ref.line)
                if ref.label in labels or ref.label in anon or key in reported:
                    continue
                reported.add(key)
                logger.warning(
                    "%s:%d:%d: %s: unknown page label '%s'",
                    source,
                    ref.line,
                    ref.column,
                    ref.path,
                    ref.label,
                    type=WARNING_TYPE,
                    subtype="unknown-ref",
                    location=docname,
                )


def setup_registry(app: Sphinx) -> None:
    """Keep the per-page record correct across incremental and parallel builds."""
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-check-consistency", _check_references)
    app.connect("build-finished", _fail_on_definition_errors)
