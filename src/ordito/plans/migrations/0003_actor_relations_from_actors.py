"""Roles in projects, influence between actors and positions on objectives become plan content."""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0002_plan_relations_to_plans"),
        ("plans", "0002_plan_content_version"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # Take over the models actors/migrations/0002 let go of, on their existing tables.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HistoricalActorInfluence",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "strength",
                            models.PositiveSmallIntegerField(
                                help_text="0 none, 1 procedures, 2 projects, 3 missions, 4 existence.",
                                validators=[django.core.validators.MaxValueValidator(4)],
                                verbose_name="strength",
                            ),
                        ),
                        ("is_example", models.BooleanField(default=False, verbose_name="example")),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="plans.plan",
                                verbose_name="plan",
                            ),
                        ),
                        (
                            "source",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="actors.actor",
                                verbose_name="influencing actor",
                            ),
                        ),
                        (
                            "target",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="actors.actor",
                                verbose_name="influenced actor",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical influence between actors",
                        "verbose_name_plural": "historical influences between actors",
                        "db_table": "actors_historicalactorinfluence",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalActorPosition",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "position",
                            models.SmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(-4),
                                    django.core.validators.MaxValueValidator(4),
                                ],
                                verbose_name="position",
                            ),
                        ),
                        ("is_example", models.BooleanField(default=False, verbose_name="example")),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="actors.actor",
                                verbose_name="actor",
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "objective",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="plans.objective",
                                verbose_name="objective",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical position on an objective",
                        "verbose_name_plural": "historical positions on objectives",
                        "db_table": "actors_historicalactorposition",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalProjectRole",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "role",
                            models.CharField(
                                choices=[
                                    ("promoter", "Promoter"),
                                    ("partner", "Partner"),
                                    ("funder", "Funder"),
                                    ("implementer", "Implementer"),
                                ],
                                max_length=20,
                                verbose_name="role",
                            ),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="actors.actor",
                                verbose_name="actor",
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "project",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="plans.project",
                                verbose_name="project",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical role in a project",
                        "verbose_name_plural": "historical roles in projects",
                        "db_table": "actors_historicalprojectrole",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="ActorInfluence",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "strength",
                            models.PositiveSmallIntegerField(
                                help_text="0 none, 1 procedures, 2 projects, 3 missions, 4 existence.",
                                validators=[django.core.validators.MaxValueValidator(4)],
                                verbose_name="strength",
                            ),
                        ),
                        ("is_example", models.BooleanField(default=False, verbose_name="example")),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="actor_influences",
                                to="plans.plan",
                                verbose_name="plan",
                            ),
                        ),
                        (
                            "source",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="influences_given",
                                to="actors.actor",
                                verbose_name="influencing actor",
                            ),
                        ),
                        (
                            "target",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="influences_received",
                                to="actors.actor",
                                verbose_name="influenced actor",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "influence between actors",
                        "verbose_name_plural": "influences between actors",
                        "db_table": "actors_actorinfluence",
                        "ordering": ["plan", "source__name", "target__name"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("plan", "source", "target"),
                                name="actor_influence_unique",
                                violation_error_message="This influence is already recorded for this plan.",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("source", models.F("target")), _negated=True),
                                name="actor_influence_not_self",
                                violation_error_message="An actor cannot influence itself.",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("strength__lte", 4)),
                                name="actor_influence_strength_range",
                                violation_error_message="Give a strength from 0 to 4.",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ActorPosition",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "position",
                            models.SmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(-4),
                                    django.core.validators.MaxValueValidator(4),
                                ],
                                verbose_name="position",
                            ),
                        ),
                        ("is_example", models.BooleanField(default=False, verbose_name="example")),
                        (
                            "actor",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="positions",
                                to="actors.actor",
                                verbose_name="actor",
                            ),
                        ),
                        (
                            "objective",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="actor_positions",
                                to="plans.objective",
                                verbose_name="objective",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "position on an objective",
                        "verbose_name_plural": "positions on objectives",
                        "db_table": "actors_actorposition",
                        "ordering": ["actor__name", "objective__order", "objective__code"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("actor", "objective"),
                                name="actor_position_unique",
                                violation_error_message="This actor already has a position on this objective.",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("position__gte", -4), ("position__lte", 4)),
                                name="actor_position_range",
                                violation_error_message="Give a position from −4 to +4.",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ProjectRole",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "role",
                            models.CharField(
                                choices=[
                                    ("promoter", "Promoter"),
                                    ("partner", "Partner"),
                                    ("funder", "Funder"),
                                    ("implementer", "Implementer"),
                                ],
                                max_length=20,
                                verbose_name="role",
                            ),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="actors.actor",
                                verbose_name="actor",
                            ),
                        ),
                        (
                            "project",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="plans.project",
                                verbose_name="project",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "role in a project",
                        "verbose_name_plural": "roles in projects",
                        "db_table": "actors_projectrole",
                        "ordering": ["project", "role", "actor__name"],
                        "default_related_name": "roles",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("actor", "project", "role"),
                                name="project_role_unique",
                                violation_error_message="This actor already has this role in this project.",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
