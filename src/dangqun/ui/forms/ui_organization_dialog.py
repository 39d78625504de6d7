# Generated from forms/organization_dialog.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'organization_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTreeView, QVBoxLayout)

class Ui_OrganizationDialog(object):
    def setupUi(self, OrganizationDialog):
        if not OrganizationDialog.objectName():
            OrganizationDialog.setObjectName(u"OrganizationDialog")
        OrganizationDialog.resize(900, 640)
        self.dialogLayout = QVBoxLayout(OrganizationDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 14)
        self.titleLabel = QLabel(OrganizationDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"dialogTitle")

        self.dialogLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(OrganizationDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"muted")

        self.dialogLayout.addWidget(self.introLabel)

        self.treeView = QTreeView(OrganizationDialog)
        self.treeView.setObjectName(u"treeView")
        self.treeView.setAlternatingRowColors(True)
        self.treeView.setUniformRowHeights(True)
        self.treeView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.treeView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.dialogLayout.addWidget(self.treeView)

        self.messageLabel = QLabel(OrganizationDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setProperty(u"role", u"error")
        self.messageLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.messageLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setSpacing(8)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.addChildButton = QPushButton(OrganizationDialog)
        self.addChildButton.setObjectName(u"addChildButton")
        self.addChildButton.setProperty(u"role", u"primary")

        self.actionsLayout.addWidget(self.addChildButton)

        self.addTopButton = QPushButton(OrganizationDialog)
        self.addTopButton.setObjectName(u"addTopButton")

        self.actionsLayout.addWidget(self.addTopButton)

        self.renameButton = QPushButton(OrganizationDialog)
        self.renameButton.setObjectName(u"renameButton")

        self.actionsLayout.addWidget(self.renameButton)

        self.deleteButton = QPushButton(OrganizationDialog)
        self.deleteButton.setObjectName(u"deleteButton")

        self.actionsLayout.addWidget(self.deleteButton)

        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.closeButton = QPushButton(OrganizationDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.actionsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.actionsLayout)


        self.retranslateUi(OrganizationDialog)

        QMetaObject.connectSlotsByName(OrganizationDialog)
    # setupUi

    def retranslateUi(self, OrganizationDialog):
        OrganizationDialog.setWindowTitle(QCoreApplication.translate("OrganizationDialog", u"Party organizations", None))
        self.titleLabel.setText(QCoreApplication.translate("OrganizationDialog", u"Party organizations", None))
        self.introLabel.setText(QCoreApplication.translate("OrganizationDialog", u"Street working committee \u2192 community party organization \u2192 grid branch \u2192 building group. Grid codes are built on the center's 12-digit division code; new organizations get the next free number.", None))
        self.addChildButton.setText(QCoreApplication.translate("OrganizationDialog", u"Add sub-organization\u2026", None))
        self.addTopButton.setText(QCoreApplication.translate("OrganizationDialog", u"Add top organization\u2026", None))
        self.renameButton.setText(QCoreApplication.translate("OrganizationDialog", u"Rename\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("OrganizationDialog", u"Delete", None))
        self.closeButton.setText(QCoreApplication.translate("OrganizationDialog", u"Close", None))
    # retranslateUi

