# Chamadas à ação
nav-calls = Chamadas à ação
calls-title = Chamadas à ação
calls-intro = Redes de cidades publicam chamadas à ação que governos locais e regionais e instituições assinam. Cada registro mostra quem aderiu, quando e quais compromissos assumiu.
calls-none = Não há nenhuma chamada aberta no momento.
calls-status-draft = Rascunho
calls-status-open = Aberta para assinatura
calls-status-closed = Encerrada
calls-dates-open = aberta desde { $opens }
calls-dates-closing = aberta de { $opens } a { $closes }
calls-signatory-count = { $count ->
    [one] { $formatted } signatário
   *[other] { $formatted } signatários
}
calls-shown-count = { $count ->
    [one] { $formatted } exibido
   *[other] { $formatted } exibidos
}
calls-point-count = { $count ->
    [one] { $formatted } signatário
   *[other] { $formatted } signatários
}
calls-join-link = Aderir à chamada
calls-working-points = Pontos de trabalho
calls-version = Versão do texto:
calls-latest = Signatários mais recentes
calls-register-link = Ver o registro completo
calls-register-title = Registro: { $call }
calls-register-heading = Registro de signatários
calls-filter-type = Tipo
calls-filter-country = País
calls-filter-point = Ponto de trabalho
calls-filter-any = Todos
calls-map-title = Mapa dos signatários
calls-map-description = { $count } de { $total } signatários aparecem no mapa; a lista abaixo indica todos eles.
calls-map-caption = Desenhado pelo Praxis a partir dos contornos terrestres do Natural Earth (domínio público).
calls-chart-title = Signatários ao longo do tempo: total acumulado no fim de cada mês
calls-chart-table = Mostrar os números em tabela
calls-chart-month = Mês
calls-chart-added = Novos signatários
calls-chart-total = Total
calls-list-heading = Signatários
calls-register-empty = Ainda não há nenhum signatário que corresponda a estes filtros.
calls-joined = Adesão
calls-open-data = Dados abertos
calls-download-csv = Baixar o registro (CSV)
calls-download-json = O registro em JSON
calls-feed-link = Novos signatários (feed Atom)
calls-feed-title = Novos signatários: { $call }
calls-feed-entry = { $name } ({ $type }, { $place }) aderiu à chamada.
calls-signed-version = Versão da chamada assinada
calls-version-current = versão atual:
calls-commitments = Compromissos
calls-carried-out = Iniciativas que os põem em prática
calls-no-initiatives = Ainda não há nenhuma iniciativa vinculada.
calls-badge-title = Selo para o seu site
calls-badge-intro = Mostre que a sua instituição assinou: copie este código para o seu site.
calls-badge-heading = Signatário da chamada
calls-badge-code = Código HTML do selo
signatory-type-local-government = Governo local
signatory-type-metropolitan-government = Governo metropolitano
signatory-type-regional-government = Governo regional
signatory-type-public-institution = Outra instituição pública
signatory-type-organisation = Organização
signatory-type-network = Rede

# Adesão
calls-join-title = Aderir à chamada
calls-join-intro = Preencha este formulário em nome da sua instituição. Será enviado um link para o endereço de e-mail informado; após a confirmação, a equipe da rede analisa o pedido antes de a sua instituição aparecer no registro.
calls-join-institution = Nome da instituição
calls-join-kind = Tipo de instituição
calls-join-kind-choose = Escolha um tipo
calls-join-city = Cidade ou lugar
calls-join-country = País
calls-join-country-choose = Escolha um país
calls-join-representative-name = Nome do(a) representante
calls-join-representative-role = Cargo do(a) representante
calls-join-email = Endereço de e-mail
calls-join-email-hint = Usado apenas para confirmar este pedido e comunicar a decisão. Nunca é publicado.
calls-join-points = Pontos de trabalho com que a sua instituição se compromete
calls-join-consent = Concordamos que o nome, o tipo, o lugar, a data de adesão e os compromissos da nossa instituição sejam publicados no registro público e como dados abertos.
calls-join-consent-legend = Publicação
calls-join-submit = Enviar o pedido
calls-join-problem = Alguns campos precisam de atenção; estão assinalados abaixo.
calls-join-closed = Esta chamada não aceita assinaturas no momento.
calls-join-throttled = Foram enviados pedidos demais a partir da sua conexão. Tente novamente dentro de uma hora.
calls-join-private = O nome e o endereço de e-mail do(a) representante nunca são mostrados publicamente.
calls-sent-title = Consulte o seu e-mail
calls-sent-text = Foi enviado um link de confirmação para o endereço informado. Abra-o para confirmar o pedido; em seguida, ele segue para verificação pela equipe da rede.
calls-confirm-title = Confirme o seu pedido
calls-confirm-text = Confirme que enviou este pedido para assinar a chamada em nome de { $institution }.
calls-confirm-button = Confirmar o pedido
calls-confirmed-title = Pedido confirmado
calls-confirmed-text = Obrigado. A equipe da rede vai analisar o pedido, e será enviado um e-mail quando a sua instituição constar do registro.
calls-confirm-unknown = Este link de confirmação não é válido. Verifique se foi copiado por inteiro ou envie o formulário novamente.
calls-confirm-already = Este pedido já foi confirmado. Não é preciso fazer mais nada.
calls-back-to-call = Voltar à chamada

