"""Story clustering: text and entity similarity within a time window, batch or incremental."""

from newsweave.cluster.batch import STORY_CUT, canonical_order, cluster_batch
from newsweave.cluster.features import TITLE_WEIGHT, Features, content_words, extract_features
from newsweave.cluster.incremental import (
    CENTROID_CUT,
    JOIN_CUT,
    STREAM_CUT,
    StoryIndex,
    StoryMerge,
)
from newsweave.cluster.similarity import ENTITY_WEIGHT, STORY_WINDOW_DAYS

__all__ = [
    "CENTROID_CUT",
    "ENTITY_WEIGHT",
    "JOIN_CUT",
    "STORY_CUT",
    "STORY_WINDOW_DAYS",
    "STREAM_CUT",
    "TITLE_WEIGHT",
    "Features",
    "StoryIndex",
    "StoryMerge",
    "canonical_order",
    "cluster_batch",
    "content_words",
    "extract_features",
]
