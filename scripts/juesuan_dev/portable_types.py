"""The text type, spelled so every engine accepts it: find (and rewrite) a bare ``varchar``.

DuckDB and PostgreSQL take ``varchar`` without a length; Spark 4 refuses it (its text type is
``string``). The project spells the type one way per place:

- SQL (models, macros, tests): ``{{ text_type() }}`` (macros/dialect/text_type.sql), inside Jinja
  code ``text_type()``;
- YAML (a contract's ``data_type``, a seed's ``column_types``, a source column): the anchor
  ``*text``, defined once at the top of each property file as ``TEXT_TYPE_YAML`` below (YAML
  cannot call a macro; it can read ``target.type``).

``juesuan portable-types`` lists every bare ``varchar`` left (exit 1 if any; `make lint` runs it);
``juesuan portable-types --rewrite`` rewrites them in place. The rewrite is mechanical and can be
run again after a merge: it changes only what the check would report.

    juesuan portable-types [--rewrite] [project_dir]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

FOLDERS = ["models", "macros", "tests", "seeds", "snapshots", "analyses"]
# Where the word is the definition itself.
DEFINITION = Path("macros/dialect/text_type.sql")
TEXT_TYPE_YAML = "\"{{ 'string' if target.type == 'spark' else 'varchar' }}\""
ANCHOR_ITEM = (
    "  # The text type (macros/dialect/text_type.sql): varchar, except on Spark, which spells it string.\n"
    f"  - &text {TEXT_TYPE_YAML}\n"
)
# varchar as a type: not varchar(n) (a length every engine accepts), not part of a longer name.
BARE = re.compile(r"(?<![\w.])varchar\b(?!\s*\()", re.IGNORECASE)
# The pieces of a dbt SQL file: Jinja comments, Jinja code, SQL line comments; the rest is SQL.
JINJA = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}|--[^\n]*", re.DOTALL)
STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
YAML_VALUE = re.compile(r"^(?P<head>[^#\n]*?:\s*)varchar(?P<tail>\s*(?:[,}#].*)?)$", re.IGNORECASE)
YAML_FLOW = re.compile(r"(?P<head>(?:[{,]\s*|^\s*)[\w\"']+:\s*)varchar(?=\s*[,}])", re.IGNORECASE)


def _jinja_code(code: str) -> str:
    """Inside {{ }} / {% %}: a string literal naming the type becomes text_type(), one that
    contains it is split around it."""

    def literal(match: re.Match[str]) -> str:
        text = match.group(0)
        quote, body = text[0], text[1:-1]
        if not BARE.search(body):
            return text
        if BARE.fullmatch(body):
            return "text_type()"
        parts = BARE.split(body)
        pieces = [f"{quote}{part}{quote}" for part in parts]
        joined = " ~ text_type() ~ ".join(pieces)
        return f"({joined})".replace(f"{quote}{quote} ~ ", "").replace(f" ~ {quote}{quote}", "")

    return STRING.sub(literal, code)


def rewrite_sql(text: str) -> str:
    out, position = [], 0
    for match in JINJA.finditer(text):
        out.append(BARE.sub("{{ text_type() }}", text[position : match.start()]))
        piece = match.group(0)
        out.append(_jinja_code(piece) if piece.startswith(("{{", "{%")) else piece)
        position = match.end()
    out.append(BARE.sub("{{ text_type() }}", text[position:]))
    return "".join(out)


def bare_in_sql(text: str) -> list[int]:
    """Line numbers of a bare varchar outside comments (SQL or Jinja)."""
    lines = []
    for match in JINJA.finditer(text):
        if match.group(0).startswith(("{#", "--")):
            text = text[: match.start()] + re.sub(r"[^\n]", " ", match.group(0)) + text[match.end() :]
    for match in BARE.finditer(text):
        lines.append(text.count("\n", 0, match.start()) + 1)
    return lines


def _yaml_line(line: str) -> str:
    line = YAML_VALUE.sub(lambda m: f"{m.group('head')}*text{m.group('tail')}", line)
    return YAML_FLOW.sub(lambda m: f"{m.group('head')}*text", line)


def rewrite_yaml(text: str) -> str:
    lines = text.split("\n")
    changed = [_yaml_line(line) for line in lines]
    if changed == lines:
        return text
    result = "\n".join(changed)
    if "&text" not in result:
        # The first item of the file's anchors (dbt's place for them), before any use.
        anchors = re.search(r"^anchors:[^\n]*\n", result, re.MULTILINE)
        if anchors:
            result = result[: anchors.end()] + ANCHOR_ITEM + result[anchors.end() :]
        else:
            version = re.search(r"^version: *2[^\n]*\n", result, re.MULTILINE)
            at = version.end() if version else 0
            result = result[:at] + "\nanchors:\n" + ANCHOR_ITEM + result[at:]
    return result


def bare_in_yaml(text: str) -> list[int]:
    """Line numbers of a bare varchar in a YAML value (comments and the anchor excepted)."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        code = line.split("#", 1)[0] if "&text" not in line else ""
        if BARE.search(code):
            found.append(number)
    return found


def files(project: Path) -> list[Path]:
    paths = []
    for folder in FOLDERS:
        for suffix in ("*.sql", "*.yml", "*.yaml"):
            paths.extend(sorted((project / folder).rglob(suffix)))
    return paths


def main(argv: list[str] | None = None, prog: str = "juesuan portable-types") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("project_dir", nargs="?", default=".", type=Path)
    parser.add_argument("--rewrite", action="store_true", help="rewrite every bare varchar in place")
    args = parser.parse_args(argv)
    problems, rewritten = [], 0
    for path in files(args.project_dir):
        if path.relative_to(args.project_dir) == DEFINITION:
            continue
        text = path.read_text(encoding="utf-8")
        is_sql = path.suffix == ".sql"
        if args.rewrite:
            new = rewrite_sql(text) if is_sql else rewrite_yaml(text)
            if new != text:
                path.write_text(new, encoding="utf-8")
                rewritten += 1
                text = new
        for line in bare_in_sql(text) if is_sql else bare_in_yaml(text):
            problems.append(f"{path.relative_to(args.project_dir)}:{line}")
    if args.rewrite:
        print(f"portable-types: rewrote {rewritten} file(s)")
    for problem in problems:
        print(
            f"{problem}: bare varchar (Spark refuses it): {{{{ text_type() }}}} in SQL, *text in YAML",
            file=sys.stderr,
        )
    if problems:
        print(f"portable-types: {len(problems)} bare varchar left", file=sys.stderr)
        return 1
    print("portable-types: no bare varchar")
    return 0


if __name__ == "__main__":
    sys.exit(main())
