"""The editor's workbench: bringing sources in, suggesting annotations, applying them, reviewing them.

Floors, each importing only those below it (import-linter contracts in pyproject.toml):
`commands` (what the command line runs) over `sources` and `review`, over `applying`, over
`suggesting`, over `files` (the small helpers every floor uses).
"""
