"""A glossary, a page that links some of its terms, and a page that links none."""

extensions = ["myst_parser", "glossary_popover"]
exclude_patterns = ["_build"]
smartquotes = False  # keep "<!--" in the test definition as written
