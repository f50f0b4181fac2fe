"""Entry point of `python -m privserver`."""

from privserver.cli import main

raise SystemExit(main())
