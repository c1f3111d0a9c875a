"""Typer commands beyond ``build`` and the explorer, one module per family; each has ``register(app)``."""
