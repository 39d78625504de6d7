"""Word lists for realistic demo people in a Kunming community (the seeds' setting)."""

from __future__ import annotations

# The most common surnames, weighted roughly by frequency (王 李 张 刘 陈 …).
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
    "薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武"
    "乔贺赖龚文"
)
SURNAME_WEIGHTS = tuple(max(1, 60 - index) for index in range(len(SURNAMES)))
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官")

GIVEN_NAME_CHARACTERS_MALE = (
    "伟强磊军勇杰涛明超刚平辉鹏华飞波斌宇浩凯健俊帆林建国志文海峰成东亮家兴德正云龙"
)
GIVEN_NAME_CHARACTERS_FEMALE = (
    "芳娜敏静丽艳娟霞秀英华慧巧美玲红梅琳萍雪倩婷颖琴兰燕凤洁佳欣怡晓春月薇"
)

# Area codes (GB/T 2260) of people registered here: mostly Kunming, some from elsewhere.
LOCAL_AREA_CODES = ("530102", "530103", "530111", "530112", "530113", "530114", "530181")
OTHER_AREA_CODES = (
    "532301", "532502", "533001", "530302", "530402", "510104", "520102", "430102", "110105",
    "320106", "440106", "500103",
)  # fmt: skip

ETHNICITY_CODES = ("01",) * 88 + (
    "07",
    "07",
    "14",
    "14",
    "16",
    "18",
    "18",
    "03",
    "08",
    "06",
    "15",
    "11",
)
EDUCATION_CODES = (
    ("10",) * 6
    + ("20",) * 30
    + ("30",) * 22
    + ("40",) * 10
    + ("60",) * 18
    + ("70",) * 10
    + ("80",) * 4
)

ROADS = (
    "翠湖北路",
    "青年路",
    "东风西路",
    "圆通街",
    "北京路",
    "学府路",
    "龙泉路",
    "人民中路",
    "金碧路",
    "环城南路",
)
RESIDENTIAL_COMPOUNDS = (
    "翠湖花园",
    "春城小区",
    "金色家园",
    "滇池明珠",
    "云大宿舍",
    "银杏苑",
    "书林苑",
    "长春小区",
)

WORK_UNITS = (
    "云南省教育厅", "昆明市人民医院", "五华区税务局", "云南大学", "昆明市第一中学", "云南电网有限责任公司",
    "中国建设银行昆明分行", "昆明市自来水公司", "五华区人民法院", "云南省图书馆", "昆明市公交集团",
    "云南白药集团", "昆明理工大学", "五华区市场监督管理局", "中国移动昆明分公司",
)  # fmt: skip
RETIRED_FROM = (
    "昆明机床厂退休",
    "云南省邮政局退休",
    "昆明钢铁公司退休",
    "五华区卫生院退休",
    "昆明市百货大楼退休",
)

FLOATING_DESTINATIONS = (
    "广东省深圳市",
    "上海市浦东新区",
    "浙江省杭州市",
    "北京市海淀区",
    "四川省成都市",
    "江苏省苏州市",
)
FLOATING_ORIGINS = (
    "曲靖市麒麟区某社区党委", "大理市下关镇党委", "昭通市昭阳区党委", "红河州个旧市党委", "楚雄市鹿城镇党委",
)  # fmt: skip

GRID_ORDINALS = "一二三四五六七八九十"
