"""newsweave: read one news story across many outlets.

Articles in (text, HTML, JSON Lines), cross-source briefs out: a cited summary, what
all sources agree on, what only some report, and where they conflict.
"""

__version__ = "0.1.0"
