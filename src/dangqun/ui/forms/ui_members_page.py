# Generated from forms/members_page.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'members_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget, QTableView, QToolButton, QVBoxLayout, QWidget)

from dangqun.ui.widgets.organization_picker import OrganizationPicker

class Ui_MembersPage(object):
    def setupUi(self, MembersPage):
        if not MembersPage.objectName():
            MembersPage.setObjectName(u"MembersPage")
        MembersPage.resize(1000, 700)
        self.pageLayout = QVBoxLayout(MembersPage)
        self.pageLayout.setSpacing(10)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(20, 16, 20, 14)
        self.headerBar = QWidget(MembersPage)
        self.headerBar.setObjectName(u"headerBar")
        self.headerLayout = QHBoxLayout(self.headerBar)
        self.headerLayout.setSpacing(12)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLayout.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(self.headerBar)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"pageTitle")

        self.headerLayout.addWidget(self.titleLabel)

        self.countLabel = QLabel(self.headerBar)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setProperty(u"role", u"muted")

        self.headerLayout.addWidget(self.countLabel)

        self.headerSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.birthdaysButton = QPushButton(self.headerBar)
        self.birthdaysButton.setObjectName(u"birthdaysButton")

        self.headerLayout.addWidget(self.birthdaysButton)

        self.organizationsButton = QPushButton(self.headerBar)
        self.organizationsButton.setObjectName(u"organizationsButton")

        self.headerLayout.addWidget(self.organizationsButton)

        self.moreListsButton = QPushButton(self.headerBar)
        self.moreListsButton.setObjectName(u"moreListsButton")

        self.headerLayout.addWidget(self.moreListsButton)


        self.pageLayout.addWidget(self.headerBar)

        self.searchLayout = QHBoxLayout()
        self.searchLayout.setSpacing(8)
        self.searchLayout.setObjectName(u"searchLayout")
        self.searchEdit = QLineEdit(MembersPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchLayout.addWidget(self.searchEdit)

        self.clearFiltersButton = QPushButton(MembersPage)
        self.clearFiltersButton.setObjectName(u"clearFiltersButton")

        self.searchLayout.addWidget(self.clearFiltersButton)


        self.pageLayout.addLayout(self.searchLayout)

        self.filterBar = QWidget(MembersPage)
        self.filterBar.setObjectName(u"filterBar")
        self.filterLabel = QLabel(self.filterBar)
        self.filterLabel.setObjectName(u"filterLabel")
        self.branchPicker = OrganizationPicker(self.filterBar)
        self.branchPicker.setObjectName(u"branchPicker")
        self.branchPicker.setMinimumSize(QSize(240, 0))
        self.kindCombo = QComboBox(self.filterBar)
        self.kindCombo.setObjectName(u"kindCombo")
        self.categoryCombo = QComboBox(self.filterBar)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.statusCombo = QComboBox(self.filterBar)
        self.statusCombo.setObjectName(u"statusCombo")

        self.pageLayout.addWidget(self.filterBar)

        self.noticeFrame = QFrame(MembersPage)
        self.noticeFrame.setObjectName(u"noticeFrame")
        self.noticeFrame.setProperty(u"role", u"note")
        self.noticeLayout = QHBoxLayout(self.noticeFrame)
        self.noticeLayout.setObjectName(u"noticeLayout")
        self.noticeLayout.setContentsMargins(12, 8, 8, 8)
        self.noticeLabel = QLabel(self.noticeFrame)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setWordWrap(True)
        self.noticeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.noticeLayout.addWidget(self.noticeLabel)

        self.noticeCloseButton = QToolButton(self.noticeFrame)
        self.noticeCloseButton.setObjectName(u"noticeCloseButton")
        self.noticeCloseButton.setAutoRaise(True)

        self.noticeLayout.addWidget(self.noticeCloseButton)

        self.noticeLayout.setStretch(0, 1)

        self.pageLayout.addWidget(self.noticeFrame)

        self.resultStack = QStackedWidget(MembersPage)
        self.resultStack.setObjectName(u"resultStack")
        self.tablePage = QWidget()
        self.tablePage.setObjectName(u"tablePage")
        self.tablePageLayout = QVBoxLayout(self.tablePage)
        self.tablePageLayout.setObjectName(u"tablePageLayout")
        self.tablePageLayout.setContentsMargins(0, 0, 0, 0)
        self.membersView = QTableView(self.tablePage)
        self.membersView.setObjectName(u"membersView")
        self.membersView.setAlternatingRowColors(True)
        self.membersView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.membersView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.membersView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.membersView.setShowGrid(False)
        self.membersView.setWordWrap(False)
        self.membersView.setTabKeyNavigation(False)
        self.membersView.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.membersView.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.tablePageLayout.addWidget(self.membersView)

        self.resultStack.addWidget(self.tablePage)
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyPageOuterLayout = QVBoxLayout(self.emptyPage)
        self.emptyPageOuterLayout.setObjectName(u"emptyPageOuterLayout")
        self.emptyPageOuterLayout.setContentsMargins(0, 0, 0, 0)
        self.emptyScroll = QScrollArea(self.emptyPage)
        self.emptyScroll.setObjectName(u"emptyScroll")
        self.emptyScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.emptyScroll.setWidgetResizable(True)
        self.emptyScroll.setProperty(u"role", u"page")
        self.emptyContents = QWidget()
        self.emptyContents.setObjectName(u"emptyContents")
        self.emptyContents.setProperty(u"role", u"pageContent")
        self.emptyPageLayout = QVBoxLayout(self.emptyContents)
        self.emptyPageLayout.setObjectName(u"emptyPageLayout")
        self.emptyPageLayout.setContentsMargins(0, 0, 0, 0)
        self.emptyTop = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyPageLayout.addItem(self.emptyTop)

        self.emptyRow = QHBoxLayout()
        self.emptyRow.setObjectName(u"emptyRow")
        self.emptyLeft = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyRow.addItem(self.emptyLeft)

        self.emptyCard = QFrame(self.emptyContents)
        self.emptyCard.setObjectName(u"emptyCard")
        self.emptyCard.setProperty(u"role", u"card")
        self.emptyCard.setMaximumSize(QSize(720, 16777215))
        self.emptyCardLayout = QVBoxLayout(self.emptyCard)
        self.emptyCardLayout.setSpacing(12)
        self.emptyCardLayout.setObjectName(u"emptyCardLayout")
        self.emptyCardLayout.setContentsMargins(40, 32, 40, 32)
        self.emptyIcon = QLabel(self.emptyCard)
        self.emptyIcon.setObjectName(u"emptyIcon")
        self.emptyIcon.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.emptyCardLayout.addWidget(self.emptyIcon)

        self.emptyTitle = QLabel(self.emptyCard)
        self.emptyTitle.setObjectName(u"emptyTitle")
        self.emptyTitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyTitle.setProperty(u"role", u"sectionTitle")

        self.emptyCardLayout.addWidget(self.emptyTitle)

        self.emptyText = QLabel(self.emptyCard)
        self.emptyText.setObjectName(u"emptyText")
        self.emptyText.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyText.setWordWrap(True)
        self.emptyText.setProperty(u"role", u"muted")

        self.emptyCardLayout.addWidget(self.emptyText)

        self.emptyActions = QHBoxLayout()
        self.emptyActions.setSpacing(10)
        self.emptyActions.setObjectName(u"emptyActions")
        self.emptyActionsLeft = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyActions.addItem(self.emptyActionsLeft)

        self.registerFirstButton = QPushButton(self.emptyCard)
        self.registerFirstButton.setObjectName(u"registerFirstButton")
        self.registerFirstButton.setProperty(u"role", u"primary")

        self.emptyActions.addWidget(self.registerFirstButton)

        self.importFirstButton = QPushButton(self.emptyCard)
        self.importFirstButton.setObjectName(u"importFirstButton")

        self.emptyActions.addWidget(self.importFirstButton)

        self.templateFirstButton = QPushButton(self.emptyCard)
        self.templateFirstButton.setObjectName(u"templateFirstButton")

        self.emptyActions.addWidget(self.templateFirstButton)

        self.emptyActionsRight = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyActions.addItem(self.emptyActionsRight)


        self.emptyCardLayout.addLayout(self.emptyActions)


        self.emptyRow.addWidget(self.emptyCard)

        self.emptyRight = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyRow.addItem(self.emptyRight)


        self.emptyPageLayout.addLayout(self.emptyRow)

        self.emptyBottom = QSpacerItem(20, 80, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyPageLayout.addItem(self.emptyBottom)

        self.emptyScroll.setWidget(self.emptyContents)

        self.emptyPageOuterLayout.addWidget(self.emptyScroll)

        self.resultStack.addWidget(self.emptyPage)
        self.noResultPage = QWidget()
        self.noResultPage.setObjectName(u"noResultPage")
        self.noResultPageOuterLayout = QVBoxLayout(self.noResultPage)
        self.noResultPageOuterLayout.setObjectName(u"noResultPageOuterLayout")
        self.noResultPageOuterLayout.setContentsMargins(0, 0, 0, 0)
        self.noResultScroll = QScrollArea(self.noResultPage)
        self.noResultScroll.setObjectName(u"noResultScroll")
        self.noResultScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.noResultScroll.setWidgetResizable(True)
        self.noResultScroll.setProperty(u"role", u"page")
        self.noResultContents = QWidget()
        self.noResultContents.setObjectName(u"noResultContents")
        self.noResultContents.setProperty(u"role", u"pageContent")
        self.noResultPageLayout = QVBoxLayout(self.noResultContents)
        self.noResultPageLayout.setObjectName(u"noResultPageLayout")
        self.noResultPageLayout.setContentsMargins(0, 0, 0, 0)
        self.noResultTop = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.noResultPageLayout.addItem(self.noResultTop)

        self.noResultRow = QHBoxLayout()
        self.noResultRow.setObjectName(u"noResultRow")
        self.noResultLeft = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.noResultRow.addItem(self.noResultLeft)

        self.noResultCard = QFrame(self.noResultContents)
        self.noResultCard.setObjectName(u"noResultCard")
        self.noResultCard.setProperty(u"role", u"card")
        self.noResultCard.setMaximumSize(QSize(720, 16777215))
        self.noResultCardLayout = QVBoxLayout(self.noResultCard)
        self.noResultCardLayout.setSpacing(12)
        self.noResultCardLayout.setObjectName(u"noResultCardLayout")
        self.noResultCardLayout.setContentsMargins(40, 32, 40, 32)
        self.noResultIcon = QLabel(self.noResultCard)
        self.noResultIcon.setObjectName(u"noResultIcon")
        self.noResultIcon.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.noResultCardLayout.addWidget(self.noResultIcon)

        self.noResultTitle = QLabel(self.noResultCard)
        self.noResultTitle.setObjectName(u"noResultTitle")
        self.noResultTitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.noResultTitle.setProperty(u"role", u"sectionTitle")

        self.noResultCardLayout.addWidget(self.noResultTitle)

        self.noResultText = QLabel(self.noResultCard)
        self.noResultText.setObjectName(u"noResultText")
        self.noResultText.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.noResultText.setWordWrap(True)
        self.noResultText.setProperty(u"role", u"muted")

        self.noResultCardLayout.addWidget(self.noResultText)

        self.noResultActions = QHBoxLayout()
        self.noResultActions.setSpacing(10)
        self.noResultActions.setObjectName(u"noResultActions")
        self.noResultActionsLeft = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.noResultActions.addItem(self.noResultActionsLeft)

        self.clearSearchButton = QPushButton(self.noResultCard)
        self.clearSearchButton.setObjectName(u"clearSearchButton")

        self.noResultActions.addWidget(self.clearSearchButton)

        self.noResultActionsRight = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.noResultActions.addItem(self.noResultActionsRight)


        self.noResultCardLayout.addLayout(self.noResultActions)


        self.noResultRow.addWidget(self.noResultCard)

        self.noResultRight = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.noResultRow.addItem(self.noResultRight)


        self.noResultPageLayout.addLayout(self.noResultRow)

        self.noResultBottom = QSpacerItem(20, 80, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.noResultPageLayout.addItem(self.noResultBottom)

        self.noResultScroll.setWidget(self.noResultContents)

        self.noResultPageOuterLayout.addWidget(self.noResultScroll)

        self.resultStack.addWidget(self.noResultPage)

        self.pageLayout.addWidget(self.resultStack)

        self.actionsBar = QWidget(MembersPage)
        self.actionsBar.setObjectName(u"actionsBar")
        self.actionsLayout = QHBoxLayout(self.actionsBar)
        self.actionsLayout.setSpacing(8)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.actionsLayout.setContentsMargins(0, 0, 0, 0)
        self.registerButton = QPushButton(self.actionsBar)
        self.registerButton.setObjectName(u"registerButton")
        self.registerButton.setProperty(u"role", u"primary")

        self.actionsLayout.addWidget(self.registerButton)

        self.editButton = QPushButton(self.actionsBar)
        self.editButton.setObjectName(u"editButton")

        self.actionsLayout.addWidget(self.editButton)

        self.actionsGap = QSpacerItem(16, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsGap)

        self.importButton = QPushButton(self.actionsBar)
        self.importButton.setObjectName(u"importButton")

        self.actionsLayout.addWidget(self.importButton)

        self.exportButton = QPushButton(self.actionsBar)
        self.exportButton.setObjectName(u"exportButton")

        self.actionsLayout.addWidget(self.exportButton)

        self.templateButton = QPushButton(self.actionsBar)
        self.templateButton.setObjectName(u"templateButton")

        self.actionsLayout.addWidget(self.templateButton)

        self.printButton = QPushButton(self.actionsBar)
        self.printButton.setObjectName(u"printButton")

        self.actionsLayout.addWidget(self.printButton)

        self.moreActionsButton = QPushButton(self.actionsBar)
        self.moreActionsButton.setObjectName(u"moreActionsButton")

        self.actionsLayout.addWidget(self.moreActionsButton)

        self.actionsSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)


        self.pageLayout.addWidget(self.actionsBar)

#if QT_CONFIG(shortcut)
        self.filterLabel.setBuddy(self.branchPicker)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.branchPicker)
        QWidget.setTabOrder(self.branchPicker, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.clearFiltersButton)
        QWidget.setTabOrder(self.clearFiltersButton, self.membersView)
        QWidget.setTabOrder(self.membersView, self.registerButton)
        QWidget.setTabOrder(self.registerButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.templateButton)
        QWidget.setTabOrder(self.templateButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.moreActionsButton)
        QWidget.setTabOrder(self.moreActionsButton, self.birthdaysButton)
        QWidget.setTabOrder(self.birthdaysButton, self.organizationsButton)

        self.retranslateUi(MembersPage)

        QMetaObject.connectSlotsByName(MembersPage)
    # setupUi

    def retranslateUi(self, MembersPage):
        self.titleLabel.setText(QCoreApplication.translate("MembersPage", u"Members", None))
        self.birthdaysButton.setText(QCoreApplication.translate("MembersPage", u"Political birthdays this month", None))
        self.organizationsButton.setText(QCoreApplication.translate("MembersPage", u"Organization\u2026", None))
        self.moreListsButton.setText(QCoreApplication.translate("MembersPage", u"More", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MembersPage", u"Find: name, pinyin initials (e.g. zsf), phone or last digits of the ID number", None))
        self.clearFiltersButton.setText(QCoreApplication.translate("MembersPage", u"Clear filters", None))
        self.filterLabel.setText(QCoreApplication.translate("MembersPage", u"Show", None))
        self.noticeCloseButton.setText(QCoreApplication.translate("MembersPage", u"Close", None))
        self.emptyTitle.setText(QCoreApplication.translate("MembersPage", u"No members registered yet", None))
        self.emptyText.setText(QCoreApplication.translate("MembersPage", u"Register members one by one, or import the roster you keep in Excel. The template shows the columns the import understands.", None))
        self.registerFirstButton.setText(QCoreApplication.translate("MembersPage", u"Register a member", None))
        self.importFirstButton.setText(QCoreApplication.translate("MembersPage", u"Import roster\u2026", None))
        self.templateFirstButton.setText(QCoreApplication.translate("MembersPage", u"Download template", None))
        self.noResultTitle.setText(QCoreApplication.translate("MembersPage", u"No member matches", None))
        self.noResultText.setText("")
        self.clearSearchButton.setText(QCoreApplication.translate("MembersPage", u"Clear search and filters", None))
        self.registerButton.setText(QCoreApplication.translate("MembersPage", u"Register member", None))
        self.editButton.setText(QCoreApplication.translate("MembersPage", u"Edit\u2026", None))
        self.importButton.setText(QCoreApplication.translate("MembersPage", u"Import roster\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("MembersPage", u"Export\u2026", None))
        self.templateButton.setText(QCoreApplication.translate("MembersPage", u"Download template", None))
        self.printButton.setText(QCoreApplication.translate("MembersPage", u"Print roster", None))
        self.moreActionsButton.setText(QCoreApplication.translate("MembersPage", u"More", None))
        pass
    # retranslateUi

