# Labels of the vocabularies of DESIGN.md (themes, aims, kinds, levels, languages) in English.

## Themes: what an initiative is about.

theme-health = Health
theme-health-description = Public health, health care and prevention, including epidemics and mental health.
theme-social-care = Social care
theme-social-care-description = Support for people in need: older people, people with disabilities, homeless people, families and migrants.
theme-economy-jobs = Economy and jobs
theme-economy-jobs-description = Local economic development, employment, businesses, trade and skills for work.
theme-housing = Housing
theme-housing-description = Access to decent and affordable housing, informal settlements and renovation.
theme-mobility = Mobility
theme-mobility-description = Public transport, walking, cycling, roads and the movement of people and goods.
theme-public-space = Public space
theme-public-space-description = Streets, squares, parks and other shared spaces, their design, use and upkeep.
theme-environment-climate = Environment and climate
theme-environment-climate-description = Climate action and adaptation, air quality, biodiversity, energy and waste.
theme-water-sanitation = Water and sanitation
theme-water-sanitation-description = Drinking water supply, sanitation, drainage and the management of water resources.
theme-food = Food
theme-food-description = Food security, urban agriculture, markets, school meals and sustainable food systems.
theme-education = Education
theme-education-description = Schools, early childhood, lifelong learning and training.
theme-culture-sport = Culture and sport
theme-culture-sport-description = Cultural life, heritage, libraries, the arts, sport and leisure.
theme-digital-innovation = Digital innovation
theme-digital-innovation-description = Digital public services, open data, connectivity, digital inclusion and innovation in government.
theme-governance-participation = Governance and participation
theme-governance-participation-description = How governments decide and work: transparency, finance, cooperation and citizen participation.
theme-communication = Communication
theme-communication-description = Informing and engaging the public, including public information campaigns and crisis communication.
theme-safety-emergency = Safety and emergencies
theme-safety-emergency-description = Public safety, crime prevention, disaster risk reduction and emergency response.
theme-gender-equality = Gender equality
theme-gender-equality-description = Equal rights and opportunities for women and men, and the fight against gender-based violence.

## Aims: what kind of community an initiative helps build.

aim-green = Green
aim-inclusive = Inclusive
aim-prosperous = Prosperous
aim-resilient = Resilient
aim-safe = Safe

## Kinds: what sort of instrument an initiative is.

kind-plan = Plan
kind-strategy = Strategy
kind-policy = Policy
kind-program = Program
kind-project = Project
kind-regulation = Regulation
kind-service = Service
kind-campaign = Campaign
kind-tool = Tool
kind-partnership = Partnership

## Levels of government.

level-local = Local
level-metropolitan = Metropolitan
level-regional = Regional
level-national = National
level-international = International

## Languages (ISO 639-1).

lang-en = English
lang-fr = French
lang-es = Spanish
lang-pt = Portuguese
