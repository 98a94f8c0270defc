# Textos da interface do Praxis (português). As chaves são comuns com en/, fr/ e es/.

## Estrutura da página
skip-to-content = Ir para o conteúdo
nav-label = Menu principal
nav-initiatives = Iniciativas
nav-places = Lugares
nav-about = Sobre
language-switcher = Idioma
search-label = Pesquisar iniciativas
search-placeholder = Pesquisar iniciativas, lugares, organizações…
search-button = Pesquisar
footer-tagline = Praxis: cidades que compartilham o que aprenderam, cada uma no seu próprio idioma.
footer-attribution = Dados sobre os lugares provenientes do
footer-api = Dados abertos e API
feed-title = Praxis: iniciativas publicadas recentemente

## Erros exibidos como página
error-not-found-title = Página não encontrada
error-not-found-text = Não há nenhuma página neste endereço. Ela pode ter sido movida, ou a iniciativa pode ter deixado de estar publicada.
error-browse = Ver todas as iniciativas
error-home = Página inicial

## Fichas
written-in = Escrita em
available-in = Disponível em

## Início
home-page-title = Início
home-title = Cidades que aprendem com cidades
home-lead = Governos locais e regionais publicam o que fizeram — planos, programas, serviços, regulamentações — para que os seus pares, em qualquer lugar do mundo, possam encontrá-lo no seu próprio idioma e aprender com essa experiência.
meta-description = Governos locais e regionais publicam o que fizeram — planos, programas, serviços, regulamentações — para que os seus pares, em qualquer lugar do mundo, possam encontrá-lo no seu próprio idioma e aprender com essa experiência.
stat-initiatives = { $count ->
    [one] iniciativa
   *[other] iniciativas
}
stat-cities = { $count ->
    [one] cidade
   *[other] cidades
}
stat-countries = { $count ->
    [one] país
   *[other] países
}
stat-initiatives-short = { $count ->
    [one] { $formatted } iniciativa
   *[other] { $formatted } iniciativas
}
home-latest = Iniciativas mais recentes
home-all-initiatives = Ver todas as iniciativas
home-themes = Explorar por tema

## Sobre
about-title = Sobre o Praxis
about-lead = O Praxis é uma plataforma aberta na qual redes de cidades trocam o que aprenderam.
about-how-title = Como funciona
about-how-text = Um órgão público publica uma iniciativa no seu próprio idioma: o que se propôs a fazer, como, com quem, a que custo e com que resultados. Os seus pares podem encontrá-la por tema, lugar, objetivo e tipo, e cada iniciativa indica onde foi realizada e a quem se dirigir.
about-languages-title = Todos os idiomas, um só catálogo
about-languages-text = A interface está disponível em inglês, francês, espanhol e português, e as iniciativas são apresentadas no idioma em que foram escritas, com as traduções que os seus autores tenham acrescentado. A busca abrange todos esses idiomas.
about-data-title = Dados abertos
about-data-text = Tudo o que é publicado aqui está disponível como dados abertos por meio de uma API documentada, e pode ser exportado em JSON Lines por qualquer pessoa que opere uma instância do Praxis.
about-api = A descrição da API (OpenAPI)
about-search-api = A busca em JSON
about-credits-title = Créditos
about-credits-text = A população, as coordenadas e os fusos horários dos lugares provêm do
about-demo-text = As iniciativas de demonstração foram escritas para o Praxis: as cidades e os órgãos são reais, mas os números são ilustrativos.

## Catálogo
catalogue-title = Iniciativas
catalogue-results-for = Iniciativas correspondentes a “{ $query }”
catalogue-count = { $count ->
    [one] { $formatted } iniciativa
   *[other] { $formatted } iniciativas
}
catalogue-empty = Nenhuma iniciativa corresponde a estas palavras e filtros. Experimente usar menos filtros ou outras palavras.
why-concepts = Correspondência entre idiomas por meio do conceito { $concepts }.
quoted = “{ $text }”
why-meaning = Correspondência entre idiomas pelo significado.
search-too-long = Esta busca é longa demais: uma busca pode ter no máximo { $max } caracteres. Fique com as palavras que importam.
search-lexical-only = A busca multilíngue por significado não está disponível neste servidor no momento: os resultados correspondem às suas palavras e ao glossário multilíngue.
sort-label = Ordenar por
sort-relevance = Mais relevantes
sort-newest = Mais recentes primeiro
sort-oldest = Mais antigas primeiro
sort-title = Título (A–Z)
filters-title = Filtros
filters-apply = Aplicar
filters-clear = Limpar todos os filtros
filters-active = Filtros em uso
filters-remove = Remover: { $filter }
filters-chip = { $facet }: { $value }
filters-skip = Ir para os resultados
filters-live = Os resultados são atualizados assim que marca uma caixa.
results-label = Resultados
facet-theme = Tema
facet-aim = Objetivo
facet-kind = Tipo
facet-country = País
facet-language = Idioma de redação
facet-level = Nível de governo
facet-year = Ano de início
pagination-label = Páginas
pagination-previous = Anterior
pagination-next = Próxima
pagination-page = página { $page } de { $pages }

