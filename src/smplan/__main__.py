"""`python -m smplan` is the `smplan` command."""

import sys

from smplan.cli import main

sys.exit(main())
