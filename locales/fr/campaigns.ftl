# Campagnes : la liste, la page d’une campagne, ses réponses communes et la
# page de correspondance d’une liste de co-déposants importée.

campaigns-title = Campagnes
campaigns-intro = Une campagne réunit les documents d’un même dépôt : la proposition, la lettre de dépôt, la lettre de chaque co-déposant et sa demande de justificatif de détention, la lettre de dialogue. Les réponses qu’ils ont en commun se saisissent une seule fois ici, les vérifications portent sur l’ensemble des documents, et tous sont produits ensemble en un seul dossier.
campaigns-loading = Chargement des campagnes…
campaigns-none = Aucune campagne pour l’instant.
campaigns-column-campaign = Campagne
campaigns-column-meeting = Assemblée
campaigns-column-documents = Documents

## Le formulaire qui lance une campagne

campaigns-new-title = Lancer une campagne
campaigns-name = Nom
campaigns-name-placeholder = p. ex. Revue des contrats, assemblée 2027
campaigns-filing-rules = Règles de dépôt
campaigns-rules-us-sec-14a8 = États-Unis — règle 14a-8 de la SEC
campaigns-rules-uk-ca2006-s338 = Royaume-Uni — Companies Act 2006, s338 et s314
campaigns-rules-fr-code-commerce = France — Code de commerce, art. L225-105
campaigns-start = Lancer la campagne

## Réponses communes

campaigns-shared-legend = Réponses communes (tous les documents de la campagne les reprennent, sauf s’ils y répondent autrement)
campaigns-company = Société
campaigns-company-address = Adresse de la société (facultatif)
campaigns-meeting-year = Année de l’assemblée
campaigns-prior-proxy-date = Publication de la circulaire de procuration de l’an dernier
campaigns-meeting-date = Assemblée de cette année (si la date est connue)
campaigns-prior-meeting-date = Assemblée de l’an dernier
campaigns-proposal-title = Titre de la proposition
campaigns-lead-filer = Déposant principal

## La page d’une campagne

