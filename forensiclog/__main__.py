"""``python -m forensiclog``."""

import sys

from forensiclog.main import main

sys.exit(main())
