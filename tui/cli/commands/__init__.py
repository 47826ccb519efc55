"""One module per subcommand; each defines ``register(subparsers)``.

Rule: import only the standard library and ``sessions`` at module level; never
Textual (import the app inside the function that starts it).
"""
