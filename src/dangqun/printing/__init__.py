"""Printed documents: real PDFs with embedded Chinese fonts, built with ReportLab (no Qt here).

The engine lays out pages and knows no feature: each feature registers its document kinds
(:class:`dangqun.printing.kinds.DocumentKind`: kind → builder → sample data → loader) in its
``feature.py``, and :mod:`dangqun.printing.registry` collects them. The preview window
(``dangqun.ui.print_preview``) shows and prints the bytes. This package imports nothing, so
reading :mod:`dangqun.printing.feature` costs nothing at start-up.

Glossary:
志愿服务证明 = volunteer service certificate (民政部《志愿服务记录与证明出具办法（试行）》);
会议记录 = meeting minutes; 预约单 = booking slip; 时间银行对账单 = time-bank statement;
花名册 = member roster; 在职党员到社区报到回执 = receipt for an in-service member's registration at
the residential community (双报到); 存根 = stub kept by the issuer; 回执 = the part sent back;
公章处 = seal area; 经办人 = handler; 负责人 = person in charge; 核验码 = verification code;
仿宋 = FangSong (body type of official documents); 方正小标宋 = the title type of official
documents; 三号/四号 = Chinese type sizes 16 pt / 14 pt (GB/T 9704 uses 三号 for body text).
"""
