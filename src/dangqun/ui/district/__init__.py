"""区级工作台: the district mode of the GUI (issue 17), ``dangqun district gui --db URL``.

The same application shell as a center's (:class:`dangqun.ui.main_window.MainWindow`: sidebar
navigation, status bar, sign-in cover) given the district's own page list
(:data:`.window.DISTRICT_PAGES`): 中心 (centers, their last package, gaps, days since the last
report), 导入 (packages or a USB folder, the DHIS2-style report on screen, dry run), 党员 (search
across centers, masked by role), 统计 (the district report: period, figures, charts, PDF and
Excel), 核查 (one 身份号码 at two centers side by side, the clerk's decision; overdue centers and
their setting: :mod:`.checks_page`) and 下发 (a package back to one center: :mod:`.send_page`).
Strings are English sources translated through ``resources/i18n`` (the ``District*`` contexts). Users are the district's own (:mod:`dangqun.district.users`); the pages call the
district's services on worker threads (:mod:`dangqun.ui.threads`) and never hold a session.
"""
