from django.apps import AppConfig


class CommunityConfig(AppConfig):
    """Creates the role groups after every ``migrate`` (so ``symptomdb setup`` keeps them)."""

    name = "symptomdb.community"
    label = "community"
    verbose_name = "Community and editorial trust"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from symptomdb.community.roles import ensure_roles_after_migrate

        post_migrate.connect(ensure_roles_after_migrate, dispatch_uid="symptomdb-community-roles")
