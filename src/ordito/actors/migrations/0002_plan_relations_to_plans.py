"""Hand the relations between actors and plans over to the plans app (docs/decisions/0004)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0001_initial"),
    ]

    # The rows stay where they are: plans/migrations/0003 takes these models over, tables and all.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="actorposition",
                    name="actor",
                ),
                migrations.RemoveField(
                    model_name="actorposition",
                    name="objective",
                ),
                migrations.RemoveField(
                    model_name="historicalactorinfluence",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalactorinfluence",
                    name="plan",
                ),
                migrations.RemoveField(
                    model_name="historicalactorinfluence",
                    name="source",
                ),
                migrations.RemoveField(
                    model_name="historicalactorinfluence",
                    name="target",
                ),
                migrations.RemoveField(
                    model_name="historicalactorposition",
                    name="actor",
                ),
                migrations.RemoveField(
                    model_name="historicalactorposition",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalactorposition",
                    name="objective",
                ),
                migrations.RemoveField(
                    model_name="historicalprojectrole",
                    name="actor",
                ),
                migrations.RemoveField(
                    model_name="historicalprojectrole",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalprojectrole",
                    name="project",
                ),
                migrations.RemoveField(
                    model_name="projectrole",
                    name="actor",
                ),
                migrations.RemoveField(
                    model_name="projectrole",
                    name="project",
                ),
                migrations.DeleteModel(
                    name="ActorInfluence",
                ),
                migrations.DeleteModel(
                    name="ActorPosition",
                ),
                migrations.DeleteModel(
                    name="HistoricalActorInfluence",
                ),
                migrations.DeleteModel(
                    name="HistoricalActorPosition",
                ),
                migrations.DeleteModel(
                    name="HistoricalProjectRole",
                ),
                migrations.DeleteModel(
                    name="ProjectRole",
                ),
            ],
            database_operations=[],
        ),
    ]
