"""The engine's own error: a definition the pure layer refuses, with the field path it is about."""


class SpecError(Exception):
    """A definition a scoring method cannot use; the build turns it into a located error.

    ``path`` is a tuple of keys and indexes into the definition, as written in the YAML file.
    """

    def __init__(self, path: tuple, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
