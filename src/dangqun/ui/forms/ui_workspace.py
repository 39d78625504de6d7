# Generated from forms/workspace.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'workspace.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)

from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QStackedWidget, QVBoxLayout)

class Ui_Workspace(object):
    def setupUi(self, Workspace):
        if not Workspace.objectName():
            Workspace.setObjectName(u"Workspace")
        self.workspaceLayout = QHBoxLayout(Workspace)
        self.workspaceLayout.setSpacing(0)
        self.workspaceLayout.setObjectName(u"workspaceLayout")
        self.workspaceLayout.setContentsMargins(0, 0, 0, 0)
        self.navigationPanel = QFrame(Workspace)
        self.navigationPanel.setObjectName(u"navigationPanel")
        self.navigationPanel.setMinimumSize(QSize(216, 0))
        self.navigationLayout = QVBoxLayout(self.navigationPanel)
        self.navigationLayout.setSpacing(6)
        self.navigationLayout.setObjectName(u"navigationLayout")
        self.navigationLayout.setContentsMargins(0, 14, 0, 8)
        self.titleLayout = QHBoxLayout()
        self.titleLayout.setSpacing(8)
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleLayout.setContentsMargins(16, -1, 12, -1)
        self.applicationMark = QLabel(self.navigationPanel)
        self.applicationMark.setObjectName(u"applicationMark")
        self.applicationMark.setMinimumSize(QSize(28, 28))

        self.titleLayout.addWidget(self.applicationMark)

        self.applicationTitle = QLabel(self.navigationPanel)
        self.applicationTitle.setObjectName(u"applicationTitle")

        self.titleLayout.addWidget(self.applicationTitle)


        self.navigationLayout.addLayout(self.titleLayout)

        self.titleAccent = QFrame(self.navigationPanel)
        self.titleAccent.setObjectName(u"titleAccent")
        self.titleAccent.setFrameShape(QFrame.Shape.NoFrame)

        self.navigationLayout.addWidget(self.titleAccent)

        self.navigationList = QListWidget(self.navigationPanel)
        self.navigationList.setObjectName(u"navigationList")
        self.navigationList.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.navigationList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigationList.setIconSize(QSize(24, 24))
        self.navigationList.setUniformItemSizes(True)

        self.navigationLayout.addWidget(self.navigationList)

        self.navigationFooter = QLabel(self.navigationPanel)
        self.navigationFooter.setObjectName(u"navigationFooter")

        self.navigationLayout.addWidget(self.navigationFooter)


        self.workspaceLayout.addWidget(self.navigationPanel)

        self.pageStack = QStackedWidget(Workspace)
        self.pageStack.setObjectName(u"pageStack")

        self.workspaceLayout.addWidget(self.pageStack)


        self.retranslateUi(Workspace)

        QMetaObject.connectSlotsByName(Workspace)
    # setupUi

    def retranslateUi(self, Workspace):
        self.applicationTitle.setText(QCoreApplication.translate("Workspace", u"Service Center Workbench", None))
        pass
    # retranslateUi

