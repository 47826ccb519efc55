"""Messages once built outside the catalog: unknown template, damaged-file reasons, key names."""

FR = {
    "key.display.delete": "Suppr",
    "label.value": "{label} : {value}",
    "label.colon": " :",
    "vote.reveal_number": "n°{numbers}",
    "cli.new.unknown_template": "modèle inconnu : « {name} » ; modèles connus : {known}",
    "storage.reason.empty": "le fichier est vide",
    "storage.reason.only_nul": "le fichier ne contient que des octets nuls (un plantage du système de fichiers ?)",
    "storage.reason.not_utf8": "ce n'est pas du texte UTF-8 (octet {byte})",
    "storage.reason.bad_json": "JSON invalide à la ligne {line}, colonne {column}",
    "storage.reason.not_tinydb": "ce n'est pas un fichier de session TinyDB (des tables de documents étaient attendues)",
    "storage.reason.too_large": "le fichier est trop gros pour être une session ({size} Mo, limite {limit} Mo)",
}

EN = {
    "key.display.delete": "Del",
    "label.value": "{label}: {value}",
    "label.colon": ":",
    "vote.reveal_number": "#{numbers}",
    "cli.new.unknown_template": "unknown template '{name}'; known: {known}",
    "storage.reason.empty": "the file is empty",
    "storage.reason.only_nul": "the file holds only NUL bytes (a crash of the file system?)",
    "storage.reason.not_utf8": "not UTF-8 text (byte {byte})",
    "storage.reason.bad_json": "invalid JSON at line {line}, column {column}",
    "storage.reason.not_tinydb": "not a TinyDB session file (expected tables of documents)",
    "storage.reason.too_large": "the file is too large to be a session ({size} MB, limit {limit} MB)",
}
