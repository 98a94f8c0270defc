## Signalements des lecteurs, et ce que reçoivent les éditeurs.

status-hidden = masquée après un signalement
report-title = Signaler un problème dans cette initiative
report-reason = Quel est le problème ?
report-reason-incorrect = Une information n’est pas exacte
report-reason-offensive = Le contenu est injurieux ou haineux
report-reason-personal_data = Elle révèle des données personnelles
report-reason-copyright = Elle copie le travail de quelqu’un d’autre
report-reason-spam = C’est de la publicité ou du spam
report-reason-other = Autre chose
report-details = Précisions pour les éditeurs
report-send = Envoyer le signalement
report-thanks = Merci. Les éditeurs examineront votre signalement.
editor-reports = { $count ->
    [one] { $formatted } signalement à traiter
   *[other] { $formatted } signalements à traiter
}
editor-no-reports = Aucun signalement en attente.
editor-report-note = Note pour le dossier
editor-hide = Masquer l’initiative
editor-dismiss = Classer le signalement
mail-report-subject = Un lecteur a signalé une initiative sur Praxis
mail-report-body = Bonjour,

    un lecteur a signalé l’initiative { $id }. Traitez-le depuis le bureau des éditeurs :

    { $link }

    — Praxis
mail-hidden-changed-subject = Une initiative masquée a été modifiée : { $title }
mail-hidden-changed-body = Bonjour,

    Les auteurs de « { $title } » ({ $id }) l’ont modifiée après que les éditeurs l’ont masquée. Elle reste masquée jusqu’à ce qu’un éditeur la réexamine sur le bureau :

    { $link }

    — Praxis
mail-submitted-subject = À relire sur Praxis : { $title }
mail-submitted-body = Bonjour,

    « { $title } » a été soumise à relecture. Elle attend sur le bureau des éditeurs :

    { $link }

    — Praxis
audit-title = Journal d’audit
audit-intro = Chaque action des éditeurs et des administrateurs, la plus récente en premier.
audit-action = Action
audit-subject = Objet
audit-detail = Détail
audit-filter = Filtrer le journal d'audit
audit-any-action = Toutes les actions
audit-who = Personne ou objet
audit-apply = Appliquer
audit-pages = Pages du journal d'audit
audit-newer = Entrées plus récentes
audit-older = Entrées plus anciennes
audit-count = { $count ->
    [one] Une entrée
   *[other] { $count } entrées
}
audit-action-initiative-save = A enregistré une initiative
audit-action-initiative-publish = A publié une initiative
audit-action-initiative-return = A renvoyé une initiative à ses auteurs
audit-action-initiative-unpublish = A dépublié une initiative
audit-action-initiative-restore = A rétabli une version antérieure
audit-action-report-hide = A masqué une initiative signalée
audit-action-report-dismiss = A classé un signalement
audit-action-membership-verify = A validé une adhésion
audit-action-membership-refuse = A refusé une adhésion
audit-action-account-role = A changé un rôle
audit-action-organisation-update = A modifié un organisme
audit-action-call-save = A enregistré un appel à l'action
audit-action-call-verify = A validé un signataire
audit-action-call-reject = A refusé une demande de signature
audit-action-event-save = A enregistré un événement
audit-action-event-registrants-export = A téléchargé les inscrits d'un événement
