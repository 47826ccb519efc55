"""The screens of atelier, one per file with its stylesheet beside it."""
