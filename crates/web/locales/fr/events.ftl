# Apprendre en direct : événements, inscriptions, calendriers, centre de ressources (français).
nav-events = Événements

## Listes
events-title = Événements
events-lead = Webinaires, échanges entre pairs et ateliers où des élus et agents de villes et de régions présentent ce qu'ils ont fait, en plusieurs langues.
events-hub-link = Sessions passées : enregistrements et notes de synthèse
events-upcoming-link = Événements à venir
events-subscribe = S'abonner à ce calendrier (iCalendar)
events-calendar-name = Événements Praxis
events-filter-theme = Thème
events-filter-language = Langue que vous suivez
events-filter-any = Tous
events-filter-apply = Afficher les événements
events-none = Aucun événement n'est prévu pour le moment. Les sessions passées restent disponibles avec leurs enregistrements.
events-none-filtered = Aucun événement à venir ne correspond à ces filtres.
events-hub-title = Centre de ressources : sessions passées
events-hub-lead = Ce qui s'est dit lors des sessions passées, par thème : enregistrements, notes de synthèse et initiatives présentées.
events-hub-none = Aucune session n'a encore eu lieu.
events-hub-themes = Thèmes
events-hub-search = Chercher dans les sessions passées
events-hub-words = Mots
events-hub-apply = Afficher les sessions
events-hub-all = Toutes les sessions passées
events-hub-none-filtered = Aucune session passée ne correspond. Essayez moins de mots ou un autre thème.

## Un événement
events-format = Format
events-format-webinar = Webinaire
events-format-peer-exchange = Échange entre pairs
events-format-workshop = Atelier
events-format-conference = Conférence
events-when = Quand
events-utc = En temps universel (UTC)
events-your-time = Dans votre fuseau horaire
events-languages = Langues parlées
events-interpretation = Interprétation vers
events-where = Où
events-venue = Lieu
events-online = En ligne
events-online-private = En ligne : le lien est envoyé aux personnes inscrites.
events-seats = Places
events-seats-left = { $count ->
    [one] Une place restante
   *[other] { $formatted } places restantes
}
events-full = Complet : les inscriptions rejoignent la liste d'attente
events-full-waiting = Cet événement est complet. Inscrivez-vous pour rejoindre la liste d'attente : si quelqu'un se désiste, la première personne en attente obtient la place et reçoit un courriel.
events-speakers = Intervenants
events-recording-title = Enregistrement
events-recording = Voir l'enregistrement
events-briefing = Note de synthèse
events-initiatives = Initiatives présentées
events-add-to-calendar = Ajouter à mon agenda (.ics)
events-edit-link = Modifier cet événement
events-registrants-link = Inscriptions

## Inscription
events-register-title = S'inscrire
events-register-as = Vous êtes connecté en tant que
events-register-button = S'inscrire
events-join-waiting-list = Rejoindre la liste d'attente
events-field-name = Nom
events-field-email = Adresse électronique
events-field-organisation = Organisation
events-field-consent = J'accepte que les organisateurs conservent mon nom, mon adresse électronique et mon organisation pour gérer cet événement et m'écrire à son sujet.
events-optional = facultatif
events-form-has-errors = Certaines réponses sont à corriger ; chaque problème est indiqué à côté de son champ.
events-closed = Les inscriptions sont closes : l'événement a commencé.
events-registered-title = Vous êtes inscrit
events-registered-text = Votre place est réservée. Nous vous avons envoyé un courriel de confirmation avec l'événement à ajouter à votre agenda.
events-waiting-title = Vous êtes sur la liste d'attente
events-waiting-text = L'événement est complet : vous êtes sur la liste d'attente. Si quelqu'un se désiste, la place revient à la première personne en attente, et nous vous écrivons aussitôt.
events-cancelled-title = Votre inscription est annulée
events-cancelled-text = Votre inscription est annulée. Merci d'avoir libéré votre place pour quelqu'un d'autre.
events-join-online = Rejoindre en ligne
events-cancel-text = Vous ne pouvez pas venir ? En annulant, vous cédez votre place à la personne suivante sur la liste d'attente.
events-cancel-button = Annuler mon inscription

