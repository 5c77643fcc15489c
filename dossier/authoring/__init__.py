"""The editor's workbench: starting a dossier, and bringing sources in as articles."""
