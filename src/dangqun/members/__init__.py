"""Party members and the branch hierarchy.

Glossary:
党员 = party member; 正式党员 = full member; 预备党员 = probationary member;
本社区党员 = member whose organization relationship (组织关系) is in one of the center's branches;
在职党员双报到 = in-service member registering at the residential community (dual registration);
流动党员流入/流出 = floating member, came in / went out; 离退休党员 = retired member;
街道党工委 = street party working committee; 社区党组织 = community party organization;
网格党支部 = grid branch; 楼栋党小组 = building group; 组织关系转接 = transfer of relationship;
政治生日 = political birthday (anniversary of 入党日期); 公民身份号码 = citizen ID number (GB 11643).
"""

from dangqun.core.audit import register_action_labels

register_action_labels(
    {
        "member.create": "登记党员",
        "member.update": "修改党员信息",
        "member.transfer_out": "组织关系转出",
        "members.import": "导入花名册",
        "members.export": "导出党员名单",
        "organization.create": "新增组织",
        "organization.update": "修改组织",
        "organization.move": "移动组织",
        "organization.delete": "删除组织",
    }
)
