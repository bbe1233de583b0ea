"""The benchmark judges the issue's targets from its own medians, not from typed-in numbers."""

from juesuan_dev.bench.__main__ import Measure, targets_markdown


def measure(name: str, size: str, seconds: float, peak: float = 100.0) -> Measure:
    return Measure(name, size, seconds=[seconds], cpu_seconds=[seconds], peak_mib=peak)


def test_targets_are_computed_from_the_medians():
    by = {
        ("example", "dbt"): measure("dbt", "example", 20.0),
        ("10m", "dbt"): measure("dbt", "10m", 80.0, peak=3000.0),
        ("10m", "duckdb"): measure("duckdb", "10m", 40.0),
        ("10m", "pandas"): measure("pandas", "10m", 2000.0),
    }
    table = "\n".join(targets_markdown(by))
    assert "| example build ≤ 15 s | 20.0 s | no |" in table
    assert "| dbt data-dependent time ≤ 2× the DuckDB script | 1.50× | yes |" in table
    assert "| dbt ≥ 20× faster than pandas | 25.0× | yes |" in table
    assert "| peak memory ≤ 4 GiB | 3,000 MiB | yes |" in table
    by[("10m", "duckdb")] = measure("duckdb", "10m", 20.0)
    assert "| 3.00× | no |" in "\n".join(targets_markdown(by))


def test_without_a_10m_run_only_the_example_build_is_judged():
    assert targets_markdown({("example", "dbt"): measure("dbt", "example", 20.0)}) == [
        "| target (10M lines) | measured | met? |",
        "|---|---|---|",
        "| example build ≤ 15 s | 20.0 s | no |",
    ]
