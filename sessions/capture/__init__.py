"""The tour de table (METHOD step 2)."""
