# Les vérifications des règles de dépôt : les constats (un titre et un
# motif chacun), les calculs de date limite qu’ils citent, les réponses
# que les règles suggèrent et les vérifications de campagne entre
# documents. Les références aux textes restent telles que les règles les
# écrivent.

## Formulations communes

# Sépare les éléments d’une liste dans un constat.
check-list-separator = {" ; "}
check-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
# Une expression recherchée par la vérification et trouvée dans le brouillon.
check-phrase-found = Relevé dans le texte : « { $phrase } ».
check-word-limit-title = Limite de mots
check-word-limit-within = { $count ->
        [one] { $count } mot
       *[other] { $count } mots
    } sur les { $limit } autorisés (titre, texte et notes de bas de page compris).
check-word-limit-over = { $count } mots, soit { $over } de trop par rapport à la limite de { $limit }. Raccourcissez les considérants ou l’exposé des motifs.
check-filing-deadline-title = Date limite de dépôt
check-deadline-needs-meeting = Indiquez la date { $meeting ->
        [agm] de l’assemblée générale annuelle
        [general] de l’assemblée générale
       *[meeting] de l’assemblée
    } pour vérifier la date de la demande au regard de la date limite.
# $dated vaut « yes » quand la lettre est datée, « no » tant que la date du jour en tient lieu.
check-deadline-in-time = La société doit recevoir la demande au plus tard le { $deadline } ; { $dated ->
        [yes] la date de la lettre précède cette échéance de { $days }
       *[no] la lettre n’est pas encore datée et la date du jour précède cette échéance de { $days }
    }. { $how } { $notes }
check-deadline-late = La date limite était le { $deadline } ; { $dated ->
        [yes] la date de la lettre la dépasse de { $days }
       *[no] la lettre n’est pas encore datée et la date du jour la dépasse de { $days }
    } : la société peut donc refuser la demande. { $how }
check-stale-claims-title = Affirmations datées
check-stale-claim = « { $claim } » (au { $held })
check-stale-claims-fresh = { $count ->
        [one] { $count } affirmation susceptible de devenir caduque, vérifiée
       *[other] { $count } affirmations susceptibles de devenir caduques, chacune vérifiée
    } moins de six mois avant ce brouillon ({ $dated }).
check-stale-claims-warning = Ce brouillon ({ $dated }) présente au présent { $count ->
        [one] une affirmation qui n’a été vérifiée
       *[other] { $count } affirmations qui n’ont été vérifiées
    } que plus de six mois auparavant : { $claims }. Vérifiez { $count ->
        [one] qu’elle est toujours exacte
       *[other] que chacune est toujours exacte
    }, puis mettez l’affirmation à jour dans la bibliothèque de preuves, ou dites avec vos propres mots ce qui était vrai à cette date.
check-instructions-left-title = Instructions restées dans le texte
check-instructions-left = Remplacez les instructions entre crochets par le texte propre au brouillon : « { $start }… »
check-no-jurisdiction-title = Aucune règle de dépôt
check-no-jurisdiction = Le modèle `{ $template }` n’indique aucune juridiction : aucune règle de dépôt ne s’y applique.

## Quand les vérifications ne peuvent pas s’exécuter

check-rules-unavailable-title = Les règles de dépôt n’ont pas pu être vérifiées
check-error-rule-data = données de règles { $file } : { $message }
check-error-not-in-force = { $pack } n’a aucun paramètre en vigueur au { $date }
check-error-jurisdiction = juridiction inconnue `{ $jurisdiction }` ; utilisez us-sec-14a8, uk-ca2006-s338 ou fr-code-commerce

## Le décompte des mots de l’aperçu

check-word-count-limited = { $counts ->
        [proposal] proposition et exposé des motifs, règle 14a-8(d)
       *[statement] déclaration, Companies Act 2006 s314
    } ; titre et notes compris
check-word-count-unlimited = document entier, notes comprises ; aucune limite de mots ne s’applique

## États-Unis, règle 14a-8

