"""Messages of the new session's step times and of its part taken from earlier sessions."""

FR = {
    "new.minutes.heading": "Durée de chaque étape, en minutes (le guide n'en donne pas) :",
    "new.minutes.err_count": "{count} durées attendues, une par étape du modèle, dans l'ordre ; {given} données.",
    "new.minutes.err_step": "« {step} » : {reason}",
    "cli.new.minutes": "durée de chaque étape en minutes, dans l'ordre (10,45,60... ; 7.5 pour 7 min 30 s) : pour un modèle dont le guide ne donne pas les durées",
    "new.from.heading": "Reprendre des séances précédentes (leurs tops deviennent des enjeux ; Espace coche) :",
    "new.from.none": "Aucune séance précédente dans ce dossier.",
    "new.from.unreadable": "Illisibles, non proposées : {files}",
    "new.from.offered": "Leur top (cochés : deviennent des enjeux ; Espace coche, + tous, - aucun) :",
    "new.from.item": "{text} — {title}, item n°{item}, {points}{grid}",
    "new.from.key.all": "Tout cocher",
    "new.from.key.tick": "Cocher",
    "new.from.key.none": "Tout décocher",
    "new.from.enjeux": "Les enjeux, un par ligne, à reformuler en questions (une ligne vidée laisse l'item de côté) :",
    "new.from.participants": "Reprendre leurs participants",
    "new.from.err_source": "Séance « {title} » ({id}) : {reason}. Rien n'a été créé.",
    "new.from.gone": "le fichier a disparu",
}

EN = {
    "new.minutes.heading": "Time of each step, in minutes (the guide gives none):",
    "new.minutes.err_count": "{count} times expected, one per step of the template, in order; {given} given.",
    "new.minutes.err_step": "“{step}”: {reason}",
    "cli.new.minutes": "each step's time in minutes, in order (10,45,60...; 7.5 for 7 min 30 s): for a template whose guide gives no times",
    "new.from.heading": "Take from earlier sessions (their tops become enjeux; Space ticks):",
    "new.from.none": "No earlier session in this folder.",
    "new.from.unreadable": "Unreadable, not offered: {files}",
    "new.from.offered": "Their top (ticked: become enjeux; Space ticks, + all, - none):",
    "new.from.item": "{text} — {title}, item {item}, {points}{grid}",
    "new.from.key.all": "Tick all",
    "new.from.key.tick": "Tick",
    "new.from.key.none": "Untick all",
    "new.from.enjeux": "The enjeux, one a line, to reword as questions (a line emptied leaves its item out):",
    "new.from.participants": "Take their participants",
    "new.from.err_source": "Session “{title}” ({id}): {reason}. Nothing was created.",
    "new.from.gone": "the file is missing",
}
