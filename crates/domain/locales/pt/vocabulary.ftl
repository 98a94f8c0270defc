# Rótulos dos vocabulários do DESIGN.md (temas, objetivos, tipos, níveis, idiomas) em português.

## Temas: o assunto de uma iniciativa.

theme-health = Saúde
theme-health-description = Saúde pública, assistência à saúde e prevenção, incluindo epidemias e saúde mental.
theme-social-care = Assistência social
theme-social-care-description = Apoio a pessoas em situação de vulnerabilidade: pessoas idosas, pessoas com deficiência, pessoas em situação de rua, famílias e migrantes.
theme-economy-jobs = Economia e emprego
theme-economy-jobs-description = Desenvolvimento econômico local, emprego, empresas, comércio e qualificação profissional.
theme-housing = Habitação
theme-housing-description = Acesso a habitação digna e a preços acessíveis, assentamentos informais e renovação.
theme-mobility = Mobilidade
theme-mobility-description = Transporte público, deslocamentos a pé e de bicicleta, vias e circulação de pessoas e mercadorias.
theme-public-space = Espaço público
theme-public-space-description = Ruas, praças, parques e outros espaços de uso comum: a sua concepção, o seu uso e a sua manutenção.
theme-environment-climate = Meio ambiente e clima
theme-environment-climate-description = Ação climática e adaptação, qualidade do ar, biodiversidade, energia e resíduos.
theme-water-sanitation = Água e saneamento
theme-water-sanitation-description = Abastecimento de água potável, saneamento, drenagem e gestão dos recursos hídricos.
theme-food = Alimentação
theme-food-description = Segurança alimentar, agricultura urbana, mercados, alimentação escolar e sistemas alimentares sustentáveis.
theme-education = Educação
theme-education-description = Escolas, primeira infância, aprendizagem ao longo da vida e formação.
theme-culture-sport = Cultura e esporte
theme-culture-sport-description = Vida cultural, patrimônio, bibliotecas, artes, esporte e lazer.
theme-digital-innovation = Inovação digital
theme-digital-innovation-description = Serviços públicos digitais, dados abertos, conectividade, inclusão digital e inovação na administração pública.
theme-governance-participation = Governança e participação
theme-governance-participation-description = Como os governos decidem e atuam: transparência, finanças, cooperação e participação cidadã.
theme-communication = Comunicação
theme-communication-description = Informar e envolver a população, incluindo campanhas de informação pública e comunicação de crise.
theme-safety-emergency = Segurança e emergências
theme-safety-emergency-description = Segurança pública, prevenção da criminalidade, redução do risco de desastres e resposta a emergências.
theme-gender-equality = Igualdade de gênero
theme-gender-equality-description = Igualdade de direitos e de oportunidades entre mulheres e homens, e combate à violência de gênero.

## Objetivos: o tipo de comunidade que uma iniciativa ajuda a construir (“uma comunidade verde”).

aim-green = Verde
aim-inclusive = Inclusiva
aim-prosperous = Próspera
aim-resilient = Resiliente
aim-safe = Segura

## Tipos: a natureza do instrumento.

kind-plan = Plano
kind-strategy = Estratégia
kind-policy = Política
kind-program = Programa
kind-project = Projeto
kind-regulation = Regulamentação
kind-service = Serviço
kind-campaign = Campanha
kind-tool = Ferramenta
kind-partnership = Parceria

## Níveis de governo (“um nível local”).

level-local = Local
level-metropolitan = Metropolitano
level-regional = Regional
level-national = Nacional
level-international = Internacional

## Idiomas (ISO 639-1).

lang-en = inglês
lang-fr = francês
lang-es = espanhol
lang-pt = português
