# Chaînes de l’interface de Praxis (français). Les clés sont communes avec en/ et es/.

## Structure de la page
skip-to-content = Aller au contenu
nav-label = Menu principal
nav-initiatives = Initiatives
nav-places = Territoires
nav-about = À propos
language-switcher = Langue
search-label = Rechercher des initiatives
search-placeholder = Rechercher des initiatives, des territoires, des organismes…
search-button = Rechercher
footer-tagline = Praxis : les villes partagent leurs enseignements, chacune dans sa langue.
footer-attribution = Données sur les territoires issues de
footer-api = Données ouvertes et API
feed-title = Praxis : initiatives nouvellement publiées

## Erreurs affichées sous forme de page
error-not-found-title = Page introuvable
error-not-found-text = Aucune page ne correspond à cette adresse. Elle a peut-être été déplacée, ou l’initiative n’est plus publiée.
error-browse = Parcourir toutes les initiatives
error-home = Page d’accueil

## Fiches
written-in = Rédigée en
available-in = Disponible en

## Accueil
home-page-title = Accueil
home-title = Des villes qui apprennent les unes des autres
home-lead = Les collectivités locales et régionales publient ce qu’elles ont réalisé — plans, programmes, services, réglementations — pour que leurs homologues, où qu’ils soient, puissent le trouver dans leur propre langue et s’en inspirer.
meta-description = Les collectivités locales et régionales publient ce qu’elles ont réalisé — plans, programmes, services, réglementations — pour que leurs homologues, où qu’ils soient, puissent le trouver dans leur propre langue et s’en inspirer.
stat-initiatives = { $count ->
    [one] initiative
   *[other] initiatives
}
stat-cities = { $count ->
    [one] ville
   *[other] villes
}
stat-countries = { $count ->
    [one] pays
   *[other] pays
}
stat-initiatives-short = { $count ->
    [one] { $formatted } initiative
   *[other] { $formatted } initiatives
}
home-latest = Dernières initiatives
home-all-initiatives = Voir toutes les initiatives
home-themes = Parcourir par thème

## À propos
about-title = À propos de Praxis
about-lead = Praxis est une plateforme ouverte sur laquelle des réseaux de villes partagent leurs enseignements.
about-how-title = Fonctionnement
about-how-text = Une collectivité ou un organisme public publie une initiative dans sa propre langue : les objectifs poursuivis, la démarche suivie, les partenaires, le coût et les résultats obtenus. Ses homologues la retrouvent par thème, territoire, objectif et type, et chaque initiative indique où elle a été menée et qui contacter.
about-languages-title = Toutes les langues, un seul catalogue
about-languages-text = L’interface est disponible en anglais, en français, en espagnol et en portugais, et les initiatives sont présentées dans leur langue de rédaction, accompagnées des traductions ajoutées par leurs auteurs. La recherche porte sur l’ensemble de ces langues.
about-data-title = Données ouvertes
about-data-text = Tout ce qui est publié ici est disponible en données ouvertes au moyen d’une API documentée, et peut être exporté au format JSON Lines par toute personne exploitant une instance de Praxis.
about-api = Description de l’API (OpenAPI)
about-search-api = La recherche au format JSON
about-credits-title = Crédits
about-credits-text = La population, les coordonnées et les fuseaux horaires des territoires proviennent de
about-demo-text = Les initiatives de démonstration ont été rédigées pour Praxis : les villes et les organismes sont réels, mais les chiffres sont donnés à titre d’illustration.

## Catalogue
catalogue-title = Initiatives
catalogue-results-for = Initiatives correspondant à « { $query } »
catalogue-count = { $count ->
    [one] { $formatted } initiative
   *[other] { $formatted } initiatives
}
catalogue-empty = Aucune initiative ne correspond à ces mots et à ces filtres. Essayez avec moins de filtres ou d’autres mots.
why-concepts = Trouvé dans une autre langue grâce au concept { $concepts }.
quoted = « { $text } »
why-meaning = Trouvé dans une autre langue par le sens.
search-too-long = Cette recherche est trop longue : une recherche compte au plus { $max } caractères. Gardez les mots qui comptent.
search-lexical-only = La recherche par le sens dans toutes les langues n’est pas disponible sur ce serveur pour le moment : les résultats correspondent à vos mots et au glossaire multilingue.
sort-label = Trier par
sort-relevance = Pertinence
sort-newest = Plus récentes d’abord
sort-oldest = Plus anciennes d’abord
sort-title = Titre (A–Z)
filters-title = Filtres
filters-apply = Appliquer
filters-clear = Effacer tous les filtres
filters-active = Filtres appliqués
filters-remove = Retirer : { $filter }
filters-chip = { $facet } : { $value }
filters-skip = Aller aux résultats
filters-live = Les résultats se mettent à jour dès que vous cochez une case.
results-label = Résultats
facet-theme = Thème
facet-aim = Objectif
facet-kind = Type
facet-country = Pays
facet-language = Langue de rédaction
facet-level = Échelon de gouvernement
facet-year = Année de lancement
pagination-label = Pages
pagination-previous = Précédente
pagination-next = Suivante
pagination-page = page { $page } sur { $pages }

