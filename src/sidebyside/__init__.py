"""sidebyside: compare how several outlets covered the same story."""

__version__ = "0.1.0"
