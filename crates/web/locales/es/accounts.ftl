## Cuentas: registro, inicio de sesión, inicio de sesión en dos pasos, restablecimiento de contraseña, página de la cuenta,
## revisión de las solicitudes de adhesión y lista de cuentas para los administradores.

nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión
nav-editor = Editores
nav-admin = Cuentas

yes = sí
no = no

error-forbidden-title = Acción no permitida
error-forbidden-text = Su cuenta no permite realizar esta acción. Si cree que debería poder hacerlo, consulte a un editor de su red.
error-csrf-title = Este formulario ha caducado
error-csrf-text = Por su seguridad, no se ha podido aceptar el formulario. Vuelva atrás, recargue la página y envíelo de nuevo; no se ha guardado nada.
error-bad-form-title = No se ha podido leer el formulario
error-bad-form-text = Algún dato del formulario no es el que espera esta página. Vuelva atrás e inténtelo de nuevo; no se ha guardado nada.
error-too-large-title = Envío demasiado grande
error-too-large-text = Lo que ha enviado supera el tamaño que admite esta página. No se ha guardado nada.

form-has-errors = Corrija lo siguiente, por favor
form-optional = opcional

field-email = Dirección de correo electrónico
field-password = Contraseña
field-new-password = Nueva contraseña
field-new-password-hint = Al menos 10 caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.
field-name = Su nombre
field-code = Código de seis dígitos
field-next = Página siguiente

problem-required = Complete este campo.
problem-too_long = Este valor es demasiado largo.
problem-email = Escriba una dirección de correo electrónico, por ejemplo nombre@ciudad.gob.
problem-password_too_short = La contraseña debe tener al menos 10 caracteres.
problem-password_too_long = La contraseña puede tener como máximo 200 caracteres.
problem-password_is_email = La contraseña no puede ser su dirección de correo electrónico.

sign-in-title = Iniciar sesión
sign-in-button = Iniciar sesión
sign-in-forgot = ¿Ha olvidado su contraseña?
sign-in-no-account = ¿Aún no tiene cuenta? Regístrese
sign-in-wrong = La dirección de correo electrónico o la contraseña no son correctas.
sign-in-unverified = Primero confirme su dirección de correo electrónico: siga el enlace que le enviamos cuando se registró.
sign-in-throttled = Demasiados intentos. Por la seguridad de su cuenta, espere 15 minutos antes de volver a intentarlo.

code-title = Inicio de sesión en dos pasos
code-intro = Escriba el código de seis dígitos que muestra su aplicación de autenticación para Praxis.
code-button = Continuar
code-wrong = Ese código no es correcto o ya se ha utilizado. Escriba el código que muestra ahora su aplicación.

two-factor-title = Configurar el inicio de sesión en dos pasos
two-factor-intro = Los editores y los administradores inician sesión con un segundo paso. Añada Praxis a una aplicación de autenticación (cualquier aplicación compatible con códigos TOTP) y, a continuación, escriba el código que muestre.
two-factor-secret-label = Su clave, para escribirla en la aplicación o abrirla como enlace:
two-factor-button = Activar el inicio de sesión en dos pasos
two-factor-done = El inicio de sesión en dos pasos está activado.

sign-up-title = Crear una cuenta
sign-up-intro = Con una cuenta puede unirse a su organismo, publicar sus iniciativas, inscribirse en eventos y firmar llamamientos en su nombre.
sign-up-button = Crear la cuenta
sign-up-have-account = ¿Ya tiene una cuenta? Inicie sesión
sign-up-sent-title = Revise su correo electrónico
sign-up-sent-text = Hemos enviado un mensaje a { $email }. Siga el enlace que contiene para confirmar su dirección y, después, inicie sesión.

verify-title = Dirección confirmada
verify-done = Gracias: su dirección de correo electrónico está confirmada. Ya puede iniciar sesión.
verify-failed-title = Este enlace ya no es válido
verify-failed = El enlace no existe, ha caducado o ya se ha utilizado.

forgot-title = Restablecer su contraseña
forgot-intro = Escriba la dirección de correo electrónico de su cuenta. Le enviaremos un enlace para elegir una nueva contraseña.
forgot-button = Enviar el enlace
forgot-sent-title = Revise su correo electrónico
forgot-sent-text = Si { $email } tiene una cuenta, le hemos enviado un enlace para elegir una nueva contraseña. Es válido durante una hora.

reset-title = Elegir una nueva contraseña
reset-button = Guardar la nueva contraseña
reset-done = Su nueva contraseña se ha guardado y se han cerrado todas las sesiones anteriores.
reset-failed = El enlace no existe, ha caducado o ya se ha utilizado. Solicite uno nuevo.

