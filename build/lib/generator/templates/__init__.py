"""The Jinja templates and the stylesheet, shipped inside the package as ``generator.templates``."""
