# Appels à l'action
nav-calls = Appels à l'action
calls-title = Appels à l'action
calls-intro = Des réseaux de villes publient des appels que signent des gouvernements locaux et régionaux et des institutions. Chaque registre indique qui s'est engagé, quand, et sur quoi.
calls-none = Aucun appel n'est ouvert pour le moment.
calls-status-draft = Brouillon
calls-status-open = Ouvert à la signature
calls-status-closed = Clos
calls-dates-open = ouvert depuis le { $opens }
calls-dates-closing = ouvert du { $opens } au { $closes }
calls-signatory-count = { $count ->
    [one] { $formatted } signataire
   *[other] { $formatted } signataires
}
calls-shown-count = { $count ->
    [one] { $formatted } affiché
   *[other] { $formatted } affichés
}
calls-point-count = { $count ->
    [one] { $formatted } signataire
   *[other] { $formatted } signataires
}
calls-join-link = Rejoindre l'appel
calls-working-points = Axes de travail
calls-version = Version du texte :
calls-latest = Derniers signataires
calls-register-link = Voir tout le registre
calls-register-title = Registre : { $call }
calls-register-heading = Registre des signataires
calls-filter-type = Type
calls-filter-country = Pays
calls-filter-point = Axe de travail
calls-filter-any = Tous
calls-map-title = Carte des signataires
calls-map-description = { $count } signataires sur { $total } figurent sur la carte ; la liste ci-dessous les nomme tous.
calls-map-caption = Dessinée par Praxis à partir des contours terrestres de Natural Earth (domaine public).
calls-chart-title = Signataires au fil du temps : total cumulé à la fin de chaque mois
calls-chart-table = Afficher les chiffres sous forme de tableau
calls-chart-month = Mois
calls-chart-added = Nouveaux signataires
calls-chart-total = Total
calls-list-heading = Signataires
calls-register-empty = Aucun signataire ne correspond encore à ces filtres.
calls-joined = Signataire depuis le
calls-open-data = Données ouvertes
calls-download-csv = Télécharger le registre (CSV)
calls-download-json = Le registre en JSON
calls-feed-link = Nouveaux signataires (flux Atom)
calls-feed-title = Nouveaux signataires : { $call }
calls-feed-entry = { $name } ({ $type }, { $place }) a rejoint l'appel.
calls-signed-version = Version de l'appel signée
calls-version-current = version actuelle :
calls-commitments = Engagements
calls-carried-out = Initiatives qui les mettent en œuvre
calls-no-initiatives = Aucune initiative n'a encore été reliée.
calls-badge-title = Badge pour votre site
calls-badge-intro = Montrez que votre institution a signé : copiez ce code dans votre site.
calls-badge-heading = Signataire de l'appel
calls-badge-code = Code HTML du badge
signatory-type-local-government = Gouvernement local
signatory-type-metropolitan-government = Gouvernement métropolitain
signatory-type-regional-government = Gouvernement régional
signatory-type-public-institution = Autre institution publique
signatory-type-organisation = Organisation
signatory-type-network = Réseau

# Adhésion
calls-join-title = Rejoindre l'appel
calls-join-intro = Remplissez ce formulaire au nom de votre institution. Nous enverrons un lien à l'adresse électronique indiquée ; une fois votre confirmation reçue, l'équipe du réseau vérifie la demande avant que votre institution n'apparaisse dans le registre.
calls-join-institution = Nom de l'institution
calls-join-kind = Type d'institution
calls-join-kind-choose = Choisissez un type
calls-join-city = Ville ou lieu
calls-join-country = Pays
calls-join-country-choose = Choisissez un pays
calls-join-representative-name = Nom du ou de la représentante
calls-join-representative-role = Fonction du ou de la représentante
calls-join-email = Adresse électronique
calls-join-email-hint = Utilisée uniquement pour confirmer cette demande et vous communiquer la décision. Jamais publiée.
calls-join-points = Axes de travail sur lesquels votre institution s'engage
calls-join-consent = Nous acceptons que le nom, le type, le lieu, la date d'adhésion et les engagements de notre institution soient publiés dans le registre public et en données ouvertes.
calls-join-consent-legend = Publication
calls-join-submit = Envoyer la demande
calls-join-problem = Certains champs demandent votre attention ; ils sont signalés ci-dessous.
calls-join-closed = Cet appel n'accepte pas de signatures pour le moment.
calls-join-throttled = Trop de demandes ont été envoyées depuis votre connexion. Veuillez réessayer dans une heure.
calls-join-private = Le nom et l'adresse électronique de la personne représentante ne sont jamais rendus publics.
calls-sent-title = Consultez votre messagerie
calls-sent-text = Nous avons envoyé un lien de confirmation à l'adresse indiquée. Ouvrez-le pour confirmer la demande ; elle sera ensuite vérifiée par l'équipe du réseau.
calls-confirm-title = Confirmez votre demande
calls-confirm-text = Confirmez que vous avez envoyé cette demande de signature de l'appel au nom de { $institution }.
calls-confirm-button = Confirmer la demande
calls-confirmed-title = Demande confirmée
calls-confirmed-text = Merci. L'équipe du réseau va vérifier votre demande ; vous recevrez un message lorsque votre institution figurera dans le registre.
calls-confirm-unknown = Ce lien de confirmation n'est pas valide. Vérifiez qu'il a été copié en entier, ou renvoyez le formulaire.
calls-confirm-already = Cette demande a déjà été confirmée. Vous n'avez rien d'autre à faire.
calls-back-to-call = Retour à l'appel

