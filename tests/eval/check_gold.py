#!/usr/bin/env python3
"""Check a corpus folder's hand-made gold before it is used for scoring.

Usage:
  check_gold.py FOLDER [--gold FOLDER/gold.jsonl]

The folder holds the article files, an index.tsv (file, url, published,
how_date_known, source) and a gold.jsonl with one gold event per line.

Errors (exit status 1):
  - a gold line that does not parse, lacks a required key, or has a value of the
    wrong form (kind, status, qualifier, dates, count, optional, evidence);
  - a gold event naming an article that index.tsv does not list;
  - an index.tsv row whose file is missing, or whose published date is malformed;
  - an evidence snippet that does not occur in its article once case, curly quotes,
    dashes and spacing are folded as the scorer folds them, or that only occurs
    across a line break (a snippet must sit inside one paragraph).
Warnings (printed, exit status unchanged):
  - a snippet that seems to run over a sentence end ("... said. The ...");
  - an optional event without a note;
  - two gold events of one kind and article sharing a snippet.
"""
import argparse
import csv
import datetime as dt
import json
import os
import re
import sys

KINDS = {"talks", "visit", "statement", "death_toll"}
STATUSES = {"happened", "planned", "proposed", "refused", "cancelled", "unknown"}
QUALIFIERS = {"exact", "more_than", "at_least", "about", "up_to", "less_than"}
KEYS = {"article", "kind", "status", "actors", "place", "date", "date_end", "speaker", "count",
        "qualifier", "evidence", "optional", "note", "cluster"}
HOW_DATE = {"", "url", "text", "dateline"}
# abbreviations whose period is not a sentence end
ABBREV = re.compile(r"\b(?:[A-Z]\.){1,3}$|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Maj|Sgt|Gov|Sen|Rep|Jr|Sr|No|Mt|Ft|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.$")


def fold(s):
    """The scorer's folding (score.py): lower case, curly quotes, ellipsis, dashes, spacing."""
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2026", "..."),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def valid_date(v):
    if not isinstance(v, str):
        return False
    try:
        if re.fullmatch(r"\d{4}-W\d{2}", v):
            dt.date.fromisocalendar(int(v[:4]), int(v[6:]), 1)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            dt.date.fromisoformat(v)
        elif re.fullmatch(r"\d{4}-\d{2}", v):
            dt.date(int(v[:4]), int(v[5:]), 1)
        elif not re.fullmatch(r"\d{4}", v):
            return False
    except ValueError:
        return False
    return True


def crosses_sentence(snippet):
    """True when the snippet seems to hold a sentence end followed by a new sentence."""
    for m in re.finditer(r"[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]*[A-Z]", snippet):
        if not ABBREV.search(snippet[:m.start() + 1]):
            return True
    return False


def name_list_ok(v):
    return isinstance(v, list) and v and all(isinstance(x, str) and x.strip() for x in v)


