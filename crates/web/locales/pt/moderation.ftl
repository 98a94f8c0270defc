## Sinalizações dos leitores, e o que é comunicado aos editores.

status-hidden = ocultada após uma sinalização
report-title = Sinalizar um problema nesta iniciativa
report-reason = Qual é o problema?
report-reason-incorrect = Há informações incorretas
report-reason-offensive = É ofensiva ou incita ao ódio
report-reason-personal_data = Revela dados pessoais de alguém
report-reason-copyright = Copia o trabalho de outra pessoa
report-reason-spam = É publicidade ou spam
report-reason-other = Outro motivo
report-details = Mais informações para os editores
report-send = Enviar a sinalização
report-thanks = Obrigado. Os editores vão analisar a sua sinalização.
editor-reports = { $count ->
    [one] { $formatted } sinalização a resolver
   *[other] { $formatted } sinalizações a resolver
}
editor-no-reports = Nenhuma sinalização pendente.
editor-report-note = Nota para o registro
editor-hide = Ocultar a iniciativa
editor-dismiss = Arquivar a sinalização
mail-report-subject = Um leitor sinalizou uma iniciativa no Praxis
mail-report-body = Olá,

    um leitor sinalizou a iniciativa { $id }. Resolva a sinalização no painel dos editores:

    { $link }

    — Praxis
mail-hidden-changed-subject = Uma iniciativa oculta foi alterada: { $title }
mail-hidden-changed-body = Olá,

    Os autores de “{ $title }” ({ $id }) alteraram-na depois de os editores a ocultarem. Continua oculta até que um editor a reveja na mesa de trabalho:

    { $link }

    — Praxis
mail-submitted-subject = Para revisão no Praxis: { $title }
mail-submitted-body = Olá,

    “{ $title }” foi enviada para revisão e está pendente no painel dos editores:

    { $link }

    — Praxis
audit-title = Registro de auditoria
audit-intro = Todas as ações dos editores e administradores, das mais recentes para as mais antigas.
audit-action = Ação
audit-subject = Objeto
audit-detail = Detalhe
audit-filter = Filtrar o registo de auditoria
audit-any-action = Qualquer ação
audit-who = Pessoa ou objeto
audit-apply = Aplicar
audit-pages = Páginas do registo de auditoria
audit-newer = Entradas mais recentes
audit-older = Entradas mais antigas
audit-count = { $count ->
    [one] Uma entrada
   *[other] { $count } entradas
}
audit-action-initiative-save = Guardou uma iniciativa
audit-action-initiative-publish = Publicou uma iniciativa
audit-action-initiative-return = Devolveu uma iniciativa aos seus autores
audit-action-initiative-unpublish = Despublicou uma iniciativa
audit-action-initiative-restore = Restaurou uma versão anterior
audit-action-report-hide = Ocultou uma iniciativa denunciada
audit-action-report-dismiss = Arquivou uma denúncia
audit-action-membership-verify = Verificou uma adesão
audit-action-membership-refuse = Recusou uma adesão
audit-action-account-role = Alterou uma função
audit-action-organisation-update = Alterou uma organização
audit-action-call-save = Guardou uma chamada à ação
audit-action-call-verify = Verificou um signatário
audit-action-call-reject = Recusou um pedido de assinatura
audit-action-event-save = Guardou um evento
audit-action-event-registrants-export = Descarregou os inscritos de um evento
