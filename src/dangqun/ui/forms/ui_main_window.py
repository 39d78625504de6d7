# Generated from forms/main_window.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtGui import (QAction)
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMenu, QMenuBar, QSizePolicy, QSpacerItem, QStackedWidget, QStatusBar, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        MainWindow.setMinimumSize(QSize(960, 600))
        self.backupNowAction = QAction(MainWindow)
        self.backupNowAction.setObjectName(u"backupNowAction")
        self.lockAction = QAction(MainWindow)
        self.lockAction.setObjectName(u"lockAction")
        self.logOutAction = QAction(MainWindow)
        self.logOutAction.setObjectName(u"logOutAction")
        self.exitAction = QAction(MainWindow)
        self.exitAction.setObjectName(u"exitAction")
        self.aboutAction = QAction(MainWindow)
        self.aboutAction.setObjectName(u"aboutAction")
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.screenStack = QStackedWidget(self.centralWidget)
        self.screenStack.setObjectName(u"screenStack")
        self.signInCover = QFrame()
        self.signInCover.setObjectName(u"signInCover")
        self.signInCoverLayout = QVBoxLayout(self.signInCover)
        self.signInCoverLayout.setSpacing(12)
        self.signInCoverLayout.setObjectName(u"signInCoverLayout")
        self.signInCoverTopSpacer = QSpacerItem(0, 48, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.signInCoverLayout.addItem(self.signInCoverTopSpacer)

        self.signInCoverMark = QLabel(self.signInCover)
        self.signInCoverMark.setObjectName(u"signInCoverMark")

        self.signInCoverLayout.addWidget(self.signInCoverMark)

        self.signInCoverCenter = QLabel(self.signInCover)
        self.signInCoverCenter.setObjectName(u"signInCoverCenter")
        self.signInCoverCenter.setWordWrap(True)

        self.signInCoverLayout.addWidget(self.signInCoverCenter)

        self.signInCoverApplication = QLabel(self.signInCover)
        self.signInCoverApplication.setObjectName(u"signInCoverApplication")
        self.signInCoverApplication.setWordWrap(True)

        self.signInCoverLayout.addWidget(self.signInCoverApplication)

        self.signInCardGap = QSpacerItem(0, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.signInCoverLayout.addItem(self.signInCardGap)

        self.signInCardRow = QHBoxLayout()
        self.signInCardRow.setObjectName(u"signInCardRow")
        self.signInCardLeftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signInCardRow.addItem(self.signInCardLeftSpacer)

        self.signInCardRightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signInCardRow.addItem(self.signInCardRightSpacer)


        self.signInCoverLayout.addLayout(self.signInCardRow)

        self.signInCoverBottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.signInCoverLayout.addItem(self.signInCoverBottomSpacer)

        self.screenStack.addWidget(self.signInCover)
        self.lockCover = QFrame()
        self.lockCover.setObjectName(u"lockCover")
        self.lockCoverLayout = QVBoxLayout(self.lockCover)
        self.lockCoverLayout.setObjectName(u"lockCoverLayout")
        self.lockCoverTopSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.lockCoverLayout.addItem(self.lockCoverTopSpacer)

        self.lockCoverIcon = QLabel(self.lockCover)
        self.lockCoverIcon.setObjectName(u"lockCoverIcon")

        self.lockCoverLayout.addWidget(self.lockCoverIcon)

        self.lockCoverText = QLabel(self.lockCover)
        self.lockCoverText.setObjectName(u"lockCoverText")

        self.lockCoverLayout.addWidget(self.lockCoverText)

        self.lockCoverBottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.lockCoverLayout.addItem(self.lockCoverBottomSpacer)

        self.screenStack.addWidget(self.lockCover)

        self.centralLayout.addWidget(self.screenStack)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menuBar = QMenuBar(MainWindow)
        self.menuBar.setObjectName(u"menuBar")
        self.systemMenu = QMenu(self.menuBar)
        self.systemMenu.setObjectName(u"systemMenu")
        self.goMenu = QMenu(self.menuBar)
        self.goMenu.setObjectName(u"goMenu")
        self.helpMenu = QMenu(self.menuBar)
        self.helpMenu.setObjectName(u"helpMenu")
        MainWindow.setMenuBar(self.menuBar)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)

        self.menuBar.addAction(self.systemMenu.menuAction())
        self.menuBar.addAction(self.goMenu.menuAction())
        self.menuBar.addAction(self.helpMenu.menuAction())
        self.systemMenu.addAction(self.backupNowAction)
        self.systemMenu.addSeparator()
        self.systemMenu.addAction(self.lockAction)
        self.systemMenu.addAction(self.logOutAction)
        self.systemMenu.addSeparator()
        self.systemMenu.addAction(self.exitAction)
        self.helpMenu.addAction(self.aboutAction)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Party\u2013Masses Service Center Workbench", None))
        self.backupNowAction.setText(QCoreApplication.translate("MainWindow", u"&Back up now", None))
#if QT_CONFIG(tooltip)
        self.backupNowAction.setToolTip(QCoreApplication.translate("MainWindow", u"Copy the database to the backup folder now", None))
#endif // QT_CONFIG(tooltip)
        self.lockAction.setText(QCoreApplication.translate("MainWindow", u"&Lock", None))
#if QT_CONFIG(tooltip)
        self.lockAction.setToolTip(QCoreApplication.translate("MainWindow", u"Lock the screen when you leave the desk; your password opens it again", None))
#endif // QT_CONFIG(tooltip)
        self.logOutAction.setText(QCoreApplication.translate("MainWindow", u"Log &out", None))
#if QT_CONFIG(tooltip)
        self.logOutAction.setToolTip(QCoreApplication.translate("MainWindow", u"Sign out so that a colleague can sign in", None))
#endif // QT_CONFIG(tooltip)
        self.exitAction.setText(QCoreApplication.translate("MainWindow", u"E&xit", None))
        self.aboutAction.setText(QCoreApplication.translate("MainWindow", u"&About", None))
        self.signInCoverApplication.setText(QCoreApplication.translate("MainWindow", u"Party\u2013Masses Service Center Workbench", None))
        self.lockCoverText.setText(QCoreApplication.translate("MainWindow", u"Locked. Enter your password to continue.", None))
        self.systemMenu.setTitle(QCoreApplication.translate("MainWindow", u"&System", None))
        self.goMenu.setTitle(QCoreApplication.translate("MainWindow", u"&Go", None))
        self.helpMenu.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

