"""Linguistic annotation with spaCy. spaCy objects live only here and in ``extract/``."""

from wirescope.annotate.nlp import annotate, load_model, model_provides

__all__ = ["annotate", "load_model", "model_provides"]
