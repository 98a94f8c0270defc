## Iniciativas semelhantes
similar-title = Iniciativas semelhantes
similar-intro = Iniciativas de outros lugares que enfrentam o mesmo problema, em qualquer língua.
similar-none = Ainda não há iniciativas semelhantes.
similar-by-concepts = Encontradas por conceitos e temas em comum: o modelo de linguagem não está carregado neste site.
similar-why-themes = Temas em comum: { $themes }
similar-why-concepts = Conceitos: { $concepts }
similar-why-aims = Objetivos em comum: { $aims }
similar-why-meaning = Próxima pelo sentido
similar-written-in = Escrita em { $language }