## Iniciativa
breadcrumb-label = Você está aqui
version-original = Texto original
version-translation = Tradução
version-read-original = Ler o original
facts-title = Em resumo
field-place = Lugar
field-country = País
field-organisation = Organização
field-level = Nível de governo
field-kind = Tipo
field-themes = Temas
field-aims = Objetivos
field-started = Início
field-ended = Fim
field-partners = Parceiros
field-links = Links
field-language = Idioma de redação
initiative-json = Esta iniciativa em JSON
field-updated = Última atualização
organisation-more = As suas outras iniciativas
initiative-commitments-title = Compromissos que cumpre
initiative-commitments-intro = Governos signatários de uma chamada à ação indicam esta iniciativa como parte do que se comprometeram a fazer.
initiative-events-title = Eventos em que foi apresentada

## Lugares
places-title = Lugares
places-lead = Cidades, áreas metropolitanas e regiões que publicaram iniciativas.
places-initiatives = Iniciativas
place-population = População
place-time-zone = Fuso horário
place-coordinates = Coordenadas
place-source = Dados do GeoNames (CC BY 4.0).
place-no-facts = Ainda não há dados conhecidos sobre este lugar.
place-initiatives = { $count ->
    [one] { $formatted } iniciativa
   *[other] { $formatted } iniciativas
}
place-kind-city = Cidade
place-kind-metropolitan-area = Área metropolitana
place-kind-region = Região
place-meta = { $place } ({ $country }): { $count } iniciativas, as chamadas à ação que os seus governos assinaram, os eventos em que a sua gente falou e lugares parecidos.
place-region = Região do mundo
place-levels = Níveis de governo
place-themes = Em que trabalha
place-signed-title = Chamadas à ação que assinou
place-signed-none = Nenhum governo deste lugar assinou ainda uma chamada à ação.
place-committed-to = Comprometeu-se com:
place-events-title = Eventos em que a sua gente falou
place-events-none = Ninguém deste lugar falou ainda num evento de aprendizagem.
place-peers-title = Lugares parecidos
place-peers-intro = Lugares de tamanho semelhante, da mesma região ou que trabalham os mesmos temas: bons interlocutores para perguntar «como fizeram?».
place-peers-none = Ainda não há lugares parecidos: outros lugares precisam primeiro de publicar iniciativas.
peers-why-themes = Também trabalha em { $themes }
peers-why-size = Tamanho semelhante ({ $population } habitantes)
peers-why-region = Também em { $region }

## Datas
date = { $day } de { $month } de { $year }
month-1 = janeiro
month-2 = fevereiro
month-3 = março
month-4 = abril
month-5 = maio
month-6 = junho
month-7 = julho
month-8 = agosto
month-9 = setembro
month-10 = outubro
month-11 = novembro
month-12 = dezembro

## Erros de validação, por código
error-required = Este campo é obrigatório.
error-wrong_type = Este valor é de um tipo incorreto.
error-too_short = Este valor é curto demais.
error-too_long = Este valor é longo demais.
error-too_many = Há elementos demais.
error-invalid_format = Este valor não está no formato esperado.
error-unknown_value = Este valor não está entre os valores permitidos.
error-unknown_language = Este idioma não está disponível; use inglês, francês, espanhol ou português.
error-missing_original_language = Preencha este campo também no idioma original.
error-duplicate = Este valor aparece duas vezes.
error-invalid_date = Escreva a data no formato AAAA-MM-DD.
error-date_order = A data final é anterior à data inicial.
error-invalid_url = Indique um endereço web que comece com http:// ou https://.
error-invalid_country = Escolha um país.
glossary-title = Glossário Praxis de políticas urbanas
