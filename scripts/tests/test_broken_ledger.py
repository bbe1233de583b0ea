"""A changed ledger amount: the tables stay consistent, only the published tie-out fails."""

from conftest import dbt_build, edit_csv, findings

LEDGER = "seeds/example"


def test_a_changed_amount_breaks_only_the_published_tie_out(project_copy):
    def add_100_yuan_to_one_office_expense(rows):
        line = next(r for r in rows if r["fiscal_year"] == "2023" and r["economic_code"] == "30201")
        line["amount_yuan"] = f"{float(line['amount_yuan']) + 100:.2f}"
        return rows

    edit_csv(project_copy / LEDGER / "example_expenditure_entries.csv", add_100_yuan_to_one_office_expense)
    # 办公费 33,960 → 34,060 元 prints 3.41 instead of 3.40 (and moves 302, 公用经费, 基本支出, …):
    # every identity still holds, only the comparison with the published document fails, and the
    # plausibility warning I31 notes the 100 元 spent that the 项 never received (closing −100).
    dbt_build(project_copy)
    rows = findings(project_copy)
    assert {r["rule_id"] for r in rows} == {"P01", "I31"}
    closing = [r for r in rows if r["rule_id"] == "I31"]
    assert [(r["severity"], '"closing_yuan":-100.0' in r["detail"]) for r in closing] == [("warn", True)]
    assert {(r["detail"].count("3.41") > 0) for r in rows if '"30201"' in r["detail"]} == {True}
