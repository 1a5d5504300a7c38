"""Authors no longer change references (a changed reference is live on every page at once,
without review); ``ensure_roles`` never takes permissions away, so this does, once."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def take_away_change_reference(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    authors = Group.objects.filter(name="Authors").first()
    change = Permission.objects.filter(
        content_type__app_label="topics", codename="change_reference"
    ).first()
    if authors is not None and change is not None:
        authors.permissions.remove(change)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("topics", "0003_topic_search_terms"),
    ]

    operations = [migrations.RunPython(take_away_change_reference, migrations.RunPython.noop)]
