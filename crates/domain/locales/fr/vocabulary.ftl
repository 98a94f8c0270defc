# Labels of the vocabularies of DESIGN.md (themes, aims, kinds, levels, languages) in French.

## Thèmes : le sujet d'une initiative.

theme-health = Santé
theme-health-description = Santé publique, soins et prévention, y compris les épidémies et la santé mentale.
theme-social-care = Action sociale
theme-social-care-description = Soutien aux personnes dans le besoin : personnes âgées, personnes handicapées, sans-abri, familles et personnes migrantes.
theme-economy-jobs = Économie et emploi
theme-economy-jobs-description = Développement économique local, emploi, entreprises, commerce et compétences professionnelles.
theme-housing = Logement
theme-housing-description = Accès à un logement digne et abordable, quartiers informels et rénovation.
theme-mobility = Mobilité
theme-mobility-description = Transports publics, marche, vélo, voirie et déplacement des personnes et des marchandises.
theme-public-space = Espace public
theme-public-space-description = Rues, places, parcs et autres espaces partagés : leur aménagement, leurs usages et leur entretien.
theme-environment-climate = Environnement et climat
theme-environment-climate-description = Action climatique et adaptation, qualité de l'air, biodiversité, énergie et déchets.
theme-water-sanitation = Eau et assainissement
theme-water-sanitation-description = Approvisionnement en eau potable, assainissement, drainage et gestion des ressources en eau.
theme-food = Alimentation
theme-food-description = Sécurité alimentaire, agriculture urbaine, marchés, restauration scolaire et systèmes alimentaires durables.
theme-education = Éducation
theme-education-description = Écoles, petite enfance, formation tout au long de la vie et formation professionnelle.
theme-culture-sport = Culture et sport
theme-culture-sport-description = Vie culturelle, patrimoine, bibliothèques, arts, sport et loisirs.
theme-digital-innovation = Innovation numérique
theme-digital-innovation-description = Services publics numériques, données ouvertes, connectivité, inclusion numérique et innovation publique.
theme-governance-participation = Gouvernance et participation
theme-governance-participation-description = La manière dont les gouvernements décident et agissent : transparence, finances, coopération et participation citoyenne.
theme-communication = Communication
theme-communication-description = Informer et mobiliser la population, y compris les campagnes d'information et la communication de crise.
theme-safety-emergency = Sécurité et urgences
theme-safety-emergency-description = Sécurité publique, prévention de la délinquance, réduction des risques de catastrophe et gestion des urgences.
theme-gender-equality = Égalité de genre
theme-gender-equality-description = Égalité des droits et des chances entre les femmes et les hommes, et lutte contre les violences fondées sur le genre.

## Objectifs : le type de communauté qu'une initiative aide à construire (« une communauté verte »).

aim-green = Verte
aim-inclusive = Inclusive
aim-prosperous = Prospère
aim-resilient = Résiliente
aim-safe = Sûre

## Types : la nature de l'instrument.

kind-plan = Plan
kind-strategy = Stratégie
kind-policy = Politique
kind-program = Programme
kind-project = Projet
kind-regulation = Réglementation
kind-service = Service
kind-campaign = Campagne
kind-tool = Outil
kind-partnership = Partenariat

## Niveaux de gouvernement (« un niveau local »).

level-local = Local
level-metropolitan = Métropolitain
level-regional = Régional
level-national = National
level-international = International

## Langues (ISO 639-1).

lang-en = anglais
lang-fr = français
lang-es = espagnol
lang-pt = portugais
