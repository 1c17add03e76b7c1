"""The bundled corpus/ as JSON Lines, one article per line, for the scaling tests and recipes.

Front matter becomes the record's fields and the file's stem its id. With --syndicated, each
article is also given a second time as a syndicated copy: another id, another outlet, and a
credit line added (so its text, and text hash, differ). The copies report the same events as the
originals, so when the corpus is cut into shards, duplicates sit in other shards and the
cross-article counts (NumMentions, NumArticles, NumSources) are only right after the merge.

    python3 scale/spark/corpus_jsonl.py corpus/ [--syndicated] > corpus.jsonl
"""

import argparse
import json
import pathlib
import re

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)


def articles(root):
    for path in sorted(pathlib.Path(root).rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        meta, body = (match.group(1), match.group(2)) if match else ("", text)
        record = {"id": path.stem}
        for line in meta.splitlines():
            key, _, value = line.partition(":")
            record[key.strip()] = value.strip()
        record["text"] = body
        yield record


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root")
    parser.add_argument("--syndicated", action="store_true")
    args = parser.parse_args()
    for record in articles(args.root):
        print(json.dumps(record, ensure_ascii=False))
        if args.syndicated:
            copy = dict(record, id=record["id"] + "-syndicated", source="Syndicate Wire")
            copy.pop("url", None)
            copy["text"] = record["text"].rstrip("\n") + "\n(Distributed by Syndicate Wire.)\n"
            print(json.dumps(copy, ensure_ascii=False))


if __name__ == "__main__":
    main()
