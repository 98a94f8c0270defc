history-title = Histórico
history-from = Da versão
history-to = à versão
history-compare = Comparar
history-changes = Alterações entre as versões
history-no-change = Estas duas versões são idênticas.
history-revisions = Versões
history-revision = Versão
history-when = Quando
history-who = Quem
history-status = Situação
history-restore = Restaurar
status-published = publicada
status-draft = rascunho
status-submitted = enviada para revisão
editor-title = Painel dos editores
editor-memberships = { $count ->
    [one] { $formatted } pedido de adesão pendente
   *[other] { $formatted } pedidos de adesão pendentes
}
editor-submitted = { $count ->
    [one] { $formatted } iniciativa a revisar
   *[other] { $formatted } iniciativas a revisar
}
editor-nothing = Não há nada pendente de revisão.
editor-submitted-on = enviada em
editor-read = ler a iniciativa e as suas alterações
editor-comment = Comentário para o autor
editor-comment-hint = obrigatório ao devolver
editor-publish = Publicar
editor-return = Devolver
mail-published-subject = Publicada no Praxis: { $title }
mail-published-body = Olá, { $name },

    um editor publicou “{ $title }”. A partir de agora, todos podem encontrá-la no Praxis.
    { $comment }

    { $link }

    — Praxis
mail-returned-subject = Alterações solicitadas: { $title }
mail-returned-body = Olá, { $name },

    um editor devolveu “{ $title }” com o seguinte comentário:

    { $comment }

    Altere a iniciativa e envie-a novamente. O seu histórico: { $link }

    — Praxis
editor-comment-missing = Escreva o que o autor deve alterar antes de devolver a iniciativa.
unpublish-title = Cancelar a publicação
unpublish-reason = Motivo, enviado ao autor
unpublish-reason-missing = Indique o motivo: o autor será informado.
unpublish-button = Cancelar a publicação
mail-unpublished-subject = Retirada do Praxis: { $title }
mail-unpublished-body = Olá, { $name },

    um editor retirou “{ $title }” do site público pelo seguinte motivo:

    { $comment }

    A iniciativa foi mantida como rascunho, com o seu histórico. Altere-a e envie-a novamente: { $link }

    — Praxis
editor-change = Alteração de uma iniciativa publicada; a versão publicada permanece pública até que seja tomada uma decisão.
status-change-waiting = publicada; uma alteração aguarda revisão
editor-calls-desk = Chamadas à ação: pedidos a verificar, chamadas a redigir
history-back = Voltar à página
history-first = A primeira versão.

# The difference between two revisions: each changed field, before and after.
history-before = Antes
history-after = Depois
history-empty = (nada)
history-field-title = Título
history-field-summary = Resumo
history-field-body = Descrição completa
history-field-city = Cidade
history-field-country = País
history-field-organisation = Organização
history-field-kind = Tipo
history-field-level = Nível de governo
history-field-themes = Temas
history-field-aims = Objetivos
history-field-started = Início
history-field-ended = Fim
history-field-links = Ligações
history-field-partners = Parceiros
history-field-status = Estado
history-field-language = Escrita em
history-field-id = Identificador
history-field-text = Texto
history-field-opens = Abertura
history-field-closes = Encerramento
history-field-working-points = Eixos de trabalho
history-field-start = Começa
history-field-end = Termina
history-field-time-zone = Fuso horário
history-field-capacity = Vagas
history-field-format = Formato
history-field-languages = Idiomas
history-field-interpretation = Interpretação
history-field-description = Descrição
history-field-online-link = Ligação online
history-field-venue = Local
history-field-speakers = Oradores
history-field-initiatives = Iniciativas