check-14a8-intent-to-hold-title = Intention de conserver les actions jusqu’à l’assemblée
check-14a8-intent-to-hold-missing = L’auteur de la proposition doit déclarer par écrit qu’il entend conserver les actions requises jusqu’à la date de l’assemblée.
check-14a8-proof-of-ownership-title = Justificatif de détention
check-14a8-proof-of-ownership-missing = Joignez la lettre du teneur de compte (« record holder ») attestant la détention continue des actions, ou indiquez qu’elle suivra (dans les 14 jours suivant un avis d’irrégularité).
check-14a8-one-proposal-title = Une proposition par auteur
check-14a8-one-proposal-reminder = Chaque auteur ne peut soumettre qu’une proposition par assemblée, directement ou par l’intermédiaire d’un représentant : vérifiez les autres dépôts de la campagne pour cette assemblée.
check-14a8-no-recitals-title = Pas encore de considérant
check-14a8-no-recitals = La proposition ne comporte encore aucun considérant (paragraphe commençant par « Whereas ») ; chaque considérant ajouté sera vérifié pour s’assurer qu’il cite une source.
check-14a8-recitals-cited-title = Chaque considérant cite une source
check-14a8-recitals-cited = { $count ->
        [one] { $count } considérant, avec une note de bas de page.
       *[other] { $count } considérants, chacun avec une note de bas de page.
    }
check-14a8-recital-uncited-title = Un considérant sans source
check-14a8-recital-uncited = « { $recital } » avance un fait sans citer de source ; la société pourrait soutenir qu’il est faux ou trompeur. Citez les preuves sur lesquelles il repose.
check-14a8-no-resolved-title = Pas de clause « RESOLVED »
check-14a8-no-resolved = Aucun paragraphe ne commence par « RESOLVED » : ce que demande la proposition doit être clair.
check-14a8-report-qualifier-title = Rapport sans la réserve habituelle
check-14a8-report-qualifier = Une demande de rapport précise d’ordinaire qu’il sera établi « at reasonable cost and omitting proprietary information » (à un coût raisonnable et sans informations confidentielles) ; sans cette réserve, la demande paraît plus intrusive.
check-14a8-prescriptive-title = Formulation trop directive
# $what : ce que fixe l’expression (deadline, obligation, order, metric) ; $phrase : les mots relevés.
check-14a8-prescriptive = La clause « RESOLVED » fixe { $what ->
        [deadline] un délai
        [obligation] une obligation
        [order] un ordre au conseil d’administration
       *[metric] un indicateur
    } (« { $phrase } »). Délais, méthodes et indicateurs passent pour de la microgestion, motif d’exclusion au titre de la gestion courante (« ordinary business »), et réduisent le soutien ; demandez plutôt une évaluation et laissez le choix de la méthode au conseil.
check-14a8-already-done-title = Peut faire double emploi avec ce que la société fait déjà
check-14a8-already-done = La plupart des grandes sociétés ont déjà « { $ask } » ; la société pourrait soutenir que la proposition est déjà pour l’essentiel mise en œuvre. Demandez plutôt dans quelle mesure les dispositifs existants fonctionnent.
check-14a8-wording-title = Formulation de la demande
check-14a8-wording = La clause « RESOLVED » demande un rapport avec la réserve habituelle et ne fixe ni délai, ni méthode, ni indicateur.
check-14a8-engagement-title = Disponibilités pour un échange
check-14a8-engagement-not-required = Non exigé par la version de la règle en vigueur.
check-14a8-engagement-missing = Indiquez quand l’auteur de la proposition peut rencontrer la société : des jours ouvrés et des horaires précis, entre { $from } et { $to } jours calendaires après le dépôt.
check-14a8-engagement-within = { $count ->
        [one] { $count } créneau, situé
       *[other] { $count } créneaux, tous situés
    } entre { $from } et { $to } jours après le dépôt du { $submitted }.
check-14a8-engagement-outside = Proposez des horaires situés entre { $from } et { $to } jours calendaires après le dépôt, pendant les heures ouvrables des principaux bureaux de direction de la société : { $problems }.
check-14a8-deadline-needs-proxy-date = Indiquez la date de publication de la circulaire de sollicitation de procurations (« proxy statement ») de l’an dernier pour vérifier la date de la lettre au regard de la date limite.
check-14a8-eligibility-title = Conditions de détention

## Disponibilités pour un échange (les créneaux s’écrivent en anglais, comme les lettres)

