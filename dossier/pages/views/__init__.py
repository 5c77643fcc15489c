"""Which pages a dossier has, what each shows, and which content files each depends on: a module
per page kind over a small shared core (the page record, the link resolver, the dependency inputs)."""
