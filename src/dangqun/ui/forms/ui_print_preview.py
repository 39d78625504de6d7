# Generated from forms/print_preview.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'print_preview.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)

from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QToolButton, QVBoxLayout, QWidget)

class Ui_PrintPreviewWindow(object):
    def setupUi(self, PrintPreviewWindow):
        if not PrintPreviewWindow.objectName():
            PrintPreviewWindow.setObjectName(u"PrintPreviewWindow")
        PrintPreviewWindow.resize(1040, 820)
        PrintPreviewWindow.setMinimumSize(QSize(720, 520))
        self.windowLayout = QVBoxLayout(PrintPreviewWindow)
        self.windowLayout.setSpacing(0)
        self.windowLayout.setObjectName(u"windowLayout")
        self.windowLayout.setContentsMargins(0, 0, 0, 0)
        self.toolbarFrame = QFrame(PrintPreviewWindow)
        self.toolbarFrame.setObjectName(u"toolbarFrame")
        self.toolbarFrame.setFrameShape(QFrame.Shape.NoFrame)
        self.toolbarLayout = QHBoxLayout(self.toolbarFrame)
        self.toolbarLayout.setSpacing(6)
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.toolbarLayout.setContentsMargins(12, 8, 12, 8)
        self.viewControlsLayout = QHBoxLayout()
        self.viewControlsLayout.setSpacing(6)
        self.viewControlsLayout.setObjectName(u"viewControlsLayout")
        self.previousPageButton = QToolButton(self.toolbarFrame)
        self.previousPageButton.setObjectName(u"previousPageButton")

        self.viewControlsLayout.addWidget(self.previousPageButton)

        self.pageSpin = QSpinBox(self.toolbarFrame)
        self.pageSpin.setObjectName(u"pageSpin")
        self.pageSpin.setMinimum(1)
        self.pageSpin.setMaximum(1)

        self.viewControlsLayout.addWidget(self.pageSpin)

        self.pageCountLabel = QLabel(self.toolbarFrame)
        self.pageCountLabel.setObjectName(u"pageCountLabel")

        self.viewControlsLayout.addWidget(self.pageCountLabel)

        self.nextPageButton = QToolButton(self.toolbarFrame)
        self.nextPageButton.setObjectName(u"nextPageButton")

        self.viewControlsLayout.addWidget(self.nextPageButton)

        self.navigationSpacer = QSpacerItem(18, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.viewControlsLayout.addItem(self.navigationSpacer)

        self.zoomOutButton = QToolButton(self.toolbarFrame)
        self.zoomOutButton.setObjectName(u"zoomOutButton")

        self.viewControlsLayout.addWidget(self.zoomOutButton)

        self.zoomLabel = QLabel(self.toolbarFrame)
        self.zoomLabel.setObjectName(u"zoomLabel")
        self.zoomLabel.setMinimumSize(QSize(52, 0))
        self.zoomLabel.setText(u"100%")
        self.zoomLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.viewControlsLayout.addWidget(self.zoomLabel)

        self.zoomInButton = QToolButton(self.toolbarFrame)
        self.zoomInButton.setObjectName(u"zoomInButton")

        self.viewControlsLayout.addWidget(self.zoomInButton)

        self.fitWidthButton = QToolButton(self.toolbarFrame)
        self.fitWidthButton.setObjectName(u"fitWidthButton")
        self.fitWidthButton.setCheckable(True)

        self.viewControlsLayout.addWidget(self.fitWidthButton)

        self.fitPageButton = QToolButton(self.toolbarFrame)
        self.fitPageButton.setObjectName(u"fitPageButton")
        self.fitPageButton.setCheckable(True)

        self.viewControlsLayout.addWidget(self.fitPageButton)


        self.toolbarLayout.addLayout(self.viewControlsLayout)

        self.toolbarSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.toolbarSpacer)

        self.documentActionsLayout = QHBoxLayout()
        self.documentActionsLayout.setSpacing(6)
        self.documentActionsLayout.setObjectName(u"documentActionsLayout")
        self.saveButton = QPushButton(self.toolbarFrame)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.documentActionsLayout.addWidget(self.saveButton)

        self.printButton = QPushButton(self.toolbarFrame)
        self.printButton.setObjectName(u"printButton")

        self.documentActionsLayout.addWidget(self.printButton)

        self.closeButton = QPushButton(self.toolbarFrame)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.documentActionsLayout.addWidget(self.closeButton)


        self.toolbarLayout.addLayout(self.documentActionsLayout)


        self.windowLayout.addWidget(self.toolbarFrame)

        self.viewContainer = QWidget(PrintPreviewWindow)
        self.viewContainer.setObjectName(u"viewContainer")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.viewContainer.sizePolicy().hasHeightForWidth())
        self.viewContainer.setSizePolicy(sizePolicy)
        self.viewLayout = QVBoxLayout(self.viewContainer)
        self.viewLayout.setSpacing(0)
        self.viewLayout.setObjectName(u"viewLayout")
        self.viewLayout.setContentsMargins(0, 0, 0, 0)

        self.windowLayout.addWidget(self.viewContainer)

        self.statusLabel = QLabel(PrintPreviewWindow)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setText(u"")
        self.statusLabel.setMargin(6)
        self.statusLabel.setIndent(8)

        self.windowLayout.addWidget(self.statusLabel)

        QWidget.setTabOrder(self.printButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.closeButton)
        QWidget.setTabOrder(self.closeButton, self.pageSpin)
        QWidget.setTabOrder(self.pageSpin, self.previousPageButton)
        QWidget.setTabOrder(self.previousPageButton, self.nextPageButton)
        QWidget.setTabOrder(self.nextPageButton, self.zoomOutButton)
        QWidget.setTabOrder(self.zoomOutButton, self.zoomInButton)
        QWidget.setTabOrder(self.zoomInButton, self.fitWidthButton)
        QWidget.setTabOrder(self.fitWidthButton, self.fitPageButton)

        self.retranslateUi(PrintPreviewWindow)

        self.printButton.setDefault(True)


        QMetaObject.connectSlotsByName(PrintPreviewWindow)
    # setupUi

    def retranslateUi(self, PrintPreviewWindow):
        PrintPreviewWindow.setWindowTitle(QCoreApplication.translate("PrintPreviewWindow", u"Print preview", None))
