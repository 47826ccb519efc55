"""Messages of the vote (classement): envelope, show of hands, ballots, ranking."""

FR = {
    "vote.err.envelope_range": "Enveloppe impossible : {value} (un nombre de points entier, au moins 1).",
    "vote.err.method": "Mode de vote inconnu : {method}.",
    "vote.err.not_numbers": "« {text} » : tapez les doigts levés (3 2 5 ou 3+2+5) ou un total (12).",
    "vote.err.hand_range": "Une main lève de 0 à {max} doigts, pas {value}.",
    "vote.err.too_many_hands": "{hands} mains levées pour {voters} votants présents.",
    "vote.err.total_too_big": "Total {total} : au plus {max} points ({voters} votants x 5).",
    "vote.err.no_item": "Il n'y a pas d'item n°{number} à voter.",
    "vote.err.not_voter": "{name} n'est pas un votant présent.",
    "vote.err.cell_range": "De 0 à {max} points par item, pas {value}.",
    "vote.err.row_over": "{name} donnerait {total} points : l'enveloppe est de {envelope}.",
    "vote.err.merge_two": "Choisissez au moins deux items à fusionner.",
    "vote.err.already_merged": "L'item n°{number} est déjà fusionné dans le n°{into}.",
    "vote.err.not_merged": "L'item n°{number} n'est pas une fusion.",
    "vote.warn.grand_total": "Attention : {total} points comptés, mais {voters} votants x {envelope} points = {limit} au plus. Recomptez.",
}

EN = {
    "vote.err.envelope_range": "Impossible envelope: {value} (a whole number of points, at least 1).",
    "vote.err.method": "Unknown vote method: {method}.",
    "vote.err.not_numbers": "“{text}”: type the raised fingers (3 2 5 or 3+2+5) or a total (12).",
    "vote.err.hand_range": "A hand raises 0 to {max} fingers, not {value}.",
    "vote.err.too_many_hands": "{hands} hands raised for {voters} voters present.",
    "vote.err.total_too_big": "Total {total}: at most {max} points ({voters} voters x 5).",
    "vote.err.no_item": "There is no item number {number} to vote on.",
    "vote.err.not_voter": "{name} is not a voter present.",
    "vote.err.cell_range": "From 0 to {max} points per item, not {value}.",
    "vote.err.row_over": "{name} would give {total} points: the envelope is {envelope}.",
    "vote.err.merge_two": "Choose at least two items to merge.",
    "vote.err.already_merged": "Item {number} is already merged into item {into}.",
    "vote.err.not_merged": "Item {number} is not a merge.",
    "vote.warn.grand_total": "Warning: {total} points counted, but {voters} voters x {envelope} points = {limit} at most. Count again.",
}
