"""The prioritisation grid (METHOD step 4) and its drawing in text."""
