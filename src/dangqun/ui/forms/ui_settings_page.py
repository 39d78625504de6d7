# Generated from forms/settings_page.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'settings_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QSplitter, QStackedWidget, QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(1100, 720)
        self.pageLayout = QVBoxLayout(SettingsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.tabs = QTabWidget(SettingsPage)
        self.tabs.setObjectName(u"tabs")
        self.centerTab = QWidget()
        self.centerTab.setObjectName(u"centerTab")
        self.centerTabLayout = QVBoxLayout(self.centerTab)
        self.centerTabLayout.setObjectName(u"centerTabLayout")
        self.centerGroup = QGroupBox(self.centerTab)
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


        self.centerFormLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.saveCenterLayout)

        self.centerIdLabel = QLabel(self.centerGroup)
        self.centerIdLabel.setObjectName(u"centerIdLabel")

        self.centerFormLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.centerIdLabel)

        self.centerIdLayout = QHBoxLayout()
        self.centerIdLayout.setObjectName(u"centerIdLayout")
        self.centerIdEdit = QLineEdit(self.centerGroup)
        self.centerIdEdit.setObjectName(u"centerIdEdit")
        self.centerIdEdit.setReadOnly(True)

        self.centerIdLayout.addWidget(self.centerIdEdit)

        self.copyCenterIdButton = QPushButton(self.centerGroup)
        self.copyCenterIdButton.setObjectName(u"copyCenterIdButton")

        self.centerIdLayout.addWidget(self.copyCenterIdButton)


        self.centerFormLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.centerIdLayout)

        self.centerIdHint = QLabel(self.centerGroup)
        self.centerIdHint.setObjectName(u"centerIdHint")
        self.centerIdHint.setProperty(u"role", u"muted")

        self.centerFormLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.centerIdHint)


        self.centerTabLayout.addWidget(self.centerGroup)

        self.storageGroup = QGroupBox(self.centerTab)
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

        self.tabs.addTab(self.centerTab, "")
        self.usersTab = QWidget()
        self.usersTab.setObjectName(u"usersTab")
        self.usersTabLayout = QVBoxLayout(self.usersTab)
        self.usersTabLayout.setObjectName(u"usersTabLayout")
        self.userActionsLayout = QHBoxLayout()
        self.userActionsLayout.setObjectName(u"userActionsLayout")
        self.addUserButton = QPushButton(self.usersTab)
        self.addUserButton.setObjectName(u"addUserButton")

        self.userActionsLayout.addWidget(self.addUserButton)

        self.editUserButton = QPushButton(self.usersTab)
        self.editUserButton.setObjectName(u"editUserButton")

        self.userActionsLayout.addWidget(self.editUserButton)

        self.resetPasswordButton = QPushButton(self.usersTab)
        self.resetPasswordButton.setObjectName(u"resetPasswordButton")

        self.userActionsLayout.addWidget(self.resetPasswordButton)

        self.toggleActiveButton = QPushButton(self.usersTab)
        self.toggleActiveButton.setObjectName(u"toggleActiveButton")

        self.userActionsLayout.addWidget(self.toggleActiveButton)

        self.userActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.userActionsLayout.addItem(self.userActionsSpacer)

        self.changeOwnPasswordButton = QPushButton(self.usersTab)
        self.changeOwnPasswordButton.setObjectName(u"changeOwnPasswordButton")

        self.userActionsLayout.addWidget(self.changeOwnPasswordButton)


        self.usersTabLayout.addLayout(self.userActionsLayout)

        self.usersView = QTableView(self.usersTab)
        self.usersView.setObjectName(u"usersView")
        self.usersView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.usersView.setAlternatingRowColors(True)
        self.usersView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.usersView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.usersView.horizontalHeader().setStretchLastSection(True)
        self.usersView.verticalHeader().setVisible(False)

        self.usersTabLayout.addWidget(self.usersView)

        self.usersHint = QLabel(self.usersTab)
        self.usersHint.setObjectName(u"usersHint")
        self.usersHint.setProperty(u"role", u"muted")
        self.usersHint.setWordWrap(True)

        self.usersTabLayout.addWidget(self.usersHint)

        self.tabs.addTab(self.usersTab, "")
        self.auditTab = QWidget()
        self.auditTab.setObjectName(u"auditTab")
        self.auditTabLayout = QVBoxLayout(self.auditTab)
        self.auditTabLayout.setObjectName(u"auditTabLayout")
        self.auditFilterLayout = QHBoxLayout()
        self.auditFilterLayout.setObjectName(u"auditFilterLayout")
        self.auditUserLabel = QLabel(self.auditTab)
        self.auditUserLabel.setObjectName(u"auditUserLabel")

        self.auditFilterLayout.addWidget(self.auditUserLabel)

        self.auditUserCombo = QComboBox(self.auditTab)
        self.auditUserCombo.setObjectName(u"auditUserCombo")
        self.auditUserCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.auditFilterLayout.addWidget(self.auditUserCombo)

        self.auditActionLabel = QLabel(self.auditTab)
        self.auditActionLabel.setObjectName(u"auditActionLabel")

        self.auditFilterLayout.addWidget(self.auditActionLabel)

        self.auditActionCombo = QComboBox(self.auditTab)
        self.auditActionCombo.setObjectName(u"auditActionCombo")
        self.auditActionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.auditFilterLayout.addWidget(self.auditActionCombo)

        self.auditFromLabel = QLabel(self.auditTab)
        self.auditFromLabel.setObjectName(u"auditFromLabel")

        self.auditFilterLayout.addWidget(self.auditFromLabel)

        self.auditFromEdit = QDateEdit(self.auditTab)
        self.auditFromEdit.setObjectName(u"auditFromEdit")
        self.auditFromEdit.setCalendarPopup(True)
        self.auditFromEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.auditFilterLayout.addWidget(self.auditFromEdit)

        self.auditToLabel = QLabel(self.auditTab)
        self.auditToLabel.setObjectName(u"auditToLabel")

        self.auditFilterLayout.addWidget(self.auditToLabel)

        self.auditToEdit = QDateEdit(self.auditTab)
        self.auditToEdit.setObjectName(u"auditToEdit")
        self.auditToEdit.setCalendarPopup(True)
        self.auditToEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.auditFilterLayout.addWidget(self.auditToEdit)

        self.auditTextEdit = QLineEdit(self.auditTab)
        self.auditTextEdit.setObjectName(u"auditTextEdit")
        self.auditTextEdit.setClearButtonEnabled(True)

        self.auditFilterLayout.addWidget(self.auditTextEdit)

        self.auditClearButton = QPushButton(self.auditTab)
        self.auditClearButton.setObjectName(u"auditClearButton")

        self.auditFilterLayout.addWidget(self.auditClearButton)

        self.auditRefreshButton = QPushButton(self.auditTab)
        self.auditRefreshButton.setObjectName(u"auditRefreshButton")

        self.auditFilterLayout.addWidget(self.auditRefreshButton)


        self.auditTabLayout.addLayout(self.auditFilterLayout)

        self.auditSplitter = QSplitter(self.auditTab)
        self.auditSplitter.setObjectName(u"auditSplitter")
        self.auditSplitter.setOrientation(Qt.Orientation.Vertical)
        self.auditSplitter.setChildrenCollapsible(False)
        self.auditView = QTableView(self.auditSplitter)
        self.auditView.setObjectName(u"auditView")
        self.auditView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.auditView.setAlternatingRowColors(True)
        self.auditView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.auditView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.auditView.setWordWrap(False)
        self.auditSplitter.addWidget(self.auditView)
        self.auditView.horizontalHeader().setStretchLastSection(True)
        self.auditView.verticalHeader().setVisible(False)
        self.auditDetailEdit = QPlainTextEdit(self.auditSplitter)
        self.auditDetailEdit.setObjectName(u"auditDetailEdit")
        self.auditDetailEdit.setReadOnly(True)
        self.auditSplitter.addWidget(self.auditDetailEdit)

        self.auditTabLayout.addWidget(self.auditSplitter)

        self.auditCountLabel = QLabel(self.auditTab)
        self.auditCountLabel.setObjectName(u"auditCountLabel")
        self.auditCountLabel.setProperty(u"role", u"muted")

        self.auditTabLayout.addWidget(self.auditCountLabel)

        self.tabs.addTab(self.auditTab, "")
        self.backupTab = QWidget()
        self.backupTab.setObjectName(u"backupTab")
        self.backupTabLayout = QVBoxLayout(self.backupTab)
        self.backupTabLayout.setObjectName(u"backupTabLayout")
        self.backupFolderLayout = QHBoxLayout()
        self.backupFolderLayout.setObjectName(u"backupFolderLayout")
        self.backupFolderLabel = QLabel(self.backupTab)
        self.backupFolderLabel.setObjectName(u"backupFolderLabel")

        self.backupFolderLayout.addWidget(self.backupFolderLabel)

        self.backupFolderEdit = QLineEdit(self.backupTab)
        self.backupFolderEdit.setObjectName(u"backupFolderEdit")
        self.backupFolderEdit.setReadOnly(True)

        self.backupFolderLayout.addWidget(self.backupFolderEdit)

        self.openBackupFolderButton = QPushButton(self.backupTab)
        self.openBackupFolderButton.setObjectName(u"openBackupFolderButton")

        self.backupFolderLayout.addWidget(self.openBackupFolderButton)


        self.backupTabLayout.addLayout(self.backupFolderLayout)

        self.backupInfoLabel = QLabel(self.backupTab)
        self.backupInfoLabel.setObjectName(u"backupInfoLabel")
        self.backupInfoLabel.setProperty(u"role", u"muted")
        self.backupInfoLabel.setWordWrap(True)

        self.backupTabLayout.addWidget(self.backupInfoLabel)

        self.backupActionsLayout = QHBoxLayout()
        self.backupActionsLayout.setObjectName(u"backupActionsLayout")
        self.backupNowButton = QPushButton(self.backupTab)
        self.backupNowButton.setObjectName(u"backupNowButton")
        self.backupNowButton.setProperty(u"role", u"primary")

        self.backupActionsLayout.addWidget(self.backupNowButton)

        self.restoreSelectedButton = QPushButton(self.backupTab)
        self.restoreSelectedButton.setObjectName(u"restoreSelectedButton")

        self.backupActionsLayout.addWidget(self.restoreSelectedButton)

        self.restoreFromFileButton = QPushButton(self.backupTab)
        self.restoreFromFileButton.setObjectName(u"restoreFromFileButton")

        self.backupActionsLayout.addWidget(self.restoreFromFileButton)

        self.backupStatusLabel = QLabel(self.backupTab)
        self.backupStatusLabel.setObjectName(u"backupStatusLabel")
        self.backupStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backupActionsLayout.addWidget(self.backupStatusLabel)

        self.backupActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupActionsLayout.addItem(self.backupActionsSpacer)


        self.backupTabLayout.addLayout(self.backupActionsLayout)

        self.backupsStack = QStackedWidget(self.backupTab)
        self.backupsStack.setObjectName(u"backupsStack")
        self.backupsView = QTableView()
        self.backupsView.setObjectName(u"backupsView")
        self.backupsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backupsView.setAlternatingRowColors(True)
        self.backupsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backupsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backupsStack.addWidget(self.backupsView)
        self.backupsView.horizontalHeader().setStretchLastSection(True)
        self.backupsView.verticalHeader().setVisible(False)
        self.backupsEmptyLabel = QLabel()
        self.backupsEmptyLabel.setObjectName(u"backupsEmptyLabel")
        self.backupsEmptyLabel.setProperty(u"role", u"muted")
        self.backupsEmptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.backupsEmptyLabel.setWordWrap(True)
        self.backupsStack.addWidget(self.backupsEmptyLabel)

        self.backupTabLayout.addWidget(self.backupsStack)

        self.tabs.addTab(self.backupTab, "")
        self.printTab = QWidget()
        self.printTab.setObjectName(u"printTab")
        self.printTabLayout = QVBoxLayout(self.printTab)
        self.printTabLayout.setObjectName(u"printTabLayout")
        self.fontsInUseGroup = QGroupBox(self.printTab)
        self.fontsInUseGroup.setObjectName(u"fontsInUseGroup")
        self.fontsInUseLayout = QVBoxLayout(self.fontsInUseGroup)
        self.fontsInUseLayout.setObjectName(u"fontsInUseLayout")
        self.printFontsSummaryLabel = QLabel(self.fontsInUseGroup)
        self.printFontsSummaryLabel.setObjectName(u"printFontsSummaryLabel")
        self.printFontsSummaryLabel.setWordWrap(True)
        self.printFontsSummaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fontsInUseLayout.addWidget(self.printFontsSummaryLabel)

        self.fontsInUseActionsLayout = QHBoxLayout()
        self.fontsInUseActionsLayout.setObjectName(u"fontsInUseActionsLayout")
        self.printSampleButton = QPushButton(self.fontsInUseGroup)
        self.printSampleButton.setObjectName(u"printSampleButton")

        self.fontsInUseActionsLayout.addWidget(self.printSampleButton)

        self.rescanFontsButton = QPushButton(self.fontsInUseGroup)
        self.rescanFontsButton.setObjectName(u"rescanFontsButton")

        self.fontsInUseActionsLayout.addWidget(self.rescanFontsButton)

        self.fontsInUseActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fontsInUseActionsLayout.addItem(self.fontsInUseActionsSpacer)


        self.fontsInUseLayout.addLayout(self.fontsInUseActionsLayout)


        self.printTabLayout.addWidget(self.fontsInUseGroup)

        self.printFontGroup = QGroupBox(self.printTab)
        self.printFontGroup.setObjectName(u"printFontGroup")
        self.printFontGroupLayout = QVBoxLayout(self.printFontGroup)
        self.printFontGroupLayout.setObjectName(u"printFontGroupLayout")
        self.printFontHint = QLabel(self.printFontGroup)
        self.printFontHint.setObjectName(u"printFontHint")
        self.printFontHint.setProperty(u"role", u"muted")
        self.printFontHint.setWordWrap(True)

        self.printFontGroupLayout.addWidget(self.printFontHint)

        self.printFontList = QListWidget(self.printFontGroup)
        self.printFontList.setObjectName(u"printFontList")
        self.printFontList.setAlternatingRowColors(True)
        self.printFontList.setWordWrap(True)

        self.printFontGroupLayout.addWidget(self.printFontList)

        self.printFontFormLayout = QFormLayout()
        self.printFontFormLayout.setObjectName(u"printFontFormLayout")
        self.printFontFormLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.printFontPathLabel = QLabel(self.printFontGroup)
        self.printFontPathLabel.setObjectName(u"printFontPathLabel")

        self.printFontFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.printFontPathLabel)

        self.printFontPathLayout = QHBoxLayout()
        self.printFontPathLayout.setObjectName(u"printFontPathLayout")
        self.printFontPathEdit = QLineEdit(self.printFontGroup)
        self.printFontPathEdit.setObjectName(u"printFontPathEdit")
        self.printFontPathEdit.setClearButtonEnabled(True)

        self.printFontPathLayout.addWidget(self.printFontPathEdit)

        self.chooseFontFileButton = QPushButton(self.printFontGroup)
        self.chooseFontFileButton.setObjectName(u"chooseFontFileButton")

        self.printFontPathLayout.addWidget(self.chooseFontFileButton)


        self.printFontFormLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.printFontPathLayout)

        self.printFontPathError = QLabel(self.printFontGroup)
        self.printFontPathError.setObjectName(u"printFontPathError")
        self.printFontPathError.setProperty(u"role", u"error")
        self.printFontPathError.setWordWrap(True)

        self.printFontFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.printFontPathError)

        self.savePrintFontLayout = QHBoxLayout()
        self.savePrintFontLayout.setObjectName(u"savePrintFontLayout")
        self.savePrintFontButton = QPushButton(self.printFontGroup)
        self.savePrintFontButton.setObjectName(u"savePrintFontButton")
        self.savePrintFontButton.setProperty(u"role", u"primary")

        self.savePrintFontLayout.addWidget(self.savePrintFontButton)

        self.printFontStatusLabel = QLabel(self.printFontGroup)
        self.printFontStatusLabel.setObjectName(u"printFontStatusLabel")
        self.printFontStatusLabel.setWordWrap(True)

        self.savePrintFontLayout.addWidget(self.printFontStatusLabel)

        self.savePrintFontSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.savePrintFontLayout.addItem(self.savePrintFontSpacer)


        self.printFontFormLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.savePrintFontLayout)


        self.printFontGroupLayout.addLayout(self.printFontFormLayout)


        self.printTabLayout.addWidget(self.printFontGroup)

        self.printFontReadOnlyNote = QLabel(self.printTab)
        self.printFontReadOnlyNote.setObjectName(u"printFontReadOnlyNote")
        self.printFontReadOnlyNote.setProperty(u"role", u"muted")
        self.printFontReadOnlyNote.setWordWrap(True)

        self.printTabLayout.addWidget(self.printFontReadOnlyNote)

        self.printTabSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.printTabLayout.addItem(self.printTabSpacer)

        self.printTabLayout.setStretch(1, 1)
        self.tabs.addTab(self.printTab, "")
        self.interfaceTab = QWidget()
        self.interfaceTab.setObjectName(u"interfaceTab")
        self.interfaceTabLayout = QVBoxLayout(self.interfaceTab)
        self.interfaceTabLayout.setObjectName(u"interfaceTabLayout")
        self.preferencesGroup = QGroupBox(self.interfaceTab)
        self.preferencesGroup.setObjectName(u"preferencesGroup")
        self.preferencesFormLayout = QFormLayout(self.preferencesGroup)
        self.preferencesFormLayout.setObjectName(u"preferencesFormLayout")
        self.fontSizeLabel = QLabel(self.preferencesGroup)
        self.fontSizeLabel.setObjectName(u"fontSizeLabel")

        self.preferencesFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fontSizeLabel)

        self.fontSizeSpin = QSpinBox(self.preferencesGroup)
        self.fontSizeSpin.setObjectName(u"fontSizeSpin")

        self.preferencesFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fontSizeSpin)

        self.fontSizeError = QLabel(self.preferencesGroup)
        self.fontSizeError.setObjectName(u"fontSizeError")
        self.fontSizeError.setProperty(u"role", u"error")
        self.fontSizeError.setWordWrap(True)

        self.preferencesFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fontSizeError)

        self.idleLockLabel = QLabel(self.preferencesGroup)
        self.idleLockLabel.setObjectName(u"idleLockLabel")

        self.preferencesFormLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.idleLockLabel)

        self.idleLockSpin = QSpinBox(self.preferencesGroup)
        self.idleLockSpin.setObjectName(u"idleLockSpin")

        self.preferencesFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.idleLockSpin)

        self.idleLockError = QLabel(self.preferencesGroup)
        self.idleLockError.setObjectName(u"idleLockError")
        self.idleLockError.setProperty(u"role", u"error")
        self.idleLockError.setWordWrap(True)

        self.preferencesFormLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.idleLockError)

        self.lockoutLabel = QLabel(self.preferencesGroup)
        self.lockoutLabel.setObjectName(u"lockoutLabel")

        self.preferencesFormLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lockoutLabel)

        self.lockoutSpin = QSpinBox(self.preferencesGroup)
        self.lockoutSpin.setObjectName(u"lockoutSpin")

        self.preferencesFormLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.lockoutSpin)

        self.lockoutError = QLabel(self.preferencesGroup)
        self.lockoutError.setObjectName(u"lockoutError")
        self.lockoutError.setProperty(u"role", u"error")
        self.lockoutError.setWordWrap(True)

        self.preferencesFormLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.lockoutError)

        self.saveSettingsLayout = QHBoxLayout()
        self.saveSettingsLayout.setObjectName(u"saveSettingsLayout")
        self.saveSettingsButton = QPushButton(self.preferencesGroup)
        self.saveSettingsButton.setObjectName(u"saveSettingsButton")
        self.saveSettingsButton.setProperty(u"role", u"primary")

        self.saveSettingsLayout.addWidget(self.saveSettingsButton)

        self.settingsStatusLabel = QLabel(self.preferencesGroup)
        self.settingsStatusLabel.setObjectName(u"settingsStatusLabel")
        self.settingsStatusLabel.setWordWrap(True)

        self.saveSettingsLayout.addWidget(self.settingsStatusLabel)

        self.settingsReadOnlyNote = QLabel(self.preferencesGroup)
        self.settingsReadOnlyNote.setObjectName(u"settingsReadOnlyNote")
        self.settingsReadOnlyNote.setProperty(u"role", u"muted")

        self.saveSettingsLayout.addWidget(self.settingsReadOnlyNote)

        self.saveSettingsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveSettingsLayout.addItem(self.saveSettingsSpacer)


        self.preferencesFormLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.saveSettingsLayout)


        self.interfaceTabLayout.addWidget(self.preferencesGroup)

        self.accountGroup = QGroupBox(self.interfaceTab)
        self.accountGroup.setObjectName(u"accountGroup")
        self.accountFormLayout = QFormLayout(self.accountGroup)
        self.accountFormLayout.setObjectName(u"accountFormLayout")
        self.signedInAsLabel = QLabel(self.accountGroup)
        self.signedInAsLabel.setObjectName(u"signedInAsLabel")

        self.accountFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.signedInAsLabel)

        self.signedInAsValue = QLabel(self.accountGroup)
        self.signedInAsValue.setObjectName(u"signedInAsValue")

        self.accountFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.signedInAsValue)

        self.myPasswordLayout = QHBoxLayout()
        self.myPasswordLayout.setObjectName(u"myPasswordLayout")
        self.changeMyPasswordButton = QPushButton(self.accountGroup)
        self.changeMyPasswordButton.setObjectName(u"changeMyPasswordButton")

        self.myPasswordLayout.addWidget(self.changeMyPasswordButton)

        self.myPasswordSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.myPasswordLayout.addItem(self.myPasswordSpacer)


        self.accountFormLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.myPasswordLayout)


        self.interfaceTabLayout.addWidget(self.accountGroup)

        self.interfaceTabSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.interfaceTabLayout.addItem(self.interfaceTabSpacer)

        self.tabs.addTab(self.interfaceTab, "")

        self.pageLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.centerNameLabel.setBuddy(self.centerNameEdit)
        self.divisionCodeLabel.setBuddy(self.divisionCodeEdit)
        self.centerIdLabel.setBuddy(self.centerIdEdit)
        self.dataDirectoryLabel.setBuddy(self.dataDirectoryEdit)
        self.auditUserLabel.setBuddy(self.auditUserCombo)
        self.auditActionLabel.setBuddy(self.auditActionCombo)
        self.auditFromLabel.setBuddy(self.auditFromEdit)
        self.auditToLabel.setBuddy(self.auditToEdit)
        self.backupFolderLabel.setBuddy(self.backupFolderEdit)
        self.printFontPathLabel.setBuddy(self.printFontPathEdit)
        self.fontSizeLabel.setBuddy(self.fontSizeSpin)
        self.idleLockLabel.setBuddy(self.idleLockSpin)
        self.lockoutLabel.setBuddy(self.lockoutSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.centerNameEdit)
        QWidget.setTabOrder(self.centerNameEdit, self.divisionCodeEdit)
        QWidget.setTabOrder(self.divisionCodeEdit, self.saveCenterButton)
        QWidget.setTabOrder(self.saveCenterButton, self.centerIdEdit)
        QWidget.setTabOrder(self.centerIdEdit, self.copyCenterIdButton)
        QWidget.setTabOrder(self.copyCenterIdButton, self.addUserButton)
        QWidget.setTabOrder(self.addUserButton, self.editUserButton)
        QWidget.setTabOrder(self.editUserButton, self.resetPasswordButton)
        QWidget.setTabOrder(self.resetPasswordButton, self.toggleActiveButton)
        QWidget.setTabOrder(self.toggleActiveButton, self.changeOwnPasswordButton)
        QWidget.setTabOrder(self.changeOwnPasswordButton, self.usersView)
        QWidget.setTabOrder(self.usersView, self.auditUserCombo)
        QWidget.setTabOrder(self.auditUserCombo, self.auditActionCombo)
        QWidget.setTabOrder(self.auditActionCombo, self.auditFromEdit)
        QWidget.setTabOrder(self.auditFromEdit, self.auditToEdit)
        QWidget.setTabOrder(self.auditToEdit, self.auditTextEdit)
        QWidget.setTabOrder(self.auditTextEdit, self.auditClearButton)
        QWidget.setTabOrder(self.auditClearButton, self.auditRefreshButton)
        QWidget.setTabOrder(self.auditRefreshButton, self.auditView)
        QWidget.setTabOrder(self.auditView, self.backupNowButton)
        QWidget.setTabOrder(self.backupNowButton, self.restoreSelectedButton)
        QWidget.setTabOrder(self.restoreSelectedButton, self.restoreFromFileButton)
        QWidget.setTabOrder(self.restoreFromFileButton, self.backupsView)
        QWidget.setTabOrder(self.backupsView, self.printSampleButton)
        QWidget.setTabOrder(self.printSampleButton, self.rescanFontsButton)
        QWidget.setTabOrder(self.rescanFontsButton, self.printFontList)
        QWidget.setTabOrder(self.printFontList, self.printFontPathEdit)
        QWidget.setTabOrder(self.printFontPathEdit, self.chooseFontFileButton)
        QWidget.setTabOrder(self.chooseFontFileButton, self.savePrintFontButton)
        QWidget.setTabOrder(self.savePrintFontButton, self.fontSizeSpin)
        QWidget.setTabOrder(self.fontSizeSpin, self.idleLockSpin)
        QWidget.setTabOrder(self.idleLockSpin, self.lockoutSpin)
        QWidget.setTabOrder(self.lockoutSpin, self.saveSettingsButton)
        QWidget.setTabOrder(self.saveSettingsButton, self.changeMyPasswordButton)

        self.retranslateUi(SettingsPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.centerGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Service center", None))
        self.centerNameLabel.setText(QCoreApplication.translate("SettingsPage", u"Center name", None))
        self.divisionCodeLabel.setText(QCoreApplication.translate("SettingsPage", u"Division code", None))
        self.divisionCodeHint.setText(QCoreApplication.translate("SettingsPage", u"12 digits: 6-digit county code + 3-digit street + 3-digit community, e.g. 530102001001.", None))
        self.saveCenterButton.setText(QCoreApplication.translate("SettingsPage", u"Save center information", None))
        self.centerReadOnlyNote.setText(QCoreApplication.translate("SettingsPage", u"Only an administrator can change the center information.", None))
        self.centerIdLabel.setText(QCoreApplication.translate("SettingsPage", u"Center ID", None))
        self.copyCenterIdButton.setText(QCoreApplication.translate("SettingsPage", u"Copy", None))
        self.centerIdHint.setText(QCoreApplication.translate("SettingsPage", u"Created once at first setup. It identifies this center in the data packages sent to the district and never changes.", None))
        self.storageGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Data storage", None))
        self.dataDirectoryLabel.setText(QCoreApplication.translate("SettingsPage", u"Data directory", None))
        self.openDataDirectoryButton.setText(QCoreApplication.translate("SettingsPage", u"Open folder", None))
        self.databaseSizeTitle.setText(QCoreApplication.translate("SettingsPage", u"Database size", None))
        self.tabs.setTabText(self.tabs.indexOf(self.centerTab), QCoreApplication.translate("SettingsPage", u"Center", None))
        self.addUserButton.setText(QCoreApplication.translate("SettingsPage", u"Add user\u2026", None))
        self.editUserButton.setText(QCoreApplication.translate("SettingsPage", u"Edit\u2026", None))
        self.resetPasswordButton.setText(QCoreApplication.translate("SettingsPage", u"Reset password\u2026", None))
        self.toggleActiveButton.setText(QCoreApplication.translate("SettingsPage", u"Disable", None))
        self.changeOwnPasswordButton.setText(QCoreApplication.translate("SettingsPage", u"Change my password\u2026", None))
        self.usersHint.setText(QCoreApplication.translate("SettingsPage", u"Double-click a user to edit. A disabled user cannot sign in; everything they recorded is kept.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.usersTab), QCoreApplication.translate("SettingsPage", u"Users", None))
        self.auditUserLabel.setText(QCoreApplication.translate("SettingsPage", u"User", None))
        self.auditActionLabel.setText(QCoreApplication.translate("SettingsPage", u"Action", None))
        self.auditFromLabel.setText(QCoreApplication.translate("SettingsPage", u"From", None))
        self.auditToLabel.setText(QCoreApplication.translate("SettingsPage", u"To", None))
        self.auditTextEdit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"Search object ID or changes", None))
        self.auditClearButton.setText(QCoreApplication.translate("SettingsPage", u"Clear filters", None))
        self.auditRefreshButton.setText(QCoreApplication.translate("SettingsPage", u"Refresh", None))
        self.auditDetailEdit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"Select a row to see the full record of the change.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.auditTab), QCoreApplication.translate("SettingsPage", u"Audit log", None))
        self.backupFolderLabel.setText(QCoreApplication.translate("SettingsPage", u"Backup folder", None))
        self.openBackupFolderButton.setText(QCoreApplication.translate("SettingsPage", u"Open folder", None))
        self.backupInfoLabel.setText(QCoreApplication.translate("SettingsPage", u"The program backs up automatically the first time it opens each day and when it closes; automatic backups of the last 7 days and 4 weeks are kept. Manual backups and the backups taken before an upgrade or a restore are never deleted automatically. Copy the folder to a USB stick from time to time.", None))
        self.backupNowButton.setText(QCoreApplication.translate("SettingsPage", u"Back up now", None))
        self.restoreSelectedButton.setText(QCoreApplication.translate("SettingsPage", u"Restore selected backup\u2026", None))
        self.restoreFromFileButton.setText(QCoreApplication.translate("SettingsPage", u"Restore from file\u2026", None))
        self.backupsEmptyLabel.setText(QCoreApplication.translate("SettingsPage", u"No backups yet. Click \u201cBack up now\u201d to make the first one.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.backupTab), QCoreApplication.translate("SettingsPage", u"Backup and restore", None))
        self.fontsInUseGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Fonts used in printed documents", None))
        self.printSampleButton.setText(QCoreApplication.translate("SettingsPage", u"Print a sample\u2026", None))
        self.rescanFontsButton.setText(QCoreApplication.translate("SettingsPage", u"Look for fonts again", None))
        self.printFontGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Choose the print font", None))
        self.printFontHint.setText(QCoreApplication.translate("SettingsPage", u"\u201cAutomatic\u201d uses, in this order: the system's fonts for official documents (\u5c0f\u6807\u5b8b for titles, \u4eff\u5b8b for body text, \u9ed1\u4f53 for headings), then a font shipped with the program, then the built-in font STSong-Light, which is not embedded (the PDF reader supplies the characters). A font chosen here is used for all text. Only TrueType fonts (.ttf, .ttc) can be embedded; OpenType fonts with CFF outlines (most .otf files) cannot and are shown greyed out with the reason.", None))
        self.printFontPathLabel.setText(QCoreApplication.translate("SettingsPage", u"Font file", None))
        self.chooseFontFileButton.setText(QCoreApplication.translate("SettingsPage", u"Choose font file\u2026", None))
        self.savePrintFontButton.setText(QCoreApplication.translate("SettingsPage", u"Save print font", None))
        self.printFontReadOnlyNote.setText(QCoreApplication.translate("SettingsPage", u"Only an administrator can choose the print font.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.printTab), QCoreApplication.translate("SettingsPage", u"Printing", None))
        self.preferencesGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Settings for everyone at this center", None))
        self.fontSizeLabel.setText(QCoreApplication.translate("SettingsPage", u"Font size", None))
        self.idleLockLabel.setText(QCoreApplication.translate("SettingsPage", u"Lock the screen after no activity for", None))
        self.lockoutLabel.setText(QCoreApplication.translate("SettingsPage", u"After 5 wrong passwords, lock the account for", None))
        self.saveSettingsButton.setText(QCoreApplication.translate("SettingsPage", u"Save settings", None))
        self.settingsReadOnlyNote.setText(QCoreApplication.translate("SettingsPage", u"Only an administrator can change these settings.", None))
        self.accountGroup.setTitle(QCoreApplication.translate("SettingsPage", u"My account", None))
        self.signedInAsLabel.setText(QCoreApplication.translate("SettingsPage", u"Signed in as", None))
        self.changeMyPasswordButton.setText(QCoreApplication.translate("SettingsPage", u"Change my password\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.interfaceTab), QCoreApplication.translate("SettingsPage", u"Display and security", None))
        pass
    # retranslateUi

