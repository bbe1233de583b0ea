"""Benchmark: the dbt build against a hand-written DuckDB script and a pandas implementation.

``juesuan bench`` (``make bench``) generates ledgers, times the three ways of producing
the nine tables, checks they agree cell for cell and writes BENCHMARKS.md.
"""
