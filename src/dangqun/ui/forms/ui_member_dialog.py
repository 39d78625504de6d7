# Generated from forms/member_dialog.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'member_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialogButtonBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QTableView, QToolButton, QVBoxLayout, QWidget)

from dangqun.ui.widgets.date_field import DateField
from dangqun.ui.widgets.organization_picker import OrganizationPicker

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(1000, 720)
        self.dialogLayout = QVBoxLayout(MemberDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 14, 16, 14)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(12)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerTitle = QLabel(MemberDialog)
        self.headerTitle.setObjectName(u"headerTitle")
        self.headerTitle.setProperty(u"role", u"dialogTitle")

        self.headerLayout.addWidget(self.headerTitle)

        self.headerFacts = QLabel(MemberDialog)
        self.headerFacts.setObjectName(u"headerFacts")
        self.headerFacts.setProperty(u"role", u"muted")

        self.headerLayout.addWidget(self.headerFacts)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)


        self.dialogLayout.addLayout(self.headerLayout)

        self.tabs = QTabWidget(MemberDialog)
        self.tabs.setObjectName(u"tabs")
        self.detailsTab = QWidget()
        self.detailsTab.setObjectName(u"detailsTab")
        self.detailsTabLayout = QVBoxLayout(self.detailsTab)
        self.detailsTabLayout.setObjectName(u"detailsTabLayout")
        self.detailsTabLayout.setContentsMargins(0, 0, 0, 0)
        self.detailsScroll = QScrollArea(self.detailsTab)
        self.detailsScroll.setObjectName(u"detailsScroll")
        self.detailsScroll.setWidgetResizable(True)
        self.detailsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detailsScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detailsContent = QWidget()
        self.detailsContent.setObjectName(u"detailsContent")
        self.detailsContent.setProperty(u"role", u"pageContent")
        self.detailsLayout = QVBoxLayout(self.detailsContent)
        self.detailsLayout.setSpacing(10)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setContentsMargins(12, 12, 12, 12)
        self.identityGroup = QGroupBox(self.detailsContent)
        self.identityGroup.setObjectName(u"identityGroup")
        self.identityGroupLayout = QGridLayout(self.identityGroup)
        self.identityGroupLayout.setObjectName(u"identityGroupLayout")
        self.identityGroupLayout.setHorizontalSpacing(12)
        self.identityGroupLayout.setVerticalSpacing(6)
        self.nameLabel = QLabel(self.identityGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.identityGroupLayout.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(self.identityGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(64)

        self.identityGroupLayout.addWidget(self.nameEdit, 0, 1, 1, 3)

        self.nameError = QLabel(self.identityGroup)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setProperty(u"role", u"error")
        self.nameError.setWordWrap(True)

        self.identityGroupLayout.addWidget(self.nameError, 1, 1, 1, 3)

        self.idNumberLabel = QLabel(self.identityGroup)
        self.idNumberLabel.setObjectName(u"idNumberLabel")

        self.identityGroupLayout.addWidget(self.idNumberLabel, 2, 0, 1, 1)

        self.idNumberEdit = QLineEdit(self.identityGroup)
        self.idNumberEdit.setObjectName(u"idNumberEdit")
        self.idNumberEdit.setMaxLength(24)

        self.identityGroupLayout.addWidget(self.idNumberEdit, 2, 1, 1, 1)

        self.birthDateLabel = QLabel(self.identityGroup)
        self.birthDateLabel.setObjectName(u"birthDateLabel")

        self.identityGroupLayout.addWidget(self.birthDateLabel, 2, 2, 1, 1)

        self.birthDateEdit = DateField(self.identityGroup)
        self.birthDateEdit.setObjectName(u"birthDateEdit")

        self.identityGroupLayout.addWidget(self.birthDateEdit, 2, 3, 1, 1)

        self.idNumberError = QLabel(self.identityGroup)
        self.idNumberError.setObjectName(u"idNumberError")
        self.idNumberError.setProperty(u"role", u"error")
        self.idNumberError.setWordWrap(True)

        self.identityGroupLayout.addWidget(self.idNumberError, 3, 1, 1, 1)

        self.birthDateError = QLabel(self.identityGroup)
        self.birthDateError.setObjectName(u"birthDateError")
        self.birthDateError.setProperty(u"role", u"error")
        self.birthDateError.setWordWrap(True)

        self.identityGroupLayout.addWidget(self.birthDateError, 3, 3, 1, 1)

        self.idNumberWarning = QLabel(self.identityGroup)
        self.idNumberWarning.setObjectName(u"idNumberWarning")
        self.idNumberWarning.setProperty(u"role", u"warning")
        self.idNumberWarning.setWordWrap(True)

        self.identityGroupLayout.addWidget(self.idNumberWarning, 4, 1, 1, 3)

        self.genderLabel = QLabel(self.identityGroup)
        self.genderLabel.setObjectName(u"genderLabel")

        self.identityGroupLayout.addWidget(self.genderLabel, 5, 0, 1, 1)

        self.genderCombo = QComboBox(self.identityGroup)
        self.genderCombo.setObjectName(u"genderCombo")

        self.identityGroupLayout.addWidget(self.genderCombo, 5, 1, 1, 1)

        self.ethnicityLabel = QLabel(self.identityGroup)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.identityGroupLayout.addWidget(self.ethnicityLabel, 5, 2, 1, 1)

        self.ethnicityCombo = QComboBox(self.identityGroup)
        self.ethnicityCombo.setObjectName(u"ethnicityCombo")

        self.identityGroupLayout.addWidget(self.ethnicityCombo, 5, 3, 1, 1)

        self.genderError = QLabel(self.identityGroup)
        self.genderError.setObjectName(u"genderError")
        self.genderError.setProperty(u"role", u"error")
        self.genderError.setWordWrap(True)

        self.identityGroupLayout.addWidget(self.genderError, 6, 1, 1, 1)

        self.ethnicityError = QLabel(self.identityGroup)
        self.ethnicityError.setObjectName(u"ethnicityError")
        self.ethnicityError.setProperty(u"role", u"error")
        self.ethnicityError.setWordWrap(True)

        self.identityGroupLayout.addWidget(self.ethnicityError, 6, 3, 1, 1)

        self.educationLabel = QLabel(self.identityGroup)
        self.educationLabel.setObjectName(u"educationLabel")

        self.identityGroupLayout.addWidget(self.educationLabel, 7, 0, 1, 1)

        self.educationCombo = QComboBox(self.identityGroup)
        self.educationCombo.setObjectName(u"educationCombo")

        self.identityGroupLayout.addWidget(self.educationCombo, 7, 1, 1, 1)

        self.educationError = QLabel(self.identityGroup)
        self.educationError.setObjectName(u"educationError")
        self.educationError.setProperty(u"role", u"error")
        self.educationError.setWordWrap(True)

        self.identityGroupLayout.addWidget(self.educationError, 8, 1, 1, 1)

        self.identityGroupLayout.setColumnStretch(1, 1)
        self.identityGroupLayout.setColumnStretch(3, 1)

        self.detailsLayout.addWidget(self.identityGroup)

        self.membershipGroup = QGroupBox(self.detailsContent)
        self.membershipGroup.setObjectName(u"membershipGroup")
        self.membershipGroupLayout = QGridLayout(self.membershipGroup)
        self.membershipGroupLayout.setObjectName(u"membershipGroupLayout")
        self.membershipGroupLayout.setHorizontalSpacing(12)
        self.membershipGroupLayout.setVerticalSpacing(6)
        self.categoryLabel = QLabel(self.membershipGroup)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.membershipGroupLayout.addWidget(self.categoryLabel, 0, 0, 1, 1)

        self.categoryCombo = QComboBox(self.membershipGroup)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.membershipGroupLayout.addWidget(self.categoryCombo, 0, 1, 1, 1)

        self.kindLabel = QLabel(self.membershipGroup)
        self.kindLabel.setObjectName(u"kindLabel")

        self.membershipGroupLayout.addWidget(self.kindLabel, 0, 2, 1, 1)

        self.kindRow = QHBoxLayout()
        self.kindRow.setSpacing(6)
        self.kindRow.setObjectName(u"kindRow")
        self.kindCombo = QComboBox(self.membershipGroup)
        self.kindCombo.setObjectName(u"kindCombo")

        self.kindRow.addWidget(self.kindCombo)

        self.changeKindButton = QToolButton(self.membershipGroup)
        self.changeKindButton.setObjectName(u"changeKindButton")

        self.kindRow.addWidget(self.changeKindButton)

        self.kindRow.setStretch(0, 1)

        self.membershipGroupLayout.addLayout(self.kindRow, 0, 3, 1, 1)

        self.categoryError = QLabel(self.membershipGroup)
        self.categoryError.setObjectName(u"categoryError")
        self.categoryError.setProperty(u"role", u"error")
        self.categoryError.setWordWrap(True)

        self.membershipGroupLayout.addWidget(self.categoryError, 1, 1, 1, 1)

        self.kindError = QLabel(self.membershipGroup)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setProperty(u"role", u"error")
        self.kindError.setWordWrap(True)

        self.membershipGroupLayout.addWidget(self.kindError, 1, 3, 1, 1)

        self.organizationLabel = QLabel(self.membershipGroup)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.membershipGroupLayout.addWidget(self.organizationLabel, 2, 0, 1, 1)

        self.organizationPicker = OrganizationPicker(self.membershipGroup)
        self.organizationPicker.setObjectName(u"organizationPicker")

        self.membershipGroupLayout.addWidget(self.organizationPicker, 2, 1, 1, 3)

        self.organizationError = QLabel(self.membershipGroup)
        self.organizationError.setObjectName(u"organizationError")
        self.organizationError.setProperty(u"role", u"error")
        self.organizationError.setWordWrap(True)

        self.membershipGroupLayout.addWidget(self.organizationError, 3, 1, 1, 3)

        self.joinedOnLabel = QLabel(self.membershipGroup)
        self.joinedOnLabel.setObjectName(u"joinedOnLabel")

        self.membershipGroupLayout.addWidget(self.joinedOnLabel, 4, 0, 1, 1)

        self.joinedOnEdit = DateField(self.membershipGroup)
        self.joinedOnEdit.setObjectName(u"joinedOnEdit")

        self.membershipGroupLayout.addWidget(self.joinedOnEdit, 4, 1, 1, 1)

        self.confirmedOnLabel = QLabel(self.membershipGroup)
        self.confirmedOnLabel.setObjectName(u"confirmedOnLabel")

        self.membershipGroupLayout.addWidget(self.confirmedOnLabel, 4, 2, 1, 1)

        self.confirmedOnEdit = DateField(self.membershipGroup)
        self.confirmedOnEdit.setObjectName(u"confirmedOnEdit")

        self.membershipGroupLayout.addWidget(self.confirmedOnEdit, 4, 3, 1, 1)

        self.joinedOnError = QLabel(self.membershipGroup)
        self.joinedOnError.setObjectName(u"joinedOnError")
        self.joinedOnError.setProperty(u"role", u"error")
        self.joinedOnError.setWordWrap(True)

        self.membershipGroupLayout.addWidget(self.joinedOnError, 5, 1, 1, 1)

        self.confirmedOnError = QLabel(self.membershipGroup)
        self.confirmedOnError.setObjectName(u"confirmedOnError")
        self.confirmedOnError.setProperty(u"role", u"error")
        self.confirmedOnError.setWordWrap(True)

        self.membershipGroupLayout.addWidget(self.confirmedOnError, 5, 3, 1, 1)

        self.statusLabel = QLabel(self.membershipGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.membershipGroupLayout.addWidget(self.statusLabel, 6, 0, 1, 1)

        self.statusRow = QHBoxLayout()
        self.statusRow.setSpacing(6)
        self.statusRow.setObjectName(u"statusRow")
        self.statusCombo = QComboBox(self.membershipGroup)
        self.statusCombo.setObjectName(u"statusCombo")

        self.statusRow.addWidget(self.statusCombo)

        self.changeStatusButton = QToolButton(self.membershipGroup)
        self.changeStatusButton.setObjectName(u"changeStatusButton")

        self.statusRow.addWidget(self.changeStatusButton)

        self.statusRow.setStretch(0, 1)

        self.membershipGroupLayout.addLayout(self.statusRow, 6, 1, 1, 1)

        self.lostContactCheck = QCheckBox(self.membershipGroup)
        self.lostContactCheck.setObjectName(u"lostContactCheck")

        self.membershipGroupLayout.addWidget(self.lostContactCheck, 6, 2, 1, 1)

        self.lostContactOnEdit = DateField(self.membershipGroup)
        self.lostContactOnEdit.setObjectName(u"lostContactOnEdit")

        self.membershipGroupLayout.addWidget(self.lostContactOnEdit, 6, 3, 1, 1)

        self.statusError = QLabel(self.membershipGroup)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setProperty(u"role", u"error")
        self.statusError.setWordWrap(True)

        self.membershipGroupLayout.addWidget(self.statusError, 7, 1, 1, 1)

        self.lostContactOnError = QLabel(self.membershipGroup)
        self.lostContactOnError.setObjectName(u"lostContactOnError")
        self.lostContactOnError.setProperty(u"role", u"error")
        self.lostContactOnError.setWordWrap(True)

        self.membershipGroupLayout.addWidget(self.lostContactOnError, 7, 3, 1, 1)

        self.membershipGroupLayout.setColumnStretch(1, 1)
        self.membershipGroupLayout.setColumnStretch(3, 1)

        self.detailsLayout.addWidget(self.membershipGroup)

        self.kindGroup = QGroupBox(self.detailsContent)
        self.kindGroup.setObjectName(u"kindGroup")
        self.kindGroupLayout = QGridLayout(self.kindGroup)
        self.kindGroupLayout.setObjectName(u"kindGroupLayout")
        self.kindGroupLayout.setHorizontalSpacing(12)
        self.kindGroupLayout.setVerticalSpacing(6)
        self.registeredOnLabel = QLabel(self.kindGroup)
        self.registeredOnLabel.setObjectName(u"registeredOnLabel")

        self.kindGroupLayout.addWidget(self.registeredOnLabel, 0, 0, 1, 1)

        self.registeredOnEdit = DateField(self.kindGroup)
        self.registeredOnEdit.setObjectName(u"registeredOnEdit")

        self.kindGroupLayout.addWidget(self.registeredOnEdit, 0, 1, 1, 1)

        self.activityCardLabel = QLabel(self.kindGroup)
        self.activityCardLabel.setObjectName(u"activityCardLabel")

        self.kindGroupLayout.addWidget(self.activityCardLabel, 0, 2, 1, 1)

        self.activityCardEdit = QLineEdit(self.kindGroup)
        self.activityCardEdit.setObjectName(u"activityCardEdit")
        self.activityCardEdit.setMaxLength(32)

        self.kindGroupLayout.addWidget(self.activityCardEdit, 0, 3, 1, 1)

        self.registeredOnError = QLabel(self.kindGroup)
        self.registeredOnError.setObjectName(u"registeredOnError")
        self.registeredOnError.setProperty(u"role", u"error")
        self.registeredOnError.setWordWrap(True)

        self.kindGroupLayout.addWidget(self.registeredOnError, 1, 1, 1, 1)

        self.activityCardError = QLabel(self.kindGroup)
        self.activityCardError.setObjectName(u"activityCardError")
        self.activityCardError.setProperty(u"role", u"error")
        self.activityCardError.setWordWrap(True)

        self.kindGroupLayout.addWidget(self.activityCardError, 1, 3, 1, 1)

        self.originOrganizationLabel = QLabel(self.kindGroup)
        self.originOrganizationLabel.setObjectName(u"originOrganizationLabel")

        self.kindGroupLayout.addWidget(self.originOrganizationLabel, 2, 0, 1, 1)

        self.originOrganizationEdit = QLineEdit(self.kindGroup)
        self.originOrganizationEdit.setObjectName(u"originOrganizationEdit")
        self.originOrganizationEdit.setMaxLength(200)

        self.kindGroupLayout.addWidget(self.originOrganizationEdit, 2, 1, 1, 3)

        self.originOrganizationError = QLabel(self.kindGroup)
        self.originOrganizationError.setObjectName(u"originOrganizationError")
        self.originOrganizationError.setProperty(u"role", u"error")
        self.originOrganizationError.setWordWrap(True)

        self.kindGroupLayout.addWidget(self.originOrganizationError, 3, 1, 1, 3)

        self.outflowDestinationLabel = QLabel(self.kindGroup)
        self.outflowDestinationLabel.setObjectName(u"outflowDestinationLabel")

        self.kindGroupLayout.addWidget(self.outflowDestinationLabel, 4, 0, 1, 1)

        self.outflowDestinationEdit = QLineEdit(self.kindGroup)
        self.outflowDestinationEdit.setObjectName(u"outflowDestinationEdit")
        self.outflowDestinationEdit.setMaxLength(200)

        self.kindGroupLayout.addWidget(self.outflowDestinationEdit, 4, 1, 1, 3)

        self.outflowDestinationError = QLabel(self.kindGroup)
        self.outflowDestinationError.setObjectName(u"outflowDestinationError")
        self.outflowDestinationError.setProperty(u"role", u"error")
        self.outflowDestinationError.setWordWrap(True)

        self.kindGroupLayout.addWidget(self.outflowDestinationError, 5, 1, 1, 3)

        self.kindGroupLayout.setColumnStretch(1, 1)
        self.kindGroupLayout.setColumnStretch(3, 1)

        self.detailsLayout.addWidget(self.kindGroup)

        self.contactGroup = QGroupBox(self.detailsContent)
        self.contactGroup.setObjectName(u"contactGroup")
        self.contactGroupLayout = QGridLayout(self.contactGroup)
        self.contactGroupLayout.setObjectName(u"contactGroupLayout")
        self.contactGroupLayout.setHorizontalSpacing(12)
        self.contactGroupLayout.setVerticalSpacing(6)
        self.phoneLabel = QLabel(self.contactGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.contactGroupLayout.addWidget(self.phoneLabel, 0, 0, 1, 1)

        self.phoneEdit = QLineEdit(self.contactGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(40)

        self.contactGroupLayout.addWidget(self.phoneEdit, 0, 1, 1, 1)

        self.householdLabel = QLabel(self.contactGroup)
        self.householdLabel.setObjectName(u"householdLabel")

        self.contactGroupLayout.addWidget(self.householdLabel, 0, 2, 1, 1)

        self.householdEdit = QLineEdit(self.contactGroup)
        self.householdEdit.setObjectName(u"householdEdit")
        self.householdEdit.setMaxLength(200)

        self.contactGroupLayout.addWidget(self.householdEdit, 0, 3, 1, 1)

        self.phoneError = QLabel(self.contactGroup)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setProperty(u"role", u"error")
        self.phoneError.setWordWrap(True)

        self.contactGroupLayout.addWidget(self.phoneError, 1, 1, 1, 1)

        self.householdError = QLabel(self.contactGroup)
        self.householdError.setObjectName(u"householdError")
        self.householdError.setProperty(u"role", u"error")
        self.householdError.setWordWrap(True)

        self.contactGroupLayout.addWidget(self.householdError, 1, 3, 1, 1)

        self.addressLabel = QLabel(self.contactGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.contactGroupLayout.addWidget(self.addressLabel, 2, 0, 1, 1)

        self.addressEdit = QLineEdit(self.contactGroup)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(300)

        self.contactGroupLayout.addWidget(self.addressEdit, 2, 1, 1, 3)

        self.addressError = QLabel(self.contactGroup)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setProperty(u"role", u"error")
        self.addressError.setWordWrap(True)

        self.contactGroupLayout.addWidget(self.addressError, 3, 1, 1, 3)

        self.workUnitLabel = QLabel(self.contactGroup)
        self.workUnitLabel.setObjectName(u"workUnitLabel")

        self.contactGroupLayout.addWidget(self.workUnitLabel, 4, 0, 1, 1)

        self.workUnitEdit = QLineEdit(self.contactGroup)
        self.workUnitEdit.setObjectName(u"workUnitEdit")
        self.workUnitEdit.setMaxLength(200)

        self.contactGroupLayout.addWidget(self.workUnitEdit, 4, 1, 1, 3)

        self.workUnitError = QLabel(self.contactGroup)
        self.workUnitError.setObjectName(u"workUnitError")
        self.workUnitError.setProperty(u"role", u"error")
        self.workUnitError.setWordWrap(True)

        self.contactGroupLayout.addWidget(self.workUnitError, 5, 1, 1, 3)

        self.notesLabel = QLabel(self.contactGroup)
        self.notesLabel.setObjectName(u"notesLabel")

        self.contactGroupLayout.addWidget(self.notesLabel, 6, 0, 1, 1)

        self.notesEdit = QPlainTextEdit(self.contactGroup)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 72))

        self.contactGroupLayout.addWidget(self.notesEdit, 6, 1, 1, 3)

        self.notesError = QLabel(self.contactGroup)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setProperty(u"role", u"error")
        self.notesError.setWordWrap(True)

        self.contactGroupLayout.addWidget(self.notesError, 7, 1, 1, 3)

        self.contactGroupLayout.setColumnStretch(1, 1)
        self.contactGroupLayout.setColumnStretch(3, 1)

        self.detailsLayout.addWidget(self.contactGroup)

        self.detailsSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailsLayout.addItem(self.detailsSpacer)

        self.detailsScroll.setWidget(self.detailsContent)

        self.detailsTabLayout.addWidget(self.detailsScroll)

        self.tabs.addTab(self.detailsTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyTabLayout = QVBoxLayout(self.historyTab)
        self.historyTabLayout.setSpacing(10)
        self.historyTabLayout.setObjectName(u"historyTabLayout")
        self.historyTabLayout.setContentsMargins(12, 12, 12, 12)
        self.historyIntro = QLabel(self.historyTab)
        self.historyIntro.setObjectName(u"historyIntro")
        self.historyIntro.setWordWrap(True)
        self.historyIntro.setProperty(u"role", u"muted")

        self.historyTabLayout.addWidget(self.historyIntro)

        self.historyView = QTableView(self.historyTab)
        self.historyView.setObjectName(u"historyView")
        self.historyView.setAlternatingRowColors(True)
        self.historyView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyView.setShowGrid(False)
        self.historyView.setWordWrap(False)

        self.historyTabLayout.addWidget(self.historyView)

        self.historyActions = QHBoxLayout()
        self.historyActions.setSpacing(8)
        self.historyActions.setObjectName(u"historyActions")
        self.transferOutButton = QPushButton(self.historyTab)
        self.transferOutButton.setObjectName(u"transferOutButton")

        self.historyActions.addWidget(self.transferOutButton)

        self.transferInButton = QPushButton(self.historyTab)
        self.transferInButton.setObjectName(u"transferInButton")

        self.historyActions.addWidget(self.transferInButton)

        self.kindChangeButton = QPushButton(self.historyTab)
        self.kindChangeButton.setObjectName(u"kindChangeButton")

        self.historyActions.addWidget(self.kindChangeButton)

        self.statusChangeButton = QPushButton(self.historyTab)
        self.statusChangeButton.setObjectName(u"statusChangeButton")

        self.historyActions.addWidget(self.statusChangeButton)

        self.historyActionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.historyActions.addItem(self.historyActionsSpacer)


        self.historyTabLayout.addLayout(self.historyActions)

        self.tabs.addTab(self.historyTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.warningsLabel = QLabel(MemberDialog)
        self.warningsLabel.setObjectName(u"warningsLabel")
        self.warningsLabel.setProperty(u"role", u"warning")
        self.warningsLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.warningsLabel)

        self.generalError = QLabel(MemberDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setProperty(u"role", u"error")
        self.generalError.setWordWrap(True)

        self.dialogLayout.addWidget(self.generalError)

        self.buttonBox = QDialogButtonBox(MemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.idNumberLabel.setBuddy(self.idNumberEdit)
        self.birthDateLabel.setBuddy(self.birthDateEdit)
        self.genderLabel.setBuddy(self.genderCombo)
        self.ethnicityLabel.setBuddy(self.ethnicityCombo)
        self.educationLabel.setBuddy(self.educationCombo)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.kindLabel.setBuddy(self.kindCombo)
        self.organizationLabel.setBuddy(self.organizationPicker)
        self.joinedOnLabel.setBuddy(self.joinedOnEdit)
        self.confirmedOnLabel.setBuddy(self.confirmedOnEdit)
        self.statusLabel.setBuddy(self.statusCombo)
        self.registeredOnLabel.setBuddy(self.registeredOnEdit)
        self.activityCardLabel.setBuddy(self.activityCardEdit)
        self.originOrganizationLabel.setBuddy(self.originOrganizationEdit)
        self.outflowDestinationLabel.setBuddy(self.outflowDestinationEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.householdLabel.setBuddy(self.householdEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.workUnitLabel.setBuddy(self.workUnitEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.idNumberEdit)
        QWidget.setTabOrder(self.idNumberEdit, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.ethnicityCombo)
        QWidget.setTabOrder(self.ethnicityCombo, self.educationCombo)
        QWidget.setTabOrder(self.educationCombo, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.organizationPicker)
        QWidget.setTabOrder(self.organizationPicker, self.joinedOnEdit)
        QWidget.setTabOrder(self.joinedOnEdit, self.confirmedOnEdit)
        QWidget.setTabOrder(self.confirmedOnEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.lostContactCheck)
        QWidget.setTabOrder(self.lostContactCheck, self.lostContactOnEdit)
        QWidget.setTabOrder(self.lostContactOnEdit, self.registeredOnEdit)
        QWidget.setTabOrder(self.registeredOnEdit, self.activityCardEdit)
        QWidget.setTabOrder(self.activityCardEdit, self.originOrganizationEdit)
        QWidget.setTabOrder(self.originOrganizationEdit, self.outflowDestinationEdit)
        QWidget.setTabOrder(self.outflowDestinationEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.householdEdit)
        QWidget.setTabOrder(self.householdEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.workUnitEdit)
        QWidget.setTabOrder(self.workUnitEdit, self.notesEdit)

        self.retranslateUi(MemberDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"Member", None))
        self.identityGroup.setTitle(QCoreApplication.translate("MemberDialog", u"Identity", None))
        self.nameLabel.setText(QCoreApplication.translate("MemberDialog", u"Name", None))
        self.idNumberLabel.setText(QCoreApplication.translate("MemberDialog", u"Citizen ID number", None))
        self.idNumberEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"18 characters; fills in birth date and sex", None))
        self.birthDateLabel.setText(QCoreApplication.translate("MemberDialog", u"Date of birth", None))
        self.genderLabel.setText(QCoreApplication.translate("MemberDialog", u"Sex", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("MemberDialog", u"Ethnic group", None))
        self.educationLabel.setText(QCoreApplication.translate("MemberDialog", u"Education", None))
        self.membershipGroup.setTitle(QCoreApplication.translate("MemberDialog", u"Party membership", None))
        self.categoryLabel.setText(QCoreApplication.translate("MemberDialog", u"Category", None))
        self.kindLabel.setText(QCoreApplication.translate("MemberDialog", u"Kind", None))
        self.changeKindButton.setText(QCoreApplication.translate("MemberDialog", u"Change\u2026", None))
        self.organizationLabel.setText(QCoreApplication.translate("MemberDialog", u"Branch", None))
        self.joinedOnLabel.setText(QCoreApplication.translate("MemberDialog", u"Joined the party", None))
        self.confirmedOnLabel.setText(QCoreApplication.translate("MemberDialog", u"Full member since", None))
        self.statusLabel.setText(QCoreApplication.translate("MemberDialog", u"Status", None))
        self.changeStatusButton.setText(QCoreApplication.translate("MemberDialog", u"Change\u2026", None))
        self.lostContactCheck.setText(QCoreApplication.translate("MemberDialog", u"Lost contact since", None))
        self.kindGroup.setTitle(QCoreApplication.translate("MemberDialog", u"Registration and floating", None))
        self.registeredOnLabel.setText(QCoreApplication.translate("MemberDialog", u"Registered on", None))
        self.activityCardLabel.setText(QCoreApplication.translate("MemberDialog", u"Activity card no.", None))
        self.activityCardEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"Floating member's electronic activity card", None))
        self.originOrganizationLabel.setText(QCoreApplication.translate("MemberDialog", u"Home organization", None))
        self.outflowDestinationLabel.setText(QCoreApplication.translate("MemberDialog", u"Gone to", None))
        self.outflowDestinationEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"Where the member went, e.g. city and employer", None))
        self.contactGroup.setTitle(QCoreApplication.translate("MemberDialog", u"Contact and work", None))
        self.phoneLabel.setText(QCoreApplication.translate("MemberDialog", u"Phone", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"Mobile, or area code-number", None))
        self.householdLabel.setText(QCoreApplication.translate("MemberDialog", u"Household registration", None))
        self.addressLabel.setText(QCoreApplication.translate("MemberDialog", u"Current address", None))
        self.workUnitLabel.setText(QCoreApplication.translate("MemberDialog", u"Employer and post", None))
        self.notesLabel.setText(QCoreApplication.translate("MemberDialog", u"Notes", None))
        self.tabs.setTabText(self.tabs.indexOf(self.detailsTab), QCoreApplication.translate("MemberDialog", u"Personal details", None))
        self.historyIntro.setText(QCoreApplication.translate("MemberDialog", u"Every change of kind, status, branch or organization relationship is kept as a dated event. Nothing in the past is overwritten.", None))
        self.transferOutButton.setText(QCoreApplication.translate("MemberDialog", u"Transfer out\u2026", None))
        self.transferInButton.setText(QCoreApplication.translate("MemberDialog", u"Transfer back in\u2026", None))
        self.kindChangeButton.setText(QCoreApplication.translate("MemberDialog", u"Change kind\u2026", None))
        self.statusChangeButton.setText(QCoreApplication.translate("MemberDialog", u"Change status\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("MemberDialog", u"History", None))
    # retranslateUi

