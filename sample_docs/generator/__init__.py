"""The sample claim-file generator. Never imports ``pipeline``: the evaluation must not read back
what the extractor's own lists wrote."""
