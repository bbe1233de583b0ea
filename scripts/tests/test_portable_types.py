"""juesuan portable-types: a bare varchar (which Spark 4 refuses) is found in SQL and YAML, and
the rewrite replaces it so the check passes, leaving comments and varchar(n) alone."""

from __future__ import annotations

from pathlib import Path

from juesuan.dbt_runner import PROJECT
from juesuan_dev.portable_types import bare_in_sql, bare_in_yaml, main, rewrite_sql, rewrite_yaml

SQL = """-- a comment about varchar stays
{#- so does this varchar -#}
{%- set text = 'trim(cast(' ~ column ~ ' as varchar))' -%}
{%- set types = {'code': 'varchar', 'year': 'integer'} -%}
select cast(x as varchar) as x, cast(y as varchar(10)) as y, {{ text }} as z
"""

YAML = """version: 2

anchors:
  - &other [a]

seeds:
  - name: s
    config:
      column_types: {code: varchar, year: integer}  # a varchar comment
    columns:
      - {name: code, data_type: varchar, description: Code.}
      - name: name
        data_type: VARCHAR
"""


def test_bare_varchar_is_found_and_rewritten_in_sql():
    assert bare_in_sql(SQL) == [3, 4, 5]
    rewritten = rewrite_sql(SQL)
    assert bare_in_sql(rewritten) == []
    assert "cast(x as {{ text_type() }}) as x" in rewritten
    assert "varchar(10)" in rewritten
    assert "' as ' ~ text_type() ~ '))'" in rewritten
    assert "'code': text_type()" in rewritten
    assert rewritten.startswith("-- a comment about varchar stays\n{#- so does this varchar -#}")


def test_bare_varchar_is_found_and_rewritten_in_yaml():
    assert bare_in_yaml(YAML) == [9, 11, 13]
    rewritten = rewrite_yaml(YAML)
    assert bare_in_yaml(rewritten) == []
    assert rewritten.count("&text") == 1 and rewritten.index("&text") < rewritten.index("*text")
    assert "anchors:\n  # The text type" in rewritten  # into the file's own anchors block
    assert "{code: *text, year: integer}  # a varchar comment" in rewritten
    assert "data_type: *text" in rewritten


def test_the_project_has_no_bare_varchar(tmp_path: Path, capsys):
    assert main([str(PROJECT)]) == 0
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "m.sql").write_text("select cast(1 as varchar) as x\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    assert "models/m.sql:1: bare varchar" in capsys.readouterr().err