# E-mail
calls-mail-confirm-subject = Confirme a sua assinatura de “{ $call }”
calls-mail-confirm-text = Olá, { $name },

    Recebemos um pedido para assinar a chamada “{ $call }” em nome de { $institution }.

    Para confirmá-lo, abra este link:
    { $link }

    Em seguida, a equipe da rede vai analisar o pedido antes de { $institution } aparecer no registro público. Se não enviou este pedido, ignore esta mensagem: nada será publicado.
calls-mail-verified-subject = { $institution } aderiu a “{ $call }”
calls-mail-verified-text = Olá, { $name },

    { $institution } já consta do registro público da chamada “{ $call }”:
    { $link }

    A página da instituição oferece um selo que pode ser colocado no seu próprio site.
calls-mail-rejected-subject = O seu pedido para assinar “{ $call }”
calls-mail-rejected-text = Olá, { $name },

    A equipe da rede não pôde aceitar o pedido para assinar a chamada “{ $call }” em nome de { $institution }, pelo seguinte motivo:

    { $reason }

    É possível responder à equipe da rede ou enviar um novo pedido.

# Membros
calls-member-title = Assinar em nome da sua organização
calls-member-intro = Como membro verificado de { $organisation }, é possível assinar em nome dela em uma única etapa. A organização entra no registro imediatamente.
calls-member-button = Assinar em nome de { $organisation }
calls-member-place = Cidade ou lugar de { $organisation }

# Equipe editorial
calls-editor-title = Chamadas à ação: painel dos editores
calls-editor-queue = Pedidos pendentes de verificação
calls-editor-queue-empty = Nenhum pedido confirmado está pendente.
calls-editor-requested = Data do pedido
calls-editor-representative = Representante
calls-editor-verify = Verificar
calls-editor-reject = Rejeitar
calls-editor-reason = Motivo da rejeição (enviado a quem fez o pedido)
calls-editor-reason-missing = Indique um motivo: ele será comunicado a quem fez o pedido.
calls-editor-merge = Já consta do registro como { $name }: ao verificar, estes compromissos são acrescentados à entrada existente.
calls-editor-verified = { $name } já consta do registro.
calls-editor-rejected = O pedido foi rejeitado e o motivo foi comunicado a quem o fez.
calls-editor-calls = Chamadas à ação
calls-editor-new = Redigir uma nova chamada
calls-editor-edit = Editar
calls-editor-new-title = Nova chamada
calls-editor-edit-title = Editar a chamada
calls-editor-saved = A chamada foi salva.
calls-editor-save = Salvar a chamada
calls-editor-preview = Pré-visualização
calls-field-id = Identificador (usado nos endereços; letras minúsculas, algarismos e hifens)
calls-field-title = Título
calls-field-text = Texto (Markdown)
calls-field-language = Em { $language }
calls-field-points = Pontos de trabalho
calls-field-points-hint = Cada ponto de trabalho mantém o seu identificador para sempre, pois os signatários assumem compromissos com base nele. Deixe uma linha vazia para ignorá-la.
calls-field-point-id = Identificador do ponto de trabalho { $n }
calls-field-point-text = Ponto de trabalho { $n } em { $language }
calls-field-opens = Data de abertura (AAAA-MM-DD)
calls-field-closes = Data de encerramento (AAAA-MM-DD, opcional)
calls-field-status = Situação
error-invalid_email = Informe um endereço de e-mail, por exemplo nome@exemplo.org.
error-consent_required = O registro é público: para aderir, é preciso concordar com a publicação.
error-missing_translation = Informe este conteúdo em todos os idiomas da chamada.
calls-link-label = Iniciativas que põem em prática estes compromissos
calls-link-hint = Os identificadores ou endereços de iniciativas publicadas, um por linha.
calls-link-unknown = Nenhuma iniciativa publicada tem este identificador: { $ids }
calls-link-button = Salvar os vínculos
calls-link-title = Ligar as iniciativas que cumprem estes compromissos
calls-link-find = Encontrar iniciativas pelas suas palavras, cidade ou título
calls-link-search = Pesquisar
calls-link-start = Ainda nada está ligado: pesquise acima e marque o que cumpre estes compromissos.
calls-link-none-found = A pesquisa não encontrou outra iniciativa publicada. Experimente outras palavras.
calls-link-paste = Ou cole endereços ou identificadores
calls-link-paste-label = Endereços ou identificadores de iniciativas publicadas
calls-editor-twins = { $count ->
    [one] Há outro pedido pendente para a mesma instituição: a verificação dos dois gera uma única entrada.
   *[other] Há mais { $formatted } pedidos pendentes para a mesma instituição: a verificação de todos gera uma única entrada.
}
