"""Walking folders: unreadable and symlinked subfolders are never skipped without a word."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsweave.ingest import count_inputs, read_paths
from newsweave.model import Document, Rejection

ARTICLE = (
    "The regional rail operator said on Friday that night trains to the coast would "
    "run again from May, after two winters of repairs to the mountain tunnel.\n"
)

needs_posix = pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix",
                                 reason="symbolic links and modes as on POSIX")


def _read(*paths: Path) -> list[Document | Rejection]:
    return list(read_paths([str(p) for p in paths]))


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A tree with a readable file and a subfolder nobody may open."""
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading")
    (tmp_path / "a.txt").write_text(ARTICLE)
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "b.txt").write_text(ARTICLE)
    secret.chmod(0)
    yield tmp_path
    secret.chmod(0o700)  # let pytest clean up


@needs_posix
def test_unreadable_subfolder_is_a_rejection(locked: Path) -> None:
    items = _read(locked)
    assert [type(i).__name__ for i in items] == ["Document", "Rejection"]
    rejection = items[1]
    assert isinstance(rejection, Rejection)
    assert rejection.origin == str(locked / "secret")
    assert "permission denied" in rejection.reason and "\n" not in rejection.reason
    assert count_inputs([str(locked)]) == 2


@needs_posix
def test_unreadable_folder_given_by_name_is_a_rejection(locked: Path) -> None:
    (item,) = _read(locked / "secret")
    assert isinstance(item, Rejection) and "permission denied" in item.reason


def test_a_folder_whose_listing_fails_is_a_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Runs as root too: the listing is denied the way the kernel denies it to others.
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "b.txt").write_text(ARTICLE)
    real_scandir = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if os.fspath(path) == str(tmp_path / "secret"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = _read(tmp_path)
    assert [i.origin for i in items] == [str(tmp_path / "a.txt"), str(tmp_path / "secret")]
    assert isinstance(items[1], Rejection) and "permission denied" in items[1].reason


@needs_posix
def test_symlinked_subfolder_is_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(ARTICLE)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "link").symlink_to(elsewhere, target_is_directory=True)
    (item,) = _read(tree)
    assert isinstance(item, Document)
    assert item.origin == str(tree / "link" / "b.txt")


@needs_posix
def test_symlink_loop_is_rejected_and_the_walk_ends(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    items = _read(tmp_path)
    assert [i.origin for i in items] == [str(tmp_path / "sub" / "a.txt"),
                                         str(tmp_path / "sub" / "up")]
    loop = items[1]
    assert isinstance(loop, Rejection) and "loop" in loop.reason
    assert str(tmp_path) in loop.reason
    assert count_inputs([str(tmp_path)]) == 2


@needs_posix
def test_link_to_itself_and_broken_link_are_rejections(tmp_path: Path) -> None:
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    items = _read(tmp_path)
    assert [i.origin for i in items] == [str(tmp_path / "dangling.txt"),
                                         str(tmp_path / "self")]
    reasons = [i.reason for i in items if isinstance(i, Rejection)]
    assert len(reasons) == 2 and "missing" in reasons[0] and "loops" in reasons[1]


@needs_posix
def test_folder_order_is_files_first_then_subfolders_sorted(tmp_path: Path) -> None:
    for rel in ("b/z.txt", "b/a/y.txt", "a/x.txt", "m.txt", "c.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE)
    origins = [i.origin for i in _read(tmp_path)]
    expected = ["c.txt", "m.txt", "a/x.txt", "b/z.txt", "b/a/y.txt"]
    assert origins == [str(tmp_path / rel) for rel in expected]
