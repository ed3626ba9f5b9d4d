"""Pure calculations (SPEC §3): one module per stage, no I/O, no formatting."""
