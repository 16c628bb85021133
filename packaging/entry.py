"""Entry point of the standalone bundle: the same dispatch as the installed command."""

import multiprocessing
import sys

from compare.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the window compares large files in a child process
    sys.exit(main())
