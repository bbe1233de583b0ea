"""Validate the project's YAML against the JSON schemas dbt-core ships.

dbt-core validates property files and dbt_project.yml against its own JSON schemas
(``dbt/jsonschemas/resources/latest.json``, ``dbt/jsonschemas/project/*.json``) only on some
adapters; on DuckDB and Postgres it does not, so ``data_test:`` or ``argumnets:`` would
silently disable a test. This validates every ``.yml`` under models/, seeds/, tests/, macros/
and snapshots/ with the resources schema and dbt_project.yml with the project schema, and
reports each problem with the file and the path to it.

Two differences from a bare validation, both where dbt itself is more lenient than its schema:
``severity`` is matched without regard to case (dbt accepts ``error`` and ``warn``; the schema
spells ``Error`` and ``Warn``), and top-level keys starting with ``x-`` (holders of YAML anchors,
which dbt parses and ignores) are accepted with a notice: dbt's own place for them is
``anchors:``.

    juesuan check-yaml [project_dir]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from dbt.jsonschemas import JSONSCHEMAS_PATH
from jsonschema import Draft7Validator, ValidationError
from jsonschema.validators import extend

PROPERTY_FOLDERS = ["models", "seeds", "tests", "macros", "snapshots", "analyses"]
SEVERITY_KEYS = {"severity", "+severity"}


def schema(kind: str) -> dict[str, Any]:
    """dbt's schema for ``resources`` (property files) or ``project`` (dbt_project.yml): the
    one dbt itself loads (``dbt.jsonschemas.jsonschemas``), else the newest file shipped."""
    from dbt.jsonschemas import jsonschemas

    loader = {"resources": "resources_schema", "project": "project_schema"}[kind]
    if hasattr(jsonschemas, loader):
        return getattr(jsonschemas, loader)()
    files = sorted(Path(JSONSCHEMAS_PATH, kind).glob("*.json"), key=lambda path: path.stat().st_mtime)
    return json.loads(files[-1].read_text(encoding="utf-8"))


def _string_or_date(checker, instance) -> bool:
    """PyYAML reads 2024-01-01 as a date; the schema calls it a string, as dbt does."""
    import datetime

    return Draft7Validator.TYPE_CHECKER.is_type(instance, "string") or isinstance(instance, datetime.date)


def _boolean_or_jinja(checker, instance) -> bool:
    """dbt renders a Jinja expression in dbt_project.yml before it reads the value, so a boolean
    may be written as one (`columns: "{{ target.type != 'spark' }}"`)."""
    if isinstance(instance, str):
        text = instance.strip()
        return text.startswith("{{") and text.endswith("}}")
    return Draft7Validator.TYPE_CHECKER.is_type(instance, "boolean")


Validator = extend(
    Draft7Validator,
    type_checker=Draft7Validator.TYPE_CHECKER.redefine("string", _string_or_date).redefine(
        "boolean", _boolean_or_jinja
    ),
)


def normalised(node: Any) -> Any:
    """The document with every severity spelt as the schema spells it (dbt ignores its case), and
    an ``enabled`` given as a Jinja expression read as the boolean dbt renders it to."""
    if isinstance(node, dict):
        return {key: normalised_value(key, value) for key, value in node.items()}
    if isinstance(node, list):
        return [normalised(item) for item in node]
    return node


def normalised_value(key: Any, value: Any) -> Any:
    if key in SEVERITY_KEYS and isinstance(value, str):
        return value.capitalize()
    if key in ("enabled", "+enabled") and isinstance(value, str) and value.strip().startswith("{{"):
        return True
    return normalised(value)


def where(document: Any, path: list) -> str:
    """A path a reader can follow: list items by their ``name`` where they have one."""
    parts: list[str] = []
    node = document
    for step in path:
        if isinstance(step, int):
            item = node[step]
            name = item.get("name") if isinstance(item, dict) else None
            parts.append(str(name) if name else f"[{step}]")
        else:
            parts.append(str(step))
        node = node[step]
    return ".".join(parts).replace(".[", "[") or "(top level)"


def closest_branch(error: ValidationError) -> list[ValidationError]:
    """Of the alternatives of an ``anyOf``, the errors of the one the value came closest to:
    the one whose errors reach deepest into the value, preferring a branch of the right type."""
    branches: dict[object, list[ValidationError]] = defaultdict(list)
    for sub_error in error.context or []:
        branches[sub_error.relative_schema_path[0]].append(sub_error)
    return max(
        branches.values(),
        key=lambda errors: (
            max(reach(sub_error) for sub_error in errors),
            any(sub_error.validator != "type" for sub_error in errors),
            -len(errors),
        ),
    )


def reach(error: ValidationError) -> int:
    if error.context:
        return max(reach(sub_error) for sub_error in closest_branch(error))
    return len(error.absolute_path)


def leaves(error: ValidationError) -> Iterator[ValidationError]:
    if error.context:
        for sub_error in closest_branch(error):
            yield from leaves(sub_error)
    else:
        yield error


def messages(document: Any, error: ValidationError) -> Iterator[str]:
    """One line per problem: an unknown key by its name, anything else by the schema's words."""
    for leaf in leaves(error):
        path = list(leaf.absolute_path)
        if leaf.validator == "additionalProperties":
            known = set(leaf.schema.get("properties", {}))
            for key in leaf.instance if isinstance(leaf.instance, dict) else []:
                if key not in known:
                    yield f"{where(document, path)}: unknown key {key!r}"
        elif leaf.validator == "type" and path and str(path[-1]).startswith("+"):
            # dbt_project.yml: a `+key` that is no config is read as a folder, and fails as one.
            yield f"{where(document, path[:-1])}: unknown key {path[-1]!r}"
        else:
            yield f"{where(document, path)}: {leaf.message}"


