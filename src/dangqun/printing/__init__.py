"""Printed documents: real PDFs with embedded Chinese fonts, built with ReportLab (no Qt here).

Every document kind the app prints is listed in :mod:`dangqun.printing.registry` (kind →
builder → sample data). Feature modules fill the plain dataclasses in
:mod:`dangqun.printing.documents` and call :func:`dangqun.printing.batch.render_to_file`;
the preview window (``dangqun.ui.print_preview``) shows and prints the bytes.

Glossary:
志愿服务证明 = volunteer service certificate (民政部《志愿服务记录与证明出具办法（试行）》);
会议记录 = meeting minutes; 预约单 = booking slip; 时间银行对账单 = time-bank statement;
花名册 = member roster; 在职党员到社区报到回执 = receipt for an in-service member's registration at
the residential community (双报到); 存根 = stub kept by the issuer; 回执 = the part sent back;
公章处 = seal area; 经办人 = handler; 负责人 = person in charge; 核验码 = verification code;
仿宋 = FangSong (body type of official documents); 方正小标宋 = the title type of official
documents; 三号/四号 = Chinese type sizes 16 pt / 14 pt (GB/T 9704 uses 三号 for body text).
"""

from dangqun.core.audit import register_action_labels

register_action_labels({"print.personal_data": "打印含完整个人信息的文书"})
