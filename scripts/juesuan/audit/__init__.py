"""Audit a published disclosure: read it (read/), land it (landing.py), check it with the rule catalogue (dbt), report."""
