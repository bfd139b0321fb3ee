# Errors any page can show, and the names of roles.

error-ours = something went wrong on our side (reference { $reference }); try again, and if it keeps failing give the reference to whoever runs this server
error-unreachable = the server could not be reached; check the connection and try again
error-unreadable = the server's answer could not be read: { $detail }
error-sign-in-first = sign in first
error-role-too-low = your role ({ $role }) may not do this: it needs { $needed } or above
role-viewer = viewer
role-drafter = drafter
role-editor = editor
role-admin = admin

## Refusals before any page or function runs

error-unknown-host = this server does not answer for the host `{ $host }`
error-cross-site = refused: this request did not come from Resolution Studio's own pages
error-session-ended = sign in first: your session has ended or you are not signed in
error-too-large = this request is larger than { $mib } MiB, the most the server takes: shorten the text or split the import

## Text that cannot be stored or printed, wherever it is typed or imported
# $code: the character's code point in hexadecimal ("0001"); $kind: control or noncharacter.

text-refused-character = character U+{ $code } ({ $kind ->
        [control] a control character
       *[noncharacter] a Unicode noncharacter
    }) cannot be stored or printed: remove it
text-refused-character-at-line = character U+{ $code } ({ $kind ->
        [control] a control character
       *[noncharacter] a Unicode noncharacter
    }) at line { $line }, column { $column } cannot be stored or printed: remove it
text-refused-character-at-position = character U+{ $code } ({ $kind ->
        [control] a control character
       *[noncharacter] a Unicode noncharacter
    }) at position { $column } cannot be stored or printed: remove it
text-in-item = item { $index }: { $problem }
text-in-key = `{ $key }`: { $problem }
