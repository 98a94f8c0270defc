## Similar initiatives
similar-title = Similar initiatives
similar-intro = Initiatives elsewhere that take on the same problem, in any language.
similar-none = No similar initiative yet.
similar-by-concepts = Found by shared concepts and themes: the language model is not loaded on this site.
similar-why-themes = Shared themes: { $themes }
similar-why-concepts = Concepts: { $concepts }
similar-why-aims = Shared aims: { $aims }
similar-why-meaning = Close in meaning
similar-written-in = Written in { $language }
