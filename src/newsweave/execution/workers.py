"""What a worker process does once, before its first item."""

from __future__ import annotations


def load_models() -> None:
    """Load the models workers use into this process: spaCy's pipeline and the
    sentence splitter (article preparation), the sentence encoder (briefs). Their
    loaders cache per process, so a worker pays once and a repeated call is free."""
    from newsweave.extract.embeddings import load_encoder
    from newsweave.extract.nlp import load_nlp
    from newsweave.extract.sentences import split_sentences

    load_nlp()
    split_sentences("Models load once. Then they stay.")
    load_encoder()
