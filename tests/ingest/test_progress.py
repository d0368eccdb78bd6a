"""read_paths reports each finished file, in step with count_inputs."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.ingest import count_inputs, read_paths


def test_on_file_counts_files_not_records(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("An article about a flood in the valley town.\n")
    (tmp_path / "many.jsonl").write_text(
        "".join(json.dumps({"title": f"t{i}", "text": f"Body number {i}."}) + "\n"
                for i in range(5)))
    missing = str(tmp_path / "nope.txt")
    seen: list[str] = []
    items = list(read_paths([str(tmp_path), missing], on_file=seen.append))
    assert len(items) == 7  # 1 text + 5 records + 1 rejection for the missing path
    assert len(seen) == count_inputs([str(tmp_path), missing]) == 3
    assert seen[-1] == missing
