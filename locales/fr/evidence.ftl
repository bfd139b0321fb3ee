# La bibliothèque de preuves et le formulaire de source (que l’assistant utilise aussi).

## La page de la bibliothèque

evidence-heading = Bibliothèque de preuves
evidence-lead = Les sources, les affirmations que les rédacteurs en tirent et les citations textuelles : celles de votre organisation, la bibliothèque d’exemple et les sources que d’autres organisations partagent.
evidence-search = Rechercher
evidence-add-source = Ajouter une source
evidence-import-heading = Importer depuis Zotero (CSL-JSON ou BibTeX)
evidence-import-label = Collez le fichier exporté
evidence-import = Importer
evidence-imported = { $format } : { $count ->
    [one] { $count } source ajoutée
   *[other] { $count } sources ajoutées
}
evidence-import-skipped =  ; déjà dans la bibliothèque, laissées telles quelles : { $ids }
evidence-loading = Chargement de la bibliothèque…
evidence-claim-count = { $count ->
    [one] { $count } affirmation
   *[other] { $count } affirmations
}
evidence-from-owner = fournie par { $owner }
evidence-shared = partagée avec toutes les organisations
evidence-retired = retirée : n’est plus proposée aux rédacteurs
evidence-edit = Modifier
evidence-retire = Retirer
evidence-bring-back = Rétablir
evidence-share = Partager avec toutes les organisations
evidence-delete = Supprimer

## Le formulaire de source

evidence-form-edit-heading = Modifier la source
evidence-form-new-heading = Nouvelle source
evidence-form-fixed-id = Identifiant : { $id } (il ne peut pas changer, car des brouillons le citent)
evidence-form-id = Identifiant
evidence-form-id-hint = Lettres, chiffres, - et _ ; sert à citer la source sous la forme [@id].
evidence-form-type = Type
evidence-form-title = Titre
evidence-form-title-en = Titre en anglais (pour une source dans une autre langue)
evidence-form-authors = Auteurs
evidence-form-authors-hint = Un par ligne, sous la forme « Nom, Prénom ».
evidence-form-publisher = Éditeur
evidence-form-container = Publié dans (journal, site web, collection)
evidence-form-number = Numéro du rapport ou du document
evidence-form-place = Lieu
evidence-form-date = Date
evidence-form-date-hint = AAAA-MM-JJ, AAAA-MM ou AAAA.
evidence-form-url = Adresse (URL)
evidence-form-language = Langue de la source
evidence-form-language-hint = Un code tel que en ou fr.
evidence-form-tags = Mots-clés
evidence-form-tags-hint = Séparés par des virgules.
evidence-form-provenance = Provenance de ces informations
evidence-form-claims = Affirmations
evidence-form-add-claim = Ajouter une affirmation
evidence-form-save = Enregistrer la source
evidence-form-needs-id-and-title = une source doit avoir un identifiant et un titre

# Les types de source.
evidence-type-press-release = Communiqué de presse
evidence-type-news-article = Article de presse
evidence-type-blog-post = Billet de blog
evidence-type-report = Rapport
evidence-type-guidance = Lignes directrices
evidence-type-legal-text = Texte juridique
evidence-type-proxy-filing = Document de sollicitation de procurations
evidence-type-web-page = Page web

## Une affirmation dans le formulaire de source

evidence-claim-heading = Affirmation { $number }
evidence-claim-id = Identifiant de l’affirmation
evidence-claim-text-en = L’affirmation, en anglais (dans vos propres mots)
evidence-claim-text-fr = L’affirmation, en français (dans vos propres mots)
evidence-claim-pinpoint = Référence précise (page, paragraphe)
evidence-claim-quote = Citation textuelle (exactement comme dans la source)
evidence-claim-quote-language = Langue de la citation
evidence-claim-translation = Traduction de la citation
evidence-claim-translation-language = Langue de la traduction
evidence-claim-translated-by = Traduit par
evidence-claim-rendering-of = Si la source rapporte des propos tenus à l’origine dans une autre langue, cette langue (par ex. en) : les documents rédigés dans cette langue ne les citeront pas
evidence-claim-checked = Dernière vérification auprès de la source (AAAA-MM-JJ)
evidence-claim-as-of = Exacte à la date du (AAAA-MM-JJ), pour une affirmation qui peut devenir caduque : un bilan, « n’a pas publié », « est en cours »
evidence-claim-remove = Supprimer cette affirmation
evidence-claim-needs-text = affirmation { $number } : rédigez l’affirmation en anglais ou en français
evidence-claim-needs-quote-language = affirmation { $number } : indiquez la langue de la citation (par ex. fr)
evidence-claim-needs-translator = affirmation { $number } : indiquez qui a traduit la citation (une traduction n’est jamais le texte de la source)

## Ce qui ne va pas dans une source quand elle est enregistrée ou importée

evidence-bad-source-id = l’identifiant de source `{ $source }` ne peut contenir que des lettres, des chiffres, `-` et `_`
evidence-source-twice = l’identifiant de source `{ $source }` apparaît deux fois
evidence-source-refused = source `{ $source }` : { $detail }
evidence-bad-source-date = source `{ $source }` : la date `{ $date }` n’est ni au format AAAA-MM-JJ, ni AAAA-MM, ni AAAA
evidence-claim-twice = source `{ $source }` : l’identifiant d’affirmation `{ $claim }` apparaît deux fois
evidence-claim-without-text = source `{ $source }`, affirmation `{ $claim }` : l’affirmation n’a pas de texte
evidence-bad-rendering-of = source `{ $source }`, affirmation `{ $claim }` : la citation traduit des propos d’abord tenus en `{ $language }`, qui n’est pas une étiquette de langue comme `en`
evidence-bad-as-of = source `{ $source }`, affirmation `{ $claim }` : la date de validité `{ $date }` n’est pas au format AAAA-MM-JJ
evidence-bad-checked = source `{ $source }`, affirmation `{ $claim }` : la date de dernière vérification `{ $date }` n’est pas au format AAAA-MM-JJ
