# Aprendizaje en vivo: eventos, inscripciones, calendarios, centro de conocimiento (español).
nav-events = Eventos

## Listas
events-title = Eventos
events-lead = Seminarios web, intercambios entre pares y talleres en los que autoridades de ciudades y regiones presentan lo que hicieron, en varios idiomas.
events-hub-link = Sesiones anteriores: grabaciones y notas informativas
events-upcoming-link = Próximos eventos
events-subscribe = Suscribirse a este calendario (iCalendar)
events-calendar-name = Eventos de Praxis
events-filter-theme = Tema
events-filter-language = Idioma que sigue
events-filter-any = Cualquiera
events-filter-apply = Mostrar eventos
events-none = No hay eventos previstos por ahora. Las sesiones anteriores siguen disponibles con sus grabaciones.
events-none-filtered = Ningún próximo evento coincide con estos filtros.
events-hub-title = Centro de conocimiento: sesiones anteriores
events-hub-lead = Lo que se dijo en las sesiones anteriores, por tema: grabaciones, notas informativas y las iniciativas presentadas.
events-hub-none = Todavía no se ha celebrado ninguna sesión.
events-hub-themes = Temas
events-hub-search = Buscar en las sesiones pasadas
events-hub-words = Palabras
events-hub-apply = Mostrar sesiones
events-hub-all = Todas las sesiones pasadas
events-hub-none-filtered = Ninguna sesión pasada coincide. Pruebe con menos palabras u otro tema.

## Un evento
events-format = Formato
events-format-webinar = Seminario web
events-format-peer-exchange = Intercambio entre pares
events-format-workshop = Taller
events-format-conference = Conferencia
events-when = Cuándo
events-utc = En hora universal (UTC)
events-your-time = En su zona horaria
events-languages = Idiomas hablados
events-interpretation = Interpretación al
events-where = Dónde
events-venue = Lugar
events-online = En línea
events-online-private = En línea: el enlace se envía a las personas inscritas.
events-seats = Plazas
events-seats-left = { $count ->
    [one] Queda una plaza
   *[other] Quedan { $formatted } plazas
}
events-full = Completo: las inscripciones pasan a la lista de espera
events-full-waiting = Este evento está completo. Inscríbase para entrar en la lista de espera: si alguien cancela, la primera persona en espera obtiene la plaza y recibe un correo.
events-speakers = Ponentes
events-recording-title = Grabación
events-recording = Ver la grabación
events-briefing = Nota informativa
events-initiatives = Iniciativas presentadas
events-add-to-calendar = Añadir a mi calendario (.ics)
events-edit-link = Editar este evento
events-registrants-link = Inscripciones

## Inscripción
events-register-title = Inscribirse
events-register-as = Ha iniciado sesión como
events-register-button = Inscribirme
events-join-waiting-list = Entrar en la lista de espera
events-field-name = Nombre
events-field-email = Correo electrónico
events-field-organisation = Organización
events-field-consent = Acepto que los organizadores guarden mi nombre, mi correo electrónico y mi organización para gestionar este evento y escribirme sobre él.
events-optional = opcional
events-form-has-errors = Hay respuestas que corregir; cada problema se indica junto a su campo.
events-closed = Las inscripciones están cerradas: el evento ya empezó.
events-registered-title = Está inscrito
events-registered-text = Su plaza está reservada. Le enviamos un correo de confirmación con el evento para su calendario.
events-waiting-title = Está en la lista de espera
events-waiting-text = El evento está completo, así que está en la lista de espera. Si alguien cancela, la plaza pasa a la primera persona en espera y le escribimos enseguida.
events-cancelled-title = Su inscripción está cancelada
events-cancelled-text = Su inscripción está cancelada. Gracias por liberar su plaza para otra persona.
events-join-online = Unirse en línea
events-cancel-text = ¿No puede asistir? Al cancelar, su plaza pasa a la siguiente persona de la lista de espera.
events-cancel-button = Cancelar mi inscripción

