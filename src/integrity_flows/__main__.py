"""``python -m integrity_flows``: the command line."""

import sys

from integrity_flows.cli import main

sys.exit(main())
