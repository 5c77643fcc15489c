"""Build the dossier: `python build.py --help` lists the commands and options."""

import sys

try:
    from dossier.cli import main
except ModuleNotFoundError as missing:
    if missing.name != "dossier":
        raise
    install = "python -m pip install -r requirements.txt"
    print(f"build.py: the dossier engine is not installed; install it with: {install}", file=sys.stderr)
    sys.exit(2)

if __name__ == "__main__":
    sys.exit(main())
