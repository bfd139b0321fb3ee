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
