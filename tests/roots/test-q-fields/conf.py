extensions = ["questionnaire"]
