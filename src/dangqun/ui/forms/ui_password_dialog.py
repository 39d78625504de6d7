# Generated from forms/password_dialog.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'password_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)

from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_PasswordDialog(object):
    def setupUi(self, PasswordDialog):
        if not PasswordDialog.objectName():
            PasswordDialog.setObjectName(u"PasswordDialog")
        PasswordDialog.resize(500, 340)
        self.dialogLayout = QVBoxLayout(PasswordDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(PasswordDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.currentPasswordLabel = QLabel(PasswordDialog)
        self.currentPasswordLabel.setObjectName(u"currentPasswordLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentPasswordLabel)

        self.currentPasswordEdit = QLineEdit(PasswordDialog)
        self.currentPasswordEdit.setObjectName(u"currentPasswordEdit")
        self.currentPasswordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentPasswordEdit)

        self.currentPasswordError = QLabel(PasswordDialog)
        self.currentPasswordError.setObjectName(u"currentPasswordError")
        self.currentPasswordError.setProperty(u"role", u"error")
        self.currentPasswordError.setWordWrap(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.currentPasswordError)

        self.newPasswordLabel = QLabel(PasswordDialog)
        self.newPasswordLabel.setObjectName(u"newPasswordLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.newPasswordLabel)

        self.newPasswordEdit = QLineEdit(PasswordDialog)
        self.newPasswordEdit.setObjectName(u"newPasswordEdit")
        self.newPasswordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.newPasswordEdit)

        self.newPasswordError = QLabel(PasswordDialog)
        self.newPasswordError.setObjectName(u"newPasswordError")
        self.newPasswordError.setProperty(u"role", u"error")
        self.newPasswordError.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.newPasswordError)

        self.passwordAgainLabel = QLabel(PasswordDialog)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordAgainLabel)

        self.passwordAgainEdit = QLineEdit(PasswordDialog)
        self.passwordAgainEdit.setObjectName(u"passwordAgainEdit")
        self.passwordAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordAgainEdit)

        self.passwordAgainError = QLabel(PasswordDialog)
        self.passwordAgainError.setObjectName(u"passwordAgainError")
        self.passwordAgainError.setProperty(u"role", u"error")
        self.passwordAgainError.setWordWrap(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordAgainError)


        self.dialogLayout.addLayout(self.formLayout)

        self.generalError = QLabel(PasswordDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setProperty(u"role", u"error")
        self.generalError.setWordWrap(True)

        self.dialogLayout.addWidget(self.generalError)

        self.dialogSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.dialogSpacer)

        self.buttonBox = QDialogButtonBox(PasswordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.currentPasswordLabel.setBuddy(self.currentPasswordEdit)
        self.newPasswordLabel.setBuddy(self.newPasswordEdit)
        self.passwordAgainLabel.setBuddy(self.passwordAgainEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.currentPasswordEdit, self.newPasswordEdit)
        QWidget.setTabOrder(self.newPasswordEdit, self.passwordAgainEdit)

        self.retranslateUi(PasswordDialog)

        QMetaObject.connectSlotsByName(PasswordDialog)
    # setupUi

    def retranslateUi(self, PasswordDialog):
        PasswordDialog.setWindowTitle(QCoreApplication.translate("PasswordDialog", u"Password", None))
        self.currentPasswordLabel.setText(QCoreApplication.translate("PasswordDialog", u"Current password", None))
        self.newPasswordLabel.setText(QCoreApplication.translate("PasswordDialog", u"New password", None))
        self.passwordAgainLabel.setText(QCoreApplication.translate("PasswordDialog", u"New password again", None))
    # retranslateUi

