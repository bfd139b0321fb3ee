# Ce qui ne va pas dans une réponse, tel que l’assistant l’affiche à côté
# de la question (et que la ligne de commande et l’API l’impriment).

answer-required = une réponse est nécessaire
answer-at-field = « { $label } » (champ `{ $field }`) : { $problem }
answer-no-such-field = ce modèle n’a pas de question de ce nom
answer-not-an-object = les réponses doivent former un objet JSON qui associe chaque identifiant de question à sa valeur, pas { $got }
answer-too-large = contient { $total } caractères ; une réponse en compte au plus { $max }
answer-single-line = doit tenir sur une seule ligne
answer-not-a-number = « { $text } » n’est pas un nombre : écrivez-le en chiffres, par exemple 2027 ou 1200.50
answer-expected-text = un texte est attendu, pas { $got }
answer-expected-number = un nombre est attendu, pas { $got }
answer-expected-date = une date au format AAAA-MM-JJ est attendue, pas { $got }
answer-expected-option = l’un des choix proposés est attendu, pas { $got }
answer-expected-boolean = oui ou non (true ou false) est attendu, pas { $got }
answer-expected-list = une liste est attendue, pas { $got }
answer-expected-amount = un montant est attendu, pas { $got }
answer-expected-company = le nom d’une société, ou un objet avec `name`, est attendu, pas { $got }
answer-not-a-date = une date au format AAAA-MM-JJ est attendue, pas « { $text } »
answer-date-too-late = « { $text } » est trop lointaine : les dates vont jusqu’à l’an { $year }
answer-date-before = le { $date } est antérieur au { $limit }
answer-date-after = le { $date } est postérieur au { $limit }
answer-not-an-option = « { $text } » ne fait pas partie des choix proposés ({ $options })
answer-too-few-items = { $min ->
    [one] il faut au moins { $min } élément
   *[other] il faut au moins { $min } éléments
} ; il y en a { $count }
answer-too-many-items = { $max ->
    [one] { $max } élément au plus
   *[other] { $max } éléments au plus
} ; il y en a { $count }
answer-item-not-text = l’élément { $number } doit être un texte, pas { $got }
answer-item = élément { $number } : { $problem }
answer-too-long-for-kind = compte { $length } caractères ; une réponse de ce type en compte au plus { $max }
answer-too-long = compte { $length } caractères ; la limite est de { $max }
answer-too-many-words = compte { $words } mots ; la limite est de { $max }
answer-below-minimum = { $value } est inférieur au minimum de { $min }
answer-above-maximum = { $value } est supérieur au maximum de { $max }
answer-amount-not-a-number = le montant doit être un nombre, par exemple 2000 ou {"{"}"amount": 2000, "currency": "USD"{"}"}
answer-no-currency = la devise manque : écrivez {"{"}"amount": …, "currency": "USD"{"}"}
answer-bad-currency = la devise « { $currency } » n’est pas un code ISO 4217 comme USD ou EUR
answer-negative-amount = un montant ne peut pas être négatif
answer-unknown-company-detail = information inconnue sur la société : `{ $detail }` (connues : name, ticker, address, secretary)
answer-company-detail-not-text = l’information `{ $detail }` sur la société doit être un texte, pas { $got }
answer-company-needs-name = la société doit avoir un nom
answer-no-source = la bibliothèque de preuves n’a pas de source « { $source } »
answer-no-claim = la source « { $source } » n’a pas d’affirmation « { $claim } »
answer-unknown-citation = cite [@{ $source }], qui n’est pas dans la bibliothèque de preuves

## Comment les messages désignent une valeur qui ne convient pas

value-text = le texte « { $text } »
value-number = le nombre { $number }
value-null = une valeur vide
value-boolean = oui/non
value-a-number = un nombre
value-some-text = un texte
value-list = une liste
value-object = un objet
