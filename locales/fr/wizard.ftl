# L’assistant de rédaction : étapes, réponses, enregistrement, aperçu, vérifications, choix des preuves.

## La page et ses étapes

wizard-no-such-draft = aucun brouillon ne correspond à cette adresse
wizard-loading = Chargement du brouillon…
wizard-template-version = { $template } · version { $version } du modèle
wizard-history = Historique
wizard-campaign = Campagne
wizard-steps = Étapes
wizard-step-questions = Questions
wizard-step-other-questions = Autres questions
wizard-step-review = Récapitulatif
wizard-part-loading = Chargement…
wizard-back = Précédent
wizard-next = Suivant

## Le récapitulatif

wizard-review-summary = { $count ->
    [0] Toutes les questions ont une réponse. Vérifiez l’aperçu, puis téléchargez le document.
    [one] Une réponse est à revoir avant de pouvoir télécharger le document.
   *[other] { $count } réponses sont à revoir avant de pouvoir télécharger le document.
}
wizard-review-edit = Modifier « { $label } »

## L’enregistrement

wizard-saved = Enregistré · version { $version } · { $at }
wizard-saved-just-now = à l’instant
wizard-unsaved = Modifications non enregistrées…
wizard-saving = Enregistrement…
wizard-save-failed = Non enregistré : { $message }. Nouvel essai dans { $retry_in } s ; gardez cette page ouverte.
wizard-save-conflict = Non enregistré : ce brouillon a été modifié ailleurs
wizard-retry-now = Réessayer maintenant
wizard-leave-unsaved = Vos dernières réponses ne sont pas encore enregistrées. Quitter tout de même cette page et les perdre ?

## Une autre version enregistrée ailleurs

wizard-conflict-title = Ce brouillon a été modifié ailleurs
wizard-conflict-explained = La version { $number } a été enregistrée le { $saved_at }, après l’ouverture du brouillon dans cette page. Vos modifications ne sont pas encore enregistrées.{" "}
wizard-conflict-changes = { $count ->
    [0] Vos réponses sont identiques à celles enregistrées.
    [one] Une réponse diffère :
   *[other] { $count } réponses diffèrent :
}
wizard-conflict-change =  : enregistrée « { $before } », la vôtre « { $after } »
wizard-conflict-keep-mine = Garder mes réponses (les enregistrer comme nouvelle version)
wizard-conflict-take-theirs = Reprendre la version enregistrée (abandonner mes modifications)

## Aperçu et téléchargements

wizard-preview = Aperçu
wizard-preview-unavailable = L’aperçu n’est pas disponible : { $error }
wizard-download-docx = Télécharger le DOCX
wizard-download-pdf = Télécharger le PDF
wizard-evidence-report = Rapport de preuves (PDF)
wizard-evidence-report-title = Chaque paragraphe qui cite une source, ses notes, et chaque affirmation avec sa citation, sa traduction et sa dernière vérification : pour les relecteurs et les co-déposants
wizard-downloads-ready = Les téléchargements reprennent la version enregistrée, telle qu’affichée ici.
wizard-downloads-after-save = Les téléchargements seront disponibles dès que vos modifications seront enregistrées.
wizard-downloads-after-answers = Répondez aux questions signalées dans l’assistant pour télécharger le document final.
wizard-words-of-limit = { $counted ->
    [one] { $counted } mot sur { $limit }
   *[other] { $counted } mots sur { $limit }
}
wizard-words = { $counted ->
    [one] { $counted } mot
   *[other] { $counted } mots
}
wizard-words-highlight = Surligner le texte décompté
wizard-words-hide = Masquer le décompte par paragraphe

## Les vérifications et leurs constats

wizard-checks-label = Vérifications des règles de dépôt
wizard-checks = Vérifications
wizard-check-heading = { $severity } : { $title }
wizard-severity-passed = Conforme
wizard-severity-warning = Avertissement
wizard-severity-failed = Non conforme
wizard-severity-dismissed = Écarté
wizard-severity-note = Remarque
wizard-check-dismissed = Écarté : { $reason }{" "}
wizard-check-undo = Annuler
wizard-dismiss-reason = Motif pour écarter cet avertissement
wizard-dismiss = Écarter

## Répondre à une question

wizard-suggestion = Proposé par les règles de dépôt :{" "}
wizard-suggestion-use = Reprendre cette réponse
wizard-limit-words = { $count ->
    [one] { $count } mot au maximum.
   *[other] { $count } mots au maximum.
}
wizard-limit-characters = { $count ->
    [one] { $count } caractère au maximum.
   *[other] { $count } caractères au maximum.
}
wizard-limit-choose-between = Choisissez-en de { $min } à { $max }.
wizard-limit-choose-at-least = Choisissez-en au moins { $min }.
wizard-limit-choose-at-most = Choisissez-en au plus { $max }.
wizard-hint-cite = Pour citer une source : [@source-id] ou [@source-id, p. 4].
wizard-hint-list = Un élément par ligne.
wizard-money-amount = Montant
wizard-money-currency = Devise (code ISO)
wizard-company-name = Raison sociale
wizard-company-ticker = Symbole boursier
wizard-company-address = Adresse
wizard-company-secretary = Destinataire (p. ex. « Corporate Secretary »)

## Le choix des preuves

wizard-picker-loading = Chargement de la bibliothèque de preuves…
wizard-picker-chosen = Preuves retenues, dans l’ordre
wizard-picker-chosen-item = { $who } : { $text }
wizard-picker-not-in-library = { $reference } (absente de la bibliothèque)
wizard-picker-move-up = Monter : { $item }
wizard-picker-move-down = Descendre : { $item }
wizard-picker-remove-item = Retirer : { $item }
wizard-picker-remove = Retirer
wizard-picker-add-from-library = Ajouter des preuves de la bibliothèque
wizard-picker-search = Rechercher un titre, un éditeur ou une affirmation
wizard-picker-tag = Étiquette
wizard-picker-any-tag = Toutes
wizard-picker-since = Publiées depuis (année ou date)
wizard-picker-new-source = Ajouter une nouvelle source à la bibliothèque
wizard-picker-cite-in-text = Pour la citer dans le texte :{" "}
wizard-picker-quote = « { $text } »
wizard-picker-translation = Traduction ({ $language }, par { $by }) : « { $text } »
wizard-picker-add-claim = Ajouter l’affirmation : { $claim }
wizard-picker-add = Ajouter
wizard-picker-added = Ajoutée
wizard-picker-no-claims = Pas encore d’affirmation : la source est citée dans son ensemble.
wizard-picker-add-source = Ajouter la source
