# Aprendizagem ao vivo: eventos, inscrições, calendários, o centro de conhecimento (português).
nav-events = Eventos

## Listas
events-title = Eventos
events-lead = Webinários, intercâmbios entre pares e workshops em que representantes de cidades e regiões apresentam o que fizeram, em vários idiomas.
events-hub-link = Sessões anteriores: gravações e notas de síntese
events-upcoming-link = Próximos eventos
events-subscribe = Assinar este calendário (iCalendar)
events-calendar-name = Eventos do Praxis
events-filter-theme = Tema
events-filter-language = Idioma em que acompanha
events-filter-any = Qualquer
events-filter-apply = Mostrar eventos
events-none = Não há eventos previstos no momento. As sessões anteriores continuam disponíveis com as suas gravações.
events-none-filtered = Nenhum próximo evento corresponde a estes filtros.
events-hub-title = Centro de conhecimento: sessões anteriores
events-hub-lead = O que foi dito nas sessões anteriores, por tema: gravações, notas de síntese e as iniciativas debatidas.
events-hub-none = Ainda não houve nenhuma sessão.
events-hub-themes = Temas
events-hub-search = Pesquisar nas sessões passadas
events-hub-words = Palavras
events-hub-apply = Mostrar sessões
events-hub-all = Todas as sessões passadas
events-hub-none-filtered = Nenhuma sessão passada corresponde. Experimente menos palavras ou outro tema.

## Um evento
events-format = Formato
events-format-webinar = Webinário
events-format-peer-exchange = Intercâmbio entre pares
events-format-workshop = Workshop
events-format-conference = Conferência
events-when = Quando
events-utc = Em UTC
events-your-time = No seu fuso horário
events-languages = Idiomas falados
events-interpretation = Interpretação para
events-where = Onde
events-venue = Local
events-online = On-line
events-online-private = On-line: o link é enviado às pessoas inscritas.
events-seats = Vagas
events-seats-left = { $count ->
    [one] Resta { $formatted } vaga
   *[other] Restam { $formatted } vagas
}
events-full = Vagas esgotadas: novas inscrições entram na lista de espera
events-full-waiting = As vagas deste evento estão esgotadas. Inscreva-se para entrar na lista de espera: quando alguém cancelar, a primeira pessoa da lista fica com a vaga e recebe um e-mail.
events-speakers = Oradores
events-recording-title = Gravação
events-recording = Assistir à gravação
events-briefing = Nota de síntese
events-initiatives = Iniciativas debatidas
events-add-to-calendar = Adicionar ao meu calendário (.ics)
events-edit-link = Editar este evento
events-registrants-link = Inscrições

## Inscrição
events-register-title = Inscrever-se
events-register-as = Sessão iniciada como
events-register-button = Inscrever-se
events-join-waiting-list = Entrar na lista de espera
events-field-name = Nome
events-field-email = Endereço de e-mail
events-field-organisation = Organização
events-field-consent = Concordo que a organização do evento guarde o meu nome, endereço de e-mail e organização para a gestão deste evento e para o envio de mensagens sobre ele.
events-optional = opcional
events-form-has-errors = Algumas respostas precisam ser corrigidas; cada problema é indicado ao lado do campo correspondente.
events-closed = As inscrições estão encerradas: este evento já começou.
events-registered-title = Inscrição confirmada
events-registered-text = A sua vaga está reservada. Foi enviado um e-mail de confirmação com o evento para o seu calendário.
events-waiting-title = Inscrição na lista de espera
events-waiting-text = As vagas do evento estão esgotadas, por isso a inscrição está na lista de espera. Se alguém cancelar, a vaga vai para a primeira pessoa da lista, que é avisada imediatamente por e-mail.
events-cancelled-title = A sua inscrição foi cancelada
events-cancelled-text = A sua inscrição foi cancelada. Obrigado por liberar a sua vaga para outra pessoa.
events-join-online = Participar on-line
events-cancel-text = Não vai poder participar? Ao cancelar, a sua vaga passa para a próxima pessoa da lista de espera.
events-cancel-button = Cancelar a minha inscrição

