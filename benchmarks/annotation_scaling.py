"""Annotation time and peak memory against text length, on synthetic news-like text.

    python benchmarks/annotation_scaling.py [--sizes 10,100,400,2000] [--seed 7]

Each size (in KB) is annotated in a fresh subprocess (spaCy and nupunkt loaded and
warmed first, outside the timing), so its peak resident memory (``ru_maxrss``) is
its own. The table gives wall and CPU seconds, CPU seconds per KB and their ratio
to the first row (1.0 means linear; the target is within 1.5 up to 2 MB: CPU time,
as the machines here are shared and wall time follows their load) and peak memory.
The text is generated, seeded: paragraphs of varied sentences with names,
organisations, places, figures, money, dates and quotations, none taken from any
article.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

FIRST = (
    "Maria", "James", "Amina", "Chen", "Olga", "Rahul", "Fatima", "Lucas", "Ingrid",
    "Kwame", "Sofia", "Diego", "Hannah", "Yusuf", "Elena", "Tomasz", "Grace", "Omar",
    "Aiko", "Pierre", "Leila", "Samuel", "Nadia", "Viktor", "Ruth", "Mateo",
)  # fmt: skip
LAST = (
    "Okafor", "Lindqvist", "Moreno", "Haddad", "Petrov", "Nakamura", "Kowalski",
    "Brennan", "Sato", "Mensah", "Duarte", "Fischer", "Rahman", "Costa", "Novak",
    "Ibrahim", "Whitfield", "Castillo", "Eriksen", "Abara", "Delgado", "Marsh",
)  # fmt: skip
CITIES = (
    "Lisbon", "Nairobi", "Osaka", "Krakow", "Tunis", "Halifax", "Valparaiso",
    "Tbilisi", "Accra", "Bergen", "Cebu", "Leeds", "Medellin", "Izmir", "Perth",
)  # fmt: skip
COUNTRIES = (
    "Portugal", "Kenya", "Japan", "Poland", "Tunisia", "Canada", "Chile", "Georgia",
    "Ghana", "Norway", "the Philippines", "Colombia", "Turkey", "Australia",
)  # fmt: skip
ORGS = (
    "the Ministry of Health", "the port authority", "the central bank",
    "Harbour Energy", "the Red Cross", "the city council", "Northline Rail",
    "the World Food Programme", "the electoral commission", "Atlas Mining",
    "the teachers' union", "the coast guard", "Meridian Bank",
)  # fmt: skip
ROLES = (
    "spokeswoman", "spokesman", "finance minister", "mayor", "chief executive",
    "police commander", "union leader", "senior analyst", "fire chief", "governor",
)  # fmt: skip
COUNTED = (
    "workers", "residents", "passengers", "soldiers", "students", "homes",
    "vehicles", "patients", "flights", "schools", "farmers", "containers",
)  # fmt: skip
EVENTS = ("strike", "flood", "election", "merger", "trial", "summit", "evacuation", "audit")
VERBS = ("evacuated", "affected", "hired", "injured", "relocated", "counted", "stranded")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("two", "three", "five", "seven", "nine", "eleven", "twelve", "dozens of")
QUOTES = (
    "We have never seen anything like this", "The numbers speak for themselves",
    "Nobody expected the talks to collapse so quickly",
    "This is a difficult day for everyone in the region",
    "We will keep working until every family is safe",
    "The decision was taken without consulting us",
)  # fmt: skip

TEMPLATES = (
    "{person}, {age}, a {role} at {org}, said on {weekday} that {n} {counted} had been "
    "{verb} in {city}.",
    "“{quote},” {person} told reporters in {city} on {month} {day}.",
    "{org_cap} reported a {pct} percent rise in {counted} in {month} {year}, bringing "
    "the total to {big}.",
    "According to {org}, at least {n} people were {verb} between {month} {day} and "
    "{month2} {day2}.",
    "{person} said the plan would cost about ${money} million over {word} years.",
    "On {month} {day}, {year}, {big} {counted} arrived in {city} from {country}.",
    "A {role} for {org}, {person}, said: “{quote}.”",
    "The {event} in {city} is expected to begin next {weekday}, {n} days after the vote, "
    "officials said.",
    "Police said {word} men, aged between {age} and {age2}, were detained early on "
    "{weekday} morning near {city}.",
    "In the 1990s, {city} had about {big} residents; by {year} the figure had fallen "
    "by {pct}%.",
    "{person} of {org} said the {event} had cost £{money}bn, roughly {pct} per cent of "
    "the annual budget.",
    "Three days ago, {person} wrote to {org} asking for {n} more {counted}.",
    "The {event} was the third this year, {person}, who has led {org} since {year}, "
    "said in a statement on {weekday}.",
)  # fmt: skip


def _slots(rng: random.Random) -> dict[str, object]:
    """Random values for every template slot."""
    org = rng.choice(ORGS)
    return {
        "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "age": rng.randint(19, 78),
        "age2": rng.randint(20, 60), "role": rng.choice(ROLES), "org": org,
        "org_cap": org[0].upper() + org[1:], "weekday": rng.choice(WEEKDAYS),
        "n": rng.randint(2, 950), "counted": rng.choice(COUNTED),
        "verb": rng.choice(VERBS), "city": rng.choice(CITIES),
        "country": rng.choice(COUNTRIES), "quote": rng.choice(QUOTES),
        "month": rng.choice(MONTHS), "month2": rng.choice(MONTHS),
        "day": rng.randint(1, 28), "day2": rng.randint(1, 28),
        "year": rng.randint(1995, 2024), "pct": rng.randint(2, 60),
        "big": f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}",
        "money": rng.randint(2, 900), "word": rng.choice(NUMBER_WORDS[:-1]),
        "event": rng.choice(EVENTS),
    }  # fmt: skip


def news_text(chars: int, seed: int = 7) -> str:
    """About ``chars`` characters of news-like prose: paragraphs of 2 to 6 sentences,
    one paragraph per line with a blank line now and then and a short heading line
    every few paragraphs."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        if rng.random() < 0.1:
            paragraphs.append(f"{rng.choice(EVENTS).title()} in {rng.choice(CITIES)}")
        sentences = [rng.choice(TEMPLATES).format(**_slots(rng)) for _ in range(rng.randint(2, 6))]
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 1
    out = "".join(p + ("\n\n" if rng.random() < 0.3 else "\n") for p in paragraphs)
    return out[: chars - 1].rstrip() + "\n"


