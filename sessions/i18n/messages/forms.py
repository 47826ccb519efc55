"""Messages of the forms' typing order and of the items' short descriptions."""

FR = {
    "key.next_field": "Champ suivant",
    "key.previous_field": "Champ précédent",
}

EN = {
    "key.next_field": "Next field",
    "key.previous_field": "Previous field",
}
