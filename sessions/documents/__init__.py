"""What a session gives out and takes in: minutes, exports, synthesis, imports."""
