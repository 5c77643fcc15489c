"""Build the dossier: `python build.py --help` lists the commands and options."""

import os
import sys

from dossier.cli import main

if __name__ == "__main__":
    code = main()
    # Everything is written; leave without freeing a large dossier's objects one by one.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
