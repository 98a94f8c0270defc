# Textos de la interfaz de Praxis (español). Las claves son comunes con en/ y fr/.

## Estructura de la página
skip-to-content = Saltar al contenido
nav-label = Menú principal
nav-initiatives = Iniciativas
nav-places = Territorios
nav-about = Acerca de
language-switcher = Idioma
search-label = Buscar iniciativas
search-placeholder = Buscar iniciativas, territorios, organismos…
search-button = Buscar
footer-tagline = Praxis: ciudades que comparten lo que han aprendido, cada una en su propio idioma.
footer-attribution = Datos sobre los territorios procedentes de
footer-api = Datos abiertos y API
feed-title = Praxis: iniciativas publicadas recientemente

## Errores que se muestran como páginas
error-not-found-title = Página no encontrada
error-not-found-text = No hay ninguna página en esta dirección. Es posible que se haya trasladado o que la iniciativa ya no esté publicada.
error-browse = Ver todas las iniciativas
error-home = Página de inicio

## Fichas
written-in = Redactada en
available-in = Disponible en

## Inicio
home-page-title = Inicio
home-title = Ciudades que aprenden de otras ciudades
home-lead = Los gobiernos locales y regionales publican lo que han hecho —planes, programas, servicios, normativas— para que sus homólogos de cualquier lugar puedan encontrarlo en su propio idioma y aprender de ello.
meta-description = Los gobiernos locales y regionales publican lo que han hecho —planes, programas, servicios, normativas— para que sus homólogos de cualquier lugar puedan encontrarlo en su propio idioma y aprender de ello.
stat-initiatives = { $count ->
    [one] iniciativa
   *[other] iniciativas
}
stat-cities = { $count ->
    [one] ciudad
   *[other] ciudades
}
stat-countries = { $count ->
    [one] país
   *[other] países
}
stat-initiatives-short = { $count ->
    [one] { $formatted } iniciativa
   *[other] { $formatted } iniciativas
}
home-latest = Últimas iniciativas
home-all-initiatives = Ver todas las iniciativas
home-themes = Explorar por tema

## Acerca de
about-title = Acerca de Praxis
about-lead = Praxis es una plataforma abierta en la que redes de ciudades intercambian lo que han aprendido.
about-how-title = Cómo funciona
about-how-text = Un organismo público comparte una iniciativa en su propio idioma: qué se propuso hacer, cómo, con quién, con qué coste y con qué resultados. Sus homólogos la encuentran por tema, territorio, objetivo y tipo, y cada iniciativa indica dónde se llevó a cabo y a quién dirigirse.
about-languages-title = Todos los idiomas, un solo catálogo
about-languages-text = La interfaz está disponible en inglés, francés, español y portugués, y las iniciativas se muestran en el idioma en que se redactaron, junto con las traducciones que hayan añadido sus autores. La búsqueda abarca todos ellos.
about-data-title = Datos abiertos
about-data-text = Todo lo que se publica aquí está disponible como datos abiertos mediante una API documentada, y cualquier persona que gestione una instancia de Praxis puede exportarlo en formato JSON Lines.
about-api = Descripción de la API (OpenAPI)
about-search-api = La búsqueda en formato JSON
about-credits-title = Créditos
about-credits-text = La población, las coordenadas y los husos horarios de los territorios proceden de
about-demo-text = Las iniciativas de demostración se redactaron para Praxis: las ciudades y los organismos son reales, pero las cifras son ilustrativas.

