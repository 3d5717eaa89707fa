"""PACER docket reports in: every shared real report imported and compared with juriscraper's JSON
beside it, re-imported (no change), followed by a later report (only its new entries become
events and e-mails), and bad files refused whole."""
