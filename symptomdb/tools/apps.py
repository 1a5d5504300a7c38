from django.apps import AppConfig


class ToolsConfig(AppConfig):
    """The safety plan, the coping toolkit, quick exit and the offline service worker."""

    name = "symptomdb.tools"
    label = "tools"
    verbose_name = "Readers' tools"
