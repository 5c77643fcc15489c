"""The dossier as data: documents, figures with their corroboration and conflicts, and references resolved."""
