history-title = Historique
history-from = De la version
history-to = à la version
history-compare = Comparer
history-changes = Modifications de la version
history-no-change = Ces deux versions sont identiques.
history-revisions = Versions
history-revision = Version
history-when = Quand
history-who = Qui
history-status = État
history-restore = Rétablir
status-published = publiée
status-draft = brouillon
status-submitted = soumise à relecture
editor-title = Bureau des éditeurs
editor-memberships = { $count ->
    [one] { $formatted } demande d’adhésion en attente
   *[other] { $formatted } demandes d’adhésion en attente
}
editor-submitted = { $count ->
    [one] { $formatted } initiative à relire
   *[other] { $formatted } initiatives à relire
}
editor-nothing = Rien n’attend de relecture.
editor-submitted-on = soumise le
editor-read = la lire, avec ses modifications
editor-comment = Commentaire pour l’auteur
editor-comment-hint = obligatoire pour un renvoi
editor-publish = Publier
editor-return = Renvoyer
mail-published-subject = Publiée sur Praxis : { $title }
mail-published-body = Bonjour { $name },

    un éditeur a publié « { $title } ». Chacun peut maintenant la trouver sur Praxis.
    { $comment }

    { $link }

    — Praxis
mail-returned-subject = À revoir : { $title }
mail-returned-body = Bonjour { $name },

    un éditeur vous a renvoyé « { $title } » avec ce commentaire :

    { $comment }

    Modifiez-la puis soumettez-la de nouveau. Son historique : { $link }

    — Praxis
editor-comment-missing = Indiquez ce que l’auteur doit modifier avant de renvoyer l’initiative.
unpublish-title = Dépublier
unpublish-reason = Motif, envoyé à l’auteur
unpublish-reason-missing = Indiquez le motif : l’auteur en est informé.
unpublish-button = La dépublier
mail-unpublished-subject = Dépubliée de Praxis : { $title }
mail-unpublished-body = Bonjour { $name },

    un éditeur a retiré « { $title } » du site public pour ce motif :

    { $comment }

    Elle est conservée avec son historique comme brouillon. Modifiez-la et soumettez-la de nouveau : { $link }

    — Praxis
editor-change = Une modification d’une initiative publiée ; la version publiée reste en ligne jusqu’à votre décision.
status-change-waiting = publiée ; une modification attend la relecture
editor-calls-desk = Appels à l’action : demandes à vérifier, appels à rédiger
history-back = Retour à la page
history-first = La première version.

# The difference between two revisions: each changed field, before and after.
history-before = Avant
history-after = Après
history-empty = (rien)
history-field-title = Titre
history-field-summary = Résumé
history-field-body = Description complète
history-field-city = Ville
history-field-country = Pays
history-field-organisation = Organisme
history-field-kind = Type
history-field-level = Échelon
history-field-themes = Thèmes
history-field-aims = Objectifs
history-field-started = Début
history-field-ended = Fin
history-field-links = Liens
history-field-partners = Partenaires
history-field-status = Statut
history-field-language = Écrite en
history-field-id = Identifiant
history-field-text = Texte
history-field-opens = Ouverture
history-field-closes = Clôture
history-field-working-points = Axes de travail
history-field-start = Début
history-field-end = Fin
history-field-time-zone = Fuseau horaire
history-field-capacity = Places
history-field-format = Format
history-field-languages = Langues
history-field-interpretation = Interprétation
history-field-description = Description
history-field-online-link = Lien en ligne
history-field-venue = Lieu
history-field-speakers = Intervenants
history-field-initiatives = Initiatives
