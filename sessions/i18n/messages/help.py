"""Messages of the F1 help, the first-run guide, the language switch and the themes."""

FR = {
    "key.language": "English",
    "key.contrast": "Contraste",
    "key.guide": "Guide",
    "help.step": "Étape de la méthode",
    "help.screen": "Sur cet écran",
    "help.screen_keys": "Touches de cet écran",
    "help.app_keys": "Touches valables partout",
    "help.generic_keys": "Se déplacer et saisir",
    "help.generic.move": "Se déplacer",
    "help.generic.page": "Page précédente, suivante",
    "help.generic.ends": "Début, fin",
    "help.generic.enter": "Choisir, valider",
    "help.generic.focus": "Champ suivant, précédent",
    "help.generic.copy": "Copier la sélection",
    "help.generic.paste": "Coller",
    "help.mouse": "Souris : un clic sur une ligne la choisit, un clic sur une touche du pied de page la déclenche.",
    "help.method.home": "Avant l'atelier : préparez une session par groupe (déroulé, participants). Pendant : ouvrez-la et suivez les parties F2 à F7. Après : exportez le compte-rendu.",
    "help.method.overview": "Préparer : vérifiez le déroulé prévu (un peu plus court que le créneau), les rôles (animateur, second animateur, rapporteur) et la liste des participants.",
    "help.method.timer": "Tenir le temps : l'animateur suit le compte à rebours de chaque phase, prolonge ou passe à la suite ; le dérapage du déroulé reste visible.",
    "help.method.capture": "Étape 2, tour de table : chacun donne une idée par tour, trois tours au plus ; le second animateur écrit une formulation courte (2-3 mots) et lui donne un numéro qui ne changera plus.",
    "help.method.capture.free": "Divergence (30 min) : brainstorm, une idée par post-it. Vient ensuite la convergence : chacun présente 3 idées, on vote pour 3 solutions préférées, chaque petit groupe en développe une.",
    "help.method.capture.tour": "Divergence (30 min), ici en tour de table : chacun donne une idée à son tour plutôt que des post-it libres. Vient ensuite la convergence : chacun présente 3 idées, on vote pour 3 solutions préférées, chaque petit groupe en développe une.",
    "help.method.vote": "Étape 3, classement des items : chaque participant a une enveloppe de points (nombre d'items / 2), de 0 à 5 points par item ; on lit les items du dernier au premier et on additionne les mains levées.",
    "help.method.grid.impact_mastery": "Étape 4, prioriser : placez les items du top 10 sur la matrice impact / maîtrise (aujourd'hui et à l'horizon) et notez pourquoi la maîtrise évoluera.",
    "help.method.grid.spread_founded": "Étape 4, prioriser : placez les items du top 10 sur la matrice répandue (en ordonnée) / fondée (en abscisse) et notez pourquoi chaque idée semble fondée ou infondée.",
    "help.method.minutes": "Après l'atelier : le rapporteur relit le compte-rendu, complète les prochaines étapes et l'exporte (Markdown, HTML ou JSON).",
    "help.method.watch": "Affichage pour la salle : le minuteur, les idées au fil du tour de table et le classement une fois révélé. Rien ne s'écrit depuis cet écran.",
    "help.method.new_session": "Choisissez le format d'atelier le plus proche : les durées des phases viennent des guides et se modifient ensuite.",
    "guide.title": "Bienvenue dans atelier",
    "guide.body": (
        "atelier accompagne un atelier de co-construction, du déroulé au compte-rendu.\n\n"
        "1. n crée une session : choisissez un modèle de déroulé, un titre, collez les participants.\n"
        "2. Entrée ouvre la session. F2 la fiche, F3 le minuteur, F4 le tour de table, "
        "F5 le classement (vote), F6 la matrice, F7 le compte-rendu.\n"
        "3. Tout est enregistré à chaque modification : rien à sauvegarder.\n"
        "4. Pour la salle : « atelier watch SESSION » dans un autre terminal (vidéoprojecteur), "
        "ou « atelier serve SESSION » pour un navigateur.\n\n"
        "F1 explique chaque écran et ses touches ; ctrl+p ouvre la palette de commandes ; "
        "F10 passe en anglais ; F11 active le contraste élevé pour un vidéoprojecteur."
    ),
    "guide.close": "Commencer (Entrée)",
    "guide.again": "Ce guide reste disponible depuis la palette de commandes (ctrl+p, « Guide »).",
    "palette.language": "Passer l'interface en anglais (F10)",
    "palette.contrast": "Contraste élevé pour un vidéoprojecteur, ou retour au thème précédent (F11)",
    "palette.guide": "Revoir le guide de démarrage",
    "app.language_switched": "Interface en français.",
    "app.language_busy": "Fermez d'abord ce formulaire (échap), puis changez de langue.",
    "app.contrast_on": "Contraste élevé activé (F11 pour revenir).",
    "app.contrast_off": "Thème « {theme} » rétabli.",
}

