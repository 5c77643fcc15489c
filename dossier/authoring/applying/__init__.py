"""Writing what the editor accepts: annotations into articles, entity files, registry entries, dismissals."""
