"""The property-file check catches keys that would silently disable a test."""

from pathlib import Path

from juesuan_dev import yaml_check

PROJECT = Path(__file__).resolve().parents[2]

TYPOS = """
version: 2
models:
  - name: m
    data_test:
      - unique_combination_of_columns:
          arguments: {combination_of_columns: [a]}
    columns:
      - name: a
        data_tests:
          - accepted_values:
              argument: {values: [1]}
          - not_null:
              config: {severty: warn}
"""


def test_the_project_has_no_unknown_keys():
    assert yaml_check.check_project(PROJECT) == []


def test_misspelt_keys_are_each_reported(tmp_path):
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "_m.yml").write_text(TYPOS, encoding="utf-8")
    problems = yaml_check.check_project(tmp_path)
    assert [problem.split(": ", 1)[1] for problem in problems] == [
        "models.m: unknown key 'data_test'",
        "models.m.columns.a.data_tests.accepted_values: unknown key 'argument'",
        "models.m.columns.a.data_tests.not_null.config: unknown key 'severty'",
    ]
