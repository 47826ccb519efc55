"""The people in the room: pasted lists and the roster."""
