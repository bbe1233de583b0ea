"""juesuan_dev: the developer tools, outside the runtime package ``juesuan``.

The rule catalogue generator (``rules``), the YAML check (``yaml_check``), the comparison of the
DuckDB and PostgreSQL builds (``compare_targets``) and the benchmark with its second and third
implementations (``bench``: a hand-written DuckDB script and pandas). Run them as ``juesuan
rules``, ``juesuan check-yaml``, ``juesuan compare-targets`` and ``juesuan bench``.
"""
