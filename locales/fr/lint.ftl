# Les problèmes d’un modèle, tels que les montrent l’éditeur de modèles,
# l’enregistrement et l’import de la bibliothèque, l’aperçu de l’assistant
# et `resolution-studio lint`, et ceux d’un import depuis un gestionnaire
# de références. Rédigés sur le serveur seulement.

lint-at = { $file }:{ $line }:{ $column } : { $problem }
lint-problem = { $file }:{ $line }:{ $column } : { $level ->
        [warning] avertissement
       *[error] erreur
    } : { $problem }
lint-problems = { $problems }
lint-no-front-matter = un modèle commence par un bloc d’en-tête : une ligne `---`, l’en-tête YAML, puis une autre ligne `---`
lint-too-large = le modèle fait { $kib } Kio ; un modèle ne peut dépasser { $max } Kio
lint-front-matter = en-tête : { $detail }
lint-too-many-questions = le modèle pose { $count } questions ; un modèle peut en poser { $max } au plus
lint-in-setting = document.{ $setting } : { $problem }
lint-bad-language = la langue « { $language } » n’est pas une étiquette BCP 47 comme `en`, `en-US` ou `fr`
lint-bad-template-id = l’identifiant de modèle « { $id } » ne peut contenir que des lettres, des chiffres, `-` et `_`
lint-role-not-declared = checks.{ $role } désigne « { $field } », qui n’est pas un champ déclaré
lint-bad-field-id = l’identifiant de champ « { $field } » doit être un nom utilisable dans le corps : lettres, chiffres et `_`, sans chiffre au début
lint-field-twice = l’identifiant de champ « { $field } » est déclaré deux fois
lint-step-not-declared = le champ « { $field } » est dans l’étape « { $step } », qui n’est pas déclarée sous `steps`
lint-field-without-step = le champ « { $field } » n’a pas d’étape (`step`) ; chaque champ en demande une lorsque des étapes sont déclarées
lint-choice-without-options = le champ à choix « { $field } » demande des options (`options`)
lint-condition-later = le champ « { $field } » dépend de « { $condition } », qui doit être déclaré avant lui
lint-bad-default = valeur par défaut du champ « { $field } » : { $problem }
lint-undeclared-name = « { $name } » est utilisé mais n’est pas un champ déclaré ; déclarez-le sous `fields` ou corrigez son orthographe
lint-unknown-filter = { $what ->
        [test] test inconnu
       *[filter] filtre inconnu
    } « { $name } »
lint-unknown-source = cite("{ $source }") : aucune source de la bibliothèque de preuves ne porte cet identifiant
lint-unused-field = le champ « { $field } » est déclaré mais n’est utilisé ni dans le corps, ni dans les réglages du document, ni dans les contrôles
lint-engine = { $detail }
lint-out-of-fuel = le modèle a épuisé son quota de calcul ({ $steps } étapes) ; une boucle s’emballe-t-elle ?
lint-too-deep = récursion de plus de { $levels } niveaux
lint-output-too-large = résultat de plus de { $kib } Kio
lint-stopped-at = { $file }:{ $line } : rendu interrompu : { $limit }
lint-stopped = { $file } : rendu interrompu : { $limit }
compose-answers-do-not-fit = les réponses ne conviennent pas au modèle « { $template } » :
    { $problems }
render-failed = { $detail }

## Les notes de l’éditeur de modèles à côté de son aperçu

templates-editor-bad-sample = réponses d’exemple, ligne { $line }, colonne { $column } : { $detail }
templates-editor-placeholders = { $count ->
        [one] { $count } réponse d’exemple manque ou est incorrecte ; elle apparaît comme un espace réservé.
       *[other] { $count } réponses d’exemple manquent ou sont incorrectes ; elles apparaissent comme des espaces réservés.
    }

## Sources importées d’un gestionnaire de références (CSL-JSON, BibTeX)

import-not-csl-json = ligne { $line }, colonne { $column } : ce n’est pas du CSL-JSON valide : { $problem }
import-bibtex-at = ligne { $line }, colonne { $column } : BibTeX : { $problem }
import-at-entry = entrée « { $entry } » : { $problem }
import-unknown-format = rien à importer : collez un tableau CSL-JSON (commençant par `[`) ou des entrées BibTeX (commençant par `@`)
import-not-a-list = une liste d’éléments est attendue
import-no-title = n’a pas de titre
import-unclosed = le texte se termine au milieu d’une entrée : une accolade ou un guillemet n’est pas fermé
import-reader-says = { $detail }
import-bibtex-string-loop = le @string `{ $name }` est défini à partir de lui-même
import-bibtex-too-long = `{ $name }` donnerait plus de { $max } caractères une fois développé
import-bibtex-link-loop = l’entrée `{ $entry }` renvoie à elle-même par crossref ou xdata
import-bibtex-too-many-links = les liens crossref et xdata feraient parcourir plus de { $max } entrées au lecteur
import-bibtex-link-by-string = écrivez les clés de `{ $field }` en toutes lettres : un @string ne peut pas les donner
