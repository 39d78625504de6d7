# Generated from forms/settings_printing_tab.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'settings_printing_tab.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)

from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

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

        self.printFontList = QListWidget(self.printFontGroup)
        self.printFontList.setObjectName(u"printFontList")
        self.printFontList.setAlternatingRowColors(True)
        self.printFontList.setWordWrap(True)

        self.printFontGroupLayout.addWidget(self.printFontList)

        self.printFontFormLayout = QFormLayout()
        self.printFontFormLayout.setObjectName(u"printFontFormLayout")
        self.printFontFormLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.printFontPathLabel = QLabel(self.printFontGroup)
        self.printFontPathLabel.setObjectName(u"printFontPathLabel")

        self.printFontFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.printFontPathLabel)

        self.printFontPathLayout = QHBoxLayout()
        self.printFontPathLayout.setObjectName(u"printFontPathLayout")
        self.printFontPathEdit = QLineEdit(self.printFontGroup)
        self.printFontPathEdit.setObjectName(u"printFontPathEdit")
        self.printFontPathEdit.setClearButtonEnabled(True)

        self.printFontPathLayout.addWidget(self.printFontPathEdit)

        self.chooseFontFileButton = QPushButton(self.printFontGroup)
        self.chooseFontFileButton.setObjectName(u"chooseFontFileButton")

        self.printFontPathLayout.addWidget(self.chooseFontFileButton)


        self.printFontFormLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.printFontPathLayout)

        self.printFontPathError = QLabel(self.printFontGroup)
        self.printFontPathError.setObjectName(u"printFontPathError")
        self.printFontPathError.setProperty(u"role", u"error")
        self.printFontPathError.setWordWrap(True)

        self.printFontFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.printFontPathError)

        self.savePrintFontLayout = QHBoxLayout()
        self.savePrintFontLayout.setObjectName(u"savePrintFontLayout")
        self.savePrintFontButton = QPushButton(self.printFontGroup)
        self.savePrintFontButton.setObjectName(u"savePrintFontButton")
        self.savePrintFontButton.setProperty(u"role", u"primary")

        self.savePrintFontLayout.addWidget(self.savePrintFontButton)

        self.printFontStatusLabel = QLabel(self.printFontGroup)
        self.printFontStatusLabel.setObjectName(u"printFontStatusLabel")
        self.printFontStatusLabel.setWordWrap(True)

        self.savePrintFontLayout.addWidget(self.printFontStatusLabel)

        self.savePrintFontSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.savePrintFontLayout.addItem(self.savePrintFontSpacer)


        self.printFontFormLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.savePrintFontLayout)


        self.printFontGroupLayout.addLayout(self.printFontFormLayout)


        self.printingTabLayout.addWidget(self.printFontGroup)

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

        self.printingTabLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.printFontPathLabel.setBuddy(self.printFontPathEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.printSampleButton, self.rescanFontsButton)
        QWidget.setTabOrder(self.rescanFontsButton, self.printFontList)
        QWidget.setTabOrder(self.printFontList, self.printFontPathEdit)
        QWidget.setTabOrder(self.printFontPathEdit, self.chooseFontFileButton)
        QWidget.setTabOrder(self.chooseFontFileButton, self.savePrintFontButton)
        QWidget.setTabOrder(self.savePrintFontButton, self.exportKeyButton)
        QWidget.setTabOrder(self.exportKeyButton, self.importKeyButton)

        self.retranslateUi(PrintingTab)

        QMetaObject.connectSlotsByName(PrintingTab)
    # setupUi

    def retranslateUi(self, PrintingTab):
        self.fontsInUseGroup.setTitle(QCoreApplication.translate("PrintingTab", u"Fonts used in printed documents", None))
        self.printSampleButton.setText(QCoreApplication.translate("PrintingTab", u"Print a sample\u2026", None))
        self.rescanFontsButton.setText(QCoreApplication.translate("PrintingTab", u"Look for fonts again", None))
        self.printFontGroup.setTitle(QCoreApplication.translate("PrintingTab", u"Choose the print font", None))
        self.printFontHint.setText(QCoreApplication.translate("PrintingTab", u"\u201cAutomatic\u201d uses, in this order: the system's fonts for official documents (\u5c0f\u6807\u5b8b for titles, \u4eff\u5b8b for body text, \u9ed1\u4f53 for headings), then a font shipped with the program, then the built-in font STSong-Light, which is not embedded (the PDF reader supplies the characters). A font chosen here is used for all text. Only TrueType fonts (.ttf, .ttc) can be embedded; OpenType fonts with CFF outlines (most .otf files) cannot and are shown greyed out with the reason.", None))
        self.printFontPathLabel.setText(QCoreApplication.translate("PrintingTab", u"Font file", None))
        self.chooseFontFileButton.setText(QCoreApplication.translate("PrintingTab", u"Choose font file\u2026", None))
        self.savePrintFontButton.setText(QCoreApplication.translate("PrintingTab", u"Save print font", None))
        self.verificationKeyGroup.setTitle(QCoreApplication.translate("PrintingTab", u"Verification key", None))
        self.verificationKeyHint.setText(QCoreApplication.translate("PrintingTab", u"Certificates and signed minutes carry a verification code made with this center's key. Ordinary backups do not contain the key: export it once into a file protected by a passphrase and keep the file and the passphrase apart. After moving to a new computer or restoring a backup, import that file so the codes already printed can still be verified.", None))
        self.exportKeyButton.setText(QCoreApplication.translate("PrintingTab", u"Export verification key\u2026", None))
        self.importKeyButton.setText(QCoreApplication.translate("PrintingTab", u"Import verification key\u2026", None))
        self.printFontReadOnlyNote.setText(QCoreApplication.translate("PrintingTab", u"Only an administrator can choose the print font.", None))
        pass
    # retranslateUi

