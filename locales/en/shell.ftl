# The frame of every page: navigation, the account menu, the language switch.

site-name = Resolution Studio
nav-label = Main
nav-templates = Templates
nav-drafts = Drafts
nav-campaigns = Campaigns
nav-evidence = Evidence
nav-library = Template library
nav-account = Account
script-retrying = Part of this page could not be loaded, so its buttons do not work yet. Trying again…
page-not-found = There is no page at this address.
language-switch = Language
sign-out = Sign out
loading = Loading…
