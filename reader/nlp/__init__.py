"""The spaCy engine: quotes, speakers, sources and cues. Never imports Qt."""
