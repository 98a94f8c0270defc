## Initiatives semblables
similar-title = Initiatives semblables
similar-intro = Des initiatives menées ailleurs face au même problème, dans toutes les langues.
similar-none = Aucune initiative semblable pour l'instant.
similar-by-concepts = Trouvées par concepts et thèmes communs : le modèle de langue n'est pas chargé sur ce site.
similar-why-themes = Thèmes communs : { $themes }
similar-why-concepts = Concepts : { $concepts }
similar-why-aims = Objectifs communs : { $aims }
similar-why-meaning = Proche par le sens
similar-written-in = Rédigée en { $language }
