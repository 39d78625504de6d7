# Generated from forms/settings_center_tab.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'settings_center_tab.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)

from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_CenterTab(object):
    def setupUi(self, CenterTab):
        if not CenterTab.objectName():
            CenterTab.setObjectName(u"CenterTab")
        self.centerTabLayout = QVBoxLayout(CenterTab)
        self.centerTabLayout.setObjectName(u"centerTabLayout")
        self.centerGroup = QGroupBox(CenterTab)
        self.centerGroup.setObjectName(u"centerGroup")
        self.centerFormLayout = QFormLayout(self.centerGroup)
        self.centerFormLayout.setObjectName(u"centerFormLayout")
        self.centerFormLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.centerNameLabel = QLabel(self.centerGroup)
        self.centerNameLabel.setObjectName(u"centerNameLabel")

        self.centerFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.centerNameLabel)

        self.centerNameEdit = QLineEdit(self.centerGroup)
        self.centerNameEdit.setObjectName(u"centerNameEdit")

        self.centerFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.centerNameEdit)

        self.centerNameError = QLabel(self.centerGroup)
        self.centerNameError.setObjectName(u"centerNameError")
        self.centerNameError.setProperty(u"role", u"error")
        self.centerNameError.setWordWrap(True)

        self.centerFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.centerNameError)

        self.divisionCodeLabel = QLabel(self.centerGroup)
        self.divisionCodeLabel.setObjectName(u"divisionCodeLabel")

        self.centerFormLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.divisionCodeLabel)

        self.divisionCodeEdit = QLineEdit(self.centerGroup)
        self.divisionCodeEdit.setObjectName(u"divisionCodeEdit")

        self.centerFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.divisionCodeEdit)

        self.divisionCodeHint = QLabel(self.centerGroup)
        self.divisionCodeHint.setObjectName(u"divisionCodeHint")
        self.divisionCodeHint.setProperty(u"role", u"muted")

        self.centerFormLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.divisionCodeHint)

        self.divisionCodeError = QLabel(self.centerGroup)
        self.divisionCodeError.setObjectName(u"divisionCodeError")
        self.divisionCodeError.setProperty(u"role", u"error")
        self.divisionCodeError.setWordWrap(True)

        self.centerFormLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.divisionCodeError)

        self.partyOrganizationLabel = QLabel(self.centerGroup)
        self.partyOrganizationLabel.setObjectName(u"partyOrganizationLabel")

        self.centerFormLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.partyOrganizationLabel)

        self.partyOrganizationEdit = QLineEdit(self.centerGroup)
        self.partyOrganizationEdit.setObjectName(u"partyOrganizationEdit")
        self.partyOrganizationEdit.setMaxLength(100)

        self.centerFormLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.partyOrganizationEdit)

        self.partyOrganizationError = QLabel(self.centerGroup)
        self.partyOrganizationError.setObjectName(u"partyOrganizationError")
        self.partyOrganizationError.setProperty(u"role", u"error")
        self.partyOrganizationError.setWordWrap(True)

        self.centerFormLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.partyOrganizationError)

        self.addressLabel = QLabel(self.centerGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.centerFormLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.centerGroup)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(200)

        self.centerFormLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.addressError = QLabel(self.centerGroup)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setProperty(u"role", u"error")
        self.addressError.setWordWrap(True)

        self.centerFormLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.addressError)

        self.contactPersonLabel = QLabel(self.centerGroup)
        self.contactPersonLabel.setObjectName(u"contactPersonLabel")

        self.centerFormLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.contactPersonLabel)

        self.contactPersonEdit = QLineEdit(self.centerGroup)
        self.contactPersonEdit.setObjectName(u"contactPersonEdit")
        self.contactPersonEdit.setMaxLength(64)

        self.centerFormLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.contactPersonEdit)

        self.contactPersonError = QLabel(self.centerGroup)
        self.contactPersonError.setObjectName(u"contactPersonError")
        self.contactPersonError.setProperty(u"role", u"error")
        self.contactPersonError.setWordWrap(True)

        self.centerFormLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.contactPersonError)

        self.contactPhoneLabel = QLabel(self.centerGroup)
        self.contactPhoneLabel.setObjectName(u"contactPhoneLabel")

        self.centerFormLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.contactPhoneLabel)

        self.contactPhoneEdit = QLineEdit(self.centerGroup)
        self.contactPhoneEdit.setObjectName(u"contactPhoneEdit")
        self.contactPhoneEdit.setMaxLength(32)

        self.centerFormLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.contactPhoneEdit)

        self.contactPhoneError = QLabel(self.centerGroup)
        self.contactPhoneError.setObjectName(u"contactPhoneError")
        self.contactPhoneError.setProperty(u"role", u"error")
        self.contactPhoneError.setWordWrap(True)

        self.centerFormLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.contactPhoneError)

        self.contactHint = QLabel(self.centerGroup)
        self.contactHint.setObjectName(u"contactHint")
        self.contactHint.setProperty(u"role", u"muted")
        self.contactHint.setWordWrap(True)

        self.centerFormLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.contactHint)

        self.saveCenterLayout = QHBoxLayout()
        self.saveCenterLayout.setObjectName(u"saveCenterLayout")
        self.saveCenterButton = QPushButton(self.centerGroup)
        self.saveCenterButton.setObjectName(u"saveCenterButton")
        self.saveCenterButton.setProperty(u"role", u"primary")

        self.saveCenterLayout.addWidget(self.saveCenterButton)

        self.centerStatusLabel = QLabel(self.centerGroup)
        self.centerStatusLabel.setObjectName(u"centerStatusLabel")
        self.centerStatusLabel.setWordWrap(True)

        self.saveCenterLayout.addWidget(self.centerStatusLabel)

        self.centerReadOnlyNote = QLabel(self.centerGroup)
        self.centerReadOnlyNote.setObjectName(u"centerReadOnlyNote")
        self.centerReadOnlyNote.setProperty(u"role", u"muted")

        self.saveCenterLayout.addWidget(self.centerReadOnlyNote)

        self.saveCenterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveCenterLayout.addItem(self.saveCenterSpacer)


        self.centerFormLayout.setLayout(14, QFormLayout.ItemRole.FieldRole, self.saveCenterLayout)

        self.centerIdLabel = QLabel(self.centerGroup)
        self.centerIdLabel.setObjectName(u"centerIdLabel")

        self.centerFormLayout.setWidget(15, QFormLayout.ItemRole.LabelRole, self.centerIdLabel)

        self.centerIdLayout = QHBoxLayout()
        self.centerIdLayout.setObjectName(u"centerIdLayout")
        self.centerIdEdit = QLineEdit(self.centerGroup)
        self.centerIdEdit.setObjectName(u"centerIdEdit")
        self.centerIdEdit.setReadOnly(True)

        self.centerIdLayout.addWidget(self.centerIdEdit)

        self.copyCenterIdButton = QPushButton(self.centerGroup)
        self.copyCenterIdButton.setObjectName(u"copyCenterIdButton")

        self.centerIdLayout.addWidget(self.copyCenterIdButton)


        self.centerFormLayout.setLayout(15, QFormLayout.ItemRole.FieldRole, self.centerIdLayout)

        self.centerIdHint = QLabel(self.centerGroup)
        self.centerIdHint.setObjectName(u"centerIdHint")
        self.centerIdHint.setProperty(u"role", u"muted")

        self.centerFormLayout.setWidget(16, QFormLayout.ItemRole.FieldRole, self.centerIdHint)


        self.centerTabLayout.addWidget(self.centerGroup)

        self.storageGroup = QGroupBox(CenterTab)
        self.storageGroup.setObjectName(u"storageGroup")
        self.storageFormLayout = QFormLayout(self.storageGroup)
        self.storageFormLayout.setObjectName(u"storageFormLayout")
        self.storageFormLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dataDirectoryLabel = QLabel(self.storageGroup)
        self.dataDirectoryLabel.setObjectName(u"dataDirectoryLabel")

        self.storageFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dataDirectoryLabel)

        self.dataDirectoryLayout = QHBoxLayout()
        self.dataDirectoryLayout.setObjectName(u"dataDirectoryLayout")
        self.dataDirectoryEdit = QLineEdit(self.storageGroup)
        self.dataDirectoryEdit.setObjectName(u"dataDirectoryEdit")
        self.dataDirectoryEdit.setReadOnly(True)

        self.dataDirectoryLayout.addWidget(self.dataDirectoryEdit)

        self.openDataDirectoryButton = QPushButton(self.storageGroup)
        self.openDataDirectoryButton.setObjectName(u"openDataDirectoryButton")

        self.dataDirectoryLayout.addWidget(self.openDataDirectoryButton)


        self.storageFormLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.dataDirectoryLayout)

        self.databaseSizeTitle = QLabel(self.storageGroup)
        self.databaseSizeTitle.setObjectName(u"databaseSizeTitle")

        self.storageFormLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.databaseSizeTitle)

        self.databaseSizeLabel = QLabel(self.storageGroup)
        self.databaseSizeLabel.setObjectName(u"databaseSizeLabel")
        self.databaseSizeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.storageFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.databaseSizeLabel)


        self.centerTabLayout.addWidget(self.storageGroup)

        self.centerTabSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.centerTabLayout.addItem(self.centerTabSpacer)

