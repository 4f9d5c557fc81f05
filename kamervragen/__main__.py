"""``python -m kamervragen``: the same command line as the ``kamervragen`` script."""

import sys

from kamervragen.cli import main

sys.exit(main())
