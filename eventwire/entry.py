"""The ``eventwire`` command's entry point, apart from the CLI module on purpose.

Worker processes start with ``spawn`` (:mod:`eventwire.parallel`), and a spawned worker
re-runs the top of the script that started its parent. The installed ``eventwire`` script
imports its entry point there: were that :mod:`eventwire.cli`, every worker would import the
whole command line, the store, DuckDB and pyarrow (about 70 MiB of each worker's memory) and
never use them. This module imports nothing until the command runs.
"""

from __future__ import annotations


def main() -> None:
    """Run the ``eventwire`` command (:func:`eventwire.cli.main`)."""
    from eventwire.cli import main as run_command

    run_command()
