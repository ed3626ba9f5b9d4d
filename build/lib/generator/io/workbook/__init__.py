"""budget.xlsx: a live finance model. Every computed cell of the base case is a
formula back to the assumption cells, written with its cached value from the
results object, so viewers that never recalculate show the right figures and
LibreOffice or Excel recalculates to the same figures, to the fen."""

from .writer import write_budget_workbook

__all__ = ["write_budget_workbook"]
