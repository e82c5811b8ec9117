"""A glossary followed by more text in its section, which letter sections cannot come before."""

extensions = ["myst_parser", "glossary_letters"]
exclude_patterns = ["_build"]
