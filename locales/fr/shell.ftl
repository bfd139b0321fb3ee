# Le cadre de chaque page : navigation, menu du compte, choix de la langue.

site-name = Resolution Studio
nav-label = Navigation principale
nav-templates = Modèles
nav-drafts = Brouillons
nav-campaigns = Campagnes
nav-evidence = Preuves
nav-library = Bibliothèque de modèles
nav-account = Compte
page-not-found = Il n’y a pas de page à cette adresse.
language-switch = Langue
sign-out = Se déconnecter
loading = Chargement…
