"""brief stage: the cross-source brief of one story (summary, facts, conflicts, ...)."""

from newsweave.brief.assemble import build_brief, story_headline

__all__ = ["build_brief", "story_headline"]
