"""Exporting rpt_disclosure_cells to CSV."""

import csv

import duckdb
import pytest

from juesuan import export

CELLS = [
    # department, unit, year, table, block, row_code, line_no, label, column, yuan, wan, row, col
    ("D1", None, 2023, "02", "", None, None, "合计", "本年收入合计", 1698430.00, 169.84, 1, 1),
    ("D1", None, 2023, "02", "", None, None, "合计", "财政拨款收入", 1698430.00, 169.84, 1, 2),
    ("D1", None, 2023, "02", "", "201", None, "一般公共服务支出", "本年收入合计", 564160.00, 56.42, 2, 1),
    ("D1", None, 2023, "02", "", "201", None, "一般公共服务支出", "财政拨款收入", 564160.00, 56.42, 2, 2),
    ("D1", None, 2023, "04", "收入", None, 1, "一、一般公共预算财政拨款", "金额", 10.00, 0.00, 1, 1),
    ("D1", None, 2023, "04", "支出", "201", 33, "一、一般公共服务支出", "合计", 10.00, 0.00, 33, 1),
    ("D1", "U1", 2023, "02", "", None, None, "合计", "本年收入合计", 1.00, 0.00, 1, 1),
]


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute(
            "create schema disclosure; create table disclosure.rpt_disclosure_cells (department_code varchar, unit_code varchar, fiscal_year integer,"
            " table_no varchar, block varchar, row_code varchar, line_no integer, row_label varchar,"
            " column_label varchar, amount_yuan decimal(18,2), amount_wan decimal(18,2),"
            " row_order integer, column_order integer)"
        )
        connection.executemany(
            f"insert into disclosure.rpt_disclosure_cells values ({', '.join('?' * 13)})", CELLS
        )
        connection.execute(
            "create table disclosure.rpt_disclosure_tables (department_code varchar, unit_code varchar,"
            " fiscal_year integer, table_no varchar, table_label varchar, print_order integer,"
            " prints_line_no boolean, zero_display varchar, code_style varchar, print_variant varchar)"
        )
        connection.executemany(
            "insert into disclosure.rpt_disclosure_tables values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                ("D1", None, 2023, "02", "公开02表", 2, True, "zero", "whole", None),
                ("D1", None, 2023, "04", "公开04表", 4, True, "zero", "whole", None),
            ],
        )
    return path


@pytest.fixture
def shanghai_warehouse(warehouse):
    """The same cells, the department publishing in a profile without 行次, zeros blank, codes split."""
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute(
            "update disclosure.rpt_disclosure_tables set prints_line_no = false, zero_display = 'blank',"
            " code_style = 'split', table_label = case table_no when '02' then '二、收入决算表' else '四、财政拨款收入支出决算总表' end"
        )
    return warehouse


def read(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_printed_tables_have_one_row_per_table_row_in_order(warehouse, tmp_path):
    export.export(warehouse, tmp_path / "out")
    rows = read(tmp_path / "out" / "D1" / "2023" / "公开02表.csv")
    assert rows == [
        ["栏目", "行次", "科目代码", "项目", "本年收入合计", "财政拨款收入"],
        ["", "", "", "合计", "169.84", "169.84"],
        ["", "", "201", "一般公共服务支出", "56.42", "56.42"],
    ]


def test_two_sided_tables_keep_each_sides_columns(warehouse, tmp_path):
    export.export(warehouse, tmp_path / "out")
    rows = read(tmp_path / "out" / "D1" / "2023" / "公开04表.csv")
    assert rows[0] == ["栏目", "行次", "科目代码", "项目", "金额", "合计"]
    assert rows[1:] == [
        ["收入", "1", "", "一、一般公共预算财政拨款", "0.00", ""],
        ["支出", "33", "201", "一、一般公共服务支出", "", "0.00"],
    ]


def test_long_file_keeps_every_cell_of_every_scope(warehouse, tmp_path):
    written = export.export(warehouse, tmp_path / "out")
    assert written[0].name == "disclosure_cells.csv"
    assert len(read(written[0])) == len(CELLS) + 1


def test_missing_warehouse_is_reported(tmp_path, capsys):
    assert export.main(["--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path)]) == 1
    assert "make build" in capsys.readouterr().err


def test_a_profile_without_line_numbers_prints_its_own_labels_codes_and_blanks(shanghai_warehouse, tmp_path):
    export.export(shanghai_warehouse, tmp_path / "out")
    assert not (tmp_path / "out" / "D1" / "2023" / "公开02表.csv").exists()
    rows = read(tmp_path / "out" / "D1" / "2023" / "二、收入决算表.csv")
    assert rows == [
        ["栏目", "类", "款", "项", "项目", "本年收入合计", "财政拨款收入"],
        ["", "", "", "", "合计", "169.84", "169.84"],
        ["", "201", "", "", "一般公共服务支出", "56.42", "56.42"],
    ]
    rows = read(tmp_path / "out" / "D1" / "2023" / "四、财政拨款收入支出决算总表.csv")
    assert rows[1] == ["收入", "", "", "", "一、一般公共预算财政拨款", "", ""]
