"""The small file helpers of authoring: front matter read with its place, slugs, atomic writes."""
