# Le cadre de chaque page : navigation, menu du compte, choix de la langue.

site-name = Resolution Studio
nav-label = Navigation principale
nav-templates = Modèles
nav-drafts = Brouillons
nav-campaigns = Campagnes
nav-evidence = Preuves
nav-library = Bibliothèque de modèles
nav-account = Compte
script-retrying = Une partie de cette page n’a pas pu être chargée : ses boutons ne fonctionnent pas encore. Nouvel essai…
page-not-found = Il n’y a pas de page à cette adresse.
language-switch = Langue
sign-out = Se déconnecter
loading = Chargement…
