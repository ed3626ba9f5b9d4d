"""Rendering: view data from the results object, charts, HTML and PDF. Computes no business figure."""