check-slot-no-date = « { $slot } » ne comporte pas de date au format « Month D, YYYY »
check-slot-outside-window = « { $slot } » tombe { $days } après le dépôt (le { $submitted })
# $problem : check-slot-outside-hours ou check-slot-unplaced.
check-slot-problem = « { $slot } » { $problem }
check-slot-no-zone = « { $slot } » n’indique pas de fuseau horaire (écrivez par exemple « Eastern Time » ou « Pacific Time »)
check-slot-no-time = « { $slot } » ne comporte pas d’horaire au format « 10:00–11:00 a.m. » après sa date
check-slot-unplaced = l’horaire n’a pas pu être converti dans le fuseau { $zone } : { $error }
check-slot-outside-hours = tombe de { $from } à { $to } ({ $zone }) dans les bureaux de la société, en dehors des heures ouvrables (de 9 h à 17 h)
check-zone-eastern = heure de l’Est
check-zone-central = heure du Centre
check-zone-mountain = heure des Rocheuses
check-zone-arizona = heure des Rocheuses (Arizona)
check-zone-pacific = heure du Pacifique
check-zone-alaska = heure de l’Alaska
check-zone-hawaii = heure d’Hawaï

## Conditions de détention de la règle 14a-8 (montants en dollars américains)

check-eligibility-met = Conditions remplies : { $value } $ détenus sans interruption depuis le { $since } atteignent le palier de { $tier } $ sur { $years ->
        [one] { $years } an
       *[other] { $years } ans
    } (au { $as_of }).
check-eligibility-tier-needs-more = palier de { $tier } $ sur { $years ->
        [one] { $years } an
       *[other] { $years } ans
    } : il manque { $more } $
check-eligibility-tier-met-on = palier de { $tier } $ sur { $years ->
        [one] { $years } an
       *[other] { $years } ans
    } : atteint le { $date }
check-eligibility-not-met = Conditions non remplies au { $as_of } avec { $value } $ détenus depuis le { $since } : { $missing }. Les participations de plusieurs actionnaires ne peuvent pas être cumulées.

## Dates limites, étape par étape

check-deadline-no-prior-proxy = Aucune circulaire de sollicitation de procurations n’a été publiée pour une assemblée l’an dernier.
check-deadline-no-prior-meeting = Faute d’assemblée l’an dernier, la date limite est un délai raisonnable avant que la société ne commence à imprimer et à envoyer ses documents de sollicitation de procurations (règle 14a-8(e)(2)). Renseignez-vous auprès de la société, ou cherchez dans ses dernières publications la date qu’elle a fixée.
check-deadline-prior-proxy = La circulaire de sollicitation de procurations de l’an dernier a été publiée le { $date }.
check-deadline-anniversary = Un an plus tard, c’est le { $date }.
check-deadline-anniversary-of-leap-day = Un an plus tard, c’est le { $date }. (Le 29 février n’existe pas dans une année non bissextile : on retient le 28 février.)
check-deadline-before-anniversary = { $days } jours calendaires avant cette date anniversaire : { $date }.
check-deadline-meeting-moved = L’assemblée de cette année ({ $meeting }) est à { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } de la date anniversaire de celle de l’an dernier ({ $prior_meeting }).
check-deadline-meeting-moved-judgement = L’assemblée a été déplacée de plus de { $days } jours : la date limite prévue par la règle est donc un délai raisonnable avant que la société ne commence à imprimer et à envoyer ses documents de sollicitation de procurations, et la date ci-dessus, issue de la formule, n’est donnée qu’à titre indicatif. Cherchez dans les publications de la société (souvent un formulaire 10-Q ou 8-K) la date qu’elle annonce.
# $closed : saturday, sunday ou holiday ($holiday nomme alors le jour férié fédéral américain).
check-deadline-closed-day = La date limite tombe { $closed ->
        [saturday] un samedi
        [sunday] un dimanche
       *[holiday] un jour férié fédéral ({ $holiday })
    }. La règle compte en jours calendaires et ne la décale pas ; quant à la règle 0-3 de l’Exchange Act, qui reporte les échéances tombant un week-end ou un jour férié, elle vise les documents déposés auprès de la SEC, non une proposition remise à une société. Veillez à ce que la proposition soit reçue au plus tard le { $date }, dernier jour ouvré qui précède.
