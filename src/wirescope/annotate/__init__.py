"""Linguistic annotation with spaCy (:mod:`wirescope.annotate.nlp`) and the document structure
every extractor reads (:mod:`wirescope.annotate.structure`). The package imports nothing
itself: a module that needs the structure does not load the parser's machinery with it."""
