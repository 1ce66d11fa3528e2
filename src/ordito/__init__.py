"""Ordito: participatory strategic planning for a metropolitan area."""

__version__ = "0.1.0"
