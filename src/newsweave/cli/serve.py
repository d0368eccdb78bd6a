"""``newsweave serve``: the read-only web UI over a store, served by uvicorn."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from newsweave.cli.text import printable
from newsweave.store import Store

DEFAULT_HOST = "127.0.0.1"  # only this machine can connect unless asked otherwise
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str) -> str | None:
    """The line printed when the server listens beyond this machine."""
    if is_loopback(host):
        return None
    return (f"warning: listening on {host}: anyone who can reach this machine can read "
            "every stored article and brief; use --host 127.0.0.1 to keep it local")


def serve(db: Path, host: str, port: int) -> None:
    """Check the store opens read-only, then serve it until Ctrl-C."""
    import uvicorn

    from newsweave.web import create_app

    Store(db, readonly=True).close()  # a missing or foreign store fails here, in one line
    warning = exposure_warning(host)
    if warning:
        click.echo(printable(warning), err=True)
    click.echo(printable(f"serving {db} read-only at http://{host}:{port}/ (Ctrl-C stops)"),
               err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
