"""The tables `ordito analyze` reads (CSV, TSV, XLSX) and the sheets its results are written as.

Shared by the `ordito analyze` command and the platform's analyses (uploads, downloads, exports),
so both read a file with the same code and fail with the same message. Nothing here imports Django:
the command runs without a site.
"""