#if QT_CONFIG(tooltip)
        self.previousPageButton.setToolTip(QCoreApplication.translate("PrintPreviewWindow", u"Previous page (Page Up)", None))
#endif // QT_CONFIG(tooltip)
        self.previousPageButton.setText(QCoreApplication.translate("PrintPreviewWindow", u"Previous page", None))
#if QT_CONFIG(tooltip)
        self.pageSpin.setToolTip(QCoreApplication.translate("PrintPreviewWindow", u"Go to page", None))
#endif // QT_CONFIG(tooltip)
        self.pageCountLabel.setText(QCoreApplication.translate("PrintPreviewWindow", u"of 1", None))
#if QT_CONFIG(tooltip)
        self.nextPageButton.setToolTip(QCoreApplication.translate("PrintPreviewWindow", u"Next page (Page Down)", None))
#endif // QT_CONFIG(tooltip)
        self.nextPageButton.setText(QCoreApplication.translate("PrintPreviewWindow", u"Next page", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("PrintPreviewWindow", u"Zoom out (Ctrl+-)", None))
#endif // QT_CONFIG(tooltip)
        self.zoomOutButton.setText(QCoreApplication.translate("PrintPreviewWindow", u"Zoom out", None))
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("PrintPreviewWindow", u"Zoom in (Ctrl++)", None))
#endif // QT_CONFIG(tooltip)
        self.zoomInButton.setText(QCoreApplication.translate("PrintPreviewWindow", u"Zoom in", None))
#if QT_CONFIG(tooltip)
        self.fitWidthButton.setToolTip(QCoreApplication.translate("PrintPreviewWindow", u"Fit the page width to the window", None))
#endif // QT_CONFIG(tooltip)
        self.fitWidthButton.setText(QCoreApplication.translate("PrintPreviewWindow", u"Fit width", None))
#if QT_CONFIG(tooltip)
        self.fitPageButton.setToolTip(QCoreApplication.translate("PrintPreviewWindow", u"Show the whole page", None))
#endif // QT_CONFIG(tooltip)
        self.fitPageButton.setText(QCoreApplication.translate("PrintPreviewWindow", u"Whole page", None))
        self.saveButton.setText(QCoreApplication.translate("PrintPreviewWindow", u"&Save as PDF\u2026", None))
        self.printButton.setText(QCoreApplication.translate("PrintPreviewWindow", u"&Print\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("PrintPreviewWindow", u"Close", None))
    # retranslateUi