## Correos
events-mail-hello = Hola, { $name }:
events-mail-confirmation-subject = Inscripción confirmada: { $title }
events-mail-confirmation-text = Su plaza está reservada. El archivo adjunto añade el evento a su calendario.
events-mail-waiting-subject = Lista de espera: { $title }
events-mail-waiting-text = El evento está completo, así que está en la lista de espera. Si se libera una plaza, será suya y le escribiremos enseguida.
events-mail-promoted-subject = Tiene una plaza: { $title }
events-mail-promoted-text = Buenas noticias: se liberó una plaza y ahora es suya. El archivo adjunto añade el evento a su calendario.
events-mail-reminder-subject = Mañana: { $title }
events-mail-reminder-text = Un recordatorio: el evento en el que se inscribió empieza en aproximadamente un día.
events-mail-cancelled-subject = Cancelación: { $title }
events-mail-cancelled-text = Su inscripción está cancelada.
events-mail-cancel = ¿No puede asistir? Cancele aquí para que alguien de la lista de espera obtenga su plaza:
events-mail-again = ¿Cambió de opinión? Puede volver a inscribirse aquí:
events-mail-signature = Praxis: ciudades que comparten lo que aprendieron.

## Editores
events-new-title = Nuevo evento
events-edit-title = Editar: { $title }
events-save = Guardar el evento
events-field-id = Identificador (se crea a partir del título si se deja vacío)
events-field-language = Idioma en que se describe el evento
events-field-title = Título
events-field-description = Descripción
events-field-briefing = Nota informativa (Markdown, después del evento)
events-field-start = Comienza (hora local del lugar)
events-field-end = Termina (hora local)
events-field-time-zone = Zona horaria: escriba la ciudad (Montevideo) o la zona (America/Montevideo)
events-field-speakers = Ponentes, uno por línea: nombre | cargo | organización | lugar
events-field-online-link = Enlace en línea (solo se muestra a las personas inscritas)
events-field-capacity = Plazas (vacío para no limitar)
events-field-recording = Enlace a la grabación
events-field-initiatives = Iniciativas presentadas (sus identificadores, uno por línea)
events-registrants-title = Inscripciones: { $title }
events-registrants-private = Datos personales: solo para los organizadores.
events-export-csv = Descargar en CSV
events-no-registrants = Todavía no se ha inscrito nadie.
events-status = Estado
events-status-confirmed = Confirmada
events-status-waiting = Lista de espera
events-status-cancelled = Cancelada
events-registered-at = Inscripción
events-member = miembro

## Problemas en lo escrito
events-error-required = Este campo es obligatorio.
events-error-wrong_type = Este valor no tiene el tipo correcto.
events-error-too_short = Es demasiado corto.
events-error-too_long = Es demasiado largo.
events-error-too_many = Hay demasiados.
events-error-invalid_format = No tiene el formato esperado.
events-error-unknown_value = Elija una de las opciones.
events-error-missing_original_language = Indíquelo también en el idioma del evento.
events-error-duplicate = Ya se usa, o aparece dos veces.
events-error-invalid_url = Indique una dirección web que empiece por http:// o https://.
events-error-invalid_datetime = Indique una fecha y una hora, por ejemplo 2026-03-26T10:00.
events-error-unknown_time_zone = Indique una zona horaria IANA, por ejemplo Europe/Madrid o America/Montevideo.
events-error-nonexistent_time = Esa hora no existe allí: los relojes la saltan al empezar el horario de verano. Elija otra hora.
events-error-date_order = El final debe ser posterior al comienzo.
events-error-too_long_duration = Un evento dura como máximo dos semanas.
events-error-invalid_capacity = Indique un número de plazas de 1 a 100.000, o déjelo vacío para no limitar.
events-error-online_or_venue = Indique un enlace en línea, un lugar o ambos.
events-error-invalid_email = Indique un correo electrónico, por ejemplo nombre@ejemplo.org.
events-error-consent_required = Marque esta casilla para inscribirse: necesitamos su consentimiento para guardar sus datos.
events-manage-by-mail = El correo que le enviamos tiene el enlace a su inscripción: allí están el enlace para conectarse (cuando su plaza esté confirmada) y el botón para cancelar.
events-error-unsafe_markup = Quite el script: el texto puede tener formato y enlaces, no scripts ni manejadores de eventos.
events-mail-already-subject = Su inscripción: { $title }
events-mail-already-body = Hola { $name }:

    Alguien (quizás usted) pidió inscribir esta dirección en «{ $title }», donde ya está inscrita. No ha cambiado nada. Su inscripción, con el botón para cancelarla, está aquí:

    { $link }

    Si no fue usted, no tiene que hacer nada.

    — Praxis
