# Generated from forms/member_change_dialog.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'member_change_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)

from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QGridLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout)

from dangqun.ui.widgets.date_field import DateField
from dangqun.ui.widgets.organization_picker import OrganizationPicker

class Ui_MemberChangeDialog(object):
    def setupUi(self, MemberChangeDialog):
        if not MemberChangeDialog.objectName():
            MemberChangeDialog.setObjectName(u"MemberChangeDialog")
        MemberChangeDialog.resize(620, 420)
        self.dialogLayout = QVBoxLayout(MemberChangeDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 14)
        self.titleLabel = QLabel(MemberChangeDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"dialogTitle")

        self.dialogLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(MemberChangeDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"muted")

        self.dialogLayout.addWidget(self.introLabel)

        self.formGrid = QGridLayout()
        self.formGrid.setObjectName(u"formGrid")
        self.formGrid.setHorizontalSpacing(12)
        self.formGrid.setVerticalSpacing(6)
        self.newKindLabel = QLabel(MemberChangeDialog)
        self.newKindLabel.setObjectName(u"newKindLabel")

        self.formGrid.addWidget(self.newKindLabel, 0, 0, 1, 1)

        self.newKindCombo = QComboBox(MemberChangeDialog)
        self.newKindCombo.setObjectName(u"newKindCombo")

        self.formGrid.addWidget(self.newKindCombo, 0, 1, 1, 1)

        self.newKindError = QLabel(MemberChangeDialog)
        self.newKindError.setObjectName(u"newKindError")
        self.newKindError.setProperty(u"role", u"error")
        self.newKindError.setWordWrap(True)

        self.formGrid.addWidget(self.newKindError, 1, 1, 1, 1)

        self.newStatusLabel = QLabel(MemberChangeDialog)
        self.newStatusLabel.setObjectName(u"newStatusLabel")

        self.formGrid.addWidget(self.newStatusLabel, 2, 0, 1, 1)

        self.newStatusCombo = QComboBox(MemberChangeDialog)
        self.newStatusCombo.setObjectName(u"newStatusCombo")

        self.formGrid.addWidget(self.newStatusCombo, 2, 1, 1, 1)

        self.newStatusError = QLabel(MemberChangeDialog)
        self.newStatusError.setObjectName(u"newStatusError")
        self.newStatusError.setProperty(u"role", u"error")
        self.newStatusError.setWordWrap(True)

        self.formGrid.addWidget(self.newStatusError, 3, 1, 1, 1)

        self.dateLabel = QLabel(MemberChangeDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formGrid.addWidget(self.dateLabel, 4, 0, 1, 1)

        self.dateEdit = DateField(MemberChangeDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.formGrid.addWidget(self.dateEdit, 4, 1, 1, 1)

        self.dateError = QLabel(MemberChangeDialog)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setProperty(u"role", u"error")
        self.dateError.setWordWrap(True)

        self.formGrid.addWidget(self.dateError, 5, 1, 1, 1)

        self.organizationLabel = QLabel(MemberChangeDialog)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.formGrid.addWidget(self.organizationLabel, 6, 0, 1, 1)

        self.organizationPicker = OrganizationPicker(MemberChangeDialog)
        self.organizationPicker.setObjectName(u"organizationPicker")

        self.formGrid.addWidget(self.organizationPicker, 6, 1, 1, 1)

        self.organizationError = QLabel(MemberChangeDialog)
        self.organizationError.setObjectName(u"organizationError")
        self.organizationError.setProperty(u"role", u"error")
        self.organizationError.setWordWrap(True)

        self.formGrid.addWidget(self.organizationError, 7, 1, 1, 1)

        self.destinationLabel = QLabel(MemberChangeDialog)
        self.destinationLabel.setObjectName(u"destinationLabel")

        self.formGrid.addWidget(self.destinationLabel, 8, 0, 1, 1)

        self.destinationEdit = QLineEdit(MemberChangeDialog)
        self.destinationEdit.setObjectName(u"destinationEdit")
        self.destinationEdit.setMaxLength(200)

        self.formGrid.addWidget(self.destinationEdit, 8, 1, 1, 1)

        self.destinationError = QLabel(MemberChangeDialog)
        self.destinationError.setObjectName(u"destinationError")
        self.destinationError.setProperty(u"role", u"error")
        self.destinationError.setWordWrap(True)

        self.formGrid.addWidget(self.destinationError, 9, 1, 1, 1)

        self.originLabel = QLabel(MemberChangeDialog)
        self.originLabel.setObjectName(u"originLabel")

        self.formGrid.addWidget(self.originLabel, 10, 0, 1, 1)

        self.originEdit = QLineEdit(MemberChangeDialog)
        self.originEdit.setObjectName(u"originEdit")
        self.originEdit.setMaxLength(200)

        self.formGrid.addWidget(self.originEdit, 10, 1, 1, 1)

        self.originError = QLabel(MemberChangeDialog)
        self.originError.setObjectName(u"originError")
        self.originError.setProperty(u"role", u"error")
        self.originError.setWordWrap(True)

        self.formGrid.addWidget(self.originError, 11, 1, 1, 1)

        self.registeredLabel = QLabel(MemberChangeDialog)
        self.registeredLabel.setObjectName(u"registeredLabel")

        self.formGrid.addWidget(self.registeredLabel, 12, 0, 1, 1)

        self.registeredEdit = DateField(MemberChangeDialog)
        self.registeredEdit.setObjectName(u"registeredEdit")

        self.formGrid.addWidget(self.registeredEdit, 12, 1, 1, 1)

        self.registeredError = QLabel(MemberChangeDialog)
        self.registeredError.setObjectName(u"registeredError")
        self.registeredError.setProperty(u"role", u"error")
        self.registeredError.setWordWrap(True)

        self.formGrid.addWidget(self.registeredError, 13, 1, 1, 1)

        self.cardLabel = QLabel(MemberChangeDialog)
        self.cardLabel.setObjectName(u"cardLabel")

        self.formGrid.addWidget(self.cardLabel, 14, 0, 1, 1)

        self.cardEdit = QLineEdit(MemberChangeDialog)
        self.cardEdit.setObjectName(u"cardEdit")
        self.cardEdit.setMaxLength(32)

        self.formGrid.addWidget(self.cardEdit, 14, 1, 1, 1)

        self.cardError = QLabel(MemberChangeDialog)
        self.cardError.setObjectName(u"cardError")
        self.cardError.setProperty(u"role", u"error")
        self.cardError.setWordWrap(True)

        self.formGrid.addWidget(self.cardError, 15, 1, 1, 1)

        self.formGrid.setColumnStretch(1, 1)

        self.dialogLayout.addLayout(self.formGrid)

        self.generalError = QLabel(MemberChangeDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setProperty(u"role", u"error")
        self.generalError.setWordWrap(True)

        self.dialogLayout.addWidget(self.generalError)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(MemberChangeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.newKindLabel.setBuddy(self.newKindCombo)
        self.newStatusLabel.setBuddy(self.newStatusCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.organizationLabel.setBuddy(self.organizationPicker)
        self.destinationLabel.setBuddy(self.destinationEdit)
        self.originLabel.setBuddy(self.originEdit)
        self.registeredLabel.setBuddy(self.registeredEdit)
        self.cardLabel.setBuddy(self.cardEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MemberChangeDialog)

        QMetaObject.connectSlotsByName(MemberChangeDialog)
    # setupUi

    def retranslateUi(self, MemberChangeDialog):
        MemberChangeDialog.setWindowTitle(QCoreApplication.translate("MemberChangeDialog", u"Record a change", None))
        self.newKindLabel.setText(QCoreApplication.translate("MemberChangeDialog", u"New kind", None))
        self.newStatusLabel.setText(QCoreApplication.translate("MemberChangeDialog", u"New status", None))
        self.dateLabel.setText(QCoreApplication.translate("MemberChangeDialog", u"Date", None))
        self.organizationLabel.setText(QCoreApplication.translate("MemberChangeDialog", u"Branch", None))
        self.destinationLabel.setText(QCoreApplication.translate("MemberChangeDialog", u"Transferred to", None))
        self.originLabel.setText(QCoreApplication.translate("MemberChangeDialog", u"Home organization", None))
        self.registeredLabel.setText(QCoreApplication.translate("MemberChangeDialog", u"Registered on", None))
        self.cardLabel.setText(QCoreApplication.translate("MemberChangeDialog", u"Activity card no.", None))
    # retranslateUi

