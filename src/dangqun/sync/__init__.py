"""数据同步: signed, encrypted, incremental packages from the center to the district, and the
district's signed receipts back (issue 16, DOMAIN.md §5).

What the module adds to dangqun is declared in :mod:`dangqun.sync.feature`; this package imports
nothing. The file formats are specified in :mod:`dangqun.sync.package` (the ``.dqpkg`` package,
its manifest and the verification order), :mod:`dangqun.sync.crypto` (keys, public key files,
fingerprints, the streaming encryption) and :mod:`dangqun.sync.receipts` (the ``.dqrcpt``
receipt). The district side (``dangqun district …``) imports those three.

Glossary: 上报数据包 = sync package; 区级回执 = district receipt; 区级公钥 = the district's
public key file; 指纹 = fingerprint; 全量 / 增量 = full / incremental; 变更号 = change counter
value (``change_seq``); 删除记录 = tombstone; 数据库同步编号 = database id.

How to use the services (``database`` a :class:`~dangqun.core.db.Database`, ``paths`` the data
directory's :class:`~dangqun.core.paths.DataPaths`)::

    from dangqun.sync import export, keys, receipts

    overview = keys.show_keys(db, paths.keys, actor)          # VIEW; makes the key if needed
    overview.public_key_path, overview.grouped_fingerprint    # hand the file to the district
    keys.install_district_key(db, paths.keys, admin, Path("区委组织部.dqkey"))  # MANAGE_SETTINGS
    result = export.export_package(db, paths.database, paths.keys, admin, Path("E:/"),
                                   full=False, progress=lambda done, total: …)
        # SEE_PERSONAL_DATA; result.path, result.seq, result.warnings (clear text without key)
    outcome = receipts.import_receipt(db, paths.keys, actor, Path("receipt-….dqrcpt"))
        # EDIT_RECORDS; outcome.acknowledged: the seqs acknowledged now
    export.package_history(db, actor)                         # newest first, with status

    # district side (S2): verify and read a package
    from dangqun.sync.package import open_package, decode_row, PackageRejected
    with open_package(path, [center_public_key_raw], district_keys.encryption) as opened:
        for line in opened.rows("members"): row = decode_row(table, line)
        for tombstone in opened.tombstones(): …
    receipts.write_receipt(out_dir, district_keys.signing, "某区委组织部", center_uuid,
                           [receipts.ReceiptEntry(seq, opened.sha256, counter_to, "imported")],
                           utc_now())

Failures are :class:`~dangqun.core.errors.DangqunError` subclasses with Chinese messages:
``PackageRejected``, ``ReceiptRejected``, ``KeyFileError``, ``ValidationError``.
"""
