"""Give the actor relations' tables the plans app's names, and move their content types along
(permissions and the admin's log follow the content type)."""

from django.db import migrations

MOVED = (
    "projectrole",
    "actorinfluence",
    "actorposition",
    "historicalprojectrole",
    "historicalactorinfluence",
    "historicalactorposition",
)


def content_types_move(apps, schema_editor, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(
        ContentType.objects.filter(app_label=target, model__in=MOVED).values_list(
            "model", flat=True
        )
    )
    ContentType.objects.filter(app_label=source, model__in=set(MOVED) - taken).update(
        app_label=target
    )


def forwards(apps, schema_editor) -> None:
    content_types_move(apps, schema_editor, source="actors", target="plans")


def backwards(apps, schema_editor) -> None:
    content_types_move(apps, schema_editor, source="plans", target="actors")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("plans", "0003_actor_relations_from_actors"),
    ]

    operations = [
        migrations.AlterModelTable(
            name="actorinfluence",
            table=None,
        ),
        migrations.AlterModelTable(
            name="actorposition",
            table=None,
        ),
        migrations.AlterModelTable(
            name="historicalactorinfluence",
            table=None,
        ),
        migrations.AlterModelTable(
            name="historicalactorposition",
            table=None,
        ),
        migrations.AlterModelTable(
            name="historicalprojectrole",
            table=None,
        ),
        migrations.AlterModelTable(
            name="projectrole",
            table=None,
        ),
        migrations.RunPython(forwards, backwards),
    ]