#if QT_CONFIG(shortcut)
        self.centerNameLabel.setBuddy(self.centerNameEdit)
        self.divisionCodeLabel.setBuddy(self.divisionCodeEdit)
        self.partyOrganizationLabel.setBuddy(self.partyOrganizationEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.contactPersonLabel.setBuddy(self.contactPersonEdit)
        self.contactPhoneLabel.setBuddy(self.contactPhoneEdit)
        self.centerIdLabel.setBuddy(self.centerIdEdit)
        self.dataDirectoryLabel.setBuddy(self.dataDirectoryEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.centerNameEdit, self.divisionCodeEdit)
        QWidget.setTabOrder(self.divisionCodeEdit, self.partyOrganizationEdit)
        QWidget.setTabOrder(self.partyOrganizationEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.contactPersonEdit)
        QWidget.setTabOrder(self.contactPersonEdit, self.contactPhoneEdit)
        QWidget.setTabOrder(self.contactPhoneEdit, self.saveCenterButton)
        QWidget.setTabOrder(self.saveCenterButton, self.centerIdEdit)
        QWidget.setTabOrder(self.centerIdEdit, self.copyCenterIdButton)

        self.retranslateUi(CenterTab)

        QMetaObject.connectSlotsByName(CenterTab)
    # setupUi

    def retranslateUi(self, CenterTab):
        self.centerGroup.setTitle(QCoreApplication.translate("CenterTab", u"Service center", None))
        self.centerNameLabel.setText(QCoreApplication.translate("CenterTab", u"Center name", None))
        self.divisionCodeLabel.setText(QCoreApplication.translate("CenterTab", u"Division code", None))
        self.divisionCodeHint.setText(QCoreApplication.translate("CenterTab", u"12 digits: 6-digit county code + 3-digit street + 3-digit community, e.g. 530102001001.", None))
        self.partyOrganizationLabel.setText(QCoreApplication.translate("CenterTab", u"Party organization", None))
        self.addressLabel.setText(QCoreApplication.translate("CenterTab", u"Address", None))
        self.contactPersonLabel.setText(QCoreApplication.translate("CenterTab", u"Contact person", None))
        self.contactPhoneLabel.setText(QCoreApplication.translate("CenterTab", u"Telephone", None))
        self.contactHint.setText(QCoreApplication.translate("CenterTab", u"The party organization's full name, address, contact person and phone are printed on notices and certificates.", None))
        self.saveCenterButton.setText(QCoreApplication.translate("CenterTab", u"Save center information", None))
        self.centerReadOnlyNote.setText(QCoreApplication.translate("CenterTab", u"Only an administrator can change the center information.", None))
        self.centerIdLabel.setText(QCoreApplication.translate("CenterTab", u"Center ID", None))
        self.copyCenterIdButton.setText(QCoreApplication.translate("CenterTab", u"Copy", None))
        self.centerIdHint.setText(QCoreApplication.translate("CenterTab", u"Created once at first setup. It identifies this center in the data packages sent to the district and never changes.", None))
        self.storageGroup.setTitle(QCoreApplication.translate("CenterTab", u"Data storage", None))
        self.dataDirectoryLabel.setText(QCoreApplication.translate("CenterTab", u"Data directory", None))
        self.openDataDirectoryButton.setText(QCoreApplication.translate("CenterTab", u"Open folder", None))
        self.databaseSizeTitle.setText(QCoreApplication.translate("CenterTab", u"Database size", None))
        pass
    # retranslateUi

