"""What the API shows of each row: what the public pages show, nothing private (no users, no
e-mail addresses, no contact lines, no staff notes, no sync internals)."""
