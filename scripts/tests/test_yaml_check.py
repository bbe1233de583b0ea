"""The YAML check (dbt-core's own JSON schemas) catches keys that would silently disable a test."""

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

VALID = """
version: 2
anchors:
  - &scope [department_code, unit_code]
x-columns: &columns
  - {name: a, description: "A column, with a comma."}
models:
  - name: m
    description: a model
    config: {materialized: table, meta: {grain: *scope}}
    columns: *columns
    data_tests:
      - expression_is_true:
          arguments: {expression: a > 0}
          config: {severity: warn, meta: {rule_id: T01-01}}
"""

PROJECT_TYPO = """
name: p
version: "1.0"
profile: p
models:
  p:
    +materialised: view
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "_m.yml").write_text(text, encoding="utf-8")
    return [problem.split(": ", 1)[1] for problem in yaml_check.check_project(tmp_path)]


def test_the_project_has_no_unknown_keys():
    assert yaml_check.check_project(PROJECT) == []


def test_misspelt_keys_are_each_reported(tmp_path):
    assert problems(tmp_path, TYPOS) == [
        "models.m: unknown key 'data_test'",
        "models.m.columns.a.data_tests[0].accepted_values: unknown key 'argument'",
        "models.m.columns.a.data_tests[1].not_null.config: unknown key 'severty'",
    ]


def test_anchors_x_keys_and_lowercase_severity_are_accepted(tmp_path):
    assert problems(tmp_path, VALID) == []
    assert [notice.split(": ", 1)[1] for notice in yaml_check.anchor_notices(tmp_path)] == [
        "x-columns: accepted, but dbt's key for anchors is `anchors:`"
    ]


def test_a_misspelt_config_in_dbt_project_yml_is_reported(tmp_path):
    (tmp_path / "dbt_project.yml").write_text(PROJECT_TYPO, encoding="utf-8")
    assert [problem.split(": ", 1)[1] for problem in yaml_check.check_project(tmp_path)] == [
        "models.p: unknown key '+materialised'"
    ]
