from spacy.language import Language
@Language.factory("paragraph_classifier", default_config={})
def make_classifier(nlp, name):
    return lambda doc: doc
