"""Extractors: pure functions from an annotated document to typed records."""

from wirescope.extractors.registry import Extractor, State, check_order, get, names, register

__all__ = ["Extractor", "State", "check_order", "get", "names", "register"]
