"""A Spark session on the warehouse the `spark` target builds (profiles.yml), for reading it.

The session is configured from the profile's own ``server_side_parameters`` (rendered with the
same environment variables dbt uses), so it opens the same warehouse folder and metastore. Spark's
embedded Derby metastore admits one process at a time: open this after dbt has finished.
Needs the ``spark`` extra (``pip install -e '.[spark]'``) and Java 17.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import jinja2
import yaml

from juesuan.dbt_runner import PROJECT


def spark_parameters(project: Path = PROJECT, target: str = "spark") -> dict[str, str]:
    """The profile target's server_side_parameters, rendered as dbt renders them."""
    profiles = yaml.safe_load((project / "profiles.yml").read_text(encoding="utf-8"))
    output = profiles["juesuan"]["outputs"][target]
    if output.get("method") != "session":
        raise ValueError(f"profile target {target} is not an in-process Spark session (method: session)")

    def env_var(name: str, default: str | None = None) -> str:
        if name in os.environ:
            return os.environ[name]
        if default is None:
            raise KeyError(f"environment variable {name} is not set")
        return default

    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    return {
        key: environment.from_string(str(value)).render(env_var=env_var)
        for key, value in (output.get("server_side_parameters") or {}).items()
    }


@contextmanager
def spark_session(project: Path = PROJECT, target: str = "spark") -> Iterator[Any]:
    """A SparkSession on the project's Spark warehouse; stopped on exit. Relative paths in the
    profile are the project folder's, as they are for dbt (which runs there)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("juesuan-read").enableHiveSupport()
    for key, value in spark_parameters(project, target).items():
        builder = builder.config(key, value)
    before = Path.cwd()
    os.chdir(project)  # the JVM starts here and keeps this folder
    try:
        session = builder.getOrCreate()
    finally:
        os.chdir(before)
    try:
        yield session
    finally:
        with suppress(Exception):
            session.stop()
