"""Messages of the shared rules for typed numbers, the home key and the yes / no dialog."""

FR = {
    "number.err.empty": "Tapez un nombre (chiffres 0-9).",
    "number.err.not_digit": "« {char} » n'est pas un chiffre : tapez des chiffres 0-9.",
    "number.err.too_big": "Nombre trop grand : {max} chiffres au plus.",
    "vote.err.bad_char": "« {text} » : « {char} » n'est pas un chiffre ; tapez les doigts levés en chiffres 0-9 (3 2 5) ou un total (12).",
    "vote.err.too_big": "« {text} » : nombre trop grand (9 chiffres au plus).",
    "import.err.header_digit": "en-tête : « {item} » n'est pas un numéro d'item. {reason}",
    "import.err.cell_digit": "{name}, item n°{item} : {reason}",
    "vote.err.envelope_number": "Enveloppe (un nombre de points, au moins 1) : {reason}",
    "vote.err.merge_numbers": "Numéros des items à fusionner : {reason}",
    "vote.err.unmerge_number": "Numéro de l'item à défusionner : {reason}",
    "capture.err.duplicate_number": "Doublon du n° : {reason}",
    "capture.err.rounds_number": "Nombre de tours (de 1 à {max}) : {reason}",
    "grid.err.add_number": "Item à ajouter à la grille : {reason}",
    "palette.home": "Revenir à la liste des sessions",
    "confirm.keys": "o : oui · n ou Échap : non · Tab : changer de bouton · Entrée : le bouton en surbrillance",
}

EN = {
    "number.err.empty": "Type a number (digits 0-9).",
    "number.err.not_digit": "“{char}” is not a digit: type digits 0-9.",
    "number.err.too_big": "Number too big: {max} digits at most.",
    "vote.err.bad_char": "“{text}”: “{char}” is not a digit; type the raised fingers in digits 0-9 (3 2 5) or a total (12).",
    "vote.err.too_big": "“{text}”: number too big (9 digits at most).",
    "import.err.header_digit": "header: “{item}” is not an item number. {reason}",
    "import.err.cell_digit": "{name}, item {item}: {reason}",
    "vote.err.envelope_number": "Envelope (a number of points, at least 1): {reason}",
    "vote.err.merge_numbers": "Numbers of the items to merge: {reason}",
    "vote.err.unmerge_number": "Number of the item to unmerge: {reason}",
    "capture.err.duplicate_number": "Duplicate of number: {reason}",
    "capture.err.rounds_number": "Number of rounds (1 to {max}): {reason}",
    "grid.err.add_number": "Item to add to the grid: {reason}",
    "palette.home": "Back to the list of sessions",
    "confirm.keys": "y: yes · n or Escape: no · Tab: other button · Enter: the highlighted button",
}
