"""Installing an official code list into the year-keyed reference seed."""

import csv
from pathlib import Path

import pytest

from juesuan import codes


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_levels_and_parents_come_from_the_code(tmp_path):
    source = write_csv(
        tmp_path / "list.csv",
        ["code", "name"],
        [["201", "一般公共服务支出"], ["20103", "政府办公厅"], ["2010302", "一般行政管理事务"]],
    )
    subjects = codes.parse_code_list("function", source)
    assert [(s.code, s.level, s.parent_code) for s in subjects] == [
        ("201", 1, ""),
        ("20103", 2, "201"),
        ("2010302", 3, "20103"),
    ]


def test_full_width_digits_and_spaces_are_normalised(tmp_path):
    source = write_csv(
        tmp_path / "list.csv", ["code", "name"], [["２０１", "一般公共服务支出"], [" 20103 ", "x"]]
    )
    assert [s.code for s in codes.parse_code_list("function", source)] == ["201", "20103"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["2010", "x"]], "row 2: code '2010' is not"),
        ([["201", ""]], "row 2: code 201 has no name"),
        ([["201", "a"], ["20103", "b", "3", ""]], "row 3: code 20103 has level 3"),
        ([["201", "a"], ["20103", "b", "", "202"]], "row 3: code 20103 names parent 202"),
        ([["201", "a"], ["20299", "b"]], "parent is not in the list: ['20299']"),
        ([["201", "a"], ["201", "b"]], "duplicate codes ['201']"),
    ],
)
def test_bad_rows_are_rejected_with_file_and_row(tmp_path, rows, message):
    source = write_csv(
        tmp_path / "list.csv",
        ["code", "name", "level", "parent_code"],
        [row + [""] * (4 - len(row)) for row in rows],
    )
    with pytest.raises(codes.CodeListError) as error:
        codes.parse_code_list("function", source)
    assert str(source) in str(error.value)
    assert message in str(error.value)


def test_economic_codes_have_two_levels(tmp_path):
    source = write_csv(tmp_path / "list.csv", ["code", "name"], [["301", "工资福利支出"], ["3010101", "x"]])
    with pytest.raises(codes.CodeListError, match="row 3"):
        codes.parse_code_list("economic", source)


def test_installing_a_year_replaces_only_that_year(tmp_path):
    seed = write_csv(
        tmp_path / "seed.csv",
        codes.SEED_COLUMNS,
        [["2022", "201", "旧", "1", ""], ["2023", "201", "旧", "1", ""], ["2023", "202", "删", "1", ""]],
    )
    new = [codes.Subject("201", "新", 1, ""), codes.Subject("20101", "新款", 2, "201")]
    assert codes.install_year("function", 2023, new, seed) == 2
    with seed.open(encoding="utf-8") as handle:
        rows = [(r["fiscal_year"], r["code"], r["name"]) for r in csv.DictReader(handle)]
    assert rows == [("2022", "201", "旧"), ("2023", "201", "新"), ("2023", "20101", "新款")]


def test_cli_reports_errors_without_touching_the_seed(tmp_path, capsys):
    seed = write_csv(tmp_path / "seed.csv", codes.SEED_COLUMNS, [["2023", "201", "旧", "1", ""]])
    before = seed.read_text(encoding="utf-8")
    source = write_csv(tmp_path / "bad.csv", ["code", "name"], [["2x1", "坏"]])
    assert codes.main(["function", "2023", str(source), "--seed", str(seed)]) == 1
    assert "2x1" in capsys.readouterr().err
    assert seed.read_text(encoding="utf-8") == before


def test_the_derived_2025_and_2026_lists_are_2024s_plus_the_documented_codes():
    """seeds/reference/README.md names each code added to the 2024 list for 2025 and 2026 with
    its name, level, parent and source; the seed holds exactly those additions, as documented,
    each under a parent of its year, and every 2024 row unchanged."""
    reference = Path(codes.SEEDS["function"]).parent
    readme = (reference / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## 2025 and 2026") :]
    levels = {"类": "1", "款": "2", "项": "3"}
    documented = {
        cells[0]: (cells[1], levels[cells[2]], cells[3])
        for cells in (
            [cell.strip() for cell in line.split("|")[1:-1]]
            for line in section.splitlines()
            if line.startswith("| 2") or line.startswith("| 1")
        )
    }
    assert documented
    with codes.SEEDS["function"].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_year = {
        year: {r["code"]: r for r in rows if r["fiscal_year"] == year} for year in ("2024", "2025", "2026")
    }
    unchanged = ("name", "level", "parent_code")
    for year in ("2025", "2026"):
        added = set(by_year[year]) - set(by_year["2024"])
        assert added == set(documented), year
        assert {code: tuple(by_year[year][code][k] for k in unchanged) for code in added} == documented, year
        assert all(
            tuple(by_year[year][code][k] for k in unchanged) == tuple(row[k] for k in unchanged)
            for code, row in by_year["2024"].items()
        ), year
        assert all(by_year[year][code]["parent_code"] == code[: len(code) - 2] for code in added), year
        assert all(by_year[year][code]["parent_code"] in by_year[year] for code in added), year


def test_the_economic_lists_of_2025_and_2026_repeat_2024s():
    """README: no change to the 部门预算支出经济分类 was found for 2025 or 2026, so they repeat 2024."""
    with codes.SEEDS["economic"].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_year = {
        year: {(r["code"], r["name"], r["level"], r["parent_code"]) for r in rows if r["fiscal_year"] == year}
        for year in ("2024", "2025", "2026")
    }
    assert by_year["2024"] and by_year["2025"] == by_year["2024"] == by_year["2026"]
