# Ce que le stockage refuse, tel que le lit la personne dont la demande est
# refusée (les pages dans sa langue ; la ligne de commande, l’API et les
# journaux en anglais). Nos propres pannes sont journalisées en anglais et
# ne figurent pas ici.

# Ce que seul un exploitant lit en ligne de commande (sauvegardes et
# restaurations), ou une panne de notre côté transmise en anglais : affiché
# tel quel, dans toutes les langues.
store-as-given = { $detail }

## Organisations, personnes et invitations

store-org-name = une organisation doit avoir un nom sur une seule ligne, de 200 caractères au plus
store-org-kind = choisissez le type investor ou advocacy
store-no-organisation = l’organisation « { $slug } » n’existe pas
store-no-user = aucun compte n’existe pour { $email }
store-email-taken = { $email } a déjà un compte
store-last-admin = c’est le dernier administrateur de l’organisation : nommez d’abord quelqu’un d’autre administrateur
store-not-an-email = « { $email } » n’est pas une adresse électronique
password-too-short = le mot de passe est trop court : utilisez au moins { $min } caractères (quelques mots sans rapport entre eux conviennent bien)
password-too-long = le mot de passe est trop long : utilisez au plus { $max } caractères
password-too-weak = le mot de passe est trop facile à deviner : { $why ->
        [key-rows] une rangée de touches se devine facilement
        [keyboard-pattern] un court motif du clavier se devine facilement
        [repeated-character] une répétition comme « aaa » se devine facilement
        [repeated-group] une répétition comme « abcabcabc » n’est guère plus difficile à deviner que « abc »
        [common] c’est un mot de passe très courant
        [like-common] il ressemble à un mot de passe très courant
        [sequence] une suite comme abc ou 6543 se devine facilement
        [recent-year] une année récente se devine facilement
        [one-word] un mot seul se devine facilement
        [date] une date se devine souvent facilement
        [name] un nom ou un prénom se devine facilement
       *[guessable] il se devine facilement
    }
store-wrong-password = le mot de passe actuel est incorrect
store-setup-replaced = cette adresse de configuration a déjà servi ou a été remplacée : la plus récente s’affiche dans la console du serveur
store-setup-used = cette adresse de configuration a déjà servi
store-invitation-gone = cette invitation a expiré ou a déjà servi : demandez-en une nouvelle à l’administrateur de votre organisation
store-invitation-used = cette invitation a déjà servi

## Jetons d’API

store-token-name = donnez au jeton un nom (de 1 à 100 caractères) qui indique ce qui va l’utiliser
# $problem : le caractère refusé et sa place (rédigé en anglais ailleurs).
store-token-name-refused = nom du jeton : { $problem }
store-too-many-tokens = votre organisation a { $count } jetons : révoquez d’abord un jeton qui ne sert plus
store-no-token = votre organisation n’a aucun jeton actif portant le numéro { $id }

## Les brouillons et leur publication

store-no-draft = le brouillon { $id } n’existe pas
store-no-draft-version = le brouillon { $id } n’a pas de version { $version }
store-copy-title = { $title } (copie)
store-no-report-format = il n’existe pas de rapport de preuves au format « { $format } » : utilisez html ou pdf
store-draft-on-version = le brouillon utilise déjà la version { $version } de son modèle
store-move-to-unpublished = la version { $version } du modèle « { $template } » n’est pas publiée : un brouillon ne peut passer qu’à une version publiée
store-no-field = le modèle « { $template } » n’a pas de question « { $field } »
store-template-retired = le modèle « { $template } » est retiré : partez d’un autre modèle
store-publish-not-final = seul un brouillon définitif peut être publié : marquez-le d’abord comme définitif
store-not-published = le brouillon n’est pas publié

## Campagnes et dossiers

