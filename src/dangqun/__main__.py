"""``python -m dangqun`` behaves like the ``dangqun`` command."""

import sys

from dangqun.cli import main

sys.exit(main())
