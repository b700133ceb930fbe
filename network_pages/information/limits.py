"""The limits that keep requests and responses concise (4.6), in one place."""

BACKGROUND_MAX_LENGTH = 1500
QUESTION_MAX_LENGTH = 600
MAX_QUESTIONS = 20
ANSWER_MAX_LENGTH = 10_000
SUMMARY_MAX_LENGTH = 500
ITEM_BODY_MAX_LENGTH = 20_000
REQUESTS_PER_PAGE = 20
ITEMS_PER_PAGE = 20
# A text shorter than this is not judged by the language check: too little to tell.
LANGUAGE_CHECK_MIN_LETTERS = 20
