"""Dialogs: each composes its generated ``Ui_*`` form (``self.ui = Ui_X(); self.ui.setupUi(self)``)
and calls services; a refusal is shown beside the field it names, in the service's Chinese."""
