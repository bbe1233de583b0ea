"""juesuan vouchers: write a contract ledger as the books a finance system exports.

    juesuan vouchers --out DIR [--ledger DIR] [--aux columns|combined|mixed]
                     [--format csv|gb18030|xlsx] [--no-closing] [--no-reversals]

From the seven contract files (docs/input_contract.md; without ``--ledger`` the bundled example's
seeds) this writes what a department's finance system gives at year end under 政府会计制度
(财会〔2017〕25号, 平行记账): ``vouchers.csv`` (every income and spending line as a voucher with its
budget-accounting lines 6xxx/7xxx against 8001 资金结存 and the financial-accounting lines beside
them; a red-ink reversal for some lines; the year-end closing vouchers 本年收支结转),
``trial_balance.csv`` (年初余额 of the 结转结余 accounts) and ``budget_targets.csv`` (预算指标), plus
``departments.csv``, ``units.csv`` and ``projects.csv`` as they are. Built through the voucher door
(``juesuan build --ledger DIR``) it gives the same tables as the contract ledger, to the 元
(DECISIONLOG §22; scripts/tests/test_vouchers.py).

The auxiliary items (辅助核算: 功能分类, 经济分类, 资金性质, 项目) go in separate columns
(``--aux columns``), in one combined text such as ``功能分类:2010302;经济分类:30201;资金性质:一般公共
预算财政拨款`` (``combined``), or alternately line by line (``mixed``, the default). The books are
UTF-8 CSV with the column names of models/staging/_ledger__sources.yml (``--format csv``), or as
an office's export: GB18030 CSV (``gb18030``) or xlsx workbooks (``xlsx``, a title line above the
header), both with the Chinese header names of seeds/reference/ref_ledger_column_aliases.csv (the
first listed for each column), which the ingest step reads back.

Which door a folder is read through is the ingest step's choice (juesuan.ingest.landing.door_of).
"""

from __future__ import annotations

import argparse
import csv
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
EXAMPLE = PROJECT / "seeds" / "example"
REFERENCE = PROJECT / "seeds" / "reference"
COPIED = ("departments", "units", "projects")
CONTRACT_LINES = ("income_entries", "expenditure_entries", "balance_entries", "budget_lines")

VOUCHER_COLUMNS = [
    "fiscal_year", "unit_code", "posting_date", "voucher_no", "line_no", "summary", "account_code",
    "account_name", "debit_yuan", "credit_yuan", "function_code", "function_name", "economic_code",
    "economic_name", "gov_economic_code", "fund_source", "project_code", "project_name", "aux_text",
]  # fmt: skip
TRIAL_BALANCE_COLUMNS = [
    "fiscal_year", "unit_code", "account_code", "account_name", "function_code", "fund_source",
    "project_code", "aux_text", "opening_debit_yuan", "opening_credit_yuan",
]  # fmt: skip
TARGET_COLUMNS = [
    "target_id", "fiscal_year", "unit_code", "function_code", "economic_code", "fund_source",
    "spending_type", "project_code", "project_name", "initial_budget_yuan", "final_budget_yuan",
]  # fmt: skip

# 收入类型 -> 预算收入 科目 (6001 by its 财政拨款 detail); ref_budget_account_mappings reads them back.
INCOME_ACCOUNTS = {
    "service_revenue": "6101",
    "superior_subsidy": "6201",
    "affiliate_remittance": "6301",
    "business_revenue": "6401",
    "other_revenue": "6609",
}
APPROPRIATION_ACCOUNTS = {
    "general_budget": "600101",
    "gov_fund_budget": "600102",
    "soe_capital_budget": "600103",
}
OTHER_SPENDING_ACCOUNTS = {"business": "7301", "remit_superior": "7401", "affiliate_subsidy": "7501"}
BASIC_DETAIL = {"basic_personnel": "01", "basic_public": "02"}
FINANCIAL_INCOME = ("1011", "零余额账户用款额度", "4001", "财政拨款收入")
FINANCIAL_SPENDING = ("5001", "业务活动费用", "1011", "零余额账户用款额度")
REVERSAL_EVERY = 7
REVERSAL_YUAN = Decimal("100.00")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({column: row.get(column, "") for column in columns} for row in rows)


