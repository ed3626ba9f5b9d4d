"""Customer segmentation from a dealer-system export (`budgetgen segment`), with pandas."""
