"""Reading a dossier folder: config, files and front matter, YAML with positions, field schemas."""
