"""The workshop domain of atelier: models, timers, tally, grid, minutes and storage.

Nothing in this package imports Textual; it is tested without a terminal.
"""
