"""The local web app (`budgetgen serve`): its store first; the routes of SPEC §8 come with [5/8]."""
