"""Messages of ideas typed after the count is closed (recorded outside the vote)."""

FR = {
    "capture.err.count_closed": (
        "Le décompte du vote est clos : rouvrez-le (F5, ctrl+k) ou enregistrez l'idée hors vote."
    ),
    "capture.err.not_late": "Le décompte n'est pas clos : l'idée entre dans le vote.",
    "capture.state.late": "hors vote",
    "capture.undo.late": "idée hors vote",
    "capture.undo.reopen": "réouverture du décompte et idée",
    "late.question": "Le décompte du vote est clos. Que faire de l'idée « {text} » ?",
    "late.reopen": "Rouvrir le décompte (r)",
    "late.record": "Hors vote (h)",
    "late.cancel": "Annuler (Échap)",
    "late.explain": (
        "Rouvrir : l'idée devient un item du vote, {change} "
        "et le vote est à refaire pour elle. Hors vote : elle est gardée à part (« Idées arrivées "
        "après le décompte » dans le compte-rendu), le vote ne change pas. "
        "Entrée : le bouton en surbrillance."
    ),
    "late.envelope_change.one": "l'enveloppe passe de {before} à {after} point",
    "late.envelope_change.other": "l'enveloppe passe de {before} à {after} points",
    "late.envelope_same.one": "l'enveloppe reste de {before} point",
    "late.envelope_same.other": "l'enveloppe reste de {before} points",
    "late.key.reopen": "Rouvrir le décompte",
    "late.key.record": "Hors vote",
    "late.recorded": "Idée n°{number} enregistrée hors vote (arrivée après le décompte).",
    "late.reopened.one": (
        "Décompte rouvert : l'idée n°{number} est un item du vote ; "
        "enveloppe {before} -> {after} point."
    ),
    "late.reopened.other": (
        "Décompte rouvert : l'idée n°{number} est un item du vote ; "
        "enveloppe {before} -> {after} points."
    ),
    "late.cancelled": "Idée non enregistrée : elle est restée dans la saisie.",
    "import.err.count_closed": (
        "le décompte du vote est clos : rouvrez-le d'abord (atelier vote SESSION reopen, "
        "ou F5 puis ctrl+k), les idées importées entreront alors dans le vote."
    ),
    "minutes.h.late": "Idées arrivées après le décompte",
    "minutes.late_intro.one": (
        "Données une fois le décompte clos, elles ne sont pas dans le vote "
        "(ni points, ni rang) ; l'enveloppe est restée de {envelope} point."
    ),
    "minutes.late_intro.other": (
        "Données une fois le décompte clos, elles ne sont pas dans le vote "
        "(ni points, ni rang) ; l'enveloppe est restée de {envelope} points."
    ),
    "minutes.late_note": "arrivée après le décompte (hors vote)",
}

EN = {
    "capture.err.count_closed": (
        "The vote count is closed: reopen it (F5, ctrl+k) or record the idea outside the vote."
    ),
    "capture.err.not_late": "The count is not closed: the idea goes into the vote.",
    "capture.state.late": "outside the vote",
    "capture.undo.late": "idea outside the vote",
    "capture.undo.reopen": "count reopened and idea",
    "late.question": "The vote count is closed. What to do with the idea “{text}”?",
    "late.reopen": "Reopen the count (r)",
    "late.record": "Outside the vote (l)",
    "late.cancel": "Cancel (Esc)",
    "late.explain": (
        "Reopen: the idea becomes an item of the vote, {change} "
        "and the vote must be taken for it. Outside the vote: it is kept apart "
        "(“Ideas after the count” in the minutes), the vote does not change. "
        "Enter: the highlighted button."
    ),
    "late.envelope_change.one": "the envelope goes from {before} to {after} point",
    "late.envelope_change.other": "the envelope goes from {before} to {after} points",
    "late.envelope_same.one": "the envelope stays at {before} point",
    "late.envelope_same.other": "the envelope stays at {before} points",
    "late.key.reopen": "Reopen the count",
    "late.key.record": "Outside the vote",
    "late.recorded": "Idea {number} recorded outside the vote (after the count).",
    "late.reopened.one": (
        "Count reopened: idea {number} is an item of the vote; envelope {before} -> {after} point."
    ),
    "late.reopened.other": (
        "Count reopened: idea {number} is an item of the vote; envelope {before} -> {after} points."
    ),
    "late.cancelled": "Idea not recorded: it stayed in the entry.",
    "import.err.count_closed": (
        "the vote count is closed: reopen it first (atelier vote SESSION reopen, "
        "or F5 then ctrl+k), the imported ideas will then go into the vote."
    ),
    "minutes.h.late": "Ideas after the count",
    "minutes.late_intro.one": (
        "Given once the count was closed, they are not in the vote (no points, no rank); "
        "the envelope stayed at {envelope} point."
    ),
    "minutes.late_intro.other": (
        "Given once the count was closed, they are not in the vote (no points, no rank); "
        "the envelope stayed at {envelope} points."
    ),
    "minutes.late_note": "after the count (outside the vote)",
}