store-no-campaign = la campagne { $id } n’existe pas
store-campaign-changed = la campagne « { $name } » a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte (révision { $revision }) : rechargez la page, puis refaites votre modification
store-campaign-full = une campagne compte au plus { $max } documents ; celle-ci en a déjà { $count } et la demande en ajouterait { $more }
store-no-import = la campagne { $campaign } n’a pas de liste importée numéro { $import }
store-import-used = cette liste a déjà été importée : ses documents figurent sur la page de la campagne
store-packet-empty = choisissez au moins un brouillon pour le dossier
store-packet-too-large = un dossier compte au plus 5 000 brouillons ; { $count } ont été choisis
# $problem : le caractère refusé et sa place (rédigé en anglais ailleurs).
store-packet-title-refused = titre du dossier : { $problem }
store-packets-busy = { $count } dossiers de votre organisation sont en cours de génération : attendez que l’un d’eux soit terminé, ou arrêtez-en un
store-no-packet = le dossier { $id } n’existe pas
# $state : done, failed ou cancelled (queued et running pour une course).
store-packet-finished = le dossier { $id } est déjà { $state ->
    [done] terminé
    [failed] en échec
    [cancelled] arrêté
    [queued] en attente
    [running] en cours de génération
   *[other] { $state }
}
store-packet-not-ready = le dossier { $id } n’est pas encore prêt : son fichier ZIP est produit à la fin de la génération
# $detail : les mots du système pour l’erreur de lecture.
store-packet-unreadable = le fichier du dossier n’a pas pu être lu : { $detail }

## Sources de preuves

store-no-source = la source « { $source } » n’existe pas
store-source-id-taken = une source porte déjà l’identifiant « { $source } » : choisissez-en un autre
store-source-not-yours = la source « { $source } » appartient à { $owner } : ajoutez votre propre source pour la modifier
# $citing : une liste des messages store-cited-by-… ci-dessous.
store-source-in-use = impossible de supprimer la source « { $source } » : elle est citée par { $citing } ; retirez-la plutôt, pour la masquer dans le sélecteur de preuves
store-cited-by-draft = le brouillon { $id } « { $title } » (version { $version })
store-cited-by-template = le modèle « { $id } », version { $version }
store-cited-by-others = { $count ->
    [one] { $count } version de document des modèles intégrés ou d’autres organisations
   *[other] { $count } versions de documents des modèles intégrés ou d’autres organisations
}
store-cited-by-sharing = d’autres organisations (elle est partagée avec toutes)
store-cited-just-now = une version enregistrée à l’instant

## Modèles

store-no-template = le modèle « { $template } » n’existe pas
store-no-template-version = le modèle « { $template } » n’a pas de version { $version }
store-no-published-version = le modèle « { $template } » n’a aucune version publiée : publiez-en une d’abord
store-template-built-in = « { $template } » est un modèle intégré : clonez-le sous un nouvel identifiant pour le modifier
store-template-not-yours = le modèle « { $template } » appartient à { $owner } : clonez-le pour le modifier
store-copy-names-another = l’en-tête de la copie indique « { $named } », et non « { $expected } »
store-release-notes-needed = indiquez dans les notes de version ce qui a changé avant de publier
store-newer-published = la version { $newest } de « { $template } » est publiée et plus récente : pour publier ce texte, enregistrez-le de nouveau, comme nouvelle version
store-published-already = la version { $version } de « { $template } » est déjà publiée
store-share-advocacy-only = seules les organisations de plaidoyer publient des modèles pour toutes les organisations
store-share-not-possible = la version { $version } de « { $template } » n’est pas encore publiée, ou elle est déjà partagée : publiez-la d’abord
# $problems : les erreurs du contrôle du modèle et leur place, une par ligne.
store-template-errors = le modèle comporte { $count ->
        [one] { $count } erreur
       *[other] { $count } erreurs
    } :
    { $problems }
store-template-id-taken = l’identifiant de modèle « { $template } » est déjà pris : choisissez-en un autre
store-template-exists = un modèle « { $template } » existe déjà : choisissez un autre identifiant
store-template-id-characters = l’identifiant de modèle « { $template } » ne peut contenir que des lettres, des chiffres, `-` et `_`
store-template-no-id-line = l’en-tête du modèle n’a pas de ligne `id:`
