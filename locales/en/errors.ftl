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
