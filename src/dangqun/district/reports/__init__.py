"""区级统计报表: the district's figures for a month, quarter or year, per center and in total,
as PDF and Excel (issue 17, DOMAIN.md §5 "the district … prints statistics").

The figures are read from the district's record store (:class:`~dangqun.district.models.
DistrictRecord`: one JSON document per synced row, foreign keys as uuids) with SQL that runs on
SQLite and on PostgreSQL (:mod:`.json_fields` is the one place the two dialects differ), grouped
by center in the database, so a district of 600,000 members is counted without loading its rows.
This package imports nothing; :mod:`.service` is the module the CLI and the workbench import.

How to use the services::

    from dangqun.district import service as district
    from dangqun.district.reports import service as reports

    db = district.open_district("district.sqlite3")           # or postgresql+psycopg://…
    period = reports.parse_period("2026-Q3")                   # 2026-07, 2026-Q3, 2026
    report = reports.district_report(db, period)               # a DistrictReport
    report.total.members_total; report.centers[0].visits_by_type
    reports.write_report(db, report, Path("R.pdf"))            # or R.xlsx; audited, owner-only
    report.as_json()

Glossary: 统计报表 = report; 统计期 = period (月/季度/年); 双报到 = in-service members registered at
the community (在职党员); 流入/流出 = floating members in/out; 批次/人次 = visits/people; 存入/兑换/
结余 = minutes earned/spent/outstanding; 三会一课 = the statutory meeting schedule; 逾期未开 =
overdue.
"""
