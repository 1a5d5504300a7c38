"""Reader pages that are not Wagtail pages: search results, about, editorial policy, privacy."""
