"""``python -m myrtille`` is the ``myrtille`` command."""

from myrtille.cli import main

main()
