"""Messages of the forms' typing order and of the items' short descriptions."""

FR = {
    "key.next_field": "Champ suivant",
    "key.previous_field": "Champ précédent",
    "key.press_button": "Appuyer sur le bouton",
    "describe.key": "Description",
    "describe.ask": "Description très succincte de l'item n°{number} ({text}) ; vide : aucune",
    "describe.hint": "Entrée : enregistrer (ctrl+z l'annule) · Échap : annuler",
    "describe.saved": "Description de l'item n°{number} enregistrée.",
    "describe.cleared": "Description de l'item n°{number} effacée.",
    "describe.undo": "description",
    "describe.line": "Description : {text}",
}

EN = {
    "key.next_field": "Next field",
    "key.previous_field": "Previous field",
    "key.press_button": "Press the button",
    "describe.key": "Description",
    "describe.ask": "Very short description of item no. {number} ({text}); empty: none",
    "describe.hint": "Enter: save (ctrl+z undoes it) · Esc: cancel",
    "describe.saved": "Description of item no. {number} saved.",
    "describe.cleared": "Description of item no. {number} cleared.",
    "describe.undo": "description",
    "describe.line": "Description: {text}",
}
