# Generated from forms/settings_users_tab.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'settings_users_tab.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_UsersTab(object):
    def setupUi(self, UsersTab):
        if not UsersTab.objectName():
            UsersTab.setObjectName(u"UsersTab")
        self.usersTabLayout = QVBoxLayout(UsersTab)
        self.usersTabLayout.setObjectName(u"usersTabLayout")
        self.userActionsLayout = QHBoxLayout()
        self.userActionsLayout.setObjectName(u"userActionsLayout")
        self.addUserButton = QPushButton(UsersTab)
        self.addUserButton.setObjectName(u"addUserButton")

        self.userActionsLayout.addWidget(self.addUserButton)

        self.editUserButton = QPushButton(UsersTab)
        self.editUserButton.setObjectName(u"editUserButton")

        self.userActionsLayout.addWidget(self.editUserButton)

        self.resetPasswordButton = QPushButton(UsersTab)
        self.resetPasswordButton.setObjectName(u"resetPasswordButton")

        self.userActionsLayout.addWidget(self.resetPasswordButton)

        self.toggleActiveButton = QPushButton(UsersTab)
        self.toggleActiveButton.setObjectName(u"toggleActiveButton")

        self.userActionsLayout.addWidget(self.toggleActiveButton)

        self.userActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.userActionsLayout.addItem(self.userActionsSpacer)

        self.changeOwnPasswordButton = QPushButton(UsersTab)
        self.changeOwnPasswordButton.setObjectName(u"changeOwnPasswordButton")

        self.userActionsLayout.addWidget(self.changeOwnPasswordButton)


        self.usersTabLayout.addLayout(self.userActionsLayout)

        self.usersView = QTableView(UsersTab)
        self.usersView.setObjectName(u"usersView")
        self.usersView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.usersView.setAlternatingRowColors(True)
        self.usersView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.usersView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.usersView.horizontalHeader().setStretchLastSection(True)
        self.usersView.verticalHeader().setVisible(False)

        self.usersTabLayout.addWidget(self.usersView)

        self.usersHint = QLabel(UsersTab)
        self.usersHint.setObjectName(u"usersHint")
        self.usersHint.setProperty(u"role", u"muted")
        self.usersHint.setWordWrap(True)

        self.usersTabLayout.addWidget(self.usersHint)

        QWidget.setTabOrder(self.addUserButton, self.editUserButton)
        QWidget.setTabOrder(self.editUserButton, self.resetPasswordButton)
        QWidget.setTabOrder(self.resetPasswordButton, self.toggleActiveButton)
        QWidget.setTabOrder(self.toggleActiveButton, self.changeOwnPasswordButton)
        QWidget.setTabOrder(self.changeOwnPasswordButton, self.usersView)

        self.retranslateUi(UsersTab)

        QMetaObject.connectSlotsByName(UsersTab)
    # setupUi

    def retranslateUi(self, UsersTab):
        self.addUserButton.setText(QCoreApplication.translate("UsersTab", u"Add user\u2026", None))
        self.editUserButton.setText(QCoreApplication.translate("UsersTab", u"Edit\u2026", None))
        self.resetPasswordButton.setText(QCoreApplication.translate("UsersTab", u"Reset password\u2026", None))
        self.toggleActiveButton.setText(QCoreApplication.translate("UsersTab", u"Disable", None))
        self.changeOwnPasswordButton.setText(QCoreApplication.translate("UsersTab", u"Change my password\u2026", None))
        self.usersHint.setText(QCoreApplication.translate("UsersTab", u"Double-click a user to edit. A disabled user cannot sign in; everything they recorded is kept.", None))
        pass
    # retranslateUi

