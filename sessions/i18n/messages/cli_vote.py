"""Messages of ``atelier vote``, standard input/output, exit codes and file decoding."""

FR = {
    "cli.vote.help": "clore, rouvrir ou dévoiler le vote, fusionner des items (depuis un autre terminal)",
    "cli.vote.action": "close (clore le décompte), reopen (le rouvrir), reveal (dévoiler le classement), merge N M... (fusionner), unmerge N (défusionner), dots [N] (vote à N gommettes par personne, avant de compter), envelope [N] (vote à l'enveloppe de N points)",
    "cli.vote.numbers": "numéros d'items (merge : au moins deux ; unmerge : un seul) ; dots, envelope : gommettes ou points par personne",
    "cli.vote.bad_numbers": "« {value} » : tapez des numéros d'items (chiffres 0-9).",
    "cli.vote.need_numbers": "{action} attend {count}.",
    "cli.vote.no_numbers": "{action} ne prend pas de numéro d'item.",
    "cli.vote.closed.one": "Décompte clos : {struck} item à 0 point barré ; top : {top}.",
    "cli.vote.closed.other": "Décompte clos : {struck} items à 0 point barrés ; top : {top}.",
    "cli.vote.closed_dots.one": "Décompte clos : {struck} item à 0 gommette barré ; top : {top}.",
    "cli.vote.closed_dots.other": "Décompte clos : {struck} items à 0 gommette barrés ; top : {top}.",
    "cli.vote.reopened": "Décompte rouvert : plus aucun item barré.",
    "cli.vote.revealed": "Classement dévoilé (visible sur atelier watch) ; top : {top}.",
    "cli.vote.merged": "Items {numbers} fusionnés dans le n°{number}.",
    "cli.vote.unmerged.one": "Défusion : item {numbers} de nouveau seul.",
    "cli.vote.unmerged.other": "Défusion : items {numbers} de nouveau seuls.",
    "cli.vote.none": "aucun",
    "vote.err.no_items": "Il n'y a aucun item à voter.",
    "vote.err.already_closed": "Le décompte est déjà clos (atelier vote SESSION reopen pour le rouvrir).",
    "vote.err.not_closed": "Le décompte n'est pas clos.",
    "vote.err.close_first": "Clôturez d'abord le décompte (atelier vote SESSION close) : on barre les items à 0 point, puis on fusionne et on dévoile.",
    "vote.err.already_revealed": "Le classement est déjà dévoilé.",
    "vote.err.no_votes": "Aucun vote saisi : clore le décompte barrerait tous les items (tous à zéro). Saisissez d'abord les votes.",
    "cli.vote.force_hint": "(--force clôt quand même)",
    "cli.vote.force": "avec close : clore même si aucun vote n'est saisi (tous les items barrés)",
    "cli.vote.force_close_only": "--force ne sert qu'avec close.",
    "cli.epilog": (
        "« - » comme fichier : l'entrée standard (fichiers lus) ou la sortie standard (-o).\n"
        "\n"
        "codes de sortie :\n"
        "  0    réussi\n"
        "  1    erreur (écriture impossible, port occupé, textual-serve absent...)\n"
        "  2    usage (commande, option ou valeur invalide)\n"
        "  3    session, fichier ou modèle introuvable\n"
        "  4    fichier de session illisible (laissé intact)\n"
        "  5    session tenue ou écrite par une autre fenêtre\n"
        "  6    refusé (fichier importé invalide, action qui ne correspond pas à l'état)\n"
        "  7    fichier de session d'un atelier plus récent (laissé intact) : mettez à jour atelier\n"
        "  130  interrompu (ctrl+c)"
    ),
    "cli.stdin_once": "l'entrée standard (-) ne peut servir qu'à un seul fichier",
    "cli.serve.port_busy": "le port {port} est déjà utilisé sur {host} ({reason}) : choisissez-en un autre avec --port.",
    "cli.serve.bad_host": "impossible d'écouter sur {host} ({reason}) : vérifiez --host.",
    "cli.serve.missing_from": "le paquet textual-serve n'est pas installé ; installez l'extra web de ce projet : {command}",
    "import.err.utf16": "le fichier commence comme du texte UTF-16 mais ne se lit pas comme du texte : enregistrez-le en « CSV UTF-8 ».",
    "import.err.binary": "le fichier n'est pas du texte (octet nul) : enregistrez-le en CSV (UTF-8 ou Windows-1252).",
    "import.err.undecodable": "encodage non reconnu (ni UTF-8 ni Windows-1252, octet 0x{byte:02x} en position {position}) : enregistrez-le en « CSV UTF-8 ».",
}

