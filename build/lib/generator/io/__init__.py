"""Reading inputs and writing outputs; no business figures are computed here."""
