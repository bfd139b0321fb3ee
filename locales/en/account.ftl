# The account page (password, people, invitations, audit log, API tokens)
# and the server-built pages: sign in, first setup, accepting an invitation.

account-title = Account
account-signed-in-as = Signed in as { $email } — { $role } of { $org } ({ $kind }).
account-org-kind-investor = investor
account-org-kind-advocacy = advocacy
account-org-kind-built-in = built-in

## Password

account-password = Password
account-password-changed = Password changed. Your other sessions have been signed out.
account-current-password = Current password
account-new-password = New password (at least 12 characters)
account-change-password = Change password

## People and invitations

account-people = People
account-loading-people = Loading people…
account-email = Email
account-role = Role
account-since = Since
account-role-of = Role of { $email }
account-change-role = Change
account-remove = Remove
account-pending = Invitations not yet accepted
account-pending-invitation = { $email } as { $role }, invited by { $invited_by }, until { $until }
account-invite = Invite someone
account-make-invitation = Make an invitation
account-invitation-made = Invitation made. Send this address to the person (it works for 7 days, once):

## Audit log (the actions are shown as the log stored them)

account-audit-log = Audit log
account-loading-log = Loading the log…
account-audit-when = When (UTC)
account-audit-who = Who
account-audit-what = What
account-audit-on = On
account-audit-details = Details

## API tokens

account-api-tokens = API tokens
# Before the address /api/v1.
account-api-help-address = Other systems (a portfolio tool, a mail merge, a script) use the API at
# Between the address and the header `Authorization: Bearer TOKEN`.
account-api-help-header = with a token sent as
# After the header.
account-api-help-scope = . A token acts for the whole organisation within its scope; revoke it when it is no longer used.
account-token-user = What will use it
account-token-user-example = e.g. Portfolio system
account-token-scope = Scope
account-scope-read = read
account-scope-read-allows = read templates, drafts and packets
account-scope-draft = draft
account-scope-draft-allows = read, and create and update drafts
account-scope-render = render
account-scope-render-allows = read, render documents and start packets
account-create-token = Create token
account-token-shown-once = Copy this token now; it is not shown again:
account-loading-tokens = Loading tokens…
account-token-name = Name
account-token-created = Created
account-token-last-used = Last used
account-token-state = State
account-token-created-by = { $date } by { $who }
account-token-used-at = { $date } at { $time }
account-token-never-used = never
account-token-revoke = Revoke
account-token-revoked = revoked

## Sign in (server-built pages)

sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-email = Email
sign-in-password = Password
sign-in-no-account = No account? Ask your organisation's admin for an invitation.
# One message for an unknown email and a wrong password: the page must not
# tell which accounts exist.
sign-in-wrong = email or password is wrong
sign-in-slow-down = too many failed sign-ins for this account or from this address: try again in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
sign-in-failed-title = Something went wrong

## First setup

sign-in-setup-title = Set up Resolution Studio
sign-in-setup-used = This setup address is not valid: it has been used, or the server printed a newer one on its console. Once someone can sign in, admins invite everyone else.
sign-in-setup-lead = Nobody can sign in yet. Create your organisation and its first administrator; the administrator then invites everyone else.
sign-in-organisation = Organisation
sign-in-kind = Kind
sign-in-kind-advocacy = advocacy group
sign-in-your-email = Your email
sign-in-new-password = Password (at least { $min } characters)
sign-in-setup-submit = Create and sign in

## Accepting an invitation

sign-in-join-title = Join Resolution Studio
sign-in-invited = You are invited to join { $org } as { $role }, with the email { $email }. Choose a password to accept.
sign-in-join-submit = Join and sign in
