history-title = Historial
history-from = De la versión
history-to = a la versión
history-compare = Comparar
history-changes = Cambios de la versión
history-no-change = Estas dos versiones son iguales.
history-revisions = Versiones
history-revision = Versión
history-when = Cuándo
history-who = Quién
history-status = Estado
history-restore = Restablecer
status-published = publicada
status-draft = borrador
status-submitted = enviada para revisión
editor-title = Mesa de edición
editor-memberships = { $count ->
    [one] { $formatted } solicitud de membresía pendiente
   *[other] { $formatted } solicitudes de membresía pendientes
}
editor-submitted = { $count ->
    [one] { $formatted } iniciativa por revisar
   *[other] { $formatted } iniciativas por revisar
}
editor-nothing = No hay nada pendiente de revisión.
editor-submitted-on = enviada el
editor-read = leerla, con sus cambios
editor-comment = Comentario para quien la escribió
editor-comment-hint = obligatorio al devolverla
editor-publish = Publicar
editor-return = Devolver
mail-published-subject = Publicada en Praxis: { $title }
mail-published-body = Hola, { $name }:

    Un editor publicó «{ $title }». Ya todos pueden encontrarla en Praxis.
    { $comment }

    { $link }

    — Praxis
mail-returned-subject = Para revisar: { $title }
mail-returned-body = Hola, { $name }:

    Un editor le devolvió «{ $title }» con este comentario:

    { $comment }

    Modifíquela y envíela de nuevo. Su historial: { $link }

    — Praxis
editor-comment-missing = Escriba qué debe cambiar quien la escribió antes de devolverla.
unpublish-title = Retirar de la publicación
unpublish-reason = Motivo, enviado a quien la escribió
unpublish-reason-missing = Indique el motivo: se le comunica a quien la escribió.
unpublish-button = Retirarla
mail-unpublished-subject = Retirada de Praxis: { $title }
mail-unpublished-body = Hola, { $name }:

    Un editor retiró «{ $title }» del sitio público por este motivo:

    { $comment }

    Se conserva con su historial como borrador. Modifíquela y envíela de nuevo: { $link }

    — Praxis
editor-change = Un cambio a una iniciativa publicada; la versión publicada sigue en línea hasta que usted decida.
status-change-waiting = publicada; un cambio espera revisión
editor-calls-desk = Llamados a la acción: solicitudes por verificar, llamados por redactar
history-back = Volver a la página
history-first = La primera versión.

# The difference between two revisions: each changed field, before and after.
history-before = Antes
history-after = Después
history-empty = (nada)
history-field-title = Título
history-field-summary = Resumen
history-field-body = Descripción completa
history-field-city = Ciudad
history-field-country = País
history-field-organisation = Organismo
history-field-kind = Tipo
history-field-level = Nivel de gobierno
history-field-themes = Temas
history-field-aims = Objetivos
history-field-started = Inicio
history-field-ended = Fin
history-field-links = Enlaces
history-field-partners = Socios
history-field-status = Estado
history-field-language = Escrita en
history-field-id = Identificador
history-field-text = Texto
history-field-opens = Apertura
history-field-closes = Cierre
history-field-working-points = Ejes de trabajo
history-field-start = Comienza
history-field-end = Termina
history-field-time-zone = Zona horaria
history-field-capacity = Plazas
history-field-format = Formato
history-field-languages = Idiomas
history-field-interpretation = Interpretación
history-field-description = Descripción
history-field-online-link = Enlace en línea
history-field-venue = Lugar
history-field-speakers = Ponentes
history-field-initiatives = Iniciativas