check-deadline-agm-on = L’assemblée générale annuelle se tient le { $date }.
check-deadline-six-weeks-before = { $days } jours (six semaines) avant : { $date }.
check-deadline-notice-later = La convocation de l’assemblée est envoyée plus tard, le { $date } : c’est elle qui fixe la date limite (s338(4)(d)(ii)).
check-deadline-notice-earlier = La convocation est envoyée le { $date }, plus tôt : le délai de six semaines s’applique (s338(4)(d)(i)).
check-deadline-notice-unknown = La date de la convocation n’est pas connue ; si elle tombe moins de six semaines avant l’assemblée, c’est elle qui s’applique (s338(4)(d)(ii)).
check-deadline-s314-statement = Une déclaration des actionnaires au titre de la section 314 (jusqu’à { $words } mots) doit être reçue au plus tard le { $date }, une semaine avant l’assemblée.
check-deadline-meeting-on = L’assemblée se tient le { $date }.
check-deadline-s314-request = Une demande de diffusion d’une déclaration de { $words } mots au plus doit être reçue au moins une semaine avant : le { $date }.
check-deadline-fr-before-meeting = Les demandes doivent être envoyées au moins { $days } jours avant (R225-72) : au plus tard le { $date }.
check-deadline-fr-balo-window = L’avis de réunion a paru au BALO le { $notice } ; les actionnaires d’une société cotée peuvent envoyer leurs demandes au plus tard { $days } jours après cette publication (R225-73 II) : le { $date }.
check-deadline-fr-earlier = La première de ces deux dates : { $date }.
check-deadline-fr-balo-note = Pour une société cotée, les demandes ne peuvent pas non plus être envoyées plus de { $days } jours après l’avis de réunion publié au BALO (R225-73 II), lui-même publié au moins { $notice_days } jours avant l’assemblée (au plus tard le { $date }) : indiquez la date de l’avis pour tenir compte aussi de cette limite.

## Royaume-Uni, Companies Act 2006

check-uk-effective-title = Une résolution que la société doit diffuser
check-uk-effective = La société n’est pas tenue de notifier une résolution qui serait sans effet (par exemple contraire à un texte de loi ou aux statuts de la société), diffamatoire envers quiconque, ou futile ou vexatoire.
check-uk-identifies-resolution-title = La résolution est identifiée
check-uk-identifies-resolution-missing = La demande doit identifier la résolution à notifier : citez-la ou joignez-la.
check-uk-threshold-title = Le seuil de détention est indiqué
check-uk-threshold-missing = Indiquez que les actionnaires à l’origine de la demande détiennent au moins { $percent } % du total des droits de vote, ou qu’ils sont au moins { $members } actionnaires disposant du droit de vote et détenant des actions libérées d’au moins { $paid_up } £ en moyenne par actionnaire.
check-uk-authenticated-title = Authentifiée par les actionnaires
check-uk-authenticated-missing = La demande doit être authentifiée par chaque actionnaire qui la présente : signée ou, pour une demande sous forme électronique, identifiée selon les modalités prévues par les statuts de la société.
check-uk-expenses-title = Qui paie la diffusion de la résolution
check-uk-expenses = Si des demandes suffisantes pour obliger la société lui parviennent avant la fin de l’exercice qui précède l’assemblée, la société supporte les frais de diffusion de la résolution. Sinon, ils incombent aux actionnaires qui l’ont demandée, sauf décision contraire de la société, et celle-ci n’est tenue d’agir que si une somme raisonnablement suffisante pour couvrir ses frais est déposée ou offerte au plus tard six semaines avant l’assemblée générale annuelle ou, si elle est postérieure, à la date de convocation de l’assemblée.
check-uk-statement-title = La déclaration
check-uk-statement-missing = Rédigez la déclaration que les actionnaires demandent à la société de diffuser.
check-uk-statement-limit-title = Déclaration de 1 000 mots au plus
check-uk-statement-within = { $count ->
        [one] { $count } mot
       *[other] { $count } mots
    } sur les { $limit } autorisés.
