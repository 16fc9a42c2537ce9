"""Entry point of the frozen app: the same `main` as the `facilitator` command."""

import multiprocessing
import sys

from facilitator.__main__ import main

if __name__ == "__main__":
    # The PDFs are built in a process of their own (facilitator.export.process); a frozen
    # app starts that process as itself, and this hands it over to the export's work.
    multiprocessing.freeze_support()
    sys.exit(main())