EN = {
    "cli.vote.help": "close, reopen or reveal the vote, merge items (from another terminal)",
    "cli.vote.action": "close (close the count), reopen (reopen it), reveal (show the ranking), merge N M... (merge), unmerge N (undo a merge), dots [N] (dot vote, N dots per person, before counting), envelope [N] (point envelope of N points)",
    "cli.vote.numbers": "item numbers (merge: two or more; unmerge: one); dots, envelope: dots or points per person",
    "cli.vote.bad_numbers": "“{value}”: type item numbers (digits 0-9).",
    "cli.vote.need_numbers": "{action} expects {count}.",
    "cli.vote.no_numbers": "{action} takes no item number.",
    "cli.vote.closed.one": "Count closed: {struck} item with 0 points struck; top: {top}.",
    "cli.vote.closed.other": "Count closed: {struck} items with 0 points struck; top: {top}.",
    "cli.vote.closed_dots.one": "Count closed: {struck} item with 0 dots struck; top: {top}.",
    "cli.vote.closed_dots.other": "Count closed: {struck} items with 0 dots struck; top: {top}.",
    "cli.vote.reopened": "Count reopened: no item is struck any more.",
    "cli.vote.revealed": "Ranking revealed (shown on atelier watch); top: {top}.",
    "cli.vote.merged": "Items {numbers} merged into number {number}.",
    "cli.vote.unmerged.one": "Unmerged: item {numbers} stands alone again.",
    "cli.vote.unmerged.other": "Unmerged: items {numbers} stand alone again.",
    "cli.vote.none": "none",
    "vote.err.no_items": "There is no item to vote on.",
    "vote.err.already_closed": "The count is already closed (atelier vote SESSION reopen reopens it).",
    "vote.err.not_closed": "The count is not closed.",
    "vote.err.close_first": "Close the count first (atelier vote SESSION close): 0-point items are struck, then items are merged and revealed.",
    "vote.err.already_revealed": "The ranking is already revealed.",
    "vote.err.no_votes": "No vote entered: closing the count would strike every item (all at zero). Enter the votes first.",
    "cli.vote.force_hint": "(--force closes it anyway)",
    "cli.vote.force": "with close: close even when no vote is entered (every item struck)",
    "cli.vote.force_close_only": "--force only goes with close.",
    "cli.epilog": (
        '"-" as a file: standard input (files read) or standard output (-o).\n'
        "\n"
        "exit codes:\n"
        "  0    success\n"
        "  1    error (cannot write, port in use, textual-serve missing...)\n"
        "  2    usage (invalid command, option or value)\n"
        "  3    session, file or template not found\n"
        "  4    unreadable session file (left untouched)\n"
        "  5    session held or being written by another window\n"
        "  6    refused (invalid imported file, action that does not fit the state)\n"
        "  7    session file from a newer atelier (left untouched): update atelier\n"
        "  130  interrupted (ctrl+c)"
    ),
    "cli.stdin_once": "standard input (-) can be read for one file only",
    "cli.serve.port_busy": "port {port} is already in use on {host} ({reason}): choose another with --port.",
    "cli.serve.bad_host": "cannot listen on {host} ({reason}): check --host.",
    "cli.serve.missing_from": "the textual-serve package is not installed; install this project's web extra: {command}",
    "import.err.utf16": "the file starts like UTF-16 text but does not read as text: save it as “CSV UTF-8”.",
    "import.err.binary": "the file is not text (a null byte): save it as CSV (UTF-8 or Windows-1252).",
    "import.err.undecodable": "unknown encoding (neither UTF-8 nor Windows-1252, byte 0x{byte:02x} at position {position}): save it as “CSV UTF-8”.",
}
