"""Generate a synthetic ledger: N departments x M units x K lines per unit and year.

Writes the seven files of docs/input_contract.md (``departments``, ``units``,
``income_entries``, ``expenditure_entries``, ``balance_entries``, ``budget_lines``,
``projects``) as Parquet or CSV into one folder, ready for ``--vars '{ledger_path: …}'``.

The ledger is made to pass every check of the warehouse:

- function codes are 项 (level 3) of every generated year's tree, under a 类 that 公开01表 prints;
- economic 款 follow the spending type as 公开06表 lays them out: 人员经费 from 301/303, 公用经费
  and projects from 302/310; every one exists in each year's economic list;
- 财政拨款收入 only from the three appropriation fund sources, every other income type only from
  non-appropriation sources; 使用非财政拨款结余 and 结余分配 only on non-appropriation funds;
  财政拨款 only for basic and project spending; 三公 款 only from 财政拨款;
- each unit keeps its items (项 x fund source) across years; income covers spending per item, so
  no closing balance is negative, and a year's opening balance is the previous year's closing;
- amounts have two decimals, ids are unique, posting dates fall in their fiscal year, project
  lines name a project of the same unit and year.

Same arguments and seed, same files. Generation runs in chunks of units (``--chunk-units``), so
100M lines need no more memory than one chunk.

    python -m juesuan.generate --out target/ledger-1m --departments 100 --units-per-department 5 \\
        --lines-per-unit 1000 --years 2022 2023 --seed 1
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
from tqdm import tqdm

PROJECT = Path(__file__).resolve().parents[2]
REFERENCE = PROJECT / "seeds" / "reference"
ENTITIES = [
    "departments",
    "units",
    "income_entries",
    "expenditure_entries",
    "balance_entries",
    "budget_lines",
    "projects",
]

FUND_SOURCES = ["general_budget", "gov_fund_budget", "soe_capital_budget", "special_account", "unit_funds"]
FUND_WEIGHTS = [0.55, 0.08, 0.04, 0.11, 0.22]
APPROPRIATION_FUNDS = 3  # the first three fund sources are 财政拨款
NON_APPROPRIATION_INCOME = [
    "superior_subsidy",
    "service_revenue",
    "business_revenue",
    "affiliate_remittance",
    "other_revenue",
]
SPENDING_TYPES = [
    "basic_personnel",
    "basic_public",
    "project",
    "business",
    "remit_superior",
    "affiliate_subsidy",
]
# Spending type mix on appropriation funds and on the unit's own funds.
SPENDING_WEIGHTS = {
    True: [0.38, 0.32, 0.30, 0.0, 0.0, 0.0],
    False: [0.20, 0.30, 0.20, 0.12, 0.09, 0.09],
}
# Mean amount (元) of a spending line by type; amounts are log-normal around it.
SPENDING_MEAN_YUAN = [6500.0, 1800.0, 24000.0, 9000.0, 30000.0, 40000.0]
# The economic classes each spending type may use (公开06表's blocks).
ECONOMIC_CLASSES = {
    "basic_personnel": ("301", "303"),
    "basic_public": ("302", "310"),
    "project": ("302", "310"),
    "business": ("302",),
    "remit_superior": ("302",),
    "affiliate_subsidy": ("302",),
}
UNIT_TYPES = ["admin", "civil_service_managed", "institution"]
REVERSAL_SHARE = 0.01
ITEMS_PER_UNIT = 8


@dataclass(frozen=True)
class Reference:
    """Code pools valid in every generated year."""

    function_codes: np.ndarray
    function_names: np.ndarray
    function_classes: np.ndarray
    economic_pools: dict[str, np.ndarray]
    economic_names: dict[str, str]
    sangong_codes: np.ndarray


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def valid_in(row: dict[str, str], year: int) -> bool:
    return int(row["valid_from_year"]) <= year and (
        not row["valid_to_year"] or year <= int(row["valid_to_year"])
    )


def load_reference(reference_dir: Path, years: list[int]) -> Reference:
    """项 codes of every year's tree under a 类 公开01表 prints; economic 款 pools by spending type."""
    printed_classes = set.intersection(
        *(
            {
                r["row_code"]
                for r in read_rows(reference_dir / "layout_t01.csv")
                if r["row_code"] and valid_in(r, y)
            }
            for y in years
        )
    )
    function_rows = read_rows(reference_dir / "ref_function_subjects.csv")
    names: dict[str, str] = {}
    items_by_year = []
    for year in years:
        rows = [r for r in function_rows if int(r["fiscal_year"]) == year and r["level"] == "3"]
        items_by_year.append({r["code"] for r in rows if r["code"][:3] in printed_classes})
        names.update({r["code"]: r["name"] for r in rows})
    function_codes = np.array(sorted(set.intersection(*items_by_year)))
    if len(function_codes) == 0:
        raise ValueError(f"no 项 code is valid in every year of {years}")
    economic_rows = read_rows(reference_dir / "ref_economic_subjects.csv")
    economic = set.intersection(
        *(
            {r["code"] for r in economic_rows if int(r["fiscal_year"]) == y and r["level"] == "2"}
            for y in years
        )
    )
    layout_rows = read_rows(reference_dir / "layout_t06.csv")
    printed_sections = set.intersection(
        *(
            {r["row_code"] for r in layout_rows if r["row_kind"] == "section" and valid_in(r, y)}
            for y in years
        )
    )
    usable = sorted(economic & printed_sections)
    pools = {
        kind: np.array([code for code in usable if code[:3] in classes])
        for kind, classes in ECONOMIC_CLASSES.items()
    }
    for kind, pool in pools.items():
        if len(pool) == 0:
            raise ValueError(f"no economic 款 for {kind} in every year of {years}")
    return Reference(
        function_codes=function_codes,
        function_names=np.array([names[c] for c in function_codes]),
        function_classes=np.array([c[:3] for c in function_codes]),
        economic_pools=pools,
        economic_names={r["code"]: r["name"] for r in economic_rows},
        sangong_codes=np.array(
            [r["economic_code"] for r in read_rows(reference_dir / "ref_sangong_items.csv")]
        ),
    )


