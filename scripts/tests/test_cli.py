"""One command: every subcommand answers --help under its own name, and build hands dbt what
it does not know itself."""

from __future__ import annotations

import pytest

from juesuan import build, cli


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--help"])
    assert exited.value.code == 0
    listed = capsys.readouterr().out
    for name in [*cli.COMMANDS, *cli.DEVELOPER_COMMANDS]:
        assert name in listed


@pytest.mark.parametrize("name", [*cli.COMMANDS, *cli.DEVELOPER_COMMANDS])
def test_each_command_has_its_own_help(name, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main([name, "--help"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: juesuan {name}")


def test_build_passes_unknown_arguments_to_dbt(monkeypatch, tmp_path):
    calls = []

    class Completed:
        returncode = 0

    def fake_run_dbt(arguments, **options):
        calls.append((arguments, options))
        return Completed()

    monkeypatch.setattr(build, "run_dbt", fake_run_dbt)
    monkeypatch.delenv("JUESUAN_LEDGER_PATH", raising=False)
    monkeypatch.chdir(tmp_path)
    code = cli.main(
        [
            "build",
            "--db",
            "w/test.duckdb",
            "--selector",
            "everything",
            "--fail-fast",
            "--",
            "--vars",
            "{a: 1}",
        ]
    )
    assert code == 0
    ((arguments, options),) = calls
    assert arguments == ["build", "--selector", "everything", "--fail-fast", "--vars", "{a: 1}"]
    assert options["warehouse"] == tmp_path / "w" / "test.duckdb"  # the caller's path, made absolute
    assert (tmp_path / "w").is_dir()
    assert options["ledger"] is None  # the bundled example