EN = {
    "key.language": "Français",
    "key.contrast": "Contrast",
    "key.guide": "Guide",
    "help.step": "Step of the method",
    "help.screen": "On this screen",
    "help.screen_keys": "Keys of this screen",
    "help.app_keys": "Keys that work everywhere",
    "help.generic_keys": "Moving and typing",
    "help.generic.move": "Move",
    "help.generic.page": "Previous, next page",
    "help.generic.ends": "Start, end",
    "help.generic.enter": "Choose, confirm",
    "help.generic.focus": "Next, previous field",
    "help.generic.copy": "Copy the selection",
    "help.generic.paste": "Paste",
    "help.mouse": "Mouse: a click on a row selects it, a click on a key in the footer runs it.",
    "help.method.home": "Before the workshop: prepare one session per group (agenda, participants). During: open it and follow parts F2 to F7. After: export the minutes.",
    "help.method.overview": "Prepare: check the planned agenda (a little shorter than the slot), the roles (facilitator, scribe, rapporteur) and the participants list.",
    "help.method.timer": "Keep time: the facilitator follows each phase's countdown, extends it or moves on; the agenda's drift stays visible.",
    "help.method.capture": "Step 2, round table: everyone gives one idea per turn, three turns at most; the scribe writes a short formulation (2-3 words) and gives it a number that never changes.",
    "help.method.capture.free": "Divergence (30 min): a brainstorm, one idea per sticky note. Then comes the convergence: each participant presents 3 ideas, everyone votes for 3 favourite solutions, each small group develops one.",
    "help.method.capture.tour": "Divergence (30 min), here as a round table: everyone gives one idea in turn rather than free sticky notes. Then comes the convergence: each participant presents 3 ideas, everyone votes for 3 favourite solutions, each small group develops one.",
    "help.method.vote": "Step 3, ranking the items: each participant has an envelope of points (number of items / 2), 0 to 5 points per item; items are read from the last to the first and the raised hands are added up.",
    "help.method.grid.impact_mastery": "Step 4, prioritise: place the top 10 items on the impact / mastery grid (today and at the horizon) and write down why mastery will change.",
    "help.method.grid.spread_founded": "Step 4, prioritise: place the top 10 items on the widespread (rows) / well-founded (columns) grid and write down why each idea seems well-founded or not.",
    "help.method.minutes": "After the workshop: the rapporteur reads the minutes over, completes the next steps and exports them (Markdown, HTML or JSON).",
    "help.method.watch": "Display for the room: the timer, the ideas as the round table goes, and the ranking once revealed. Nothing is written from this screen.",
    "help.method.new_session": "Choose the closest workshop format: the phase times come from the guides and can be changed afterwards.",
    "guide.title": "Welcome to atelier",
    "guide.body": (
        "atelier supports a participatory workshop, from the agenda to the minutes.\n\n"
        "1. n creates a session: choose an agenda template, a title, paste the participants.\n"
        "2. Enter opens the session. F2 its card, F3 the timer, F4 the round table, "
        "F5 the vote, F6 the grid, F7 the minutes.\n"
        "3. Every change is saved as it is made: there is nothing to save.\n"
        '4. For the room: "atelier watch SESSION" in another terminal (projector), '
        'or "atelier serve SESSION" for a browser.\n\n'
        "F1 explains each screen and its keys; ctrl+p opens the command palette; "
        "F10 switches to French; F11 turns on high contrast for a projector."
    ),
    "guide.close": "Start (Enter)",
    "guide.again": 'This guide stays available from the command palette (ctrl+p, "Guide").',
    "palette.language": "Switch the interface to French (F10)",
    "palette.contrast": "High contrast for a projector, or back to the previous theme (F11)",
    "palette.guide": "See the getting-started guide again",
    "app.language_switched": "Interface in English.",
    "app.language_busy": "Close this form first (esc), then switch the language.",
    "app.contrast_on": "High contrast on (F11 to go back).",
    "app.contrast_off": 'Theme "{theme}" restored.',
}
