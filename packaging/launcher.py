"""Entry point of the frozen app: the same `main` as the `facilitator` command."""

import sys

from facilitator.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
