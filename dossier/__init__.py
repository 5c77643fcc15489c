"""dossier: a static site generator for sourced topic dossiers."""

__version__ = "0.1.0"
