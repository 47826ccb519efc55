"""argparse's own words (usage, options, errors), keyed by ``argparse.*``.

argparse asks ``gettext`` for them; ``tui/cli/argparse_fr.py`` maps each of
argparse's English msgids (Python 3.11) to a key here. The English texts are
the msgids themselves, so the English interface is argparse's, unchanged.
The ``%(...)s`` / ``%s`` / ``%r`` holes are argparse's, filled by argparse.
"""

FR = {
    "argparse.usage": "usage : ",
    "argparse.argument_error": "argument %(argument_name)s : %(message)s",
    "argparse.positionals": "arguments positionnels\u202f",  # argparse adds the colon
    "argparse.options": "options\u202f",  # argparse writes the colon itself: "options :"
    "argparse.help": "afficher cette aide et quitter",
    "argparse.version": "afficher le numéro de version et quitter",
    "argparse.unrecognized": "arguments non reconnus : %s",
    "argparse.not_allowed_with": "interdit avec l'argument %s",
    "argparse.ignored_explicit": "argument explicite ignoré : %r",
    "argparse.required": "les arguments suivants sont obligatoires : %s",
    "argparse.one_of_required": "un des arguments %s est obligatoire",
    "argparse.expected_one": "un argument attendu",
    "argparse.expected_at_most_one": "au plus un argument attendu",
    "argparse.expected_at_least_one": "au moins un argument attendu",
    "argparse.expected_n.one": "%s argument attendu",
    "argparse.expected_n.other": "%s arguments attendus",
    "argparse.ambiguous": "option ambiguë : %(option)s peut désigner %(matches)s",
    "argparse.unexpected_option": "option inattendue : %s",
    "argparse.invalid_value": "valeur %(type)s invalide : %(value)r",
    "argparse.invalid_choice": "choix invalide : %(value)r (choisir parmi %(choices)s)",
    "argparse.unknown_parser": "sous-commande inconnue %(parser_name)r (choix : %(choices)s)",
    "argparse.cannot_open": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "argparse.error": "%(prog)s : erreur : %(message)s\n",
}

EN = {
    "argparse.usage": "usage: ",
    "argparse.argument_error": "argument %(argument_name)s: %(message)s",
    "argparse.positionals": "positional arguments",
    "argparse.options": "options",
    "argparse.help": "show this help message and exit",
    "argparse.version": "show program's version number and exit",
    "argparse.unrecognized": "unrecognized arguments: %s",
    "argparse.not_allowed_with": "not allowed with argument %s",
    "argparse.ignored_explicit": "ignored explicit argument %r",
    "argparse.required": "the following arguments are required: %s",
    "argparse.one_of_required": "one of the arguments %s is required",
    "argparse.expected_one": "expected one argument",
    "argparse.expected_at_most_one": "expected at most one argument",
    "argparse.expected_at_least_one": "expected at least one argument",
    "argparse.expected_n.one": "expected %s argument",
    "argparse.expected_n.other": "expected %s arguments",
    "argparse.ambiguous": "ambiguous option: %(option)s could match %(matches)s",
    "argparse.unexpected_option": "unexpected option string: %s",
    "argparse.invalid_value": "invalid %(type)s value: %(value)r",
    "argparse.invalid_choice": "invalid choice: %(value)r (choose from %(choices)s)",
    "argparse.unknown_parser": "unknown parser %(parser_name)r (choices: %(choices)s)",
    "argparse.cannot_open": "can't open '%(filename)s': %(error)s",
    "argparse.error": "%(prog)s: error: %(message)s\n",
}
