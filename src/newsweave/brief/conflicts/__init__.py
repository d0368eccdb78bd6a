"""Conflicts: the same fact stated with different values by different sources."""

from newsweave.brief.conflicts.detect import find_conflicts

__all__ = ["find_conflicts"]
