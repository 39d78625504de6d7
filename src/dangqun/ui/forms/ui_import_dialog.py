# Generated from forms/import_dialog.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget, QTableView, QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(980, 680)
        self.dialogLayout = QVBoxLayout(ImportDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 14)
        self.titleLabel = QLabel(ImportDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"dialogTitle")

        self.dialogLayout.addWidget(self.titleLabel)

        self.pagesScroll = QScrollArea(ImportDialog)
        self.pagesScroll.setObjectName(u"pagesScroll")
        self.pagesScroll.setWidgetResizable(True)
        self.pagesScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pagesScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pagesContent = QWidget()
        self.pagesContent.setObjectName(u"pagesContent")
        self.pagesContentLayout = QVBoxLayout(self.pagesContent)
        self.pagesContentLayout.setObjectName(u"pagesContentLayout")
        self.pagesContentLayout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self.pagesContent)
        self.pages.setObjectName(u"pages")
        self.choosePage = QWidget()
        self.choosePage.setObjectName(u"choosePage")
        self.chooseLayout = QVBoxLayout(self.choosePage)
        self.chooseLayout.setSpacing(10)
        self.chooseLayout.setObjectName(u"chooseLayout")
        self.chooseLayout.setContentsMargins(0, 0, 0, 0)
        self.chooseIntro = QLabel(self.choosePage)
        self.chooseIntro.setObjectName(u"chooseIntro")
        self.chooseIntro.setWordWrap(True)

        self.chooseLayout.addWidget(self.chooseIntro)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setSpacing(8)
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(self.choosePage)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.chooseFileButton = QPushButton(self.choosePage)
        self.chooseFileButton.setObjectName(u"chooseFileButton")

        self.fileLayout.addWidget(self.chooseFileButton)


        self.chooseLayout.addLayout(self.fileLayout)

        self.createBranchesCheck = QCheckBox(self.choosePage)
        self.createBranchesCheck.setObjectName(u"createBranchesCheck")

        self.chooseLayout.addWidget(self.createBranchesCheck)

        self.createBranchesHint = QLabel(self.choosePage)
        self.createBranchesHint.setObjectName(u"createBranchesHint")
        self.createBranchesHint.setWordWrap(True)
        self.createBranchesHint.setProperty(u"role", u"muted")

        self.chooseLayout.addWidget(self.createBranchesHint)

        self.headersHint = QLabel(self.choosePage)
        self.headersHint.setObjectName(u"headersHint")
        self.headersHint.setWordWrap(True)
        self.headersHint.setProperty(u"role", u"muted")

        self.chooseLayout.addWidget(self.headersHint)

        self.chooseError = QLabel(self.choosePage)
        self.chooseError.setObjectName(u"chooseError")
        self.chooseError.setProperty(u"role", u"error")
        self.chooseError.setWordWrap(True)

        self.chooseLayout.addWidget(self.chooseError)

        self.chooseSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.chooseLayout.addItem(self.chooseSpacer)

        self.pages.addWidget(self.choosePage)
        self.progressPage = QWidget()
        self.progressPage.setObjectName(u"progressPage")
        self.progressLayout = QVBoxLayout(self.progressPage)
        self.progressLayout.setSpacing(12)
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressLayout.setContentsMargins(40, 0, 40, 0)
        self.progressTop = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.progressLayout.addItem(self.progressTop)

        self.progressLabel = QLabel(self.progressPage)
        self.progressLabel.setObjectName(u"progressLabel")
        self.progressLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progressLabel.setWordWrap(True)

        self.progressLayout.addWidget(self.progressLabel)

        self.progressBar = QProgressBar(self.progressPage)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setTextVisible(False)

        self.progressLayout.addWidget(self.progressBar)

        self.progressBottom = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.progressLayout.addItem(self.progressBottom)

        self.pages.addWidget(self.progressPage)
        self.reportPage = QWidget()
        self.reportPage.setObjectName(u"reportPage")
        self.reportLayout = QVBoxLayout(self.reportPage)
        self.reportLayout.setSpacing(8)
        self.reportLayout.setObjectName(u"reportLayout")
        self.reportLayout.setContentsMargins(0, 0, 0, 0)
        self.reportSummary = QLabel(self.reportPage)
        self.reportSummary.setObjectName(u"reportSummary")
        self.reportSummary.setWordWrap(True)

        self.reportLayout.addWidget(self.reportSummary)

        self.statsLayout = QHBoxLayout()
        self.statsLayout.setSpacing(8)
        self.statsLayout.setObjectName(u"statsLayout")
        self.totalCard = QFrame(self.reportPage)
        self.totalCard.setObjectName(u"totalCard")
        self.totalCard.setProperty(u"role", u"card")
        self.totalLayout = QVBoxLayout(self.totalCard)
        self.totalLayout.setSpacing(2)
        self.totalLayout.setObjectName(u"totalLayout")
        self.totalLayout.setContentsMargins(14, 8, 14, 8)
        self.totalTitle = QLabel(self.totalCard)
        self.totalTitle.setObjectName(u"totalTitle")
        self.totalTitle.setProperty(u"role", u"figureTitle")

        self.totalLayout.addWidget(self.totalTitle)

        self.totalValue = QLabel(self.totalCard)
        self.totalValue.setObjectName(u"totalValue")
        self.totalValue.setProperty(u"role", u"figureCompact")

        self.totalLayout.addWidget(self.totalValue)


        self.statsLayout.addWidget(self.totalCard)

        self.validCard = QFrame(self.reportPage)
        self.validCard.setObjectName(u"validCard")
        self.validCard.setProperty(u"role", u"card")
        self.validLayout = QVBoxLayout(self.validCard)
        self.validLayout.setSpacing(2)
        self.validLayout.setObjectName(u"validLayout")
        self.validLayout.setContentsMargins(14, 8, 14, 8)
        self.validTitle = QLabel(self.validCard)
        self.validTitle.setObjectName(u"validTitle")
        self.validTitle.setProperty(u"role", u"figureTitle")

        self.validLayout.addWidget(self.validTitle)

        self.validValue = QLabel(self.validCard)
        self.validValue.setObjectName(u"validValue")
        self.validValue.setProperty(u"role", u"figureCompact")

        self.validLayout.addWidget(self.validValue)


        self.statsLayout.addWidget(self.validCard)

        self.invalidCard = QFrame(self.reportPage)
        self.invalidCard.setObjectName(u"invalidCard")
        self.invalidCard.setProperty(u"role", u"card")
        self.invalidLayout = QVBoxLayout(self.invalidCard)
        self.invalidLayout.setSpacing(2)
        self.invalidLayout.setObjectName(u"invalidLayout")
        self.invalidLayout.setContentsMargins(14, 8, 14, 8)
        self.invalidTitle = QLabel(self.invalidCard)
        self.invalidTitle.setObjectName(u"invalidTitle")
        self.invalidTitle.setProperty(u"role", u"figureTitle")

        self.invalidLayout.addWidget(self.invalidTitle)

        self.invalidValue = QLabel(self.invalidCard)
        self.invalidValue.setObjectName(u"invalidValue")
        self.invalidValue.setProperty(u"role", u"figureCompact")

        self.invalidLayout.addWidget(self.invalidValue)


        self.statsLayout.addWidget(self.invalidCard)

        self.newCard = QFrame(self.reportPage)
        self.newCard.setObjectName(u"newCard")
        self.newCard.setProperty(u"role", u"card")
        self.newLayout = QVBoxLayout(self.newCard)
        self.newLayout.setSpacing(2)
        self.newLayout.setObjectName(u"newLayout")
        self.newLayout.setContentsMargins(14, 8, 14, 8)
        self.newTitle = QLabel(self.newCard)
        self.newTitle.setObjectName(u"newTitle")
        self.newTitle.setProperty(u"role", u"figureTitle")

        self.newLayout.addWidget(self.newTitle)

        self.newValue = QLabel(self.newCard)
        self.newValue.setObjectName(u"newValue")
        self.newValue.setProperty(u"role", u"figureCompact")

        self.newLayout.addWidget(self.newValue)


        self.statsLayout.addWidget(self.newCard)

        self.updatedCard = QFrame(self.reportPage)
        self.updatedCard.setObjectName(u"updatedCard")
        self.updatedCard.setProperty(u"role", u"card")
        self.updatedLayout = QVBoxLayout(self.updatedCard)
        self.updatedLayout.setSpacing(2)
        self.updatedLayout.setObjectName(u"updatedLayout")
        self.updatedLayout.setContentsMargins(14, 8, 14, 8)
        self.updatedTitle = QLabel(self.updatedCard)
        self.updatedTitle.setObjectName(u"updatedTitle")
        self.updatedTitle.setProperty(u"role", u"figureTitle")

        self.updatedLayout.addWidget(self.updatedTitle)

        self.updatedValue = QLabel(self.updatedCard)
        self.updatedValue.setObjectName(u"updatedValue")
        self.updatedValue.setProperty(u"role", u"figureCompact")

        self.updatedLayout.addWidget(self.updatedValue)


        self.statsLayout.addWidget(self.updatedCard)

        self.unchangedCard = QFrame(self.reportPage)
        self.unchangedCard.setObjectName(u"unchangedCard")
        self.unchangedCard.setProperty(u"role", u"card")
        self.unchangedLayout = QVBoxLayout(self.unchangedCard)
        self.unchangedLayout.setSpacing(2)
        self.unchangedLayout.setObjectName(u"unchangedLayout")
        self.unchangedLayout.setContentsMargins(14, 8, 14, 8)
        self.unchangedTitle = QLabel(self.unchangedCard)
        self.unchangedTitle.setObjectName(u"unchangedTitle")
        self.unchangedTitle.setProperty(u"role", u"figureTitle")

        self.unchangedLayout.addWidget(self.unchangedTitle)

        self.unchangedValue = QLabel(self.unchangedCard)
        self.unchangedValue.setObjectName(u"unchangedValue")
        self.unchangedValue.setProperty(u"role", u"figureCompact")

        self.unchangedLayout.addWidget(self.unchangedValue)


        self.statsLayout.addWidget(self.unchangedCard)


        self.reportLayout.addLayout(self.statsLayout)

        self.branchesBox = QFrame(self.reportPage)
        self.branchesBox.setObjectName(u"branchesBox")
        self.branchesBox.setProperty(u"role", u"note")
        self.branchesLayout = QHBoxLayout(self.branchesBox)
        self.branchesLayout.setSpacing(12)
        self.branchesLayout.setObjectName(u"branchesLayout")
        self.branchesText = QLabel(self.branchesBox)
        self.branchesText.setObjectName(u"branchesText")
        self.branchesText.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.branchesText.sizePolicy().hasHeightForWidth())
        self.branchesText.setSizePolicy(sizePolicy)

        self.branchesLayout.addWidget(self.branchesText)

        self.createBranchesButton = QPushButton(self.branchesBox)
        self.createBranchesButton.setObjectName(u"createBranchesButton")
        self.createBranchesButton.setProperty(u"role", u"primary")

        self.branchesLayout.addWidget(self.createBranchesButton)


        self.reportLayout.addWidget(self.branchesBox)

        self.problemsTitle = QLabel(self.reportPage)
        self.problemsTitle.setObjectName(u"problemsTitle")
        self.problemsTitle.setProperty(u"role", u"sectionTitle")

        self.reportLayout.addWidget(self.problemsTitle)

        self.problemsView = QTableView(self.reportPage)
        self.problemsView.setObjectName(u"problemsView")
        self.problemsView.setAlternatingRowColors(True)
        self.problemsView.setWordWrap(True)
        self.problemsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.reportLayout.addWidget(self.problemsView)

        self.reportHint = QLabel(self.reportPage)
        self.reportHint.setObjectName(u"reportHint")
        self.reportHint.setWordWrap(True)
        self.reportHint.setProperty(u"role", u"muted")

        self.reportLayout.addWidget(self.reportHint)

        self.pages.addWidget(self.reportPage)
        self.resultPage = QWidget()
        self.resultPage.setObjectName(u"resultPage")
        self.resultLayout = QVBoxLayout(self.resultPage)
        self.resultLayout.setSpacing(12)
        self.resultLayout.setObjectName(u"resultLayout")
        self.resultLayout.setContentsMargins(40, 0, 40, 0)
        self.resultTop = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.resultLayout.addItem(self.resultTop)

        self.resultIcon = QLabel(self.resultPage)
        self.resultIcon.setObjectName(u"resultIcon")
        self.resultIcon.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.resultLayout.addWidget(self.resultIcon)

        self.resultTitle = QLabel(self.resultPage)
        self.resultTitle.setObjectName(u"resultTitle")
        self.resultTitle.setProperty(u"role", u"sectionTitle")
        self.resultTitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.resultLayout.addWidget(self.resultTitle)

        self.resultText = QLabel(self.resultPage)
        self.resultText.setObjectName(u"resultText")
        self.resultText.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.resultText.setWordWrap(True)

        self.resultLayout.addWidget(self.resultText)

        self.resultBottom = QSpacerItem(20, 60, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.resultLayout.addItem(self.resultBottom)

        self.pages.addWidget(self.resultPage)

        self.pagesContentLayout.addWidget(self.pages)

        self.pagesScroll.setWidget(self.pagesContent)

        self.dialogLayout.addWidget(self.pagesScroll)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setSpacing(8)
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.againButton = QPushButton(ImportDialog)
        self.againButton.setObjectName(u"againButton")

        self.buttonsLayout.addWidget(self.againButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.importNothingButton = QPushButton(ImportDialog)
        self.importNothingButton.setObjectName(u"importNothingButton")

        self.buttonsLayout.addWidget(self.importNothingButton)

        self.importValidButton = QPushButton(ImportDialog)
        self.importValidButton.setObjectName(u"importValidButton")
        self.importValidButton.setProperty(u"role", u"primary")

        self.buttonsLayout.addWidget(self.importValidButton)

        self.checkButton = QPushButton(ImportDialog)
        self.checkButton.setObjectName(u"checkButton")
        self.checkButton.setProperty(u"role", u"primary")

        self.buttonsLayout.addWidget(self.checkButton)

        self.closeButton = QPushButton(ImportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(ImportDialog)

        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Import roster", None))
        self.titleLabel.setText(QCoreApplication.translate("ImportDialog", u"Import roster", None))
        self.chooseIntro.setText(QCoreApplication.translate("ImportDialog", u"Choose the roster (.xlsx). Every row is checked first and nothing is written yet: you will see each problem with its Excel row number, then decide.", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"No file chosen", None))
        self.chooseFileButton.setText(QCoreApplication.translate("ImportDialog", u"Choose file\u2026", None))
        self.createBranchesCheck.setText(QCoreApplication.translate("ImportDialog", u"Create branches named in the roster that do not exist yet", None))
        self.createBranchesHint.setText(QCoreApplication.translate("ImportDialog", u"Otherwise such rows are reported as problems. New branches are added under the community party organization and can be renamed or moved later.", None))
        self.headersHint.setText(QCoreApplication.translate("ImportDialog", u"Headers may vary (\u8eab\u4efd\u8bc1\u53f7, \u624b\u673a\u53f7\u7801, \u6240\u5728\u652f\u90e8 \u2026); a title row above the header, \u5e8f\u53f7 columns and dates such as 2001.07.01 or 2001\u5e747\u67081\u65e5 are understood. The template shows the preferred headers.", None))
        self.totalTitle.setText(QCoreApplication.translate("ImportDialog", u"Rows", None))
        self.validTitle.setText(QCoreApplication.translate("ImportDialog", u"Valid", None))
        self.invalidTitle.setText(QCoreApplication.translate("ImportDialog", u"With problems", None))
        self.newTitle.setText(QCoreApplication.translate("ImportDialog", u"New", None))
        self.updatedTitle.setText(QCoreApplication.translate("ImportDialog", u"Updated", None))
        self.unchangedTitle.setText(QCoreApplication.translate("ImportDialog", u"Unchanged", None))
        self.problemsTitle.setText(QCoreApplication.translate("ImportDialog", u"Rows to correct", None))
        self.reportHint.setText(QCoreApplication.translate("ImportDialog", u"Correct these rows in Excel and import the file again: people already imported are recognised by their ID number and never doubled.", None))
        self.againButton.setText(QCoreApplication.translate("ImportDialog", u"Choose another file\u2026", None))
        self.importNothingButton.setText(QCoreApplication.translate("ImportDialog", u"Import nothing", None))
        self.importValidButton.setText(QCoreApplication.translate("ImportDialog", u"Import the valid rows only", None))
        self.checkButton.setText(QCoreApplication.translate("ImportDialog", u"Check the roster", None))
        self.closeButton.setText(QCoreApplication.translate("ImportDialog", u"Close", None))
    # retranslateUi

