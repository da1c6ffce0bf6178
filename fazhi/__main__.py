"""`python -m fazhi` runs the same command as `fazhi`."""

import sys

from fazhi.cli import main

sys.exit(main())