account-title = Su cuenta
account-role = Rol
account-two-factor = Inicio de sesión en dos pasos
account-two-factor-on = activado
account-two-factor-off = desactivado.
account-two-factor-set-up = Configurarlo
account-organisations = Sus organismos
account-no-organisation = Todavía no es miembro de ningún organismo.
account-sessions = Sesiones
sign-out-everywhere = Cerrar todas las sesiones

role-member = miembro
role-editor = editor
role-admin = administrador

membership-pending = a la espera de un editor
membership-verified = miembro verificado
membership-refused = solicitud no aceptada

join-label = Unirse a un organismo
join-button = Solicitar la adhesión
join-hint = Si su dirección de correo electrónico pertenece a uno de los dominios propios del organismo, se une a él de inmediato; de lo contrario, un editor revisa su solicitud.
join-done = Ya es miembro.
join-requested = Su solicitud se ha enviado a los editores.

tokens-title = Tokens de API
tokens-intro = Un token permite que un script utilice la API de Praxis en su nombre. Manténgalo en secreto y revóquelo cuando ya no lo necesite.
token-label = Etiqueta
token-created = Creación
token-state = Estado
token-is-revoked = revocado
token-revoke = Revocar
token-create = Crear un token
token-new = Su nuevo token. Cópielo ahora: no se volverá a mostrar.
token-revoked = El token se ha revocado.

members-title = Solicitudes de adhesión
members-none = No hay ninguna solicitud pendiente.
members-organisation = Organismo
members-requested = Solicitado el
members-decision = Decisión
members-verify = Verificar
members-refuse = Rechazar

accounts-title = Cuentas
accounts-verified = Dirección confirmada
accounts-save = Guardar

mail-verify-subject = Confirme su dirección de correo electrónico para Praxis
mail-verify-body = Hola, { $name }:

    Confirme su dirección de correo electrónico abriendo este enlace:

    { $link }

    El enlace es válido durante tres días. Si no ha creado una cuenta en Praxis, ignore este mensaje.

    — Praxis
mail-exists-subject = Su cuenta de Praxis
mail-exists-body = Hola:

    Alguien ha intentado crear una cuenta de Praxis con esta dirección, que ya tiene una. Si fue usted y ha olvidado su contraseña, elija una nueva aquí:

    { $link }

    Si no fue usted, no ha cambiado nada y puede ignorar este mensaje.

    — Praxis
mail-reset-subject = Elija una nueva contraseña de Praxis
mail-reset-body = Hola, { $name }:

    Para elegir una nueva contraseña, abra este enlace en el plazo de una hora:

    { $link }

    Si no lo ha solicitado, ignore este mensaje: su contraseña no cambiará.

    — Praxis
mail-membership-verified-subject = Ya es miembro de { $organisation } en Praxis
mail-membership-verified-body = Hola, { $name }:

    Un editor ha verificado que usted es miembro de { $organisation }. Ya puede redactar y enviar sus iniciativas.

    — Praxis
mail-membership-refused-subject = Su solicitud para unirse a { $organisation }
mail-membership-refused-body = Hola, { $name }:

    Un editor no ha podido verificar que usted es miembro de { $organisation }. Si cree que se trata de un error, póngase en contacto con el equipo de su red.

    — Praxis
organisations-title = Organismos
organisations-intro = Un miembro se une a un organismo al instante si su dirección confirmada pertenece a uno de sus dominios; si no, un editor revisa la solicitud.
organisations-kind = Tipo
organisations-domains = Dominios de correo (separados por espacios)
organisation-kind-local = gobierno local
organisation-kind-metropolitan = autoridad metropolitana
organisation-kind-regional = gobierno regional
organisation-kind-national = gobierno nacional
organisation-kind-network = red de gobiernos
organisation-kind-other = otro
error-too-many-title = Demasiadas solicitudes
error-too-many-text = Este formulario se envió demasiadas veces desde su red en la última hora. Espere y vuelva a intentarlo; no se guardó nada.
error-too-many-searches = Su red ha enviado muchísimas búsquedas en poco tiempo. Espere un minuto y vuelva a buscar, o inicie sesión: los miembros no tienen límite.
organisations-search = Buscar un organismo (nombre o dominio de correo)
organisations-pages = Páginas de organismos
organisations-previous = Organismos anteriores
organisations-next = Más organismos
organisations-count = { $count ->
    [one] Un organismo
   *[other] { $count } organismos
}
