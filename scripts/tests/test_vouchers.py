"""The books door (issue 13): a contract ledger written as a finance system's books by
``juesuan vouchers`` and built through the voucher door gives the same tables, to the 元.

One folder holds two departments (the bundled example, 2022-2023, and 上海市普陀区财政局 2024),
built twice: as contract files and as books (vouchers with both 辅助核算 styles, red-ink
reversals, financial-accounting lines and year-end closing vouchers; trial balance; budget
targets). Two builds for the whole module.
"""

from __future__ import annotations

import csv
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from juesuan.dbt_runner import run_dbt
from juesuan.vouchers import CONTRACT_LINES, COPIED, EXAMPLE, ledger_door, write_books

SHANGHAI = Path(__file__).parent / "data" / "sh_putuo_2024_ledger"
CELLS = (
    "select department_code, unit_code, fiscal_year, table_no, block, line_key, column_key, row_code,"
    " amount_yuan from disclosure.rpt_disclosure_cells"
)


def combined_contract(folder: Path) -> Path:
    """The example's seeds and the Shanghai ledger as one contract folder."""
    folder.mkdir(parents=True)
    for entity in (*CONTRACT_LINES, *COPIED):
        with (folder / f"{entity}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = None
            for source in (EXAMPLE / f"example_{entity}.csv", SHANGHAI / f"{entity}.csv"):
                with source.open(encoding="utf-8", newline="") as handle:
                    reader = csv.DictReader(handle)
                    writer = writer or csv.DictWriter(out, fieldnames=reader.fieldnames, lineterminator="\n")
                    if out.tell() == 0:
                        writer.writeheader()
                    writer.writerows(reader)
    return folder


def build(root: Path, name: str, ledger: Path) -> tuple[Path, str]:
    warehouse = root / f"{name}.duckdb"
    completed = run_dbt(
        ["build"],
        warehouse=warehouse,
        ledger=ledger,
        target_path=root / f"target-{name}",
        log_path=root / f"logs-{name}",
    )
    assert completed.returncode == 0, completed.stdout[-4000:]
    return warehouse, completed.stdout


@pytest.fixture(scope="module")
def doors(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("doors")
    contract = combined_contract(root / "contract")
    books = root / "books"
    write_books(books, contract)
    assert ledger_door(contract) == "contract" and ledger_door(books) == "vouchers"
    (contract_warehouse, _), (books_warehouse, books_log) = (
        build(root, "contract", contract),
        build(root, "books", books),
    )
    return {
        "contract": contract_warehouse,
        "books": books_warehouse,
        "books_folder": books,
        "books_log": books_log,
    }


def read(warehouse: Path, query: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.sql(query).fetchall()


def test_both_doors_give_every_cell_to_the_yuan(doors):
    contract = sorted(read(doors["contract"], CELLS), key=str)
    books = sorted(read(doors["books"], CELLS), key=str)
    assert {row[0] for row in contract} == {"ZZGX-DSJ", "SHPT-CZJ"}
    assert len(contract) > 2000
    assert books == contract


def test_the_books_build_read_only_the_books(doors):
    """The voucher build derived its lines from the books (no contract file was read)."""
    sources = read(
        doors["books"], "select distinct source_file from intermediate.int_expenditure_entries_classified"
    )
    assert [Path(source).name for (source,) in sources] == ["vouchers.csv"]
    opening = read(
        doors["books"],
        "select source_file, sum(amount_yuan) from intermediate.int_balance_entries_classified group by source_file",
    )
    assert [(Path(source).name, amount) for source, amount in opening] == [
        ("trial_balance.csv", Decimal("491400.00"))
    ]


def test_the_build_says_what_became_of_the_voucher_lines(doors):
    counts = read(
        doors["books"],
        "select sum(lines_read), sum(lines_used), sum(closing_lines_excluded) from intermediate.int_vouchers__line_counts",
    )[0]
    said = "凭证明细 voucher lines: read {}, used {}, closing entries excluded {}".format(*counts)
    assert said in doors["books_log"]


def test_closing_vouchers_are_excluded_and_reconciled(doors):
    counts = read(
        doors["books"],
        "select sum(lines_read), sum(lines_used), sum(closing_lines_excluded), sum(financial_lines_skipped),"
        " sum(balance_lines_skipped), sum(lines_refused) from intermediate.int_vouchers__line_counts",
    )[0]
    read_, used, closing, financial, skipped, refused = counts
    assert closing > 0 and financial > 0 and skipped > 0 and refused == 0
    assert read_ == used + closing + financial + skipped
    reconciliation = read(
        doors["books"],
        "select count(*), count(*) filter (where has_closing_vouchers and difference_yuan = 0)"
        " from intermediate.int_vouchers__closing_reconciliation",
    )[0]
    assert reconciliation[0] > 0 and reconciliation[0] == reconciliation[1]


def test_the_books_hold_what_a_finance_system_exports(doors):
    """Both 辅助核算 styles, red-ink reversals, closing vouchers; every voucher balances."""
    with (doors["books_folder"] / "vouchers.csv").open(encoding="utf-8", newline="") as handle:
        lines = list(csv.DictReader(handle))
    totals: dict[tuple, Decimal] = defaultdict(Decimal)
    for line in lines:
        totals[line["unit_code"], line["fiscal_year"], line["voucher_no"]] += Decimal(
            line["debit_yuan"] or 0
        ) - Decimal(line["credit_yuan"] or 0)
    assert set(totals.values()) == {Decimal(0)}
    assert any(line["aux_text"].startswith("功能分类:") for line in lines)
    assert any(line["function_code"] and not line["aux_text"] for line in lines)
    assert any(
        line["summary"].startswith("红字冲销") and line["debit_yuan"].startswith("-") for line in lines
    )
    assert any(line["summary"] == "年末结转本年预算收支" for line in lines)


def test_the_generator_is_deterministic(tmp_path):
    write_books(tmp_path / "a")
    write_books(tmp_path / "b")
    for name in ("vouchers.csv", "trial_balance.csv", "budget_targets.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_folder_and_a_door_that_disagree_stop_the_build(doors, tmp_path):
    """Books read as contract files would be ignored: dbt stops naming the file."""
    completed = run_dbt(
        ["compile", "--select", "stg_ledger__vouchers"],
        ledger=doors["books_folder"],
        warehouse=tmp_path / "w.duckdb",
        target_path=tmp_path / "target",
        log_path=tmp_path / "logs",
        extra_env={"JUESUAN_LEDGER_DOOR": "contract"},
    )
    assert completed.returncode != 0
    assert "vouchers.csv: the books are read through the voucher door" in completed.stdout


def test_books_beside_contract_lines_stop_the_build(doors, tmp_path):
    folder = tmp_path / "both"
    shutil.copytree(doors["books_folder"], folder)
    shutil.copyfile(EXAMPLE / "example_income_entries.csv", folder / "income_entries.csv")
    completed = run_dbt(
        ["compile", "--select", "stg_ledger__vouchers"],
        ledger=folder,
        warehouse=tmp_path / "w.duckdb",
        target_path=tmp_path / "target",
        log_path=tmp_path / "logs",
    )
    assert completed.returncode != 0
    assert "a folder is read through one door" in completed.stdout
