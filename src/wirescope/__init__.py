"""wirescope: conflict news to an auditable record of who did what to whom, where, when,
how many — and who says so."""

__version__ = "0.1.0"
