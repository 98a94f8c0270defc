# Labels of the vocabularies of DESIGN.md (themes, aims, kinds, levels, languages) in Spanish.

## Temas: de qué trata una iniciativa.

theme-health = Salud
theme-health-description = Salud pública, atención sanitaria y prevención, incluidas las epidemias y la salud mental.
theme-social-care = Servicios sociales
theme-social-care-description = Apoyo a las personas que lo necesitan: personas mayores, personas con discapacidad, personas sin hogar, familias y migrantes.
theme-economy-jobs = Economía y empleo
theme-economy-jobs-description = Desarrollo económico local, empleo, empresas, comercio y competencias para el trabajo.
theme-housing = Vivienda
theme-housing-description = Acceso a una vivienda digna y asequible, asentamientos informales y rehabilitación.
theme-mobility = Movilidad
theme-mobility-description = Transporte público, desplazamientos a pie y en bicicleta, vías y movimiento de personas y mercancías.
theme-public-space = Espacio público
theme-public-space-description = Calles, plazas, parques y otros espacios compartidos: su diseño, su uso y su mantenimiento.
theme-environment-climate = Medio ambiente y clima
theme-environment-climate-description = Acción climática y adaptación, calidad del aire, biodiversidad, energía y residuos.
theme-water-sanitation = Agua y saneamiento
theme-water-sanitation-description = Abastecimiento de agua potable, saneamiento, drenaje y gestión de los recursos hídricos.
theme-food = Alimentación
theme-food-description = Seguridad alimentaria, agricultura urbana, mercados, comedores escolares y sistemas alimentarios sostenibles.
theme-education = Educación
theme-education-description = Escuelas, primera infancia, aprendizaje a lo largo de la vida y formación.
theme-culture-sport = Cultura y deporte
theme-culture-sport-description = Vida cultural, patrimonio, bibliotecas, artes, deporte y ocio.
theme-digital-innovation = Innovación digital
theme-digital-innovation-description = Servicios públicos digitales, datos abiertos, conectividad, inclusión digital e innovación pública.
theme-governance-participation = Gobernanza y participación
theme-governance-participation-description = Cómo deciden y trabajan los gobiernos: transparencia, finanzas, cooperación y participación ciudadana.
theme-communication = Comunicación
theme-communication-description = Informar e implicar a la ciudadanía, incluidas las campañas informativas y la comunicación de crisis.
theme-safety-emergency = Seguridad y emergencias
theme-safety-emergency-description = Seguridad ciudadana, prevención de la delincuencia, reducción del riesgo de desastres y gestión de emergencias.
theme-gender-equality = Igualdad de género
theme-gender-equality-description = Igualdad de derechos y oportunidades entre mujeres y hombres, y lucha contra la violencia de género.

## Objetivos: el tipo de comunidad que una iniciativa ayuda a construir («una comunidad verde»).

aim-green = Verde
aim-inclusive = Inclusiva
aim-prosperous = Próspera
aim-resilient = Resiliente
aim-safe = Segura

## Tipos: la naturaleza del instrumento.

kind-plan = Plan
kind-strategy = Estrategia
kind-policy = Política
kind-program = Programa
kind-project = Proyecto
kind-regulation = Normativa
kind-service = Servicio
kind-campaign = Campaña
kind-tool = Herramienta
kind-partnership = Alianza

## Niveles de gobierno («un nivel local»).

level-local = Local
level-metropolitan = Metropolitano
level-regional = Regional
level-national = Nacional
level-international = Internacional

## Idiomas (ISO 639-1).

lang-en = inglés
lang-fr = francés
lang-es = español
lang-pt = portugués
