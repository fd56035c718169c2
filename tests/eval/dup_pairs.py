#!/usr/bin/env python3
"""What the in-article merge sees in a duplicate, and in two meetings it rightly keeps apart.

Usage (from the repository root):
  tests/eval/dup_pairs.py --bin target/release/chronicle [SET ...] [--list]
  (the shared folder is ../shared beside the repository, or $CHRONICLE_SHARED)

Each set (default: every development set) is ingested one article at a time, as
score.py does without --together, and its talks and visit events are matched to
the gold as score.py matches them. Two kinds of pairs of events of one article:

  duplicate  the event that matched a gold event first, and a later one that
             matched the same gold event again (what score.py calls a duplicate);
  distinct   two events that matched two different gold events of one kind.

For each pair, the features the in-article merge (src/extract/merge.rs) decides by:
shared actors (0, 1, 2+, "-sub" when one set holds the other, one-none: one side
names none), dates (equal, overlap, conflict1: a day apart, conflict: further,
one-none, both-none), places (same, diff, one-none, both-none), statuses (same, or
the two), the trigger's family in the first sentence (conf, talks, meet, other),
whether either event holds the headline, and whether the two share a sentence.
Prints each feature's counts (duplicate/distinct) and the four classes of the
policy; --list prints every pair.
"""
import argparse
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("CHRONICLE_SHARED", os.path.join(ROOT, "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "eval"))
import score as S  # noqa: E402

SETS = ["seeds", "news"] + [f"world-{c}" for c in "abcdefghijklmnopq"] + ["multi", "multi-b", "multi-c", "multi-d"]
KINDS = ("talks", "visit")
FAMILIES = [("conf", r"\b(conference|summit|forum|congress|gathering)"),
            ("talks", r"\b(talks|negotiat|dialogue|consultation)"), ("meet", r"\b(meet|met|meeting)\b")]


def paths(name):
    if name == "seeds":
        return f"{SHARED}/seeds", f"{SHARED}/eval/dev/seeds.gold.jsonl"
    if name in ("news", "multi"):
        return f"{SHARED}/eval/{name}", f"{SHARED}/eval/{name}/gold.jsonl"
    return f"tests/eval/{name}", f"tests/eval/{name}/gold.jsonl"


def span(e):
    return (e["date_start"], e["date_last"]) if e.get("date_start") else None


def dates(a, b):
    sa, sb = span(a), span(b)
    if not sa and not sb:
        return "both-none"
    if not sa or not sb:
        return "one-none"
    if sa == sb:
        return "equal"
    if sa[0] <= sb[1] and sb[0] <= sa[1]:
        return "overlap"
    apart = abs((date.fromisoformat(sa[0]) - date.fromisoformat(sb[0])).days)
    return "conflict1" if apart <= 1 else "conflict"


def places(a, b):
    pa, pb = a.get("place"), b.get("place")
    if not pa and not pb:
        return "both-none"
    if not pa or not pb:
        return "one-none"
    return "same" if pa == pb else "diff"


def actors(a, b):
    x, y = set(a["actors"]), set(b["actors"])
    if not x and not y:
        return "both-none"
    if not x or not y:
        return "one-none"
    return f"{min(len(x & y), 2)}{'-sub' if x <= y or y <= x else ''}"


def family(e):
    s = e["mentions"][0]["sentence"].lower()
    return next((n for n, r in FAMILIES if re.search(r, s)), "other")


def headline(e):
    # The headline: early, and no sentence end.
    return any(m["start"] < 150 and not m["sentence"].rstrip().endswith((".", '"', "”")) for m in e["mentions"])


def features(a, b):
    return {
        "actors": actors(a, b),
        "date": dates(a, b),
        "place": places(a, b),
        "status": "same" if a["status"] == b["status"] else "/".join(sorted([a["status"], b["status"]])),
        "family": family(a) + "/" + family(b),
        "headline": headline(a) or headline(b),
        "shared_sentence": bool({m["start"] for m in a["mentions"]} & {m["start"] for m in b["mentions"]}),
    }


def policy_class(f):
    if f["date"] == "conflict" or f["place"] == "diff":
        return "fields disagree (dates >1 day apart, or two places)"
    if f["status"] != "same":
        return "fields agree, statuses differ"
    if f["actors"].startswith("0"):
        return "fields agree, same status, no shared actor"
    return "fields agree, same status, a shared actor or one side unnamed"


def pairs(binary, name):
    corpus, gold = paths(name)
    golds = [S.json.loads(line) for line in open(gold, encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        events, _ = S.extract(binary, corpus, os.path.join(tmp, "eval.db"))
    by_article = defaultdict(list)
    for i, g in enumerate(golds):
        by_article[g["article"]].append(i)
    matched, dup = {}, []
    for ev in events:
        hits = [gi for m in ev["mentions"] for gi in by_article.get(S.article_of(m), [])
                if golds[gi]["kind"] == ev["kind"] and any(S.fold(s) in S.fold(m["sentence"]) for s in golds[gi]["evidence"])]
        required = [gi for gi in hits if not golds[gi].get("optional")]
        fresh = [gi for gi in required if gi not in matched]
        if required and not fresh:
            if ev["kind"] in KINDS:
                dup.append((S.article_of(ev["mentions"][0]), matched[required[0]], ev))
        elif fresh:
            matched[max(fresh, key=lambda i: sum(ok for _, ok in S.field_checks(golds[i], ev)))] = ev
    groups = defaultdict(list)
    for gi, ev in matched.items():
        if ev["kind"] in KINDS:
            groups[(golds[gi]["article"], ev["kind"])].append(ev)
    distinct = []
    for (article, _), evs in groups.items():
        evs.sort(key=lambda e: e["mentions"][0]["start"])
        distinct += [(article, evs[i], evs[j]) for i in range(len(evs)) for j in range(i + 1, len(evs))]
    return dup, distinct


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("sets", nargs="*")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    os.chdir(ROOT)
    table = {"duplicate": [], "distinct": []}
    for name in a.sets or SETS:
        dup, distinct = pairs(binary, name)
        for label, found in (("duplicate", dup), ("distinct", distinct)):
            for article, x, y in found:
                f = features(x, y)
                table[label].append(f)
                if a.list:
                    print(label, name, article, f)
                    for e in (x, y):
                        print("   ", e["status"], e.get("date_start"), e.get("place"), e["actors"][:6], "|",
                              e["mentions"][0]["sentence"][:120])
    dup, distinct = table["duplicate"], table["distinct"]
    print(f"pairs: {len(dup)} duplicate, {len(distinct)} distinct (counts below: duplicate/distinct)")
    for key in ("actors", "date", "place", "status", "family", "headline", "shared_sentence"):
        c, d = Counter(f[key] for f in dup), Counter(f[key] for f in distinct)
        print(f"{key:16}", " | ".join(f"{k}: {c[k]}/{d[k]}" for k in sorted(set(c) | set(d), key=str)))
    c, d = Counter(map(policy_class, dup)), Counter(map(policy_class, distinct))
    for k in sorted(set(c) | set(d)):
        print(f"{c[k]:4} {d[k]:4}  {k}")


if __name__ == "__main__":
    main()
