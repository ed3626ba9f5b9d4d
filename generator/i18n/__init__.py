"""Every text budgetgen shows, in each language: one home below the views and writers.

- ``docs``: the fixed texts of the documents (``messages(lang)``).
- ``labels``: names of categories, stages, rates, levels, metrics and parameters.
- ``workbook``: sheet names and column headings of the workbooks.
- ``cli``: the messages of the commands and of every problem found in inputs.
"""
