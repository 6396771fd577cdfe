"""``python -m historygraph``: the command line."""

from __future__ import annotations

import sys

from historygraph.cli import main

sys.exit(main())
