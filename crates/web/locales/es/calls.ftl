# Llamados a la acción
nav-calls = Llamados a la acción
calls-title = Llamados a la acción
calls-intro = Las redes de ciudades publican llamados que firman gobiernos locales y regionales e instituciones. Cada registro muestra quién se ha sumado, cuándo y con qué se ha comprometido.
calls-none = No hay ningún llamado abierto en este momento.
calls-status-draft = Borrador
calls-status-open = Abierto a la firma
calls-status-closed = Cerrado
calls-dates-open = abierto desde el { $opens }
calls-dates-closing = abierto del { $opens } al { $closes }
calls-signatory-count = { $count ->
    [one] { $formatted } firmante
   *[other] { $formatted } firmantes
}
calls-shown-count = { $count ->
    [one] { $formatted } mostrado
   *[other] { $formatted } mostrados
}
calls-point-count = { $count ->
    [one] { $formatted } firmante
   *[other] { $formatted } firmantes
}
calls-join-link = Sumarse al llamado
calls-working-points = Ejes de trabajo
calls-version = Versión del texto:
calls-latest = Últimos firmantes
calls-register-link = Ver el registro completo
calls-register-title = Registro: { $call }
calls-register-heading = Registro de firmantes
calls-filter-type = Tipo
calls-filter-country = País
calls-filter-point = Eje de trabajo
calls-filter-any = Todos
calls-map-title = Mapa de firmantes
calls-map-description = { $count } de { $total } firmantes aparecen en el mapa; la lista de abajo los nombra a todos.
calls-map-caption = Dibujado por Praxis a partir de los contornos terrestres de Natural Earth (dominio público).
calls-chart-title = Firmantes a lo largo del tiempo: total acumulado al final de cada mes
calls-chart-table = Mostrar las cifras en una tabla
calls-chart-month = Mes
calls-chart-added = Nuevos firmantes
calls-chart-total = Total
calls-list-heading = Firmantes
calls-register-empty = Todavía ningún firmante corresponde a estos filtros.
calls-joined = Firmante desde el
calls-open-data = Datos abiertos
calls-download-csv = Descargar el registro (CSV)
calls-download-json = El registro en JSON
calls-feed-link = Nuevos firmantes (canal Atom)
calls-feed-title = Nuevos firmantes: { $call }
calls-feed-entry = { $name } ({ $type }, { $place }) se ha sumado al llamado.
calls-signed-version = Versión del llamado firmada
calls-version-current = versión actual:
calls-commitments = Compromisos
calls-carried-out = Iniciativas que los llevan a cabo
calls-no-initiatives = Todavía no se ha vinculado ninguna iniciativa.
calls-badge-title = Distintivo para su sitio web
calls-badge-intro = Muestre que su institución ha firmado: copie este código en su sitio web.
calls-badge-heading = Firmante del llamado
calls-badge-code = Código HTML del distintivo
signatory-type-local-government = Gobierno local
signatory-type-metropolitan-government = Gobierno metropolitano
signatory-type-regional-government = Gobierno regional
signatory-type-public-institution = Otra institución pública
signatory-type-organisation = Organización
signatory-type-network = Red

# Adhesión
calls-join-title = Sumarse al llamado
calls-join-intro = Complete este formulario en nombre de su institución. Enviaremos un enlace a la dirección de correo electrónico que indique; una vez que lo confirme, el equipo de la red revisa la solicitud antes de que su institución aparezca en el registro.
calls-join-institution = Nombre de la institución
calls-join-kind = Tipo de institución
calls-join-kind-choose = Elija un tipo
calls-join-city = Ciudad o lugar
calls-join-country = País
calls-join-country-choose = Elija un país
calls-join-representative-name = Nombre de la persona representante
calls-join-representative-role = Cargo de la persona representante
calls-join-email = Correo electrónico
calls-join-email-hint = Solo se usa para confirmar esta solicitud y comunicarle la decisión. Nunca se publica.
calls-join-points = Ejes de trabajo con los que se compromete su institución
calls-join-consent = Aceptamos que el nombre, el tipo, el lugar, la fecha de adhesión y los compromisos de nuestra institución se publiquen en el registro público y como datos abiertos.
calls-join-consent-legend = Publicación
calls-join-submit = Enviar la solicitud
calls-join-problem = Algunos campos requieren su atención; están señalados abajo.
calls-join-closed = Este llamado no acepta firmas en este momento.
calls-join-throttled = Se han enviado demasiadas solicitudes desde su conexión. Vuelva a intentarlo dentro de una hora.
calls-join-private = El nombre y el correo electrónico de la persona representante nunca se muestran públicamente.
calls-sent-title = Revise su correo electrónico
calls-sent-text = Hemos enviado un enlace de confirmación a la dirección indicada. Ábralo para confirmar la solicitud; después la revisará el equipo de la red.
calls-confirm-title = Confirme su solicitud
calls-confirm-text = Confirme que envió esta solicitud para firmar el llamado en nombre de { $institution }.
calls-confirm-button = Confirmar la solicitud
calls-confirmed-title = Solicitud confirmada
calls-confirmed-text = Gracias. El equipo de la red revisará su solicitud y recibirá un correo cuando su institución figure en el registro.
calls-confirm-unknown = Este enlace de confirmación no es válido. Compruebe que se copió completo o vuelva a enviar el formulario.
calls-confirm-already = Esta solicitud ya fue confirmada. No tiene que hacer nada más.
calls-back-to-call = Volver al llamado

