"""Broken books for the proof that each voucher rule fires (test_rules_fire.py, build 5).

The books of the example (juesuan.vouchers) get one voucher per case, numbered ``CASE-<rule>``:
each breaks exactly one rule. The cases sit in a unit-year without closing vouchers (2022 of
ZZGX-DSJ-02), so that no case also breaks the closing reconciliation (I58), which has its own
case: one more valid spending line in a closed year.
"""

from __future__ import annotations

import csv
from pathlib import Path

from juesuan.vouchers import TARGET_COLUMNS, TRIAL_BALANCE_COLUMNS, VOUCHER_COLUMNS, write_books

OPEN_YEAR = {"unit_code": "ZZGX-DSJ-02", "fiscal_year": "2022", "posting_date": "2022-09-01"}
CLOSED_YEAR = {"unit_code": "ZZGX-DSJ-01", "fiscal_year": "2023", "posting_date": "2023-09-01"}
SPENDING = {
    "account_code": "7101010102",
    "function_code": "2010302",
    "economic_code": "30201",
    "fund_source": "general_budget",
}
# 7901 其他支出 is mapped by no common row; the overlay of the proof build maps it for ZZGX-DSJ.
OVERLAY = "ZZGX-DSJ,7901,其他支出（本部门对照为日常公用经费）,expenditure,,,basic,basic_public,non_appropriation,,interpretation\n"


def voucher(
    case: str, debit: dict[str, str], credit: dict[str, str] | None = None, **where: str
) -> list[dict]:
    """A voucher of two lines: the case's line on the debit side, 8001 资金结存 on the credit side."""
    place = {**OPEN_YEAR, **where}
    amount = debit.pop("amount", "10.00")
    first = {**place, "voucher_no": case, "line_no": "1", "summary": case, "debit_yuan": amount, **debit}
    second = {
        **place,
        "voucher_no": case,
        "line_no": "2",
        "summary": case,
        "account_code": "8001",
        "credit_yuan": (credit or {}).pop("amount", amount),
        **(credit or {}),
    }
    return [first, second]


def line_cases() -> list[dict[str, str]]:
    """Lines that read well but cannot be classified (the classification build)."""
    return [
        *voucher("CASE-I50", {**SPENDING, "account_code": "6999"}),
        *voucher("CASE-I51", {**SPENDING, "function_code": ""}),
        *voucher("CASE-I52", {**SPENDING, "economic_code": ""}),
        *voucher("CASE-I53", {**SPENDING, "economic_code": "", "gov_economic_code": "50201"}),
        *voucher("CASE-I54", {**SPENDING, "account_code": "71010102"}),
        *voucher("CASE-I55", {**SPENDING, "fund_source": "没有这种资金"}),
        *voucher("CASE-I56", {**SPENDING, "fund_source": "unit_funds"}),
        *voucher("CASE-I57", {**SPENDING, "account_code": "7601", "fund_source": "unit_funds"}),
        # The combined 辅助核算 text and a department overlay row: classified, no rule fires.
        *voucher(
            "CASE-OVERLAY",
            {"account_code": "7901", "aux_text": "功能分类:2010302;经济分类:30201;资金性质:单位资金"},
        ),
        # One valid spending line more in a year whose closing vouchers closed the rest: I58.
        *voucher("CASE-I58", dict(SPENDING), **CLOSED_YEAR),
    ]


def raw_cases() -> list[dict[str, str]]:
    """Fields that cannot be read, as for the contract files, and an unbalanced voucher (the
    first-layer build: a failing staging rule stops every model after it). Each bad amount is
    on both lines, so that its voucher stays balanced."""
    return [
        *voucher("CASE-I59", {**SPENDING, "amount": "10.00"}, {"amount": "9.00"}),
        *voucher("CASE-I17", {**SPENDING, "amount": "12O.00"}, {"amount": "12O.00"}),
        *voucher("CASE-I18", {**SPENDING, "amount": "10.005"}, {"amount": "10.005"}),
        *voucher("CASE-I28", {**SPENDING, "amount": "1000000000000.01"}, {"amount": "1000000000000.01"}),
        *voucher("CASE-I19", {**SPENDING, "account_code": ""}),
        *voucher("CASE-I20", dict(SPENDING)),
        *voucher("CASE-I20", dict(SPENDING)),
    ]


