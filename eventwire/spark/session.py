"""Starting Spark for eventwire: local mode on this machine, or whatever spark-submit set up."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


def spark_session(
    master: str | None = "local[*]",
    batch_size: int = 32,
    shuffle_partitions: int | None = None,
    conf: dict[str, str] | None = None,
) -> SparkSession:
    """A SparkSession for eventwire jobs (the running one if there is one).

    ``master=None`` leaves the master to ``spark-submit --master``. In local mode the
    Python workers run this interpreter (``PYSPARK_PYTHON``): PySpark 4 refuses a worker
    whose Python differs from the driver's, and the workers need eventwire installed.
    """
    from pyspark.sql import SparkSession

    local = master is not None and master.startswith("local")
    if local:
        os.environ["PYSPARK_PYTHON"] = sys.executable
        os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # no cluster: stay on the loopback
    builder = SparkSession.builder.appName("eventwire")
    if master:
        builder = builder.master(master)
    settings = {
        # Arrow batches handed to mapInArrow: one pipeline batch at a time.
        "spark.sql.execution.arrow.maxRecordsPerBatch": str(batch_size),
        "spark.python.worker.reuse": "true",  # the cached Pipeline lives in the worker process
        "spark.sql.session.timeZone": "UTC",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.adaptive.enabled": "true",
    }
    if local:
        settings["spark.ui.enabled"] = "false"
        settings["spark.sql.shuffle.partitions"] = str(shuffle_partitions or 8)
    elif shuffle_partitions:
        settings["spark.sql.shuffle.partitions"] = str(shuffle_partitions)
    for key, value in {**settings, **(conf or {})}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
