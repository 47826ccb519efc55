"""Messages of undo as keyed steps: refusals, and the labels of the newer undoable changes."""

FR = {
    "undo.refused": (
        "Impossible d'annuler « {label} » : {what} a changé depuis (ailleurs, par exemple "
        "en ligne de commande). Rien n'est modifié ; cette étape quitte l'historique."
    ),
    "undo.refused_redo": (
        "Impossible de rétablir « {label} » : {what} a changé depuis (ailleurs, par exemple "
        "en ligne de commande). Rien n'est modifié ; cette étape quitte l'historique."
    ),
    "undo.what.idea": "l'idée n°{number}",
    "undo.what.turn": "le tour de parole n°{number}",
    "undo.what.capture": "le tour de table",
    "undo.what.vote": "le vote",
    "undo.what.tally": "le comptage de l'item n°{number}",
    "undo.what.ballot": "un bulletin",
    "undo.what.participants": "la liste des participants",
    "undo.what.grid": "la liste des items de la grille",
    "undo.what.position": "la position de l'item n°{number}",
    "grid.undo.add": "ajout de l'item n°{number} à la grille",
    "grid.undo.remove": "retrait de l'item n°{number} de la grille",
    "grid.undo.reset": "retour au top 10 de la grille",
    "grid.undo.position": "position de l'item n°{number}",
    "grid.undo.reason": "raison de l'item n°{number}",
    "vote.undo.reveal": "révélation du classement",
}

EN = {
    "undo.refused": (
        "Cannot undo “{label}”: {what} changed since (elsewhere, for example on the command "
        "line). Nothing changed; this step leaves the history."
    ),
    "undo.refused_redo": (
        "Cannot redo “{label}”: {what} changed since (elsewhere, for example on the command "
        "line). Nothing changed; this step leaves the history."
    ),
    "undo.what.idea": "idea {number}",
    "undo.what.turn": "turn {number} of the round table",
    "undo.what.capture": "the round table",
    "undo.what.vote": "the vote",
    "undo.what.tally": "the count of item {number}",
    "undo.what.ballot": "a ballot",
    "undo.what.participants": "the list of participants",
    "undo.what.grid": "the list of the grid's items",
    "undo.what.position": "the position of item {number}",
    "grid.undo.add": "item {number} added to the grid",
    "grid.undo.remove": "item {number} taken off the grid",
    "grid.undo.reset": "grid back to the top 10",
    "grid.undo.position": "position of item {number}",
    "grid.undo.reason": "reason of item {number}",
    "vote.undo.reveal": "ranking revealed",
}
