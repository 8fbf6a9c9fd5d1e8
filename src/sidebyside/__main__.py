"""`python -m sidebyside` runs the same entry point as the console script."""

import sys

from sidebyside.cli import main

sys.exit(main())
