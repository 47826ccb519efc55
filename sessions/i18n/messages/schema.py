"""Messages about a session file written by a newer atelier (schema version)."""

FR = {
    "cli.newer": "fichier de session écrit par un atelier plus récent, laissé intact : {path} (schéma {version}, celui-ci lit jusqu'au schéma {ours}). Mettez à jour atelier pour l'ouvrir.",
    "home.newer": "Atelier plus récent",
    "cli.list.newer": "ATELIER PLUS RÉCENT (schéma {version}) : mettez à jour atelier",
    "corrupt.newer.title": "Fichier d'un atelier plus récent",
    "corrupt.newer.body": "Le fichier {path} a été écrit par une version plus récente d'atelier (schéma {version} ; celle-ci lit jusqu'au schéma {ours}). Il n'est pas abîmé et n'a pas été modifié : mettez à jour atelier pour l'ouvrir.",
    "app.file_changed_newer": "Le fichier a été réécrit par un atelier plus récent (schéma {version}) ; rien n'a été écrasé. Mettez à jour atelier : {path}",
}

EN = {
    "cli.newer": "session file written by a newer atelier, left untouched: {path} (schema {version}, this one reads up to schema {ours}). Update atelier to open it.",
    "home.newer": "Newer atelier",
    "cli.list.newer": "NEWER ATELIER (schema {version}): update atelier",
    "corrupt.newer.title": "File from a newer atelier",
    "corrupt.newer.body": "The file {path} was written by a newer version of atelier (schema {version}; this one reads up to schema {ours}). It is not damaged and was not changed: update atelier to open it.",
    "app.file_changed_newer": "The file was rewritten by a newer atelier (schema {version}); nothing was overwritten. Update atelier: {path}",
}
