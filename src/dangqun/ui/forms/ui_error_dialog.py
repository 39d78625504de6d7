# Generated from forms/error_dialog.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'error_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)

from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QToolButton, QVBoxLayout)

class Ui_ErrorDialog(object):
    def setupUi(self, ErrorDialog):
        if not ErrorDialog.objectName():
            ErrorDialog.setObjectName(u"ErrorDialog")
        ErrorDialog.resize(620, 360)
        ErrorDialog.setMinimumSize(QSize(560, 0))
        self.dialogLayout = QVBoxLayout(ErrorDialog)
        self.dialogLayout.setSpacing(12)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(28, 24, 28, 20)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(16)
        self.headerLayout.setObjectName(u"headerLayout")
        self.iconLabel = QLabel(ErrorDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setMinimumSize(QSize(48, 48))
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignTop)

        self.headerLayout.addWidget(self.iconLabel)

        self.textLayout = QVBoxLayout()
        self.textLayout.setSpacing(8)
        self.textLayout.setObjectName(u"textLayout")
        self.headlineLabel = QLabel(ErrorDialog)
        self.headlineLabel.setObjectName(u"headlineLabel")
        self.headlineLabel.setProperty(u"role", u"dialogTitle")

        self.textLayout.addWidget(self.headlineLabel)

        self.messageLabel = QLabel(ErrorDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.textLayout.addWidget(self.messageLabel)

        self.adviceLabel = QLabel(ErrorDialog)
        self.adviceLabel.setObjectName(u"adviceLabel")
        self.adviceLabel.setWordWrap(True)

        self.textLayout.addWidget(self.adviceLabel)

        self.logLabel = QLabel(ErrorDialog)
        self.logLabel.setObjectName(u"logLabel")
        self.logLabel.setWordWrap(True)
        self.logLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.logLabel.setProperty(u"role", u"muted")

        self.textLayout.addWidget(self.logLabel)


        self.headerLayout.addLayout(self.textLayout)


        self.dialogLayout.addLayout(self.headerLayout)

        self.detailsToggle = QToolButton(ErrorDialog)
        self.detailsToggle.setObjectName(u"detailsToggle")
        self.detailsToggle.setCheckable(True)
        self.detailsToggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.detailsToggle.setArrowType(Qt.ArrowType.RightArrow)

        self.dialogLayout.addWidget(self.detailsToggle)

        self.detailsText = QPlainTextEdit(ErrorDialog)
        self.detailsText.setObjectName(u"detailsText")
        self.detailsText.setMinimumSize(QSize(0, 180))
        self.detailsText.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.detailsText.setReadOnly(True)

        self.dialogLayout.addWidget(self.detailsText)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.copyButton = QPushButton(ErrorDialog)
        self.copyButton.setObjectName(u"copyButton")
        self.copyButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.copyButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.continueButton = QPushButton(ErrorDialog)
        self.continueButton.setObjectName(u"continueButton")
        self.continueButton.setProperty(u"role", u"primary")

        self.buttonLayout.addWidget(self.continueButton)


        self.dialogLayout.addLayout(self.buttonLayout)


        self.retranslateUi(ErrorDialog)
        self.continueButton.clicked.connect(ErrorDialog.accept)

        self.continueButton.setDefault(True)


        QMetaObject.connectSlotsByName(ErrorDialog)
    # setupUi

    def retranslateUi(self, ErrorDialog):
        ErrorDialog.setWindowTitle(QCoreApplication.translate("ErrorDialog", u"Unexpected error", None))
        self.headlineLabel.setText(QCoreApplication.translate("ErrorDialog", u"Sorry, something went wrong", None))
        self.messageLabel.setText(QCoreApplication.translate("ErrorDialog", u"The program met an unexpected problem. What you saved before is safe; the last action may not have been completed, so please check it. You can keep working.", None))
        self.adviceLabel.setText(QCoreApplication.translate("ErrorDialog", u"If it happens again, click \u201cCopy details\u201d and send the text to your technical support.", None))
        self.detailsToggle.setText(QCoreApplication.translate("ErrorDialog", u"Show details", None))
        self.copyButton.setText(QCoreApplication.translate("ErrorDialog", u"&Copy details", None))
        self.continueButton.setText(QCoreApplication.translate("ErrorDialog", u"C&ontinue", None))
    # retranslateUi

