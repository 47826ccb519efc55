"""Enjeux: the questions a group works on, and where each came from (fiche outil n°3)."""
