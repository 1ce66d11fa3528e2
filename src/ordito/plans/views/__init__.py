"""The plans' pages, one module per family: the structure, the projects, the actors."""
