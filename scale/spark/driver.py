"""Code a corpus of any size with eventwire on Apache Spark.

Reads JSON Lines articles from any Spark path (local files, HDFS, S3, GCS, ...), pipes each
partition through `eventwire code` (RDD.pipe: eventwire is a pure filter, JSON Lines in, coded
rows out), merges the shards' events by the cross-article dedup key, and writes the events and
quotes tables as Parquet (or JSON Lines) with the columns of `eventwire export`.

The merge computes what no shard can know alone, as `eventwire merge` and the store's
`event_records` view do: for each (Actor1ID, EventCode, Actor2ID, Day) event, NumMentions (rows),
NumArticles (distinct articles) and NumSources (distinct outlets; an article whose outlet is
unknown counts as its own). A sharded run therefore equals one `eventwire ingest`, row for row.

    spark-submit scale/spark/driver.py --input corpus.jsonl --output out/ \
        --eventwire /usr/local/bin/eventwire [--format parquet|jsonl] [--partitions N]

The same driver runs on local[*], a standalone or YARN cluster, Kubernetes or a managed service;
only the spark-submit options and the place of the binary change (docs/scaling.md).
"""

import argparse
import json
import shlex

from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F

#: The dedup key of an event (the store's `event_records` grouping).
DEDUP_KEY = ["Actor1ID", "EventCode", "Actor2ID", "Day"]
#: The cross-article counts, written after GoldsteinScale as `eventwire export` does.
COUNTS = ["NumMentions", "NumArticles", "NumSources"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="JSON Lines articles: any Spark path or glob")
    parser.add_argument("--output", required=True, help="folder for events/ and quotes/")
    parser.add_argument("--eventwire", default="eventwire",
                        help="the eventwire binary as every worker reaches it")
    parser.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    parser.add_argument("--partitions", type=int, default=0,
                        help="repartition the input into this many shards (default: as read)")
    parser.add_argument("--published", help="YYYY-MM-DD for articles without a date")
    parser.add_argument("--master", help="Spark master when not run by spark-submit (local[2])")
    parser.add_argument("--jobs", type=int, default=1,
                        help="annotation threads per eventwire process (Spark runs one per core)")
    return parser.parse_args()


def code_command(args):
    command = [args.eventwire, "code", "--emit", "all", "--jobs", str(args.jobs)]
    if args.published:
        command += ["--published", args.published]
    return " ".join(shlex.quote(part) for part in command)


def coded_rows(spark, args):
    """The coded rows of every article: one JSON string per row, led by its `record` kind."""
    articles = spark.sparkContext.textFile(args.input)
    if args.partitions:
        articles = articles.repartition(args.partitions)
    # checkCode: an input that fails makes eventwire exit 1 after coding the rest; its
    # `eventwire: <stdin>:<line>: <reason>` is in that task's stderr, the job goes on.
    return articles.pipe(code_command(args), checkCode=False)


def column_order(rows, kind):
    """The columns in eventwire's order (Spark's JSON reader sorts them by name)."""
    first = rows.filter(lambda line: json.loads(line)["record"] == kind).take(1)
    return list(json.loads(first[0]).keys()) if first else []


def table(spark, rows, kind, id_column):
    """One kind of row as a DataFrame in eventwire's column order, each row once even if an
    article came twice; None when the corpus has no such row."""
    order = column_order(rows, kind)
    if not order:
        return None
    lines = rows.filter(lambda line, k=kind: json.loads(line)["record"] == k)
    return ordered(spark.read.json(lines).dropDuplicates([id_column]), order)


def with_dedup_counts(events):
    """Adds NumMentions, NumArticles and NumSources over all shards."""
    same_event = Window.partitionBy(*DEDUP_KEY)
    outlet = F.coalesce(F.concat(F.lit("source:"), F.col("Source")),
                        F.concat(F.lit("article:"), F.col("ArticleID")))
    return (events
            .withColumn("NumMentions", F.count(F.lit(1)).over(same_event))
            .withColumn("NumArticles", F.size(F.collect_set("ArticleID").over(same_event)))
            .withColumn("NumSources", F.size(F.collect_set(outlet).over(same_event))))


def ordered(frame, order):
    """`frame`'s columns in `order` (any column the first row lacked after them), less `record`;
    a missing dedup key column is added as null, as an older eventwire left empty keys out."""
    for name in DEDUP_KEY if "EventCode" in order else []:
        if name not in frame.columns:
            frame = frame.withColumn(name, F.lit(None).cast("string"))
    first = [name for name in order if name in frame.columns]
    rest = sorted(set(frame.columns) - set(first))
    return frame.select(*[name for name in first + rest if name != "record"])


def counts_after_goldstein(frame):
    """The counts where `eventwire export` has them: right after GoldsteinScale."""
    names = [name for name in frame.columns if name not in COUNTS]
    at = names.index("GoldsteinScale") + 1
    return frame.select(*names[:at], *COUNTS, *names[at:])


def write(frame, path, fmt):
    writer = frame.write.mode("overwrite")
    if fmt == "parquet":
        writer.parquet(path)
    else:
        writer.json(path)


def main():
    args = parse_args()
    builder = SparkSession.builder.appName("eventwire")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    rows = coded_rows(spark, args).cache()
    events = table(spark, rows, "event", "GlobalEventID")
    if events is not None:
        merged = counts_after_goldstein(with_dedup_counts(events))
        write(merged, f"{args.output}/events", args.format)
    quotes = table(spark, rows, "quote", "QuoteID")
    if quotes is not None:
        write(quotes, f"{args.output}/quotes", args.format)
    spark.stop()


if __name__ == "__main__":
    main()
