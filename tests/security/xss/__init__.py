"""XSS everywhere: markup typed into the admin comes out as text on every surface that shows it.

Each payload is entered through the Django admin by an Editors user, posting the forms the admin
renders (``tests.forms.form_data``), into every free-text field a reader sees: courts, judges,
cases, parties, firms, attorneys, docket entries, motions, rulings, deadlines, case links,
status notes, and the web addresses of documents and sources. Then each surface is read back:

- the HTML pages (home, case list, search results, case, related cases, deadlines, courts,
  judges, parties, my alerts) never carry the payload raw, and carry its escaped form;
- the Atom feeds parse (feedparser and a plain XML parser), their text titles hold the payload
  as text and their HTML summaries hold it escaped, and no element of it reaches the raw XML;
- the iCalendar files parse with ``icalendar`` and carry it as plain, escaped TEXT values, with
  no HTML alternative;
- the HTML part of each real alert e-mail (event, reminder, digest) holds it escaped, and so do
  the follow-on and closing notices, the words a reader filters on (typed on My alerts) and the
  follow-on page (``test_alert_notices.py``);
- the CSV exports write cells a spreadsheet would run as a formula as text (``'=...``);
- notes' bodies and tags' names, typed by staff through the case page's own forms, are text on
  every page that shows them (the case page, the case list, the note and tag forms, the tags'
  admin) and absent from every public surface (``test_notes_and_tags.py``);
- every URL field of the admin refuses ``javascript:``, ``data:`` and ``vbscript:`` addresses
  with a form error and writes nothing, and a page never links such an address even when one
  reached the database without validation.
"""
