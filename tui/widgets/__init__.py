"""Reusable widgets of atelier."""
