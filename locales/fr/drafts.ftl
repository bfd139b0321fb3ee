# La page des brouillons, l’historique d’un brouillon, les dossiers, la
# publication, l’avis de nouvelle version du modèle, le renommage d’un
# brouillon et la page des lecteurs.


## La page des brouillons

drafts-title = Brouillons
drafts-search = Rechercher par titre, société ou modèle
drafts-status = Statut
drafts-status-any = Tous
drafts-status-draft = Brouillon
drafts-status-in-review = En relecture
drafts-status-final = Définitif
drafts-status-of = Statut de « { $title } »
drafts-status-unknown = `{ $status }` n’est pas un statut : indiquez draft, in-review ou final
drafts-show-archived = Afficher les brouillons archivés
drafts-loading = Chargement des brouillons…
drafts-none-match = Aucun brouillon ne correspond. Commencez-en un à partir d’un modèle ci-dessus.
drafts-new-heading = Commencer un brouillon
drafts-template = Modèle
drafts-new-title = Titre (facultatif)
drafts-new-title-example = p. ex. Proposition à Example Corp, 2027
drafts-new-start = Créer le brouillon
drafts-column-packet = Dans un dossier
drafts-column-title = Titre
drafts-column-company = Société
drafts-column-changed = Dernière modification
drafts-column-actions = Actions
drafts-pick-for-packet = Ajouter « { $title } » à un dossier
drafts-archived-tag = {" "}archivé
drafts-history = Historique
drafts-duplicate = Dupliquer
drafts-archive = Archiver
drafts-unarchive = Désarchiver

## L’historique d’un brouillon

drafts-history-loading = Chargement de l’historique…
drafts-history-title = Historique de « { $title } »
drafts-history-back = Retour au brouillon
drafts-history-version = Version
drafts-history-saved = Enregistrée
drafts-history-note = Note
drafts-history-compare = Comparer
drafts-history-latest = {" "}(dernière)
drafts-history-from = de
drafts-history-to = à
drafts-history-view = Afficher
drafts-history-restore = Restaurer comme nouvelle version
drafts-restored = Restaurée en tant que version { $version }.
drafts-restore-conflict = Restauration annulée : la version { $current } a été enregistrée entre-temps. Consultez-la, puis réessayez.
drafts-restore-unchanged = Rien à restaurer.
drafts-changes = Modifications
drafts-changes-title = Modifications de la version { $before } à la version { $after }
drafts-changes-none = Aucune réponse n’a changé.
drafts-changes-choose = Choisissez une version « de » et une version « à » pour voir ce qui a changé.
drafts-version-title = Version { $number } ({ $saved })

## Les dossiers

drafts-packets = Dossiers
drafts-packets-help = Cochez des brouillons dans la liste pour les générer ensemble : la dernière version enregistrée de chacun en DOCX et en PDF, avec son rapport de preuves et un manifeste donnant l’empreinte SHA-256 de chaque fichier, le tout dans un seul ZIP.
drafts-packet-title = Titre du dossier
drafts-packet-title-example = p. ex. Lettres des co-déposants, 2027
drafts-packet-tick = Cochez des brouillons pour constituer un dossier
drafts-packet-render = { $count ->
    [one] Générer un dossier de { $count } brouillon
   *[other] Générer un dossier de { $count } brouillons
}
drafts-packets-loading = Chargement des dossiers…
drafts-packets-none = Aucun dossier pour l’instant.
drafts-packet-queued = en attente de démarrage
drafts-packet-stopping = arrêt en cours
drafts-packet-running = génération en cours
drafts-packet-done = terminé
drafts-packet-failed = échec
drafts-packet-stopped = arrêté
drafts-packet-progress = { $done } sur { $total } { $total ->
    [one] document
   *[other] documents
}
drafts-packet-progress-minutes = { $done } sur { $total } { $total ->
    [one] document
   *[other] documents
    }, encore environ { $minutes } min
drafts-packet-progress-seconds = { $done } sur { $total } { $total ->
    [one] document
   *[other] documents
    }, encore environ { $seconds } s
drafts-packet-progress-of = Avancement de « { $title } »
drafts-packet-percent = { $percent } %
drafts-packet-stop = Arrêter
drafts-packet-download = Télécharger le ZIP ({ $files } { $files ->
    [one] fichier
   *[other] fichiers
    })
drafts-packet-failures = { $count ->
    [one] { $count } document n’a pas pu être généré
   *[other] { $count } documents n’ont pas pu être générés
}
drafts-packet-failure = { $origin } : { $message }

## La publication en lecture seule

drafts-publish-heading = Publier en lecture seule
drafts-published-at = La version { $version } est publiée à l’adresse{" "}
drafts-published-indexed = {" "}(les moteurs de recherche peuvent l’indexer).
drafts-published-not-indexed = {" "}(non indexée par les moteurs de recherche).
drafts-publish-withdraw = Retirer
drafts-publish-explained = Un brouillon définitif peut être publié à une adresse en lecture seule. Seules les personnes qui connaissent cette adresse peuvent l’ouvrir.
drafts-mark-final = Marquer comme définitif
drafts-marked-final = Marqué comme définitif
drafts-publish-search-engines = Moteurs de recherche :{" "}
drafts-publish-no-index = ne pas indexer
drafts-publish-may-index = indexation autorisée
drafts-publish = Publier

## Une version plus récente du modèle du brouillon

drafts-template-newer = Version plus récente du modèle
drafts-template-newer-note = Ce brouillon suit la version { $current } de son modèle ; la version { $newer } est plus récente. Le brouillon conserve sa version tant que vous ne le faites pas passer à la nouvelle.{" "}
drafts-template-what-changes = Qu’est-ce qui changerait ?
drafts-template-comparing = Comparaison des versions…
drafts-template-added = Nouvelles questions
drafts-template-removed = Questions qui ne sont plus posées
drafts-template-changed = Questions modifiées
drafts-template-dropped = Réponses qui ne seront pas reprises (les versions antérieures les conservent)
drafts-template-lines = Texte du modèle : { $added ->
    [one] { $added } ligne ajoutée
   *[other] { $added } lignes ajoutées
    }, { $removed ->
    [one] { $removed } supprimée
   *[other] { $removed } supprimées
    }.
drafts-template-move = Faire passer ce brouillon à la version { $version }
drafts-template-move-conflict = Changement annulé : la version { $current } du brouillon a été enregistrée ailleurs entre-temps. Rechargez la page, puis réessayez.

## Le renommage d’un brouillon

drafts-rename = Renommer
drafts-rename-label = Titre du brouillon
drafts-rename-save = Enregistrer le titre
drafts-rename-cancel = Annuler

## La page des lecteurs d’un brouillon publié

drafts-reader-downloads = Téléchargements
drafts-reader-not-found = aucun document ne se trouve à cette adresse
drafts-reader-withdrawn = ce document a été retiré par l’organisation qui l’avait publié

## Ce qui ne va pas dans le titre d’un brouillon

drafts-title-missing = un brouillon doit avoir un titre
drafts-title-too-long = un titre compte au plus { $max } caractères
drafts-title-one-line = un titre tient sur une seule ligne