# Courriels
calls-mail-confirm-subject = Confirmez votre signature de « { $call } »
calls-mail-confirm-text = Bonjour { $name },

    Nous avons reçu une demande de signature de l'appel « { $call } » au nom de { $institution }.

    Pour la confirmer, ouvrez ce lien :
    { $link }

    L'équipe du réseau vérifiera ensuite la demande avant que { $institution } n'apparaisse dans le registre public. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne sera publié.
calls-mail-verified-subject = { $institution } a rejoint « { $call } »
calls-mail-verified-text = Bonjour { $name },

    { $institution } figure désormais dans le registre public de l'appel « { $call } » :
    { $link }

    Sa page propose un badge à placer sur votre propre site.
calls-mail-rejected-subject = Votre demande de signature de « { $call } »
calls-mail-rejected-text = Bonjour { $name },

    L'équipe du réseau n'a pas pu accepter la demande de signature de l'appel « { $call } » au nom de { $institution }, pour la raison suivante :

    { $reason }

    Vous pouvez répondre à l'équipe du réseau ou envoyer une nouvelle demande.

# Membres
calls-member-title = Signer pour votre organisation
calls-member-intro = En tant que membre vérifié de { $organisation }, vous pouvez signer en son nom en une seule étape. Elle entre aussitôt dans le registre.
calls-member-button = Signer pour { $organisation }
calls-member-place = Ville ou lieu de { $organisation }

# Équipe éditoriale
calls-editor-title = Appels : bureau éditorial
calls-editor-queue = Demandes en attente de vérification
calls-editor-queue-empty = Aucune demande confirmée n'est en attente.
calls-editor-requested = Demandé le
calls-editor-representative = Représentant·e
calls-editor-verify = Vérifier
calls-editor-reject = Refuser
calls-editor-reason = Motif du refus (envoyé au demandeur)
calls-editor-reason-missing = Indiquez un motif : il sera communiqué au demandeur.
calls-editor-merge = Déjà dans le registre sous le nom { $name } : la vérification ajoute ces engagements à sa fiche.
calls-editor-verified = { $name } figure désormais dans le registre.
calls-editor-rejected = La demande a été refusée et le motif communiqué au demandeur.
calls-editor-calls = Appels
calls-editor-new = Rédiger un nouvel appel
calls-editor-edit = Modifier
calls-editor-new-title = Nouvel appel
calls-editor-edit-title = Modifier l'appel
calls-editor-saved = L'appel a été enregistré.
calls-editor-save = Enregistrer l'appel
calls-editor-preview = Aperçu
calls-field-id = Identifiant (utilisé dans les adresses ; lettres minuscules, chiffres et tirets)
calls-field-title = Titre
calls-field-text = Texte (Markdown)
calls-field-language = En { $language }
calls-field-points = Axes de travail
calls-field-points-hint = Chaque axe de travail garde son identifiant pour toujours : les signataires s'y engagent. Laissez une ligne vide pour l'ignorer.
calls-field-point-id = Identifiant de l'axe { $n }
calls-field-point-text = Axe { $n } en { $language }
calls-field-opens = Date d'ouverture (AAAA-MM-JJ)
calls-field-closes = Date de clôture (AAAA-MM-JJ, facultative)
calls-field-status = Statut
error-invalid_email = Indiquez une adresse électronique, par exemple nom@exemple.org.
error-consent_required = Le registre est public : acceptez la publication pour rejoindre l'appel.
error-missing_translation = Indiquez-le dans chaque langue de l'appel.
calls-link-label = Initiatives qui mettent en œuvre ces engagements
calls-link-hint = Les identifiants ou adresses d'initiatives publiées, un par ligne.
calls-link-unknown = Aucune initiative publiée ne porte cet identifiant : { $ids }
calls-link-button = Enregistrer les liens
calls-link-title = Relier les initiatives qui tiennent ces engagements
calls-link-find = Trouver des initiatives par leurs mots, leur ville ou leur titre
calls-link-search = Chercher
calls-link-start = Rien n'est relié pour l'instant : cherchez ci-dessus, puis cochez ce qui tient ces engagements.
calls-link-none-found = La recherche n'a trouvé aucune autre initiative publiée. Essayez d'autres mots.
calls-link-paste = Ou collez des adresses ou des identifiants
calls-link-paste-label = Adresses ou identifiants d'initiatives publiées
calls-editor-twins = { $count ->
    [one] Une autre demande pour la même institution est en attente : les vérifier toutes deux donne une seule fiche.
   *[other] { $formatted } autres demandes pour la même institution sont en attente : les vérifier donne une seule fiche.
}
