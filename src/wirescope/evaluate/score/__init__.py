"""Scorers: ``score(pairs) -> Scored`` for one kind of gold, where ``pairs`` holds each gold
item with the :class:`~wirescope.records.DocumentRecord` the pipeline made of its document
(an empty record when the pipeline failed on it)."""
