"""The staff's texts of participation in Italian and English (docs/decisions/0002): boards and
consultations. What participants write stays in the language they wrote it in."""

from modeltranslation.translator import TranslationOptions, translator

from ordito.core.languages import DEFAULT_LANGUAGE
from ordito.participation.models import Board, Consultation


class BoardTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = (DEFAULT_LANGUAGE,)


class ConsultationTranslation(TranslationOptions):
    fields = ("title", "question")
    required_languages = (DEFAULT_LANGUAGE,)


for model, options in [(Board, BoardTranslation), (Consultation, ConsultationTranslation)]:
    translator.register([model, model.history.model], options)
