"""The live agenda's timer: where it stands, its operations, ``atelier status``."""
