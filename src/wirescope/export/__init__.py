"""Exports other tools read: the ``wirescope/1`` JSON Lines contract and flat CSV tables."""

from wirescope.export.contract import dumps, from_contract, to_contract, validate

__all__ = ["dumps", "from_contract", "to_contract", "validate"]
