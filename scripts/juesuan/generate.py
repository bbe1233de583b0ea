"""Generate a synthetic ledger: N departments x M units x K lines per unit and year.

Writes the seven files of docs/input_contract.md (``departments``, ``units``,
``income_entries``, ``expenditure_entries``, ``balance_entries``, ``budget_lines``,
``projects``) as Parquet or CSV into one folder, ready for ``juesuan build --ledger FOLDER``.

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

    juesuan generate --out target/ledger-1m --departments 100 --units-per-department 5 \\
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

# Every code the ledger uses is read from seeds/reference: fund sources, income, spending, unit
# and balance types, the 三公 款, the function and economic trees. What follows is only the mix
# of a simulated ledger, keyed by what a code means in those seeds, never by the code itself.

# Share of a unit's items funded by 财政拨款 (ref_fund_sources.is_appropriation); within each
# side, fund sources are weighted by their sort_order, the first the most common.
APPROPRIATION_SHARE = 0.67
# Spending by ref_spending_types' (spending_group, basic_component): weight on 财政拨款 money,
# weight on the unit's own money, mean amount of a line in 元 (amounts are log-normal around it),
# and the economic classes its 款 are drawn from (公开06表 prints 301/303 under 人员经费).
SPENDING_MIX = {
    ("basic", "人员经费"): (0.38, 0.20, 6500.0, ("301", "303")),
    ("basic", "公用经费"): (0.32, 0.30, 1800.0, ("302", "310")),
    ("project", ""): (0.30, 0.20, 24000.0, ("302", "310")),
}
# Every other spending group (上缴上级, 经营, 对附属单位补助): never 财政拨款 money (rule I27),
# together this share of the unit's own money.
OTHER_SPENDING = (0.0, 0.30, 30000.0, ("302",))
# The balance types the roll-forward writes, in this order: opening, use of surplus, surplus
# distribution (checked against ref_balance_types: the last two only on non-appropriation money).
BALANCE_TYPES = {"opening": False, "use_of_surplus": True, "surplus_distribution": True}
REVERSAL_SHARE = 0.01
ITEMS_PER_UNIT = 8


@dataclass(frozen=True)
class Reference:
    """Code pools valid in every generated year, and the code lists of seeds/reference."""

    function_codes: np.ndarray
    function_names: np.ndarray
    function_classes: np.ndarray
    economic_pools: dict[str, np.ndarray]
    economic_names: dict[str, str]
    sangong_codes: np.ndarray
    funds: pd.DataFrame  # fund_source_code, fund_source_name, is_appropriation, weight (sort order)
    appropriation_income: str  # the income type 财政拨款 money arrives as
    own_income: np.ndarray  # every other income type, in sort order
    spending: pd.DataFrame  # spending_type_code, name, is_project, weights, mean_yuan, classes
    unit_types: np.ndarray  # the first is the type of a department's own body (本级)


def flag(value: str) -> bool:
    return value.strip().lower() == "true"


def by_sort_order(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return sorted(rows, key=lambda row: int(row["sort_order"]))


def fund_sources(reference_dir: Path) -> pd.DataFrame:
    rows = by_sort_order(read_rows(reference_dir / "ref_fund_sources.csv"))
    funds = pd.DataFrame(rows)[["fund_source_code", "fund_source_name", "is_appropriation"]]
    funds["is_appropriation"] = funds["is_appropriation"].map(flag)
    weight = np.zeros(len(funds))
    for appropriation, share in ((True, APPROPRIATION_SHARE), (False, 1 - APPROPRIATION_SHARE)):
        side = (funds["is_appropriation"] == appropriation).to_numpy()
        if not side.any():
            raise ValueError(f"ref_fund_sources.csv has no fund source with is_appropriation={appropriation}")
        weight[side] = share * zipf_weights(int(side.sum()), 1.5)
    funds["weight"] = weight
    return funds


def spending_types(reference_dir: Path) -> pd.DataFrame:
    rows = by_sort_order(read_rows(reference_dir / "ref_spending_types.csv"))
    others = [row for row in rows if (row["spending_group"], row["basic_component"]) not in SPENDING_MIX]
    mixes = [
        SPENDING_MIX.get((row["spending_group"], row["basic_component"]))
        or (OTHER_SPENDING[0], OTHER_SPENDING[1] / len(others), *OTHER_SPENDING[2:])
        for row in rows
    ]
    missing = set(SPENDING_MIX) - {(row["spending_group"], row["basic_component"]) for row in rows}
    if missing:
        raise ValueError(f"ref_spending_types.csv has no spending type for {sorted(missing)}")
    return pd.DataFrame(
        {
            "spending_type_code": [row["spending_type_code"] for row in rows],
            "spending_type_name": [row["spending_type_name"] for row in rows],
            "spending_group": [row["spending_group"] for row in rows],
            "appropriation_weight": [mix[0] for mix in mixes],
            "own_weight": [mix[1] for mix in mixes],
            "mean_yuan": [mix[2] for mix in mixes],
            "economic_classes": [mix[3] for mix in mixes],
        }
    )


def income_types(reference_dir: Path) -> tuple[str, np.ndarray]:
    rows = by_sort_order(read_rows(reference_dir / "ref_income_types.csv"))
    appropriation = [row["income_type_code"] for row in rows if flag(row["requires_appropriation"])]
    own = [row["income_type_code"] for row in rows if not flag(row["requires_appropriation"])]
    if not appropriation or not own:
        raise ValueError(
            "ref_income_types.csv needs an income type for 财政拨款 money and one for other money"
        )
    return appropriation[0], np.array(own)


def check_balance_types(reference_dir: Path) -> None:
    seeded = {
        row["balance_type_code"]: flag(row["non_appropriation_only"])
        for row in read_rows(reference_dir / "ref_balance_types.csv")
    }
    for code, non_appropriation_only in BALANCE_TYPES.items():
        if seeded.get(code) != non_appropriation_only:
            raise ValueError(
                f"ref_balance_types.csv: balance type {code!r} is missing or its non_appropriation_only "
                f"is not {non_appropriation_only}"
            )


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def valid_in(row: dict[str, str], year: int) -> bool:
    return int(row["valid_from_year"]) <= year and (
        not row["valid_to_year"] or year <= int(row["valid_to_year"])
    )


DEFAULT_PROFILE = "central-2023"  # generated departments name no profile, so they print in this one


def layout_rows(path: Path) -> list[dict[str, str]]:
    """A layout seed's rows of the default profile (the layouts are keyed by profile)."""
    return [row for row in read_rows(path) if row.get("profile_code", DEFAULT_PROFILE) == DEFAULT_PROFILE]