## Initiative
breadcrumb-label = Vous êtes ici
version-original = Texte original
version-translation = Traduction
version-read-original = Lire l’original
facts-title = En bref
field-place = Territoire
field-country = Pays
field-organisation = Organisme
field-level = Échelon de gouvernement
field-kind = Type
field-themes = Thèmes
field-aims = Objectifs
field-started = Début
field-ended = Fin
field-partners = Partenaires
field-links = Liens
field-language = Langue de rédaction
initiative-json = Cette initiative au format JSON
field-updated = Dernière mise à jour
organisation-more = Ses autres initiatives
initiative-commitments-title = Engagements qu'elle met en œuvre
initiative-commitments-intro = Des gouvernements signataires d'un appel à l'action citent cette initiative comme mise en œuvre de leurs engagements.
initiative-events-title = Événements où elle a été présentée

## Territoires
places-title = Territoires
places-lead = Villes, métropoles et régions ayant publié des initiatives.
places-initiatives = Initiatives
place-population = Population
place-time-zone = Fuseau horaire
place-coordinates = Coordonnées
place-source = Données issues de GeoNames (CC BY 4.0).
place-no-facts = Aucune donnée n’est encore disponible sur ce territoire.
place-initiatives = { $count ->
    [one] { $formatted } initiative
   *[other] { $formatted } initiatives
}
place-kind-city = Ville
place-kind-metropolitan-area = Métropole
place-kind-region = Région
place-meta = { $place } ({ $country }) : { $count } initiatives, les appels à l'action signés par ses gouvernements, les événements où ses représentants ont parlé, et des lieux comparables.
place-region = Région du monde
place-levels = Niveaux de gouvernement
place-themes = Ses domaines d'action
place-signed-title = Appels à l'action signés
place-signed-none = Aucun gouvernement de ce lieu n'a encore signé d'appel à l'action.
place-committed-to = Engagé sur :
place-events-title = Événements où ses représentants ont pris la parole
place-events-none = Personne de ce lieu n'a encore pris la parole lors d'un événement d'apprentissage.
place-peers-title = Des lieux comparables
place-peers-intro = Des lieux de taille semblable, de la même région ou qui travaillent sur les mêmes thèmes : de bons interlocuteurs pour demander « comment avez-vous fait ? ».
place-peers-none = Pas encore de lieu comparable : d'autres lieux doivent d'abord publier des initiatives.
peers-why-themes = Travaille aussi sur { $themes }
peers-why-size = Taille semblable ({ $population } habitants)
peers-why-region = Aussi en { $region }

## Dates
date = { $day } { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Erreurs de validation, par code
error-required = Ce champ est obligatoire.
error-wrong_type = Cette valeur n’est pas du bon type.
error-too_short = Cette valeur est trop courte.
error-too_long = Cette valeur est trop longue.
error-too_many = Le nombre d’éléments est trop élevé.
error-invalid_format = Cette valeur n’est pas au format attendu.
error-unknown_value = Cette valeur ne fait pas partie des valeurs autorisées.
error-unknown_language = Cette langue n’est pas prise en charge ; utilisez l’anglais, le français, l’espagnol ou le portugais.
error-missing_original_language = Renseignez également ce champ dans la langue d’origine.
error-duplicate = Cette valeur figure deux fois.
error-invalid_date = Saisissez la date au format AAAA-MM-JJ.
error-date_order = La date de fin est antérieure à la date de début.
error-invalid_url = Indiquez une adresse web commençant par http:// ou https://.
error-invalid_country = Choisissez un pays.
glossary-title = Glossaire Praxis des politiques urbaines
