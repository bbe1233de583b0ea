"""The nine disclosure tables in pandas: what an analyst would write without the warehouse.

    python -m juesuan_dev.bench.pandas_impl --ledger DIR --out cells.parquet

Reads the ledger Parquet files and the layout seeds, and writes every cell (same cells as the
warehouse's rpt_disclosure_cells). Amounts are summed as integer 分 (cents), so sums are exact;
a missing classification is the empty string.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.compute as pc
import pyarrow.parquet as pq

REFERENCE = Path(__file__).resolve().parents[3] / "seeds" / "reference"
FLOW_KEY = ["flow", "budget_code", "is_appropriation", "income_type_code", "spending_group"]
SCOPE = ["department_code", "unit_code", "fiscal_year"]
OUTPUT = [*SCOPE, "table_no", "block", "row_code", "line_no", "column_label", "cents"]


def read_ledger(
    path: Path, columns: list[str], amounts: list[str], units: list[str] | None = None
) -> pd.DataFrame:
    """Read columns of a Parquet file (only the given units' lines); amounts become integer cents."""
    table = pq.read_table(path, columns=columns, filters=[("unit_code", "in", units)] if units else None)
    for name in amounts:
        cents = pc.cast(pc.multiply(table[name], 100), "int64")
        table = table.set_column(table.schema.get_field_index(name), name, cents)
    return table.to_pandas()


PROFILE = "central-2023"  # the profile of a department that names none, as the benchmark's


def read_reference(name: str) -> pd.DataFrame:
    """A reference seed; a layout keyed by profile, only the default profile's rows."""
    frame = pd.read_csv(REFERENCE / f"{name}.csv", dtype=str, keep_default_na=False)
    if "profile_code" in frame.columns:
        frame = frame[frame["profile_code"] == PROFILE].drop(columns="profile_code")
    return frame


def ledger_flows(ledger: Path, units: list[str]) -> pd.DataFrame:
    """Every amount by unit, year, flow and classification, with the closing balance."""
    keys = ["unit_code", "fiscal_year", "flow", "function_code", "fund_source_code"]
    detail = ["income_type_code", "spending_type_code", "economic_code"]
    income = read_ledger(
        ledger / "income_entries.parquet",
        ["unit_code", "fiscal_year", "function_code", "fund_source_code", "income_type_code", "amount_yuan"],
        ["amount_yuan"],
        units,
    ).assign(flow="income")
    spending_columns = ["unit_code", "fiscal_year", "function_code", "fund_source_code", "spending_type_code"]
    expenditure = read_ledger(
        ledger / "expenditure_entries.parquet",
        [*spending_columns, "economic_code", "amount_yuan"],
        ["amount_yuan"],
    ).assign(flow="expenditure")
    balances = read_ledger(
        ledger / "balance_entries.parquet",
        ["unit_code", "fiscal_year", "balance_type_code", "function_code", "fund_source_code", "amount_yuan"],
        ["amount_yuan"],
        units,
    ).rename(columns={"balance_type_code": "flow"})
    budgets = read_ledger(
        ledger / "budget_lines.parquet",
        [*spending_columns, "economic_code", "initial_budget_yuan", "final_budget_yuan"],
        ["initial_budget_yuan", "final_budget_yuan"],
        units,
    )
    initial = budgets.drop(columns="final_budget_yuan").rename(columns={"initial_budget_yuan": "amount_yuan"})
    final = budgets.drop(columns="initial_budget_yuan").rename(columns={"final_budget_yuan": "amount_yuan"})
    lines = pd.concat(
        [
            income,
            expenditure,
            balances,
            initial.assign(flow="initial_budget"),
            final.assign(flow="final_budget"),
        ],
        ignore_index=True,
    )
    for column in [*keys, *detail]:
        if column != "fiscal_year":
            lines[column] = lines[column].fillna("").astype(str)
    flows = lines.groupby([*keys, *detail], as_index=False, sort=False)["amount_yuan"].sum()
    movement = flows[
        flows["flow"].isin(["income", "expenditure", "opening", "use_of_surplus", "surplus_distribution"])
    ]
    sign = np.where(movement["flow"].isin(["expenditure", "surplus_distribution"]), -1, 1)
    closing = (
        movement.assign(amount_yuan=movement["amount_yuan"] * sign)
        .groupby(
            ["unit_code", "fiscal_year", "function_code", "fund_source_code"], as_index=False, sort=False
        )["amount_yuan"]
        .sum()
        .assign(flow="closing", income_type_code="", spending_type_code="", economic_code="")
    )
    return pd.concat([flows, closing], ignore_index=True)


def scoped_flows(ledger: Path, units: pd.DataFrame) -> pd.DataFrame:
    """Unit rows and department rows (the sum of the units, unit_code ''), classified."""
    flows = ledger_flows(ledger, units["unit_code"].tolist()).merge(units, on="unit_code", how="inner")
    keys = ["department_code", "fiscal_year", "flow", "function_code", "fund_source_code"]
    detail = ["income_type_code", "spending_type_code", "economic_code"]
    departments = (
        flows.groupby([*keys, *detail], as_index=False, sort=False)["amount_yuan"].sum().assign(unit_code="")
    )
    scoped = pd.concat([flows, departments], ignore_index=True)
    funds = read_reference("ref_fund_sources")[["fund_source_code", "is_appropriation", "budget_code"]]
    spending = read_reference("ref_spending_types")[["spending_type_code", "spending_group"]]
    sangong = read_reference("ref_sangong_categories")[["economic_code", "sangong_category_code"]]
    scoped = scoped.merge(funds, on="fund_source_code", how="left")
    scoped = scoped.merge(spending, on="spending_type_code", how="left").merge(
        sangong, on="economic_code", how="left"
    )
    for column in ["is_appropriation", "budget_code", "spending_group", "sangong_category_code"]:
        scoped[column] = scoped[column].fillna("")
    scoped["function_class_code"] = scoped["function_code"].str[:3]
    scoped["economic_class_code"] = scoped["economic_code"].str[:3]
    return scoped.rename(columns={"amount_yuan": "cents"})


def matches(spec: pd.Series, key: pd.DataFrame, prefix: str = "") -> pd.Series:
    """A layout filter (flows list, fund filter, income type, spending group) against flow keys."""
    flows = spec[f"{prefix}flows"]
    fund = spec[f"{prefix}fund_filter"]
    ok = pd.Series(True, index=key.index)
    if flows:
        ok &= key["flow"].isin(flows.split("|"))
    if fund == "appropriation":
        ok &= key["is_appropriation"] == "true"
    elif fund:
        ok &= key["budget_code"] == fund
    if spec[f"{prefix}income_type_code"]:
        ok &= key["income_type_code"] == spec[f"{prefix}income_type_code"]
    if spec[f"{prefix}spending_group"]:
        ok &= key["spending_group"] == spec[f"{prefix}spending_group"]
    return ok


def key_map(
    specs: pd.DataFrame, keys: pd.DataFrame, spec_columns: list[str], prefixes: list[str]
) -> pd.DataFrame:
    """Every (spec, flow key) pair where the key passes all the spec's filters."""
    pairs = []
    for _, spec in specs.iterrows():
        ok = pd.Series(True, index=keys.index)
        for prefix in prefixes:
            ok &= matches(spec, keys, prefix)
        if spec.get("row_code"):
            ok &= keys["function_class_code"] == spec["row_code"]
        pairs.append(keys[ok].assign(**{column: spec[column] for column in spec_columns}))
    return pd.concat(pairs, ignore_index=True)


def valid(frame: pd.DataFrame, year: pd.Series) -> pd.Series:
    to_year = pd.to_numeric(frame["valid_to_year"], errors="coerce")
    return (year >= frame["valid_from_year"].astype(int)) & (to_year.isna() | (year <= to_year))


def summary_tables(flows: pd.DataFrame, scopes: pd.DataFrame) -> pd.DataFrame:
    """公开01表 and 公开04表."""
    columns = read_reference("layout_columns")
    lines = pd.concat(
        [
            read_reference("layout_t01").assign(table_no="01"),
            read_reference("layout_t04").assign(table_no="04"),
        ]
    )
    specs = lines.merge(columns, on=["table_no", "block"], suffixes=("", "_c"))
    specs = specs.rename(
        columns={
            "flows_c": "c_flows",
            "fund_filter_c": "c_fund_filter",
            "income_type_code_c": "c_income_type_code",
            "spending_group_c": "c_spending_group",
        }
    )
    keys = flows[[*FLOW_KEY, "function_class_code"]].drop_duplicates()
    spec_columns = ["table_no", "line_no", "column_order", "valid_from_year", "valid_to_year"]
    pairs = key_map(specs, keys, spec_columns, ["", "c_"])
    joined = flows.merge(pairs, on=[*FLOW_KEY, "function_class_code"])
    joined = joined[valid(joined, joined["fiscal_year"])]
    amounts = joined.groupby([*SCOPE, "table_no", "line_no", "column_order"], as_index=False, sort=False)[
        "cents"
    ].sum()
    frame = scopes.merge(specs, how="cross")
    frame = frame[valid(frame, frame["fiscal_year"])]
    frame = frame.merge(amounts, on=[*SCOPE, "table_no", "line_no", "column_order"], how="left")
    return frame.assign(cents=frame["cents"].fillna(0).astype("int64"))


def function_tables(flows: pd.DataFrame, scopes: pd.DataFrame) -> pd.DataFrame:
    """公开02/03/05/07/08表: 合计 and every 类/款/项 with a non-zero cell or a non-zero row below."""
    columns = read_reference("layout_columns")
    columns = columns[columns["table_no"].isin(["02", "03", "05", "07", "08"])]
    keys = flows[FLOW_KEY].drop_duplicates()
    pairs = key_map(columns, keys, ["table_no", "column_order"], [""])
    items = (
        flows.merge(pairs, on=FLOW_KEY)
        .groupby([*SCOPE, "table_no", "column_order", "function_code"], as_index=False, sort=False)["cents"]
        .sum()
    )
    group = [*SCOPE, "table_no", "column_order"]
    levels = [
        items.rename(columns={"function_code": "row_code"}),
        items.assign(row_code=items["function_code"].str[:5])
        .groupby([*group, "row_code"], as_index=False)["cents"]
        .sum(),
        items.assign(row_code=items["function_code"].str[:3])
        .groupby([*group, "row_code"], as_index=False)["cents"]
        .sum(),
        items.groupby(group, as_index=False)["cents"].sum().assign(row_code=""),
    ]
    rolled = pd.concat([level[[*group, "row_code", "cents"]] for level in levels], ignore_index=True)
    nonzero = rolled.loc[
        (rolled["row_code"] != "") & (rolled["cents"] != 0), [*SCOPE, "table_no", "row_code"]
    ]
    nonzero = nonzero.drop_duplicates()
    ancestors = [nonzero]
    for length in (5, 3):
        longer = nonzero[nonzero["row_code"].str.len() > length]
        ancestors.append(longer.assign(row_code=longer["row_code"].str[:length]))
    totals = scopes.merge(pd.DataFrame({"table_no": columns["table_no"].unique()}), how="cross").assign(
        row_code=""
    )
    shown = pd.concat([*ancestors, totals], ignore_index=True).drop_duplicates()
    frame = shown.merge(columns[["table_no", "block", "column_order", "column_label"]], on="table_no")
    frame = frame.merge(rolled, on=[*SCOPE, "table_no", "row_code", "column_order"], how="left")
    return frame.assign(cents=frame["cents"].fillna(0).astype("int64"), line_no=np.nan)


def basic_expenditure_table(flows: pd.DataFrame, scopes: pd.DataFrame) -> pd.DataFrame:
    """公开06表: 一般公共预算 basic spending by economic class, 款 and block total."""
    layout = read_reference("layout_t06")
    decision = read_reference("layout_columns").query("table_no == '06'")
    basic = flows[
        (flows["flow"] == "expenditure")
        & (flows["budget_code"] == "general_public")
        & (flows["spending_group"] == "basic")
    ]
    classes = layout.loc[
        layout["row_kind"] == "class", ["valid_from_year", "valid_to_year", "block", "row_code"]
    ]
    basic = basic.merge(classes, left_on="economic_class_code", right_on="row_code")
    basic = basic[valid(basic, basic["fiscal_year"])]
    group = [*SCOPE, "block"]
    amounts = pd.concat(
        [
            basic.groupby([*group, "economic_class_code"], as_index=False)["cents"]
            .sum()
            .rename(columns={"economic_class_code": "row_code"})
            .assign(row_kind="class"),
            basic.groupby([*group, "economic_code"], as_index=False)["cents"]
            .sum()
            .rename(columns={"economic_code": "row_code"})
            .assign(row_kind="section"),
            basic.groupby(group, as_index=False)["cents"].sum().assign(row_code="", row_kind="block_total"),
        ],
        ignore_index=True,
    )
    frame = scopes.merge(layout, how="cross")
    frame = frame[valid(frame, frame["fiscal_year"])]
    frame = frame.merge(decision[["block", "column_label"]], on="block")
    frame = frame.merge(amounts, on=[*group, "row_kind", "row_code"], how="left")
    return frame.assign(table_no="06", line_no=np.nan, cents=frame["cents"].fillna(0).astype("int64"))


def sangong_table(flows: pd.DataFrame, scopes: pd.DataFrame) -> pd.DataFrame:
    """公开09表: 三公 categories of 财政拨款 money, 预算数 (全年预算) and 决算数."""
    layout = read_reference("layout_t09")
    sangong = flows[(flows["is_appropriation"] == "true") & (flows["sangong_category_code"] != "")]
    joined = sangong.merge(
        layout, left_on=["flow", "sangong_category_code"], right_on=["flows", "sangong_category_code"]
    )
    joined = joined[valid(joined, joined["fiscal_year"])]
    amounts = joined.groupby([*SCOPE, "block", "column_order"], as_index=False)["cents"].sum()
    frame = scopes.merge(layout, how="cross")
    frame = frame[valid(frame, frame["fiscal_year"])]
    frame = frame[[*SCOPE, "block", "column_order", "column_label"]].drop_duplicates()
    frame = frame.merge(amounts, on=[*SCOPE, "block", "column_order"], how="left")
    return frame.assign(
        table_no="09", row_code="", line_no=np.nan, cents=frame["cents"].fillna(0).astype("int64")
    )


def disclosure_cells(ledger: Path, batch: int = 0) -> pd.DataFrame:
    """Every cell; with ``batch`` > 0, ``batch`` departments at a time (departments are
    independent), so memory is bounded by the batch instead of the ledger."""
    units = pd.read_parquet(ledger / "units.parquet", columns=["unit_code", "department_code"])
    departments = sorted(units["department_code"].unique())
    size = batch or len(departments)
    tables = []
    for start in range(0, len(departments), size):
        chosen = units[units["department_code"].isin(departments[start : start + size])]
        flows = scoped_flows(ledger, chosen)
        scopes = flows[SCOPE].drop_duplicates()
        tables += [
            summary_tables(flows, scopes),
            function_tables(flows, scopes),
            basic_expenditure_table(flows, scopes),
            sangong_table(flows, scopes),
        ]
    cells = pd.concat([table[OUTPUT] for table in tables], ignore_index=True)
    cells["line_no"] = pd.to_numeric(cells["line_no"]).astype("Int64")
    for column in ["unit_code", "row_code"]:
        cells[column] = cells[column].replace("", None)
    return cells


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m juesuan_dev.bench.pandas_impl", description=__doc__)
    parser.add_argument("--ledger", type=Path, required=True, help="folder with <entity>.parquet")
    parser.add_argument("--out", type=Path, required=True, help="Parquet file of cells to write")
    parser.add_argument(
        "--batch-departments", type=int, default=0, help="departments per batch (default 0: all at once)"
    )
    args = parser.parse_args(argv)
    cells = disclosure_cells(args.ledger, args.batch_departments)
    cells.to_parquet(args.out, index=False)
    print(f"{len(cells):,} cells")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
