# Generated from forms/settings_printing_tab.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'settings_printing_tab.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_PrintingTab(object):
    def setupUi(self, PrintingTab):
        if not PrintingTab.objectName():
            PrintingTab.setObjectName(u"PrintingTab")
        self.printingTabLayout = QVBoxLayout(PrintingTab)
        self.printingTabLayout.setObjectName(u"printingTabLayout")
        self.fontsInUseGroup = QGroupBox(PrintingTab)
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


        self.printingTabLayout.addWidget(self.fontsInUseGroup)

        self.printFontGroup = QGroupBox(PrintingTab)
        self.printFontGroup.setObjectName(u"printFontGroup")
        self.printFontGroupLayout = QVBoxLayout(self.printFontGroup)
        self.printFontGroupLayout.setObjectName(u"printFontGroupLayout")
        self.printFontHint = QLabel(self.printFontGroup)
        self.printFontHint.setObjectName(u"printFontHint")
        self.printFontHint.setProperty(u"role", u"muted")
        self.printFontHint.setWordWrap(True)

        self.printFontGroupLayout.addWidget(self.printFontHint)

        self.printFontFormLayout = QFormLayout()
        self.printFontFormLayout.setObjectName(u"printFontFormLayout")
        self.printFontFormLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.titleFontLabel = QLabel(self.printFontGroup)
        self.titleFontLabel.setObjectName(u"titleFontLabel")

        self.printFontFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleFontLabel)

        self.titleFontCombo = QComboBox(self.printFontGroup)
        self.titleFontCombo.setObjectName(u"titleFontCombo")
        self.titleFontCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.titleFontCombo.setMinimumContentsLength(20)

        self.printFontFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleFontCombo)

        self.titleFontError = QLabel(self.printFontGroup)
        self.titleFontError.setObjectName(u"titleFontError")
        self.titleFontError.setProperty(u"role", u"error")
        self.titleFontError.setWordWrap(True)

        self.printFontFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleFontError)

        self.bodyFontLabel = QLabel(self.printFontGroup)
        self.bodyFontLabel.setObjectName(u"bodyFontLabel")

        self.printFontFormLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.bodyFontLabel)

        self.bodyFontCombo = QComboBox(self.printFontGroup)
        self.bodyFontCombo.setObjectName(u"bodyFontCombo")
        self.bodyFontCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.bodyFontCombo.setMinimumContentsLength(20)

        self.printFontFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.bodyFontCombo)

        self.bodyFontError = QLabel(self.printFontGroup)
        self.bodyFontError.setObjectName(u"bodyFontError")
        self.bodyFontError.setProperty(u"role", u"error")
        self.bodyFontError.setWordWrap(True)

        self.printFontFormLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.bodyFontError)

        self.tableFontLabel = QLabel(self.printFontGroup)
        self.tableFontLabel.setObjectName(u"tableFontLabel")

        self.printFontFormLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.tableFontLabel)

        self.tableFontCombo = QComboBox(self.printFontGroup)
        self.tableFontCombo.setObjectName(u"tableFontCombo")
        self.tableFontCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tableFontCombo.setMinimumContentsLength(20)

        self.printFontFormLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.tableFontCombo)

        self.tableFontError = QLabel(self.printFontGroup)
        self.tableFontError.setObjectName(u"tableFontError")
        self.tableFontError.setProperty(u"role", u"error")
        self.tableFontError.setWordWrap(True)

        self.printFontFormLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.tableFontError)

        self.signatureFontLabel = QLabel(self.printFontGroup)
        self.signatureFontLabel.setObjectName(u"signatureFontLabel")

        self.printFontFormLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.signatureFontLabel)

        self.signatureFontCombo = QComboBox(self.printFontGroup)
        self.signatureFontCombo.setObjectName(u"signatureFontCombo")
        self.signatureFontCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.signatureFontCombo.setMinimumContentsLength(20)

        self.printFontFormLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.signatureFontCombo)

        self.signatureFontError = QLabel(self.printFontGroup)
        self.signatureFontError.setObjectName(u"signatureFontError")
        self.signatureFontError.setProperty(u"role", u"error")
        self.signatureFontError.setWordWrap(True)

        self.printFontFormLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.signatureFontError)

        self.headingFontLabel = QLabel(self.printFontGroup)
        self.headingFontLabel.setObjectName(u"headingFontLabel")

        self.printFontFormLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.headingFontLabel)

        self.headingFontCombo = QComboBox(self.printFontGroup)
        self.headingFontCombo.setObjectName(u"headingFontCombo")
        self.headingFontCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.headingFontCombo.setMinimumContentsLength(20)

        self.printFontFormLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.headingFontCombo)

        self.headingFontError = QLabel(self.printFontGroup)
        self.headingFontError.setObjectName(u"headingFontError")
        self.headingFontError.setProperty(u"role", u"error")
        self.headingFontError.setWordWrap(True)

        self.printFontFormLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.headingFontError)


        self.printFontGroupLayout.addLayout(self.printFontFormLayout)

        self.savePrintFontLayout = QHBoxLayout()
        self.savePrintFontLayout.setObjectName(u"savePrintFontLayout")
        self.savePrintFontButton = QPushButton(self.printFontGroup)
        self.savePrintFontButton.setObjectName(u"savePrintFontButton")
        self.savePrintFontButton.setProperty(u"role", u"primary")

        self.savePrintFontLayout.addWidget(self.savePrintFontButton)

        self.chooseFontFileButton = QPushButton(self.printFontGroup)
        self.chooseFontFileButton.setObjectName(u"chooseFontFileButton")

        self.savePrintFontLayout.addWidget(self.chooseFontFileButton)

        self.printFontStatusLabel = QLabel(self.printFontGroup)
        self.printFontStatusLabel.setObjectName(u"printFontStatusLabel")
        self.printFontStatusLabel.setWordWrap(True)

        self.savePrintFontLayout.addWidget(self.printFontStatusLabel)

        self.savePrintFontSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.savePrintFontLayout.addItem(self.savePrintFontSpacer)


        self.printFontGroupLayout.addLayout(self.savePrintFontLayout)

        self.refusedFontsLabel = QLabel(self.printFontGroup)
        self.refusedFontsLabel.setObjectName(u"refusedFontsLabel")
        self.refusedFontsLabel.setWordWrap(True)

        self.printFontGroupLayout.addWidget(self.refusedFontsLabel)

        self.refusedFontList = QListWidget(self.printFontGroup)
        self.refusedFontList.setObjectName(u"refusedFontList")
        self.refusedFontList.setAlternatingRowColors(True)
        self.refusedFontList.setWordWrap(True)
        self.refusedFontList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.printFontGroupLayout.addWidget(self.refusedFontList)


        self.printingTabLayout.addWidget(self.printFontGroup)

        self.paperGroup = QGroupBox(PrintingTab)
        self.paperGroup.setObjectName(u"paperGroup")
        self.paperGroupLayout = QVBoxLayout(self.paperGroup)
        self.paperGroupLayout.setObjectName(u"paperGroupLayout")
        self.paperHint = QLabel(self.paperGroup)
        self.paperHint.setObjectName(u"paperHint")
        self.paperHint.setProperty(u"role", u"muted")
        self.paperHint.setWordWrap(True)

        self.paperGroupLayout.addWidget(self.paperHint)

        self.paperFormLayout = QFormLayout()
        self.paperFormLayout.setObjectName(u"paperFormLayout")
        self.topMarginLabel = QLabel(self.paperGroup)
        self.topMarginLabel.setObjectName(u"topMarginLabel")

        self.paperFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.topMarginLabel)

        self.marginsLayout = QHBoxLayout()
        self.marginsLayout.setObjectName(u"marginsLayout")
        self.topMarginSpin = QSpinBox(self.paperGroup)
        self.topMarginSpin.setObjectName(u"topMarginSpin")

        self.marginsLayout.addWidget(self.topMarginSpin)

        self.leftMarginLabel = QLabel(self.paperGroup)
        self.leftMarginLabel.setObjectName(u"leftMarginLabel")

        self.marginsLayout.addWidget(self.leftMarginLabel)

        self.leftMarginSpin = QSpinBox(self.paperGroup)
        self.leftMarginSpin.setObjectName(u"leftMarginSpin")

        self.marginsLayout.addWidget(self.leftMarginSpin)

        self.standardMarginsButton = QPushButton(self.paperGroup)
        self.standardMarginsButton.setObjectName(u"standardMarginsButton")

        self.marginsLayout.addWidget(self.standardMarginsButton)

        self.marginsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.marginsLayout.addItem(self.marginsSpacer)


        self.paperFormLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.marginsLayout)

        self.marginsError = QLabel(self.paperGroup)
        self.marginsError.setObjectName(u"marginsError")
        self.marginsError.setProperty(u"role", u"error")
        self.marginsError.setWordWrap(True)

        self.paperFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.marginsError)

        self.sealGuideCheck = QCheckBox(self.paperGroup)
        self.sealGuideCheck.setObjectName(u"sealGuideCheck")

        self.paperFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sealGuideCheck)


        self.paperGroupLayout.addLayout(self.paperFormLayout)

        self.savePaperLayout = QHBoxLayout()
        self.savePaperLayout.setObjectName(u"savePaperLayout")
        self.savePaperButton = QPushButton(self.paperGroup)
        self.savePaperButton.setObjectName(u"savePaperButton")
        self.savePaperButton.setProperty(u"role", u"primary")

        self.savePaperLayout.addWidget(self.savePaperButton)

        self.paperStatusLabel = QLabel(self.paperGroup)
        self.paperStatusLabel.setObjectName(u"paperStatusLabel")
        self.paperStatusLabel.setWordWrap(True)

        self.savePaperLayout.addWidget(self.paperStatusLabel)

        self.savePaperSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.savePaperLayout.addItem(self.savePaperSpacer)


        self.paperGroupLayout.addLayout(self.savePaperLayout)


        self.printingTabLayout.addWidget(self.paperGroup)

        self.verificationKeyGroup = QGroupBox(PrintingTab)
        self.verificationKeyGroup.setObjectName(u"verificationKeyGroup")
        self.verificationKeyLayout = QVBoxLayout(self.verificationKeyGroup)
        self.verificationKeyLayout.setObjectName(u"verificationKeyLayout")
        self.verificationKeyHint = QLabel(self.verificationKeyGroup)
        self.verificationKeyHint.setObjectName(u"verificationKeyHint")
        self.verificationKeyHint.setProperty(u"role", u"muted")
        self.verificationKeyHint.setWordWrap(True)

        self.verificationKeyLayout.addWidget(self.verificationKeyHint)

        self.verificationKeyActionsLayout = QHBoxLayout()
        self.verificationKeyActionsLayout.setObjectName(u"verificationKeyActionsLayout")
        self.exportKeyButton = QPushButton(self.verificationKeyGroup)
        self.exportKeyButton.setObjectName(u"exportKeyButton")

        self.verificationKeyActionsLayout.addWidget(self.exportKeyButton)

        self.importKeyButton = QPushButton(self.verificationKeyGroup)
        self.importKeyButton.setObjectName(u"importKeyButton")

        self.verificationKeyActionsLayout.addWidget(self.importKeyButton)

        self.verificationKeyActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.verificationKeyActionsLayout.addItem(self.verificationKeyActionsSpacer)


        self.verificationKeyLayout.addLayout(self.verificationKeyActionsLayout)


        self.printingTabLayout.addWidget(self.verificationKeyGroup)

        self.printFontReadOnlyNote = QLabel(PrintingTab)
        self.printFontReadOnlyNote.setObjectName(u"printFontReadOnlyNote")
        self.printFontReadOnlyNote.setProperty(u"role", u"muted")
        self.printFontReadOnlyNote.setWordWrap(True)

        self.printingTabLayout.addWidget(self.printFontReadOnlyNote)

        self.printingTabSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.printingTabLayout.addItem(self.printingTabSpacer)

