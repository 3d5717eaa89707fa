"""Who may do what: every URL the site answers, for each role, by GET and by POST.

The roles: anonymous; a reader (signed in, not staff: follows cases and owns only their own
alerts); an editor (staff, in the Editors group: domain data in the admin as cases/roles.py
lists it, no users or groups); a superuser.

``ROUTES`` holds one entry per URL pattern of the URLconf (the admin's included). The admin's
per-model patterns come from ``ADMIN_MODELS``, one rule per (app label, model), and their
expected answers from the role rules: Editors get what EDITOR_PERMISSIONS grants, less what the
ModelAdmin refuses everyone; readers and anonymous visitors are sent to the admin's sign-in.
A pattern added to the URLconf without an entry here fails ``test_the_table_covers_every_url``.

POSTs carry empty bodies: the point is the status, and that nobody gets past the door. The test
client does not check CSRF tokens, so what stops an anonymous write below is the view itself.
"""
