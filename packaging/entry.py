"""The bundled program's entry script: the same ``forensiclog.main:main`` as the console script."""

import sys

from forensiclog.main import main

if __name__ == "__main__":
    sys.exit(main())
