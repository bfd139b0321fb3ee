# What the store refuses, as the person whose request it refuses reads it
# (the pages in their language; the command line, the API and the logs in
# English). Failures of ours are logged in English and are not here.

# What only an operator reads on the command line (backups and restores),
# or a failure of ours passed on in English: shown as it is, in every
# language.
store-as-given = { $detail }

## Organisations, people and invitations

store-org-name = an organisation needs a name of one line, at most 200 characters
store-org-kind = use investor or advocacy
store-no-organisation = there is no organisation `{ $slug }`
store-no-user = there is no user { $email }
store-email-taken = { $email } has an account already
store-last-admin = this is the organisation's last admin: make someone else admin first
store-wrong-password = the current password is wrong
store-not-an-email = `{ $email }` is not an email address
password-too-short = the password is too short: use at least { $min } characters (a few unrelated words work well)
password-too-long = the password is too long: use at most { $max } characters
# $why: what zxcvbn found that makes the password guessable.
password-too-weak = the password is too weak: { $why ->
        [key-rows] straight rows of keys are easy to guess
        [keyboard-pattern] short keyboard patterns are easy to guess
        [repeated-character] repeats like "aaa" are easy to guess
        [repeated-group] repeats like "abcabcabc" are only slightly harder to guess than "abc"
        [common] it is a very common password
        [like-common] it is similar to a commonly used password
        [sequence] sequences like abc or 6543 are easy to guess
        [recent-year] recent years are easy to guess
        [one-word] a word by itself is easy to guess
        [date] dates are often easy to guess
        [name] names and surnames are easy to guess
       *[guessable] it is easy to guess
    }
store-setup-replaced = this setup address has been used or replaced: look for the newest one on the server's console
store-setup-used = this setup address has been used
store-invitation-gone = this invitation has expired or been used: ask your organisation's admin for a new one
store-invitation-used = this invitation has been used

## API tokens

store-token-name = name the token (1 to 100 characters) after what will use it
# $problem: which character is refused and where.
store-token-name-refused = the token's name: { $problem }
store-too-many-tokens = your organisation has { $count } tokens: revoke one it no longer uses first
store-no-token = there is no live token { $id } in your organisation

## Drafts and their publication

store-no-draft = there is no draft { $id }
store-no-draft-version = draft { $id } has no version { $version }
store-copy-title = { $title } (copy)
store-no-report-format = there is no evidence report as `{ $format }`: use html or pdf
store-draft-on-version = the draft already uses version { $version } of its template
store-move-to-unpublished = version { $version } of template `{ $template }` is not published: drafts move only to published versions
store-no-field = template `{ $template }` has no field `{ $field }`
store-template-retired = template `{ $template }` is retired: start from another template
store-publish-not-final = only a final draft can be published: mark it final first
store-not-published = the draft is not published

## Campaigns and packets

store-no-campaign = there is no campaign { $id }
store-campaign-changed = campaign “{ $name }” was changed by someone else since you opened it (revision { $revision }): reload the page, then make your change again
store-campaign-full = a campaign holds at most { $max } documents; this one has { $count } and { $more } more were asked for
store-no-import = campaign { $campaign } has no imported list { $import }
store-import-used = this list was already imported: its documents are on the campaign page
store-packet-empty = choose at least one draft for the packet
store-packet-too-large = a packet holds at most 5,000 drafts; { $count } were chosen
# $problem: which character is refused and where.
store-packet-title-refused = the packet's title: { $problem }
store-packets-busy = { $count } packets of your organisation are being rendered: wait for one to finish or stop one
store-no-packet = there is no packet { $id }
# $state: done, failed or cancelled.
store-packet-finished = packet { $id } is { $state } already
store-packet-not-ready = packet { $id } is not ready yet: its ZIP is written when it finishes
# $detail: the system's own words for the read error.
store-packet-unreadable = the packet file could not be read: { $detail }

## Evidence sources

store-no-source = there is no source `{ $source }`
store-source-id-taken = there is already a source with id `{ $source }`: choose another id
store-source-not-yours = source `{ $source }` belongs to { $owner }: add your own source to change it
# $citing: a list of the store-cited-by-… messages below.
store-source-in-use = source `{ $source }` cannot be deleted: it is cited by { $citing }; retire it instead to hide it from the picker
store-cited-by-draft = draft { $id } “{ $title }” (version { $version })
store-cited-by-template = template `{ $id }` version { $version }
store-cited-by-others = { $count } document version(s) of the built-in templates or of other organisations
store-cited-by-sharing = other organisations (it is shared with everyone)
store-cited-just-now = a version saved a moment ago

## Templates

store-no-template = no template `{ $template }`
store-no-template-version = no version { $version } of template `{ $template }`
store-no-published-version = no published version of template `{ $template }`: publish one first
store-template-built-in = `{ $template }` is a built-in template: clone it under a new id to change it
store-template-not-yours = template `{ $template }` belongs to { $owner }: clone it to change it
store-copy-names-another = the copy's front matter names `{ $named }`, not `{ $expected }`
store-release-notes-needed = say what changed in release notes before publishing
store-newer-published = version { $newest } of `{ $template }` is published and newer: to publish this text, save it again as a new version
store-published-already = version { $version } of `{ $template }` is published already
store-share-advocacy-only = only advocacy organisations publish templates to everyone
store-share-not-possible = version { $version } of `{ $template }` is not published yet, or is shared already: publish it first
# $problems: the linter's errors with their places, one a line.
store-template-errors = the template has { $count } error(s):
    { $problems }
store-template-id-taken = the template id `{ $template }` is taken: choose another id
store-template-exists = a template `{ $template }` exists already: choose another id
store-template-id-characters = template id `{ $template }` may use only letters, digits, `-` and `_`
store-template-no-id-line = the template's front matter has no `id:` line
