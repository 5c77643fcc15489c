"""`python -m dossier`: the same commands and options as `python build.py` and `dossier`."""

import sys

from .cli import main

sys.exit(main())
