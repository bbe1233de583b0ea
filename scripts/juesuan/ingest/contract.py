"""What the ingest step reads files against: the ledger entities and their columns (the dbt source
``ledger`` in models/staging/_ledger__sources.yml), the header aliases an office writes
(seeds/reference/ref_ledger_column_aliases.csv) and the input rules a file can break (the tests on
``stg_ledger__file_findings`` in models/staging/_staging__models.yml). All three are the project's
data; this module only reads them, so a new alias or column is a line in a seed or the YAML."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SOURCES = Path("models/staging/_ledger__sources.yml")
ALIASES = Path("seeds/reference/ref_ledger_column_aliases.csv")
RULES = Path("models/staging/_staging__models.yml")
FINDINGS_MODEL = "stg_ledger__file_findings"


def header_key(name: object) -> str:
    """A header as it is compared: NFKC (full-width letters, digits and brackets become their
    ASCII forms: ``金额（元）`` = ``金额(元)``), no spaces anywhere, lower case."""
    text = unicodedata.normalize("NFKC", "" if name is None else str(name))
    return re.sub(r"\s+", "", text).lower()


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    optional: bool = False


@dataclass(frozen=True)
class Entity:
    name: str
    columns: tuple[Column, ...]
    optional: bool = False
    # header_key -> contract column name (the name itself and every alias)
    names: dict[str, str] = field(default_factory=dict)
    # 'contract' or 'vouchers': the door the entity belongs to (meta `door`); None: both doors.
    door: str | None = None

    @property
    def required(self) -> list[str]:
        return [column.name for column in self.columns if not column.optional]

    def column_for(self, header: object) -> str | None:
        return self.names.get(header_key(header))


@dataclass(frozen=True)
class Rule:
    rule_id: str
    severity: str
    message: str


@dataclass(frozen=True)
class Contract:
    entities: dict[str, Entity]
    rules: dict[str, Rule]

    def rule(self, rule_id: str) -> Rule:
        if rule_id not in self.rules:
            raise KeyError(f"rule {rule_id} is not a test on {FINDINGS_MODEL} in {RULES}")
        return self.rules[rule_id]


def load_contract(project: Path) -> Contract:
    sources = yaml.safe_load((project / SOURCES).read_text(encoding="utf-8"))
    ledger = next(source for source in sources["sources"] if source["name"] == "ledger")
    aliases: dict[str, list[tuple[str, str]]] = {}
    with (project / ALIASES).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            aliases.setdefault(row["column_name"], []).append((row["entity"], row["alias"]))
    entities = {}
    for table in ledger["tables"]:
        columns = tuple(
            Column(
                column["name"],
                column.get("data_type", "varchar"),
                bool(meta_of(column).get("optional", False)),
            )
            for column in table["columns"]
        )
        names: dict[str, str] = {}
        for column in columns:
            names[header_key(column.name)] = column.name
        # An entity's own aliases before those of every entity (`*`): a voucher file's 资金性质
        # is its fund_source, a contract file's its fund_source_code.
        for scope in (table["name"], "*"):
            for column in columns:
                for entity, alias in aliases.get(column.name, []):
                    if entity == scope:
                        names.setdefault(header_key(alias), column.name)
        meta = meta_of(table)
        entities[table["name"]] = Entity(
            table["name"], columns, bool(meta.get("optional", False)), names, meta.get("door")
        )
    return Contract(entities, load_rules(project))


def preferred_headers(project: Path, entity: str) -> dict[str, str]:
    """The header an office most often writes for each of an entity's columns: the first alias
    the seed lists for it, the entity's own before those of every entity (`*`). For writing
    files as an office would (juesuan vouchers --format xlsx, the benchmark, the tests)."""
    headers: dict[str, str] = {}
    with (project / ALIASES).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for scope in (entity, "*"):
        for row in rows:
            if row["entity"] == scope:
                headers.setdefault(row["column_name"], row["alias"])
    return headers


def meta_of(node: dict) -> dict:
    """A YAML node's meta: under ``config:`` (dbt 1.10+) or, as before, beside it."""
    return {**(node.get("meta") or {}), **((node.get("config") or {}).get("meta") or {})}


def load_rules(project: Path) -> dict[str, Rule]:
    models = yaml.safe_load((project / RULES).read_text(encoding="utf-8"))["models"]
    model = next(model for model in models if model["name"] == FINDINGS_MODEL)
    rules = {}
    for test in model.get("data_tests", []):
        (body,) = test.values()
        config = body.get("config", {})
        meta = config.get("meta", {})
        rules[meta["rule_id"]] = Rule(meta["rule_id"], config.get("severity", "error"), meta["message"])
    return rules
