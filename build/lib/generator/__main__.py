"""`python -m generator` runs the `budgetgen` command."""

from .cli import main

main()