check-uk-statement-over = La déclaration compte { $count } mots ; la section 314 en autorise au plus { $limit } : raccourcissez-la de { $over ->
        [one] { $over } mot
       *[other] { $over } mots
    }.

## France, Code de commerce

check-fr-statement-of-reasons-title = Exposé des motifs
check-fr-statement-of-reasons-missing = Un projet de résolution peut être assorti d’un bref exposé des motifs ; celui-ci est facultatif et aide les autres actionnaires à se prononcer.
check-fr-text-of-resolutions-title = Texte des projets de résolution
check-fr-text-of-resolutions-missing = La demande doit comporter le texte des projets de résolution : joignez-le ou citez-le.
check-fr-registration-certificate-title = Attestation d’inscription en compte
check-fr-registration-certificate-missing = Joignez l’attestation d’inscription en compte des actions, qui justifie la fraction du capital détenue.
check-fr-capital-held-title = Fraction du capital détenue
check-fr-capital-held-missing = Indiquez la fraction du capital que détiennent les actionnaires auteurs de la demande, afin que la société puisse la comparer au seuil (5 %, moins selon le barème dégressif au-delà de 750 000 € de capital).

## Vérifications entre les documents d’une campagne

# Un brouillon de la campagne, tel que les constats le désignent.
check-campaign-draft = le brouillon { $id } « { $title } »
check-campaign-letter-title = Lettre de dépôt pour cette proposition
check-campaign-letter-missing = Pas encore de brouillon de lettre de dépôt pour l’assemblée de cette société. La déclaration d’intention de conserver les actions, le justificatif de détention et les disponibilités pour un échange figurent dans la lettre de dépôt : créez-en une à partir d’un modèle de lettre de dépôt, avec la même société et la même année d’assemblée.
check-campaign-letter-sound = Pour { $draft }, les vérifications de l’intention de conserver, de la détention et des disponibilités sont conformes.
check-campaign-proposal-title = Proposition pour cette lettre
check-campaign-proposal-missing = Pas encore de brouillon de proposition pour l’assemblée de cette société : la lettre est envoyée avec la proposition et son exposé des motifs.
check-campaign-proposal-sound = Aucune vérification non conforme pour { $draft }.
# $failing : les titres des vérifications non conformes du brouillon.
check-campaign-partner-fails = Vérifications non conformes pour { $draft } : { $failing }. Ouvrez-le pour en voir la raison.
check-campaign-unchecked = ses vérifications n’ont pas pu s’exécuter (son modèle ne parvient pas à produire le document)
check-campaign-name-the-proponent = Indiquez l’auteur de la proposition pour vérifier qu’il ne dépose qu’une proposition pour cette assemblée.
check-campaign-more-proposals = { $proponent } a aussi { $drafts } pour cette assemblée ; chaque auteur ne peut soumettre qu’une proposition par assemblée, directement ou par l’intermédiaire d’un représentant. N’en déposez qu’une.
check-campaign-one-proposal = Aucune autre proposition de { $proponent } pour cette assemblée parmi les brouillons.
check-campaign-document-unchecked = son modèle ne parvient pas à produire le document avec ces réponses : ouvrez-le pour en voir la raison
check-campaign-rules-unavailable = les paramètres de la règle n’ont pas pu être chargés : { $error }
check-campaign-deadline-needs-proxy-date = Indiquez la date de publication de la circulaire de sollicitation de procurations de l’an dernier pour calculer la date limite de la règle 14a-8.
check-campaign-deadline-needs-meeting-uk = Indiquez la date de l’assemblée pour calculer la date limite de la section 338.
check-campaign-deadline-needs-meeting-fr = Indiquez la date de l’assemblée pour calculer la date limite prévue à l’article R225-72.

## Réponses que les règles suggèrent dans l’assistant

check-fill-zone = D’après l’adresse de la société, ses principaux bureaux de direction sont à l’{ $zone_name } ({ $zone }).
check-fill-engagement-slots = Jours ouvrés situés entre { $from } et { $to } jours calendaires après la date de la lettre ({ $submitted }), comme l’exige la règle 14a-8(b)(1)(iii). Remplacez ces horaires par des créneaux que l’auteur de la proposition peut tenir.
check-fill-letter-date = Aujourd’hui : { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } avant la date limite du { $deadline }.
