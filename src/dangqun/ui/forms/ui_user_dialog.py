# Generated from forms/user_dialog.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'user_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_UserDialog(object):
    def setupUi(self, UserDialog):
        if not UserDialog.objectName():
            UserDialog.setObjectName(u"UserDialog")
        UserDialog.resize(520, 420)
        self.dialogLayout = QVBoxLayout(UserDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(UserDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"dialogTitle")

        self.dialogLayout.addWidget(self.titleLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.usernameLabel = QLabel(UserDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(UserDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(32)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.usernameError = QLabel(UserDialog)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setProperty(u"role", u"error")
        self.usernameError.setWordWrap(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usernameError)

        self.displayNameLabel = QLabel(UserDialog)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.displayNameEdit = QLineEdit(UserDialog)
        self.displayNameEdit.setObjectName(u"displayNameEdit")
        self.displayNameEdit.setMaxLength(64)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.displayNameEdit)

        self.displayNameError = QLabel(UserDialog)
        self.displayNameError.setObjectName(u"displayNameError")
        self.displayNameError.setProperty(u"role", u"error")
        self.displayNameError.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.displayNameError)

        self.roleLabel = QLabel(UserDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(UserDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.roleNotes = QVBoxLayout()
        self.roleNotes.setObjectName(u"roleNotes")
        self.roleError = QLabel(UserDialog)
        self.roleError.setObjectName(u"roleError")
        self.roleError.setProperty(u"role", u"error")
        self.roleError.setWordWrap(True)

        self.roleNotes.addWidget(self.roleError)

        self.roleHelp = QLabel(UserDialog)
        self.roleHelp.setObjectName(u"roleHelp")
        self.roleHelp.setTextFormat(Qt.TextFormat.RichText)
        self.roleHelp.setWordWrap(True)
        self.roleHelp.setProperty(u"role", u"muted")

        self.roleNotes.addWidget(self.roleHelp)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.roleNotes)

        self.passwordLabel = QLabel(UserDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(UserDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.passwordError = QLabel(UserDialog)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setProperty(u"role", u"error")
        self.passwordError.setWordWrap(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.passwordError)

        self.passwordAgainLabel = QLabel(UserDialog)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.passwordAgainLabel)

        self.passwordAgainEdit = QLineEdit(UserDialog)
        self.passwordAgainEdit.setObjectName(u"passwordAgainEdit")
        self.passwordAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.passwordAgainEdit)

        self.passwordAgainError = QLabel(UserDialog)
        self.passwordAgainError.setObjectName(u"passwordAgainError")
        self.passwordAgainError.setProperty(u"role", u"error")
        self.passwordAgainError.setWordWrap(True)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.passwordAgainError)

        self.activeCheck = QCheckBox(UserDialog)
        self.activeCheck.setObjectName(u"activeCheck")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.activeCheck)


        self.dialogLayout.addLayout(self.formLayout)

        self.generalError = QLabel(UserDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setProperty(u"role", u"error")
        self.generalError.setWordWrap(True)

        self.dialogLayout.addWidget(self.generalError)

        self.dialogSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.dialogSpacer)

        self.buttonBox = QDialogButtonBox(UserDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.displayNameLabel.setBuddy(self.displayNameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.passwordAgainLabel.setBuddy(self.passwordAgainEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.displayNameEdit)
        QWidget.setTabOrder(self.displayNameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.passwordAgainEdit)
        QWidget.setTabOrder(self.passwordAgainEdit, self.activeCheck)

        self.retranslateUi(UserDialog)

        QMetaObject.connectSlotsByName(UserDialog)
    # setupUi

    def retranslateUi(self, UserDialog):
        UserDialog.setWindowTitle(QCoreApplication.translate("UserDialog", u"User", None))
        self.usernameLabel.setText(QCoreApplication.translate("UserDialog", u"Username", None))
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"Letters and digits, e.g. zhangsan", None))
        self.displayNameLabel.setText(QCoreApplication.translate("UserDialog", u"Full name", None))
        self.roleLabel.setText(QCoreApplication.translate("UserDialog", u"Role", None))
        self.passwordLabel.setText(QCoreApplication.translate("UserDialog", u"Password", None))
        self.passwordAgainLabel.setText(QCoreApplication.translate("UserDialog", u"Password again", None))
        self.activeCheck.setText(QCoreApplication.translate("UserDialog", u"Enabled (can sign in)", None))
    # retranslateUi