## Courriels
events-mail-hello = Bonjour { $name },
events-mail-confirmation-subject = Inscription confirmée : { $title }
events-mail-confirmation-text = Votre place est réservée. Le fichier joint ajoute l'événement à votre agenda.
events-mail-waiting-subject = Liste d'attente : { $title }
events-mail-waiting-text = L'événement est complet : vous êtes sur la liste d'attente. Si une place se libère, elle est à vous et nous vous écrirons aussitôt.
events-mail-promoted-subject = Une place pour vous : { $title }
events-mail-promoted-text = Bonne nouvelle : une place s'est libérée et elle est à vous. Le fichier joint ajoute l'événement à votre agenda.
events-mail-reminder-subject = Demain : { $title }
events-mail-reminder-text = Petit rappel : l'événement auquel vous êtes inscrit commence dans un jour environ.
events-mail-cancelled-subject = Annulation : { $title }
events-mail-cancelled-text = Votre inscription est annulée.
events-mail-cancel = Vous ne pouvez pas venir ? Annulez ici pour que quelqu'un de la liste d'attente obtienne votre place :
events-mail-again = Vous avez changé d'avis ? Vous pouvez vous réinscrire ici :
events-mail-signature = Praxis : les villes partagent ce qu'elles ont appris.

## Éditeurs
events-new-title = Nouvel événement
events-edit-title = Modifier : { $title }
events-save = Enregistrer l'événement
events-field-id = Identifiant (tiré du titre s'il est laissé vide)
events-field-language = Langue dans laquelle l'événement est décrit
events-field-title = Titre
events-field-description = Description
events-field-briefing = Note de synthèse (Markdown, après l'événement)
events-field-start = Début (heure locale du lieu)
events-field-end = Fin (heure locale)
events-field-time-zone = Fuseau horaire : tapez la ville (Montevideo) ou le fuseau (America/Montevideo)
events-field-speakers = Intervenants, un par ligne : nom | fonction | organisation | lieu
events-field-online-link = Lien en ligne (montré aux seules personnes inscrites)
events-field-capacity = Places (vide pour ne pas limiter)
events-field-recording = Lien vers l'enregistrement
events-field-initiatives = Initiatives présentées (leurs identifiants, un par ligne)
events-registrants-title = Inscriptions : { $title }
events-registrants-private = Données personnelles : réservées aux organisateurs.
events-export-csv = Télécharger en CSV
events-no-registrants = Personne ne s'est encore inscrit.
events-status = Statut
events-status-confirmed = Confirmée
events-status-waiting = Liste d'attente
events-status-cancelled = Annulée
events-registered-at = Inscription
events-member = membre

## Problèmes dans la saisie
events-error-required = Ce champ est obligatoire.
events-error-wrong_type = Cette valeur n'a pas le bon type.
events-error-too_short = C'est trop court.
events-error-too_long = C'est trop long.
events-error-too_many = Il y en a trop.
events-error-invalid_format = Ce n'est pas au format attendu.
events-error-unknown_value = Choisissez l'une des options.
events-error-missing_original_language = Indiquez-le aussi dans la langue de l'événement.
events-error-duplicate = Déjà utilisé, ou indiqué deux fois.
events-error-invalid_url = Indiquez une adresse web commençant par http:// ou https://.
events-error-invalid_datetime = Indiquez une date et une heure, par exemple 2026-03-26T10:00.
events-error-unknown_time_zone = Indiquez un fuseau horaire IANA, par exemple Europe/Paris ou America/Montevideo.
events-error-nonexistent_time = Cette heure n'existe pas à cet endroit : les horloges la sautent au passage à l'heure d'été. Choisissez une autre heure.
events-error-date_order = La fin doit suivre le début.
events-error-too_long_duration = Un événement dure au plus deux semaines.
events-error-invalid_capacity = Indiquez un nombre de places de 1 à 100 000, ou laissez vide pour ne pas limiter.
events-error-online_or_venue = Indiquez un lien en ligne, un lieu, ou les deux.
events-error-invalid_email = Indiquez une adresse électronique, par exemple nom@exemple.org.
events-error-consent_required = Cochez cette case pour vous inscrire : nous avons besoin de votre accord pour conserver vos coordonnées.
events-manage-by-mail = Le courriel que nous vous avons envoyé contient le lien vers votre inscription : vous y trouverez le lien de connexion (une fois votre place confirmée) et le bouton pour annuler.
events-error-unsafe_markup = Retirez le script : le texte peut contenir de la mise en forme et des liens, pas de scripts ni de gestionnaires d’événements.
events-mail-already-subject = Votre inscription : { $title }
events-mail-already-body = Bonjour { $name },

    Quelqu’un (vous peut-être) a demandé à inscrire cette adresse à « { $title } », où elle est déjà inscrite. Rien n’a changé. Votre inscription, avec le bouton pour l’annuler, est ici :

    { $link }

    Si ce n’était pas vous, vous n’avez rien à faire.

    — Praxis