FORMATS = ("csv", "gb18030", "xlsx")
TITLES = {"vouchers": "凭证明细账", "trial_balance": "科目余额表", "budget_targets": "预算指标明细"}


def write_book(
    out: Path, entity: str, columns: list[str], rows: list[dict[str, str]], file_format: str
) -> None:
    """One book file as the finance system exports it: UTF-8 CSV with the contract's column
    names, or GB18030 CSV / an xlsx workbook with Chinese headers."""
    if file_format == "csv":
        write_csv(out / f"{entity}.csv", columns, rows)
        return
    from juesuan.ingest.contract import preferred_headers

    names = preferred_headers(PROJECT, entity)
    header = [names.get(column, column) for column in columns]
    values = ([row.get(column, "") for column in columns] for row in rows)
    if file_format == "gb18030":
        with (out / f"{entity}.csv").open("w", encoding="gb18030", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(header)
            writer.writerows(values)
        return
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(TITLES[entity])
    sheet.append([TITLES[entity]])
    sheet.append(header)
    for value in values:
        sheet.append(value)
    workbook.save(out / f"{entity}.xlsx")


def contract_file(ledger: Path | None, entity: str) -> Path:
    if ledger is None:
        return EXAMPLE / f"example_{entity}.csv"
    found = ledger / f"{entity}.csv"
    if not found.exists():
        raise FileNotFoundError(f"ledger file missing: {found} (the generator reads contract CSV files)")
    return found


@dataclass
class Names:
    """科目 and code names, for the export to look like one (they are not read back)."""

    accounts: dict[str, str]
    functions: dict[tuple[str, str], str]
    economics: dict[tuple[str, str], str]
    funds: dict[str, str]
    spending_types: dict[str, str]

    @classmethod
    def load(cls, reference: Path = REFERENCE) -> Names:
        def codes(name: str) -> dict[tuple[str, str], str]:
            return {(row["fiscal_year"], row["code"]): row["name"] for row in read_csv(reference / name)}

        accounts = {
            row["account_code"]: row["account_name"]
            for row in read_csv(reference / "ref_budget_account_mappings.csv")
        }
        return cls(
            accounts=accounts,
            functions=codes("ref_function_subjects.csv"),
            economics=codes("ref_economic_subjects.csv"),
            funds={
                row["fund_source_code"]: row["fund_source_name"]
                for row in read_csv(reference / "ref_fund_sources.csv")
            },
            spending_types={
                row["spending_type_code"]: row["spending_type_name"]
                for row in read_csv(reference / "ref_spending_types.csv")
            },
        )


@dataclass
class Books:
    """The books being written: voucher lines, numbered per unit and year."""

    names: Names
    aux: str
    vouchers: list[dict[str, str]] = field(default_factory=list)
    numbers: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    def combined(self, index: int) -> bool:
        return self.aux == "combined" or (self.aux == "mixed" and index % 2 == 1)

    def voucher(self, unit: str, year: str, date: str, summary: str, lines: list[dict[str, str]]) -> None:
        self.numbers[unit, year] += 1
        number = f"记-{self.numbers[unit, year]:05d}"
        combined = self.combined(self.numbers[unit, year])
        for line_no, line in enumerate(lines, start=1):
            row = {
                "fiscal_year": year,
                "unit_code": unit,
                "posting_date": date,
                "voucher_no": number,
                "line_no": str(line_no),
                "summary": summary,
                "account_code": line["account"],
                "account_name": self.names.accounts.get(line["account"], line.get("account_name", "")),
                "debit_yuan": line.get("debit", ""),
                "credit_yuan": line.get("credit", ""),
            }
            row.update(self.aux_items(line, year, combined))
            self.vouchers.append(row)

    def aux_items(self, line: dict[str, str], year: str, combined: bool) -> dict[str, str]:
        function, economic = line.get("function", ""), line.get("economic", "")
        fund, project = line.get("fund", ""), line.get("project", "")
        if not combined:
            return {
                "function_code": function,
                "function_name": self.names.functions.get((year, function), "") if function else "",
                "economic_code": economic,
                "economic_name": self.names.economics.get((year, economic), "") if economic else "",
                "fund_source": fund,
                "project_code": project,
            }
        parts = []
        if function:
            parts.append(f"功能分类:{function} {self.names.functions.get((year, function), '')}".rstrip())
        if economic:
            parts.append(f"经济分类:{economic} {self.names.economics.get((year, economic), '')}".rstrip())
        if fund:
            parts.append(f"资金性质:{self.names.funds.get(fund, fund)}")
        if project:
            parts.append(f"项目:{project}")
        return {"aux_text": ";".join(parts)}

    def line_aux(self, line: dict[str, str]) -> tuple:
        """The auxiliary items of a written line, whichever style it was written in."""
        if line.get("aux_text"):
            items = dict(part.split(":", 1) for part in line["aux_text"].split(";"))
            fund_by_name = {name: code for code, name in self.names.funds.items()}
            fund = items.get("资金性质", "")
            found = {
                "function": items.get("功能分类", "").split(" ")[0],
                "economic": items.get("经济分类", "").split(" ")[0],
                "fund": fund_by_name.get(fund, fund),
                "project": items.get("项目", ""),
            }
        else:
            found = {
                "function": line.get("function_code", ""),
                "economic": line.get("economic_code", ""),
                "fund": line.get("fund_source", ""),
                "project": line.get("project_code", ""),
            }
        return tuple(sorted(found.items()))


def amount_sides(amount: Decimal, side: str) -> dict[str, str]:
    """One line's amount on its side; a negative amount stays negative there (红字)."""
    return {side: f"{amount:.2f}"}


def income_account(row: dict[str, str]) -> str:
    if row["income_type_code"] == "appropriation":
        return APPROPRIATION_ACCOUNTS[row["fund_source_code"]]
    return INCOME_ACCOUNTS[row["income_type_code"]]


def spending_account(row: dict[str, str], unit_types: dict[str, str], index: int) -> str:
    spending_type = row["spending_type_code"]
    if spending_type in OTHER_SPENDING_ACCOUNTS:
        return OTHER_SPENDING_ACCOUNTS[spending_type]
    first = "7201" if unit_types[row["unit_code"]] == "institution" else "7101"
    appropriation = row["fund_source_code"] in APPROPRIATION_ACCOUNTS
    fund_detail = "01" if appropriation else ("02" if spending_type == "project" else "03")
    if spending_type == "project":
        return f"{first}{fund_detail}02"
    # Half the 基本支出 lines name 人员经费/日常公用经费 in the 科目, half leave it to the economic 类.
    return f"{first}{fund_detail}01" + (BASIC_DETAIL[spending_type] if index % 2 == 0 else "")


def write_income(books: Books, rows: list[dict[str, str]]) -> None:
    for row in rows:
        amount = Decimal(row["amount_yuan"])
        aux = {"function": row["function_code"], "fund": row["fund_source_code"]}
        financial_debit, _, financial_credit, _ = FINANCIAL_INCOME
        books.voucher(
            row["unit_code"],
            row["fiscal_year"],
            row["posting_date"],
            row["summary"],
            [
                {
                    "account": financial_debit,
                    "account_name": "零余额账户用款额度",
                    **amount_sides(amount, "debit"),
                },
                {
                    "account": financial_credit,
                    "account_name": "财政拨款收入",
                    **amount_sides(amount, "credit"),
                },
                {"account": "8001", **amount_sides(amount, "debit"), **aux},
                {"account": income_account(row), **amount_sides(amount, "credit"), **aux},
            ],
        )


def spending_lines(row: dict[str, str], account: str, amount: Decimal) -> list[dict[str, str]]:
    aux = {
        "function": row["function_code"],
        "economic": row["economic_code"],
        "fund": row["fund_source_code"],
        "project": row["project_code"],
    }
    debit, _, credit, _ = FINANCIAL_SPENDING
    return [
        {"account": debit, "account_name": "业务活动费用", **amount_sides(amount, "debit")},
        {"account": credit, "account_name": "零余额账户用款额度", **amount_sides(amount, "credit")},
        {"account": account, **amount_sides(amount, "debit"), **aux},
        {"account": "8001", **amount_sides(amount, "credit"), **aux},
    ]


def write_spending(
    books: Books, rows: list[dict[str, str]], unit_types: dict[str, str], reversals: bool
) -> None:
    for index, row in enumerate(rows):
        amount = Decimal(row["amount_yuan"])
        account = spending_account(row, unit_types, index)
        unit, year, date, summary = row["unit_code"], row["fiscal_year"], row["posting_date"], row["summary"]
        if reversals and index % REVERSAL_EVERY == 0:
            # Booked 100.00 元 too much, then corrected by a red-ink line: the net is the contract's.
            books.voucher(unit, year, date, summary, spending_lines(row, account, amount + REVERSAL_YUAN))
            books.voucher(
                unit, year, date, f"红字冲销 {summary}", spending_lines(row, account, -REVERSAL_YUAN)
            )
        else:
            books.voucher(unit, year, date, summary, spending_lines(row, account, amount))


BALANCE_ACCOUNTS = {"use_of_surplus": "8202", "surplus_distribution": "8701"}


def write_balances(books: Books, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Movements of 结余 as vouchers against 8001; the opening balances as trial-balance rows."""
    trial_balance = []
    for row in rows:
        amount = Decimal(row["amount_yuan"])
        aux = {"function": row["function_code"], "fund": row["fund_source_code"]}
        if row["balance_type_code"] == "opening":
            appropriation = row["fund_source_code"] in APPROPRIATION_ACCOUNTS
            account = "8101" if appropriation else "8201"
            trial_balance.append(
                {
                    "fiscal_year": row["fiscal_year"],
                    "unit_code": row["unit_code"],
                    "account_code": account,
                    "account_name": books.names.accounts.get(account, ""),
                    "function_code": row["function_code"],
                    "fund_source": row["fund_source_code"],
                    "opening_credit_yuan": f"{amount:.2f}" if amount >= 0 else "",
                    "opening_debit_yuan": f"{-amount:.2f}" if amount < 0 else "",
                }
            )
            continue
        if row["balance_type_code"] == "surplus_distribution":
            # 提取专用结余: a transfer between 结余 accounts, no money moves (skipped, never summed).
            books.voucher(
                row["unit_code"],
                row["fiscal_year"],
                f"{row['fiscal_year']}-12-30",
                "提取专用结余",
                [
                    {"account": "8701", **amount_sides(amount, "debit"), **aux},
                    {"account": "8301", **amount_sides(amount, "credit"), **aux},
                ],
            )
        books.voucher(
            row["unit_code"],
            row["fiscal_year"],
            f"{row['fiscal_year']}-12-30",
            "使用非财政拨款结余" if row["balance_type_code"] == "use_of_surplus" else "结余分配",
            [
                {
                    "account": BALANCE_ACCOUNTS[row["balance_type_code"]],
                    **amount_sides(amount, "debit"),
                    **aux,
                },
                {"account": "8001", **amount_sides(amount, "credit"), **aux},
            ],
        )
    return trial_balance


def write_closing(books: Books) -> None:
    """本年收支结转: each unit-year's 6xxx/7xxx lines closed into 8101 (财政拨款) or 8201, per 科目
    and auxiliary items, on 12-31. Built from the lines written so far."""
    totals: dict[tuple, Decimal] = defaultdict(Decimal)
    for line in books.vouchers:
        if line["account_code"][:1] not in ("6", "7"):
            continue
        key = (line["unit_code"], line["fiscal_year"], line["account_code"], books.line_aux(line))
        debit = Decimal(line["debit_yuan"] or 0)
        credit = Decimal(line["credit_yuan"] or 0)
        totals[key] += credit - debit  # income side positive, spending negative
    by_year: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for (unit, year, account, aux), net in sorted(totals.items()):
        if net == 0:
            continue
        appropriation = account.startswith("6001") or account[4:6] == "01"
        target = "8101" if appropriation else "8201"
        aux_items = dict(aux)
        # Income is closed by a debit of its 科目, spending by a credit: each to 0.
        closed, into = ("debit", "credit") if net > 0 else ("credit", "debit")
        by_year[unit, year] += [
            {"account": account, **amount_sides(abs(net), closed), **aux_items},
            {"account": target, **amount_sides(abs(net), into), **aux_items},
        ]
    for (unit, year), lines in sorted(by_year.items()):
        books.voucher(unit, year, f"{year}-12-31", "年末结转本年预算收支", lines)


def budget_targets(rows: list[dict[str, str]], names: Names, aux: str) -> list[dict[str, str]]:
    targets = []
    for index, row in enumerate(rows):
        by_name = aux == "combined" or (aux == "mixed" and index % 2 == 1)
        fund, spending_type = row["fund_source_code"], row["spending_type_code"]
        targets.append(
            {
                "target_id": row["budget_line_id"],
                "fiscal_year": row["fiscal_year"],
                "unit_code": row["unit_code"],
                "function_code": row["function_code"],
                "economic_code": row["economic_code"],
                "fund_source": names.funds.get(fund, fund) if by_name else fund,
                "spending_type": names.spending_types.get(spending_type, spending_type)
                if by_name
                else spending_type,
                "project_code": row["project_code"],
                "initial_budget_yuan": row["initial_budget_yuan"],
                "final_budget_yuan": row["final_budget_yuan"],
            }
        )
    return targets


def write_books(
    out: Path,
    ledger: Path | None = None,
    aux: str = "mixed",
    closing: bool = True,
    reversals: bool = True,
    file_format: str = "csv",
) -> dict[str, int]:
    """Write the books of a contract ledger into ``out``; return the rows written per file."""
    names = Names.load()
    contract = {entity: read_csv(contract_file(ledger, entity)) for entity in (*CONTRACT_LINES, *COPIED)}
    unit_types = {row["unit_code"]: row["unit_type_code"] for row in contract["units"]}
    books = Books(names=names, aux=aux)
    write_income(books, contract["income_entries"])
    write_spending(books, contract["expenditure_entries"], unit_types, reversals)
    trial_balance = write_balances(books, contract["balance_entries"])
    if closing:
        write_closing(books)
    out.mkdir(parents=True, exist_ok=True)
    for entity in COPIED:
        shutil.copyfile(contract_file(ledger, entity), out / f"{entity}.csv")
    write_book(out, "vouchers", VOUCHER_COLUMNS, books.vouchers, file_format)
    write_book(out, "trial_balance", TRIAL_BALANCE_COLUMNS, trial_balance, file_format)
    targets = budget_targets(contract["budget_lines"], names, aux)
    write_book(out, "budget_targets", TARGET_COLUMNS, targets, file_format)
    return {
        "vouchers": len(books.vouchers),
        "trial_balance": len(trial_balance),
        "budget_targets": len(targets),
    }


def parser(prog: str = "juesuan vouchers") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Write a contract ledger as a finance system's books: voucher lines, trial balance, "
        "budget targets (the voucher door, docs/input_contract.md).",
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write the books into")
    parser.add_argument(
        "--ledger",
        type=Path,
        help="contract ledger folder of CSV files (default: the bundled example's seeds)",
    )
    parser.add_argument(
        "--aux",
        choices=["columns", "combined", "mixed"],
        default="mixed",
        help="辅助核算 in separate columns, in one combined text, or alternately (default: mixed)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="csv",
        help="UTF-8 CSV with the contract's column names (default), or as an office exports: GB18030 CSV "
        "or xlsx workbooks with Chinese headers",
    )
    parser.add_argument("--no-closing", action="store_true", help="leave out the year-end closing vouchers")
    parser.add_argument("--no-reversals", action="store_true", help="leave out the red-ink reversals")
    return parser


def main(argv: list[str] | None = None, prog: str = "juesuan vouchers") -> int:
    args = parser(prog).parse_args(argv)
    written = write_books(
        args.out, args.ledger, args.aux, not args.no_closing, not args.no_reversals, args.format
    )
    print(", ".join(f"{name}: {count} rows" for name, count in written.items()), f"-> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
