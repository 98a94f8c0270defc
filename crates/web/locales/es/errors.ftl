## Errores que la aplicación devuelve como páginas
error-conflict-title = Esto cambió mientras tanto
error-conflict-text = Otra persona modificó esto mientras usted trabajaba en ello. Vuelva a cargar la página para ver la versión actual e inténtelo de nuevo; no se guardó nada.
error-invalid-title = Algo en la solicitud no es correcto
error-invalid-text = Parte de lo enviado no se puede aceptar. Vuelva atrás, revise el formulario e inténtelo de nuevo; no se guardó nada.
error-internal-title = Algo salió mal de nuestro lado
error-internal-text = No pudimos terminar. Inténtelo de nuevo en un momento; si vuelve a ocurrir, avise al equipo de la red.
error-reason_required = Indique el motivo, para la autoría: devolver o despublicar requiere un motivo.
error-unknown_reason = Elija uno de los motivos ofrecidos.
error-unknown_initiatives = Esto no corresponde a ninguna iniciativa publicada: { $ids }
error-invalid_kind = Elija uno de los tipos ofrecidos.
error-id_taken = Este identificador ya está en uso; elija otro.
error-out_of_range = Este valor está fuera de lo admitido.
