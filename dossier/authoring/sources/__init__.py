"""Bringing sources in: a new dossier folder, and pages, files and URLs turned into articles."""
