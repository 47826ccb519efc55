"""Reasons a session file cannot be read or written, as the storage layer gives them."""

FR = {
    "storage.reason.no_document": "aucun document de session dans le fichier",
    "storage.reason.wrong_schema_at": "schéma incorrect à {where} : {detail}",
    "storage.reason.wrong_schema": "schéma incorrect : {detail}",
    "storage.reason.newer": "écrit par un atelier plus récent (schéma {version}, celui-ci lit jusqu'au schéma {ours}) : mettez à jour atelier pour l'ouvrir",
    "storage.reason.missing": "le fichier a disparu",
    "storage.file_reason": "{path} : {reason}",
    "storage.being_written": "{path} : la session est en cours d'écriture par un autre processus",
}

EN = {
    "storage.reason.no_document": "no session document in the file",
    "storage.reason.wrong_schema_at": "wrong schema at {where}: {detail}",
    "storage.reason.wrong_schema": "wrong schema: {detail}",
    "storage.reason.newer": "written by a newer atelier (schema version {version}, this atelier reads up to {ours}): update atelier to open it",
    "storage.reason.missing": "the file is missing",
    "storage.file_reason": "{path}: {reason}",
    "storage.being_written": "{path}: the session is being written by another process",
}
