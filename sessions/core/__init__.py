"""What every part uses: time, typed numbers, text cleaning, paths, settings, undo, new sessions."""
