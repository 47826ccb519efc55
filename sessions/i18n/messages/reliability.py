"""Messages about saving, locks, read-only folders and unreadable files."""

FR = {
    "storage.folder_read_only": "Le dossier {folder} n'accepte pas d'écriture ({reason}) : la session est ouverte en lecture seule, aucune modification ne pourra être enregistrée.",
    "storage.held_elsewhere": "une autre fenêtre d'atelier tient cette session (lecture seule)",
    "storage.rescued": "Modifications non enregistrées sauvées à part dans {path}",
    "storage.rescue_failed": "Modifications non enregistrées PERDUES : impossible de les écrire nulle part.",
    "storage.unsaved_quit": "Des modifications ne sont pas enregistrées ({reason}). Appuyez encore sur ctrl+q pour quitter quand même : elles seront sauvées à part.",
    "storage.dropped": "Une modification n'a pas pu être réappliquée sur la version du fichier modifiée ailleurs : {reason}",
    "storage.reason.not_regular": "ce n'est pas un fichier ordinaire ({kind}) : ignoré",
    "storage.kind.folder": "un dossier",
    "storage.kind.fifo": "un tube nommé (FIFO)",
    "storage.kind.device": "un périphérique",
    "storage.kind.socket": "une socket",
    "storage.kind.other": "autre chose qu'un fichier",
    "storage.reason.long_number": "un nombre de plus de {digits} chiffres, qu'aucune session ne contient",
    "storage.reason.too_deep": "des valeurs imbriquées sur trop de niveaux, ce qu'aucune session ne contient",
    "storage.rescued_beside": "modifications non enregistrées sauvées à part : {path}",
    "details.err_horizon": "Horizon invalide : une année de 1 à {max}.",
}

EN = {
    "storage.folder_read_only": "The folder {folder} cannot be written ({reason}): the session is open read-only and no change can be saved.",
    "storage.held_elsewhere": "another atelier window holds this session (read-only)",
    "storage.rescued": "Unsaved changes kept aside in {path}",
    "storage.rescue_failed": "Unsaved changes LOST: they could not be written anywhere.",
    "storage.unsaved_quit": "Some changes are not saved ({reason}). Press ctrl+q again to quit anyway: they will be kept aside.",
    "storage.dropped": "A change could not be re-applied to the version of the file changed elsewhere: {reason}",
    "storage.reason.not_regular": "not a regular file ({kind}): skipped",
    "storage.kind.folder": "a folder",
    "storage.kind.fifo": "a named pipe (FIFO)",
    "storage.kind.device": "a device",
    "storage.kind.socket": "a socket",
    "storage.kind.other": "not a file",
    "storage.reason.long_number": "a number of more than {digits} digits, which no session holds",
    "storage.reason.too_deep": "values nested on too many levels, which no session holds",
    "storage.rescued_beside": "unsaved changes kept aside: {path}",
    "details.err_horizon": "Invalid horizon: a year from 1 to {max}.",
}