def load_reference(reference_dir: Path, years: list[int]) -> Reference:
    """项 codes of every year's tree under a 类 公开01表 prints; economic 款 pools by spending type."""
    printed_classes = set.intersection(
        *(
            {
                r["row_code"]
                for r in layout_rows(reference_dir / "layout_t01.csv")
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
    basic_rows = layout_rows(reference_dir / "layout_t06.csv")
    printed_sections = set.intersection(
        *({r["row_code"] for r in basic_rows if r["row_kind"] == "section" and valid_in(r, y)} for y in years)
    )
    usable = sorted(economic & printed_sections)
    spending = spending_types(reference_dir)
    pools = {
        kind: np.array([code for code in usable if code[:3] in classes])
        for kind, classes in zip(spending["spending_type_code"], spending["economic_classes"], strict=True)
    }
    for kind, pool in pools.items():
        if len(pool) == 0:
            raise ValueError(f"no economic 款 for {kind} in every year of {years}")
    appropriation_income, own_income = income_types(reference_dir)
    check_balance_types(reference_dir)
    return Reference(
        function_codes=function_codes,
        function_names=np.array([names[c] for c in function_codes]),
        function_classes=np.array([c[:3] for c in function_codes]),
        economic_pools=pools,
        economic_names={r["code"]: r["name"] for r in economic_rows},
        sangong_codes=np.array(
            [r["economic_code"] for r in read_rows(reference_dir / "ref_sangong_categories.csv")]
        ),
        funds=fund_sources(reference_dir),
        appropriation_income=appropriation_income,
        own_income=own_income,
        spending=spending,
        unit_types=np.array([r["unit_type_code"] for r in read_rows(reference_dir / "ref_unit_types.csv")]),
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


def organisation(shape: Shape, ref: Reference, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Departments and units; the first unit of each department is its 本级, of the first unit
    type of ref_unit_types (行政单位); the others of any type, the later ones more often."""
    department_index = np.arange(shape.departments)
    departments = pd.DataFrame(
        {
            "department_code": department_code(department_index),
            "department_name": np.char.add("模拟部门", np.char.zfill(department_index.astype(str), 5)),
        }
    )
    unit_index = np.arange(shape.units)
    is_body = unit_index % shape.units_per_department == 0
    type_weights = np.arange(1, len(ref.unit_types) + 1) / np.arange(1, len(ref.unit_types) + 1).sum()
    unit_types = np.where(
        is_body, ref.unit_types[0], rng.choice(ref.unit_types, size=shape.units, p=type_weights)
    )
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
    item_fund = rng.choice(len(ref.funds), size=(unit_count, n_items), p=ref.funds["weight"].to_numpy())
    item_fund[:, 0] = 0  # the first fund source in sort order: 一般公共预算财政拨款
    item_appropriation = ref.funds["is_appropriation"].to_numpy()[item_fund]

    unit_years = unit_count * n_years  # index uy = local_unit * n_years + year_index
    expenditure = expenditure_lines(shape, ref, rng, unit_years, item_function, item_fund, item_appropriation)
    group = expenditure["uy"].to_numpy() * n_items + expenditure["item"].to_numpy()
    spent = np.bincount(group, weights=expenditure["cents"].to_numpy(), minlength=unit_years * n_items)
    spent = np.round(spent).astype(np.int64).reshape(unit_count, n_years, n_items)
    received = np.maximum(spent, 0) * rng.uniform(1.0, 1.15, size=spent.shape) + 100_000
    received = np.round(received).astype(np.int64)
    income = income_lines(shape, ref, rng, received, item_function, item_fund, item_appropriation)
    balances = balance_entries(rng, spent, received, item_function, item_fund, item_appropriation)
    budgets = budget_lines(shape, ref, rng, expenditure, item_function, item_fund)
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
    for is_appropriation, column in ((True, "appropriation_weight"), (False, "own_weight")):
        mask = appropriation == is_appropriation
        weights = ref.spending[column].to_numpy()
        spending_type[mask] = rng.choice(len(weights), size=int(mask.sum()), p=weights / weights.sum())
    economic = np.empty(rows, dtype=object)
    for index, kind in enumerate(ref.spending["spending_type_code"]):
        for is_appropriation in (True, False):
            mask = (spending_type == index) & (appropriation == is_appropriation)
            pool = ref.economic_pools[kind]
            if not is_appropriation:  # 三公 money is 财政拨款 only (rule I21)
                pool = pool[~np.isin(pool, ref.sangong_codes)]
            economic[mask] = pool[rng.choice(len(pool), size=int(mask.sum()), p=zipf_weights(len(pool)))]
    cents = cents_from_yuan(rng, ref.spending["mean_yuan"].to_numpy()[spending_type])
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


def income_lines(shape, ref, rng, received, item_function, item_fund, item_appropriation) -> pd.DataFrame:
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
    own_type = rng.choice(len(ref.own_income), size=len(uy), p=zipf_weights(len(ref.own_income), 0.5))
    return pd.DataFrame(
        {
            "uy": uy,
            "line": line,
            "item": item,
            "function": item_function[local_unit, item],
            "fund": item_fund[local_unit, item],
            "income_type": np.where(appropriation, ref.appropriation_income, ref.own_income[own_type]),
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
    for kind, amounts in zip(BALANCE_TYPES, (opening, use, distributed), strict=True):
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


def budget_lines(shape, ref, rng, expenditure, item_function, item_fund) -> pd.DataFrame:
    """One line per unit, year, item and spending type spent (around what was spent), plus the
    三公 款 of appropriation money (全年预算 a little above the actual)."""
    n_years = len(shape.years)
    frame = expenditure[["uy", "item", "spending_type", "cents"]].copy()
    frame["sangong"] = np.where(
        np.isin(expenditure["economic"], ref.sangong_codes), expenditure["economic"], ""
    )
    frame.loc[~ref.funds["is_appropriation"].to_numpy()[expenditure["fund"]], "sangong"] = ""
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
            case when t.spending_group = 'project'
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
            case when t.spending_group = 'project'
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


def register_codes(connection: duckdb.DuckDBPyConnection, units: pd.DataFrame, ref: Reference):
    tables = {
        "codes_unit": pd.DataFrame({"unit_index": np.arange(len(units)), "unit_code": units["unit_code"]}),
        "codes_function": pd.DataFrame(
            {
                "function_index": np.arange(len(ref.function_codes)),
                "function_code": ref.function_codes,
                "function_name": ref.function_names,
            }
        ),
        "codes_fund": ref.funds[["fund_source_code", "fund_source_name"]].assign(
            fund_index=np.arange(len(ref.funds))
        ),
        "codes_spending": ref.spending[["spending_type_code", "spending_type_name", "spending_group"]].assign(
            spending_index=np.arange(len(ref.spending))
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
    departments, units = organisation(shape, ref, rng)
    out.mkdir(parents=True, exist_ok=True)
    parts = Path(tempfile.mkdtemp(prefix=".parts-", dir=out))
    counts: dict[str, int] = {}
    try:
        with duckdb.connect() as connection:
            register_codes(connection, units, ref)
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


def parse_args(argv: list[str] | None = None, prog: str = "juesuan generate") -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=prog,
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


def main(argv: list[str] | None = None, prog: str = "juesuan generate") -> int:
    args = parse_args(argv, prog)
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
