"""Ordito's analysis library: plain arrays and labels in, frozen dataclasses out.

Nothing under this package imports Django, so analysts can use it as a plain Python library and
the web pages, the API and the command line all call the same functions.
"""
