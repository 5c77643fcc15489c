"""Finding what an editor would annotate: known names, numbers, date phrases, candidate entities."""