def append(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=columns, lineterminator="\n").writerows(
            {column: row.get(column, "") for column in columns} for row in rows
        )


BUDGET_TARGET_CASE = {
    **OPEN_YEAR,
    "target_id": "CASE-I60",
    "function_code": "2010302",
    "fund_source": "general_budget",
    "spending_type": "没有这种支出",
    "initial_budget_yuan": "1.00",
    "final_budget_yuan": "1.00",
}


OPENING = {"unit_code": "ZZGX-DSJ-02", "fiscal_year": "2022", "opening_credit_yuan": "1.00"}
TRIAL_BALANCE_CASES = [
    {**OPENING, "account_code": "8199", "function_code": "2010302", "fund_source": "unit_funds"},  # I50
    {**OPENING, "account_code": "8101", "function_code": "", "fund_source": "general_budget"},  # I51
    {**OPENING, "account_code": "8201", "function_code": "2010302", "fund_source": "没有这种资金"},  # I55
]


def broken_books(folder: Path, cases: list[dict[str, str]], tables: bool = False) -> Path:
    """The example's books with the cases appended (and, with `tables`, the budget target and
    trial balance cases); returns the folder."""
    write_books(folder)
    append(folder / "vouchers.csv", VOUCHER_COLUMNS, cases)
    append(folder / "budget_targets.csv", TARGET_COLUMNS, [BUDGET_TARGET_CASE] if tables else [])
    append(folder / "trial_balance.csv", TRIAL_BALANCE_COLUMNS, TRIAL_BALANCE_CASES if tables else [])
    return folder


# entry -> the rules that must fire on it (and nothing else anywhere, but the unnamed ones below).
LINE_EXPECTED = {
    "ZZGX-DSJ-02/2022/CASE-I50/1": {"I50"},
    "ZZGX-DSJ-02/2022/CASE-I51/1": {"I51"},
    "ZZGX-DSJ-02/2022/CASE-I52/1": {"I52"},
    "ZZGX-DSJ-02/2022/CASE-I53/1": {"I53"},
    "ZZGX-DSJ-02/2022/CASE-I54/1": {"I54"},
    "ZZGX-DSJ-02/2022/CASE-I55/1": {"I55"},
    "ZZGX-DSJ-02/2022/CASE-I56/1": {"I56"},
    "ZZGX-DSJ-02/2022/CASE-I57/1": {"I57"},
    "CASE-I60": {"I60"},
    "ZZGX-DSJ-02/2022/余额表/8199/2010302/unit_funds": {"I50"},
    "ZZGX-DSJ-02/2022/余额表/8101//general_budget": {"I51"},
    "ZZGX-DSJ-02/2022/余额表/8201/2010302/没有这种资金": {"I55"},
}
LINE_UNNAMED = {("I58", "ZZGX-DSJ-01", 2023)}
RAW_EXPECTED = {
    "ZZGX-DSJ-02/2022/CASE-I17/1": {"I17"},
    "ZZGX-DSJ-02/2022/CASE-I17/2": {"I17"},
    "ZZGX-DSJ-02/2022/CASE-I18/1": {"I18"},
    "ZZGX-DSJ-02/2022/CASE-I18/2": {"I18"},
    "ZZGX-DSJ-02/2022/CASE-I28/1": {"I28"},
    "ZZGX-DSJ-02/2022/CASE-I28/2": {"I28"},
    "ZZGX-DSJ-02/2022/CASE-I19/1": {"I19"},
    "ZZGX-DSJ-02/2022/CASE-I20/1": {"I20"},
    "ZZGX-DSJ-02/2022/CASE-I20/2": {"I20"},
}
RAW_UNNAMED = {("I59", "ZZGX-DSJ-02", 2022)}
