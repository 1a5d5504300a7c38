from django.apps import AppConfig


class CommunityConfig(AppConfig):
    """After every ``migrate`` (so ``symptomdb setup`` too): the role groups and the throttle cache table."""

    name = "symptomdb.community"
    label = "community"
    verbose_name = "Community and editorial trust"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_login_failed
        from django.db.models.signals import post_migrate

        from symptomdb.community.accounts import count_failed_sign_in
        from symptomdb.community.roles import ensure_roles_after_migrate, ensure_throttle_table

        user_login_failed.connect(count_failed_sign_in, dispatch_uid="symptomdb-sign-in-client")

        post_migrate.connect(ensure_throttle_table, dispatch_uid="symptomdb-community-cache")
        post_migrate.connect(ensure_roles_after_migrate, dispatch_uid="symptomdb-community-roles")
