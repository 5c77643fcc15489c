"""Helpers and scripts that check the built site with outside tools (not part of the engine).

`tools/package.json` pins the checkers from the npm registry (axe-core, Lighthouse); they are
installed into `tools/node_modules/` on first use.
"""
