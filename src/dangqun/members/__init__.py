"""Party members and the branch hierarchy.

What the module adds to dangqun is declared in :mod:`dangqun.members.feature`; this package
imports nothing, so reading that declaration costs nothing at start-up.

Glossary:
党员 = party member; 正式党员 = full member; 预备党员 = probationary member;
本社区党员 = member whose organization relationship (组织关系) is in one of the center's branches;
在职党员双报到 = in-service member registering at the residential community (dual registration);
流动党员流入/流出 = floating member, came in / went out; 离退休党员 = retired member;
街道党工委 = street party working committee; 社区党组织 = community party organization;
网格党支部 = grid branch; 楼栋党小组 = building group; 组织关系转接 = transfer of relationship;
政治生日 = political birthday (anniversary of 入党日期); 公民身份号码 = citizen ID number (GB 11643).
"""
