# Generated from forms/first_run_wizard.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'first_run_wizard.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)

from PySide6.QtWidgets import (QCheckBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget, QWizard, QWizardPage)

class Ui_FirstRunWizard(object):
    def setupUi(self, FirstRunWizard):
        if not FirstRunWizard.objectName():
            FirstRunWizard.setObjectName(u"FirstRunWizard")
        FirstRunWizard.resize(760, 600)
        FirstRunWizard.setMinimumSize(QSize(700, 540))
        FirstRunWizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        FirstRunWizard.setOptions(QWizard.WizardOption.NoBackButtonOnStartPage|QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.centerPage = QWizardPage()
        self.centerPage.setObjectName(u"centerPage")
        self.centerFormLayout = QFormLayout(self.centerPage)
        self.centerFormLayout.setObjectName(u"centerFormLayout")
        self.centerFormLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.centerFormLayout.setHorizontalSpacing(14)
        self.centerFormLayout.setVerticalSpacing(6)
        self.centerNameLabel = QLabel(self.centerPage)
        self.centerNameLabel.setObjectName(u"centerNameLabel")

        self.centerFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.centerNameLabel)

        self.centerNameEdit = QLineEdit(self.centerPage)
        self.centerNameEdit.setObjectName(u"centerNameEdit")
        self.centerNameEdit.setMaxLength(100)

        self.centerFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.centerNameEdit)

        self.centerNameError = QLabel(self.centerPage)
        self.centerNameError.setObjectName(u"centerNameError")
        self.centerNameError.setWordWrap(True)

        self.centerFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.centerNameError)

        self.divisionCodeLabel = QLabel(self.centerPage)
        self.divisionCodeLabel.setObjectName(u"divisionCodeLabel")

        self.centerFormLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.divisionCodeLabel)

        self.divisionCodeEdit = QLineEdit(self.centerPage)
        self.divisionCodeEdit.setObjectName(u"divisionCodeEdit")
        self.divisionCodeEdit.setMaxLength(12)

        self.centerFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.divisionCodeEdit)

        self.divisionCodeHint = QLabel(self.centerPage)
        self.divisionCodeHint.setObjectName(u"divisionCodeHint")
        self.divisionCodeHint.setWordWrap(True)
        self.divisionCodeHint.setProperty(u"role", u"muted")

        self.centerFormLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.divisionCodeHint)

        self.divisionCodeError = QLabel(self.centerPage)
        self.divisionCodeError.setObjectName(u"divisionCodeError")
        self.divisionCodeError.setWordWrap(True)

        self.centerFormLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.divisionCodeError)

        FirstRunWizard.addPage(self.centerPage)
        self.contactPage = QWizardPage()
        self.contactPage.setObjectName(u"contactPage")
        self.contactFormLayout = QFormLayout(self.contactPage)
        self.contactFormLayout.setObjectName(u"contactFormLayout")
        self.contactFormLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.contactFormLayout.setHorizontalSpacing(14)
        self.contactFormLayout.setVerticalSpacing(6)
        self.partyOrganizationLabel = QLabel(self.contactPage)
        self.partyOrganizationLabel.setObjectName(u"partyOrganizationLabel")

        self.contactFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.partyOrganizationLabel)

        self.partyOrganizationEdit = QLineEdit(self.contactPage)
        self.partyOrganizationEdit.setObjectName(u"partyOrganizationEdit")
        self.partyOrganizationEdit.setMaxLength(100)

        self.contactFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.partyOrganizationEdit)

        self.partyOrganizationError = QLabel(self.contactPage)
        self.partyOrganizationError.setObjectName(u"partyOrganizationError")
        self.partyOrganizationError.setWordWrap(True)

        self.contactFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.partyOrganizationError)

        self.partyOrganizationHint = QLabel(self.contactPage)
        self.partyOrganizationHint.setObjectName(u"partyOrganizationHint")
        self.partyOrganizationHint.setWordWrap(True)
        self.partyOrganizationHint.setProperty(u"role", u"muted")

        self.contactFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.partyOrganizationHint)

        self.addressLabel = QLabel(self.contactPage)
        self.addressLabel.setObjectName(u"addressLabel")

        self.contactFormLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.contactPage)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(200)

        self.contactFormLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.addressError = QLabel(self.contactPage)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setWordWrap(True)

        self.contactFormLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.addressError)

        self.contactPersonLabel = QLabel(self.contactPage)
        self.contactPersonLabel.setObjectName(u"contactPersonLabel")

        self.contactFormLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.contactPersonLabel)

        self.contactPersonEdit = QLineEdit(self.contactPage)
        self.contactPersonEdit.setObjectName(u"contactPersonEdit")
        self.contactPersonEdit.setMaxLength(64)

        self.contactFormLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.contactPersonEdit)

        self.contactPersonError = QLabel(self.contactPage)
        self.contactPersonError.setObjectName(u"contactPersonError")
        self.contactPersonError.setWordWrap(True)

        self.contactFormLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.contactPersonError)

        self.contactPhoneLabel = QLabel(self.contactPage)
        self.contactPhoneLabel.setObjectName(u"contactPhoneLabel")

        self.contactFormLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.contactPhoneLabel)

        self.contactPhoneEdit = QLineEdit(self.contactPage)
        self.contactPhoneEdit.setObjectName(u"contactPhoneEdit")
        self.contactPhoneEdit.setMaxLength(32)

        self.contactFormLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.contactPhoneEdit)

        self.contactPhoneError = QLabel(self.contactPage)
        self.contactPhoneError.setObjectName(u"contactPhoneError")
        self.contactPhoneError.setWordWrap(True)

        self.contactFormLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.contactPhoneError)

        FirstRunWizard.addPage(self.contactPage)
        self.administratorPage = QWizardPage()
        self.administratorPage.setObjectName(u"administratorPage")
        self.administratorFormLayout = QFormLayout(self.administratorPage)
        self.administratorFormLayout.setObjectName(u"administratorFormLayout")
        self.administratorFormLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.administratorFormLayout.setHorizontalSpacing(14)
        self.administratorFormLayout.setVerticalSpacing(6)
        self.usernameLabel = QLabel(self.administratorPage)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.administratorFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(self.administratorPage)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(32)

        self.administratorFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.usernameError = QLabel(self.administratorPage)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setWordWrap(True)

        self.administratorFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usernameError)

        self.displayNameLabel = QLabel(self.administratorPage)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.administratorFormLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.displayNameEdit = QLineEdit(self.administratorPage)
        self.displayNameEdit.setObjectName(u"displayNameEdit")
        self.displayNameEdit.setMaxLength(64)

        self.administratorFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.displayNameEdit)

        self.displayNameError = QLabel(self.administratorPage)
        self.displayNameError.setObjectName(u"displayNameError")
        self.displayNameError.setWordWrap(True)

        self.administratorFormLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.displayNameError)

        self.passwordLabel = QLabel(self.administratorPage)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.administratorFormLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(self.administratorPage)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.administratorFormLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.passwordError = QLabel(self.administratorPage)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setWordWrap(True)

        self.administratorFormLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordError)

        self.passwordAgainLabel = QLabel(self.administratorPage)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")

        self.administratorFormLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.passwordAgainLabel)

        self.passwordAgainEdit = QLineEdit(self.administratorPage)
        self.passwordAgainEdit.setObjectName(u"passwordAgainEdit")
        self.passwordAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.administratorFormLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.passwordAgainEdit)

        self.passwordAgainError = QLabel(self.administratorPage)
        self.passwordAgainError.setObjectName(u"passwordAgainError")
        self.passwordAgainError.setWordWrap(True)

        self.administratorFormLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.passwordAgainError)

        FirstRunWizard.addPage(self.administratorPage)
        self.demoPage = QWizardPage()
        self.demoPage.setObjectName(u"demoPage")
        self.demoPageLayout = QVBoxLayout(self.demoPage)
        self.demoPageLayout.setSpacing(12)
        self.demoPageLayout.setObjectName(u"demoPageLayout")
        self.summaryLabel = QLabel(self.demoPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)

        self.demoPageLayout.addWidget(self.summaryLabel)

        self.summaryLine = QFrame(self.demoPage)
        self.summaryLine.setObjectName(u"summaryLine")
        self.summaryLine.setFrameShape(QFrame.Shape.HLine)
        self.summaryLine.setFrameShadow(QFrame.Shadow.Sunken)

        self.demoPageLayout.addWidget(self.summaryLine)

        self.demoCheckBox = QCheckBox(self.demoPage)
        self.demoCheckBox.setObjectName(u"demoCheckBox")

        self.demoPageLayout.addWidget(self.demoCheckBox)

        self.memberCountLayout = QHBoxLayout()
        self.memberCountLayout.setObjectName(u"memberCountLayout")
        self.memberCountLayout.setContentsMargins(28, -1, -1, -1)
        self.memberCountLabel = QLabel(self.demoPage)
        self.memberCountLabel.setObjectName(u"memberCountLabel")

        self.memberCountLayout.addWidget(self.memberCountLabel)

        self.memberCountSpinBox = QSpinBox(self.demoPage)
        self.memberCountSpinBox.setObjectName(u"memberCountSpinBox")
        self.memberCountSpinBox.setMinimumSize(QSize(140, 0))
        self.memberCountSpinBox.setMinimum(10)
        self.memberCountSpinBox.setMaximum(100000)
        self.memberCountSpinBox.setSingleStep(500)
        self.memberCountSpinBox.setValue(2000)
        self.memberCountSpinBox.setGroupSeparatorShown(True)

        self.memberCountLayout.addWidget(self.memberCountSpinBox)

        self.memberCountSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.memberCountLayout.addItem(self.memberCountSpacer)


        self.demoPageLayout.addLayout(self.memberCountLayout)

        self.demoExplanationLabel = QLabel(self.demoPage)
        self.demoExplanationLabel.setObjectName(u"demoExplanationLabel")
        self.demoExplanationLabel.setWordWrap(True)
        self.demoExplanationLabel.setProperty(u"role", u"muted")

        self.demoPageLayout.addWidget(self.demoExplanationLabel)

        self.generalError = QLabel(self.demoPage)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.demoPageLayout.addWidget(self.generalError)

        self.demoPageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.demoPageLayout.addItem(self.demoPageSpacer)

        FirstRunWizard.addPage(self.demoPage)
