# Generated from forms/settings_display_tab.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'settings_display_tab.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)

from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_DisplayTab(object):
    def setupUi(self, DisplayTab):
        if not DisplayTab.objectName():
            DisplayTab.setObjectName(u"DisplayTab")
        self.displayTabLayout = QVBoxLayout(DisplayTab)
        self.displayTabLayout.setObjectName(u"displayTabLayout")
        self.preferencesGroup = QGroupBox(DisplayTab)
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


        self.displayTabLayout.addWidget(self.preferencesGroup)

        self.accountGroup = QGroupBox(DisplayTab)
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


        self.displayTabLayout.addWidget(self.accountGroup)

        self.displayTabSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.displayTabLayout.addItem(self.displayTabSpacer)

#if QT_CONFIG(shortcut)
        self.fontSizeLabel.setBuddy(self.fontSizeSpin)
        self.idleLockLabel.setBuddy(self.idleLockSpin)
        self.lockoutLabel.setBuddy(self.lockoutSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fontSizeSpin, self.idleLockSpin)
        QWidget.setTabOrder(self.idleLockSpin, self.lockoutSpin)
        QWidget.setTabOrder(self.lockoutSpin, self.saveSettingsButton)
        QWidget.setTabOrder(self.saveSettingsButton, self.changeMyPasswordButton)

        self.retranslateUi(DisplayTab)

        QMetaObject.connectSlotsByName(DisplayTab)
    # setupUi

    def retranslateUi(self, DisplayTab):
        self.preferencesGroup.setTitle(QCoreApplication.translate("DisplayTab", u"Settings for everyone at this center", None))
        self.fontSizeLabel.setText(QCoreApplication.translate("DisplayTab", u"Font size", None))
        self.idleLockLabel.setText(QCoreApplication.translate("DisplayTab", u"Lock the screen after no activity for", None))
        self.lockoutLabel.setText(QCoreApplication.translate("DisplayTab", u"After 5 wrong passwords, lock the account for", None))
        self.saveSettingsButton.setText(QCoreApplication.translate("DisplayTab", u"Save settings", None))
        self.settingsReadOnlyNote.setText(QCoreApplication.translate("DisplayTab", u"Only an administrator can change these settings.", None))
        self.accountGroup.setTitle(QCoreApplication.translate("DisplayTab", u"My account", None))
        self.signedInAsLabel.setText(QCoreApplication.translate("DisplayTab", u"Signed in as", None))
        self.changeMyPasswordButton.setText(QCoreApplication.translate("DisplayTab", u"Change my password\u2026", None))
        pass
    # retranslateUi

