"""Install a year's official classification code list into a reference seed.

The Ministry of Finance publishes 政府收支分类科目 every year. A user replaces one year's list
with the official file (columns ``code,name`` and optionally ``level,parent_code``); every other
year in the seed and every model stay as they are.

    juesuan codes function 2024 path/to/official_2024.csv
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds" / "reference"
SEEDS = {
    "function": SEED_DIR / "ref_function_subjects.csv",
    "economic": SEED_DIR / "ref_economic_subjects.csv",
}
# Code length by level: 类/款/项 for functions, 类/款 for economic codes.
LEVEL_BY_LENGTH = {
    "function": {3: 1, 5: 2, 7: 3},
    "economic": {3: 1, 5: 2},
}
SEED_COLUMNS = ["fiscal_year", "code", "name", "level", "parent_code"]
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


class CodeListError(ValueError):
    """A row of an official code list that cannot be installed as it is."""


@dataclass(frozen=True)
class Subject:
    code: str
    name: str
    level: int
    parent_code: str


def normalise_code(raw: str) -> str:
    """Strip whitespace and turn full-width digits into ASCII; codes stay text."""
    return raw.strip().translate(FULL_WIDTH_DIGITS)


def parse_code_list(kind: str, path: Path) -> list[Subject]:
    """Read an official list and check every row; raise naming the file and row on error."""
    lengths = LEVEL_BY_LENGTH[kind]
    subjects: list[Subject] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"code", "name"} - set(reader.fieldnames or [])
        if missing:
            raise CodeListError(f"{path}: header lacks {sorted(missing)}")
        for row_no, row in enumerate(reader, start=2):
            subjects.append(_parse_row(path, row_no, row, lengths))
    _check_tree(path, subjects)
    return subjects


def _parse_row(path: Path, row_no: int, row: dict[str, str], lengths: dict[int, int]) -> Subject:
    code = normalise_code(row["code"] or "")
    name = (row["name"] or "").strip()
    where = f"{path}, row {row_no}"
    if not code.isdigit() or len(code) not in lengths:
        raise CodeListError(f"{where}: code {row['code']!r} is not {sorted(lengths)} digits")
    if not name:
        raise CodeListError(f"{where}: code {code} has no name")
    level = lengths[len(code)]
    given_level = (row.get("level") or "").strip()
    if given_level and int(given_level) != level:
        raise CodeListError(f"{where}: code {code} has level {given_level}, its length says {level}")
    parent = code[:-2] if level > 1 else ""
    given_parent = normalise_code(row.get("parent_code") or "")
    if given_parent and given_parent != parent:
        raise CodeListError(f"{where}: code {code} names parent {given_parent}, its prefix is {parent}")
    return Subject(code, name, level, parent)


def _check_tree(path: Path, subjects: list[Subject]) -> None:
    codes = [s.code for s in subjects]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise CodeListError(f"{path}: duplicate codes {duplicates}")
    known = set(codes)
    orphans = sorted(s.code for s in subjects if s.parent_code and s.parent_code not in known)
    if orphans:
        raise CodeListError(f"{path}: codes whose parent is not in the list: {orphans}")


def install_year(kind: str, year: int, subjects: list[Subject], seed: Path) -> int:
    """Replace the rows of ``year`` in ``seed`` with ``subjects``; keep every other year."""
    kept: list[dict[str, str]] = []
    if seed.exists():
        with seed.open(encoding="utf-8", newline="") as handle:
            kept = [r for r in csv.DictReader(handle) if int(r["fiscal_year"]) != year]
    new = [
        {
            "fiscal_year": str(year),
            "code": s.code,
            "name": s.name,
            "level": str(s.level),
            "parent_code": s.parent_code,
        }
        for s in subjects
    ]
    rows = sorted(kept + new, key=lambda r: (int(r["fiscal_year"]), r["code"]))
    with seed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=SEED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(new)


def main(argv: list[str] | None = None, prog: str = "juesuan codes") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=sorted(SEEDS), help="which code tree")
    parser.add_argument("year", type=int, help="fiscal year the list is for")
    parser.add_argument("source", type=Path, help="official list: CSV with code,name[,level,parent_code]")
    parser.add_argument("--seed", type=Path, help="seed to update (default: the project's)")
    args = parser.parse_args(argv)
    try:
        subjects = parse_code_list(args.kind, args.source)
    except CodeListError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    count = install_year(args.kind, args.year, subjects, args.seed or SEEDS[args.kind])
    print(f"installed {count} {args.kind} codes for {args.year}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
