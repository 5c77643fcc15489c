"""The site: which pages exist and what each shows, rendering, data, structured data, SVG, search."""