#if QT_CONFIG(shortcut)
        self.titleFontLabel.setBuddy(self.titleFontCombo)
        self.bodyFontLabel.setBuddy(self.bodyFontCombo)
        self.tableFontLabel.setBuddy(self.tableFontCombo)
        self.signatureFontLabel.setBuddy(self.signatureFontCombo)
        self.headingFontLabel.setBuddy(self.headingFontCombo)
        self.topMarginLabel.setBuddy(self.topMarginSpin)
        self.leftMarginLabel.setBuddy(self.leftMarginSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.printSampleButton, self.rescanFontsButton)
        QWidget.setTabOrder(self.rescanFontsButton, self.titleFontCombo)
        QWidget.setTabOrder(self.titleFontCombo, self.bodyFontCombo)
        QWidget.setTabOrder(self.bodyFontCombo, self.tableFontCombo)
        QWidget.setTabOrder(self.tableFontCombo, self.signatureFontCombo)
        QWidget.setTabOrder(self.signatureFontCombo, self.headingFontCombo)
        QWidget.setTabOrder(self.headingFontCombo, self.savePrintFontButton)
        QWidget.setTabOrder(self.savePrintFontButton, self.chooseFontFileButton)
        QWidget.setTabOrder(self.chooseFontFileButton, self.refusedFontList)
        QWidget.setTabOrder(self.refusedFontList, self.topMarginSpin)
        QWidget.setTabOrder(self.topMarginSpin, self.leftMarginSpin)
        QWidget.setTabOrder(self.leftMarginSpin, self.standardMarginsButton)
        QWidget.setTabOrder(self.standardMarginsButton, self.sealGuideCheck)
        QWidget.setTabOrder(self.sealGuideCheck, self.savePaperButton)
        QWidget.setTabOrder(self.savePaperButton, self.exportKeyButton)
        QWidget.setTabOrder(self.exportKeyButton, self.importKeyButton)

        self.retranslateUi(PrintingTab)

        QMetaObject.connectSlotsByName(PrintingTab)
    # setupUi

    def retranslateUi(self, PrintingTab):
        self.fontsInUseGroup.setTitle(QCoreApplication.translate("PrintingTab", u"Fonts used in printed documents", None))
        self.printSampleButton.setText(QCoreApplication.translate("PrintingTab", u"Print a sample\u2026", None))
        self.rescanFontsButton.setText(QCoreApplication.translate("PrintingTab", u"Look for fonts again", None))
        self.printFontGroup.setTitle(QCoreApplication.translate("PrintingTab", u"Choose the print fonts", None))
        self.printFontHint.setText(QCoreApplication.translate("PrintingTab", u"\u201cAutomatic\u201d uses the computer's fonts for official documents (\u5c0f\u6807\u5b8b for titles, \u4eff\u5b8b for body text, \u5b8b\u4f53 for tables, \u6977\u4f53 for signatures, \u9ed1\u4f53 for headings) and otherwise the Song font shipped with the program. Fonts made for the screen are not used for official documents.", None))
        self.titleFontLabel.setText(QCoreApplication.translate("PrintingTab", u"Title", None))
        self.bodyFontLabel.setText(QCoreApplication.translate("PrintingTab", u"Body text", None))
        self.tableFontLabel.setText(QCoreApplication.translate("PrintingTab", u"Tables", None))
        self.signatureFontLabel.setText(QCoreApplication.translate("PrintingTab", u"Signature and issuer", None))
        self.headingFontLabel.setText(QCoreApplication.translate("PrintingTab", u"Headings and table headers", None))
        self.savePrintFontButton.setText(QCoreApplication.translate("PrintingTab", u"Save print fonts", None))
        self.chooseFontFileButton.setText(QCoreApplication.translate("PrintingTab", u"Add a font file\u2026", None))
        self.refusedFontsLabel.setText(QCoreApplication.translate("PrintingTab", u"Fonts on this computer that cannot be used, and why:", None))
        self.paperGroup.setTitle(QCoreApplication.translate("PrintingTab", u"Paper", None))
        self.paperHint.setText(QCoreApplication.translate("PrintingTab", u"Letters, certificates and minutes leave 37 mm at the top and 28 mm at the left, as the national standard for official documents (GB/T 9704) asks. Centers printing on pre-printed letterhead can move the text lower or further right.", None))
        self.topMarginLabel.setText(QCoreApplication.translate("PrintingTab", u"Top margin", None))
        self.topMarginSpin.setSuffix(QCoreApplication.translate("PrintingTab", u" mm", None))
        self.leftMarginLabel.setText(QCoreApplication.translate("PrintingTab", u"Left margin", None))
        self.leftMarginSpin.setSuffix(QCoreApplication.translate("PrintingTab", u" mm", None))
        self.standardMarginsButton.setText(QCoreApplication.translate("PrintingTab", u"Restore the national standard (37/28 mm)", None))
        self.sealGuideCheck.setText(QCoreApplication.translate("PrintingTab", u"Print a faint circle where the seal goes (to align the stamp)", None))
        self.savePaperButton.setText(QCoreApplication.translate("PrintingTab", u"Save paper settings", None))
        self.verificationKeyGroup.setTitle(QCoreApplication.translate("PrintingTab", u"Verification key", None))
        self.verificationKeyHint.setText(QCoreApplication.translate("PrintingTab", u"Certificates and signed minutes carry a verification code made with this center's key. Ordinary backups do not contain the key: export it once into a file protected by a passphrase and keep the file and the passphrase apart. After moving to a new computer or restoring a backup, import that file so the codes already printed can still be verified.", None))
        self.exportKeyButton.setText(QCoreApplication.translate("PrintingTab", u"Export verification key\u2026", None))
        self.importKeyButton.setText(QCoreApplication.translate("PrintingTab", u"Import verification key\u2026", None))
        self.printFontReadOnlyNote.setText(QCoreApplication.translate("PrintingTab", u"Only an administrator can choose the print fonts and change the paper settings.", None))
        pass
    # retranslateUi

