"""Build the dossier: `python build.py --help` lists the commands and options."""

import sys

from dossier.cli import main

if __name__ == "__main__":
    sys.exit(main())
