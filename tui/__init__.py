"""Terminal explorer for the reports of IMSS."""

__version__ = "0.1.0"
