"""The catalogue is consistent and docs/rules.md is the list the project's tests define."""

import json

import pytest
from conftest import PROJECT, copy_project, dbt_run

from juesuan_dev.rules import CatalogueError, catalogue_from_manifest, render_markdown


@pytest.fixture(scope="module")
def manifest(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("parse") / "project")
    completed = dbt_run(project, "parse")
    assert completed.returncode == 0, completed.stdout
    return project / "target" / "manifest.json"


def test_docs_rules_md_is_up_to_date(manifest):
    expected = render_markdown(catalogue_from_manifest(manifest))
    assert (PROJECT / "docs" / "rules.md").read_text(encoding="utf-8") == expected, (
        "docs/rules.md is stale: run `make rules`"
    )


def test_rules_cover_every_kind_and_table(manifest):
    rules = catalogue_from_manifest(manifest)
    assert {rule.kind for rule in rules.values()} == {
        "输入",
        "表内",
        "表间",
        "守恒",
        "公开核对",
        "结构",
        "说明",
    }
    assert {rule_id[1:3] for rule_id in rules if rule_id.startswith("T")} == {f"0{n}" for n in range(1, 10)}
    assert len([r for r in rules if r.startswith("I")]) >= 20


def test_disagreeing_definitions_of_one_rule_are_rejected(tmp_path):
    def test_node(name, message):
        meta = {"rule_id": "I01", "kind": "输入", "message": message}
        return {"resource_type": "test", "name": name, "config": {"severity": "ERROR", "meta": meta}}

    manifest = tmp_path / "manifest.json"
    manifest.write_text(
        json.dumps({"nodes": {"a": test_node("a", "单位未知"), "b": test_node("b", "另一种说法")}})
    )
    with pytest.raises(CatalogueError, match="disagree"):
        catalogue_from_manifest(manifest)