def measure(kb: int, seed: int) -> dict[str, float]:
    """Annotate one text of ``kb`` KB in this process: seconds and peak memory."""
    from newsweave.extract.annotate import annotate
    from newsweave.model import Article, article_id

    warm = news_text(2_000, seed + 1)
    annotate(Article(id=article_id(warm), text=warm, origin="warm"))
    text = news_text(kb * 1000, seed)
    article = Article(id=article_id(text), text=text, origin=f"synthetic-{kb}kb")
    start, cpu_start = time.perf_counter(), time.process_time()
    done = annotate(article)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"kb": kb, "chars": len(text), "seconds": seconds, "cpu": cpu,
            "peak_mb": rss_kb / 1024,
            "sentences": len(done.sentences), "mentions": len(done.mentions),
            "quantities": len(done.quantities), "dates": len(done.dates)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,400,2000", help="text sizes in KB")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one, args.seed)))
        return
    rows = []
    for kb in (int(s) for s in args.sizes.split(",")):
        child = subprocess.run(
            [sys.executable, __file__, "--one", str(kb), "--seed", str(args.seed)],
            capture_output=True, text=True,
        )
        if child.returncode != 0:
            sys.exit(f"{kb} KB failed:\n{child.stderr}")
        rows.append(json.loads(child.stdout.strip().splitlines()[-1]))
        print(f"{kb} KB done in {rows[-1]['seconds']:.1f} s", file=sys.stderr)
    print_table(rows)


def print_table(rows: list[dict[str, float]]) -> None:
    base = rows[0]["cpu"] / rows[0]["chars"]
    out = sys.stdout
    out.write(f"{'text':>8} {'chars':>10} {'wall s':>8} {'CPU s':>8} {'CPU s/KB':>9} "
              f"{'ratio':>6} {'peak MB':>8} {'sentences':>9} {'quantities':>10}\n")
    for r in rows:
        per_char = r["cpu"] / r["chars"]
        out.write(f"{r['kb']:>6}KB {r['chars']:>10,} {r['seconds']:>8.2f} {r['cpu']:>8.2f} "
                  f"{per_char * 1000:>9.4f} {per_char / base:>6.2f} {r['peak_mb']:>8.0f} "
                  f"{r['sentences']:>9} {r['quantities']:>10}\n")


if __name__ == "__main__":
    main()