#if QT_CONFIG(shortcut)
        self.centerNameLabel.setBuddy(self.centerNameEdit)
        self.divisionCodeLabel.setBuddy(self.divisionCodeEdit)
        self.partyOrganizationLabel.setBuddy(self.partyOrganizationEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.contactPersonLabel.setBuddy(self.contactPersonEdit)
        self.contactPhoneLabel.setBuddy(self.contactPhoneEdit)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.displayNameLabel.setBuddy(self.displayNameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.passwordAgainLabel.setBuddy(self.passwordAgainEdit)
        self.memberCountLabel.setBuddy(self.memberCountSpinBox)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.centerNameEdit, self.divisionCodeEdit)
        QWidget.setTabOrder(self.divisionCodeEdit, self.partyOrganizationEdit)
        QWidget.setTabOrder(self.partyOrganizationEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.contactPersonEdit)
        QWidget.setTabOrder(self.contactPersonEdit, self.contactPhoneEdit)
        QWidget.setTabOrder(self.contactPhoneEdit, self.usernameEdit)
        QWidget.setTabOrder(self.usernameEdit, self.displayNameEdit)
        QWidget.setTabOrder(self.displayNameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.passwordAgainEdit)
        QWidget.setTabOrder(self.passwordAgainEdit, self.demoCheckBox)
        QWidget.setTabOrder(self.demoCheckBox, self.memberCountSpinBox)

        self.retranslateUi(FirstRunWizard)

        QMetaObject.connectSlotsByName(FirstRunWizard)
    # setupUi

    def retranslateUi(self, FirstRunWizard):
        FirstRunWizard.setWindowTitle(QCoreApplication.translate("FirstRunWizard", u"First-time setup", None))
        self.centerPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"Service center", None))
        self.centerPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"Welcome! First, tell the program which party\u2013masses service center this computer serves. Both entries can be corrected later in System settings.", None))
        self.centerNameLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Center name", None))
        self.centerNameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"e.g. Cuihu Community Party\u2013Masses Service Center", None))
        self.divisionCodeLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Division code", None))
        self.divisionCodeEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"12 digits, e.g. 530102001001", None))
        self.divisionCodeHint.setText(QCoreApplication.translate("FirstRunWizard", u"The statistical division code of the community: 6 digits for the county or district, 3 for the street and 3 for the community. It identifies this center in data sent to the district.", None))
        self.contactPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"Party organization and contact", None))
        self.contactPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"The community party organization is created with the center: imported branches go under it. The address, contact person and phone are printed on notices and certificates; they are optional and can be added later in System settings.", None))
        self.partyOrganizationLabel.setText(QCoreApplication.translate("FirstRunWizard", u"Party &organization", None))
        self.partyOrganizationEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"full name, e.g. CPC Cuihu Community Committee", None))
        self.partyOrganizationHint.setText(QCoreApplication.translate("FirstRunWizard", u"Filled in from the center name; correct it if the organization is called differently (e.g. a general branch).", None))
        self.addressLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Address", None))
        self.contactPersonLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Contact person", None))
        self.contactPhoneLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Telephone", None))
        self.contactPhoneEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"mobile or landline, e.g. 0871-65123456", None))
        self.administratorPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"First administrator", None))
        self.administratorPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"This account can add the other staff accounts, change settings and restore backups. Keep its password safe.", None))
        self.usernameLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&User name", None))
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"letters and digits, e.g. zhangsan", None))
        self.displayNameLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Full name", None))
        self.passwordLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Password", None))
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"at least 8 characters", None))
        self.passwordAgainLabel.setText(QCoreApplication.translate("FirstRunWizard", u"Password &again", None))
        self.demoPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"Ready to start", None))
        self.demoPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"Check the summary, then click Finish to create the center.", None))
        self.demoCheckBox.setText(QCoreApplication.translate("FirstRunWizard", u"&Load demo data?", None))
        self.memberCountLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Number of demo members", None))
        self.demoExplanationLabel.setText(QCoreApplication.translate("FirstRunWizard", u"Demo data are invented people, branches and addresses for training and trying out the program. Leave this unticked for a real center: demo data can only be added to an empty database and are not meant to be mixed with real records.", None))
    # retranslateUi

