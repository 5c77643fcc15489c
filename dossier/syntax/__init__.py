"""The content's grammar: Markdown setup, annotation rules, wikilinks, values, dates and names."""
