## Iniciativas similares
similar-title = Iniciativas similares
similar-intro = Iniciativas de otros lugares que abordan el mismo problema, en cualquier idioma.
similar-none = Todavía no hay iniciativas similares.
similar-by-concepts = Encontradas por conceptos y temas en común: el modelo de lenguaje no está cargado en este sitio.
similar-why-themes = Temas en común: { $themes }
similar-why-concepts = Conceptos: { $concepts }
similar-why-aims = Objetivos en común: { $aims }
similar-why-meaning = Cercana por el sentido
similar-written-in = Escrita en { $language }
