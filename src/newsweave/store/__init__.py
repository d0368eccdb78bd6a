"""Persistence: SQLite with recorded migrations (the only package that knows SQL)."""

from newsweave.store.sqlite import Store

__all__ = ["Store"]
