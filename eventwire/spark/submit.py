"""Entry point for ``spark-submit``: the job ``eventwire spark-ingest`` runs, on any cluster.

    spark-submit --master yarn --deploy-mode cluster \\
        --archives eventwire-venv.tar.gz#venv \\
        --conf spark.pyspark.python=./venv/bin/python \\
        eventwire/spark/submit.py s3a://news/2024-04-03/ --out s3a://events/2024-04-03/

The master, executors and memory come from spark-submit; the options are those of
``eventwire spark-ingest`` (docs/scale.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from eventwire.config import PipelineConfig
from eventwire.spark.job import SparkOptions, run_ingest
from eventwire.spark.session import spark_session


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="eventwire-spark", description=__doc__.split("\n")[0])
    parser.add_argument("sources", nargs="+", help="Files, folders or globs Spark can read; *.parquet: rows.")
    parser.add_argument("--out", required=True, help="Folder for the Parquet tables (overwritten).")
    parser.add_argument("--model", default="md", choices=("md", "sm"))
    parser.add_argument("--partitions", type=int, default=None, help="Analysis partitions.")
    parser.add_argument("--max-feature-df", type=int, default=None, help="Story blocking cap.")
    parser.add_argument("--published", default=None, help="Date for articles that carry none.")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)
    spark = spark_session(master=None, batch_size=args.batch_size)
    options = SparkOptions(
        partitions=args.partitions,
        max_feature_df=args.max_feature_df,
        published=dt.date.fromisoformat(args.published) if args.published else None,
    )
    config = PipelineConfig(model=args.model, batch_size=args.batch_size)
    report = run_ingest(spark, args.sources, args.out, config, options)
    print(json.dumps(report.as_dict(), indent=2))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
