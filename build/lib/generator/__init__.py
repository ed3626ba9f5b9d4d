"""budgetgen: after-sales campaign assumptions in, approval documents out."""

__version__ = "0.1.0"
