"""The categories of participants in Italian and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, translator

from ordito.core.languages import DEFAULT_LANGUAGE
from ordito.people.models import Category


class CategoryTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = (DEFAULT_LANGUAGE,)


translator.register(Category, CategoryTranslation)