campaigns-loading-campaign = Chargement de la campagne…
campaigns-subtitle = { $company }, assemblée générale { $year }
campaigns-documents-heading = Documents ({ $count })
campaigns-no-documents = Aucun document pour l’instant : ajoutez-en un à partir d’un modèle, ou importez des co-déposants ci-dessous.
campaigns-cofilers-heading = Co-déposants ({ $count }) :{" "}
campaigns-deadline-label = Date limite de dépôt
campaigns-deadline-days-left = Date limite de dépôt : { $date }, dans { $days } jours
campaigns-deadline-tomorrow = Date limite de dépôt : { $date }, demain
campaigns-deadline-today = Date limite de dépôt : { $date }, aujourd’hui
campaigns-deadline-passed = Date limite de dépôt : { $date }, dépassée depuis { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
campaigns-deadline-judgement = Date limite de dépôt : dans un délai raisonnable avant que la société n’imprime ses documents de sollicitation de procurations
campaigns-deadline-how = Détail du calcul
campaigns-column-document = Document
campaigns-column-kind = Type
campaigns-column-cofiler = Co-déposant
campaigns-column-status = Statut
campaigns-column-checks = Vérifications
campaigns-column-overrides = Réponses propres
campaigns-column-actions = Actions
campaigns-status-draft = brouillon
campaigns-status-in-review = en relecture
campaigns-status-final = définitif
campaigns-checks-pass = tout est conforme
campaigns-checks-failed = { $failed ->
    [one] { $failed } non conforme
   *[other] { $failed } non conformes
}
campaigns-checks-to-look-at = { $warnings } à examiner
campaigns-checks-both =
    { $failed ->
        [one] { $failed } non conforme
       *[other] { $failed } non conformes
    }, { $warnings } à examiner
# Après le titre d’un constat, en gras.
campaigns-finding-reason =  : { $reason }
campaigns-take-out = Retirer
campaigns-take-out-help = Le brouillon est conservé, hors de la campagne
campaigns-add-title = Ajouter un document
campaigns-template = Modèle
campaigns-title-optional = Titre (facultatif)
campaigns-add-submit = Ajouter le document
campaigns-added = Document ajouté.
campaigns-open-it = L’ouvrir
campaigns-existing-title = Ajouter un brouillon existant
campaigns-loading-drafts = Chargement des brouillons…
campaigns-all-in-campaigns = Tous les brouillons font déjà partie d’une campagne.
campaigns-draft = Brouillon
campaigns-choose-draft = — choisir un brouillon —
campaigns-add-to-campaign = Ajouter à la campagne
campaigns-import-title = Importer des co-déposants
campaigns-import-help = Un fichier CSV ou XLSX comptant un co-déposant par ligne, avec une ligne d’en-tête qui nomme les colonnes. Vous associez ensuite les colonnes aux champs des documents ; chaque co-déposant reçoit alors une lettre de co-déposant et une demande de justificatif de détention.
campaigns-import-file = Liste des co-déposants
campaigns-import-read = Lire la liste
campaigns-answers-title = Réponses de la campagne
campaigns-save-answers = Enregistrer les réponses de la campagne
campaigns-saved-none = Enregistré. Aucun document n’avait besoin d’être modifié.
campaigns-saved-updated = Enregistré. { $count ->
    [one] { $count } document a repris les nouvelles réponses :
   *[other] { $count } documents ont repris les nouvelles réponses :
}

## La page de correspondance d’une liste de co-déposants importée

campaigns-loading-list = Chargement de la liste…
campaigns-import-heading = Importer des co-déposants dans « { $campaign } »
campaigns-import-rows = { $file } : { $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}.
campaigns-back = Retour à la campagne
campaigns-imported-on = Cette liste a été importée le { $date } ; ses documents figurent sur la page de la campagne.
campaigns-first-rows = Les premières lignes
campaigns-name-column = La colonne qui nomme chaque co-déposant
campaigns-not-imported = — non importé —
campaigns-check-rows = Vérifier les lignes
campaigns-make-documents = Créer les documents
campaigns-made =
    { $made ->
        [one] { $made } document créé
       *[other] { $made } documents créés
    } pour { $cofilers ->
        [one] { $cofilers } co-déposant
       *[other] { $cofilers } co-déposants
    }.
campaigns-ready =
    { $documents ->
        [one] { $documents } document
       *[other] { $documents } documents
    } pour { $cofilers ->
        [one] { $cofilers } co-déposant
       *[other] { $cofilers } co-déposants
    } { $documents ->
        [one] est prêt à être créé
       *[other] sont prêts à être créés
    }.
campaigns-problems = { $count ->
    [one] { $count } problème : cette ligne reste exclue tant qu’elle n’est pas corrigée.
   *[other] { $count } problèmes : ces lignes restent exclues tant qu’elles ne sont pas corrigées.
}
campaigns-problem-cell = ligne { $line }, colonne { $column } : { $message }
campaigns-problem-row = ligne { $line } : { $message }
campaigns-open-campaign = Ouvrir la campagne
campaigns-nothing-to-make = aucune ligne ne donne de document : corrigez d’abord les lignes signalées, ou la correspondance des colonnes
campaigns-template-chosen-twice = le modèle « { $id } » est choisi deux fois

# Le dépôt de la liste des co-déposants (un simple formulaire, traité par le serveur).
campaigns-upload-forbidden = votre rôle permet de lire les brouillons, pas de les modifier : demandez le rôle de rédacteur à un administrateur
campaigns-upload-failed = La liste n’a pas pu être importée
campaigns-upload-back = Revenir à la campagne
campaigns-upload-back-why = {" "}pour choisir un autre fichier.
campaigns-upload-unreadable = le fichier envoyé est illisible : { $detail }
campaigns-upload-choose = choisissez un fichier CSV ou XLSX à importer
campaigns-upload-too-large = { $name } : une liste de co-déposants ne peut dépasser { $kib } Kio
campaigns-upload-empty = { $name } est vide

# Ce qu’un fichier de co-déposants importé, sa correspondance ou ses lignes ont de fautif.
campaigns-import-in-file = { $file } : { $problem }
campaigns-import-too-large = le fichier fait { $kib } Kio ; une liste de co-déposants ne peut dépasser { $max } Kio
campaigns-import-old-format = seuls les fichiers CSV et XLSX sont lus : enregistrez la feuille au format .xlsx ou .csv
campaigns-import-not-utf8 = le fichier n’est pas un texte UTF-8 (octet { $byte }) : enregistrez-le en CSV UTF-8 ou en .xlsx
campaigns-import-no-header = la première ligne doit nommer les colonnes ; elle est vide
campaigns-import-too-many-columns = la feuille compte { $count } colonnes ; seules { $max } sont lues
campaigns-import-no-rows = la feuille a une ligne d’en-tête, mais aucun co-déposant en dessous
campaigns-import-too-many-rows = la feuille compte { $count } lignes ; on ne peut importer plus de { $max } co-déposants à la fois
campaigns-import-header-twice = ligne 1, colonne { $column } : l’en-tête « { $header } » figure deux fois
# $detail décrit le caractère, en anglais.
campaigns-import-refused-character = ligne { $line }, colonne { $column }, caractère { $at } : { $detail }
campaigns-import-at-row = ligne { $line } : { $problem }
campaigns-import-at-cell = ligne { $line }, colonne { $column } : { $problem }
# $detail : les mots du lecteur de tableurs.
campaigns-import-not-xlsx = ce classeur XLSX est illisible ({ $detail })
campaigns-import-no-sheet = le classeur ne contient aucune feuille
campaigns-import-sheet-unreadable = la première feuille est illisible ({ $detail })
campaigns-import-sheet-empty = la première feuille est vide
campaigns-import-cell-error = la cellule contient une erreur du tableur ({ $detail })
campaigns-import-field = « { $label } » : { $problem }
campaigns-import-name-empty = le nom du co-déposant est vide
campaigns-import-name-column-missing = la colonne qui nomme les co-déposants est la n° { $column }, mais la liste n’en compte que { $count }
campaigns-import-no-template = choisissez au moins un modèle à partir duquel créer les documents des co-déposants
campaigns-import-template-not-chosen = la correspondance cite le modèle « { $template } », qui ne fait pas partie des modèles choisis
campaigns-import-column-missing = le champ « { $target } » est associé à la colonne n° { $column }, mais la liste n’en compte que { $count }
campaigns-import-no-such-target = le modèle « { $template } » n’a pas de champ « { $target } » qu’une ligne de co-déposant puisse remplir
campaigns-import-not-json = « { $cell } » n’est pas du JSON valide : { $detail }
campaigns-import-not-yes-no = « { $cell } » n’est ni oui ni non (true/false, 1/0 conviennent aussi)
campaigns-import-not-a-number = « { $cell } » n’est pas un nombre

## Les réponses du formulaire de campagne, vérifiées sur le serveur

campaigns-input-problem = { $field ->
        [name] Nom
        [company] Société
        [company_address] Adresse de la société
        [proposal_title] Titre de la proposition
        [lead_filer] Déposant principal
        [meeting_year] Année de l’assemblée
        [meeting_date] Assemblée de cette année
        [prior_meeting_date] Assemblée de l’an dernier
        [prior_proxy_date] Circulaire de l’an dernier
        [jurisdiction] Règles
       *[other] { $field }
    } : { $problem }
campaigns-input-name-missing = donnez un nom à la campagne
campaigns-input-company-missing = indiquez la société visée par la campagne
campaigns-input-bad-year = { $year } n’est pas une année d’assemblée (de 1900 à 2200)
campaigns-input-bad-date = « { $text } » n’est pas une date au format AAAA-MM-JJ
campaigns-input-too-long = { $max } caractères au plus
campaigns-input-unknown-rules = il n’existe pas de règles nommées « { $given } » ; choisissez États-Unis (règle 14a-8), Royaume-Uni (Companies Act 2006) ou France (Code de commerce)
campaigns-import-unpacks-too-large = la partie `{ $part }` du classeur dépasse { $max } Mio une fois décompressée ; une liste de co-déposants est bien plus petite
