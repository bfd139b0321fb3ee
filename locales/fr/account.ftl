# La page du compte (mot de passe, membres, invitations, journal d’audit,
# jetons d’API) et les pages construites par le serveur : connexion,
# première configuration, acceptation d’une invitation.

account-title = Compte
account-signed-in-as = Session ouverte : { $email } — { $role } de { $org } ({ $kind }).
account-org-kind-investor = investisseur
account-org-kind-advocacy = organisation de plaidoyer
account-org-kind-built-in = intégrée

## Mot de passe

account-password = Mot de passe
account-password-changed = Mot de passe modifié. Vos autres sessions ont été fermées.
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe (12 caractères au moins)
account-change-password = Changer le mot de passe

## Membres et invitations

account-people = Membres
account-loading-people = Chargement des membres…
account-email = Adresse e-mail
account-role = Rôle
account-since = Depuis le
account-role-of = Rôle de { $email }
account-change-role = Modifier
account-remove = Retirer
account-pending = Invitations en attente
account-pending-invitation = { $email }, { $role } — invitation de { $invited_by }, valable jusqu’au { $until }
account-invite = Inviter quelqu’un
account-make-invitation = Créer une invitation
account-invitation-made = Invitation créée. Transmettez cette adresse à la personne invitée (valable 7 jours, une seule fois) :

## Journal d’audit (les actions s’affichent telles que le journal les a enregistrées)

account-audit-log = Journal d’audit
account-loading-log = Chargement du journal…
account-audit-when = Date (UTC)
account-audit-who = Auteur
account-audit-what = Action
account-audit-on = Objet
account-audit-details = Détails

## Jetons d’API

account-api-tokens = Jetons d’API
# Avant l’adresse /api/v1.
account-api-help-address = D’autres systèmes (un outil de gestion de portefeuille, un publipostage, un script) utilisent l’API à l’adresse
# Entre l’adresse et l’en-tête `Authorization: Bearer TOKEN`.
account-api-help-header = avec un jeton transmis dans l’en-tête
# Après l’en-tête.
account-api-help-scope = . Un jeton agit pour toute l’organisation, dans les limites de son périmètre ; révoquez-le dès qu’il ne sert plus.
account-token-user = Système qui l’utilisera
account-token-user-example = p. ex. Outil de gestion de portefeuille
account-token-scope = Périmètre
account-scope-read = lecture
account-scope-read-allows = lire les modèles, les brouillons et les dossiers
account-scope-draft = rédaction
account-scope-draft-allows = lire, créer et modifier des brouillons
account-scope-render = génération
account-scope-render-allows = lire, générer les documents et lancer des dossiers
account-create-token = Créer le jeton
account-token-shown-once = Copiez ce jeton maintenant ; il ne sera plus affiché :
account-loading-tokens = Chargement des jetons…
account-token-name = Nom
account-token-created = Création
account-token-last-used = Dernière utilisation
account-token-state = État
account-token-created-by = { $date } par { $who }
account-token-used-at = { $date } à { $time }
account-token-never-used = jamais
account-token-revoke = Révoquer
account-token-revoked = révoqué

## Connexion (pages construites par le serveur)

sign-in-title = Connexion
sign-in-submit = Se connecter
sign-in-email = Adresse e-mail
sign-in-password = Mot de passe
sign-in-no-account = Pas encore de compte ? Demandez une invitation à l’administrateur de votre organisation.
sign-in-wrong = adresse e-mail ou mot de passe incorrect
sign-in-slow-down = trop de connexions ont échoué pour ce compte ou depuis cette adresse : réessayez dans { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
sign-in-failed-title = Un problème est survenu

## Première configuration

sign-in-setup-title = Configurer Resolution Studio
sign-in-setup-used = Cette adresse de configuration n’est plus valable : elle a déjà servi, ou le serveur en a affiché une plus récente sur sa console. Une fois qu’une personne peut se connecter, ce sont les administrateurs qui invitent les autres.
sign-in-setup-lead = Personne ne peut encore se connecter. Créez votre organisation et son premier administrateur ; c’est lui qui invitera ensuite les autres personnes.
sign-in-organisation = Organisation
sign-in-kind = Type
sign-in-kind-advocacy = organisation de plaidoyer
sign-in-your-email = Votre adresse e-mail
sign-in-new-password = Mot de passe ({ $min } caractères au moins)
sign-in-setup-submit = Créer et se connecter

## Acceptation d’une invitation

sign-in-join-title = Rejoindre Resolution Studio
sign-in-invited = Une invitation vous attend : rejoindre { $org } en tant que { $role }, avec l’adresse e-mail { $email }. Choisissez un mot de passe pour l’accepter.
sign-in-join-submit = Rejoindre et se connecter
