# Erreurs que toute page peut afficher, et noms des rôles.

error-ours = une erreur s’est produite de notre côté (référence { $reference }) ; réessayez et, si elle persiste, transmettez la référence à la personne qui administre ce serveur
error-unreachable = le serveur est injoignable ; vérifiez la connexion et réessayez
error-unreadable = la réponse du serveur est illisible : { $detail }
error-sign-in-first = connectez-vous d’abord
error-role-too-low = votre rôle ({ $role }) ne permet pas cette action : il faut être { $needed } ou plus
role-viewer = lecteur
role-drafter = rédacteur
role-editor = éditeur
role-admin = administrateur

## Refus avant toute page ou fonction

error-unknown-host = ce serveur ne répond pas pour l’hôte « { $host } »
error-cross-site = refusé : cette requête ne vient pas des pages de Resolution Studio
error-session-ended = connectez-vous d’abord : votre session a pris fin ou vous n’êtes pas connecté
error-too-large = cette requête dépasse { $mib } Mio, le maximum accepté par le serveur : raccourcissez le texte ou découpez l’import

## Texte qui ne peut être ni enregistré ni imprimé, où qu’il soit saisi ou importé

text-refused-character = le caractère U+{ $code } ({ $kind ->
        [control] un caractère de contrôle
       *[noncharacter] un non-caractère Unicode
    }) ne peut être ni enregistré ni imprimé : supprimez-le
text-refused-character-at-line = le caractère U+{ $code } ({ $kind ->
        [control] un caractère de contrôle
       *[noncharacter] un non-caractère Unicode
    }) à la ligne { $line }, colonne { $column } ne peut être ni enregistré ni imprimé : supprimez-le
text-refused-character-at-position = le caractère U+{ $code } ({ $kind ->
        [control] un caractère de contrôle
       *[noncharacter] un non-caractère Unicode
    }) à la position { $column } ne peut être ni enregistré ni imprimé : supprimez-le
text-in-item = élément { $index } : { $problem }
text-in-key = `{ $key }` : { $problem }
