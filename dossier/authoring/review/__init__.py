"""The review panel's decisions: what the preview's API lists, applies and takes back."""
