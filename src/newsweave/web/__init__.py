"""The read-only web UI and JSON API over a store (``newsweave serve``)."""

from newsweave.web.app import create_app

__all__ = ["create_app"]
