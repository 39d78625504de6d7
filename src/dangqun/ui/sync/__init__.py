"""The 数据同步 page's parts (issue 16): the export dialog, the overview it reads, screenshots.

The page itself is :mod:`dangqun.ui.pages.sync_page`; it is declared by
:mod:`dangqun.sync.feature`.
"""