def zipf_weights(size: int, exponent: float = 0.8) -> np.ndarray:
    """A few codes are common, most are rare."""
    weights = 1.0 / np.arange(1, size + 1) ** exponent
    return weights / weights.sum()


def cents_from_yuan(rng: np.random.Generator, mean_yuan: np.ndarray) -> np.ndarray:
    """Log-normal amounts around ``mean_yuan``, in whole cents (分), at least one 元."""
    sigma = 0.9
    yuan = mean_yuan * rng.lognormal(-(sigma**2) / 2, sigma, size=mean_yuan.shape)
    return np.maximum(np.round(yuan * 100), 100).astype(np.int64)


@dataclass(frozen=True)
class Shape:
    departments: int
    units_per_department: int
    lines_per_unit: int
    years: list[int]

    @property
    def units(self) -> int:
        return self.departments * self.units_per_department

    @property
    def items(self) -> int:
        return max(1, min(ITEMS_PER_UNIT, self.lines_per_unit // 4))

    @property
    def income_lines(self) -> int:
        return max(self.items, self.lines_per_unit // 6)

    @property
    def expenditure_lines(self) -> int:
        return max(1, self.lines_per_unit - self.income_lines)


def unit_code(index: np.ndarray | int, shape: Shape) -> str | np.ndarray:
    return np.char.add(
        department_code(np.asarray(index) // shape.units_per_department),
        np.char.add("-", np.char.zfill((np.asarray(index) % shape.units_per_department + 1).astype(str), 3)),
    )


def department_code(index: np.ndarray) -> np.ndarray:
    return np.char.add("D", np.char.zfill(np.asarray(index).astype(str), 5))


def organisation(shape: Shape, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Departments and units; the first unit of each department is its 本级 (an admin unit)."""
    department_index = np.arange(shape.departments)
    departments = pd.DataFrame(
        {
            "department_code": department_code(department_index),
            "department_name": np.char.add("模拟部门", np.char.zfill(department_index.astype(str), 5)),
        }
    )
    unit_index = np.arange(shape.units)
    is_body = unit_index % shape.units_per_department == 0
    unit_types = np.where(is_body, "admin", rng.choice(UNIT_TYPES, size=shape.units, p=[0.2, 0.3, 0.5]))
    units = pd.DataFrame(
        {
            "unit_code": unit_code(unit_index, shape),
            "unit_name": np.where(
                is_body,
                np.char.add(
                    departments["department_name"].to_numpy()[unit_index // shape.units_per_department],
                    "本级",
                ),
                np.char.add("模拟下属单位", unit_code(unit_index, shape)),
            ),
            "department_code": department_code(unit_index // shape.units_per_department),
            "unit_type_code": unit_types,
            "is_department_body": is_body,
        }
    )
    return departments, units


@dataclass
class Chunk:
    """Numeric columns of one chunk of units; strings are made by DuckDB when writing."""

    expenditure: pd.DataFrame
    income: pd.DataFrame
    balances: pd.DataFrame
    budgets: pd.DataFrame
    projects: pd.DataFrame


def generate_chunk(
    first_unit: int, unit_count: int, shape: Shape, ref: Reference, rng: np.random.Generator
) -> Chunk:
    n_items, n_years = shape.items, len(shape.years)
    units = np.arange(first_unit, first_unit + unit_count)
    # Items: (项, fund source) per unit, kept across years. Item 0 is always 一般公共预算 so every
    # unit has 公开05/06表 data; half of a unit's items share its department's main 类.
    item_function = rng.choice(len(ref.function_codes), size=(unit_count, n_items))
    item_fund = rng.choice(len(FUND_SOURCES), size=(unit_count, n_items), p=FUND_WEIGHTS)
    item_fund[:, 0] = 0
    item_appropriation = item_fund < APPROPRIATION_FUNDS

    unit_years = unit_count * n_years  # index uy = local_unit * n_years + year_index
    expenditure = expenditure_lines(shape, ref, rng, unit_years, item_function, item_fund, item_appropriation)
    group = expenditure["uy"].to_numpy() * n_items + expenditure["item"].to_numpy()
    spent = np.bincount(group, weights=expenditure["cents"].to_numpy(), minlength=unit_years * n_items)
    spent = np.round(spent).astype(np.int64).reshape(unit_count, n_years, n_items)
    received = np.maximum(spent, 0) * rng.uniform(1.0, 1.15, size=spent.shape) + 100_000
    received = np.round(received).astype(np.int64)
    income = income_lines(shape, rng, received, item_function, item_fund, item_appropriation)
    balances = balance_entries(rng, spent, received, item_function, item_fund, item_appropriation)
    budgets = budget_lines(shape, rng, expenditure, item_function, item_fund)
    projects = pd.DataFrame(
        {
            "uy": np.repeat(np.arange(unit_years), n_items),
            "item": np.tile(np.arange(n_items), unit_years),
        }
    )
    projects["function"] = item_function[projects["uy"] // n_years, projects["item"]]
    for frame in (expenditure, income, balances, budgets, projects):
        frame["unit"] = units[frame["uy"].to_numpy() // n_years]
        frame["year"] = np.asarray(shape.years)[frame["uy"].to_numpy() % n_years]
    return Chunk(expenditure, income, balances, budgets, projects)


def expenditure_lines(
    shape, ref, rng, unit_years, item_function, item_fund, item_appropriation
) -> pd.DataFrame:
    n_items, n_years, lines = shape.items, len(shape.years), shape.expenditure_lines
    rows = unit_years * lines
    uy = np.repeat(np.arange(unit_years), lines)
    local_unit = uy // n_years
    item = rng.choice(n_items, size=rows, p=zipf_weights(n_items, 0.5))
    appropriation = item_appropriation[local_unit, item]
    spending_type = np.empty(rows, dtype=np.int64)
    for is_appropriation, weights in SPENDING_WEIGHTS.items():
        mask = appropriation == is_appropriation
        spending_type[mask] = rng.choice(len(SPENDING_TYPES), size=int(mask.sum()), p=weights)
    economic = np.empty(rows, dtype=object)
    for index, kind in enumerate(SPENDING_TYPES):
        for is_appropriation in (True, False):
            mask = (spending_type == index) & (appropriation == is_appropriation)
            pool = ref.economic_pools[kind]
            if not is_appropriation:  # 三公 money is 财政拨款 only (rule I21)
                pool = pool[~np.isin(pool, ref.sangong_codes)]
            economic[mask] = pool[rng.choice(len(pool), size=int(mask.sum()), p=zipf_weights(len(pool)))]
    cents = cents_from_yuan(rng, np.asarray(SPENDING_MEAN_YUAN)[spending_type])
    reversal = rng.random(rows) < REVERSAL_SHARE
    cents = np.where(reversal, -np.maximum(cents // 10, 1), cents)
    return pd.DataFrame(
        {
            "uy": uy,
            "line": np.tile(np.arange(lines), unit_years),
            "item": item,
            "function": item_function[local_unit, item],
            "fund": item_fund[local_unit, item],
            "spending_type": spending_type,
            "economic": economic.astype(str),
            "day": rng.integers(0, 365, size=rows),
            "cents": cents,
        }
    )


def income_lines(shape, rng, received, item_function, item_fund, item_appropriation) -> pd.DataFrame:
    """Split each item's income into lines: every item gets at least one, parts sum exactly."""
    unit_count, n_years, n_items = received.shape
    lines = shape.income_lines
    unit_years = unit_count * n_years
    uy = np.repeat(np.arange(unit_years), lines)
    line = np.tile(np.arange(lines), unit_years)
    item = line % n_items
    group = uy * n_items + item
    total = received.reshape(-1)[group]
    weights = rng.uniform(0.5, 1.5, size=len(uy))
    share = weights / np.bincount(group, weights=weights, minlength=unit_years * n_items)[group]
    cents = np.floor(total * share).astype(np.int64)
    residual = received.reshape(-1) - np.bincount(
        group, weights=cents, minlength=unit_years * n_items
    ).astype(np.int64)
    first_line_of_item = line < n_items
    cents[first_line_of_item] += residual[group[first_line_of_item]]
    local_unit = uy // n_years
    appropriation = item_appropriation[local_unit, item]
    own_type = rng.choice(len(NON_APPROPRIATION_INCOME), size=len(uy), p=[0.3, 0.35, 0.1, 0.05, 0.2])
    return pd.DataFrame(
        {
            "uy": uy,
            "line": line,
            "item": item,
            "function": item_function[local_unit, item],
            "fund": item_fund[local_unit, item],
            "income_type": np.where(
                appropriation, "appropriation", np.asarray(NON_APPROPRIATION_INCOME)[own_type]
            ),
            "day": rng.integers(0, 365, size=len(uy)),
            "cents": cents,
        }
    )


def balance_entries(rng, spent, received, item_function, item_fund, item_appropriation) -> pd.DataFrame:
    """Opening (first year: some items; later: last year's closing), use of surplus and surplus
    distribution on non-appropriation items; closing = opening + income + use - spent - distributed."""
    unit_count, n_years, n_items = spent.shape
    own_funds = ~item_appropriation
    first_opening = np.where(
        rng.random((unit_count, n_items)) < 0.6,
        cents_from_yuan(rng, np.full((unit_count, n_items), 50_000.0)),
        0,
    )
    opening = np.zeros_like(spent)
    use = np.where(
        own_funds[:, None, :] & (rng.random(spent.shape) < 0.3),
        cents_from_yuan(rng, np.full(spent.shape, 8000.0)),
        0,
    )
    distributed = np.zeros_like(spent)
    closing = np.zeros_like(spent)
    for year in range(n_years):
        opening[:, year] = first_opening if year == 0 else closing[:, year - 1]
        available = opening[:, year] + use[:, year]
        share = np.where(own_funds & (rng.random((unit_count, n_items)) < 0.3), rng.uniform(0.1, 0.5), 0.0)
        distributed[:, year] = np.floor(available * share).astype(np.int64)
        closing[:, year] = (
            opening[:, year] + received[:, year] + use[:, year] - spent[:, year] - distributed[:, year]
        )
    frames = []
    for kind, amounts in (
        ("opening", opening),
        ("use_of_surplus", use),
        ("surplus_distribution", distributed),
    ):
        local_unit, year, item = np.nonzero(amounts)
        frames.append(
            pd.DataFrame(
                {
                    "uy": local_unit * n_years + year,
                    "item": item,
                    "kind": kind,
                    "function": item_function[local_unit, item],
                    "fund": item_fund[local_unit, item],
                    "cents": amounts[local_unit, year, item],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def budget_lines(shape, rng, expenditure, item_function, item_fund) -> pd.DataFrame:
    """One line per unit, year, item and spending type spent (around what was spent), plus the
    三公 款 of appropriation money (全年预算 a little above the actual)."""
    n_years = len(shape.years)
    frame = expenditure[["uy", "item", "spending_type", "cents"]].copy()
    frame["sangong"] = np.where(np.isin(expenditure["economic"], SANGONG_CODES), expenditure["economic"], "")
    frame.loc[expenditure["fund"] >= APPROPRIATION_FUNDS, "sangong"] = ""
    by_type = frame.groupby(["uy", "item", "spending_type"], as_index=False)["cents"].sum()
    by_type["sangong"] = ""
    sangong = frame[frame["sangong"] != ""].groupby(
        ["uy", "item", "spending_type", "sangong"], as_index=False
    )
    lines = pd.concat([by_type, sangong["cents"].sum()], ignore_index=True)
    final = np.round(
        np.maximum(lines["cents"].to_numpy(), 0) * rng.uniform(1.0, 1.12, size=len(lines))
    ).astype(np.int64)
    local_unit = lines["uy"].to_numpy() // n_years
    lines["final_cents"] = final
    lines["initial_cents"] = np.round(final * rng.uniform(0.85, 1.0, size=len(lines))).astype(np.int64)
    lines["function"] = item_function[local_unit, lines["item"].to_numpy()]
    lines["fund"] = item_fund[local_unit, lines["item"].to_numpy()]
    lines["line"] = lines.groupby("uy").cumcount()
    return lines.drop(columns="cents")


SANGONG_CODES = ["30212", "30217", "30231", "31013"]


WRITE_SQL = {
    "expenditure_entries": """
        select
            'X' || e.year || '-' || u.unit_code || '-' || lpad(e.line::varchar, 7, '0') as entry_id,
            u.unit_code,
            e.year::integer as fiscal_year,
            (make_date(e.year::integer, 1, 1) + e.day::integer) as posting_date,
            'V' || e.year || '-' || u.unit_code || '-' || lpad((e.line // 4)::varchar, 6, '0') as voucher_no,
            f.function_code,
            e.economic as economic_code,
            s.fund_source_code,
            t.spending_type_code,
            case when t.spending_type_code = 'project'
                then 'P' || e.year || '-' || u.unit_code || '-' || e.item end as project_code,
            cast(e.cents * 0.01 as decimal(18, 2)) as amount_yuan,
            case when e.cents < 0 then '红字冲销 ' else '' end || t.spending_type_name || ' ' || n.name as summary
        from chunk_expenditure as e
        join codes_unit as u on e.unit = u.unit_index
        join codes_function as f on e.function = f.function_index
        join codes_fund as s on e.fund = s.fund_index
        join codes_spending as t on e.spending_type = t.spending_index
        join codes_economic_name as n on e.economic = n.economic_code
    """,
    "income_entries": """
        select
            'R' || i.year || '-' || u.unit_code || '-' || lpad(i.line::varchar, 7, '0') as entry_id,
            u.unit_code,
            i.year::integer as fiscal_year,
            (make_date(i.year::integer, 1, 1) + i.day::integer) as posting_date,
            'R' || i.year || '-' || u.unit_code || '-' || lpad(i.line::varchar, 6, '0') as voucher_no,
            f.function_code,
            s.fund_source_code,
            i.income_type as income_type_code,
            cast(i.cents * 0.01 as decimal(18, 2)) as amount_yuan,
            '收到' || s.fund_source_name || ' ' || f.function_name as summary
        from chunk_income as i
        join codes_unit as u on i.unit = u.unit_index
        join codes_function as f on i.function = f.function_index
        join codes_fund as s on i.fund = s.fund_index
    """,
    "balance_entries": """
        select
            'B' || b.year || '-' || u.unit_code || '-' || b.item || '-' || b.kind as entry_id,
            u.unit_code,
            b.year::integer as fiscal_year,
            b.kind as balance_type_code,
            f.function_code,
            s.fund_source_code,
            cast(b.cents * 0.01 as decimal(18, 2)) as amount_yuan
        from chunk_balances as b
        join codes_unit as u on b.unit = u.unit_index
        join codes_function as f on b.function = f.function_index
        join codes_fund as s on b.fund = s.fund_index
    """,
    "budget_lines": """
        select
            'G' || b.year || '-' || u.unit_code || '-' || lpad(b.line::varchar, 4, '0') as budget_line_id,
            u.unit_code,
            b.year::integer as fiscal_year,
            f.function_code,
            nullif(b.sangong, '') as economic_code,
            s.fund_source_code,
            t.spending_type_code,
            case when t.spending_type_code = 'project'
                then 'P' || b.year || '-' || u.unit_code || '-' || b.item end as project_code,
            cast(b.initial_cents * 0.01 as decimal(18, 2)) as initial_budget_yuan,
            cast(b.final_cents * 0.01 as decimal(18, 2)) as final_budget_yuan
        from chunk_budgets as b
        join codes_unit as u on b.unit = u.unit_index
        join codes_function as f on b.function = f.function_index
        join codes_fund as s on b.fund = s.fund_index
        join codes_spending as t on b.spending_type = t.spending_index
    """,
    "projects": """
        select
            'P' || p.year || '-' || u.unit_code || '-' || p.item as project_code,
            u.unit_code,
            p.year::integer as fiscal_year,
            f.function_name || '专项' || (p.item + 1) as project_name
        from chunk_projects as p
        join codes_unit as u on p.unit = u.unit_index
        join codes_function as f on p.function = f.function_index
    """,
}


def register_codes(
    connection: duckdb.DuckDBPyConnection, units: pd.DataFrame, ref: Reference, reference_dir: Path
):
    fund_names = {
        r["fund_source_code"]: r["fund_source_name"]
        for r in read_rows(reference_dir / "ref_fund_sources.csv")
    }
    type_names = {
        r["spending_type_code"]: r["spending_type_name"]
        for r in read_rows(reference_dir / "ref_spending_types.csv")
    }
    tables = {
        "codes_unit": pd.DataFrame({"unit_index": np.arange(len(units)), "unit_code": units["unit_code"]}),
        "codes_function": pd.DataFrame(
            {
                "function_index": np.arange(len(ref.function_codes)),
                "function_code": ref.function_codes,
                "function_name": ref.function_names,
            }
        ),
        "codes_fund": pd.DataFrame(
            {
                "fund_index": np.arange(len(FUND_SOURCES)),
                "fund_source_code": FUND_SOURCES,
                "fund_source_name": [fund_names[c] for c in FUND_SOURCES],
            }
        ),
        "codes_spending": pd.DataFrame(
            {
                "spending_index": np.arange(len(SPENDING_TYPES)),
                "spending_type_code": SPENDING_TYPES,
                "spending_type_name": [type_names[c] for c in SPENDING_TYPES],
            }
        ),
        "codes_economic_name": pd.DataFrame(
            {"economic_code": list(ref.economic_names), "name": list(ref.economic_names.values())}
        ),
    }
    for name, frame in tables.items():
        connection.register(f"{name}_frame", frame)
        connection.execute(f"create temp table {name} as select * from {name}_frame")


def write_file(connection: duckdb.DuckDBPyConnection, query: str, path: Path, ordered: bool = False) -> None:
    """COPY a query to Parquet or CSV; ``ordered`` sorts by the first column (the key), so the
    same seed writes the same rows in the same order."""
    query = f"select * from ({query}) order by 1" if ordered else query
    options = (
        "(format parquet, compression zstd)" if path.suffix == ".parquet" else "(format csv, header true)"
    )
    connection.execute(f"copy ({query}) to '{path}' {options}")


def generate(
    out: Path,
    shape: Shape,
    file_format: str = "parquet",
    seed: int = 0,
    chunk_units: int = 500,
    progress: bool = True,
    reference_dir: Path = REFERENCE,
) -> dict[str, int]:
    """Write the ledger; return the row count of each file."""
    ref = load_reference(reference_dir, shape.years)
    rng = np.random.default_rng([seed, 0])
    departments, units = organisation(shape, rng)
    out.mkdir(parents=True, exist_ok=True)
    parts = Path(tempfile.mkdtemp(prefix=".parts-", dir=out))
    counts: dict[str, int] = {}
    try:
        with duckdb.connect() as connection:
            register_codes(connection, units, ref, reference_dir)
            for entity in WRITE_SQL:
                (parts / entity).mkdir()
            bar = tqdm(total=shape.units, unit="unit", desc="ledger", disable=not progress, file=sys.stderr)
            for number, first in enumerate(range(0, shape.units, chunk_units)):
                count = min(chunk_units, shape.units - first)
                chunk = generate_chunk(first, count, shape, ref, np.random.default_rng([seed, 1, number]))
                for name in ("expenditure", "income", "balances", "budgets", "projects"):
                    connection.register(f"chunk_{name}", getattr(chunk, name))
                for entity, query in WRITE_SQL.items():
                    write_file(connection, query, parts / entity / f"part-{number:06d}.parquet", ordered=True)
                bar.update(count)
            bar.close()
            for name, frame in (("departments", departments), ("units", units)):
                connection.register(f"{name}_frame", frame)
                write_file(connection, f"select * from {name}_frame", out / f"{name}.{file_format}")
                counts[name] = len(frame)
            for entity in WRITE_SQL:
                source = f"select * from read_parquet('{parts / entity}/part-*.parquet')"
                write_file(connection, source, out / f"{entity}.{file_format}")
                counts[entity] = connection.execute(f"select count(*) from ({source})").fetchone()[0]
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    for entity in ENTITIES:
        other = out / f"{entity}.{'csv' if file_format == 'parquet' else 'parquet'}"
        other.unlink(missing_ok=True)
    return counts


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m juesuan.generate",
        description="Generate a synthetic ledger (the files of docs/input_contract.md) that passes every check.",
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write <entity>.parquet|csv into")
    parser.add_argument("--departments", type=int, default=10, help="number of departments (default 10)")
    parser.add_argument(
        "--units-per-department", type=int, default=5, help="units per department (default 5)"
    )
    parser.add_argument(
        "--lines-per-unit",
        type=int,
        default=1000,
        help="income + spending lines per unit and fiscal year (default 1000)",
    )
    parser.add_argument(
        "--years", type=int, nargs="+", default=[2022, 2023], help="fiscal years (default 2022 2023)"
    )
    parser.add_argument("--format", choices=["parquet", "csv"], default="parquet", dest="file_format")
    parser.add_argument(
        "--seed", type=int, default=0, help="random seed: same arguments, same files (default 0)"
    )
    parser.add_argument(
        "--chunk-units", type=int, default=500, help="units generated per chunk (memory bound)"
    )
    parser.add_argument(
        "--reference-dir", type=Path, default=REFERENCE, help="the reference seeds to draw codes from"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    shape = Shape(args.departments, args.units_per_department, args.lines_per_unit, sorted(set(args.years)))
    if min(shape.departments, shape.units_per_department, shape.lines_per_unit) < 1:
        print("departments, units per department and lines per unit must be at least 1", file=sys.stderr)
        return 2
    counts = generate(
        args.out,
        shape,
        file_format=args.file_format,
        seed=args.seed,
        chunk_units=args.chunk_units,
        progress=not args.no_progress,
        reference_dir=args.reference_dir,
    )
    lines = counts["income_entries"] + counts["expenditure_entries"]
    print(f"{args.out}: {lines:,} ledger lines ({', '.join(f'{k} {v:,}' for k, v in counts.items())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
