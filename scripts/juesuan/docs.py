"""juesuan docs: the documentation site as one offline HTML file.

Every model, column, test and the lineage from the seeds to the outputs (dbt exposures), read
from the built warehouse by ``dbt docs generate --static``, copied to ``<out>/juesuan-docs.html``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from juesuan.dbt_runner import PROJECT, run_dbt

PAGE = "juesuan-docs.html"


def main(argv: list[str] | None = None, prog: str = "juesuan docs") -> int:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Write the documentation site, one offline HTML file, from the built warehouse.",
    )
    parser.add_argument(
        "--db", type=Path, default=Path("warehouse/juesuan.duckdb"), help="the built warehouse"
    )
    parser.add_argument("--out", type=Path, default=Path("output/docs"), help=f"folder to write {PAGE} into")
    parser.add_argument(
        "--target-path", type=Path, default=PROJECT / "target" / "docs", help="dbt's artifacts for the site"
    )
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"error: {args.db}: no warehouse here; run `juesuan build` first", file=sys.stderr)
        return 1
    target = args.target_path.resolve()
    completed = run_dbt(
        ["docs", "generate", "--static"], warehouse=args.db.resolve(), target_path=target, capture=False
    )
    if completed.returncode != 0:
        return completed.returncode
    args.out.mkdir(parents=True, exist_ok=True)
    page = shutil.copyfile(target / "static_index.html", args.out / PAGE)
    print(f"wrote {page}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
