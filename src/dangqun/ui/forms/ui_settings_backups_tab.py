# Generated from forms/settings_backups_tab.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'settings_backups_tab.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QStackedWidget, QTableView, QVBoxLayout, QWidget)

class Ui_BackupsTab(object):
    def setupUi(self, BackupsTab):
        if not BackupsTab.objectName():
            BackupsTab.setObjectName(u"BackupsTab")
        self.backupsTabLayout = QVBoxLayout(BackupsTab)
        self.backupsTabLayout.setObjectName(u"backupsTabLayout")
        self.backupFolderLayout = QHBoxLayout()
        self.backupFolderLayout.setObjectName(u"backupFolderLayout")
        self.backupFolderLabel = QLabel(BackupsTab)
        self.backupFolderLabel.setObjectName(u"backupFolderLabel")

        self.backupFolderLayout.addWidget(self.backupFolderLabel)

        self.backupFolderEdit = QLineEdit(BackupsTab)
        self.backupFolderEdit.setObjectName(u"backupFolderEdit")
        self.backupFolderEdit.setReadOnly(True)

        self.backupFolderLayout.addWidget(self.backupFolderEdit)

        self.openBackupFolderButton = QPushButton(BackupsTab)
        self.openBackupFolderButton.setObjectName(u"openBackupFolderButton")

        self.backupFolderLayout.addWidget(self.openBackupFolderButton)


        self.backupsTabLayout.addLayout(self.backupFolderLayout)

        self.backupInfoLabel = QLabel(BackupsTab)
        self.backupInfoLabel.setObjectName(u"backupInfoLabel")
        self.backupInfoLabel.setProperty(u"role", u"muted")
        self.backupInfoLabel.setWordWrap(True)

        self.backupsTabLayout.addWidget(self.backupInfoLabel)

        self.backupActionsLayout = QHBoxLayout()
        self.backupActionsLayout.setObjectName(u"backupActionsLayout")
        self.backupNowButton = QPushButton(BackupsTab)
        self.backupNowButton.setObjectName(u"backupNowButton")
        self.backupNowButton.setProperty(u"role", u"primary")

        self.backupActionsLayout.addWidget(self.backupNowButton)

        self.restoreSelectedButton = QPushButton(BackupsTab)
        self.restoreSelectedButton.setObjectName(u"restoreSelectedButton")

        self.backupActionsLayout.addWidget(self.restoreSelectedButton)

        self.restoreFromFileButton = QPushButton(BackupsTab)
        self.restoreFromFileButton.setObjectName(u"restoreFromFileButton")

        self.backupActionsLayout.addWidget(self.restoreFromFileButton)

        self.backupStatusLabel = QLabel(BackupsTab)
        self.backupStatusLabel.setObjectName(u"backupStatusLabel")
        self.backupStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backupActionsLayout.addWidget(self.backupStatusLabel)

        self.backupActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupActionsLayout.addItem(self.backupActionsSpacer)


        self.backupsTabLayout.addLayout(self.backupActionsLayout)

        self.backupsStack = QStackedWidget(BackupsTab)
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

        self.backupsTabLayout.addWidget(self.backupsStack)

#if QT_CONFIG(shortcut)
        self.backupFolderLabel.setBuddy(self.backupFolderEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.backupNowButton, self.restoreSelectedButton)
        QWidget.setTabOrder(self.restoreSelectedButton, self.restoreFromFileButton)
        QWidget.setTabOrder(self.restoreFromFileButton, self.backupsView)

        self.retranslateUi(BackupsTab)

        QMetaObject.connectSlotsByName(BackupsTab)
    # setupUi

    def retranslateUi(self, BackupsTab):
        self.backupFolderLabel.setText(QCoreApplication.translate("BackupsTab", u"Backup folder", None))
        self.openBackupFolderButton.setText(QCoreApplication.translate("BackupsTab", u"Open folder", None))
        self.backupInfoLabel.setText(QCoreApplication.translate("BackupsTab", u"The program backs up automatically the first time it opens each day and when it closes; automatic backups of the last 7 days and 4 weeks are kept. Manual backups and the backups taken before an upgrade or a restore are never deleted automatically. Copy the folder to a USB stick from time to time.", None))
        self.backupNowButton.setText(QCoreApplication.translate("BackupsTab", u"Back up now", None))
        self.restoreSelectedButton.setText(QCoreApplication.translate("BackupsTab", u"Restore selected backup\u2026", None))
        self.restoreFromFileButton.setText(QCoreApplication.translate("BackupsTab", u"Restore from file\u2026", None))
        self.backupsEmptyLabel.setText(QCoreApplication.translate("BackupsTab", u"No backups yet. Click \u201cBack up now\u201d to make the first one.", None))
        pass
    # retranslateUi