def problems_in(path: Path, kind: str = "resources") -> Iterator[str]:
    """Every problem in one YAML file, as 'file: path.to.key: what'."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(document, dict):
        yield f"{path}: not a mapping"
        return
    validator = Validator(schema(kind))
    anchors = {key: value for key, value in document.items() if str(key).startswith("x-")}
    checked = normalised({key: value for key, value in document.items() if key not in anchors})
    for error in sorted(validator.iter_errors(checked), key=lambda error: list(map(str, error.path))):
        for message in messages(checked, error):
            yield f"{path}: {message}"


def anchor_notices(project: Path) -> list[str]:
    """Files that hold YAML anchors under ``x-`` keys instead of dbt's ``anchors:``."""
    notices = []
    for path in property_files(project):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        keys = [key for key in document if str(key).startswith("x-")] if isinstance(document, dict) else []
        if keys:
            notices.append(f"{path}: {', '.join(keys)}: accepted, but dbt's key for anchors is `anchors:`")
    return notices


def property_files(project: Path) -> list[Path]:
    return sorted(path for folder in PROPERTY_FOLDERS for path in project.glob(f"{folder}/**/*.yml"))


def check_project(project: Path) -> list[str]:
    """All problems in the YAML of a dbt project (dbt_project.yml and its property files)."""
    found = []
    if (project / "dbt_project.yml").exists():
        found += problems_in(project / "dbt_project.yml", "project")
    return found + [problem for path in property_files(project) for problem in problems_in(path)]


def main(argv: list[str] | None = None, prog: str = "juesuan check-yaml") -> int:
    parser = argparse.ArgumentParser(
        prog=prog, description="Validate the project's YAML against the JSON schemas dbt-core ships."
    )
    parser.add_argument("project", type=Path, nargs="?", default=Path("."), help="dbt project folder")
    args = parser.parse_args(argv)
    problems = check_project(args.project)
    for notice in anchor_notices(args.project):
        print(f"notice: {notice}", file=sys.stderr, flush=True)
    for problem in problems:
        print(problem, file=sys.stderr, flush=True)
    print(f"check-yaml: {len(problems)} problems in {len(property_files(args.project)) + 1} files")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
