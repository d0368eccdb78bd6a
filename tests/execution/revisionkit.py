"""Texts written for the revision and resume tests, and a snapshot of a store."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.store import Store

QUAKE = """# Earthquake strikes northern Valdoria

A magnitude 6.1 earthquake struck the northern Valdorian province of Estrana on \
Tuesday morning, the national seismic institute said.

The quake killed 12 people and injured more than 80, provincial governor Lena Maric \
told reporters in the city of Korvel.

Rescue teams were searching collapsed buildings in three villages near the epicentre, \
and the army sent 400 soldiers to help.

Schools across the province will stay closed until Friday while engineers inspect them.
"""
OLD_FIGURE, NEW_FIGURE = "killed 12 people", "killed 15 people"
CORRECTED = QUAKE.replace(OLD_FIGURE, NEW_FIGURE)

HARBOUR = """# Harbour workers strike in Pellmouth

Dock workers at the port of Pellmouth walked out on Monday over a new shift system, \
leaving container ships waiting in the bay, the dockers' union said.

Union leader Tomas Reyes said the strike would last until the port authority agreed \
to talks, and that about 1,100 members had joined it.

The port authority said it regretted the walkout and that perishable cargo was being \
sent to the smaller harbour at Ashby instead.
"""

# Records for the resume tests: two events told by two outlets each, one more event,
# and a record too short to be an article (rejected when cleaned, not when read).
# The ferry records come later-dated first, so a batch holding both folds them (by
# date) in another order than the file's.
EVENTS = [
    {"text": "Breaking: see page two."},
    {"source": "North Herald", "published": "2026-03-02", "text":
        "The old Morvanto river bridge collapsed on Sunday evening, sending two cars "
        "into the water, city officials in Morvanto said. Divers pulled four people "
        "from the river alive. Mayor Ilse Brandt ordered inspections of every bridge "
        "in the city and closed the Morvanto embankment road to traffic."},
    {"source": "Coast Daily", "published": "2026-03-05", "text":
        "A fire broke out on the ferry Santa Liska near Lisker island on Wednesday, "
        "and all 230 passengers were taken off by lifeboats, the coastguard said. "
        "The coastguard said the fire started in the engine room of the Santa Liska "
        "and was put out after three hours. Two crew members were treated for burns."},
    {"source": "Island Times", "published": "2026-03-04", "text":
        "Passengers of the ferry Santa Liska were rescued near Lisker island after a "
        "fire in the engine room, the coastguard reported. Lifeboats carried all 230 "
        "passengers to the harbour of Lisker, and two crew members were treated for "
        "burns. The ferry operator said the Santa Liska would be towed to port."},
    {"source": "Valley Post", "published": "2026-03-03", "text":
        "Morvanto closed its embankment road after the river bridge collapse, and Mayor "
        "Ilse Brandt said every bridge in Morvanto would be inspected. Four people "
        "were rescued by divers after two cars fell into the river when the old bridge "
        "gave way on Sunday evening, city officials said."},
    {"source": "Finance Weekly", "published": "2026-03-06", "text":
        "The central bank of Norland raised its main interest rate to 4.25 percent on "
        "Thursday, its third increase this year, saying inflation remained too high. "
        "Governor Erik Lund said further rises were possible if prices kept climbing, "
        "and the Norland krone rose against the euro after the announcement."},
]


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


Snapshot = tuple[frozenset[str], frozenset[tuple[str, frozenset[str]]], tuple[str, ...]]


def snapshot(store: Store) -> Snapshot:
    """Articles, stories by id with their members, and every article's revisions."""
    stories = store.stories()
    rows = store.conn.execute(
        "SELECT lineage, revision, article_id FROM revisions ORDER BY lineage, revision")
    return (
        frozenset(a.id for a in store.articles()),
        frozenset((s.id, frozenset(s.article_ids)) for s in stories),
        tuple(f"{lineage}/{n}/{a}" for lineage, n, a in rows),
    )
