"""Messages of the speaker turns drawn from the sheets (one turn per group, per rapporteur)."""

FR = {
    "turns.group": "Groupe {n} : {title}",
    "turns.speaker": "{label} ({role} : {name})",
    "turns.summary.one": "{phase} : {count} tour de {minutes} min ({total} min sur {planned} prévues).",
    "turns.summary.other": "{phase} : {count} tours de {minutes} min ({total} min sur {planned} prévues).",
    "turns.template": "Tours du modèle tant qu'il n'y a pas de fiche.",
    "turns.edited": "Tours modifiés à la main : gardés.",
    "turns.over": "Attention : les tours demandent {total} min, la phase en prévoit {planned}.",
    "turns.over_phase": "{phase} : {count} tours demandent {total} min, la phase en prévoit {planned}.",
    "sheets.warn.sous_themes": "{count} sous-thématiques : le guide en présente 2 ou 3.",
    "sheets.warn.group_small": "Fiche n°{number} : {count} personne dans le groupe ; le guide en veut au moins 2.",
    "sheets.warn.group_large": "Fiche n°{number} : {count} personnes dans le groupe ; le guide forme des groupes de 3 à 4.",
    # F4 in a free-entry format (divergence-convergence's brainstorm)
    "capture.free_format": "BRAINSTORM : une idée par post-it, sans auteur (F9 : tour de table).",
    # F4's people pane in that free entry: names, no counts (nobody is an author)
    "capture.free_pane.one": "Saisie libre : {n} post-it, sans auteur.",
    "capture.free_pane.other": "Saisie libre : {n} post-its, sans auteur.",
    # F4's names in that free entry: no tour de table, no pass
    "section.capture.free": "Brainstorm",
    "capture.people.free": "Participants",
    "capture.placeholder.post_it": "Une idée par post-it, puis Entrée",
    "capture.hint.free": "Entrée : enregistrer · F9 : tour de table · ↑↓ : choisir · ctrl+r : reformuler · ctrl+d : supprimer · ctrl+z : annuler",
    # F4 in a brainstorm switched to the tour de table: F9 goes back to the brainstorm
    "capture.key.brainstorm": "Brainstorm",
    "capture.hint.tour": "Entrée : enregistrer · F8 : passe · F9 : brainstorm · ↑↓ : choisir · ctrl+r : reformuler · ctrl+d : supprimer · ctrl+z : annuler",
    "capture.hint.tour.over": "Entrée : enregistrer · F9 : brainstorm · ↑↓ : choisir · ctrl+r : reformuler · ctrl+d : supprimer · ctrl+z : annuler",
}

EN = {
    "turns.group": "Group {n}: {title}",
    "turns.speaker": "{label} ({role}: {name})",
    "turns.summary.one": "{phase}: {count} turn of {minutes} min ({total} min of the {planned} planned).",
    "turns.summary.other": "{phase}: {count} turns of {minutes} min ({total} min of the {planned} planned).",
    "turns.template": "The template's turns until there is a sheet.",
    "turns.edited": "Turns edited by hand: kept.",
    "turns.over": "Warning: the turns need {total} min, the phase plans {planned}.",
    "turns.over_phase": "{phase}: {count} turns need {total} min, the phase plans {planned}.",
    "sheets.warn.sous_themes": "{count} sub-themes: the guide presents 2 or 3.",
    "sheets.warn.group_small": "Sheet {number}: {count} person in the group; the guide wants at least 2.",
    "sheets.warn.group_large": "Sheet {number}: {count} people in the group; the guide forms groups of 3 to 4.",
    "capture.free_format": "BRAINSTORM: one idea per sticky note, no author (F9: round table).",
    "capture.free_pane.one": "Free entry: {n} sticky note, no author.",
    "capture.free_pane.other": "Free entry: {n} sticky notes, no author.",
    "section.capture.free": "Brainstorm",
    "capture.people.free": "Participants",
    "capture.placeholder.post_it": "One idea per sticky note, then Enter",
    "capture.hint.free": "Enter: save · F9: round table · ↑↓: choose · ctrl+r: reformulate · ctrl+d: delete · ctrl+z: undo",
    "capture.key.brainstorm": "Brainstorm",
    "capture.hint.tour": "Enter: save · F8: pass · F9: brainstorm · ↑↓: choose · ctrl+r: reformulate · ctrl+d: delete · ctrl+z: undo",
    "capture.hint.tour.over": "Enter: save · F9: brainstorm · ↑↓: choose · ctrl+r: reformulate · ctrl+d: delete · ctrl+z: undo",
}
