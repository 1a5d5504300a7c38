"""Readers' private tools: the safety plan, the coping toolkit and quick exit.

Everything a reader types or chooses here stays in their browser (localStorage, and the
service worker's offline copy of the pages); the server only renders pages that are the
same for every reader, so the shared page cache may keep them. See docs/privacy.md.
"""
