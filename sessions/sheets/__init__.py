"""Sheets (fiches): structured records the group fills in, their kinds declared as data."""
