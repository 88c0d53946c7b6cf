"""Linguistic annotation with spaCy. spaCy objects live only here and in ``extract/``."""

from wirescope.annotate.nlp import annotate, cut_notes, load_model, model_provides

__all__ = ["annotate", "cut_notes", "load_model", "model_provides"]
