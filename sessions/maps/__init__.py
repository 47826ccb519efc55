"""Maps: the resource map of a chantier and the map of the offer, drawn in text."""
