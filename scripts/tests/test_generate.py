"""The synthetic ledger generator: determinism, shape and the rules its output must follow.

The dbt build over a generated ledger is in test_file_sources.py.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from juesuan.generate import ENTITIES, Shape, generate, main

SHAPE = Shape(departments=3, units_per_department=3, lines_per_unit=60, years=[2022, 2023])


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("ledger")
    generate(folder, SHAPE, seed=7, chunk_units=4, progress=False)
    return folder


def query(ledger: Path, sql: str) -> list[tuple]:
    with duckdb.connect() as connection:
        for entity in ENTITIES:
            connection.execute(
                f"create view {entity} as select * from read_parquet('{ledger / entity}.parquet')"
            )
        return connection.execute(sql).fetchall()


def test_writes_the_seven_files_with_the_requested_shape(ledger):
    assert sorted(path.name for path in ledger.iterdir()) == sorted(f"{e}.parquet" for e in ENTITIES)
    assert query(ledger, "select count(*) from departments") == [(3,)]
    assert query(ledger, "select count(*), count(distinct department_code) from units") == [(9, 3)]
    assert query(ledger, "select count(*) from units where is_department_body") == [(3,)]
    lines = query(
        ledger,
        "select unit_code, fiscal_year, count(*) from (select unit_code, fiscal_year from income_entries "
        "union all select unit_code, fiscal_year from expenditure_entries) group by all",
    )
    assert len(lines) == 9 * 2 and {count for *_, count in lines} == {60}


def test_same_seed_same_ledger_other_seed_other_ledger(ledger, tmp_path):
    generate(tmp_path / "again", SHAPE, seed=7, chunk_units=4, progress=False)
    generate(tmp_path / "other", SHAPE, seed=8, chunk_units=4, progress=False)
    for entity in ENTITIES:
        same = query(tmp_path / "again", f"select * from {entity}")
        assert same == query(ledger, f"select * from {entity}"), entity
    assert query(tmp_path / "other", "select * from expenditure_entries") != query(
        ledger, "select * from expenditure_entries"
    )


def test_ids_are_unique_and_amounts_have_two_decimals(ledger):
    for entity, key in [
        ("income_entries", "entry_id"),
        ("expenditure_entries", "entry_id"),
        ("balance_entries", "entry_id"),
        ("budget_lines", "budget_line_id"),
        ("projects", "project_code"),
    ]:
        assert query(ledger, f"select count(*) = count(distinct {key}) from {entity}") == [(True,)], entity
    assert query(ledger, "select typeof(amount_yuan) from expenditure_entries limit 1") == [
        ("DECIMAL(18,2)",)
    ]


def test_codes_come_from_the_year_trees_and_follow_the_spending_type(ledger):
    reference = Path(__file__).resolve().parents[2] / "seeds" / "reference"
    functions = f"read_csv('{reference}/ref_function_subjects.csv', all_varchar = true)"
    assert query(
        ledger,
        f"select count(*) from expenditure_entries as e left join {functions} as f "
        "on f.fiscal_year::integer = e.fiscal_year and f.code = e.function_code and f.level = '3' "
        "where f.code is null",
    ) == [(0,)]
    pairs = set(
        query(ledger, "select distinct spending_type_code, left(economic_code, 3) from expenditure_entries")
    )
    allowed = {
        "basic_personnel": {"301", "303"},
        "basic_public": {"302", "310"},
        "project": {"302", "310"},
        "business": {"302"},
        "remit_superior": {"302"},
        "affiliate_subsidy": {"302"},
    }
    assert all(economic_class in allowed[spending] for spending, economic_class in pairs)


def test_fund_sources_agree_with_income_types_and_balances(ledger):
    appropriation = "('general_budget', 'gov_fund_budget', 'soe_capital_budget')"
    assert query(
        ledger,
        "select count(*) from income_entries "
        f"where (income_type_code = 'appropriation') <> (fund_source_code in {appropriation})",
    ) == [(0,)]
    assert query(
        ledger,
        "select count(*) from balance_entries where balance_type_code in ('use_of_surplus', 'surplus_distribution') "
        f"and fund_source_code in {appropriation}",
    ) == [(0,)]
    assert query(
        ledger,
        "select count(*) from expenditure_entries where economic_code in ('30212', '30217', '30231', '31013', '30913') "
        f"and fund_source_code not in {appropriation}",
    ) == [(0,)]
    assert query(
        ledger,
        f"select count(*) from expenditure_entries where fund_source_code in {appropriation} "
        "and spending_type_code not in ('basic_personnel', 'basic_public', 'project')",
    ) == [(0,)]
    assert query(
        ledger,
        "select count(*) from expenditure_entries as e left join projects as p "
        "on e.project_code = p.project_code and e.unit_code = p.unit_code and e.fiscal_year = p.fiscal_year "
        "where (e.spending_type_code = 'project') <> (p.project_code is not null)",
    ) == [(0,)]
    assert query(
        ledger,
        "select count(*) from (select * from income_entries union all by name select * from expenditure_entries) "
        "where year(posting_date) <> fiscal_year",
    ) == [(0,)]


def test_no_closing_balance_is_negative_and_openings_carry_forward(ledger):
    movements = """
        select unit_code, fiscal_year, fund_source_code, function_code, amount_yuan as amount
        from income_entries
        union all
        select unit_code, fiscal_year, fund_source_code, function_code, -amount_yuan from expenditure_entries
        union all
        select unit_code, fiscal_year, fund_source_code, function_code,
            case when balance_type_code = 'surplus_distribution' then -amount_yuan else amount_yuan end
        from balance_entries
    """
    closing = f"select unit_code, fiscal_year, fund_source_code, function_code, sum(amount) as closing from ({movements}) group by all"
    assert query(ledger, f"select count(*) from ({closing}) where closing < 0") == [(0,)]
    assert query(
        ledger,
        f"select count(*) from ({closing}) as c full join "
        "(select * from balance_entries where balance_type_code = 'opening' and fiscal_year = 2023) as o "
        "on c.unit_code = o.unit_code and c.fiscal_year + 1 = o.fiscal_year "
        "and c.fund_source_code = o.fund_source_code and c.function_code = o.function_code "
        "where coalesce(c.fiscal_year, 2022) = 2022 and coalesce(c.closing, 0) <> coalesce(o.amount_yuan, 0)",
    ) == [(0,)]


def test_csv_output_and_the_command_line(tmp_path, capsys):
    assert (
        main(
            [
                "--out",
                str(tmp_path),
                "--departments",
                "1",
                "--units-per-department",
                "2",
                "--lines-per-unit",
                "12",
                "--years",
                "2023",
                "--format",
                "csv",
                "--no-progress",
            ]
        )
        == 0
    )
    assert "24 ledger lines" in capsys.readouterr().out
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(f"{e}.csv" for e in ENTITIES)
    header = (tmp_path / "expenditure_entries.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith(
        "entry_id,unit_code,fiscal_year,posting_date,voucher_no,function_code,economic_code"
    )


def test_help_describes_the_command(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    assert "--lines-per-unit" in capsys.readouterr().out