def check_event(d, where, errors):
    missing = [k for k in ("article", "kind", "evidence") if k not in d]
    if missing:
        errors.append(f"{where}: missing key(s) {', '.join(missing)}")
        return
    unknown = set(d) - KEYS
    if unknown:
        errors.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if d["kind"] not in KINDS:
        errors.append(f"{where}: kind {d['kind']!r} is not one of {sorted(KINDS)}")
    if "status" in d and d["status"] not in STATUSES:
        errors.append(f"{where}: status {d['status']!r} is not one of {sorted(STATUSES)}")
    if "qualifier" in d and d["qualifier"] not in QUALIFIERS:
        errors.append(f"{where}: qualifier {d['qualifier']!r} is not one of {sorted(QUALIFIERS)}")
    if "date" in d:
        alts = d["date"] if isinstance(d["date"], list) else [d["date"]]
        if not alts or not all(valid_date(a) for a in alts):
            errors.append(f"{where}: date {d['date']!r} is not YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or a list of them")
    if "date_end" in d and not valid_date(d["date_end"]):
        errors.append(f"{where}: date_end {d['date_end']!r} is not a date")
    if "date_end" in d and "date" not in d:
        errors.append(f"{where}: date_end without date")
    if "count" in d and (not isinstance(d["count"], int) or isinstance(d["count"], bool) or d["count"] < 0):
        errors.append(f"{where}: count {d['count']!r} is not a non-negative integer")
    if "actors" in d and not name_list_ok(d["actors"]):
        errors.append(f"{where}: actors must be a non-empty list of names")
    for k in ("place", "speaker", "note", "cluster"):
        if k in d and not (isinstance(d[k], str) and d[k].strip()):
            errors.append(f"{where}: {k} must be a non-empty string")
    if "optional" in d and not isinstance(d["optional"], bool):
        errors.append(f"{where}: optional must be true or false")
    if not name_list_ok(d["evidence"]):
        errors.append(f"{where}: evidence must be a non-empty list of snippets")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--gold", help="gold file (default FOLDER/gold.jsonl)")
    a = ap.parse_args()
    gold_path = a.gold or os.path.join(a.folder, "gold.jsonl")
    errors, warnings = [], []

    index_path = os.path.join(a.folder, "index.tsv")
    articles = {}
    try:
        with open(index_path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f, delimiter="\t")
            for col in ("file", "published"):
                if col not in (reader.fieldnames or []):
                    errors.append(f"{index_path}: no column {col!r}")
            for n, row in enumerate(reader, start=2):
                name = row.get("file") or ""
                path = os.path.join(a.folder, name)
                if not name or not os.path.isfile(path):
                    errors.append(f"{index_path}:{n}: file {name!r} does not exist")
                    continue
                pub = row.get("published") or ""
                if pub and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub) or pub and not valid_date(pub):
                    errors.append(f"{index_path}:{n}: published {pub!r} is not YYYY-MM-DD")
                how = row.get("how_date_known")
                if how is not None and how not in HOW_DATE:
                    errors.append(f"{index_path}:{n}: how_date_known {how!r} is not one of {sorted(HOW_DATE)}")
                if bool(pub) != bool(how) and how is not None:
                    errors.append(f"{index_path}:{n}: published and how_date_known must be both given or both empty")
                if name in articles:
                    errors.append(f"{index_path}:{n}: file {name!r} listed twice")
                with open(path, encoding="utf-8") as t:
                    text = t.read()
                articles[name] = (fold(text), [fold(line) for line in text.splitlines()])
    except OSError as e:
        errors.append(f"{index_path}: {e}")

    golds = []
    try:
        with open(gold_path, encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                where = f"{gold_path}:{n}"
                try:
                    d = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{where}: not JSON: {e}")
                    continue
                if not isinstance(d, dict):
                    errors.append(f"{where}: not a JSON object")
                    continue
                before = len(errors)
                check_event(d, where, errors)
                if len(errors) == before:
                    golds.append((where, d))
    except OSError as e:
        errors.append(f"{gold_path}: {e}")

    seen = {}
    for where, d in golds:
        art = d["article"]
        if art not in articles:
            errors.append(f"{where}: article {art!r} is not in {index_path}")
            continue
        whole, lines = articles[art]
        for s in d["evidence"]:
            fs = fold(s)
            if fs not in whole:
                errors.append(f"{where}: evidence not in {art}: {s!r}")
            elif not any(fs in line for line in lines):
                errors.append(f"{where}: evidence runs over a line break in {art}: {s!r}")
            if crosses_sentence(s):
                warnings.append(f"{where}: evidence may span two sentences: {s!r}")
            key = (art, d["kind"], fs)
            if key in seen:
                warnings.append(f"{where}: shares a {d['kind']} snippet with {seen[key]}: {s!r}")
            else:
                seen[key] = where
        if d.get("optional") and "note" not in d:
            warnings.append(f"{where}: optional event without a note")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    kinds = {}
    for _, d in golds:
        k = (d["kind"], bool(d.get("optional")))
        kinds[k] = kinds.get(k, 0) + 1
    summary = ", ".join(f"{k} {kinds.get((k, False), 0)}+{kinds.get((k, True), 0)} optional"
                        for k in sorted(KINDS))
    print(f"{len(articles)} articles, {len(golds)} gold events ({summary}); "
          f"{len(errors)} error(s), {len(warnings)} warning(s)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
