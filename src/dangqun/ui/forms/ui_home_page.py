# Generated from forms/home_page.ui by .ci/generate.py — do not edit

################################################################################
## Form generated from reading UI file 'home_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)

from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_HomePage(object):
    def setupUi(self, HomePage):
        if not HomePage.objectName():
            HomePage.setObjectName(u"HomePage")
        HomePage.resize(1060, 760)
        self.pageLayout = QVBoxLayout(HomePage)
        self.pageLayout.setSpacing(0)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.pageScroll = QScrollArea(HomePage)
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
        self.headerLayout.setSpacing(24)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLayout.setContentsMargins(24, 18, 24, 18)
        self.centerLayout = QVBoxLayout()
        self.centerLayout.setSpacing(6)
        self.centerLayout.setObjectName(u"centerLayout")
        self.centerNameLabel = QLabel(self.headerCard)
        self.centerNameLabel.setObjectName(u"centerNameLabel")
        self.centerNameLabel.setWordWrap(True)
        self.centerNameLabel.setProperty(u"role", u"pageTitle")

        self.centerLayout.addWidget(self.centerNameLabel)

        self.divisionCodeLabel = QLabel(self.headerCard)
        self.divisionCodeLabel.setObjectName(u"divisionCodeLabel")
        self.divisionCodeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.divisionCodeLabel.setProperty(u"role", u"muted")

        self.centerLayout.addWidget(self.divisionCodeLabel)


        self.headerLayout.addLayout(self.centerLayout)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.greetingLayout = QVBoxLayout()
        self.greetingLayout.setSpacing(6)
        self.greetingLayout.setObjectName(u"greetingLayout")
        self.greetingLabel = QLabel(self.headerCard)
        self.greetingLabel.setObjectName(u"greetingLabel")
        self.greetingLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.greetingLabel.setProperty(u"role", u"subtitle")

        self.greetingLayout.addWidget(self.greetingLabel)

        self.dateLabel = QLabel(self.headerCard)
        self.dateLabel.setObjectName(u"dateLabel")
        self.dateLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.dateLabel.setProperty(u"role", u"muted")

        self.greetingLayout.addWidget(self.dateLabel)


        self.headerLayout.addLayout(self.greetingLayout)


        self.contentLayout.addWidget(self.headerCard)

        self.emptyNote = QFrame(self.pageContent)
        self.emptyNote.setObjectName(u"emptyNote")
        self.emptyNote.setProperty(u"role", u"note")
        self.emptyNoteLayout = QHBoxLayout(self.emptyNote)
        self.emptyNoteLayout.setSpacing(12)
        self.emptyNoteLayout.setObjectName(u"emptyNoteLayout")
        self.emptyNoteLayout.setContentsMargins(16, 12, 16, 12)
        self.emptyNoteIcon = QLabel(self.emptyNote)
        self.emptyNoteIcon.setObjectName(u"emptyNoteIcon")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.emptyNoteIcon.sizePolicy().hasHeightForWidth())
        self.emptyNoteIcon.setSizePolicy(sizePolicy)
        self.emptyNoteIcon.setAlignment(Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignTop)

        self.emptyNoteLayout.addWidget(self.emptyNoteIcon)

        self.emptyNoteText = QLabel(self.emptyNote)
        self.emptyNoteText.setObjectName(u"emptyNoteText")
        self.emptyNoteText.setWordWrap(True)

        self.emptyNoteLayout.addWidget(self.emptyNoteText)


        self.contentLayout.addWidget(self.emptyNote)

        self.membersSectionTitle = QLabel(self.pageContent)
        self.membersSectionTitle.setObjectName(u"membersSectionTitle")
        self.membersSectionTitle.setProperty(u"role", u"sectionTitle")

        self.contentLayout.addWidget(self.membersSectionTitle)

        self.figuresGrid = QGridLayout()
        self.figuresGrid.setObjectName(u"figuresGrid")
        self.figuresGrid.setHorizontalSpacing(14)
        self.figuresGrid.setVerticalSpacing(14)

        self.contentLayout.addLayout(self.figuresGrid)

        self.linksSectionTitle = QLabel(self.pageContent)
        self.linksSectionTitle.setObjectName(u"linksSectionTitle")
        self.linksSectionTitle.setProperty(u"role", u"sectionTitle")

        self.contentLayout.addWidget(self.linksSectionTitle)

        self.linksGrid = QGridLayout()
        self.linksGrid.setObjectName(u"linksGrid")
        self.linksGrid.setHorizontalSpacing(14)
        self.linksGrid.setVerticalSpacing(14)

        self.contentLayout.addLayout(self.linksGrid)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.bottomSpacer)

        self.pageScroll.setWidget(self.pageContent)

        self.pageLayout.addWidget(self.pageScroll)


        self.retranslateUi(HomePage)

        QMetaObject.connectSlotsByName(HomePage)
    # setupUi

    def retranslateUi(self, HomePage):
        self.emptyNoteText.setText(QCoreApplication.translate("HomePage", u"No party members are registered yet. Member registration and roster import will be available under \u201cMembers\u201d; until then the figures below stay at zero.", None))
        self.membersSectionTitle.setText(QCoreApplication.translate("HomePage", u"At a glance", None))
        self.linksSectionTitle.setText(QCoreApplication.translate("HomePage", u"Go to", None))
        pass
    # retranslateUi

