"""The members feature's stored codes as the audit viewer names them (issue 11: the log showed
``党员类型: local`` and ``性别: 1``). Declared as ``Feature.audit_value_labels``; read only by
the audit viewer, so the code tables stay off the start path."""

from __future__ import annotations

from dangqun.members.codes import EDUCATIONS, ETHNICITIES, GENDERS
from dangqun.members.vocabulary import (
    MEMBER_CATEGORY_LABELS,
    MEMBER_KIND_LABELS,
    MEMBER_STATUS_LABELS,
    ORGANIZATION_LEVEL_LABELS,
)

VALUE_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "member": {
        "kind": {kind.value: label for kind, label in MEMBER_KIND_LABELS.items()},
        "category": {category.value: label for category, label in MEMBER_CATEGORY_LABELS.items()},
        "status": {status.value: label for status, label in MEMBER_STATUS_LABELS.items()},
        "gender_code": {code: GENDERS.label(code) for code in GENDERS.codes()},
        "ethnicity_code": {code: ETHNICITIES.label(code) for code in ETHNICITIES.codes()},
        "education_code": {code: EDUCATIONS.label(code) for code in EDUCATIONS.codes()},
    },
    "organization": {
        "level": {level.value: label for level, label in ORGANIZATION_LEVEL_LABELS.items()},
    },
}
