# Generated from forms/module_page.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'module_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)

from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_ModulePage(object):
    def setupUi(self, ModulePage):
        if not ModulePage.objectName():
            ModulePage.setObjectName(u"ModulePage")
        ModulePage.resize(1060, 760)
        self.pageLayout = QVBoxLayout(ModulePage)
        self.pageLayout.setSpacing(0)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.pageScroll = QScrollArea(ModulePage)
        self.pageScroll.setObjectName(u"pageScroll")
        self.pageScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pageScroll.setWidgetResizable(True)
        self.pageScroll.setProperty(u"role", u"page")
        self.pageContent = QWidget()
        self.pageContent.setObjectName(u"pageContent")
        self.pageContent.setProperty(u"role", u"pageContent")
        self.contentLayout = QVBoxLayout(self.pageContent)
        self.contentLayout.setSpacing(16)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(28, 24, 28, 24)
        self.headerCard = QFrame(self.pageContent)
        self.headerCard.setObjectName(u"headerCard")
        self.headerCard.setProperty(u"role", u"headerCard")
        self.headerLayout = QHBoxLayout(self.headerCard)
        self.headerLayout.setSpacing(18)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLayout.setContentsMargins(24, 18, 24, 18)
        self.iconLabel = QLabel(self.headerCard)
        self.iconLabel.setObjectName(u"iconLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.iconLabel.sizePolicy().hasHeightForWidth())
        self.iconLabel.setSizePolicy(sizePolicy)
        self.iconLabel.setMinimumSize(QSize(52, 52))
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.headerLayout.addWidget(self.iconLabel)

        self.titleLayout = QVBoxLayout()
        self.titleLayout.setSpacing(4)
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleLabel = QLabel(self.headerCard)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"pageTitle")

        self.titleLayout.addWidget(self.titleLabel)

        self.taglineLabel = QLabel(self.headerCard)
        self.taglineLabel.setObjectName(u"taglineLabel")
        self.taglineLabel.setWordWrap(True)
        self.taglineLabel.setProperty(u"role", u"muted")

        self.titleLayout.addWidget(self.taglineLabel)


        self.headerLayout.addLayout(self.titleLayout)


        self.contentLayout.addWidget(self.headerCard)

        self.laterNote = QFrame(self.pageContent)
        self.laterNote.setObjectName(u"laterNote")
        self.laterNote.setProperty(u"role", u"note")
        self.laterNoteLayout = QHBoxLayout(self.laterNote)
        self.laterNoteLayout.setSpacing(12)
        self.laterNoteLayout.setObjectName(u"laterNoteLayout")
        self.laterNoteLayout.setContentsMargins(16, 12, 16, 12)
        self.laterNoteIcon = QLabel(self.laterNote)
        self.laterNoteIcon.setObjectName(u"laterNoteIcon")
        sizePolicy.setHeightForWidth(self.laterNoteIcon.sizePolicy().hasHeightForWidth())
        self.laterNoteIcon.setSizePolicy(sizePolicy)
        self.laterNoteIcon.setAlignment(Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignTop)

        self.laterNoteLayout.addWidget(self.laterNoteIcon)

        self.laterNoteTexts = QVBoxLayout()
        self.laterNoteTexts.setSpacing(6)
        self.laterNoteTexts.setObjectName(u"laterNoteTexts")
        self.laterNoteText = QLabel(self.laterNote)
        self.laterNoteText.setObjectName(u"laterNoteText")
        self.laterNoteText.setWordWrap(True)

        self.laterNoteTexts.addWidget(self.laterNoteText)

        self.todayText = QLabel(self.laterNote)
        self.todayText.setObjectName(u"todayText")
        self.todayText.setWordWrap(True)

        self.laterNoteTexts.addWidget(self.todayText)


        self.laterNoteLayout.addLayout(self.laterNoteTexts)


        self.contentLayout.addWidget(self.laterNote)

        self.figuresTitle = QLabel(self.pageContent)
        self.figuresTitle.setObjectName(u"figuresTitle")
        self.figuresTitle.setProperty(u"role", u"sectionTitle")

        self.contentLayout.addWidget(self.figuresTitle)

        self.figuresGrid = QGridLayout()
        self.figuresGrid.setObjectName(u"figuresGrid")
        self.figuresGrid.setHorizontalSpacing(14)
        self.figuresGrid.setVerticalSpacing(14)

        self.contentLayout.addLayout(self.figuresGrid)

        self.detailsCard = QFrame(self.pageContent)
        self.detailsCard.setObjectName(u"detailsCard")
        self.detailsCard.setProperty(u"role", u"card")
        self.detailsLayout = QVBoxLayout(self.detailsCard)
        self.detailsLayout.setSpacing(10)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setContentsMargins(20, 16, 20, 18)
        self.detailsTitle = QLabel(self.detailsCard)
        self.detailsTitle.setObjectName(u"detailsTitle")
        self.detailsTitle.setProperty(u"role", u"sectionTitle")

        self.detailsLayout.addWidget(self.detailsTitle)

        self.detailsCaption = QLabel(self.detailsCard)
        self.detailsCaption.setObjectName(u"detailsCaption")
        self.detailsCaption.setWordWrap(True)
        self.detailsCaption.setProperty(u"role", u"muted")

        self.detailsLayout.addWidget(self.detailsCaption)

        self.detailsTable = QTableView(self.detailsCard)
        self.detailsTable.setObjectName(u"detailsTable")
        self.detailsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detailsTable.setAlternatingRowColors(True)
        self.detailsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.detailsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.detailsTable.setShowGrid(False)
        self.detailsTable.setWordWrap(False)

        self.detailsLayout.addWidget(self.detailsTable)


        self.contentLayout.addWidget(self.detailsCard)

        self.descriptionCard = QFrame(self.pageContent)
        self.descriptionCard.setObjectName(u"descriptionCard")
        self.descriptionCard.setProperty(u"role", u"card")
        self.descriptionLayout = QVBoxLayout(self.descriptionCard)
        self.descriptionLayout.setSpacing(10)
        self.descriptionLayout.setObjectName(u"descriptionLayout")
        self.descriptionLayout.setContentsMargins(20, 16, 20, 18)
        self.descriptionTitle = QLabel(self.descriptionCard)
        self.descriptionTitle.setObjectName(u"descriptionTitle")
        self.descriptionTitle.setProperty(u"role", u"sectionTitle")

        self.descriptionLayout.addWidget(self.descriptionTitle)

        self.descriptionLabel = QLabel(self.descriptionCard)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setTextFormat(Qt.TextFormat.RichText)
        self.descriptionLabel.setWordWrap(True)

        self.descriptionLayout.addWidget(self.descriptionLabel)

        self.flowTitle = QLabel(self.descriptionCard)
        self.flowTitle.setObjectName(u"flowTitle")
        self.flowTitle.setProperty(u"role", u"figureTitle")

        self.descriptionLayout.addWidget(self.flowTitle)

        self.flowLayout = QHBoxLayout()
        self.flowLayout.setSpacing(8)
        self.flowLayout.setObjectName(u"flowLayout")

        self.descriptionLayout.addLayout(self.flowLayout)


        self.contentLayout.addWidget(self.descriptionCard)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.bottomSpacer)

        self.pageScroll.setWidget(self.pageContent)

        self.pageLayout.addWidget(self.pageScroll)


        self.retranslateUi(ModulePage)

        QMetaObject.connectSlotsByName(ModulePage)
    # setupUi

    def retranslateUi(self, ModulePage):
        self.figuresTitle.setText(QCoreApplication.translate("ModulePage", u"Current figures", None))
        self.descriptionTitle.setText(QCoreApplication.translate("ModulePage", u"Planned for a later version", None))
        pass
    # retranslateUi