## E-mail
events-mail-hello = Olá, { $name },
events-mail-confirmation-subject = Inscrição confirmada: { $title }
events-mail-confirmation-text = A sua vaga está reservada. O arquivo anexo adiciona o evento ao seu calendário.
events-mail-waiting-subject = Lista de espera: { $title }
events-mail-waiting-text = As vagas do evento estão esgotadas, por isso a sua inscrição está na lista de espera. Se uma vaga for liberada, ela será sua e enviaremos um aviso imediatamente.
events-mail-promoted-subject = Vaga garantida: { $title }
events-mail-promoted-text = Boa notícia: uma vaga foi liberada e agora é sua. O arquivo anexo adiciona o evento ao seu calendário.
events-mail-reminder-subject = Amanhã: { $title }
events-mail-reminder-text = Lembrete: o evento em que se inscreveu começa em cerca de um dia.
events-mail-cancelled-subject = Cancelada: { $title }
events-mail-cancelled-text = A sua inscrição foi cancelada.
events-mail-cancel = Não vai poder participar? Cancele aqui, para que alguém da lista de espera fique com a sua vaga:
events-mail-again = Mudou de ideia? Para se inscrever novamente, use este link:
events-mail-signature = Praxis: cidades que compartilham o que aprenderam.

## Equipe editorial
events-new-title = Novo evento
events-edit-title = Editar: { $title }
events-save = Salvar o evento
events-field-id = Identificador (gerado a partir do título se ficar em branco)
events-field-language = Idioma em que o evento é descrito
events-field-title = Título
events-field-description = Descrição
events-field-briefing = Nota de síntese (Markdown, após o evento)
events-field-start = Início (hora local do lugar onde ocorre)
events-field-end = Fim (hora local)
events-field-time-zone = Fuso horário: escreva a cidade (Montevideo) ou o fuso (America/Montevideo)
events-field-speakers = Oradores, um por linha: nome | cargo | organização | lugar
events-field-online-link = Link on-line (mostrado apenas às pessoas inscritas)
events-field-capacity = Vagas (em branco para não limitar)
events-field-recording = Link da gravação
events-field-initiatives = Iniciativas debatidas (os seus identificadores, um por linha)
events-registrants-title = Inscrições: { $title }
events-registrants-private = Dados pessoais: apenas para a organização do evento.
events-export-csv = Baixar em CSV
events-no-registrants = Ainda não há nenhuma inscrição.
events-status = Situação
events-status-confirmed = Confirmada
events-status-waiting = Lista de espera
events-status-cancelled = Cancelada
events-registered-at = Data de inscrição
events-member = membro

## Problemas nos dados informados
events-error-required = Este campo é obrigatório.
events-error-wrong_type = Este valor é de um tipo incorreto.
events-error-too_short = Este valor é curto demais.
events-error-too_long = Este valor é longo demais.
events-error-too_many = Há itens demais.
events-error-invalid_format = Este valor não está no formato esperado.
events-error-unknown_value = Escolha uma das opções.
events-error-missing_original_language = Informe este conteúdo também no idioma do evento.
events-error-duplicate = Este valor já está em uso ou aparece duas vezes.
events-error-invalid_url = Informe um endereço web que comece por http:// ou https://.
events-error-invalid_datetime = Informe uma data e uma hora, por exemplo 2026-03-26T10:00.
events-error-unknown_time_zone = Informe o nome de um fuso horário IANA, por exemplo Europe/Paris ou America/Montevideo.
events-error-nonexistent_time = Este horário não existe nesse local, pois é suprimido na mudança para o horário de verão. Escolha outro horário.
events-error-date_order = O fim deve ser posterior ao início.
events-error-too_long_duration = Um evento dura no máximo duas semanas.
events-error-invalid_capacity = Informe um número de vagas de 1 a 100 000, ou deixe em branco para não limitar.
events-error-online_or_venue = Informe um link on-line, um local ou ambos.
events-error-invalid_email = Informe um endereço de e-mail, por exemplo nome@exemplo.org.
events-error-consent_required = Marque esta caixa para se inscrever: é necessária a sua concordância para guardar os seus dados.
events-manage-by-mail = O e-mail enviado contém o link da sua inscrição: lá estão o link on-line (quando a sua vaga for confirmada) e o botão para cancelar.
events-error-unsafe_markup = Remova o script: o texto pode conter formatação e links, mas não scripts nem manipuladores de eventos.
events-mail-already-subject = A sua inscrição: { $title }
events-mail-already-body = Olá { $name },

    Alguém (talvez você) pediu para inscrever este endereço em “{ $title }”, onde já está inscrito. Nada mudou. A sua inscrição, com o botão para a cancelar, está aqui:

    { $link }

    Se não foi você, não precisa de fazer nada.

    — Praxis