## Catálogo
catalogue-title = Iniciativas
catalogue-results-for = Iniciativas que coinciden con «{ $query }»
catalogue-count = { $count ->
    [one] { $formatted } iniciativa
   *[other] { $formatted } iniciativas
}
catalogue-empty = Ninguna iniciativa coincide con estas palabras y filtros. Pruebe con menos filtros o con otras palabras.
why-concepts = Encontrado en otro idioma gracias al concepto { $concepts }.
quoted = «{ $text }»
why-meaning = Encontrado en otro idioma por su significado.
search-too-long = Esta búsqueda es demasiado larga: una búsqueda puede tener como máximo { $max } caracteres. Quédese con las palabras que importan.
search-lexical-only = La búsqueda por significado en todos los idiomas no está disponible en este servidor por ahora: los resultados coinciden con sus palabras y con el glosario multilingüe.
sort-label = Ordenar por
sort-relevance = Más relevantes
sort-newest = Más recientes primero
sort-oldest = Más antiguas primero
sort-title = Título (A–Z)
filters-title = Filtros
filters-apply = Aplicar
filters-clear = Borrar todos los filtros
filters-active = Filtros aplicados
filters-remove = Quitar: { $filter }
filters-chip = { $facet }: { $value }
filters-skip = Ir a los resultados
filters-live = Los resultados se actualizan en cuanto marca una casilla.
results-label = Resultados
facet-theme = Tema
facet-aim = Objetivo
facet-kind = Tipo
facet-country = País
facet-language = Idioma de redacción
facet-level = Nivel de gobierno
facet-year = Año de inicio
pagination-label = Páginas
pagination-previous = Anterior
pagination-next = Siguiente
pagination-page = página { $page } de { $pages }

## Iniciativa
breadcrumb-label = Usted está aquí
version-original = Texto original
version-translation = Traducción
version-read-original = Leer el original
facts-title = En resumen
field-place = Territorio
field-country = País
field-organisation = Organismo
field-level = Nivel de gobierno
field-kind = Tipo
field-themes = Temas
field-aims = Objetivos
field-started = Inicio
field-ended = Finalización
field-partners = Socios
field-links = Enlaces
field-language = Idioma de redacción
initiative-json = Esta iniciativa en formato JSON
field-updated = Última actualización
organisation-more = Sus otras iniciativas
initiative-commitments-title = Compromisos que cumple
initiative-commitments-intro = Gobiernos firmantes de un llamado a la acción señalan esta iniciativa como parte de lo que se comprometieron a hacer.
initiative-events-title = Eventos en los que se presentó

## Territorios
places-title = Territorios
places-lead = Ciudades, áreas metropolitanas y regiones que han publicado iniciativas.
places-initiatives = Iniciativas
place-population = Población
place-time-zone = Huso horario
place-coordinates = Coordenadas
place-source = Datos de GeoNames (CC BY 4.0).
place-no-facts = Todavía no se dispone de datos sobre este territorio.
place-initiatives = { $count ->
    [one] Una iniciativa
   *[other] { $formatted } iniciativas
}
place-kind-city = Ciudad
place-kind-metropolitan-area = Área metropolitana
place-kind-region = Región
place-meta = { $place } ({ $country }): { $count } iniciativas, los llamados a la acción que firmaron sus gobiernos, los eventos en que habló su gente y lugares parecidos.
place-region = Región del mundo
place-levels = Niveles de gobierno
place-themes = En qué trabaja
place-signed-title = Llamados a la acción que firmó
place-signed-none = Ningún gobierno de este lugar ha firmado aún un llamado a la acción.
place-committed-to = Se comprometió a:
place-events-title = Eventos en los que habló su gente
place-events-none = Nadie de este lugar ha hablado aún en un evento de aprendizaje.
place-peers-title = Lugares parecidos
place-peers-intro = Lugares de tamaño similar, de la misma región o que trabajan los mismos temas: buenos interlocutores para preguntar «¿cómo lo hicieron?».
place-peers-none = Aún no hay lugares parecidos: otros lugares deben publicar iniciativas primero.
peers-why-themes = También trabaja en { $themes }
peers-why-size = Tamaño similar ({ $population } habitantes)
peers-why-region = También en { $region }

## Fechas
date = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Errores de validación, por código
error-required = Este campo es obligatorio.
error-wrong_type = Este valor no es del tipo correcto.
error-too_short = Este valor es demasiado corto.
error-too_long = Este valor es demasiado largo.
error-too_many = Hay demasiados elementos.
error-invalid_format = Este valor no tiene el formato esperado.
error-unknown_value = Este valor no es uno de los permitidos.
error-unknown_language = Este idioma no está disponible; utilice inglés, francés, español o portugués.
error-missing_original_language = Indique este dato también en el idioma original.
error-duplicate = Este valor aparece dos veces.
error-invalid_date = Escriba la fecha con el formato AAAA-MM-DD.
error-date_order = La fecha de finalización es anterior a la fecha de inicio.
error-invalid_url = Indique una dirección web que empiece por http:// o https://.
error-invalid_country = Elija un país.
glossary-title = Glosario Praxis de políticas urbanas
