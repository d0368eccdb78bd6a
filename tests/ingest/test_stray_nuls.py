"""Stray NUL bytes in a text are dropped; binaries are still rejected.

``python tests/ingest/test_stray_nuls.py`` prints the sweep behind
``MAX_STRAY_NULS`` (see ``ingest/decode.py``).
"""

from __future__ import annotations

import random
import struct
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.ingest import decode, read_paths
from newsweave.ingest.decode import BINARY_REASON, decode_bytes
from newsweave.model import Document

NOTE = (
    "The council approved the budget on Tuesday after a short debate. The mayor said "
    "the money would go to schools and roads, and that work would start in spring."
)


def _with_nuls(data: bytes, count: int, seed: int, width: int = 1) -> bytes:
    """``data`` with ``count`` NUL runs of ``width`` bytes at random even offsets."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(count):
        at = rng.randrange(0, len(out) // 2) * 2
        out[at:at] = b"\x00" * width
    return bytes(out)


@pytest.mark.parametrize("count", [1, 2, 5])
def test_stray_nuls_in_short_utf8_text_are_dropped(count: int) -> None:
    data = _with_nuls(NOTE.encode("utf-8"), count, seed=count)
    assert decode_bytes(data, "note.txt") == NOTE


@pytest.mark.parametrize("bom", [b"\xff\xfe", b""])
def test_a_stray_nul_pair_in_utf16_text_is_dropped(bom: bytes) -> None:
    data = bom + _with_nuls(NOTE.encode("utf-16-le"), 1, seed=3, width=2)
    assert decode_bytes(data, "note.txt") == NOTE


def test_a_file_with_two_nuls_is_read(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    text = "Ünïcode note: the council approved the budget on Tuesday."
    path.write_bytes(text.encode("utf-8").replace(b" the budget", b"\x00\x00 the budget"))
    (item,) = read_paths([str(path)])
    assert isinstance(item, Document) and item.content == text


@pytest.mark.parametrize(("size", "seeds"), [(256, 20), (4096, 20), (65536, 2)])
def test_random_binaries_are_still_rejected(size: int, seeds: int) -> None:
    for seed in range(seeds):
        data = random.Random(seed).randbytes(size)
        with pytest.raises(InputError) as caught:
            decode_bytes(data, "blob.bin")
        assert caught.value.reason == BINARY_REASON


def test_a_table_of_small_integers_is_binary() -> None:
    data = struct.pack("<200i", *range(200))
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(data, "table.dat")


def _sweep() -> None:
    """Random files rejected and stray NULs kept, per floor."""
    sizes = (16, 64, 256, 1024, 4096, 16384, 65536)
    for floor in (0, 2, 4, 8, 16, 32, 64):
        decode.MAX_STRAY_NULS = floor
        accepted = {"under 256 B": 0, "256 B and up": 0}
        for size in sizes:
            for seed in range(200):
                try:
                    decode_bytes(random.Random(seed).randbytes(size), "blob")
                    accepted["under 256 B" if size < 256 else "256 B and up"] += 1
                except InputError:
                    pass
        kept = 0
        for count in range(1, 65):
            try:
                decode_bytes(_with_nuls(NOTE.encode(), count, seed=count), "note")
                kept = count
            except InputError:
                break
        print(f"floor {floor:2}: random files accepted {accepted}; note keeps up to {kept} NULs")


if __name__ == "__main__":
    _sweep()
