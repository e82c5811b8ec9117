"""Tables with and without captions, two in one section: each scroll box gets a distinct name."""

extensions = ["myst_parser", "site_a11y"]
exclude_patterns = ["_build"]
html_theme = "furo"
