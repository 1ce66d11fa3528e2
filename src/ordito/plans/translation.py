"""Plan content in Italian and English (django-modeltranslation), falling back to Italian.

The historical models of django-simple-history are registered too, so that the history keeps both
languages: without it, it would record only the Italian text.
"""

from modeltranslation.translator import TranslationOptions, translator

from ordito.core.languages import DEFAULT_LANGUAGE
from ordito.plans.models import Direction, MetaObjective, Objective, Plan, Project, ThematicArea


class PlanTranslation(TranslationOptions):
    fields = ("title", "territory", "vision", "description")
    required_languages = (DEFAULT_LANGUAGE,)


class PartTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = (DEFAULT_LANGUAGE,)


class ObjectiveTranslation(TranslationOptions):
    fields = ("title", "short_title", "description")
    required_languages = (DEFAULT_LANGUAGE,)


for model, options in [
    (Plan, PlanTranslation),
    (MetaObjective, PartTranslation),
    (ThematicArea, PartTranslation),
    (Direction, PartTranslation),
    (Project, PartTranslation),
    (Objective, ObjectiveTranslation),
]:
    translator.register([model, model.history.model], options)
