"""The vote (METHOD step 3) and the ranking it gives."""
