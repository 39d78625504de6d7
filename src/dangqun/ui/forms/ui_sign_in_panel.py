# Generated from forms/sign_in_panel.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'sign_in_panel.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)

from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SignInPanel(object):
    def setupUi(self, SignInPanel):
        if not SignInPanel.objectName():
            SignInPanel.setObjectName(u"SignInPanel")
        SignInPanel.setMinimumSize(QSize(480, 0))
        SignInPanel.setMaximumSize(QSize(480, 16777215))
        self.panelLayout = QVBoxLayout(SignInPanel)
        self.panelLayout.setSpacing(14)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(32, 28, 32, 24)
        self.titleLabel = QLabel(SignInPanel)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"dialogTitle")

        self.panelLayout.addWidget(self.titleLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.formLayout.setHorizontalSpacing(14)
        self.formLayout.setVerticalSpacing(6)
        self.usernameLabel = QLabel(SignInPanel)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(SignInPanel)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(32)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.usernameError = QLabel(SignInPanel)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setWordWrap(True)
        self.usernameError.setProperty(u"role", u"error")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usernameError)

        self.passwordLabel = QLabel(SignInPanel)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(SignInPanel)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.passwordError = QLabel(SignInPanel)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setWordWrap(True)
        self.passwordError.setProperty(u"role", u"error")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passwordError)


        self.panelLayout.addLayout(self.formLayout)

        self.messageLabel = QLabel(SignInPanel)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setProperty(u"role", u"error")

        self.panelLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.panelLayout.addItem(self.bottomSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.quitButton = QPushButton(SignInPanel)
        self.quitButton.setObjectName(u"quitButton")
        self.quitButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.quitButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.signInButton = QPushButton(SignInPanel)
        self.signInButton.setObjectName(u"signInButton")
        self.signInButton.setProperty(u"role", u"primary")

        self.buttonLayout.addWidget(self.signInButton)


        self.panelLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.signInButton)
        QWidget.setTabOrder(self.signInButton, self.quitButton)

        self.retranslateUi(SignInPanel)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(SignInPanel)
    # setupUi

    def retranslateUi(self, SignInPanel):
        self.titleLabel.setText(QCoreApplication.translate("SignInPanel", u"Sign in", None))
        self.usernameLabel.setText(QCoreApplication.translate("SignInPanel", u"&User name", None))
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("SignInPanel", u"e.g. zhangsan", None))
        self.passwordLabel.setText(QCoreApplication.translate("SignInPanel", u"&Password", None))
        self.quitButton.setText(QCoreApplication.translate("SignInPanel", u"&Quit", None))
        self.signInButton.setText(QCoreApplication.translate("SignInPanel", u"&Sign in", None))
        pass
    # retranslateUi

