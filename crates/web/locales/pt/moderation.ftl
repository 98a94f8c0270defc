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
