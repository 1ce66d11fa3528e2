"""The process's texts in Italian and English (django-modeltranslation), falling back to Italian;
the historical models are registered too, so the history keeps both languages (decision 0002)."""

from modeltranslation.translator import TranslationOptions, translator

from ordito.core.languages import DEFAULT_LANGUAGE
from ordito.process.models import (
    Commission,
    ConferenceSession,
    Meeting,
    Milestone,
    Motion,
    Phase,
)


class TitleTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = (DEFAULT_LANGUAGE,)


class DescribedTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = (DEFAULT_LANGUAGE,)


class CommissionTranslation(TranslationOptions):
    fields = ("title", "mandate")
    required_languages = (DEFAULT_LANGUAGE,)


class MeetingTranslation(TranslationOptions):
    fields = ("title", "description", "agenda")
    required_languages = (DEFAULT_LANGUAGE,)


for model, options in [
    (Phase, DescribedTranslation),
    (Milestone, DescribedTranslation),
    (Commission, CommissionTranslation),
    (Meeting, MeetingTranslation),
    (ConferenceSession, TitleTranslation),
    (Motion, DescribedTranslation),
]:
    translator.register([model, model.history.model], options)
