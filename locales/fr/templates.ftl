# La page des modèles, la bibliothèque de modèles, l’éditeur de modèle et son formulaire de questions.

## La page des modèles

templates-heading = Modèles
templates-lead = Des modèles de résolutions et de lettres, prêts à remplir. Téléchargez un exemple pour voir ce que chacun produit.
templates-filter-label = Filtrer par titre, type, langue ou juridiction
templates-filter-placeholder = par ex. engagement, fr, us-sec-14a8
templates-loading = Chargement des modèles…
templates-load-failed = Impossible de charger les modèles : { $reason }
templates-count = { $shown } sur { $total ->
    [one] { $total } modèle
   *[other] { $total } modèles
}
templates-column-title = Titre
templates-column-kind = Type
templates-column-language = Langue
templates-column-jurisdiction = Juridiction
templates-column-sample = Exemple
templates-column-draft = Brouillon
templates-shared-by = Partagé par { $publisher }
templates-no-sample = pas d’exemple
templates-start-draft = Commencer un brouillon
templates-start-draft-from = Commencer un brouillon à partir de { $title }

## La bibliothèque de modèles

templates-library-heading = Bibliothèque de modèles
templates-library-lead = C’est ici que les modèles sont rédigés et versionnés. Une version enregistrée ne sert à personne tant qu’elle n’est pas publiée ; chaque brouillon garde la version avec laquelle il a été rédigé. Les modèles intégrés se clonent, ils ne se modifient jamais directement.
templates-library-new = Nouveau modèle
templates-library-loading = Chargement de la bibliothèque…
templates-import-heading = Importer un fichier de modèle
templates-import-source-label = Le texte du fichier (en-tête et corps)
templates-import-copy-label = Si son identifiant est déjà pris : l’enregistrer comme copie sous cet identifiant (laisser vide pour ajouter une nouvelle version)
templates-import = Importer
templates-imported = Importé comme version { $version } de `{ $id }` ; publiez-la pour la proposer aux rédacteurs.
templates-no-jurisdiction = sans juridiction
templates-status-published = publié
templates-status-draft = brouillon
templates-status-retired = retiré
templates-version-published = version { $version } publiée
templates-built-in = intégré
templates-shared-by-clone = partagé par { $publisher } : clonez-le pour le modifier
templates-versions-of = Versions de { $title }
templates-column-version = Version
templates-column-saved = Enregistrée
templates-column-published = Publiée
templates-column-drafts = Brouillons
templates-column-actions = Actions
templates-release-notes = Notes de version
templates-not-yet-published = pas encore
templates-export = Exporter
templates-publish = Publier
templates-share = Partager avec toutes les organisations
templates-shared-with-everyone = partagée avec toutes les organisations
templates-edit = Modifier
templates-retire = Retirer
templates-bring-back = Rétablir
templates-compare-heading = Comparer deux versions
templates-compare-from = de
templates-compare-to = à
templates-compare-version = version { $version }
templates-compare = Comparer
templates-compare-no-differences = Aucune différence, ni dans les questions ni dans le texte.
templates-compare-added = Nouvelle question : { $label }
templates-compare-removed = Question supprimée : { $label }
templates-compare-changed = Question modifiée : { $change }
templates-compare-lines = Texte : { $added ->
        [one] { $added } ligne ajoutée
       *[other] { $added } lignes ajoutées
    }, { $removed ->
        [one] { $removed } supprimée
       *[other] { $removed } supprimées
    }.
templates-clone-as = Cloner sous l’identifiant
templates-clone-placeholder = id-du-nouveau-modele
templates-clone = Cloner

## L’éditeur de modèle

templates-editor-loading = Chargement du modèle…
templates-editor-new = Nouveau modèle
templates-editor-edit = Modifier `{ $id }` (à partir de la version { $version })
templates-editor-built-in = Ce modèle est intégré : il ne peut pas être enregistré sous son identifiant. Changez la ligne `id:` pour l’enregistrer comme nouveau modèle.
templates-editor-source-label = Fichier du modèle : l’en-tête, puis le corps
templates-editor-no-problems = Aucun problème.
templates-editor-error = Erreur : ligne { $line }, colonne { $column } : { $message }
templates-editor-warning = Avertissement : ligne { $line }, colonne { $column } : { $message }
templates-editor-answers-label = Réponses d’exemple (JSON) pour l’aperçu
templates-editor-save = Enregistrer comme nouvelle version
templates-editor-saved = Enregistré : version { $version } de `{ $id }`. Les brouillons l’utiliseront dès sa publication.
templates-editor-published = Publiée : les nouveaux brouillons partent désormais de cette version.
templates-editor-preview = Aperçu

## Le formulaire de questions de l’éditeur

templates-questions-text-changed = Le texte a changé pendant la réécriture des questions ; refaites la modification.
templates-questions-heading = Questions (synchronisées avec l’en-tête)
templates-questions-legend = Questions
templates-questions-fix-front-matter = Corrigez l’en-tête pour modifier les questions ici.
templates-questions-add = Ajouter une question
templates-questions-gone = cette question n’existe plus
templates-question-id = Identifiant
templates-question-label = Libellé
templates-question-type = Type
templates-question-unknown-type = type inconnu
templates-question-required = Obligatoire
templates-question-step = Étape
templates-question-help = Aide
templates-question-default = Valeur par défaut (JSON)
templates-question-bad-default = valeur par défaut : { $error }
templates-question-limits = Limites (JSON, par ex. {"{"}"max_words": 300{"}"})
templates-question-bad-limits = limites : { $error }
templates-question-condition = Affichée si (JSON, par ex. {"{"}"field": "scope", "equals": "all"{"}"})
templates-question-bad-condition = condition : { $error }
templates-question-move-up = Monter
templates-question-move-down = Descendre
templates-question-remove = Supprimer

# Les types de question tels que le menu les nomme ; les valeurs restent celles du modèle.
templates-type-text = texte
templates-type-long-text = texte long
templates-type-number = nombre
templates-type-money = montant
templates-type-date = date
templates-type-choice = choix
templates-type-boolean = oui / non
templates-type-company = société
templates-type-list = liste
templates-type-evidence-list = liste de preuves
