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
