## Erreurs renvoyées par l'application, sous forme de pages
error-conflict-title = Ceci a changé entre-temps
error-conflict-text = Quelqu'un d'autre a modifié ceci pendant que vous y travailliez. Rechargez la page pour voir la version actuelle, puis réessayez ; rien n'a été enregistré.
error-invalid-title = Quelque chose ne va pas dans la demande
error-invalid-text = Une partie de ce qui a été envoyé ne peut pas être acceptée. Revenez en arrière, vérifiez le formulaire et réessayez ; rien n'a été enregistré.
error-internal-title = Un problème est survenu de notre côté
error-internal-text = Nous n'avons pas pu terminer. Réessayez dans un instant ; si cela se reproduit, prévenez l'équipe du réseau.
error-reason_required = Indiquez pourquoi, pour l'auteur : renvoyer ou dépublier demande une raison.
error-unknown_reason = Choisissez l'une des raisons proposées.
error-unknown_initiatives = Ceci ne désigne aucune initiative publiée : { $ids }
error-invalid_kind = Choisissez l’un des types proposés.
error-id_taken = Cet identifiant est déjà utilisé ; choisissez-en un autre.
error-out_of_range = Cette valeur sort des limites acceptées.
