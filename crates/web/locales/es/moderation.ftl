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
