"""A page that asks for the Python runtime and a page that does not."""

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

extensions = ["pyscript_runtime"]


class NeedsPython(SphinxDirective):
    def run(self):
        from pyscript_runtime import require_pyscript

        require_pyscript(self.env)
        return [nodes.paragraph(text="needs python")]


def setup(app):
    app.add_directive("needs-python", NeedsPython)
