# Generated from forms/settings_audit_tab.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'settings_audit_tab.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_AuditTab(object):
    def setupUi(self, AuditTab):
        if not AuditTab.objectName():
            AuditTab.setObjectName(u"AuditTab")
        self.auditTabLayout = QVBoxLayout(AuditTab)
        self.auditTabLayout.setObjectName(u"auditTabLayout")
        self.auditFilterLayout = QVBoxLayout()
        self.auditFilterLayout.setObjectName(u"auditFilterLayout")
        self.auditWhoFilterLayout = QHBoxLayout()
        self.auditWhoFilterLayout.setObjectName(u"auditWhoFilterLayout")
        self.auditUserLabel = QLabel(AuditTab)
        self.auditUserLabel.setObjectName(u"auditUserLabel")

        self.auditWhoFilterLayout.addWidget(self.auditUserLabel)

        self.auditUserCombo = QComboBox(AuditTab)
        self.auditUserCombo.setObjectName(u"auditUserCombo")
        self.auditUserCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.auditWhoFilterLayout.addWidget(self.auditUserCombo)

        self.auditActionLabel = QLabel(AuditTab)
        self.auditActionLabel.setObjectName(u"auditActionLabel")

        self.auditWhoFilterLayout.addWidget(self.auditActionLabel)

        self.auditActionCombo = QComboBox(AuditTab)
        self.auditActionCombo.setObjectName(u"auditActionCombo")
        self.auditActionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.auditWhoFilterLayout.addWidget(self.auditActionCombo)

        self.auditTextEdit = QLineEdit(AuditTab)
        self.auditTextEdit.setObjectName(u"auditTextEdit")
        self.auditTextEdit.setClearButtonEnabled(True)

        self.auditWhoFilterLayout.addWidget(self.auditTextEdit)


        self.auditFilterLayout.addLayout(self.auditWhoFilterLayout)

        self.auditWhenFilterLayout = QHBoxLayout()
        self.auditWhenFilterLayout.setObjectName(u"auditWhenFilterLayout")
        self.auditFromLabel = QLabel(AuditTab)
        self.auditFromLabel.setObjectName(u"auditFromLabel")

        self.auditWhenFilterLayout.addWidget(self.auditFromLabel)

        self.auditFromEdit = QDateEdit(AuditTab)
        self.auditFromEdit.setObjectName(u"auditFromEdit")
        self.auditFromEdit.setCalendarPopup(True)
        self.auditFromEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.auditWhenFilterLayout.addWidget(self.auditFromEdit)

        self.auditToLabel = QLabel(AuditTab)
        self.auditToLabel.setObjectName(u"auditToLabel")

        self.auditWhenFilterLayout.addWidget(self.auditToLabel)

        self.auditToEdit = QDateEdit(AuditTab)
        self.auditToEdit.setObjectName(u"auditToEdit")
        self.auditToEdit.setCalendarPopup(True)
        self.auditToEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.auditWhenFilterLayout.addWidget(self.auditToEdit)

        self.auditFilterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.auditWhenFilterLayout.addItem(self.auditFilterSpacer)

        self.auditClearButton = QPushButton(AuditTab)
        self.auditClearButton.setObjectName(u"auditClearButton")

        self.auditWhenFilterLayout.addWidget(self.auditClearButton)

        self.auditRefreshButton = QPushButton(AuditTab)
        self.auditRefreshButton.setObjectName(u"auditRefreshButton")

        self.auditWhenFilterLayout.addWidget(self.auditRefreshButton)


        self.auditFilterLayout.addLayout(self.auditWhenFilterLayout)


        self.auditTabLayout.addLayout(self.auditFilterLayout)

        self.auditSplitter = QSplitter(AuditTab)
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

        self.auditCountLabel = QLabel(AuditTab)
        self.auditCountLabel.setObjectName(u"auditCountLabel")
        self.auditCountLabel.setProperty(u"role", u"muted")

        self.auditTabLayout.addWidget(self.auditCountLabel)

#if QT_CONFIG(shortcut)
        self.auditUserLabel.setBuddy(self.auditUserCombo)
        self.auditActionLabel.setBuddy(self.auditActionCombo)
        self.auditFromLabel.setBuddy(self.auditFromEdit)
        self.auditToLabel.setBuddy(self.auditToEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.auditUserCombo, self.auditActionCombo)
        QWidget.setTabOrder(self.auditActionCombo, self.auditFromEdit)
        QWidget.setTabOrder(self.auditFromEdit, self.auditToEdit)
        QWidget.setTabOrder(self.auditToEdit, self.auditTextEdit)
        QWidget.setTabOrder(self.auditTextEdit, self.auditClearButton)
        QWidget.setTabOrder(self.auditClearButton, self.auditRefreshButton)
        QWidget.setTabOrder(self.auditRefreshButton, self.auditView)

        self.retranslateUi(AuditTab)

        QMetaObject.connectSlotsByName(AuditTab)
    # setupUi

    def retranslateUi(self, AuditTab):
        self.auditUserLabel.setText(QCoreApplication.translate("AuditTab", u"User", None))
        self.auditActionLabel.setText(QCoreApplication.translate("AuditTab", u"Action", None))
        self.auditTextEdit.setPlaceholderText(QCoreApplication.translate("AuditTab", u"Search object ID or changes", None))
        self.auditFromLabel.setText(QCoreApplication.translate("AuditTab", u"From", None))
        self.auditToLabel.setText(QCoreApplication.translate("AuditTab", u"To", None))
        self.auditClearButton.setText(QCoreApplication.translate("AuditTab", u"Clear filters", None))
        self.auditRefreshButton.setText(QCoreApplication.translate("AuditTab", u"Refresh", None))
        self.auditDetailEdit.setPlaceholderText(QCoreApplication.translate("AuditTab", u"Select a row to see the full record of the change.", None))
        pass
    # retranslateUi

