"""The rule catalogue: every data test that carries a ``meta.rule_id``, read from dbt's manifest.

A rule is one accounting identity, input check or tie-out. Its id, kind (表内/表间/输入/守恒/公开核对;
a published document's own: 结构, 说明)
and message live next to the test in the project's yml; its severity is the test's. Several
tests may share a rule id (the same check on several input files) but then must agree on kind,
severity and message.

    juesuan rules --out docs/rules.md             # parses the project first
    juesuan rules target/manifest.json --out docs/rules.md
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from juesuan.dbt_runner import PROJECT, run_dbt

RULE_ID = re.compile(r"^(T0[1-9]-\d\d|X0[1-9]-0[1-9]|N\d\d-\d\d|[ICPRWD]\d\d)$")
KINDS = {"表内", "表间", "输入", "守恒", "公开核对", "结构", "说明"}
KIND_ORDER = ["输入", "表内", "表间", "守恒", "公开核对", "结构", "说明"]


class CatalogueError(ValueError):
    """Tests that break the catalogue's own rules (ids, kinds, agreeing definitions)."""


@dataclass
class Rule:
    rule_id: str
    kind: str
    severity: str
    message: str
    table_no: str = ""
    tests: list[str] = field(default_factory=list)


def catalogue_from_manifest(manifest_path: Path) -> dict[str, Rule]:
    """All rules in a manifest, by id; raises CatalogueError on an inconsistent catalogue."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    rules: dict[str, Rule] = {}
    problems: list[str] = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test" or "rule_id" not in node["config"].get("meta", {}):
            continue
        meta = node["config"]["meta"]
        rule = Rule(
            meta["rule_id"],
            meta.get("kind", ""),
            node["config"]["severity"].lower(),
            meta.get("message", ""),
            meta.get("table_no", ""),
            [node["name"]],
        )
        problems += _problems(rule)
        known = rules.setdefault(rule.rule_id, rule)
        if known is not rule:
            if (known.kind, known.severity, known.message) != (rule.kind, rule.severity, rule.message):
                problems.append(
                    f"{rule.rule_id}: tests {known.tests[0]} and {rule.tests[0]} disagree on kind, severity or message"
                )
            known.tests.append(node["name"])
    if problems:
        raise CatalogueError("\n".join(sorted(set(problems))))
    return dict(sorted(rules.items()))


def _problems(rule: Rule) -> list[str]:
    problems = []
    if not RULE_ID.match(rule.rule_id):
        problems.append(f"{rule.rule_id}: not a rule id (T01-01, X01-02, I01, …)")
    if rule.kind not in KINDS:
        problems.append(f"{rule.rule_id}: kind {rule.kind!r} is not one of {sorted(KINDS)}")
    if not rule.message:
        problems.append(f"{rule.rule_id}: no message")
    return problems


def render_markdown(rules: dict[str, Rule]) -> str:
    """The human-readable list: one table per kind."""
    lines = [
        "# 审核规则 Rule catalogue",
        "",
        "Generated from the project's tests by `make rules` (`juesuan rules`; do not edit by hand).",
        "Every rule runs in `dbt build`; failing rows land in `audit.audit_findings`.",
        "",
    ]
    for kind in KIND_ORDER:
        kind_rules = [r for r in rules.values() if r.kind == kind]
        if not kind_rules:
            continue
        lines += [
            f"## {kind} ({len(kind_rules)})",
            "",
            "| id | severity | table | message | tests |",
            "|---|---|---|---|---|",
        ]
        for rule in kind_rules:
            tests = ", ".join(f"`{t}`" for t in sorted(rule.tests))
            lines.append(f"| {rule.rule_id} | {rule.severity} | {rule.table_no} | {rule.message} | {tests} |")
        lines.append("")
    return "\n".join(lines)


def parsed_manifest(target: Path) -> Path:
    """``dbt parse`` of the project into ``target``; its manifest."""
    completed = run_dbt(["parse", "--quiet"], target_path=target)
    if completed.returncode != 0:
        raise CatalogueError(f"dbt parse failed:\n{completed.stdout}{completed.stderr}")
    return target / "manifest.json"


def main(argv: list[str] | None = None, prog: str = "juesuan rules") -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Write the rule catalogue from a dbt manifest.")
    parser.add_argument(
        "manifest",
        type=Path,
        nargs="?",
        help="manifest.json of a parsed project (default: parse the project into target/rules)",
    )
    parser.add_argument("--out", type=Path, help="write the Markdown list here (default: print it)")
    args = parser.parse_args(argv)
    try:
        manifest = args.manifest or parsed_manifest(PROJECT / "target" / "rules")
        rules = catalogue_from_manifest(manifest)
    except CatalogueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    text = render_markdown(rules)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {len(rules)} rules to {args.out}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
