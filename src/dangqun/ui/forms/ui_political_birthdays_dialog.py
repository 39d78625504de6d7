# Generated from forms/political_birthdays_dialog.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'political_birthdays_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout)

from dangqun.ui.widgets.organization_picker import OrganizationPicker

class Ui_PoliticalBirthdaysDialog(object):
    def setupUi(self, PoliticalBirthdaysDialog):
        if not PoliticalBirthdaysDialog.objectName():
            PoliticalBirthdaysDialog.setObjectName(u"PoliticalBirthdaysDialog")
        PoliticalBirthdaysDialog.resize(860, 620)
        self.dialogLayout = QVBoxLayout(PoliticalBirthdaysDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 14)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(10)
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(PoliticalBirthdaysDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"dialogTitle")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.organizationLabel = QLabel(PoliticalBirthdaysDialog)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.headerLayout.addWidget(self.organizationLabel)

        self.branchPicker = OrganizationPicker(PoliticalBirthdaysDialog)
        self.branchPicker.setObjectName(u"branchPicker")
        self.branchPicker.setMinimumSize(QSize(200, 0))

        self.headerLayout.addWidget(self.branchPicker)

        self.monthLabel = QLabel(PoliticalBirthdaysDialog)
        self.monthLabel.setObjectName(u"monthLabel")

        self.headerLayout.addWidget(self.monthLabel)

        self.monthCombo = QComboBox(PoliticalBirthdaysDialog)
        self.monthCombo.setObjectName(u"monthCombo")

        self.headerLayout.addWidget(self.monthCombo)


        self.dialogLayout.addLayout(self.headerLayout)

        self.introLabel = QLabel(PoliticalBirthdaysDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"muted")

        self.dialogLayout.addWidget(self.introLabel)

        self.countLabel = QLabel(PoliticalBirthdaysDialog)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setProperty(u"role", u"subtitle")

        self.dialogLayout.addWidget(self.countLabel)

        self.birthdaysView = QTableView(PoliticalBirthdaysDialog)
        self.birthdaysView.setObjectName(u"birthdaysView")
        self.birthdaysView.setAlternatingRowColors(True)
        self.birthdaysView.setShowGrid(False)
        self.birthdaysView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.birthdaysView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.dialogLayout.addWidget(self.birthdaysView)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.printButton = QPushButton(PoliticalBirthdaysDialog)
        self.printButton.setObjectName(u"printButton")

        self.actionsLayout.addWidget(self.printButton)

        self.closeButton = QPushButton(PoliticalBirthdaysDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.actionsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.actionsLayout)

#if QT_CONFIG(shortcut)
        self.organizationLabel.setBuddy(self.branchPicker)
        self.monthLabel.setBuddy(self.monthCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PoliticalBirthdaysDialog)

        QMetaObject.connectSlotsByName(PoliticalBirthdaysDialog)
    # setupUi

    def retranslateUi(self, PoliticalBirthdaysDialog):
        PoliticalBirthdaysDialog.setWindowTitle(QCoreApplication.translate("PoliticalBirthdaysDialog", u"Political birthdays", None))
        self.titleLabel.setText(QCoreApplication.translate("PoliticalBirthdaysDialog", u"Political birthdays", None))
        self.organizationLabel.setText(QCoreApplication.translate("PoliticalBirthdaysDialog", u"Organization", None))
        self.monthLabel.setText(QCoreApplication.translate("PoliticalBirthdaysDialog", u"Month", None))
        self.introLabel.setText(QCoreApplication.translate("PoliticalBirthdaysDialog", u"The anniversary of joining the party. Members in the register only; centers send greetings and invite them to the month's party day.", None))
        self.printButton.setText(QCoreApplication.translate("PoliticalBirthdaysDialog", u"Print list\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("PoliticalBirthdaysDialog", u"Close", None))
    # retranslateUi