# Correos
calls-mail-confirm-subject = Confirme su firma de «{ $call }»
calls-mail-confirm-text = Hola, { $name }:

    Hemos recibido una solicitud para firmar el llamado «{ $call }» en nombre de { $institution }.

    Para confirmarla, abra este enlace:
    { $link }

    Después, el equipo de la red revisará la solicitud antes de que { $institution } aparezca en el registro público. Si usted no envió esta solicitud, ignore este mensaje: no se publicará nada.
calls-mail-verified-subject = { $institution } se ha sumado a «{ $call }»
calls-mail-verified-text = Hola, { $name }:

    { $institution } figura ya en el registro público del llamado «{ $call }»:
    { $link }

    Su página ofrece un distintivo que puede colocar en su propio sitio web.
calls-mail-rejected-subject = Su solicitud para firmar «{ $call }»
calls-mail-rejected-text = Hola, { $name }:

    El equipo de la red no ha podido aceptar la solicitud para firmar el llamado «{ $call }» en nombre de { $institution }, por el siguiente motivo:

    { $reason }

    Puede responder al equipo de la red o enviar una nueva solicitud.

# Miembros
calls-member-title = Firmar en nombre de su organización
calls-member-intro = Como miembro verificado de { $organisation }, puede firmar en su nombre en un solo paso. Entra de inmediato en el registro.
calls-member-button = Firmar en nombre de { $organisation }
calls-member-place = Ciudad o lugar de { $organisation }

# Equipo editorial
calls-editor-title = Llamados: mesa editorial
calls-editor-queue = Solicitudes pendientes de verificación
calls-editor-queue-empty = No hay ninguna solicitud confirmada pendiente.
calls-editor-requested = Solicitado el
calls-editor-representative = Representante
calls-editor-verify = Verificar
calls-editor-reject = Rechazar
calls-editor-reason = Motivo del rechazo (se envía a quien lo solicitó)
calls-editor-reason-missing = Indique un motivo: se comunicará a quien lo solicitó.
calls-editor-merge = Ya figura en el registro como { $name }: al verificar, estos compromisos se añaden a su ficha.
calls-editor-verified = { $name } figura ya en el registro.
calls-editor-rejected = La solicitud ha sido rechazada y se ha comunicado el motivo.
calls-editor-calls = Llamados
calls-editor-new = Redactar un nuevo llamado
calls-editor-edit = Editar
calls-editor-new-title = Nuevo llamado
calls-editor-edit-title = Editar el llamado
calls-editor-saved = El llamado se ha guardado.
calls-editor-save = Guardar el llamado
calls-editor-preview = Vista previa
calls-field-id = Identificador (se usa en las direcciones; letras minúsculas, cifras y guiones)
calls-field-title = Título
calls-field-text = Texto (Markdown)
calls-field-language = En { $language }
calls-field-points = Ejes de trabajo
calls-field-points-hint = Cada eje de trabajo conserva su identificador para siempre: los firmantes se comprometen con él. Deje una fila vacía para omitirla.
calls-field-point-id = Identificador del eje { $n }
calls-field-point-text = Eje { $n } en { $language }
calls-field-opens = Fecha de apertura (AAAA-MM-DD)
calls-field-closes = Fecha de cierre (AAAA-MM-DD, opcional)
calls-field-status = Estado
error-invalid_email = Indique una dirección de correo electrónico, por ejemplo nombre@ejemplo.org.
error-consent_required = El registro es público: acepte la publicación para sumarse.
error-missing_translation = Indíquelo en cada idioma del llamado.
calls-link-label = Iniciativas que llevan a cabo estos compromisos
calls-link-hint = Los identificadores o direcciones de iniciativas publicadas, uno por línea.
calls-link-unknown = Ninguna iniciativa publicada tiene este identificador: { $ids }
calls-link-button = Guardar los vínculos
calls-link-title = Vincular las iniciativas que cumplen estos compromisos
calls-link-find = Buscar iniciativas por sus palabras, su ciudad o su título
calls-link-search = Buscar
calls-link-start = Aún no hay nada vinculado: busque arriba y marque lo que cumple estos compromisos.
calls-link-none-found = La búsqueda no encontró ninguna otra iniciativa publicada. Pruebe con otras palabras.
calls-link-paste = O pegue direcciones o identificadores
calls-link-paste-label = Direcciones o identificadores de iniciativas publicadas
calls-editor-twins = { $count ->
    [one] Hay otra solicitud pendiente para la misma institución: verificar ambas da una sola ficha.
   *[other] Hay { $formatted } solicitudes más pendientes para la misma institución: verificarlas da una sola ficha.
}
