"""Every command and option of the CLI is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click

from newsweave.cli.main import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_command_has_a_readme_section() -> None:
    assert isinstance(cli, click.Group)
    for name in cli.commands:
        assert f"### `newsweave {name}" in README, f"README lacks a section on '{name}'"


def test_every_option_is_mentioned() -> None:
    assert isinstance(cli, click.Group)
    for name, command in cli.commands.items():
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in {"--help"}:
                    assert opt in README, f"README does not mention {opt} of '{name}'"


def test_readme_starts_with_the_two_commands() -> None:
    first_section = README.split("\n## ", 2)[1]
    assert "make demo" in first_section and "make test" in first_section
