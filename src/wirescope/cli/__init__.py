"""The ``wirescope`` command line: a thin shell over the library."""
