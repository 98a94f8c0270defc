## Denuncias de lectores, y lo que reciben los editores.

status-hidden = oculta tras una denuncia
report-title = Informar de un problema con esta iniciativa
report-reason = ¿Qué ocurre?
report-reason-incorrect = Algo no es correcto
report-reason-offensive = Es ofensiva o de odio
report-reason-personal_data = Revela datos personales de alguien
report-reason-copyright = Copia el trabajo de otra persona
report-reason-spam = Es publicidad o spam
report-reason-other = Otra cosa
report-details = Más detalles para los editores
report-send = Enviar el aviso
report-thanks = Gracias. Los editores revisarán su aviso.
editor-reports = { $count ->
    [one] { $formatted } aviso por resolver
   *[other] { $formatted } avisos por resolver
}
editor-no-reports = No hay avisos pendientes.
editor-report-note = Nota para el registro
editor-hide = Ocultar la iniciativa
editor-dismiss = Descartar el aviso
mail-report-subject = Un lector informó de una iniciativa en Praxis
mail-report-body = Hola:

    Un lector informó de un problema con la iniciativa { $id }. Resuélvalo en la mesa de edición:

    { $link }

    — Praxis
mail-hidden-changed-subject = Se modificó una iniciativa oculta: { $title }
mail-hidden-changed-body = Hola:

    Los autores de «{ $title }» ({ $id }) la modificaron después de que los editores la ocultaran. Sigue oculta hasta que un editor la revise de nuevo en el escritorio:

    { $link }

    — Praxis
mail-submitted-subject = Para revisar en Praxis: { $title }
mail-submitted-body = Hola:

    «{ $title }» se envió para revisión. Espera en la mesa de edición:

    { $link }

    — Praxis
audit-title = Registro de auditoría
audit-intro = Cada acción de editores y administradores, de la más reciente a la más antigua.
audit-action = Acción
audit-subject = Objeto
audit-detail = Detalle
audit-filter = Filtrar el registro de auditoría
audit-any-action = Cualquier acción
audit-who = Persona u objeto
audit-apply = Aplicar
audit-pages = Páginas del registro de auditoría
audit-newer = Entradas más recientes
audit-older = Entradas más antiguas
audit-count = { $count ->
    [one] Una entrada
   *[other] { $count } entradas
}
audit-action-initiative-save = Guardó una iniciativa
audit-action-initiative-publish = Publicó una iniciativa
audit-action-initiative-return = Devolvió una iniciativa a sus autores
audit-action-initiative-unpublish = Despublicó una iniciativa
audit-action-initiative-restore = Restauró una versión anterior
audit-action-report-hide = Ocultó una iniciativa denunciada
audit-action-report-dismiss = Descartó una denuncia
audit-action-membership-verify = Verificó una membresía
audit-action-membership-refuse = Rechazó una membresía
audit-action-account-role = Cambió un rol
audit-action-organisation-update = Modificó una organización
audit-action-call-save = Guardó un llamado a la acción
audit-action-call-verify = Verificó un firmante
audit-action-call-reject = Rechazó una solicitud de firma
audit-action-event-save = Guardó un evento
audit-action-event-registrants-export = Descargó los inscritos de un evento
