#!/usr/bin/env python3
"""Why a talks or visit event's `actors` field is wrong: each missing gold participant, classified.

Usage (from the repository root):
  tests/eval/actor_misses.py ERRORS_DIR [SET ...] [--list]
  (ERRORS_DIR holds errors-SET.txt as score.sh writes them with OUT=DIR; the shared
  folder is ../shared beside the repository, or $CHRONICLE_SHARED)

score.py counts the field wrong when a gold participant matches none of the event's
names (extra names cost nothing), so the unit here is the missing gold participant.
Each is put in the first class that holds, in this order:

  d  canonical   a name the event holds that matches no gold participant is the same
                 entity under another name: a government or body and its country
                 (through actors.tsv, places.tsv and demonyms), a body and its acronym,
                 or a name sharing a word with the gold one (a surname, a head noun)
  e  side        the gold participant stands in a mention sentence as a demonym and a
                 group noun ("the Ethiopian delegation", "Russian counterparts")
  b  sentence    a gold name occurs in one of the event's own mention sentences
  c  elsewhere   a gold name occurs only in other sentences of the article; the
                 distance (in sentences) to the nearest mention, and "subj" when it
                 opens the sentence just before a mention (its first five words)
  z  nowhere     no gold name occurs in the article text

Besides, (a) flags the extra names of these events (matching no gold participant; score.py
does not count them): a reporting source (an agency, or a name in "X said"), and a place
(a places.tsv name, or the event's place) by how a mention sentence uses it: the owner of
a title ("Ivory Coast's president"), the topic of talks ("Yemen peace talks"), the venue
("in Switzerland"), the origin ("from Georgia"); "country" is any other use (mostly a
state that does take part, which the gold names by its people).
"""
import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("CHRONICLE_SHARED", os.path.join(ROOT, "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "eval"))
import score as S  # noqa: E402

SETS = ["seeds", "news"] + [f"world-{c}" for c in "abcdefghijklmnopq"] + ["multi", "multi-b", "multi-c", "multi-d"]
GROUP = {"delegation", "delegations", "side", "sides", "counterpart", "counterparts", "officials", "envoy",
         "envoys", "authorities", "government", "embassy", "embassies", "team", "negotiators", "leaders",
         "leader", "representatives", "diplomats", "mediators", "ministers", "minister", "president", "army",
         "forces", "troops", "parties", "groups", "rebels"}
GENERIC = {"the", "united", "national", "council", "congress", "house", "union", "president", "prime",
           "minister", "foreign", "special", "republic", "democratic", "front", "movement", "party", "state",
           "states", "of", "and", "for", "people's", "popular", "liberation", "revolutionary", "al"}
PRONOUN = re.compile(r"\b(he|she|they|his|her|their|the two sides|both sides|the two|the sides|the (delegation|envoy|"
                     r"minister|president|leader|team|group|rebels|government|officials|parties|mediators?))\b", re.I)
# "The 10-person delegation", "the latest delegation": a delegation with no sender written.
BARE_DELEGATION = re.compile(r"\b[Tt]he\s+(?:[a-z0-9-]+\s+){0,3}?(delegation|team|panel)\b")
SAY = re.compile(r"\b(said|says|told|reported|according to|quoted)\b", re.I)


def corpus(name):
    if name == "seeds":
        return f"{SHARED}/seeds"
    if name in ("news", "multi"):
        return f"{SHARED}/eval/{name}"
    return f"tests/eval/{name}"


def tsv(path):
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


def load_data():
    """name (folded) -> set of keys naming one entity: its canonical name and its state."""
    keys = defaultdict(set)
    demonym = {}
    places = {}
    for row in tsv("data/places.tsv"):
        name, kind, country = row[0], row[1], row[2]
        aliases = [a for a in (row[3].split("|") if len(row) > 3 else []) if a]
        adjectives = [a for a in (row[4].split("|") if len(row) > 4 else []) if a]
        for n in [name] + aliases:
            keys[S.fold(n)].add(S.fold(name))
            places[S.fold(n)] = kind
        if kind == "country":
            for a in adjectives:
                demonym[S.fold(a)] = S.fold(name)
                keys[S.fold(a)].add(S.fold(name))
    for row in tsv("data/actors.tsv"):
        name, kind, country = row[0], row[1], row[2]
        aliases = [a for a in (row[3].split("|") if len(row) > 3 else []) if a]
        for n in [name] + aliases:
            keys[S.fold(n)].add(S.fold(name))
            if kind in ("government", "country") and country:
                keys[S.fold(n)].add(S.fold(country))
            if kind == "agency":
                keys[S.fold(n)].add("@agency")
    return keys, demonym, places


def entity_keys(name, keys, demonym):
    f = S.fold(name)
    out = set(keys.get(f, ())) | {f}
    words = f.replace("'s", "").split()
    # "Colombian government", "the Malian authorities": a demonym and a group noun name the state.
    if len(words) >= 2 and words[-1] in GROUP and words[-2] in demonym:
        out.add(demonym[words[-2]])
    # acronym
    caps = "".join(w[0] for w in name.split() if w[:1].isupper())
    if len(caps) >= 2:
        out.add(caps.lower())
    if re.fullmatch(r"[A-Z]{2,6}", name):
        out.add(name.lower())
    return out


def proper(name):
    """The capitalised words of a name that are not group nouns or titles, as score.py's tokens."""
    return {t for w in re.findall(r"[\w'’-]+", name) if w[:1].isupper() and S.fold(w) not in GROUP | GENERIC
            for t in S.tokens(w)}


def sentences(text):
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"”’']?(\s+)(?=[\"“‘A-Z0-9(])|\n+", text):
        end = m.start(1) if m.group(1) else m.start()
        out.append((start, text[start:end]))
        start = m.end()
    out.append((start, text[start:]))
    return [(s, t) for s, t in out if t.strip()]


def occurs(alt, sentence):
    g, p = S.tokens(alt), S.tokens(sentence)
    return bool(g) and S.contiguous(g, p)


def classify(gold, got, text, keys, demonym, places):
    names = list(got.get("actors") or []) + ([got["speaker"]] if got.get("speaker") else [])
    extras = [n for n in names if not any(S.name_matches(g, n) for g in gold["actors"])]
    article = gold["article"]
    mentions = [m for m in got["mentions"] if S.article_of(m) == article] or got["mentions"]
    sents = sentences(text)
    idx = []
    for m in mentions:
        # offsets are the cleaned text's: find the sentence by its words
        key = S.fold(m["sentence"])[:60]
        idx += [i for i, (_, t) in enumerate(sents) if key[:30] in S.fold(t) or S.fold(t)[:30] in key][:1]
    out = []
    for g in gold["actors"]:
        if any(S.name_matches(g, n) for n in names):
            continue
        alts = g.split("|")
        gkeys = set().union(*(entity_keys(a, keys, demonym) for a in alts))
        gwords = {w for a in alts for w in proper(a)}
        rel = [n for n in extras if (entity_keys(n, keys, demonym) & gkeys) or (proper(n) & gwords)]
        if rel:
            out.append(("d", f"{g} ~ {rel[0]}"))
            continue
        side = None
        for m in mentions:
            words = re.findall(r"[\w'’-]+", m["sentence"])
            for a, b in zip(words, words[1:]):
                if S.fold(b) in GROUP and S.fold(a) in demonym and demonym[S.fold(a)] in gkeys:
                    side = f"{a} {b}"
        if side:
            out.append(("e", f"{g} as '{side}'"))
            continue
        if any(occurs(a, m["sentence"]) for a in alts for m in mentions):
            out.append(("b", g))
            continue
        where = [i for i, (_, t) in enumerate(sents) if any(occurs(a, t) for a in alts)]
        if where and idx:
            dist = min(abs(i - j) for i in where for j in idx)
            subj = any(i + 1 in idx and any(occurs(a, " ".join(sents[i][1].split()[:5])) for a in alts) for i in where)
            before = "before" if min(where) < min(idx) else "after"
            ana = {p.group(0).lower() for m in mentions for p in PRONOUN.finditer(m["sentence"])}
            bare = any(BARE_DELEGATION.search(m["sentence"]) for m in mentions)
            out.append(("c", f"{g} dist={dist} {before}{' subj' if subj else ''}{' ana=' + ','.join(sorted(ana)) if ana else ''}"
                             f"{' bare-delegation' if bare else ''}"))
            continue
        out.append(("z", g))
    flags = []
    for n in extras:
        f = S.fold(n)
        k = entity_keys(n, keys, demonym)
        if "@agency" in k or any(re.search(rf"\b{re.escape(n)}\b[^.]{{0,20}}{SAY.pattern}|{SAY.pattern}[^.]{{0,30}}\b{re.escape(n)}\b", m["sentence"]) for m in mentions):
            flags.append(f"source:{n}")
        elif f in places or (got.get("place") and S.name_matches(got["place"], n)):
            flags.append(f"{place_use(n, mentions)}:{n}")
    return out, flags


def place_use(n, mentions):
    """How the mention sentences use a place that the event holds as a participant."""
    e = re.escape(n)
    for kind, pattern in (
            ("title", rf"\b{e}(’s|'s)\s+(\w+\s+){{0,2}}(president|leader|prime|foreign|minister|government|envoy|"
                      r"king|top|emir|army|chief)"),
            ("topic", rf"\b{e}(’s|'s)?\s+((peace|prisoner|exchange|reunification|ceasefire|crisis|political)\s+)*"
                      r"(talks|negotiations|leaders|dialogue|crisis|conflict|war)\b"),
            ("venue", rf"\b(in|at|capital of|host)\s+(the\s+)?{e}\b"),
            ("origin", rf"\bfrom\s+(the\s+)?{e}\b")):
        if any(re.search(pattern, m["sentence"]) for m in mentions):
            return kind
    return "country"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("errors")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("sets", nargs="*")
    a = ap.parse_args()
    os.chdir(ROOT)
    keys, demonym, places = load_data()
    per = defaultdict(list)
    flagged = defaultdict(list)
    fields = 0
    for name in a.sets or SETS:
        path = os.path.join(a.errors, f"errors-{name}.txt")
        if not os.path.exists(path):
            continue
        for line in open(path, encoding="utf-8"):
            m = re.match(r"field actors\s+(talks|visit)\s+(\{.*)", line)
            if not m:
                continue
            rec = json.loads(m.group(2))
            gold, got = rec["gold"], rec["got"]
            text = open(os.path.join(corpus(name), gold["article"]), encoding="utf-8").read()
            fields += 1
            out, flags = classify(gold, got, text, keys, demonym, places)
            for cls, what in out:
                per[cls].append((name, gold["article"], what, got["mentions"][0]["sentence"][:110]))
            for fl in flags:
                flagged[fl.split(":")[0]].append((name, gold["article"], fl))
            if a.list:
                print(name, gold["article"], gold["kind"], "got", got["actors"], "|", got["mentions"][0]["sentence"][:120])
                for cls, what in out:
                    print("   ", cls, what)
                for fl in flags:
                    print("    a", fl)
    print(f"wrong actors fields: {fields}; missing participants: {sum(map(len, per.values()))}")
    label = {"d": "canonical (right entity, other name)", "e": "side (demonym + group noun)",
             "b": "in a mention sentence", "c": "only in other sentences", "z": "nowhere in the text"}
    for cls in "debcz":
        rows = per[cls]
        print(f"  {cls} {label[cls]:40} {len(rows):3} missing, {len({(s, f) for s, f, *_ in rows}):3} articles, "
              f"{len({s for s, *_ in rows}):2} sets")
    c = per["c"]
    if c:
        print("     c by distance:", dict(sorted(Counter(min(int(re.search(r"dist=(\d+)", w).group(1)), 4) for _, _, w, _ in c).items())),
              " subject of the sentence before:", sum(" subj" in w for _, _, w, _ in c),
              " mention holds a pronoun or definite description:", sum(" ana=" in w for _, _, w, _ in c))
        bare = [(st, f) for st, f, w, _ in c if "bare-delegation" in w]
        print(f"     c with a bare 'the delegation' in the mention: {len(bare)} missing, {len(set(bare))} articles,"
              f" {len({st for st, _ in bare})} sets")
    for fl, rows in sorted(flagged.items()):
        print(f"  a extra {fl:10} {len(rows):3} names, {len({(s, f) for s, f, _ in rows}):3} articles, {len({s for s, *_ in rows}):2} sets")


if __name__ == "__main__":
    main()
