"""The district's side of sync (issue 16): one database merging every center's packages.

The district organization department (区委组织部) collects packages from its centers by USB
stick or mail (DOMAIN.md §5). ``dangqun district …`` keeps them in a database of its own — an
SQLite file, or PostgreSQL by URL — with its own models (:mod:`~dangqun.district.models`) and its
own Alembic chain (:mod:`~dangqun.district.migrations`), never the center's schema. The
district workbench (issue 17) builds its reports and cross-center checks on it.

:mod:`~dangqun.district.service` is the one module the CLI and the workbench import; its
docstring shows how to use it. The package format and its verification are the sync library's
(:mod:`dangqun.sync.package`, :mod:`dangqun.sync.crypto`, :mod:`dangqun.sync.receipts`).

Glossary: 区级 = district; 数据包 = sync package (``.dqpkg``); 回执 = receipt (``.dqrcpt``);
缺号 = a gap in a center's package sequence; 已导入过 = already imported; 重放 = replay (the same
seq with other content); 试导入 = dry run; 墓碑 = tombstone (a deleted record's trace).
"""
